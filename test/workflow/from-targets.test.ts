// Issue #14 item 1: a self-evaluation drafted from the approved 绩效目标表. Expectations come from the rules (docs/rules.md#form-targets,
// docs/rules.md#weights, issue #14: 预算数 is the approved budget in 元 → 年初预算数 in 万元; 全年预算数 left blank;
// 预期目标 = 绩效目标; nothing invented) and from seed 004's figures as transcribed, never from the program's output.
import type { Form, Indicator } from "../../src/domain/model";
import { emptyForm } from "../../src/domain/form";
import {
  carryText,
  DEFAULT_WEIGHT_NOTE,
  defaultWeights,
  draftFromTargets,
  draftsFromTargets,
  pairText,
  splitWeight,
  targetText,
} from "../../src/domain/from-targets";
import { SEED004 } from "../fixtures/seed-data";

const single = (f: Form | Form[]): Form => {
  if (Array.isArray(f)) throw new Error("expected one form");
  return f;
};

function row(id: string, level1: string, level2: string, name: string, target: string, extra: Partial<Indicator> = {}): Indicator {
  return { id, level1, level2, name, target, actual: "", weight: null, enteredScore: null, reason: "", cells: {}, ...extra };
}

function table(inds: Indicator[], over: Partial<Form> = {}): Form {
  return emptyForm("targets", "目标表", "测试项目", { indicators: inds, ...over });
}

describe("weights by default (rules: 产出 50, 效益 30, 满意度 10; 0.5 steps, the remainder on the last)", () => {
  test.each([
    [50, 4, [12.5, 12.5, 12.5, 12.5]],
    [30, 4, [7.5, 7.5, 7.5, 7.5]],
    [10, 1, [10]],
    [50, 3, [16.5, 16.5, 17]], // 16.67 → 16.5; 50 − 33 = 17
    [10, 3, [3.5, 3.5, 3]], // 3.33 → 3.5; 10 − 7 = 3
    [50, 7, [7, 7, 7, 7, 7, 7, 8]], // 7.14 → 7; 50 − 42 = 8
    [30, 7, [4.5, 4.5, 4.5, 4.5, 4.5, 4.5, 3]], // 4.29 → 4.5; 30 − 27 = 3
    [50, 6, [8.5, 8.5, 8.5, 8.5, 8.5, 7.5]], // 8.33 → 8.5; 50 − 42.5 = 7.5
  ])("%d split over %d", (total, count, expected) => {
    expect(splitWeight(total, count)).toEqual(expected);
  });

  test("many rows under a small weight: none below zero, all in 0.5 steps, and they still add up", () => {
    const w = splitWeight(10, 30);
    expect(w).toHaveLength(30);
    expect(w.every((x) => x >= 0 && Number.isInteger(x * 2))).toBe(true);
    expect(w.reduce((s, x) => s + x, 0)).toBeCloseTo(10, 9);
  });

  test("101号: 成本指标 as a 一级 shares the 产出 50; a blank 一级 is told by its 二级; an unknown one gets none", () => {
    const inds = [
      row("a", "产出指标", "数量指标", "a", "≥1"),
      row("b", "产出指标", "质量指标", "b", "≥1"),
      row("c", "产出指标", "时效指标", "c", "≥1"),
      row("d", "成本指标", "经济成本指标", "d", "≤1万元"),
      row("e", "成本指标", "社会成本指标", "e", "≤1"),
      row("f", "", "社会效益指标", "f", "促进"),
      row("g", "效果指标", "经济效益指标", "g", "促进"),
      row("h", "满意度指标", "服务对象满意度指标", "h", "≥90%"),
      row("i", "其他指标", "其他", "i", "1"),
    ];
    const w = defaultWeights(inds);
    // 产出 + 成本: five rows share 50 → 10 each; 效益 (效果指标 is its old name): two share 30; 满意度 one: 10.
    expect(Object.fromEntries(w)).toEqual({ a: 10, b: 10, c: 10, d: 10, e: 10, f: 15, g: 15, h: 10 });
    expect(w.has("i")).toBe(false);
  });
});

