// Every finding code of docs/rules.md#findings on small forms: code, severity, cell, indicator, Chinese message.
import { evaluateForm } from "../../src/domain";
import type { Finding, FindingCode, Form } from "../../src/domain/model";
import { form, funds, ind, nf } from "./make";

const run = (f: Form) => evaluateForm(f).findings;
const only = (fs: Finding[], code: FindingCode) => fs.filter((f) => f.code === code);
const ZH = /[\u4e00-\u9fff]/;

describe("deviation reasons", () => {
  const missed = (reason: string, shared: string | null = null) => {
    const i = ind({ name: "培训覆盖率", target: "≥95%", actual: "80%", reason });
    // With a shared 偏差 cell the form has no reason column.
    if (shared != null) i.cells = { row: i.cells.row, target: i.cells.target, actual: i.cells.actual };
    return form({ scored: false, sharedReason: shared == null ? null : { value: shared, cell: "B40" }, indicators: [i] });
  };
  it("a missed target without a reason is an error on the reason cell", () => {
    const [f] = only(run(missed("")), "deviation-reason-missing");
    expect(f).toMatchObject({ severity: "error", indicator: "培训覆盖率" });
    expect(f.cell).toMatch(/^H\d+$/);
    expect(f.message).toMatch(ZH);
    expect(f.messageEn).toBeTruthy();
  });
  it.each(["无", "暂无", "没有", "/", "—", "-", "不适用", " 无 "])("a reason of %j counts as empty", (r) =>
    expect(only(run(missed(r)), "deviation-reason-missing")).toHaveLength(1),
  );
  it("a real reason clears it", () => expect(only(run(missed("因疫情停训两个月，下半年补训")), "deviation-reason-missing")).toHaveLength(0));
  it("a shared 偏差 cell must name the indicator", () => {
    const [f] = only(run(missed("", "部分工作受疫情影响")), "deviation-reason-missing");
    expect(f.message).toContain("没有提到该指标");
    expect(f.cell).toBe("B40");
    expect(only(run(missed("", "培训覆盖率偏低：疫情停训")), "deviation-reason-missing")).toHaveLength(0);
  });
  it("部分达成 / 未达成 need a reason; the message says so", () => {
    const f = form({ scored: false, indicators: [ind({ name: "作用", target: "有积极影响", actual: "部分达成" })] });
    expect(only(run(f), "deviation-reason-missing")[0].message).toContain("部分达成或未达成");
  });
  it("a cost under its cap needs no reason; over its cap does", () => {
    const mk = (a: string) => form({ scored: false, indicators: [ind({ name: "会议费", level2: "成本指标", target: "30万元", actual: a })] });
    expect(run(mk("25万元"))).toEqual([]);
    expect(only(run(mk("36万元")), "deviation-reason-missing")).toHaveLength(1);
  });
  it("执行率 under the threshold needs a reason in the shared cell", () => {
    const f = form({ scored: false, funds: funds(100, 80), indicators: [ind({ name: "培训人次", target: "≥5次", actual: "6次" })] });
    expect(only(run(f), "deviation-reason-missing")[0].message).toContain("80.00%");
    expect(only(run({ ...f, sharedReason: { value: "项目延期，资金未支出" } }), "deviation-reason-missing")).toHaveLength(0);
  });
});

describe("over-achievement", () => {
  const f = (actual: string, reason = "") => form({ scored: false, indicators: [ind({ name: "活动次数", target: "50次", actual, reason })] });
  it("≥ 130% of target unexplained is a warning", () => {
    expect(only(run(f("65次")), "over-target-unexplained")[0]).toMatchObject({ severity: "warning", indicator: "活动次数" });
    expect(only(run(f("64次")), "over-target-unexplained")).toHaveLength(0);
    expect(only(run(f("103次", "换届年加开")), "over-target-unexplained")).toHaveLength(0);
  });
});

