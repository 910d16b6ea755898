// The layout corpus (test/fixtures/layouts): every layout is read, and each form is held to what a reviewer at the
// finance bureau expects of it — the fields, the funds, the total, the indicators — and to the findings: those the
// layout plants must appear, the usual false alarms must not.
import ExcelJS from "exceljs";
import type { Evaluation, FindingCode, Form } from "../../src/domain/model";
import { readXlsxBuffer } from "../../src/xlsx/read";
import { evaluateForm } from "../../src/domain/evaluate";
import { readForms } from "../../src/sheet/read";
import { Layout } from "../fixtures/layouts/build";
import { LAYOUTS } from "../fixtures/layouts";
import { DEFAULT_ABSENT, type FormExpect } from "../fixtures/layouts/types";

function formsOf(c: (typeof LAYOUTS)[number]): Form[] {
  const L = new Layout(c.id.slice(0, 31));
  c.build(L);
  return readForms(L.grid());
}

function check(f: Form, e: FormExpect): void {
  if (e.kind) expect(f.kind).toBe(e.kind);
  if (e.name !== undefined) expect(f.name).toBe(e.name);
  if (e.year !== undefined) expect(f.year).toBe(e.year);
  if (typeof e.indicators === "number") expect(f.indicators.filter((i) => i.name).length).toBe(e.indicators);
  else if (e.indicators) expect(f.indicators.filter((i) => i.name).map((i) => i.name)).toEqual(e.indicators);
  if (e.funds === null) expect(f.funds).toBeNull();
  else if (e.funds) {
    const fu = f.funds!;
    expect(fu).not.toBeNull();
    const x = e.funds;
    if (x.budget !== undefined) expect(fu.budget.value).toBe(x.budget);
    if (x.spent !== undefined) expect(fu.spent.value).toBe(x.spent);
    if (x.initialBudget !== undefined) expect(fu.initialBudget?.value ?? null).toBe(x.initialBudget);
    if (x.weight !== undefined) expect(fu.weight?.value ?? null).toBe(x.weight);
    if (x.score !== undefined) expect(fu.enteredScore?.value ?? null).toBe(x.score);
    if (x.rate !== undefined) {
      if (x.rate === null) expect(fu.enteredRate?.value ?? null).toBeNull();
      else expect(fu.enteredRate?.value).toBeCloseTo(x.rate, 9);
    }
    if (x.budgetCell) expect(fu.budget.cell).toBe(x.budgetCell);
    if (x.spentCell) expect(fu.spent.cell).toBe(x.spentCell);
    if (x.explicit) expect(fu.explicit).toEqual({ budget: false, initialBudget: false, ...x.explicit });
    if (x.reason) expect(fu.reason).toEqual(x.reason);
    if (x.moneyUnit) expect(fu.moneyUnit).toBe(x.moneyUnit);
  }
  if (e.total) {
    expect(f.enteredTotal?.value ?? null).toBe(e.total.value);
    if (e.total.cell) expect(f.enteredTotal?.cell).toBe(e.total.cell);
  }
  if (e.weightTotal !== undefined) expect(f.weightTotal?.value ?? null).toBe(e.weightTotal);
  if (e.grade !== undefined) expect(f.enteredGrade?.value ?? null).toBe(e.grade);
  if (e.fields) for (const [k, cell] of Object.entries(e.fields)) expect([k, f.fields?.[k as keyof typeof f.fields]?.cell]).toEqual([k, cell]);
  expect(f.readIssues.map((i) => i.cell).sort()).toEqual([...(e.readIssues ?? [])].sort());
  const ev: Evaluation = evaluateForm(f);
  if (e.computed !== undefined) expect(ev.total?.computed).toBe(e.computed);
  const got = ev.findings.map((x) => [x.code, x.cell] as [FindingCode, string | undefined]);
  const planted = new Set<FindingCode>();
  for (const want of e.findings ?? []) {
    if (typeof want === "string") {
      planted.add(want);
      expect(got.map(([c]) => c)).toContain(want);
    } else {
      planted.add(want[0]);
      expect(got).toContainEqual(want);
    }
  }
  const skip = new Set(e.unchecked ?? []);
  for (const code of [...DEFAULT_ABSENT, ...(e.absent ?? [])]) {
    if (planted.has(code) || skip.has(code)) continue;
    expect(got.filter(([c]) => c === code)).toEqual([]);
  }
  e.more?.(f, expect);
}

describe.each(LAYOUTS.map((c) => [c.id, c] as const))("%s", (_id, c) => {
  test(`${c.shows} — ${c.source.slice(0, 40)}…`, () => {
    const forms = formsOf(c);
    expect(forms).toHaveLength(c.forms.length);
    c.forms.forEach((e, i) => check(forms[i], e));
  });
});

test("the corpus holds at least 40 layouts, each naming its source", () => {
  expect(LAYOUTS.length).toBeGreaterThanOrEqual(40);
  expect(new Set(LAYOUTS.map((c) => c.id)).size).toBe(LAYOUTS.length);
  for (const c of LAYOUTS) expect(c.source).toMatch(/20\d\d/);
});

test("every layout written as an .xlsx file reads as its grid does (ExcelJS's merged cells, dates and errors included)", async () => {
  const summary = (forms: Form[]) =>
    forms.map((f) => ({
      kind: f.kind,
      name: f.name,
      indicators: f.indicators.map((i) => [i.name, i.target, i.actual, i.weight, i.enteredScore, i.cells.name]),
      funds: f.funds && [f.funds.budget.value, f.funds.spent.value, f.funds.budget.cell, f.funds.enteredRate?.value ?? null],
      total: [f.enteredTotal?.value ?? null, f.enteredTotal?.cell],
      issues: f.readIssues.map((i) => i.cell),
    }));
  for (const c of LAYOUTS.filter((x) => !x.gridOnly)) {
    const wb = new ExcelJS.Workbook();
    const L = new Layout(c.id.slice(0, 31));
    c.build(L);
    L.addTo(wb);
    const grids = await readXlsxBuffer(Buffer.from(await wb.xlsx.writeBuffer()));
    expect([c.id, summary(grids.flatMap(readForms))]).toEqual([c.id, summary(readForms(L.grid()))]);
  }
});
