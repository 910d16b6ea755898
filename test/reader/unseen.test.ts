// The reader over layouts it was not written for (test/reader/unseen-layouts.ts): what a reviewer at the finance
// bureau expects to be read, field by field, and the findings that matter on each form.
import ExcelJS from "exceljs";
import type { Evaluation, Form } from "../../src/domain/model";
import { evaluateForm } from "../../src/domain/evaluate";
import { readXlsxBuffer } from "../../src/xlsx/read";
import { readForms } from "../../src/sheet/read";
import * as L from "./unseen-layouts";

async function formsOf(build: (wb: ExcelJS.Workbook) => void): Promise<Form[]> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const grids = await readXlsxBuffer(Buffer.from(await wb.xlsx.writeBuffer()));
  return grids.flatMap(readForms);
}
async function one(build: (wb: ExcelJS.Workbook) => void): Promise<Form> {
  const forms = await formsOf(build);
  expect(forms).toHaveLength(1);
  return forms[0];
}
const codesAt = (ev: Evaluation, code: string): (string | undefined)[] => ev.findings.filter((f) => f.code === code).map((f) => f.cell);
const col = <K extends keyof Form["indicators"][number]>(f: Form, k: K) => f.indicators.map((i) => i[k]);

test("title, 填报单位 line, funds block, table at row 20 column C with labels broken by line breaks and full-width spaces", async () => {
  const f = await one(L.offsetTable);
  expect(f).toMatchObject({ kind: "project", name: "高标准农田建设", unit: "某县农业农村局", year: 2023, scored: true, anchor: "B2" });
  expect(f.funds).toMatchObject({
    moneyUnit: "万元",
    initialBudget: { value: 500 },
    budget: { value: 520, cell: "E9" },
    spent: { value: 468, cell: "F9" },
    weight: { value: 10 },
    enteredRate: { value: 0.9 },
    enteredScore: { value: 9 },
  });
  expect(f.funds!.sums.find((g) => g.label === "全年预算数")!.parts.map((p) => p.label)).toEqual(["本年财政拨款", "上年结转资金", "其他资金"]);
  expect(f.goals[0]).toMatchObject({ text: expect.stringContaining("2万亩"), actualText: expect.stringContaining("1.9万亩") });
  expect(f.indicators).toHaveLength(7);
  expect(col(f, "name")[0]).toBe("新建高标准农田面积");
  expect(f.indicators[0]).toMatchObject({ level1: "产出指标", level2: "数量指标", target: "≥2万亩", actual: "1.9万亩", weight: 20, enteredScore: 19 });
  expect(f.indicators[0].reason).toContain("土地流转");
  expect(f.indicators[0].cells).toMatchObject({ name: "E21", target: "F21", actual: "G21", weight: "H21", score: "I21", reason: "J21" });
  expect(col(f, "level1")).toEqual(["产出指标", "产出指标", "产出指标", "产出指标", "效益指标", "效益指标", "满意度指标"]);
  expect(col(f, "weight")).toEqual([20, 15, 10, 5, 15, 15, 10]);
  expect(f.enteredTotal).toMatchObject({ value: 98, cell: "I28" });
  expect(f.weightTotal?.value).toBe(100);
  expect(f.enteredGrade?.value).toBe("优");
  expect(f.readIssues).toEqual([]);
  const ev = evaluateForm(f);
  expect(ev.total).toMatchObject({ entered: 98, computed: 98, grade: "优" });
  expect(codesAt(ev, "total-mismatch")).toEqual([]);
  expect(codesAt(ev, "weights-sum-mismatch")).toEqual([]);
  expect(codesAt(ev, "deviation-reason-missing")).toEqual([]);
});

