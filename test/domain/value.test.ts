// The value parser over every written form of docs/rules.md#value-grammar.
import { formatTarget, parseActual, parseTarget } from "../../src/domain";
import { summary } from "./summary";

describe("comparators", () => {
  it.each([
    ["≥95%", ">=95%"], ["≤10万元", "<=10万元"], ["＞3次", ">3次"], ["＜5%", "<5%"], ["＝100%", "=100%"],
    [">=6", ">=6"], ["<=0%", "<=0%"], [">2", ">2"], ["<1", "<1"], ["=0", "=0"], ["≧8次", ">=8次"], ["≦2天", "<=2天"],
    ["６篇以上", ">=6篇"], ["5次以下", "<=5次"], ["不低于95%", ">=95%"], ["不少于4次", ">=4次"], ["至少3场", ">=3场"],
    ["达到90%", ">=90%"], ["不高于5%", "<=5%"], ["不超过100万元", "<=100万元"], ["控制在50万元以内", "<=50万元"],
    ["超95%", ">95%"], [">=6次以上", ">=6次"], ["≥3次以上", ">=3次"], ["30天以内", "<=30天"], ["大于等于80%", ">=80%"],
  ])("%s → %s", (raw, want) => expect(summary(parseTarget(raw))).toBe(want));

  it("marks a comparator that was not written as inferred: ≥ by default", () => {
    const v = parseTarget("95%", { name: "群众满意度" });
    expect(v).toMatchObject({ kind: "number", op: ">=", inferred: true, value: 95, unit: "%" });
  });
  it.each([
    ["代表大会", "成本指标"], ["会议费用", ""], ["结余率", ""], ["预算调整率", ""], ["全县重大活动差率", ""],
    ["安全事故次数", ""], ["群众投诉", ""], ["三公经费变动率", ""], ["财政供养人员控制率", ""],
  ])("infers ≤ for %s (%s)", (name, level2) => {
    expect(parseTarget("10", { name, level2 })).toMatchObject({ op: "<=", inferred: true });
  });
  it("a success rate under 成本指标 stays ≥", () => {
    expect(parseTarget("98%", { name: "预算执行率", level2: "成本指标" })).toMatchObject({ op: ">=", inferred: true });
  });
  it("takes the sign from a separate 指标性质 column", () => {
    expect(parseTarget("30", { nature: "≤", unit: "万元" })).toMatchObject({ op: "<=", inferred: false, value: 30, unit: "万元", wan: 30 });
  });
});

describe("numbers and units", () => {
  it("folds full-width digits and signs and reads thousands separators", () => {
    expect(parseTarget("≥１２,３４５.６元")).toMatchObject({ value: 12345.6, unit: "元", wan: 1.23456 });
    expect(parseTarget("９５％")).toMatchObject({ value: 95, unit: "%" });
  });
  it.each(["%", "百分比"])("reads %s as percent", (u) => expect(parseTarget(`95${u}`)).toMatchObject({ value: 95, unit: "%" }));
  it("reads 百分之95", () => expect(parseTarget("百分之95")).toMatchObject({ value: 95, unit: "%" }));
  it.each([
    "个", "次", "人", "名", "人次", "件", "件次", "篇", "项", "份", "台", "本", "户", "亩", "期", "天", "月", "年", "万元", "元",
    "万元/年", "元/人·月", "条", "场",
  ])("unit %s", (u) => expect(parseTarget(`12${u}`)).toMatchObject({ kind: "number", value: 12, unit: u }));
  it("normalises money between 元 and 万元 into wan", () => {
    expect(parseTarget("16000.00元")).toMatchObject({ unit: "元", wan: 1.6 });
    expect(parseActual("1110.74万元")).toMatchObject({ unit: "万元", wan: 1110.74 });
    expect(parseActual("198万")).toMatchObject({ unit: "万元", wan: 198 });
    expect(parseActual("428.24 万元")).toMatchObject({ value: 428.24, unit: "万元" });
  });
  it("takes a unit from a separate 计量单位 column", () => {
    expect(parseTarget("30", { unit: "万元" })).toMatchObject({ value: 30, unit: "万元", wan: 30 });
    expect(parseTarget("95", { unit: "百分比" })).toMatchObject({ value: 95, unit: "%" });
  });
  it("reads a number at the end of a sentence when a sign or unit marks it", () => {
    expect(parseTarget("区人大代表和人民群众对人大宣传的满意程度≥95%")).toMatchObject({ op: ">=", value: 95, unit: "%" });
    expect(parseTarget("召开常委会会议的数量≥8")).toMatchObject({ op: ">=", value: 8, unit: "" });
    expect(parseTarget("参加1次培训").kind).toBe("text");
  });
});

describe("qualitative, tiers, time, 不适用, placeholders", () => {
  it.each(["是", "否", "有积极影响", "效果明显", "达标", "合规", "及时", "按质按量完成", "促进社会稳定"])("target %s is text", (t) =>
    expect(parseTarget(t).kind).toBe("text"),
  );
  it.each([
    ["达成年度指标", "达成"], ["部分达成年度指标并具有一定效果", "部分达成"], ["未达成年度指标且效果较差", "未达成"],
    ["达成", "达成"], ["部分达成", "部分达成"], ["未达成", "未达成"],
    ["是", "达成"], ["已完成", "达成"], ["完成", "达成"], ["达成预期指标", "达成"], ["100%完成", "达成"], ["否", "未达成"],
  ])("actual %s → tier %s", (a, tier) => expect(parseActual(a)).toMatchObject({ kind: "tier", tier }));
  it.each(["全年", "2021年第四季度前", "12月底前", "2021年每个自然月", "每季度", "2021年第三季度前", "2022/3/25", "2021年12月31日前"])(
    "%s is a time target",
    (t) => expect(parseTarget(t).kind).toBe("time"),
  );
  it("不适用 is not applicable", () => expect(parseTarget("不适用").kind).toBe("na"));
  it.each([["%", "%"], ["**", undefined], ["XX", undefined], ["≥**人次", "人次"], ["≥XX%", "%"]])("%s is a placeholder", (t, unit) => {
    const v = parseTarget(t);
    expect(v.kind).toBe("placeholder");
    if (v.kind === "placeholder") expect(v.unit).toBe(unit);
  });
  it("blank and full-width spaces are empty", () => {
    expect(parseTarget("").kind).toBe("empty");
    expect(parseTarget("\u3000\u3000").kind).toBe("empty");
  });
  it("never throws on odd input", () => {
    for (const s of [null, undefined, 42, "≥", "≥≥≥", "1e309", "--5", "，，", "\u0000"]) expect(() => parseTarget(s as unknown as string)).not.toThrow();
  });
});

describe("formatTarget", () => {
  it.each(["≥95%", "≤198万元", "＞3次", "全年", "不适用"])("prints %s back", (t) => expect(formatTarget(parseTarget(t))).toBe(t));
  it("omits an inferred sign", () => expect(formatTarget(parseTarget("6篇"))).toBe("6篇"));
});
