// Adopt (bind) a form the add-in did not make: add defined names and a FormMeta row, and — only in EMPTY cells,
// which it then owns — a notes column, the 执行率/得分 formulas of the funds row, and native flags.
// Nothing the user typed changes. Pure planning here; adoptQueue() queues the writes.

import type { Evaluation, Form } from "../domain/model";
import { colToLetters, formatA1, formatRange, parseA1 } from "../sheet/address";
import type { Grid, GridCell, Rect } from "../sheet/grid";
import { cellLookup } from "../sheet/grid";
import { keyToName, type FormMeta } from "../sheet/meta";
import { noteFor, combineNotes, type CellWrite } from "./derive";
import { NOTES_FIELD, NOTES_HEADER } from "./workbook-parts";

export interface AdoptPlan {
  prefix: string;
  meta: FormMeta;
  names: { name: string; ref: string }[];
  writes: CellWrite[];
  formulas: { r: number; c: number; formula: string; numFmt?: string }[];
  flags: { ref: string; formula: string }[];
  notesHeader: { r: number; c: number } | null;
}

const blank = (at: (r: number, c: number) => GridCell | undefined, r: number, c: number): boolean => {
  const cell = at(r, c);
  return !cell || ((cell.value === null || cell.value === "") && !cell.formula);
};

const inMerge = (grid: Grid, r: number, c: number): boolean =>
  grid.merges.some((m) => r >= m.r0 && r <= m.r1 && c >= m.c0 && c <= m.c1 && !(r === m.r0 && c === m.c0));

/** Every cell a form's reader result points at. */
function cellsOf(form: Form): string[] {
  const out: string[] = [];
  const add = (a?: string) => a && out.push(a);
  add(form.anchor);
  const f = form.funds;
  if (f) {
    for (const n of [f.initialBudget, f.budget, f.spent, f.weight, f.enteredRate, f.enteredScore]) add(n?.cell);
    for (const g of f.sums) for (const p of [g.total, ...g.parts]) add(p.cell);
  }
  for (const g of form.goals) add(g.cell);
  for (const i of form.indicators) for (const a of Object.values(i.cells)) if (typeof a === "string") add(a);
  add(form.enteredTotal?.cell);
  add(form.enteredGrade?.cell);
  add(form.sharedReason?.cell);
  add(form.improvement?.cell);
  return out;
}

const EMPTY_WORDS = ["无", "暂无", "没有", "/", "—", "-", "不适用"];

