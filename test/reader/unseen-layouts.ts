// Layouts from bureaus the reader has never seen (docs/rules.md#layout-variants), built in memory
// with ExcelJS: offsets, broken labels, extra columns, funds written across a row in 元, merged blocks, two forms on a
// sheet, note rows, text numbers, placeholders and the 101号 taxonomy. Each builder writes one sheet.

import ExcelJS from "exceljs";
import { SheetBuilder, type Val } from "../fixtures/xlsx/sheet-builder";
import { countyWords, serialSynonyms, titledSecondForm } from "./unseen-layouts-more";

export { countyWords, serialSynonyms, titledSecondForm };

/** Title, 填报单位 line, funds block, then the indicator table at row 20 column C; labels broken by \n and full-width spaces. */
export function offsetTable(wb: ExcelJS.Workbook): void {
  const s = new SheetBuilder(wb.addWorksheet("农田"));
  s.merge("B2:L2", "2023年度项目支出绩效自评表");
  s.merge("B3:H3", "填报单位（盖章）：某县农业农村局").set("K3", "单位：万元");
  s.set("B5", "项目名称").merge("C5:F5", "高标准农田建设").set("G5", "主管部门").merge("H5:L5", "某县农业农村局");
  s.set("B6", "实施单位").merge("C6:F6", "某县农田建设服务中心");
  s.merge("B8:B12", "项目资金\n（万元）");
  s.row(8, "D", ["年初\n预算数", "全年\n预算数", "全年\n执行数", "分　值", "执行率", "得　分"]);
  s.row(9, "C", ["年度资金总额", 500, 520, 468, 10, "90%", 9]);
  s.row(10, "C", ["其中：本年财政拨款", 500, 520, 468]);
  s.row(11, "C", ["上年结转资金", 0, 0, 0]);
  s.row(12, "C", ["其他资金"]);
  s.merge("B14:B15", "年度总体目标").merge("C14:G14", "预期目标").merge("H14:L14", "实际完成情况");
  s.merge("C15:G15", "新建高标准农田2万亩，亩均粮食产能提高100斤。").merge("H15:L15", "新建高标准农田1.9万亩。");
  s.merge("B20:B27", "绩效\n指标");
  s.row(20, "C", ["一级\n指标", "二级\n指标", "三 级\n指 标", "年度\n指标值", "实 际\n完成值", "分　值", "得　分"]);
  s.merge("J20:L20", "偏差原因分析\n及改进措施");
  const rows: Val[][] = [
    ["产出指标", "数量指标", "新建高标准农田面积", "≥2万亩", "1.9万亩", 20, 19],
    [null, "质量指标", "工程验收合格率", "100%", "100%", 15, 15],
    [null, "时效指标", "项目完工时间", "2023年12月底前", "2023年11月完工", 10, 10],
    [null, "成本指标", "亩均建设成本", "≤3000元/亩", "2950元/亩", 5, 5],
    ["效益指标", "经济效益指标", "亩均粮食产能提高", "≥100斤", "110斤", 15, 15],
    [null, "社会效益指标", "带动农民增收", "有所增加", "达成年度指标", 15, 15],
    ["满意度指标", "服务对象满意度指标", "受益农户满意度", "≥90%", "95%", 10, 10],
  ];
  rows.forEach((v, i) => s.row(21 + i, "C", v));
  s.merge("J21:L21", "部分地块因土地流转纠纷延后实施，已纳入下年度计划");
  s.merge("C28:G28", "自评总分").set("H28", 100).set("I28", 98);
  s.merge("C29:G29", "评价等级").merge("H29:I29", "优");
}