test("分值 before 指标值, 指标性质 and 计量单位 columns with bare numbers, 执行率权重/执行率得分, units inline in the title lines", async () => {
  const f = await one(L.weightsNatureUnit);
  expect(f).toMatchObject({ name: "城区绿化养护", unit: "市园林绿化中心", year: 2022, scored: true });
  expect(f.funds).toMatchObject({ initialBudget: { value: 300 }, budget: { value: 300 }, spent: { value: 285 }, weight: { value: 10 }, enteredRate: { value: 0.95 }, enteredScore: { value: 9.5 } });
  expect(f.indicators).toHaveLength(7);
  expect(col(f, "nature")).toEqual(["≥", "≥", "＝", "≤", "定性", "≥", "≥"]);
  expect(col(f, "unit")).toEqual(["万平方米", "%", "月", "万元", "", "%", "%"]);
  expect(col(f, "target")).toEqual(["120", "95", "12", "300", "明显改善", "40", "90"]);
  expect(col(f, "actual")).toEqual(["125", "93", "12", "285", "达成年度指标", "41", "88"]);
  expect(col(f, "weight")).toEqual([20, 15, 5, 10, 15, 15, 10]);
  expect(f.indicators[1]).toMatchObject({ name: "苗木成活率", enteredScore: 14.68, reason: "春季干旱，已补植", cells: { weight: "D9", target: "F9", score: "I9" } });
  expect(f.enteredTotal).toMatchObject({ value: 98.96, cell: "I15" });
  expect(f.enteredGrade).toBeNull();
  const ev = evaluateForm(f);
  expect(ev.total?.computed).toBe(98.96);
  // 市民满意度 88 against ≥90 with no reason: the one thing to send back
  expect(codesAt(ev, "deviation-reason-missing")).toEqual(["J14"]);
  expect(codesAt(ev, "total-mismatch")).toEqual([]);
  expect(codesAt(ev, "direction-suspicious")).toEqual([]);
});

test("funds written across one row in 元 as text with thousands separators; scores as text; 合计 row", async () => {
  const f = await one(L.horizontalFundsYuan);
  expect(f).toMatchObject({ name: "乡村学校营养餐补助", unit: "某县教育局", year: 2023 });
  expect(f.funds).toMatchObject({
    moneyUnit: "元",
    budget: { value: 1250000, raw: "1,250,000.00", cell: "B4" },
    spent: { value: 1100000, cell: "D4" },
    enteredRate: { value: 0.88, cell: "F4" },
    weight: null,
  });
  expect(col(f, "name")).toEqual(["受益学生人数", "生均补助标准", "学生营养状况改善", "家长满意度"]);
  expect(col(f, "target")).toEqual(["≥5,000人", "≤5元/人·天", "有所改善", "≥90%"]);
  expect(col(f, "weight")).toEqual([30, 20, 30, 20]);
  expect(col(f, "enteredScore")).toEqual([30, 20, 30, 20]);
  expect(f.enteredTotal).toMatchObject({ value: 100, cell: "G11" });
  expect(f.weightTotal?.value).toBe(100);
  const ev = evaluateForm(f);
  expect(ev.funds?.rate).toBeCloseTo(0.88, 6);
  // 执行率 88% under the 90% threshold and nothing explains it
  expect(codesAt(ev, "deviation-reason-missing")).toEqual(["F4"]);
  expect(codesAt(ev, "execution-rate-mismatch")).toEqual([]);
  expect(codesAt(ev, "weights-sum-mismatch")).toEqual([]);
  expect(codesAt(ev, "total-mismatch")).toEqual([]);
});

test("一级 merged over 10 rows with merged 二级 inside and weights in the 一级 cells; 预算数(A)/执行数(B)", async () => {
  const f = await one(L.mergedBlocks);
  expect(f).toMatchObject({ kind: "department", name: "某区卫生健康局", year: 2022 });
  expect(f.funds).toMatchObject({ budget: { value: 2000 }, spent: { value: 1960 }, enteredRate: { value: 0.98 }, weight: { value: 10 }, enteredScore: { value: 9.8 } });
  expect(f.indicators).toHaveLength(13);
  expect(f.indicators.slice(0, 10).every((i) => i.level1 === "产出指标" && i.level1Weight === 50)).toBe(true);
  expect(col(f, "level2").slice(0, 10)).toEqual(["数量指标", "数量指标", "数量指标", "数量指标", "质量指标", "质量指标", "时效指标", "时效指标", "成本指标", "成本指标"]);
  expect(f.indicators[9]).toMatchObject({ name: "设备采购成本", target: "≤50万元", actual: "48万元", weight: 5, cells: { level1: "A7", level2: "B15", name: "C16" } });
  expect(f.indicators[11]).toMatchObject({ level1: "效益指标", level1Weight: 30, level2: "社会效益指标" });
  expect(f.indicators[12]).toMatchObject({ level1: "满意度指标", level1Weight: 10, name: "居民满意度" });
  expect(f.enteredTotal?.value).toBe(99.8);
  expect(f.enteredGrade?.value).toBe("优秀");
  const ev = evaluateForm(f);
  expect(ev.total).toMatchObject({ computed: 99.8, grade: "优" });
  for (const code of ["weights-sum-mismatch", "total-mismatch", "grade-mismatch", "category-invalid"]) expect(codesAt(ev, code)).toEqual([]);
});

