// Issue #14 item 2: which approved 绩效目标表 a returned self-evaluation answers to — the source it remembers, then
// 项目编码, then 项目名称; several that fit are reported as ambiguous and not compared.
import type { Form, Indicator } from "../../src/domain/model";
import { emptyForm } from "../../src/domain/form";
import { evaluateForm } from "../../src/domain/evaluate";
import { compareWithTargets, pairForms, targetsTables, type TargetsTable } from "../../src/cli/pairing";
import type { FileResult } from "../../src/cli/results";

const ind = (name: string, target: string, row = 13): Indicator => ({
  id: `i${row}`,
  level1: "产出指标",
  level2: "数量指标",
  name,
  target,
  actual: "",
  weight: null,
  enteredScore: null,
  reason: "",
  cells: { row, name: `D${row}`, target: `E${row}` },
});

function targets(name: string, code: string | undefined, target: string, over: Partial<Form> = {}): Form {
  return emptyForm("targets", "Sheet1", name, { indicators: [ind("培训人次", target, 21)], ...(code ? { code } : {}), ...over });
}
function project(name: string, target: string, over: Partial<Form> = {}): Form {
  return emptyForm("project", "自评表", name, { scored: true, indicators: [ind("培训人次", target)], ...over });
}
const file = (path: string, forms: Form[]): FileResult => ({ file: path, error: null, forms: forms.map((form) => ({ form, evaluation: evaluateForm(form) })) });
const table = (path: string, form: Form): TargetsTable => ({ file: path, form });
const changed = (r: FileResult, k = 0): string[] => r.forms[k].evaluation.findings.filter((f) => f.code === "target-changed").map((f) => f.message);