/** 分值 before 指标值, a 指标性质 column (≥ ≤ ＝ 定性), a 计量单位 column with bare numbers, 执行率权重/得分. */
export function weightsNatureUnit(wb: ExcelJS.Workbook): void {
  const s = new SheetBuilder(wb.addWorksheet("绿化"));
  s.merge("A1:J1", "某市部门预算项目绩效自评表（2022年度）");
  s.merge("A2:E2", "项目名称：城区绿化养护").merge("F2:J2", "实施单位：市园林绿化中心");
  s.row(4, "A", ["项目资金", "年初预算数", "全年预算数", "全年执行数", "执行率", "执行率权重", "执行率得分"]);
  s.row(5, "A", ["年度资金总额", 300, 300, 285, "95%", 10, 9.5]);
  s.row(7, "A", ["一级指标", "二级指标", "三级指标", "分值", "指标性质", "指标值", "计量单位", "实际完成值", "得分", "偏差原因分析"]);
  const rows: Val[][] = [
    ["产出指标", "数量指标", "绿化养护面积", 20, "≥", 120, "万平方米", 125, 20, ""],
    [null, "质量指标", "苗木成活率", 15, "≥", 95, "%", 93, 14.68, "春季干旱，已补植"],
    [null, "时效指标", "养护月数", 5, "＝", 12, "月", 12, 5, ""],
    [null, "成本指标", "养护成本", 10, "≤", 300, "万元", 285, 10, ""],
    ["效益指标", "社会效益指标", "市容环境改善", 15, "定性", "明显改善", "", "达成年度指标", 15, ""],
    [null, "生态效益指标", "绿化覆盖率", 15, "≥", 40, "%", 41, 15, ""],
    ["满意度指标", "服务对象满意度指标", "市民满意度", 10, "≥", 90, "%", 88, 9.78, ""],
  ];
  rows.forEach((v, i) => s.row(8 + i, "A", v));
  s.merge("A15:C15", "总分").set("D15", 100).set("I15", 98.96);
}

/** Funds written across one row in 元 (预算数 | 1,250,000.00 | 执行数 | … | 执行率 | …), amounts as text with separators. */
export function horizontalFundsYuan(wb: ExcelJS.Workbook): void {
  const s = new SheetBuilder(wb.addWorksheet("营养餐"));
  s.merge("A1:H1", "2023年度项目绩效自评表");
  s.set("A2", "项目名称").merge("B2:D2", "乡村学校营养餐补助").set("E2", "主管部门").merge("F2:H2", "某县教育局");
  s.merge("A3:E3", "一、项目资金使用情况").merge("F3:H3", "单位：元");
  s.row(4, "A", ["预算数", "1,250,000.00", "执行数", "1,100,000.00", "执行率", "88.00%"]);
  s.merge("A5:H5", "二、绩效指标完成情况");
  s.row(6, "A", ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"]);
  const rows: Val[][] = [
    ["产出指标", "数量指标", "受益学生人数", "≥5,000人", "5,230人", "30", "30", ""],
    [null, "成本指标", "生均补助标准", "≤5元/人·天", "5元/人·天", "20", "20", ""],
    ["效益指标", "社会效益指标", "学生营养状况改善", "有所改善", "达成年度指标", "30", "30", ""],
    ["满意度指标", "服务对象满意度指标", "家长满意度", "≥90%", "96%", "20", "20", ""],
  ];
  rows.forEach((v, i) => s.row(7 + i, "A", v));
  s.merge("A11:E11", "合计").set("F11", "100").set("G11", "100");
}

/** One 一级 cell merged over 10 rows with merged 二级 cells inside, weights declared in the 一级 cells. */
export function mergedBlocks(wb: ExcelJS.Workbook): void {
  const s = new SheetBuilder(wb.addWorksheet("Sheet1"));
  s.merge("A1:H1", "2022年度部门整体支出绩效自评表");
  s.merge("A2:H2", "部门名称：某区卫生健康局");
  s.row(3, "A", ["资金情况", "预算数（A）", "执行数（B）", "执行率（B/A）", "分值", "得分"]);
  s.row(4, "A", ["部门整体支出", 2000, 1960, "98%", 10, 9.8]);
  s.row(6, "A", ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]);
  const names: [string, string, string, number, number][] = [
    ["家庭医生签约人数", "≥3万人", "3.2万人", 5, 5],
    ["免费体检人次", "≥5000人次", "5100人次", 5, 5],
    ["疫苗接种针次", "≥8万针次", "8.3万针次", 5, 5],
    ["健康讲座场次", "≥40场", "42场", 5, 5],
    ["体检报告合格率", "≥98%", "99%", 5, 5],
    ["接种差错率", "≤0.1%", "0%", 5, 5],
    ["病例上报及时率", "100%", "100%", 5, 5],
    ["资金拨付及时率", "100%", "100%", 5, 5],
    ["人均体检成本", "≤200元", "190元", 5, 5],
    ["设备采购成本", "≤50万元", "48万元", 5, 5],
    ["居民健康素养水平", "≥25%", "26%", 15, 15],
    ["传染病发病率", "≤万分之五", "万分之三", 15, 15],
    ["居民满意度", "≥90%", "92%", 10, 10],
  ];
  names.forEach((n, i) => s.row(7 + i, "C", n));
  s.merge("A7:A16", "产出指标\n（50分）").merge("B7:B10", "数量指标").merge("B11:B12", "质量指标").merge("B13:B14", "时效指标").merge("B15:B16", "成本指标");
  s.merge("A17:A18", "效益指标\n（30分）").merge("B17:B18", "社会效益指标");
  s.set("A19", "满意度指标\n（10分）").set("B19", "服务对象满意度指标");
  s.merge("A20:E20", "总分").set("F20", 100).set("G20", 99.8);
  s.set("A21", "综合评定等级").merge("B21:H21", "优秀");
}

