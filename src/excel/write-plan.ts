// Queues a WritePlan onto a worksheet (no sync here: the caller syncs once). Cell contents go in one `formulas`
// write over the form's box and one over its hidden helper band (null = leave the cell alone), number formats in one
// write before each; a formula filled down a column is written once and pasted down (queueRuns); styles are grouped
// into rectangles, rows of one height into runs, so a 240-row table costs a few hundred small actions.

import { colToLetters, formatRange, lettersToCol, parseA1, parseRange } from "../sheet/address";
import type { Rect } from "../sheet/grid";
import type { CellStyle, PlanCell, WritePlan } from "../sheet/plan";
import { HELPER_COLUMN, keyToName } from "../sheet/meta";
import { shiftFormula, shiftRef } from "../sheet/move-formula";
import { MARGINS } from "../sheet/render/print";

export interface Origin {
  row: number; // 0-based sheet row of the plan's A1
  col: number;
}

/**
 * Text Excel would not keep as typed when written through `values`/`formulas`: formulas (= + - @), numbers in any
 * dress ("1,234", "(100)", "1e5", "¥100", "95%"), dates and times ("2021/1/1", "12月31日", "1:1", "Jan-21"),
 * fractions ("1 1/2"), booleans and error literals ("#N/A"). Excel parses these by the user's locale, so every
 * string that merely starts like one is quoted; a quote prefix on plain text is harmless (not shown, not in the value).
 */
const COERCIBLE = [
  /^\s*[=+\-@'(#.\d$¥￥€£]/,
  /^\s*(TRUE|FALSE)\s*$/i,
  /^\s*(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[-\s/.,]*\d/i,
];

/** A literal as Excel must receive it to keep it as typed: text that Excel would parse gets a quote prefix. */
export function literal(v: string | number | boolean | null | undefined): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v !== "string") return v;
  if (v === "") return "";
  return COERCIBLE.some((re) => re.test(v)) ? `'${v}` : v;
}

/** Cells of the same style as rectangles: horizontal runs per row, stacked when rows repeat. */
export function styleRects(cells: { r: number; c: number; key: string }[]): Map<string, Rect[]> {
  const byKey = new Map<string, Map<number, number[]>>();
  for (const { r, c, key } of cells) {
    const rows = byKey.get(key) ?? new Map<number, number[]>();
    byKey.set(key, rows);
    rows.set(r, [...(rows.get(r) ?? []), c]);
  }
  const out = new Map<string, Rect[]>();
  for (const [key, rows] of byKey) {
    const rects: Rect[] = [];
    const open = new Map<string, Rect>(); // "c0:c1" → rect still growing downwards
    for (const r of [...rows.keys()].sort((a, b) => a - b)) {
      const cols = (rows.get(r) as number[]).sort((a, b) => a - b);
      const runs: [number, number][] = [];
      for (const c of cols) {
        const last = runs[runs.length - 1];
        if (last && c === last[1] + 1) last[1] = c;
        else runs.push([c, c]);
      }
      for (const [c0, c1] of runs) {
        const id = `${c0}:${c1}`;
        const prev = open.get(id);
        if (prev && prev.r1 === r - 1) prev.r1 = r;
        else {
          const rect = { r0: r, c0, r1: r, c1 };
          rects.push(rect);
          open.set(id, rect);
        }
      }
    }
    out.set(key, rects);
  }
  return out;
}

function styleKey(s: CellStyle | undefined): string {
  if (!s) return "";
  const { numFmt: _n, ...rest } = s;
  return Object.keys(rest).length ? JSON.stringify(rest, Object.keys(rest).sort()) : "";
}

const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", middle: "Center", bottom: "Bottom" } as const;

