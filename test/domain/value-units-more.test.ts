// Values a reviewer found on unseen forms: 万/亿 before a count unit, more units, 万分之/千分之, and
// deadline targets against a dated actual.
import { evaluateForm, parseActual, parseTarget } from "../../src/domain";
import { compare } from "../../src/domain/score";
import { periodOf } from "../../src/domain/text";
import { form, ind } from "./make";

const num = (raw: string) => {
  const v = parseTarget(raw);
  return v.kind === "number" ? { op: v.op, value: v.value, unit: v.unit } : v.kind;
};

describe("a 万/亿 multiplier before a count unit normalises to the base unit", () => {
  it.each([
    ["2万亩", 20000, "亩"],
    ["10万次", 100000, "次"],
    ["8.3万针次", 83000, "针次"],
    ["3万人次", 30000, "人次"],
    ["1.2万人", 12000, "人"],
    ["≥1.5亿次", 150000000, "次"],
    ["不少于0.5万株", 5000, "株"],
    ["2千万次", 20000000, "次"],
  ])("%s → %d %s", (raw, value, unit) => expect(num(raw)).toMatchObject({ value, unit }));

  it("万 alone and 万元 stay money", () => {
    expect(num("198万")).toEqual({ op: ">=", value: 198, unit: "万元" });
    expect(num("2万元")).toEqual({ op: ">=", value: 2, unit: "万元" });
  });

  it("reads a 计量单位 column written with 万", () => {
    expect(parseTarget("2", { unit: "万亩" })).toMatchObject({ kind: "number", value: 20000, unit: "亩" });
  });

  it.each([
    ["2万亩", "18000亩", "missed", 9],
    ["2万亩", "2.1万亩", "met", 10],
    ["18000亩", "2万亩", "met", 10],
    ["10万次", "9万次", "missed", 9],
    ["8.3万针次", "83000针次", "met", 10],
    ["≥5万人次", "40000人次", "missed", 8],
  ])("%s against %s → %s, %d of 10", (t, a, status, score) => {
    const o = compare(parseTarget(t), parseActual(a), 10);
    expect(o).toMatchObject({ status, score, mode: "numeric", unitIssue: "none" });
  });
});

describe("more units", () => {
  it.each([
    ["500斤", 500, "斤"],
    ["≥20公斤", 20, "公斤"],
    ["3千克", 3, "千克"],
    ["1200针次", 1200, "针次"],
    ["12平方公里", 12, "平方公里"],
    ["50公顷", 50, "公顷"],
    ["≤80元/亩", 80, "元/亩"],
    ["5元/人·天", 5, "元/人·天"],
    ["5元/人/天", 5, "元/人·天"],
    ["5元/人.天", 5, "元/人·天"],
    ["≤300元/人/年", 300, "元/人·年"],
  ])("%s → %d %s", (raw, value, unit) => expect(num(raw)).toMatchObject({ value, unit }));

  it("a unit without a number is a placeholder that keeps its unit", () => {
    expect(parseTarget("斤")).toEqual({ kind: "placeholder", raw: "斤", unit: "斤" });
    expect(parseTarget("元/亩")).toEqual({ kind: "placeholder", raw: "元/亩", unit: "元/亩" });
  });

  it("compares the same rate written two ways, and refuses 元/亩 against 元", () => {
    expect(compare(parseTarget("≤5元/人·天"), parseActual("6元/人/天"), 10)).toMatchObject({ status: "missed", score: 8 });
    expect(compare(parseTarget("≤80元/亩"), parseActual("80元"), 10)).toMatchObject({ status: "unknown", unitIssue: "incompatible" });
  });
});

describe("万分之N and 千分之N are percentages", () => {
  it.each([
    ["万分之五", 0.05],
    ["万分之5", 0.05],
    ["≤万分之三", 0.03],
    ["千分之三", 0.3],
    ["千分之十五", 1.5],
    ["3‰", 0.3],
    ["百分之九十五", 95],
  ])("%s → %d%%", (raw, value) => expect(num(raw)).toMatchObject({ value, unit: "%" }));

  it("a share of money is not a percentage", () => expect(parseTarget("万分之5元").kind).toBe("text"));

  it("an error rate of 万分之五 against 0.03% is met, against 0.08% missed", () => {
    const t = parseTarget("≤万分之五", { name: "差错率" });
    expect(compare(t, parseActual("0.03%"), 10)).toMatchObject({ status: "met", score: 10 });
    expect(compare(t, parseActual("0.08%"), 10)).toMatchObject({ status: "missed", score: 4 });
  });
});