test("two forms on one sheet, one below the other: each keeps its own funds, indicators and 总分", async () => {
  const forms = await formsOf(L.twoForms);
  expect(forms.map((f) => f.name)).toEqual(["困难群众临时救助", "残疾人两项补贴"]);
  const [a, b] = forms;
  expect(a.funds).toMatchObject({ budget: { value: 80, cell: "C4" }, spent: { value: 80 }, enteredRate: { value: 1 } });
  expect(col(a, "name")).toEqual(["救助人次", "困难群众基本生活保障", "救助对象满意度"]);
  expect(a.enteredTotal).toMatchObject({ value: 100, cell: "G9" });
  expect(b.anchor).toBe("A14");
  expect(b.funds).toMatchObject({ budget: { value: 120, cell: "C17" }, spent: { value: 96 }, enteredRate: { value: 0.8 }, enteredScore: { value: 8 } });
  expect(col(b, "name")).toEqual(["补贴发放人数", "残疾人生活水平", "补贴对象满意度"]);
  expect(col(b, "enteredScore")).toEqual([45, 22, 10]);
  expect(b.enteredTotal).toMatchObject({ value: 85, cell: "G22" });
  const ea = evaluateForm(a);
  expect(ea.findings.filter((x) => x.severity === "error")).toEqual([]);
  const eb = evaluateForm(b);
  // 执行率 80%, 1800 of 2000 people, 部分达成 — none explained
  expect(codesAt(eb, "deviation-reason-missing")).toEqual(["F17", "H19", "H20"]);
  expect(codesAt(eb, "total-mismatch")).toEqual([]);
});

test("an empty column inserted in the table and a note row between indicator rows", async () => {
  const f = await one(L.insertedColumnAndNote);
  expect(f.indicators).toHaveLength(4);
  expect(col(f, "name")).toEqual(["送戏下乡场次", "演出合格率", "群众文化参与人次", "群众满意度"]);
  expect(f.indicators[2]).toMatchObject({ level1: "效益指标", target: "≥3万人次", actual: "2.4万人次", weight: 30, enteredScore: 24, cells: { row: 10, actual: "F10" } });
  expect(f.enteredTotal).toMatchObject({ value: 92.5, cell: "H12" });
  expect(f.enteredGrade?.value).toBe("优");
  const ev = evaluateForm(f);
  expect(ev.total?.computed).toBe(92.5);
  expect(codesAt(ev, "deviation-reason-missing")).toEqual(["F4", "I10"]);
  expect(codesAt(ev, "weights-sum-mismatch")).toEqual([]);
  expect(codesAt(ev, "total-mismatch")).toEqual([]);
});

