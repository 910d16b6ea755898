// docs/rules.md#scoring: the scoring rules, grades and profiles.
import {
  NATIONAL_PROFILE, PROVINCIAL_PROFILE, UNCAPPED_PROFILE, compare, evaluateForm, executionScore, getProfile, gradeFor,
  gradeLabel, inBand, numericScore, parseActual, parseGrade, parseTarget, tierBand, tierScore,
} from "../../src/domain";
import { form, funds, ind } from "./make";

describe("numericScore", () => {
  it.each([
    [">=", 100, 98, 8, 7.84], [">=", 80, 70, 5, 4.38], [">=", 50, 103, 10, 10], [">=", 10, -3, 10, 0], [">", 5, 5, 10, 10],
    ["=", 100, 100, 10, 10], ["=", 100, 50, 10, 5], ["=", 0, 0, 10, 10], ["=", 0, 1, 10, 0], [">=", 0, 0, 5, 5],
    ["<=", 198, 165, 3, 3], ["<=", 100, 150, 10, 5], ["<=", 100, 200, 10, 0], ["<=", 100, 250, 10, 0], ["<", 100, 120, 10, 8],
    ["<=", 0, 0, 5, 5], ["<=", 0, 1, 5, 0],
  ] as const)("%s A=%d B=%d w=%d → %d", (op, A, B, w, want) => expect(numericScore(op, A, B, w)).toBe(want));

  it("the older reverse rule A/B × w is a profile option", () => {
    expect(numericScore("<=", 100, 150, 10, PROVINCIAL_PROFILE)).toBe(6.67);
    expect(numericScore("<=", 100, 250, 10, PROVINCIAL_PROFILE)).toBe(4);
  });
});

describe("qualitative bands", () => {
  it("bands and suggestions: 达成 [0.8w, w] → w; 部分达成 [0.6w, 0.8w) → just under 0.8w; 未达成 [0, 0.6w)", () => {
    expect(tierBand("达成", 10)).toEqual([8, 10]);
    expect(tierBand("部分达成", 10)).toEqual([6, 8]);
    expect(tierBand("未达成", 10)).toEqual([0, 6]);
    expect(tierScore("达成", 10)).toBe(10);
    expect(tierScore("部分达成", 10)).toBe(7.99);
    expect(tierScore("未达成", 10)).toBe(5.99);
    expect(inBand("部分达成", 10, 8)).toBe(false);
    expect(inBand("部分达成", 10, 6)).toBe(true);
    expect(inBand("达成", 10, 10)).toBe(true);
  });
  it("a tier actual against a text target", () => {
    const o = compare(parseTarget("有积极影响"), parseActual("部分达成年度指标并具有一定效果"), 10);
    // no rule score: the officer scores it inside the band; the top of the band is suggested
    expect(o).toMatchObject({ status: "partial", score: null, suggested: 7.99, band: [6, 8] });
  });
  it("text equal to the target is achieved", () => {
    expect(compare(parseTarget("有积极影响"), parseActual("有积极影响"), 5)).toMatchObject({ status: "met", score: null, tier: "达成", band: [4, 5], suggested: 5 });
  });
});

describe("execution rate", () => {
  it("rate × w, capped at w by the national profile, not by the uncapped one", () => {
    expect(executionScore(0.9742, 10)).toBe(9.74);
    expect(executionScore(1.2, 10)).toBe(10);
    expect(executionScore(1.2, 10, UNCAPPED_PROFILE)).toBe(12);
  });
  it("全年预算数 = 0 is an error, not a division", () => {
    const e = evaluateForm(form({ funds: funds(0, 5) }));
    expect(e.funds!.rate).toBeNull();
    expect(e.findings.map((f) => f.code)).toContain("budget-zero");
  });
});

describe("不适用 rescaling and totals", () => {
  it("leaves 不适用 out and rescales the rest so the form still adds to 100", () => {
    const f = form({
      funds: funds(100, 100),
      indicators: [
        ind({ id: "a", name: "甲", target: "10次", actual: "10次", weight: 45 }),
        ind({ id: "b", name: "乙", target: "不适用", actual: "不适用", weight: 45 }),
      ],
    });
    const e = evaluateForm(f);
    const a = e.indicators.find((r) => r.id === "a")!;
    // scored on its written weight; only the total is scaled by 100 / (100 − 45)
    expect(a.effectiveWeight).toBe(45);
    expect(a.score).toBe(45);
    expect(e.indicators.find((r) => r.id === "b")!.status).toBe("not-applicable");
    expect(e.total!.computed).toBe(100);
  });
  it("总分 = 执行率得分 + Σ 三级得分, rounded to 2 decimals", () => {
    const f = form({
      funds: funds(300, 200),
      indicators: [ind({ name: "甲", target: "≥3次", actual: "2次", weight: 90 })],
    });
    expect(evaluateForm(f).total!.computed).toBe(66.67);
  });
});

describe("grades and profiles", () => {
  it.each([[95, "优"], [90, "优"], [89.99, "良"], [80, "良"], [79.5, "中"], [60, "中"], [59.99, "差"]] as const)("national %d → %s", (t, g) =>
    expect(gradeFor(t)).toBe(g),
  );
  it("accepts both wordings", () => {
    expect(parseGrade("优秀")).toBe("优");
    expect(parseGrade("良好")).toBe("良");
    expect(parseGrade("较差")).toBe("中");
    expect(parseGrade("差")).toBe("差");
    expect(parseGrade("中")).toBe("中");
    expect(gradeLabel("中", "long")).toBe("较差");
  });
  it("the provincial profile differs in trigger, threshold, reverse formula and bands 80/70/60", () => {
    const p = getProfile("provincial-80");
    expect(p).toBe(PROVINCIAL_PROFILE);
    expect(p.overTrigger).not.toBe(NATIONAL_PROFILE.overTrigger);
    expect(p.executionThreshold).not.toBe(NATIONAL_PROFILE.executionThreshold);
    expect(p.reverseFormula).not.toBe(NATIONAL_PROFILE.reverseFormula);
    expect(gradeFor(82, p)).toBe("优");
    expect(gradeFor(82)).toBe("良");
    expect(gradeFor(72, p)).toBe("良");
    expect(getProfile("nope")).toBe(NATIONAL_PROFILE);
  });
  it("the same form gives different findings under the two profiles", () => {
    const f = form({
      scored: false,
      funds: funds(100, 85),
      indicators: [ind({ name: "活动次数", target: "10次", actual: "14次" })],
    });
    const nat = evaluateForm(f).findings.map((x) => x.code).sort();
    const prov = evaluateForm(f, PROVINCIAL_PROFILE).findings.map((x) => x.code);
    expect(nat).toEqual(["deviation-reason-missing", "over-target-unexplained"]);
    expect(prov).toEqual([]);
  });
});

it("a blank 年度资金总额 is the sum of its parts", () => {
  const f = form({
    scored: false,
    funds: funds(null, 90, {
      sums: [{ label: "项目资金（预算）", total: { value: null, raw: "", label: "年度资金总额" }, parts: [{ value: 80, raw: "80", label: "当年财政拨款" }, { value: 20, raw: "20", label: "上年结转资金" }] }],
    }),
  });
  expect(evaluateForm(f).funds!.rate).toBeCloseTo(0.9, 6);
});
