// Issue #14 item 2, docs/rules.md#findings target-changed (an error): a self-evaluation must carry the approved targets. Targets
// compare as parsed values (comparator, number, unit after normalising) and as text only when neither is a number.
import type { Evaluation, Form, Indicator } from "../../src/domain/model";
import { emptyForm } from "../../src/domain/form";
import { evaluateForm } from "../../src/domain/evaluate";
import { compareTarget, compareTargets, sourceTable, targetChangeFindings, withTargetChanges } from "../../src/domain/checks/target-changes";
import { pairText } from "../../src/domain/from-targets";

function ind(id: string, level2: string, name: string, target: string, row: number, extra: Partial<Indicator> = {}): Indicator {
  const level1 = /效益/.test(level2) ? "效益指标" : /满意/.test(level2) ? "满意度指标" : "产出指标";
  return {
    id,
    level1,
    level2,
    name,
    target,
    actual: "",
    weight: null,
    enteredScore: null,
    reason: "",
    cells: { row, name: `D${row}`, target: `E${row}`, actual: `F${row}` },
    ...extra,
  };
}

const approved = (inds: Indicator[]): Form => emptyForm("targets", "目标表", "培训项目", { indicators: inds, code: "P001" });
const selfEval = (inds: Indicator[]): Form => emptyForm("project", "自评表", "培训项目", { indicators: inds, scored: true });

const APPROVED = [
  ind("a1", "数量指标", "培训人次", "≥1200人次", 21),
  ind("a2", "质量指标", "考核合格率", "≥95%", 22),
  ind("a3", "成本指标", "人均培训成本", "≤300元", 23),
  ind("a4", "社会效益指标", "干部理论水平", "显著提高", 24),
  ind("a5", "服务对象满意度指标", "学员满意度", "90%以上", 25),
];

describe("compareTarget: parsed values, text only when neither is a number", () => {
  const c = {};
  test.each([
    ["≥95%", "95%以上", "equal"],
    ["≥95%", "不低于95%", "equal"],
    ["≥95%", "＞＝９５％", "equal"],
    ["≤10万元", "≤100000元", "equal"],
    ["≥95%", "≥90%", "lowered"],
    ["≥90%", "≥95%", "raised"],
    ["≤300元", "≤350元", "raised"],
    ["≥95%", "≤95%", "changed"],
    ["≥6次", "≥6%", "changed"],
    ["≥6次", "6次以上", "equal"],
    ["显著提高", "显著提高。", "equal"],
    ["显著提高", "有所提高", "changed"],
    ["全年", "全 年", "equal"],
    ["≥95%", "显著提高", "changed"],
    ["%", "%", "equal"],
  ])("approved %s, now %s: %s", (a, b, expected) => {
    expect(compareTarget(a, c, b, c)).toBe(expected);
  });

  test("the comparator a rule infers counts: a cost written without a sign is ≤ (docs/rules.md#inferred-direction)", () => {
    const cost = { name: "人均培训成本", level2: "成本指标" };
    expect(compareTarget("≤300元", cost, "300元", cost)).toBe("equal");
    expect(compareTarget("≥300元", cost, "300元", cost)).toBe("changed");
  });
});