describe("a deadline target against a dated actual", () => {
  it.each([
    ["2024年10月底前", "2024年9月完工", "met"],
    ["2024年10月底前", "2024年11月完成", "missed"],
    ["2024年10月底前", "2024年10月20日完成", "met"],
    ["2024年10月底前", "已于2024年9月完成", "met"],
    ["2024年10月底前", "2024年10月底前完成", "met"],
    ["2024年10月前", "2024年10月完成", "met"],
    ["10月底前", "2024年12月竣工", "missed"],
    ["第三季度前", "2024年8月完成", "met"],
    ["2024年第4季度前", "2025年1月完成", "missed"],
    ["年底前", "2024年12月20日完成", "met"],
    ["2024年上半年", "2024年7月完成", "missed"],
    ["2024-10-31前", "2024.9.30完成", "met"],
    ["2024年十月底前", "2024年九月完工", "met"],
  ])("%s against %s → %s", (t, a, status) => {
    const o = compare(parseTarget(t), parseActual(a), 10);
    expect(o.status).toBe(status);
    expect(o.mode).toBe("deadline");
    // on time: full marks; late: a miss that scores 0 (the national profile's late score)
    expect(o.score).toBe(status === "met" ? 10 : 0);
  });

  it("cannot say when the actual's month straddles a day deadline", () => {
    expect(compare(parseTarget("2024年10月15日前"), parseActual("2024年10月完成"), 10)).toMatchObject({ status: "unknown", mode: "none" });
  });

  it.each(["已完成", "按时完成", "如期完成"])("an undated %s against a deadline stays achieved", (a) => {
    expect(compare(parseTarget("2024年10月底前"), parseActual(a), 10)).toMatchObject({ status: "met", mode: "tier", score: null, suggested: 10 });
  });

  it("a target that only says 全年 is not a deadline", () => {
    expect(periodOf("全年")).toBeNull();
    expect(compare(parseTarget("全年"), parseActual("2024年9月完成"), 10).mode).not.toBe("deadline");
  });

  it("reads the periods", () => {
    expect(periodOf("2024年10月底前")).toEqual({ year: 2024, from: 1025, to: 1031, before: true });
    expect(periodOf("2024年9月完工")).toEqual({ year: 2024, from: 901, to: 931, before: false });
    expect(periodOf("第二季度")).toEqual({ year: null, from: 401, to: 631, before: false });
    expect(periodOf("2024年13月")).toBeNull();
  });

  it("a late completion in a form needs a 偏差原因; one on time does not", () => {
    const late = ind({ level2: "时效指标", name: "完工时间", target: "2024年10月底前", actual: "2024年11月完成", weight: 10 });
    const early = ind({ level2: "时效指标", name: "完工时间", target: "2024年10月底前", actual: "2024年9月完工", weight: 10 });
    const ev = evaluateForm(form({ indicators: [late, early] }));
    const [l, e] = ev.indicators;
    expect([l.status, l.needsReason, e.status, e.needsReason, e.score]).toEqual(["missed", true, "met", false, 10]);
    expect(ev.findings.some((f) => f.code === "deviation-reason-missing" && f.indicatorId === late.id)).toBe(true);
    expect(ev.findings.some((f) => f.code === "actual-not-comparable")).toBe(false);
  });
});

describe("texts that are not dates stay what they were", () => {
  it.each(["有积极影响", "效果明显", "底", "前", "达标", "按质按量完成"])("%s names no period", (s) => expect(periodOf(s)).toBeNull());
  it("2024年底前 is the year's end", () => expect(periodOf("2024年底前")).toEqual({ year: 2024, from: 1201, to: 1231, before: true }));
});