function applyStyle(range: Excel.Range, s: CellStyle, inside: { rows: boolean; cols: boolean }): void {
  const f = range.format;
  if (s.bold !== undefined) f.font.bold = s.bold;
  if (s.size) f.font.size = s.size;
  if (s.color) f.font.color = s.color;
  if (s.fill) f.fill.color = s.fill;
  if (s.align) f.horizontalAlignment = H_ALIGN[s.align];
  if (s.valign) f.verticalAlignment = V_ALIGN[s.valign];
  if (s.wrap !== undefined) f.wrapText = s.wrap;
  if (s.locked !== undefined) f.protection.locked = s.locked;
  if (s.border) {
    const edges = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];
    // Inside edges only where the range has them (a single row has no InsideHorizontal).
    if (inside.rows) edges.push("InsideHorizontal");
    if (inside.cols) edges.push("InsideVertical");
    for (const e of edges) f.borders.getItem(e as Excel.BorderIndex).style = "Continuous";
  }
}

/** Points for a width in characters (Excel: pixels = 7·chars + 5 at Calibri 11; points = 0.75·pixels). */
export const charsToPoints = (chars: number): number => Math.round((chars * 7 + 5) * 0.75 * 100) / 100;

export interface PlanWriteOptions {
  origin: Origin;
  /** Defined-name prefix of this form: "JX3_". */
  prefix: string;
  /** Plan list name → the defined name actually used in the workbook. */
  listNames?: Record<string, string>;
}

/** One rectangle of cell contents (null = leave the cell alone) and number formats, written in two calls. */
function queueBox(ws: Excel.Worksheet, box: Rect, cells: { r: number; c: number; cell: PlanCell; formula?: string }[], dr: number, dc: number): void {
  const rows = box.r1 - box.r0 + 1;
  const cols = box.c1 - box.c0 + 1;
  const content: (string | number | boolean | null)[][] = Array.from({ length: rows }, () => Array(cols).fill(null));
  const formats: (string | null)[][] = Array.from({ length: rows }, () => Array(cols).fill(null));
  let anyFormat = false;
  for (const { r, c, cell, formula } of cells) {
    const f = formula ?? cell.formula;
    content[r - box.r0][c - box.c0] = f ? shiftFormula(f, dr, dc) : literal(cell.value);
    const fmt = cell.style?.numFmt;
    if (fmt) {
      formats[r - box.r0][c - box.c0] = fmt;
      anyFormat = true;
    }
  }
  const area = ws.getRangeByIndexes(box.r0, box.c0, rows, cols);
  if (anyFormat) area.numberFormat = formats;
  area.formulas = content;
}

const boxOf = (cells: { r: number; c: number }[]): Rect => ({
  r0: Math.min(...cells.map((x) => x.r)),
  c0: Math.min(...cells.map((x) => x.c)),
  r1: Math.max(...cells.map((x) => x.r)),
  c1: Math.max(...cells.map((x) => x.c)),
});

/**
 * Queues the formulas filled down their columns: the top cell of each run is written with the other cells (see
 * queuePlan), then Range.copyFrom (ExcelApi 1.9) pastes it over the rows below, one call for runs that share their
 * rows and stand side by side (all helper columns of a table). copyFrom does what Paste does: a source row tiles a
 * taller destination of the same width, relative references moved, `$` parts kept (docs/excel-verification.md).
 */
function queueRuns(ws: Excel.Worksheet, plan: WritePlan, dr: number, dc: number): void {
  const runs = plan.runs
    .filter((r) => r.r1 > r.r0)
    .map((r) => ({ r0: r.r0 - 1 + dr, r1: r.r1 - 1 + dr, c: lettersToCol(r.col) + dc }))
    .sort((a, b) => a.r0 - b.r0 || a.r1 - b.r1 || a.c - b.c);
  for (let i = 0; i < runs.length; ) {
    let j = i + 1;
    while (j < runs.length && runs[j].r0 === runs[i].r0 && runs[j].r1 === runs[i].r1 && runs[j].c === runs[j - 1].c + 1) j++;
    const { r0, r1, c } = runs[i];
    const width = runs[j - 1].c - c + 1;
    ws.getRangeByIndexes(r0 + 1, c, r1 - r0, width).copyFrom(ws.getRangeByIndexes(r0, c, 1, width), "Formulas");
    i = j;
  }
}