/** Two project forms on one sheet, one below the other. */
export function twoForms(wb: ExcelJS.Workbook): void {
  const s = new SheetBuilder(wb.addWorksheet("自评"));
  const form = (top: number, name: string, budget: number, spent: number, rows: Val[][], total: number): void => {
    s.merge(`A${top}:H${top}`, "项目支出绩效自评表");
    s.set(`A${top + 1}`, "项目名称").merge(`B${top + 1}:H${top + 1}`, name);
    s.row(top + 2, "A", ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]);
    s.row(top + 3, "A", ["年度资金总额", budget, budget, spent, 10, `${Math.round((spent / budget) * 10000) / 100}%`, Math.round((spent / budget) * 1000) / 100]);
    s.row(top + 4, "A", ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]);
    rows.forEach((v, i) => s.row(top + 5 + i, "A", v));
    s.merge(`A${top + 5 + rows.length}:E${top + 5 + rows.length}`, "总分").set(`F${top + 5 + rows.length}`, 100).set(`G${top + 5 + rows.length}`, total);
  };
  form(1, "困难群众临时救助", 80, 80, [
    ["产出指标", "数量指标", "救助人次", "≥500人次", "520人次", 50, 50, ""],
    ["效益指标", "社会效益指标", "困难群众基本生活保障", "有效保障", "达成年度指标", 30, 30, ""],
    ["满意度指标", "服务对象满意度指标", "救助对象满意度", "≥90%", "93%", 10, 10, ""],
  ], 100);
  form(14, "残疾人两项补贴", 120, 96, [
    ["产出指标", "数量指标", "补贴发放人数", "≥2000人", "1800人", 50, 45, ""],
    ["效益指标", "社会效益指标", "残疾人生活水平", "有所提高", "部分达成年度指标并具有一定效果", 30, 22, ""],
    ["满意度指标", "服务对象满意度指标", "补贴对象满意度", "≥90%", "91%", 10, 10, ""],
  ], 85);
}

