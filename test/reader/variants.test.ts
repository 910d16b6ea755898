// The reader over layouts of our own: every variant of issue #5 item 1, read by labels wherever they stand.
import * as path from "node:path";
import type { Form } from "../../src/domain/model";
import { readXlsxFile } from "../../src/xlsx/read";
import { readForms } from "../../src/sheet/read";

const FIX = path.join(__dirname, "..", "fixtures", "xlsx");
async function one(name: string): Promise<Form> {
  const forms = (await readXlsxFile(path.join(FIX, `${name}.xlsx`))).flatMap(readForms);
  expect(forms).toHaveLength(1);
  return forms[0];
}

test("national 10号 project form: 分值 before 执行率, 其中 rows, 偏差原因 column, 总分", async () => {
  const f = await one("variant-national-project");
  expect(f).toMatchObject({ kind: "project", name: "社区养老服务补助", unit: "某区民政局", year: 2023, scored: true });
  expect(f.funds?.weight?.value).toBe(10);
  expect(f.funds?.enteredRate?.value).toBeCloseTo(0.862, 6);
  expect(f.funds?.enteredScore?.value).toBe(9);
  const budgetParts = f.funds?.sums.find((g) => g.label === "全年预算数");
  expect(budgetParts?.parts.map((p) => p.label)).toEqual(["当年财政拨款", "上年结转资金", "其他资金"]);
  expect(f.indicators).toHaveLength(7);
  expect(f.indicators[1]).toMatchObject({ name: "服务满意达标率", reason: "部分服务点人员不足，已补充招聘", cells: { reason: "I14" } });
  expect(f.enteredTotal).toMatchObject({ value: 95, cell: "H20" });
  expect(f.goals[0]).toMatchObject({ text: expect.stringContaining("居家养老"), actualText: expect.stringContaining("1350人次") });
});

test("sign in its own column, unit column, blank column, offset rows and columns, 调整后预算数, 执行率权重/得分", async () => {
  const f = await one("variant-sign-unit-columns");
  expect(f.name).toBe("基层干部培训");
  expect(f.funds).toMatchObject({ initialBudget: { value: 100 }, budget: { value: 120, cell: "E9" }, spent: { value: 110 }, weight: { value: 10 }, enteredScore: { value: 9.17 } });
  expect(f.indicators[0]).toMatchObject({ nature: "≥", target: "30", unit: "人次", actual: "28", weight: 20, enteredScore: 18.67, cells: { name: "E12", actual: "J12" } });
  expect(f.indicators[2]).toMatchObject({ name: "培训成本", nature: "≤", unit: "万元" });
  expect(f.indicators[3].nature).toBe("定性");
  expect(f.enteredTotal?.value).toBe(95.84);
  expect(f.enteredGrade?.value).toBe("优");
});

test("rearranged columns: 二级 before 一级, 指标权重(分) before 年初指标值, 调整指标值, 度量单位, 全年完成值, 原因", async () => {
  const f = await one("variant-weights-first-adjusted");
  expect(f.kind).toBe("department");
  expect(f.name).toBe("某市统计局");
  expect(f.funds).toMatchObject({ budget: { value: 800 }, spent: { value: 760 }, weight: { value: 10 }, enteredScore: { value: 9.5 } });
  expect(f.indicators[0]).toMatchObject({ level1: "产出指标", level1Weight: 50, level2: "数量指标", name: "统计调查项目数", target: "≥12", adjustedTarget: "≥14", unit: "项", actual: "14", weight: 20 });
  expect(f.indicators[2].reason).toContain("系统升级");
  expect(f.indicators[3]).toMatchObject({ level1: "效益指标", level1Weight: 30 });
  expect(f.enteredTotal?.value).toBe(98.5);
  expect(f.enteredGrade?.value).toBe("优秀");
});

test("stray spaces and line breaks in labels; text in a number cell and a merged score become ReadIssues", async () => {
  const f = await one("variant-broken-cells");
  expect(f.name).toBe("农村道路养护");
  expect(f.indicators.map((i) => i.name)).toEqual(["养护里程", "路面完好率", "养护完成及时率"]);
  expect(f.indicators[0]).toMatchObject({ weight: null, enteredScore: 5, target: "≥120公里" });
  expect(f.indicators[1].enteredScore).toBeNull();
  expect(f.readIssues.map((r) => r.cell)).toEqual(["F4", "G5"]);
  expect(f.readIssues[0].message).toContain("不是数字");
  expect(f.readIssues[1].message).toContain("合并");
  expect(f.enteredTotal?.value).toBe(23);
});
