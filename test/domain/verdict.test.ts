// The verdict (docs/rules.md#ready-to-send): nothing unfinished is ever ready to send. Expectations from the rules:
// a blank form is form-empty and nothing else; a form is complete only when every indicator row has its name,
// target, actual, weight and a score and every required field is filled; until then the total is provisional.
import { evaluateForm } from "../../src/domain";
import type { Evaluation, FindingCode, Form, Indicator } from "../../src/domain/model";
import { form, funds, ind, nf } from "./make";

const codes = (e: Evaluation): FindingCode[] => e.findings.map((f) => f.code);
const of = (e: Evaluation, code: FindingCode) => e.findings.filter((f) => f.code === code);

/** A template row: 一级 and 二级 written, nothing else. */
const templateRow = (level2: string): Indicator => ({ ...ind({ name: "", target: "", actual: "" }), level2 });

/** A scored project form adding to 100: 执行率 10, then the rows given (their weights should add to 90). */
function project(rows: Indicator[], over: Partial<Form> = {}): Form {
  return form({
    funds: funds(100, 95),
    indicators: rows,
    fields: { name: { value: "示范项目", cell: "C3" }, supervisor: { value: "某局", cell: "C4" }, implementer: { value: "某中心", cell: "H4" } },
    goals: [{ index: 1, text: "完成培训", actualText: "已完成培训", cell: "B13", actualCell: "G13" }],
    ...over,
  });
}

const met = (name: string, weight: number): Indicator => ind({ name, target: "≥10次", actual: "10次", weight });

describe("a blank form is form-empty, and form-empty stands alone", () => {
  it("a template with only 一级/二级 written", () => {
    const blank = form({
      funds: funds(null, null),
      indicators: [templateRow("数量指标"), templateRow("质量指标"), templateRow("满意度指标")],
      fields: { name: { value: "", cell: "C3" }, supervisor: { value: "", cell: "C4" }, implementer: { value: "", cell: "H4" } },
    });
    const e = evaluateForm(blank);
    expect(codes(e)).toEqual(["form-empty"]);
    expect(e.findings[0]).toMatchObject({ severity: "error", cell: "E1" });
    expect(e.complete).toBe(false);
    expect(e.ready).toBe(false);
    expect(e.total?.grade).toBeNull();
  });

  it("a form with only its funds block filled is not passed", () => {
    const e = evaluateForm(form({ funds: funds(100, 95), indicators: [templateRow("数量指标")] }));
    expect(codes(e)).toEqual(["form-empty"]);
    expect(e.ready).toBe(false);
    expect(e.total?.grade).toBeNull();
  });

  it("a form whose targets are written but no actual yet is still empty", () => {
    const e = evaluateForm(project([ind({ name: "培训人次", target: "≥100人次", actual: "", weight: 90 })]));
    expect(codes(e)).toEqual(["form-empty"]);
  });

  it("what the officer wrote wrong is still reported beside it", () => {
    const e = evaluateForm(form({ funds: funds(100, 95, { enteredRate: nf(0.5, "50%", "H6") }), indicators: [templateRow("数量指标")] }));
    expect(codes(e)).toEqual(["form-empty", "execution-rate-mismatch"]);
  });

  it("a targets table with no target yet", () => {
    const e = evaluateForm(form({ kind: "targets", scored: false, indicators: [templateRow("数量指标")], spendingPlan: [] }));
    expect(codes(e)).toEqual(["form-empty"]);
  });
});