/** Queues every write of `plan` onto `ws`. Returns the A1 range the form occupies (its visible part). */
export function queuePlan(context: Excel.RequestContext, ws: Excel.Worksheet, plan: WritePlan, o: PlanWriteOptions): string {
  const { row: dr, col: dc } = o.origin;
  const placed: { r: number; c: number; cell: PlanCell; formula?: string }[] = [];
  for (const cell of plan.cells) {
    const at = parseA1(cell.addr);
    if (at) placed.push({ r: at.row + dr, c: at.col + dc, cell });
  }
  // The top cell of each run carries the run's formula (copied down below).
  const byAddr = new Map(placed.map((p) => [`${p.r},${p.c}`, p]));
  for (const run of plan.runs) {
    const r = run.r0 - 1 + dr;
    const c = lettersToCol(run.col) + dc;
    const p = byAddr.get(`${r},${c}`);
    if (p) p.formula = run.formula;
    else placed.push({ r, c, cell: { addr: `${run.col}${run.r0}` }, formula: run.formula });
  }
  // The visible form and the hidden helper band are two boxes: nothing is written for the columns between them.
  const band = dc + HELPER_COLUMN;
  const visible = placed.filter((p) => p.c < band);
  const helpers = placed.filter((p) => p.c >= band);
  const box: Rect = { r0: dr, c0: dc, r1: dr + Math.max(plan.size.rows, 1) - 1, c1: dc + Math.max(plan.size.cols, 1) - 1 };
  for (const p of visible) {
    box.r1 = Math.max(box.r1, p.r);
    box.c1 = Math.max(box.c1, p.c);
  }
  queueBox(ws, box, visible, dr, dc);
  if (helpers.length) queueBox(ws, boxOf(helpers), helpers, dr, dc);
  queueRuns(ws, plan, dr, dc);
  const styled: { r: number; c: number; key: string }[] = [];
  const styles = new Map<string, CellStyle>();
  for (const { r, c, cell } of visible) {
    const key = styleKey(cell.style);
    if (key) {
      styles.set(key, cell.style as CellStyle);
      styled.push({ r, c, key });
    }
  }

  for (const [key, rects] of styleRects(styled)) {
    const s = styles.get(key) as CellStyle;
    for (const rect of rects) {
      const range = ws.getRangeByIndexes(rect.r0, rect.c0, rect.r1 - rect.r0 + 1, rect.c1 - rect.c0 + 1);
      applyStyle(range, s, { rows: rect.r0 !== rect.r1, cols: rect.c0 !== rect.c1 });
    }
  }
  for (const m of plan.merges) ws.getRange(shiftRef(m, dr, dc)).merge(false);
  for (const [letter, width] of Object.entries(plan.columnWidths)) {
    const c = lettersToCol(letter);
    if (c >= 0 && c < HELPER_COLUMN) ws.getRangeByIndexes(0, c + dc, 1, 1).format.columnWidth = charsToPoints(width);
  }
  // Rows of the same height side by side: one call each run.
  const heights = Object.entries(plan.rowHeights)
    .map(([row, h]) => [Number(row), h] as const)
    .sort((a, b) => a[0] - b[0]);
  for (let i = 0; i < heights.length; ) {
    let j = i + 1;
    while (j < heights.length && heights[j][1] === heights[i][1] && heights[j][0] === heights[j - 1][0] + 1) j++;
    ws.getRangeByIndexes(heights[i][0] - 1 + dr, dc, j - i, 1).format.rowHeight = heights[i][1];
    i = j;
  }
  const hidden = (plan.hiddenColumns ?? []).map(lettersToCol).filter((c) => c >= 0);
  if (hidden.length) {
    const c0 = Math.min(...hidden);
    ws.getRangeByIndexes(0, c0 + dc, 1, Math.max(...hidden) - c0 + 1).columnHidden = true;
  }
  for (const n of plan.names) {
    context.workbook.names.add(prefixed(o.prefix, n.name), ws.getRange(shiftRef(n.ref, dr, dc)));
  }
  for (const v of plan.validations) {
    const dv = ws.getRange(shiftRef(v.ref, dr, dc)).dataValidation;
    dv.clear();
    dv.rule = { list: { inCellDropDown: true, source: `=${o.listNames?.[v.listName] ?? v.listName}` } };
    if (v.prompt) dv.prompt = { showPrompt: true, message: v.prompt.slice(0, 255), title: "" };
    if (v.allowOther) dv.errorAlert = { showAlert: false, style: "Information", message: "", title: "" };
  }
  for (const cf of plan.conditionalFormats) {
    const f = ws.getRange(shiftRef(cf.ref, dr, dc)).conditionalFormats.add("Custom");
    f.custom.rule.formula = shiftFormula(cf.formula, dr, dc);
    if (cf.style.fill) f.custom.format.fill.color = cf.style.fill;
    if (cf.style.color) f.custom.format.font.color = cf.style.color;
    if (cf.style.bold !== undefined) f.custom.format.font.bold = cf.style.bold;
  }
  return formatRange(box);
}