/** Plans the binding of `forms` (one group: one form, or every project of a multi-project table). */
export function planAdopt(grid: Grid, forms: Form[], evaluations: Evaluation[], k: number): AdoptPlan {
  const prefix = `JX${k}_`;
  const pts = forms.flatMap(cellsOf).map((a) => parseA1(a)).filter((p): p is NonNullable<typeof p> => !!p);
  const indRows = forms.flatMap((f) => f.indicators.map((i) => (i.cells.row ?? 0) - 1)).filter((r) => r >= 0);
  const r0 = Math.min(...pts.map((p) => p.row), ...indRows);
  const r1 = Math.max(...pts.map((p) => p.row), ...indRows);
  let maxCol = Math.max(0, ...pts.map((p) => p.col));
  for (const cell of grid.cells) if (cell.row >= r0 && cell.row <= r1) maxCol = Math.max(maxCol, cell.col);
  for (const m of grid.merges) if (m.r1 >= r0 && m.r0 <= r1) maxCol = Math.max(maxCol, m.c1);
  const area: Rect = { r0, c0: 0, r1, c1: maxCol };

  const names: { name: string; ref: string }[] = [{ name: `${prefix}AREA`, ref: formatRange(area) }];
  const fields: Record<string, string> = {};
  const name = (key: string, a1?: string) => {
    if (!a1 || fields[key]) return;
    fields[key] = keyToName(key);
    names.push({ name: prefix + fields[key], ref: a1 });
  };
  const f = forms[0];
  if (forms.length === 1 && f.funds) {
    name("funds.initialBudget", f.funds.initialBudget?.cell);
    name("funds.budget", f.funds.budget.cell);
    name("funds.spent", f.funds.spent.cell);
    name("funds.weight", f.funds.weight?.cell);
    name("funds.rate", f.funds.enteredRate?.cell);
    name("funds.score", f.funds.enteredScore?.cell);
  }
  if (forms.length === 1) {
    name("total", f.enteredTotal?.cell);
    name("grade", f.enteredGrade?.cell);
  }

  // Derived cells, only where the form left the cell empty.
  const formulas: AdoptPlan["formulas"] = [];
  const cellAt = cellLookup(grid);
  const fu = forms.length === 1 ? f.funds : null;
  const at = (a?: string) => (a ? parseA1(a) : null);
  const budget = at(fu?.budget.cell);
  const spent = at(fu?.spent.cell);
  if (fu && budget && spent) {
    const B = formatA1(budget.row, budget.col);
    const S = formatA1(spent.row, spent.col);
    const rate = at(fu.enteredRate?.cell);
    if (rate && blank(cellAt, rate.row, rate.col) && !inMerge(grid, rate.row, rate.col)) {
      formulas.push({ r: rate.row, c: rate.col, formula: `=IFERROR(${S}/${B},"")`, numFmt: "0.00%" });
    }
    const score = at(fu.enteredScore?.cell);
    const weight = at(fu.weight?.cell);
    if (score && weight && blank(cellAt, score.row, score.col) && !inMerge(grid, score.row, score.col)) {
      const W = formatA1(weight.row, weight.col);
      formulas.push({ r: score.row, c: score.col, formula: `=IFERROR(ROUND(MIN(${S}/${B},1)*${W},2),"")` });
    }
  }

  // The notes column: right of everything the form holds, header above its first indicator row.
  const writes: CellWrite[] = [];
  const flags: AdoptPlan["flags"] = [];
  let notesHeader: AdoptPlan["notesHeader"] = null;
  if (indRows.length) {
    const col = maxCol + 1;
    const top = Math.min(...indRows);
    const bottom = Math.max(...indRows);
    if (top > 0 && blank(cellAt, top - 1, col)) {
      notesHeader = { r: top - 1, c: col };
      fields[NOTES_FIELD] = "NOTES";
      names.push({ name: `${prefix}NOTES`, ref: formatA1(top - 1, col) });
      const perRow = new Map<number, string[]>();
      for (const ev of evaluations)
        for (const ir of ev.indicators) {
          const r = (ir.indicator.cells.row ?? 0) - 1;
          if (r >= top) perRow.set(r, [...(perRow.get(r) ?? []), noteFor(ir, ev.findings)]);
        }
      for (const [r, notes] of perRow) {
        const value = combineNotes(notes);
        if (value && blank(cellAt, r, col)) writes.push({ r, c: col, value });
      }
      const N = `$${colToLetters(col)}${top + 1}`;
      const reason = at(f.indicators.find((i) => i.cells.reason)?.cells.reason);
      const target = reason ?? at(f.indicators[0]?.cells.name);
      if (target) {
        const X = `${colToLetters(target.col)}${top + 1}`;
        const marked = `LEFT(${N},1)="⚠"`;
        const empty = `OR(LEN(TRIM(${X}))=0,${EMPTY_WORDS.map((w) => `TRIM(${X})="${w}"`).join(",")})`;
        flags.push({
          ref: formatRange({ r0: top, c0: target.col, r1: bottom, c1: target.col }),
          formula: reason ? `=AND(${marked},${empty})` : `=${marked}`,
        });
      }
    }
  }

  const kind = forms.some((x) => x.kind === "multi-project") ? "multi-project" : f.kind;
  const meta: FormMeta = { template: { id: `adopted-${kind}`, kind, version: 0 }, prefix, fields, options: { adopted: true } };
  return { prefix, meta, names, writes, formulas, flags, notesHeader };
}

/** Queues an adoption plan on `ws` (names, derived formulas, notes, flags). The caller adds the meta row. */
export function queueAdopt(context: Excel.RequestContext, ws: Excel.Worksheet, p: AdoptPlan): void {
  for (const n of p.names) context.workbook.names.add(n.name, ws.getRange(n.ref));
  for (const f of p.formulas) {
    const cell = ws.getRangeByIndexes(f.r, f.c, 1, 1);
    if (f.numFmt) cell.numberFormat = [[f.numFmt]];
    cell.formulas = [[f.formula]];
  }
  if (p.notesHeader) {
    const h = ws.getRangeByIndexes(p.notesHeader.r, p.notesHeader.c, 1, 1);
    h.values = [[NOTES_HEADER]];
    h.format.font.bold = true;
    h.format.font.color = "#7F7F7F";
  }
  for (const w of p.writes) ws.getRangeByIndexes(w.r, w.c, 1, 1).values = [[w.value]];
  for (const fl of p.flags) {
    const cf = ws.getRange(fl.ref).conditionalFormats.add("Custom");
    cf.custom.rule.formula = fl.formula;
    cf.custom.format.fill.color = "#FFC7CE";
    cf.custom.format.font.color = "#9C0006";
  }
}