describe("compareTargets and the findings", () => {
  test("the same indicators and targets, written differently and in another order: nothing changed", () => {
    const form = selfEval([
      ind("i1", "质量指标", "考核合格率", "95%以上", 14),
      ind("i2", "数量指标", "培训人次", "1200人次以上", 13),
      ind("i3", "成本指标", "人均培训成本", "不超过300元", 15),
      ind("i4", "社会效益指标", "干部理论水平", "显著提高", 16),
      ind("i5", "服务对象满意度指标", "学员满意度", "≥90%", 17),
    ]);
    expect(compareTargets(form, approved(APPROVED))).toEqual([]);
  });

  test("lowered, raised, changed, dropped and added, each with both values and the cell to fix", () => {
    const form = selfEval([
      ind("i1", "数量指标", "培训人次", "≥1000人次", 13), // lowered
      ind("i2", "质量指标", "考核合格率", "≥98%", 14), // raised
      ind("i3", "成本指标", "人均培训成本", "≤300元", 15), // same
      ind("i4", "社会效益指标", "干部理论水平", "有所提高", 16), // changed (text)
      ind("i6", "服务对象满意度指标", "家长满意度", "≥85%", 17), // added; 学员满意度 dropped
      ind("blank", "服务对象满意度指标", "", "", 18), // a template row: not an indicator
    ]);
    const changes = compareTargets(form, approved(APPROVED));
    expect(changes).toEqual([
      { kind: "lowered", name: "培训人次", level2: "数量指标", approved: "≥1200人次", now: "≥1000人次", cell: "E13", indicatorId: "i1" },
      { kind: "raised", name: "考核合格率", level2: "质量指标", approved: "≥95%", now: "≥98%", cell: "E14", indicatorId: "i2" },
      { kind: "changed", name: "干部理论水平", level2: "社会效益指标", approved: "显著提高", now: "有所提高", cell: "E16", indicatorId: "i4" },
      { kind: "dropped", name: "学员满意度", level2: "服务对象满意度指标", approved: "90%以上", now: null, cell: "D17" },
      { kind: "added", name: "家长满意度", level2: "服务对象满意度指标", approved: null, now: "≥85%", cell: "E17", indicatorId: "i6" },
    ]);

    const findings = targetChangeFindings(form, approved(APPROVED));
    expect(findings).toHaveLength(5);
    for (const f of findings) expect(f).toMatchObject({ code: "target-changed", severity: "error", sheet: "自评表" });
    const [lowered, raised, changed, dropped, added] = findings;
    expect(lowered.message).toContain("≥1200人次");
    expect(lowered.message).toContain("≥1000人次");
    expect(lowered.message).toContain("调低");
    expect(raised.message).toContain("调高");
    expect(raised.message).toContain("≥95%");
    expect(raised.message).toContain("≥98%");
    expect(changed.message).toContain("显著提高");
    expect(changed.message).toContain("有所提高");
    expect(dropped.message).toContain("学员满意度");
    expect(dropped.message).toContain("90%以上");
    expect(dropped.message).toContain("没有");
    expect(added.message).toContain("家长满意度");
    expect(added.message).toContain("不在批复的绩效目标表中");
    expect(lowered).toMatchObject({ cell: "E13", indicator: "培训人次", indicatorId: "i1" });
  });

  test("a name found under another 二级 is still the same indicator; a blank target is left to field-missing", () => {
    const form = selfEval([
      ind("i1", "时效指标", "培训人次", "≥1200人次", 13),
      ind("i2", "质量指标", "考核合格率", "", 14),
      ...APPROVED.slice(2).map((a, k) => ({ ...a, id: `k${k}` })),
    ]);
    expect(compareTargets(form, approved(APPROVED))).toEqual([]);
  });

  test("the same name twice is paired row by row within its 二级", () => {
    const a = approved([ind("a1", "数量指标", "完成率", "≥90%", 1), ind("a2", "时效指标", "完成率", "≥95%", 2)]);
    const same = selfEval([ind("i1", "时效指标", "完成率", "≥95%", 5), ind("i2", "数量指标", "完成率", "≥90%", 6)]);
    expect(compareTargets(same, a)).toEqual([]);
    const swapped = selfEval([ind("i1", "时效指标", "完成率", "≥90%", 5), ind("i2", "数量指标", "完成率", "≥90%", 6)]);
    expect(compareTargets(swapped, a).map((c) => [c.kind, c.cell])).toEqual([["lowered", "E5"]]);
  });

  test("an error among the findings: the form is no longer ready to send (docs/rules.md#ready-to-send)", () => {
    const ok: Evaluation = { ...evaluateForm(selfEval([])), ready: true, findings: [] };
    const form = selfEval([ind("i1", "数量指标", "培训人次", "≥1000人次", 13)]);
    const ev = withTargetChanges({ ...ok, form }, approved([APPROVED[0]]));
    expect(ev.ready).toBe(false);
    expect(ev.findings.map((f) => f.code)).toEqual(["target-changed"]);
    // Nothing changed: the same evaluation comes back.
    const same = withTargetChanges({ ...ok, form: selfEval([ind("i1", "数量指标", "培训人次", "1200人次以上", 13)]) }, approved([APPROVED[0]]));
    expect(same.ready).toBe(true);
  });
});