describe("the target as the self-evaluation writes it", () => {
  test("a separate 指标性质 sign and 计量单位 are folded into the text; what the text says is kept as written", () => {
    expect(targetText(row("x", "产出指标", "数量指标", "培训人次", "30", { nature: "≥", unit: "人次" }))).toBe("≥30人次");
    expect(targetText(row("x", "产出指标", "成本指标", "培训成本", "12", { nature: "≤", unit: "万元" }))).toBe("≤12万元");
    expect(targetText(row("x", "产出指标", "质量指标", "合格率", "95", { nature: "大于等于", unit: "%" }))).toBe("≥95%");
    // 指标方向 正向 = higher is better: ≥ (docs/rules.md#comparators).
    expect(targetText(row("x", "产出指标", "质量指标", "合格率", "95", { nature: "正向", unit: "%" }))).toBe("≥95%");
    expect(targetText(row("x", "效益指标", "社会效益指标", "投诉率", "5", { nature: "反向", unit: "百分比" }))).toBe("≤5%");
    expect(targetText(row("x", "产出指标", "数量指标", "场次", "6", { nature: "等于", unit: "场" }))).toBe("＝6场");
    // Already written in the text: nothing added twice.
    expect(targetText(row("x", "产出指标", "质量指标", "合格率", "≥95%", { nature: "≥", unit: "%" }))).toBe("≥95%");
    // 定性 and a qualitative text: the text alone.
    expect(targetText(row("x", "效益指标", "社会效益指标", "水平", "显著提高", { nature: "定性", unit: "" }))).toBe("显著提高");
    // No sign given: none is invented (the engine infers one when it reads the form).
    expect(targetText(row("x", "产出指标", "数量指标", "培训人次", "30", { unit: "人次" }))).toBe("30人次");
    expect(targetText(row("x", "产出指标", "数量指标", "培训人次", "≥6次以上"))).toBe("≥6次以上");
  });

  test("text a cell cannot hold is dropped, and a text is at most a cell long", () => {
    expect(carryText("促进\u0001经济\u000b发展\uffff")).toBe("促进经济发展");
    expect(carryText("第一行\n第二行\t完")).toBe("第一行\n第二行\t完");
    // A well-formed surrogate pair (𠀀, 😀) is text; a lone half is not.
    expect(carryText("𠀀😀\ud800x\udc00")).toBe("𠀀😀x");
    const long = carryText("很".repeat(40000));
    expect(long.length).toBeLessThanOrEqual(32767);
    expect(long.endsWith("…")).toBe(true);
  });

  test("a multi-project pair holds every indicator of its 二级 as 名称：指标值, joined by ；", () => {
    expect(pairText([{ name: "培训人次", target: "≥30人次" }, { name: "培训期数", target: "≥2期" }])).toBe("培训人次：≥30人次；培训期数：≥2期");
    expect(pairText([{ name: "", target: "≥95%" }])).toBe("≥95%");
  });
});

describe("seed 004 (山海关区人大常委会 2021, 预算数 in 元) → 项目支出绩效自评表", () => {
  const drafts = draftsFromTargets(SEED004, { file: "2021年绩效目标表.xlsx" });

  test("one draft per project, in the table's order", () => {
    expect(drafts.map((d) => d.kind)).toEqual(["project", "project", "project", "project"]);
    expect(drafts.map((d) => single(d.fill).name)).toEqual(["人大代表活动费", "车辆保险费", "人大会议", "综合事务管理费"]);
  });

  test("年初预算数 is the approved 预算数 in 万元 (元 ÷ 10000); 全年预算数 and 全年执行数 stay blank for the officer", () => {
    // 100000.00 元, 16000.00 元, 200000.00 元, 100000.00 元 as transcribed.
    expect(drafts.map((d) => single(d.fill).funds?.initialBudget?.value)).toEqual([10, 1.6, 20, 10]);
    for (const d of drafts) {
      const f = single(d.fill);
      expect(f.funds?.moneyUnit).toBe("万元");
      expect(f.funds?.budget.value).toBeNull();
      expect(f.funds?.spent.value).toBeNull();
    }
  });

  test("name, unit, year, 预期目标 and the source the form remembers", () => {
    const f = single(drafts[2].fill);
    expect(f.kind).toBe("project");
    expect(f.fields?.name?.value).toBe("人大会议");
    expect(f.fields?.supervisor?.value).toBe("秦皇岛市山海关区人民代表大会常务委员会本级");
    expect(f.fields?.implementer?.value).toBe("秦皇岛市山海关区人民代表大会常务委员会本级");
    expect(f.year).toBe(2021);
    expect(f.fields?.year?.value).toBe("2021");
    expect(drafts[2].options).toMatchObject({ year: 2021, taxonomy: 2020 });
    expect(f.goals).toEqual([{ index: 1, text: "1.保障会议顺利召开\n2.完成会议议程" }]);
    expect(f.source).toEqual({ file: "2021年绩效目标表.xlsx", sheet: "Sheet1", code: "13030321MWEM2PDP4LC56", name: "人大会议" });
  });

  test("every indicator in place: 一级, 二级, name and target exactly as approved; no actual, score or reason", () => {
    drafts.forEach((d, k) => {
      const f = single(d.fill);
      const src = SEED004[k].indicators;
      expect(f.indicators.map((i) => [i.level1, i.level2, i.name, i.target])).toEqual(src.map((i) => [i.level1, i.level2, i.name, i.target]));
      for (const i of f.indicators) expect(i).toMatchObject({ actual: "", enteredScore: null, reason: "" });
    });
  });

  test("no weights in the table: 产出 4 × 12.5, 效益 4 × 7.5, 满意度 1 × 10, each noted 按默认分值分配，请核对", () => {
    for (const d of drafts) {
      const f = single(d.fill);
      expect(f.indicators.map((i) => i.weight)).toEqual([12.5, 12.5, 12.5, 12.5, 7.5, 7.5, 7.5, 7.5, 10]);
      expect(d.notes).toEqual(f.indicators.map((i) => ({ indicatorId: i.id, note: DEFAULT_WEIGHT_NOTE })));
      expect(DEFAULT_WEIGHT_NOTE).toBe("按默认分值分配，请核对");
      expect(d.warnings).toEqual([]);
    }
  });

  test("the 部门整体 form: its name is the unit's, and each 一级 cell carries the weights under it (50 / 30 / 10)", () => {
    const [d] = draftsFromTargets([SEED004[0]], { kind: "department" });
    const f = single(d.fill);
    expect(f.kind).toBe("department");
    expect(f.name).toBe("秦皇岛市山海关区人民代表大会常务委员会本级");
    expect(f.indicators.map((i) => [i.level1, i.level1Weight])).toEqual([
      ...Array(4).fill(["产出指标", 50]),
      ...Array(4).fill(["效益指标", 30]),
      ["满意度指标", 10],
    ]);
  });

  test("one multi-project form with a row per project; 成本 and 可持续影响 have no column there (10号 layout) and are named", () => {
    const [d] = draftsFromTargets(SEED004, { kind: "multi-project" });
    expect(d.kind).toBe("multi-project");
    const rows = d.fill as Form[];
    expect(rows.map((r) => r.name)).toEqual(["人大代表活动费", "车辆保险费", "人大会议", "综合事务管理费"]);
    const first = rows[0];
    expect(first.indicators.map((i) => [i.level2, i.target])).toEqual([
      ["数量指标", "开展社会服务活动次数：≥90%"],
      ["质量指标", "社情民意反应率：≥90%"],
      ["时效指标", "完成率：≥90%"],
      ["经济效益指标", "经济发展：促进经济发展"],
      ["社会效益指标", "社会稳定水平：促进社会稳定"],
      ["生态效益指标", "改善生态环境质量：促进改善生态环境质量"],
      ["服务对象满意度指标", "群众满意度：≥90%"],
    ]);
    expect(d.warnings).toHaveLength(4);
    expect(d.warnings[0]).toContain("参加培训人均成本");
    expect(d.warnings[0]).toContain("保障人才队伍可持续建设");
  });
});