test("funds as label/value rows down a column, 指标类型 (定量/定性), 权重, 合计, 评价等级 and a shared 偏差原因分析", async () => {
  const f = await one(L.verticalFundsTypes);
  expect(f).toMatchObject({ kind: "department", name: "某镇人民政府", year: 2023 });
  expect(f.funds).toMatchObject({ initialBudget: { value: 900 }, budget: { value: 1000, cell: "C4" }, spent: { value: 820, cell: "C5" }, enteredRate: { value: 0.82 } });
  expect(col(f, "nature")).toEqual(["定量", "定性", "定性", "定量"]);
  expect(col(f, "weight")).toEqual([40, 20, 30, 10]);
  expect(col(f, "enteredScore")).toEqual([30, 14, 30, 10]);
  expect(f.enteredTotal).toMatchObject({ value: 84, cell: "H13" });
  expect(f.enteredGrade).toMatchObject({ value: "良好", cell: "B14" });
  expect(f.sharedReason?.value).toContain("道路维修里程");
  const ev = evaluateForm(f);
  // the shared reason names both missed indicators but not the 执行率 of 82%
  expect(codesAt(ev, "deviation-reason-missing")).toEqual(["B15"]);
  expect(codesAt(ev, "qualitative-score-out-of-band")).toEqual([]);
  expect(codesAt(ev, "grade-mismatch")).toEqual([]);
  expect(codesAt(ev, "total-mismatch")).toEqual([]);
});

test("≥**人次 and ≥XX% placeholders, a weight merged over two rows, amounts as text with separators", async () => {
  const f = await one(L.placeholdersMerged);
  expect(f.funds).toMatchObject({ budget: { value: 1200, raw: "1,200.00" }, spent: { value: 1150.5 }, weight: { value: 10 }, enteredScore: { value: 9.59 } });
  expect(f.funds!.enteredRate!.value).toBeCloseTo(0.9588, 6);
  expect(col(f, "target")).toEqual(["≥**人次", "≥XX%", "≥70%", "≥90%"]);
  expect(col(f, "actual")[0]).toBe("1,320人次");
  expect(col(f, "weight")).toEqual([null, null, 30, 10]);
  expect(col(f, "enteredScore")).toEqual([20, 20, 30, 10]);
  expect(f.readIssues).toHaveLength(1);
  expect(f.readIssues[0]).toMatchObject({ cell: "F7", message: expect.stringContaining("合并") });
  expect(f.enteredTotal?.value).toBe(89.59);
  const ev = evaluateForm(f);
  expect(codesAt(ev, "target-invalid")).toEqual(["D7", "D8"]);
  expect(codesAt(ev, "read-problem")).toEqual(["F7"]);
  expect(codesAt(ev, "total-mismatch")).toEqual([]);
});

test("101号 taxonomy: 成本指标 as a 一级 with 经济/社会/生态环境成本指标", async () => {
  const f = await one(L.taxonomy101);
  expect(f).toMatchObject({ name: "农村饮水安全巩固提升", unit: "某县水利局", year: 2024 });
  expect(f.indicators).toHaveLength(10);
  expect(col(f, "level1")).toEqual(["产出指标", "产出指标", "产出指标", "成本指标", "成本指标", "成本指标", "效益指标", "效益指标", "效益指标", "满意度指标"]);
  expect(col(f, "level2").slice(3, 6)).toEqual(["经济成本指标", "社会成本指标", "生态环境成本指标"]);
  expect(f.indicators[4]).toMatchObject({ name: "征地拆迁户数", target: "≤3户", actual: "0户", weight: 3, enteredScore: 3 });
  expect(f.enteredTotal?.value).toBe(99.8);
  const ev = evaluateForm(f);
  expect(ev.total).toMatchObject({ computed: 99.8, grade: "优" });
  for (const code of ["category-invalid", "direction-suspicious", "weights-sum-mismatch", "total-mismatch", "deviation-reason-missing"]) expect(codesAt(ev, code)).toEqual([]);
});

test("two header rows: 指标值 over 年初目标值 | 调整指标值, 评分 over 分值 | 得分", async () => {
  const f = await one(L.twoRowHeader);
  expect(f.indicators).toHaveLength(3);
  expect(f.indicators[0]).toMatchObject({ name: "改造小区数量", target: "≥10个", adjustedTarget: "≥12个", actual: "12个", weight: 50, enteredScore: 50, cells: { row: 8, weight: "G8", score: "H8" } });
  expect(col(f, "weight")).toEqual([50, 30, 10]);
  expect(f.enteredTotal).toMatchObject({ value: 99.5, cell: "H11" });
  const ev = evaluateForm(f);
  expect(ev.total?.computed).toBe(99.5);
  expect(ev.findings.filter((x) => x.severity === "error")).toEqual([]);
});

