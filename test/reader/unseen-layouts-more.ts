// More unseen layouts (see unseen-layouts.ts): other header words, a 序号 column, county wording, titled stacked forms.

import type ExcelJS from "exceljs";
import { SheetBuilder, type Val } from "../fixtures/xlsx/sheet-builder";

/** A 序号 column, other header words (预期指标值 | 实际完成指标值 | 标准分 | 自评分 | 未完成原因及改进措施), grade inline. */
export function serialSynonyms(wb: ExcelJS.Workbook): void {
  const s = new SheetBuilder(wb.addWorksheet("附表3"));
  s.merge("A1:I1", "附件3");
  s.merge("A2:I2", "2023年度部门预算项目绩效自评表");
  s.merge("A3:E3", "项目名称：政务服务“一网通办”运维").merge("F3:I3", "主管部门：某市行政审批服务局");
  s.row(4, "A", ["序号", "项目资金", "年初预算数", "全年预算数", "全年执行数", "执行率", "标准分", "自评分"]);
  s.row(5, "A", [1, "年度资金总额", 150, 150, 150, "100%", 10, 10]);
  s.row(7, "A", ["序号", "一级指标", "二级指标", "三级指标", "预期指标值", "实际完成指标值", "标准分", "自评分", "未完成原因及改进措施"]);
  const rows: Val[][] = [
    [1, "产出指标", "数量指标", "线上可办事项数", "≥800项", "850项", 30, 30, ""],
    [2, null, "质量指标", "系统可用率", "≥99.9%", "99.5%", 20, 19.92, ""],
    [3, "效益指标", "社会效益指标", "群众少跑腿次数", "≥10万次", "12万次", 30, 30, ""],
    [4, "满意度指标", "服务对象满意度指标", "办事群众满意度", "≥95%", "97%", 10, 10, ""],
  ];
  rows.forEach((v, i) => s.row(8 + i, "A", v));
  s.merge("A12:F12", "总分").set("G12", 100).set("H12", 99.92);
  s.merge("A13:I13", "自评等级：优");
}

/** County words: 预算安排数 | 资金到位数 | 实际支出数, a 备注 column, 指标值（年度目标）| 实际值, year as （2023年）. */
export function countyWords(wb: ExcelJS.Workbook): void {
  const s = new SheetBuilder(wb.addWorksheet("县级"));
  s.merge("A1:I1", "某县项目支出绩效自评表（2023年）");
  s.set("A2", "项目名称").merge("B2:E2", "农村人居环境整治").set("F2", "项目单位").merge("G2:I2", "某县住建局");
  s.row(3, "A", ["项目资金（万元）", "预算安排数", "资金到位数", "实际支出数", "预算执行率", "权重", "得分"]);
  s.row(4, "A", ["合计", 260, 260, 221, "85%", 10, 8.5]);
  s.row(6, "A", ["一级指标", "二级指标", "三级指标", "指标值（年度目标）", "实际值", "权重", "得分", "偏差原因", "备注"]);
  const rows: Val[][] = [
    ["产出指标", "数量指标", "改厕户数", "≥1200户", "1260户", 40, 40, "", ""],
    ["效益指标", "生态效益指标", "村庄保洁覆盖率", "≥95%", "96%", 40, 40, "", "抽查"],
    ["满意度指标", "服务对象满意度指标", "村民满意度", "≥90%", "92%", 10, 10, "", ""],
  ];
  rows.forEach((v, i) => s.row(7 + i, "A", v));
  s.merge("A10:E10", "合计").set("F10", 100).set("G10", 98.5);
  s.set("A11", "偏差原因分析").merge("B11:I11", "预算执行率偏低：部分工程款待审计后支付，已督促施工方尽快结算。");
}

/** Two forms stacked where the second is announced only by its title ("…项目绩效自评表"), other header words. */
export function titledSecondForm(wb: ExcelJS.Workbook): void {
  const s = new SheetBuilder(wb.addWorksheet("汇总"));
  const head = ["一级指标", "二级指标", "具体指标", "年度计划值", "实际达成值", "指标分值", "自评得分", "偏差原因说明"];
  s.merge("A1:H1", "2023年度“河道保洁”项目绩效自评表");
  s.row(2, "A", head);
  s.row(3, "A", ["产出指标", "数量指标", "保洁河道长度", "≥35公里", "36公里", 60, 60, ""]);
  s.row(4, "A", ["满意度指标", "服务对象满意度指标", "沿岸居民满意度", "≥90%", "91%", 40, 40, ""]);
  s.merge("A5:E5", "总分").set("F5", 100).set("G5", 100);
  s.merge("A7:H7", "2023年度“河长制宣传”项目绩效自评表");
  s.row(8, "A", head);
  s.row(9, "A", ["产出指标", "数量指标", "宣传活动场次", "≥12场", "9场", 60, 45, ""]);
  s.row(10, "A", ["效益指标", "社会效益指标", "公众护河意识", "明显提高", "达成年度指标", 40, 40, ""]);
  s.merge("A11:E11", "总分").set("F11", 100).set("G11", 85);
}