describe("pairing", () => {
  test("by 项目名称 when the form has no 项目编码 (our 项目支出 form has none)", () => {
    const given = [table("目标/a.xlsx", targets("人大会议", "C1", "≥1200人次")), table("目标/a.xlsx", targets("车辆保险费", "C2", "≥4辆"))];
    const { pairs, notes } = pairForms([file("收回/x.xlsx", [project("人大会议", "≥1000人次")])], given);
    expect(notes).toEqual([]);
    expect(pairs).toEqual([{ file: 0, form: 0, table: given[0], by: "name" }]);
  });

  test("by 项目编码 first: a form whose name was edited still finds its table; a different code is another project", () => {
    const given = [table("t.xlsx", targets("人大会议经费", "C1", "≥1200人次")), table("t.xlsx", targets("人大会议", "C9", "≥1200人次"))];
    const { pairs } = pairForms([file("x.xlsx", [project("人大会议", "≥1200人次", { code: "c1" })])], given);
    expect(pairs.map((p) => [p.table.form.code, p.by])).toEqual([["C1", "code"]]);
    const other = pairForms([file("x.xlsx", [project("人大会议", "≥1200人次", { code: "C5" })])], [given[1]]);
    expect(other.pairs).toEqual([]);
    expect(other.notes.map((n) => n.message)).toEqual([expect.stringContaining("没有找到“人大会议”对应的绩效目标表")]);
  });

  test("two tables of the same name: narrowed by the unit, else reported as ambiguous and not compared", () => {
    const a = table("甲/t.xlsx", targets("人大会议", undefined, "≥1200人次", { unit: "甲区人大" }));
    const b = table("乙/t.xlsx", targets("人大会议", undefined, "≥900人次", { unit: "乙区人大" }));
    const mine = pairForms([file("x.xlsx", [project("人大会议", "≥900人次", { unit: "乙区人大" })])], [a, b]);
    expect(mine.pairs.map((p) => p.table)).toEqual([b]);
    const unknown = pairForms([file("x.xlsx", [project("人大会议", "≥900人次")])], [a, b]);
    expect(unknown.pairs).toEqual([]);
    expect(unknown.notes).toHaveLength(1);
    expect(unknown.notes[0].message).toContain("有 2 张绩效目标表的项目名称都是“人大会议”");
    expect(unknown.notes[0].message).toContain("无法确定");
    // Ambiguous by code as well.
    const c1 = table("1.xlsx", targets("会议", "C1", "≥1"));
    const c2 = table("2.xlsx", targets("会务", "C1", "≥1"));
    const byCode = pairForms([file("x.xlsx", [project("其他", "≥1", { code: "C1" })])], [c1, c2]);
    expect(byCode.pairs).toEqual([]);
    expect(byCode.notes[0].message).toContain("项目编码都是“C1”");
  });

  test("the form remembers its source: that table, whatever the names say", () => {
    const given = [table("目标/2021.xlsx", targets("人大会议", "C1", "≥1200人次")), table("目标/2021.xlsx", targets("人大会议（追加）", "C7", "≥50人次"))];
    const form = project("人大会议", "≥50人次", { source: { file: "2021.xlsx", sheet: "Sheet1", code: "C7", name: "人大会议（追加）" } });
    const { pairs, notes } = pairForms([file("x.xlsx", [form])], given);
    expect(notes).toEqual([]);
    expect(pairs.map((p) => [p.table.form.code, p.by])).toEqual([["C7", "source"]]);
  });

  test("a source in the same workbook is found without --targets (the pane's case: the table sits beside the form)", () => {
    const t = targets("人大会议", "C1", "≥1200人次");
    const form = project("人大会议", "≥1000人次", { source: { sheet: "Sheet1", code: "C1", name: "人大会议" } });
    const r = compareWithTargets([file("book.xlsx", [t, form])], []);
    expect(r.pairs.map((p) => [p.form, p.by])).toEqual([[1, "source"]]);
    expect(changed(r.results[0], 1)).toEqual([expect.stringContaining("调低")]);
    // Without a source nothing in the workbook is compared, and without --targets nothing is reported.
    const plain = compareWithTargets([file("book.xlsx", [t, project("人大会议", "≥1000人次")])], []);
    expect(plain.pairs).toEqual([]);
    expect(plain.notes).toEqual([]);
  });

  test("a source not among the --targets files is said, and the form is paired by code or name instead", () => {
    const given = [table("other.xlsx", targets("人大会议", "C1", "≥1200人次"))];
    const form = project("人大会议", "≥1200人次", { source: { file: "2021.xlsx", sheet: "Sheet1", code: "C1" } });
    const { pairs, notes } = pairForms([file("x.xlsx", [form])], given);
    expect(pairs.map((p) => p.by)).toEqual(["name"]);
    expect(notes.map((n) => n.message)).toEqual([expect.stringContaining("2021.xlsx")]);
  });

  test("targets tables among the checked files are not paired themselves; the paired forms gain target-changed", () => {
    const given = [table("t.xlsx", targets("人大会议", "C1", "≥1200人次"))];
    const checked = [file("x.xlsx", [targets("人大会议", "C1", "≥1200人次"), project("人大会议", "1200人次以上"), project("车辆保险费", "≥4辆")])];
    const r = compareWithTargets(checked, given);
    expect(r.pairs.map((p) => p.form)).toEqual([1]);
    expect(changed(r.results[0], 1)).toEqual([]);
    expect(r.notes.map((n) => n.form.name)).toEqual(["车辆保险费"]);
    // The input is left as it was.
    expect(checked[0].forms[1].evaluation).toBe(r.results[0].forms[1].evaluation);
    const lowered = compareWithTargets([file("x.xlsx", [project("人大会议", "≥1100人次")])], given);
    expect(changed(lowered.results[0])).toEqual([expect.stringContaining("≥1100人次")]);
    expect(lowered.results[0].forms[0].evaluation.ready).toBe(false);
  });

  test("targetsTables lists every targets form with its file", () => {
    const t1 = targets("a", "C1", "≥1");
    const t2 = targets("b", "C2", "≥1");
    expect(targetsTables([file("1.xlsx", [t1, project("x", "1")]), { file: "bad.xlsx", error: "损坏", forms: [] }, file("2.xlsx", [t2])])).toEqual([
      { file: "1.xlsx", form: t1 },
      { file: "2.xlsx", form: t2 },
    ]);
  });
});
