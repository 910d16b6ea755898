// Forms the add-in made, written by src/xlsx/write/ and read back through their names and JX_META.
import { buildPlan } from "../../src/sheet/render";
import { writeXlsxBuffer } from "../../src/xlsx/write";
import { readXlsxBuffer } from "../../src/xlsx/read";
import { readForms } from "../../src/sheet/read";
import { SEED002 } from "../fixtures/seed-data";
import { FORM_KINDS } from "../../src/domain/model";
import { evaluateForm } from "../../src/domain/evaluate";
import { keyToName } from "../../src/sheet/meta";
import { gridOf } from "./grid-builder";

test("a blank project template reads back as our project form, with its template id", async () => {
  const grids = await readXlsxBuffer(await writeXlsxBuffer([buildPlan("project", { unit: "某单位", project: "某项目", year: 2024 })]));
  expect(grids.map((g) => g.sheet)).not.toContain("JX_META");
  const forms = grids.flatMap(readForms);
  expect(forms).toHaveLength(1);
  expect(forms[0]).toMatchObject({ kind: "project", name: "某项目", template: { id: "jx.project" } });
  expect(forms[0].funds).not.toBeNull();
});

test("a multi-project sheet filled from seed 002 reads back project by project", async () => {
  const grids = await readXlsxBuffer(await writeXlsxBuffer([buildPlan("multi-project", {}, SEED002)]));
  const forms = grids.flatMap(readForms);
  expect(forms.map((f) => f.name)).toEqual(SEED002.map((f) => f.name));
  const p10 = forms.find((f) => f.name === "人大代表学习培训")!;
  expect(p10.funds?.spent.value).toBe(3.08);
  expect(p10.template?.id).toBe("jx.multi-project");
  expect(p10.sharedReason?.value).toContain("因疫情影响");
});

// Our own blank forms are read perfectly (issue #10 item 5): every kind and taxonomy reads back as one form with no
// read problem, and the only finding is form-empty (docs/rules.md#ready-to-send: it stands alone on a blank form).
describe.each(FORM_KINDS.flatMap((k) => ([2020, 2021] as const).map((t) => [k, t] as const)))("blank %s (taxonomy %s)", (kind, taxonomy) => {
  test("reads as one form, without a read problem, and gives form-empty alone", async () => {
    const grids = await readXlsxBuffer(await writeXlsxBuffer([buildPlan(kind, { taxonomy })]));
    const forms = grids.flatMap(readForms);
    expect(forms).toHaveLength(1);
    const [f] = forms;
    expect(f.kind).toBe(kind);
    expect(f.readIssues).toEqual([]);
    // template rows with only 一级/二级 stay in the form as blank rows, which are not indicators
    expect(f.indicators.every((i) => i.name === "")).toBe(true);
    expect(evaluateForm(f).findings.map((x) => x.code)).toEqual(["form-empty"]);
  });
});

test("named cells of our templates fill the form's fields, its goal's cells and the funds' own reason cell, blank or not", () => {
  const g = gridOf([
    ["项目支出绩效自评表"],
    ["（2024年度）"],
    ["项目名称", "道路养护", "主管部门", null, "实施单位", "某县公路中心"],
    ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["年度资金总额", 100, 120, 90, 10, "75%", 7.5],
    ["执行偏差原因", null],
    ["年度总体目标", "养护公路100公里", "实际完成情况", null],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
    ["产出指标", "数量指标", null, null, null, null, null],
    [null, "质量指标", null, null, null, null, null],
    ["填报人", "王某", "联系电话", null, "单位负责人", null, "填报日期", null],
  ]);
  g.names = {
    JX1_NAME: "$B$3", JX1_UNIT: "$D$3", JX1_IMPLEMENTER: "$F$3", JX1_FUNDS_BUDGET: "$C$5", JX1_FUNDS_SPENT: "$D$5",
    JX1_FUNDS_INITIAL_BUDGET: "$B$5", JX1_FUNDS_REASON: "$B$6", JX1_GOAL_TEXT: "$B$7", JX1_GOAL_ACTUAL: "$D$7",
    JX1_IND: "$A$9:$G$10", JX1_IND_LEVEL1: "$A$9:$A$10", JX1_IND_LEVEL2: "$B$9:$B$10", JX1_IND_NAME: "$C$9:$C$10",
    JX1_IND_TARGET: "$D$9:$D$10", JX1_IND_ACTUAL: "$E$9:$E$10", JX1_IND_WEIGHT: "$F$9:$F$10", JX1_IND_SCORE: "$G$9:$G$10",
    JX1_PREPARER: "$B$11", JX1_PHONE: "$D$11", JX1_HEAD: "$F$11", JX1_FILED_ON: "$H$11",
  };
  const keys = ["name", "unit", "implementer", "funds.budget", "funds.spent", "funds.initialBudget", "funds.reason", "goal.text", "goal.actual", "ind", "ind.level1", "ind.level2", "ind.name", "ind.target", "ind.actual", "ind.weight", "ind.score", "preparer", "phone", "head", "filedOn"];
  g.meta = { forms: [{ template: { id: "jx.project", kind: "project", version: 2 }, prefix: "JX1_", fields: Object.fromEntries(keys.map((k) => [k, keyToName(k)])) }] };
  const [f] = readForms(g);
  expect(f.fields).toMatchObject({
    name: { value: "道路养护", cell: "B3" },
    supervisor: { value: "", cell: "D3" },
    implementer: { value: "某县公路中心", cell: "F3" },
    preparer: { value: "王某", cell: "B11" },
    phone: { value: "", cell: "D11" },
    head: { value: "", cell: "F11" },
    filedOn: { value: "", cell: "H11" },
    year: { value: "2024", cell: "A2" },
  });
  expect(f.funds?.reason).toEqual({ value: "", cell: "B6" });
  expect(f.funds?.explicit).toEqual({ budget: true, initialBudget: true });
  expect(f.goals[0]).toMatchObject({ text: "养护公路100公里", cell: "B7", actualText: "", actualCell: "D7" });
  // both template rows stay, blank
  expect(f.indicators.map((i) => [i.level1, i.level2, i.name, i.cells.row])).toEqual([
    ["产出指标", "数量指标", "", 9],
    ["产出指标", "质量指标", "", 10],
  ]);
  expect(f.readIssues).toEqual([]);
});