describe("nothing the table does not say is invented", () => {
  test("a table with weights keeps them; with some missing, those stay blank and nothing is noted", () => {
    const t = table([
      row("a", "产出指标", "数量指标", "a", "≥1次", { weight: 30 }),
      row("b", "产出指标", "质量指标", "b", "≥90%", { weight: null }),
      row("c", "效益指标", "社会效益指标", "c", "促进", { weight: 40 }),
    ]);
    const d = draftFromTargets(t)!;
    expect(single(d.fill).indicators.map((i) => i.weight)).toEqual([30, null, 40]);
    expect(d.notes).toEqual([]);
  });

  test("no unit, year, code, goal or budget in the table: blank in the form, and the year is flagged for checking", () => {
    const t = table([row("a", "产出指标", "数量指标", "培训人次", "≥30人次")], { name: "基层培训" });
    const d = draftFromTargets(t, { kind: "project" })!;
    const f = single(d.fill);
    expect(f.fields).toEqual({ name: { value: "基层培训" }, supervisor: { value: "" }, implementer: { value: "" } });
    expect(f.year).toBeUndefined();
    expect(f.unit).toBeUndefined();
    expect(f.goals).toEqual([]);
    expect(f.funds?.initialBudget).toBeNull();
    expect(d.options.year).toBeUndefined();
    expect(d.warnings.join("")).toContain("年度");
  });

  test("template rows with only 一级/二级 are left out; rows with a name or a target are carried", () => {
    const t = table([
      row("a", "产出指标", "数量指标", "培训人次", "≥30人次"),
      row("b", "产出指标", "质量指标", "", ""),
      row("c", "效益指标", "社会效益指标", "", "促进"),
    ]);
    const f = single(draftFromTargets(t)!.fill);
    expect(f.indicators.map((i) => [i.name, i.target])).toEqual([
      ["培训人次", "≥30人次"],
      ["", "促进"],
    ]);
    // 产出 50 on its one row, 效益 30 on its one: nothing else is shared out.
    expect(f.indicators.map((i) => i.weight)).toEqual([50, 30]);
  });

  test("an amount already in 万元 is kept; 成本指标 as a 一级 makes the form use the 101号 taxonomy", () => {
    const t = table([row("a", "成本指标", "经济成本指标", "单位成本", "≤2万元")], {
      funds: { moneyUnit: "万元", initialBudget: null, budget: { value: 35.5, raw: "35.5" }, spent: { value: null, raw: "" }, weight: null, enteredRate: null, enteredScore: null, sums: [] },
    });
    const d = draftFromTargets(t)!;
    expect(single(d.fill).funds?.initialBudget?.value).toBe(35.5);
    expect(d.options.taxonomy).toBe(2021);
  });

  test("other forms among the input are not targets tables and give nothing", () => {
    expect(draftsFromTargets([emptyForm("project", "S", "x")])).toEqual([]);
  });
});