/**
 * Queues the plan's print settings (ExcelApi 1.9 PageLayout). Kept apart from queuePlan: the caller applies them
 * only on a sheet the form has to itself, in their own sync, so a platform that rejects one of them (page setup
 * can fail without a printer driver) costs the print settings, not the form.
 */
export function queuePrint(ws: Excel.Worksheet, plan: WritePlan, origin: Origin): boolean {
  const office = typeof Office === "undefined" ? undefined : Office;
  if (office?.context?.requirements?.isSetSupported("ExcelApi", "1.9") === false) return false;
  const { row: dr, col: dc } = origin;
  const layout = ws.pageLayout;
  layout.orientation = plan.print.landscape ? "Landscape" : "Portrait";
  layout.paperSize = plan.print.paper;
  // A fixed scale, not "fit to": Excel ignores manual page breaks under Fit To (sheet/render/print.ts).
  layout.zoom = { scale: plan.print.scale };
  const pt = (inches: number) => inches * 72;
  layout.leftMargin = pt(MARGINS.left);
  layout.rightMargin = pt(MARGINS.right);
  layout.topMargin = pt(MARGINS.top);
  layout.bottomMargin = pt(MARGINS.bottom);
  layout.headerMargin = pt(MARGINS.header);
  layout.footerMargin = pt(MARGINS.footer);
  if (plan.printArea) layout.setPrintArea(ws.getRange(shiftRef(plan.printArea, dr, dc)));
  if (plan.print.repeatRows) {
    const [a, b] = plan.print.repeatRows.split(":").map(Number);
    if (a && b) layout.setPrintTitleRows(`$${a + dr}:$${b + dr}`);
  }
  if (plan.print.repeatColumns) {
    const [a, b] = plan.print.repeatColumns.split(":").map((l) => colToLetters(lettersToCol(l) + dc));
    layout.setPrintTitleColumns(`$${a}:$${b}`);
  }
  for (const b of plan.print.breaks) ws.horizontalPageBreaks.add(ws.getRangeByIndexes(b - 1 + dr, dc, 1, 1));
  return true;
}

/** "JX3_" + "FUNDS_BUDGET"; a plan name already written "JX_…" loses its own "JX_". */
export function prefixed(prefix: string, name: string): string {
  return prefix + name.replace(/^JX_/, "");
}

/** The plan's fields as FormMeta.fields (key → defined name without prefix), adding names for unnamed fields. */
export function metaFields(plan: WritePlan): { fields: Record<string, string>; extraNames: { name: string; ref: string }[] } {
  const fields: Record<string, string> = {};
  const extraNames: { name: string; ref: string }[] = [];
  const byRef = new Map(plan.names.map((n) => [normal(n.ref), n.name.replace(/^JX_/, "")]));
  const taken = new Set(plan.names.map((n) => n.name.replace(/^JX_/, "").toUpperCase()));
  for (const [key, ref] of Object.entries(plan.fields)) {
    let name = byRef.get(normal(ref));
    if (!name) {
      name = keyToName(key);
      if (!taken.has(name)) {
        extraNames.push({ name, ref });
        taken.add(name);
      }
    }
    fields[key] = name;
  }
  return { fields, extraNames };
}

const normal = (ref: string): string => {
  const r = parseRange(ref);
  return r ? formatRange(r) : ref;
};


export { colToLetters };