describe("a multi-project row: one cell per 二级 holding its indicators as 名称：指标值；…", () => {
  const table = approved([
    ind("a1", "数量指标", "培训人次", "≥1200人次", 1),
    ind("a2", "数量指标", "培训期数", "≥4期", 2),
    ind("a3", "质量指标", "考核合格率", "≥95%", 3),
  ]);
  const row = (quantity: string, quality: string): Form =>
    emptyForm("multi-project", "汇总表", "培训项目", {
      indicators: [
        ind("q", "数量指标", "数量指标", quantity, 7, { cells: { row: 7, target: "O7" } }),
        ind("u", "质量指标", "质量指标", quality, 7, { cells: { row: 7, target: "Q7" } }),
      ],
    });

  test("the cell as drafted compares equal; a lowered part is reported on its cell", () => {
    const drafted = pairText([{ name: "培训人次", target: "≥1200人次" }, { name: "培训期数", target: "≥4期" }]);
    expect(compareTargets(row(drafted, "≥95%"), table)).toEqual([]);
    const changes = compareTargets(row("培训人次：≥1000人次；培训期数：4期以上", "考核合格率≥95%"), table);
    expect(changes.map((c) => [c.kind, c.name, c.approved, c.now, c.cell])).toEqual([["lowered", "培训人次", "≥1200人次", "≥1000人次", "O7"]]);
  });

  test("a pair left blank (the reader gives no indicator for it) drops its approved indicators; 成本 has no column under 10号", () => {
    const withCost = approved([...table.indicators, ind("a4", "成本指标", "人均成本", "≤300元", 4)]);
    const onlyQuantity = emptyForm("multi-project", "汇总表", "培训项目", {
      anchor: "C7",
      indicators: [ind("q", "数量指标", "数量指标", "培训人次：≥1200人次；培训期数：≥4期", 7, { cells: { row: 7, target: "O7" } })],
    });
    expect(compareTargets(onlyQuantity, withCost).map((c) => [c.kind, c.name, c.cell])).toEqual([["dropped", "考核合格率", "O7"]]);
  });

  test("a part that names no approved indicator is added; an approved one not named is dropped", () => {
    const changes = compareTargets(row("培训人次：≥1200人次；宣传次数：≥3次", "≥95%"), table);
    expect(changes.map((c) => [c.kind, c.name])).toEqual([
      ["dropped", "培训期数"],
      ["added", "宣传次数：≥3次"],
    ]);
  });
});

describe("sourceTable: the table a form was made from, among the tables of its workbook (the pane's case)", () => {
  const t = (sheet: string, name: string, code?: string): Form => emptyForm("targets", sheet, name, code ? { code } : {});
  const tables = [t("目标表", "人大会议", "C1"), t("目标表", "车辆保险费", "C2"), t("目标表(2)", "人大会议", "C1")];
  const made = (source: Form["source"]): Form => emptyForm("project", "自评表", "x", { source });

  test("by sheet and 项目编码; by 项目名称 where the code is missing", () => {
    expect(sourceTable(made({ sheet: "目标表", code: "c2" }), tables)).toBe(tables[1]);
    expect(sourceTable(made({ sheet: "目标表(2)", code: "C1" }), tables)).toBe(tables[2]);
    expect(sourceTable(made({ sheet: "目标表", name: "人大会议" }), tables)).toBe(tables[0]);
  });

  test("none, several, or no source: null (nothing is compared on a guess)", () => {
    expect(sourceTable(made({ sheet: "目标表", code: "C9" }), tables)).toBeNull();
    expect(sourceTable(made({ code: "C1" }), tables)).toBeNull();
    expect(sourceTable(made({ code: "C1", name: "人大会议" }), tables)).toBeNull();
    expect(sourceTable(made(undefined), tables)).toBeNull();
    expect(sourceTable(made({ sheet: "自评表" }), [emptyForm("project", "自评表", "x")])).toBeNull();
  });
});