describe("scores", () => {
  const scored = (p: Parameters<typeof ind>[0], extra: Partial<Form> = {}) =>
    form({ funds: funds(100, 100, { enteredScore: nf(10) }), indicators: [ind({ weight: 90, ...p })], ...extra });
  it("score-exceeds-weight", () => {
    expect(only(run(scored({ name: "甲", target: "1次", actual: "1次", enteredScore: 95 })), "score-exceeds-weight")[0].severity).toBe("error");
  });
  it("score-differs-from-rule beyond 0.1 keeps the entered score visible", () => {
    const f = scored({ name: "甲", target: "≥10次", actual: "9次", enteredScore: 80 });
    const e = evaluateForm(f);
    const [x] = only(e.findings, "score-differs-from-rule");
    expect(x.message).toContain("80");
    expect(x.message).toContain("81");
    expect(e.indicators[0].indicator.enteredScore).toBe(80);
    expect(e.indicators[0].score).toBe(81);
    expect(only(run(scored({ name: "甲", target: "≥10次", actual: "9次", enteredScore: 80.95 })), "score-differs-from-rule")).toHaveLength(0);
  });
  it("qualitative-score-out-of-band", () => {
    const f = scored({ name: "作用", target: "有积极影响", actual: "部分达成", enteredScore: 80, reason: "见说明" });
    expect(only(run(f), "qualitative-score-out-of-band")).toHaveLength(1);
    expect(only(run({ ...f, indicators: [{ ...f.indicators[0], enteredScore: 60 }] }), "qualitative-score-out-of-band")).toHaveLength(0);
  });
  it("weights-sum-mismatch: to 100 and to the 一级 cell", () => {
    const f = form({
      funds: funds(100, 100),
      indicators: [ind({ name: "甲", target: "1次", actual: "1次", weight: 40, level1: "产出\n指标\n（50分）" }), ind({ name: "乙", target: "1次", actual: "1次", weight: 40, level1: "效益指标", level2: "社会效益指标" })],
    });
    const ws = only(run(f), "weights-sum-mismatch");
    expect(ws.map((w) => w.message).join()).toContain("应为 50");
    expect(ws.map((w) => w.message).join()).toContain("应为 100");
  });
  it("weights-sum-mismatch to 100 points at the 分值 total when the form has one, else at 总分", () => {
    const f = form({ funds: funds(100, 100), enteredTotal: nf(90, "90", "H31"), indicators: [ind({ name: "甲", target: "1次", actual: "1次", weight: 40 })] });
    const at = (x: Form) => only(run(x), "weights-sum-mismatch").find((w) => w.message.includes("应为 100"))?.cell;
    expect(at(f)).toBe("H31");
    expect(at({ ...f, weightTotal: nf(50, "50", "G31") })).toBe("G31");
  });
  it("total-mismatch and grade-mismatch", () => {
    const f = scored({ name: "甲", target: "1次", actual: "1次", enteredScore: 90 }, { enteredTotal: nf(95, "95", "G30"), enteredGrade: { value: "良好", cell: "C30" } });
    const fs = run(f);
    expect(only(fs, "total-mismatch")[0]).toMatchObject({ cell: "G30", severity: "error" });
    expect(only(fs, "grade-mismatch")[0].message).toContain("优");
  });
  it("execution-rate-mismatch (divides by 全年预算数)", () => {
    const f = form({ scored: false, funds: funds(1139.61, 1110.2, { initialBudget: nf(933.5), enteredRate: nf(1.1893, "118.93%", "F6") }) });
    expect(only(run(f), "execution-rate-mismatch")[0]).toMatchObject({ cell: "F6" });
    const ok = form({ scored: false, funds: funds(1139.61, 1110.2, { enteredRate: nf(97.42, "97.42%") }) });
    expect(only(run(ok), "execution-rate-mismatch")).toHaveLength(0);
  });
});

describe("funds sums", () => {
  const g = (parts: number[], total: number) => form({
    scored: false,
    funds: funds(total, total, { sums: [{ label: "资金来源", total: { ...nf(total), label: "合计" }, parts: parts.map((v, k) => ({ ...nf(v), label: `来源${k}` })) }] }),
  });
  it("within 0.01 per two parts is fine, beyond is a mismatch", () => {
    expect(only(run(g([553.2, 161.7], 714.91)), "funds-sum-mismatch")).toHaveLength(0);
    expect(only(run(g([714.91, 387.37], 1110.2)), "funds-sum-mismatch")).toHaveLength(1);
    expect(only(run(g([553.2, 161.6], 714.91)), "funds-sum-mismatch")).toHaveLength(1);
  });
});