/** Someone inserted an empty column in the middle of the table and a note row between indicator rows. */
export function insertedColumnAndNote(wb: ExcelJS.Workbook): void {
  const s = new SheetBuilder(wb.addWorksheet("表2"));
  s.merge("A1:I1", "项目支出绩效自评表");
  s.set("A2", "项目名称").merge("B2:I2", "公共文化服务体系建设");
  s.row(3, "A", ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]);
  s.row(4, "A", ["年度资金总额", 60, 60, 51, 10, "85%", 8.5]);
  s.row(6, "A", ["一级指标", "二级指标", "三级指标", "年度指标值", null, "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]);
  s.row(7, "A", ["产出指标", "数量指标", "送戏下乡场次", "≥60场", null, "62场", 30, 30, ""]);
  s.row(8, "A", [null, "质量指标", "演出合格率", "100%", null, "100%", 20, 20, ""]);
  s.merge("A9:I9", "注：以下指标为年中调整后新增指标");
  s.row(10, "A", ["效益指标", "社会效益指标", "群众文化参与人次", "≥3万人次", null, "2.4万人次", 30, 24, ""]);
  s.row(11, "A", ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", null, "95%", 10, 10, ""]);
  s.merge("A12:F12", "总分").set("G12", 100).set("H12", 92.5);
  s.set("A13", "评价等级").merge("B13:I13", "优");
}

/** 权重 and 指标类型 (定量/定性), a vertical funds block, 合计 row, grade as 评价等级 with 良好. */
export function verticalFundsTypes(wb: ExcelJS.Workbook): void {
  const s = new SheetBuilder(wb.addWorksheet("部门整体"));
  s.merge("A1:H1", "2023年度部门整体支出绩效自评表");
  s.merge("A2:H2", "填报单位：某镇人民政府");
  s.merge("A3:A6", "资金情况（万元）").set("B3", "年初预算数").set("C3", 900);
  s.set("B4", "全年预算数").set("C4", 1000);
  s.set("B5", "全年执行数").set("C5", 820);
  s.set("B6", "执行率").set("C6", 0.82, "0.00%");
  s.row(8, "A", ["一级指标", "二级指标", "三级指标", "指标类型", "目标值", "完成值", "权重", "得分"]);
  const rows: Val[][] = [
    ["产出指标", "数量指标", "道路维修里程", "定量", "≥20公里", "15公里", 40, 30],
    [null, "时效指标", "工程完工及时性", "定性", "按期完成", "部分达成", 20, 14],
    ["效益指标", "社会效益指标", "群众出行条件改善", "定性", "明显改善", "达成", 30, 30],
    ["满意度指标", "服务对象满意度指标", "群众满意度", "定量", "≥85%", "90%", 10, 10],
  ];
  rows.forEach((v, i) => s.row(9 + i, "A", v));
  s.merge("A13:F13", "合计").set("G13", 100).set("H13", 84);
  s.set("A14", "评价等级").merge("B14:H14", "良好");
  s.set("A15", "偏差原因分析").merge("B15:H15", "道路维修里程未完成：雨季延误；工程完工及时性：部分路段延期。");
}

/** "≥**人次" placeholders, a merged cell where a weight should be, numbers as text with thousands separators. */
export function placeholdersMerged(wb: ExcelJS.Workbook): void {
  const s = new SheetBuilder(wb.addWorksheet("就业培训"));
  s.merge("A1:H1", "项目支出绩效自评表（2023年度）");
  s.set("A2", "项目名称").merge("B2:H2", "职业技能培训补贴");
  s.row(3, "A", ["项目资金（万元）", "全年预算数", "全年执行数", "执行率", "分值", "得分"]);
  s.row(4, "A", ["年度资金总额", "1,200.00", "1,150.50", "95.88%", "10", "9.59"]);
  s.row(6, "A", ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]);
  s.row(7, "A", ["产出指标", "数量指标", "培训人次", "≥**人次", "1,320人次", null, 20, ""]);
  s.row(8, "A", [null, "质量指标", "取证率", "≥XX%", "86%", null, 20, ""]);
  s.merge("F7:F8", 40);
  s.row(9, "A", ["效益指标", "社会效益指标", "培训后就业率", "≥70%", "75%", 30, 30, ""]);
  s.row(10, "A", ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "93%", 10, 10, ""]);
  s.merge("A11:E11", "总分").set("F11", 100).set("G11", 89.59);
}

