// The write plans themselves: every field named, formulas only from the agreed functions, text stays a
// value, options change what they should, lists and flags point at things that exist.
import { FORM_KINDS, type FormKind } from "../../src/domain/model";
import { buildPlan } from "../../src/sheet/render";
import { EDGE } from "./fixtures/forms";
import { planFormulaCells } from "../../src/sheet/render/runs";
import { HELPER_COLUMN } from "../../src/sheet/meta";
import { lettersToCol } from "../../src/sheet/address";

const ALLOWED = new Set(
  "IF IFERROR AND OR NOT SUM SUMPRODUCT MIN MAX ROUND ABS LEN TRIM ISNUMBER ISERROR COUNT COUNTA INDEX MATCH LOOKUP VALUE SUBSTITUTE LEFT RIGHT MID FIND SEARCH ASC INT MOD N NA SUMIF COUNTIF".split(" "),
);
const all = FORM_KINDS.flatMap((k) => [2020, 2021].map((t) => [k, t as 2020 | 2021] as [FormKind, 2020 | 2021]));

describe.each(all)("%s (taxonomy %s)", (kind, taxonomy) => {
  const plan = buildPlan(kind, { year: 2024, unit: "某单位", taxonomy });

  test("every field has a defined name, names are unique and valid", () => {
    const names = plan.names.map((n) => n.name);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n).toMatch(/^[A-Z][A-Z0-9_]*$/);
    expect(Object.keys(plan.fields).length).toBe(names.length);
    for (const n of plan.names) expect(n.ref).toMatch(/^[A-Z]+\d+(:[A-Z]+\d+)?$/);
  });

  test("formulas use only functions every engine evaluates, and every token is resolved", () => {
    const formulas = planFormulaCells(plan).map((c) => c.formula);
    expect(formulas.length).toBeGreaterThan(5);
    for (const f of [...formulas, ...plan.conditionalFormats.map((c) => c.formula)]) {
      expect(f.startsWith("=")).toBe(true);
      const used = [...f.replace(/"[^"]*"/g, '""').matchAll(/([A-Z][A-Z0-9.]*)\(/g)].map((m) => m[1]);
      for (const fn of used) expect([fn, ALLOWED.has(fn)]).toEqual([fn, true]);
      expect(f.replace(/"[^"]*"/g, '""')).not.toMatch(/\{[A-Za-z*]/);
    }
  });

  test("conditional formats hold no array constants and point into the form", () => {
    expect(plan.conditionalFormats.length).toBeGreaterThan(0);
    for (const cf of plan.conditionalFormats) {
      expect(cf.formula).not.toContain("{");
      expect(cf.meaning.length).toBeGreaterThan(0);
    }
  });

  test("validations use lists the plan carries; helpers are hidden and not printed", () => {
    const lists = new Set(plan.lists.map((l) => l.name));
    for (const v of plan.validations) expect(lists.has(v.listName)).toBe(true);
    expect(plan.hiddenColumns!.length).toBeGreaterThan(0);
    const lastPrinted = plan.printArea!.split(":")[1].replace(/\d+/, "");
    for (const h of plan.hiddenColumns!) expect(h.length > lastPrinted.length || h > lastPrinted).toBe(true);
    expect(plan.print.paper).toBe(plan.template.kind === "multi-project" ? "A3" : "A4");
    // the table's header row repeats on every page (a form of one indicator table; the multi-project header rows)
    if (plan.print.repeatRows) {
      const [a, b] = plan.print.repeatRows.split(":").map(Number);
      expect(plan.cells.some((c) => c.style?.bold && new RegExp(`^[A-Z]+(${a}|${b})$`).test(c.addr))).toBe(true);
    } else expect(["report", "department-goals"]).toContain(plan.template.kind);
  });
});

test("rows per 二级 and taxonomy shape the indicator table", () => {
  const rows = (n: number, t: 2020 | 2021) => {
    const r = buildPlan("project", { rows: n, taxonomy: t }).fields["ind"].match(/\d+/g)!.map(Number);
    return r[1] - r[0] + 1;
  };
  expect(rows(1, 2020)).toBe(9);
  expect(rows(3, 2020)).toBe(27);
  expect(rows(1, 2021)).toBe(10);
  const p2021 = buildPlan("project", { taxonomy: 2021 });
  expect(p2021.cells.some((c) => c.value === "经济成本指标")).toBe(true);
  expect(buildPlan("project", {}).cells.some((c) => c.value === "经济成本指标")).toBe(false);
  expect(buildPlan("multi-project", { taxonomy: 2021 }).size.cols).toBeGreaterThan(buildPlan("multi-project", {}).size.cols);
});

test("title, year and unit come from the options", () => {
  const p = buildPlan("department-goals", { year: 2023, unit: "某区财政局" });
  expect(p.cells.find((c) => c.addr === "A1")?.value).toBe("2023年度部门整体绩效自评表");
  expect(p.cells.find((c) => c.addr === p.fields["unit"])?.value).toBe("某区财政局");
  expect(buildPlan("targets", { project: "人大会议" }).cells.find((c) => c.addr === "A1")?.value).toBe("人大会议绩效目标表");
  expect(buildPlan("project", {}).print.landscape).toBe(true);
  expect(buildPlan("multi-project", {}).print.landscape).toBe(true);
  expect(buildPlan("targets", {}).print.landscape).toBe(false);
});

test("text from a form that starts with = + - @ is a value, never a formula", () => {
  const p = buildPlan("project", {}, EDGE);
  const at = (addr: string) => p.cells.find((c) => c.addr === addr)!;
  expect(at(p.fields["name"])).toMatchObject({ value: "=SUM(1,2) 项目" });
  expect(at(p.fields["name"]).formula).toBeUndefined();
  expect(at(p.fields["unit"])).toMatchObject({ value: "+测试单位" });
  expect(at(p.fields["goal.text"])).toMatchObject({ value: "-完成年度任务" });
  expect(at(p.fields["goal.actual"])).toMatchObject({ value: "@已完成" });
  for (const c of p.cells) if (typeof c.value === "string" && /^[=+\-@]/.test(c.value)) expect(c.formula).toBeUndefined();
});

test("a filled plan maps each indicator to its row; entered scores are kept, others computed", () => {
  const p = buildPlan("project", {}, EDGE);
  const rows = p.meta!.indicatorRows!;
  expect(Object.keys(rows)).toHaveLength(EDGE.indicators.length);
  const scoreCol = p.fields["ind.score"].replace(/\d.*/, "");
  const entered = p.cells.find((c) => c.addr === `${scoreCol}${rows.i10}`)!;
  expect(entered.value).toBe(4.5);
  expect(entered.formula).toBeUndefined();
  const computed = planFormulaCells(p).find((c) => c.addr === `${scoreCol}${rows.i1}`)!;
  expect(computed.formula).toMatch(/^=IF\(ISNUMBER\(/);
  // her score is a value, the others one run of the rule's default: none runs over row i10
  for (const r of p.runs.filter((x) => x.col === scoreCol)) expect(rows.i10 < r.r0 || rows.i10 > r.r1).toBe(true);
});

describe("the fields bureaus ask for (issue #14 item 5)", () => {
  const rowOf = (ref: string) => Number(/\d+/.exec(ref)![0]);
  const textAt = (p: ReturnType<typeof buildPlan>, ref: string) => p.cells.find((c) => c.addr === ref.split(":")[0])?.value;

  test.each(FORM_KINDS)("%s: 填报人, 联系电话, 单位负责人, 填报日期 are named fields, labelled, typeable and never formulas", (kind) => {
    const p = buildPlan(kind, { year: 2024, unit: "某单位" });
    for (const [key, label] of [
      ["preparer", "填报人："],
      ["phone", "联系电话："],
      ["head", "单位负责人："],
      ["filedOn", /填报(日期|时间)：/],
    ] as const) {
      const ref = p.fields[key];
      expect([key, typeof ref]).toEqual([key, "string"]);
      const cell = p.cells.find((c) => c.addr === ref)!;
      expect(cell.formula).toBeUndefined();
      expect(cell.style?.locked).toBe(false);
      // the label stands left of its cell, on the same row
      const row = rowOf(ref);
      const labels = p.cells.filter((c) => rowOf(c.addr) === row && typeof c.value === "string").map((c) => c.value as string);
      expect(labels.some((l) => (typeof label === "string" ? l === label : label.test(l)))).toBe(true);
    }
  });

  test("the footer is below the table; a form with 填报时间/填报日期 in its header keeps it there, once", () => {
    for (const kind of FORM_KINDS) {
      const p = buildPlan(kind, {});
      const body = rowOf(p.fields[kind === "multi-project" ? "proj" : kind === "report" ? "ind3" : kind === "department-goals" ? "ind3" : "ind"].split(":")[1]);
      expect([kind, rowOf(p.fields.preparer) > body]).toEqual([kind, true]);
      const header = kind === "department" || kind === "department-goals";
      expect([kind, rowOf(p.fields.filedOn) <= 3]).toEqual([kind, header]);
      const dated = p.cells.filter((c) => typeof c.value === "string" && /^填报(日期|时间)：$/.test(c.value));
      expect([kind, dated.length]).toEqual([kind, 1]);
    }
  });

  test("names, 主管部门, 实施单位, 年度总体目标 and 实际完成情况 are named where the form has them", () => {
    const project = buildPlan("project", { unit: "某局", project: "某项目" });
    for (const key of ["name", "unit", "implementer", "goal.text", "goal.actual"]) expect(project.fields[key]).toBeDefined();
    expect(project.fields["funds.reason"]).toBeUndefined(); // the national form has no 执行偏差原因 cell
    expect(textAt(project, project.fields.name)).toBe("某项目");
    for (const kind of ["department", "department-goals"] as const) {
      const p = buildPlan(kind, { unit: "某区人大办" });
      // a department's 单位名称 is its `unit` (the reader takes it for the form's name); it has no 项目名称
      expect(textAt(p, p.fields.unit)).toBe("某区人大办");
      expect(p.fields.name).toBeUndefined();
    }
    expect(buildPlan("department", {}).fields["goal.actual"]).toBeDefined();
  });

  test("the targets form has its header fields and keeps 单位：元", () => {
    const p = buildPlan("targets", { year: 2025, unit: "某局", project: "某项目" });
    for (const key of ["code", "name", "unit", "implementer", "attribute", "period", "longTermGoal", "goal.text"]) expect([key, !!p.fields[key]]).toEqual([key, true]);
    const texts = p.cells.map((c) => c.value);
    expect(texts).toContain("（2025年度）");
    expect(texts).toContain("单位：元");
    for (const label of ["主管部门", "实施单位", "项目属性", "项目期", "中长期目标"]) expect(texts).toContain(label);
    expect(textAt(p, p.fields.unit)).toBe("某局");
  });
});

describe("formulas are written once per run (issue #13)", () => {
  test.each(FORM_KINDS)("%s at 20 rows per 二级: one run per helper column and table, fixed cells with $", (kind) => {
    const p = buildPlan(kind, { rows: 20 });
    const helpers = p.runs.filter((r) => lettersToCol(r.col) >= HELPER_COLUMN);
    expect(helpers.length).toBeGreaterThan(0);
    // every helper column of a table is one run from its first row to its last
    const tables = new Set(helpers.map((r) => `${r.r0}:${r.r1}`));
    const cols = new Set(helpers.map((r) => r.col));
    expect(helpers.length).toBe(tables.size * cols.size);
    // a run's cells hold nothing of their own: no per-cell formula in a run
    const inRun = new Set(p.runs.flatMap((r) => Array.from({ length: r.r1 - r.r0 + 1 }, (_, k) => `${r.col}${r.r0 + k}`)));
    for (const c of p.cells) if (c.formula) expect(inRun.has(c.addr)).toBe(false);
    // references to fields (cells outside the row) are absolute, so a fill keeps them
    for (const r of p.runs) {
      const fixed = [...r.formula.replace(/"[^"]*"/g, '""').matchAll(/(?<![A-Z$])\$?([A-Z]{1,3})\$?(\d+)(?!\d)/g)];
      // its own row, or the row above (the cost group carried down, helpers.ts), or a fixed cell
      for (const m of fixed) if (Number(m[2]) !== r.r0 && !(Number(m[2]) === r.r0 - 1 && m[1] === r.col) && !/\$\d/.test(m[0])) expect([r.col, m[0]]).toEqual([r.col, "a reference to its own row"]);
    }
    // the filled-down formula of the last row is the first one moved, nothing else
    const last = planFormulaCells(p).find((c) => c.addr === `${helpers[0].col}${helpers[0].r1}`)!;
    expect(last.formula).not.toBe(helpers[0].formula);
  });

  test("each helper column has a Chinese header above its table, hidden with it", () => {
    for (const kind of ["project", "department", "department-goals", "report", "targets"] as const) {
      const p = buildPlan(kind, {});
      const helpers = p.runs.filter((r) => lettersToCol(r.col) >= HELPER_COLUMN);
      for (const r of helpers) {
        const head = p.cells.find((c) => c.addr === `${r.col}${r.r0 - 1}`);
        expect([kind, r.col, typeof head?.value === "string" && /[\u4e00-\u9fff]/.test(head.value as string)]).toEqual([kind, r.col, true]);
        expect(p.hiddenColumns).toContain(r.col);
      }
      // keys are whole words
      for (const key of Object.keys(p.meta!.helpers!)) expect(key.length).toBeGreaterThan(2);
    }
  });
});