describe("values", () => {
  // Beside the row under test, a filled row that raises nothing: a form with no filled row is form-empty.
  const filled = () => ind({ name: "培训人次", target: "≥5次", actual: "6次" });
  const one = (target: string, actual: string, extra = {}) =>
    run(form({ scored: false, indicators: [ind({ name: "指标", target, actual, ...extra }), filled()] }));
  it("target-invalid for placeholders", () => {
    for (const t of ["%", "**", "XX", "≥**人次"]) expect(only(one(t, "5"), "target-invalid")).toHaveLength(1);
  });
  it("actual-missing", () => expect(only(one("≥5次", ""), "actual-missing")).toHaveLength(1));
  it("actual-not-comparable: text against a number", () => expect(only(one("≥5次", "较好"), "actual-not-comparable")).toHaveLength(1));
  it("unit-mismatch: 万元 vs 元 (still compared), % vs 次 (not)", () => {
    const money = evaluateForm(form({ scored: false, indicators: [ind({ name: "会议成本", level2: "成本指标", target: "≤2万元", actual: "15000元" })] }));
    expect(only(money.findings, "unit-mismatch")).toHaveLength(1);
    expect(money.indicators[0].status).toBe("met");
    const bad = evaluateForm(form({ scored: false, indicators: [ind({ name: "指标", target: "≥95%", actual: "8次" })] }));
    expect(only(bad.findings, "unit-mismatch")[0].severity).toBe("error");
    expect(bad.indicators[0].status).toBe("unknown");
  });
  it.each([
    ["会议成本", "成本指标", "≥10万元"], ["群众满意度", "服务对象满意度指标", "≤90%"], ["培训人次", "数量指标", "≥90%"], ["合格率", "质量指标", "≥120%"],
  ])("direction-suspicious: %s %s", (name, level2, target) => {
    expect(only(run(form({ kind: "targets", scored: false, indicators: [ind({ name, level2, target, actual: "" })] })), "direction-suspicious")).toHaveLength(1);
  });
});

describe("spending plan and categories", () => {
  const plan = (vals: (number | null)[]) =>
    form({ kind: "targets", scored: false, spendingPlan: vals.map((v, k) => ({ label: `${k + 1}期`, value: nf(v, v == null ? "" : `${v * 100}%`) })) });
  it("spending-plan-invalid when falling or not ending at 100%", () => {
    expect(only(run(plan([0.5, 0.8, 1, 1])), "spending-plan-invalid")).toHaveLength(0);
    expect(only(run(plan([null, 0.9, 1, 1])), "spending-plan-invalid")).toHaveLength(0);
    expect(only(run(plan([0.5, 0.4, 1, 1])), "spending-plan-invalid")).toHaveLength(1);
    expect(only(run(plan([0.5, 0.8, 0.9, 0.9])), "spending-plan-invalid")).toHaveLength(1);
  });
  it("category-invalid: a 二级 under the wrong 一级, or unknown", () => {
    const c = (level1: string, level2: string) => only(run(form({ scored: false, indicators: [ind({ name: "x", target: "是", actual: "是", level1, level2 })] })), "category-invalid");
    expect(c("产出指标", "经济效益指标")[0].message).toContain("效益指标");
    expect(c("产出指标", "宣传指标")).toHaveLength(1);
    expect(c("效果指标", "社会效益")).toHaveLength(0);
    expect(c("成本指标", "经济成本指标")).toHaveLength(0);
    expect(c("产出指标", "进度指标")).toHaveLength(0);
  });
});

it("every finding carries a code, a severity, the sheet and a Chinese message", () => {
  const f = form({ scored: false, funds: funds(0, 3), indicators: [ind({ name: "甲", target: "%", actual: "" })] });
  for (const x of run(f)) {
    expect(x.sheet).toBe("S");
    expect(["error", "warning", "info"]).toContain(x.severity);
    expect(x.message).toMatch(ZH);
  }
});