/** 101号 taxonomy: 成本指标 as a 一级 (经济/社会/生态环境成本), 产出 数量/质量/时效, 效益 经济/社会/生态. */
export function taxonomy101(wb: ExcelJS.Workbook): void {
  const s = new SheetBuilder(wb.addWorksheet("101号"));
  s.merge("A1:H1", "2024年度中央部门项目支出绩效自评表");
  s.set("A2", "项目名称").merge("B2:D2", "农村饮水安全巩固提升").set("E2", "实施单位").merge("F2:H2", "某县水利局");
  s.row(3, "A", ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]);
  s.row(4, "A", ["年度资金总额", 400, 400, 392, 10, "98%", 9.8]);
  s.row(6, "A", ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]);
  const rows: Val[][] = [
    ["产出指标", "数量指标", "新建供水工程", "≥12处", "12处", 20, 20, ""],
    [null, "质量指标", "水质达标率", "≥95%", "97%", 15, 15, ""],
    [null, "时效指标", "工程完工时间", "2024年10月底前", "2024年9月完工", 5, 5, ""],
    ["成本指标", "经济成本指标", "单处工程造价", "≤35万元", "32.6万元", 5, 5, ""],
    [null, "社会成本指标", "征地拆迁户数", "≤3户", "0户", 3, 3, ""],
    [null, "生态环境成本指标", "施工期水土流失面积", "≤2亩", "1亩", 2, 2, ""],
    ["效益指标", "经济效益指标", "供水收费收入", "≥20万元", "21万元", 10, 10, ""],
    [null, "社会效益指标", "受益人口", "≥1.5万人", "1.6万人", 10, 10, ""],
    [null, "生态效益指标", "水源地保护面积", "≥50亩", "55亩", 10, 10, ""],
    ["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "94%", 10, 10, ""],
  ];
  rows.forEach((v, i) => s.row(7 + i, "A", v));
  s.merge("A17:E17", "总分").set("F17", 100).set("G17", 99.8);
}

/** A two-row header: 评分 merged over 分值 | 得分, 指标值 merged over 年初目标值 | 调整指标值, 完成情况 over 实际完成值. */
export function twoRowHeader(wb: ExcelJS.Workbook): void {
  const s = new SheetBuilder(wb.addWorksheet("双行表头"));
  s.merge("A1:I1", "2023年度项目支出绩效自评表");
  s.set("A2", "项目名称").merge("B2:I2", "老旧小区改造");
  s.row(3, "A", ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]);
  s.row(4, "A", ["年度资金总额", 900, 1000, 950, 10, "95%", 9.5]);
  s.merge("A6:A7", "一级指标").merge("B6:B7", "二级指标").merge("C6:C7", "三级指标");
  s.merge("D6:E6", "指标值").set("D7", "年初目标值").set("E7", "调整指标值");
  s.set("F6", "完成情况").set("F7", "实际完成值");
  s.merge("G6:H6", "评分").set("G7", "分值").set("H7", "得分");
  s.merge("I6:I7", "偏差原因分析及改进措施");
  const rows: Val[][] = [
    ["产出指标", "数量指标", "改造小区数量", "≥10个", "≥12个", "12个", 50, 50, ""],
    ["效益指标", "社会效益指标", "居住环境改善", "明显改善", "", "达成年度指标", 30, 30, ""],
    ["满意度指标", "服务对象满意度指标", "居民满意度", "≥90%", "", "92%", 10, 10, ""],
  ];
  rows.forEach((v, i) => s.row(8 + i, "A", v));
  s.merge("A11:F11", "总分").set("G11", 100).set("H11", 99.5);
}

export const UNSEEN: Record<string, (wb: ExcelJS.Workbook) => void> = {
  offsetTable,
  weightsNatureUnit,
  horizontalFundsYuan,
  mergedBlocks,
  twoForms,
  insertedColumnAndNote,
  verticalFundsTypes,
  placeholdersMerged,
  taxonomy101,
  twoRowHeader,
  serialSynonyms,
  countyWords,
  titledSecondForm,
};