test("序号 column, 预期指标值 | 实际完成指标值 | 标准分 | 自评分 | 未完成原因及改进措施, grade inline as 自评等级：优", async () => {
  const f = await one(L.serialSynonyms);
  expect(f).toMatchObject({ name: "政务服务“一网通办”运维", unit: "某市行政审批服务局", year: 2023 });
  expect(f.funds).toMatchObject({ budget: { value: 150 }, spent: { value: 150 }, weight: { value: 10, cell: "G5" }, enteredScore: { value: 10, cell: "H5" } });
  expect(col(f, "name")).toEqual(["线上可办事项数", "系统可用率", "群众少跑腿次数", "办事群众满意度"]);
  expect(col(f, "weight")).toEqual([30, 20, 30, 10]);
  expect(f.indicators[1]).toMatchObject({ target: "≥99.9%", actual: "99.5%", enteredScore: 19.92, cells: { reason: "I9" } });
  expect(f.enteredTotal?.value).toBe(99.92);
  expect(f.enteredGrade).toMatchObject({ value: "优", cell: "A13" });
  const ev = evaluateForm(f);
  expect(codesAt(ev, "deviation-reason-missing")).toEqual(["I9"]);
  expect(codesAt(ev, "grade-mismatch")).toEqual([]);
});

test("预算安排数 | 资金到位数 | 实际支出数 with a 合计 funds row that is not the 总分; 项目单位; 备注 column", async () => {
  const f = await one(L.countyWords);
  expect(f).toMatchObject({ name: "农村人居环境整治", unit: "某县住建局", year: 2023 });
  expect(f.funds).toMatchObject({ budget: { value: 260, cell: "B4" }, spent: { value: 221, cell: "D4" }, enteredRate: { value: 0.85 }, weight: { value: 10 }, enteredScore: { value: 8.5 } });
  expect(col(f, "name")).toEqual(["改厕户数", "村庄保洁覆盖率", "村民满意度"]);
  expect(col(f, "target")).toEqual(["≥1200户", "≥95%", "≥90%"]);
  expect(col(f, "actual")).toEqual(["1260户", "96%", "92%"]);
  expect(f.enteredTotal).toMatchObject({ value: 98.5, cell: "G10" });
  expect(f.weightTotal?.value).toBe(100);
  expect(f.sharedReason?.value).toContain("预算执行率偏低");
  const ev = evaluateForm(f);
  expect(ev.total).toMatchObject({ entered: 98.5, computed: 98.5 });
  // 执行率 85% is explained in the shared 偏差原因分析, which names it
  expect(codesAt(ev, "deviation-reason-missing")).toEqual([]);
  expect(codesAt(ev, "total-mismatch")).toEqual([]);
  expect(codesAt(ev, "weights-sum-mismatch")).toEqual([]);
});

test("two stacked forms where the second is announced only by its title; 具体指标 | 年度计划值 | 实际达成值 | 指标分值 | 自评得分", async () => {
  const forms = await formsOf(L.titledSecondForm);
  expect(forms).toHaveLength(2);
  const [a, b] = forms;
  expect(a).toMatchObject({ name: "“河道保洁”项目", year: 2023, anchor: "A1", enteredTotal: { value: 100, cell: "G5" } });
  expect(col(a, "name")).toEqual(["保洁河道长度", "沿岸居民满意度"]);
  expect(b).toMatchObject({ name: "“河长制宣传”项目", anchor: "A7", enteredTotal: { value: 85, cell: "G11" } });
  expect(b.indicators[0]).toMatchObject({ name: "宣传活动场次", target: "≥12场", actual: "9场", weight: 60, enteredScore: 45, cells: { reason: "H9" } });
  expect(codesAt(evaluateForm(a), "deviation-reason-missing")).toEqual([]);
  expect(codesAt(evaluateForm(b), "deviation-reason-missing")).toEqual(["H9"]);
  expect(codesAt(evaluateForm(b), "total-mismatch")).toEqual([]);
});