describe("complete means every indicator scored and every required field filled", () => {
  it("a finished, clean form is ready to send with a final grade", () => {
    const e = evaluateForm(project([met("培训次数", 50), met("检查次数", 40)]));
    expect(e.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(e.complete).toBe(true);
    expect(e.ready).toBe(true);
    expect(e.total).toMatchObject({ computed: 99.5, grade: "优", complete: true, unscored: 0, unscoredWeight: 0, weightEntered: 100 });
  });

  it("a text actual against a number has no score: score-missing, and the total is provisional", () => {
    const text = ind({ name: "制度建设", target: "≥95%", actual: "基本建立", weight: 10 });
    const e = evaluateForm(project([met("培训次数", 80), text]));
    expect(of(e, "score-missing")).toHaveLength(1);
    expect(of(e, "score-missing")[0]).toMatchObject({ severity: "error", cell: text.cells.score, indicator: "制度建设" });
    expect(e.total).toMatchObject({ computed: 89.5, grade: null, complete: false, unscored: 1, unscoredWeight: 10 });
    expect(e.ready).toBe(false);
  });

  it("the officer's score where the rule cannot score completes it", () => {
    const e = evaluateForm(project([met("培训次数", 80), ind({ name: "制度建设", target: "≥95%", actual: "基本建立", weight: 10, enteredScore: 6 })]));
    expect(of(e, "score-missing")).toHaveLength(0);
    expect(e.total).toMatchObject({ computed: 95.5, complete: true, grade: "优" });
  });

  it("a dated actual later than its deadline is a miss scored 0 that needs a reason", () => {
    const late = ind({ name: "完工时间", target: "2025年10月31日前", actual: "2025年12月20日", weight: 10 });
    const e = evaluateForm(project([met("培训次数", 80), late]));
    const r = e.indicators.find((x) => x.indicator.name === "完工时间")!;
    expect(r).toMatchObject({ status: "missed", score: 0 });
    expect(of(e, "deviation-reason-missing")).toHaveLength(1);
    expect(e.total).toMatchObject({ computed: 89.5, complete: true });
  });

  it("a blank required field is field-missing on its cell", () => {
    const e = evaluateForm(project([met("培训次数", 90)], { fields: { name: { value: "", cell: "C3" }, year: { value: "", cell: "A2" } } }));
    const missing = of(e, "field-missing");
    expect(missing.map((f) => f.cell).sort()).toEqual(["A2", "C3"]);
    expect(missing.every((f) => f.severity === "error")).toBe(true);
    expect(e.complete).toBe(false);
  });

  it("optional footer fields are never missing", () => {
    const e = evaluateForm(project([met("培训次数", 90)], { fields: { name: { value: "示范项目", cell: "C3" }, preparer: { value: "", cell: "C40" }, phone: { value: "", cell: "H40" } } }));
    expect(of(e, "field-missing")).toHaveLength(0);
  });

  it("a blank budget or spending, a row without target, weight or name are field-missing", () => {
    const rows = [
      met("培训次数", 60),
      ind({ name: "检查次数", target: "", actual: "5次", weight: 20 }),
      ind({ name: "宣传次数", target: "≥5次", actual: "5次", weight: null }),
      ind({ name: "", target: "≥5次", actual: "5次", weight: 10 }),
    ];
    const e = evaluateForm(project(rows, { funds: funds(null, null) }));
    const missing = of(e, "field-missing");
    expect(missing.map((f) => f.cell)).toEqual(expect.arrayContaining(["D5", "E5", rows[1].cells.target, rows[2].cells.weight, rows[3].cells.name ?? rows[3].cells.actual]));
    expect(missing.some((f) => f.message.includes("三级指标名称"))).toBe(true);
    expect(e.complete).toBe(false);
  });

  it("an unscored form (by 年度目标) is complete when names, targets, actuals and reasons are written", () => {
    const rows = [ind({ name: "会议次数", target: "≥6次", actual: "6次" }), ind({ name: "调研次数", target: "≥10次", actual: "8次" })];
    const base = { kind: "department-goals" as const, scored: false, funds: funds(100, 95), indicators: rows };
    expect(evaluateForm(form(base)).complete).toBe(false); // the missed row's reason is missing
    rows[1].reason = "两次调研并入年底视察";
    const e = evaluateForm(form(base));
    expect(e.complete).toBe(true);
    expect(e.ready).toBe(true);
    expect(e.total).toBeNull();
  });
});

describe("the officer's in-band qualitative score stands", () => {
  const tier = (actual: string, enteredScore: number | null, reason = "经费机制尚未出台，明年推动") =>
    ind({ name: "长效机制", target: "建立长效机制", actual, weight: 10, enteredScore, reason });

  it("7 of 10 for 部分达成 counts as 7, with no finding about the score", () => {
    // as the sheet holds it: the rule's score in the 得分 cells of quantitative rows, her 7, 总分 their sum
    const rows = [{ ...met("培训次数", 80), enteredScore: 80 }, tier("部分达成", 7)];
    const e = evaluateForm(project(rows, { funds: funds(100, 95, { enteredScore: nf(9.5, "9.5", "I6") }), enteredTotal: nf(96.5, "96.5", "H40") }));
    expect(e.indicators[1].score).toBe(7);
    expect(e.total).toMatchObject({ computed: 96.5, complete: true, grade: "优" });
    expect(codes(e).filter((c) => c.startsWith("score") || c.startsWith("qualitative") || c === "total-mismatch")).toEqual([]);
  });

  it("without her score it is score-missing, and the band is in the message", () => {
    const e = evaluateForm(project([met("培训次数", 80), tier("部分达成", null)]));
    const [f] = of(e, "score-missing");
    expect(f.message).toContain("6–7.99");
    expect(e.indicators[1]).toMatchObject({ score: null, suggested: 7.99, band: [6, 8] });
    expect(e.total).toMatchObject({ computed: 89.5, grade: null, unscored: 1, unscoredWeight: 10 });
  });

  it("a score outside the band is a finding", () => {
    const e = evaluateForm(project([met("培训次数", 80), tier("部分达成", 9)]));
    expect(of(e, "qualitative-score-out-of-band")).toHaveLength(1);
  });

  it("a tier may lead a description", () => {
    const e = evaluateForm(project([met("培训次数", 80), tier("部分达成：巡查制度已建立，经费机制未出台", 7)]));
    expect(e.indicators[1]).toMatchObject({ status: "partial", tier: "部分达成", score: 7 });
  });
});

describe("every finding can be cleared where it points", () => {
  const lowRate = (over: Partial<Form> = {}) => project([met("培训次数", 90)], { funds: funds(100, 60), ...over });

  it("a low 执行率 on the national form points at 实际完成情况", () => {
    const [f] = of(evaluateForm(lowRate()), "deviation-reason-missing");
    expect(f).toMatchObject({ cell: "G13", indicator: "预算执行率" });
    expect(f.message).toContain("实际完成情况");
  });

  it("an explanation of the spending there clears it; other text does not", () => {
    const goal = (actualText: string) => [{ index: 1, text: "完成培训", actualText, cell: "B13", actualCell: "G13" }];
    expect(of(evaluateForm(lowRate({ goals: goal("已完成培训。") })), "deviation-reason-missing")).toHaveLength(1);
    expect(of(evaluateForm(lowRate({ goals: goal("已完成培训；因资金拨付滞后，支出进度偏慢") })), "deviation-reason-missing")).toHaveLength(0);
  });

  it("so does a 偏差原因 cell that speaks of the spending", () => {
    const rows = [ind({ name: "培训次数", target: "≥10次", actual: "8次", weight: 90, reason: "资金到位晚，培训推迟" })];
    expect(of(evaluateForm(project(rows, { funds: funds(100, 60) })), "deviation-reason-missing")).toHaveLength(0);
  });

  it("a form with its own 执行偏差原因 cell points there, and any text in it clears it", () => {
    const own = (value: string) => lowRate({ funds: { ...funds(100, 60), reason: { value, cell: "B9" } } });
    expect(of(evaluateForm(own("")), "deviation-reason-missing")[0].cell).toBe("B9");
    expect(of(evaluateForm(own("年底采购合同未结算")), "deviation-reason-missing")).toHaveLength(0);
  });

  it.each(["没有。", "无偏差。", "不适用。", "—。", "无 ", "暂无．"])("a reason of %j is empty", (reason) => {
    const rows = [ind({ name: "培训次数", target: "≥10次", actual: "8次", weight: 90, reason })];
    expect(of(evaluateForm(project(rows)), "deviation-reason-missing")).toHaveLength(1);
  });
});

describe("honest progress while typing", () => {
  it("the weights entered so far are counted, and there is no grade", () => {
    const rows = [met("培训次数", 20), templateRow("质量指标"), templateRow("时效指标")];
    const e = evaluateForm(project(rows));
    expect(e.total).toMatchObject({ weightEntered: 30, grade: null });
  });
});
