// One ExcelJS worksheet as a plain Grid (values, formulas with their cached results, merges, the names pointing
// into it): how a sheet of a legacy file (.xls, .et, .ods, read by SheetJS in legacy.ts) reaches the form reader
// (sheet/read); .xlsx packages are read into Grids directly (ooxml.ts, sheet-xml.ts). Only the cells that hold something
// are listed; a date cell is marked as a date (its value the date as text) and an error value as an error, so the
// reader can tell them from an amount or a score.

import type ExcelJS from "exceljs";
import type { CellValue, Grid, GridCell, Rect } from "../sheet/grid";
import { dateText, isErrorText, makeGrid } from "../sheet/grid";
import { parseRange } from "../sheet/address";
import { HELPER_COLUMN } from "../sheet/meta";

/** ExcelJS.ValueType.Merge: a covered cell of a merged area. A constant here, so that this module needs ExcelJS's types
 *  only and ExcelJS itself is loaded by whoever reads a file, when a file is read. */
const MERGE = 1 as ExcelJS.ValueType.Merge;

type Typed = { value: CellValue; type?: GridCell["type"] };

/** A cell value (or a formula's cached result) with its type. */
function typed(v: unknown): Typed {
  if (v === null || v === undefined) return { value: null };
  if (v instanceof Date) return { value: dateText(v), type: "date" };
  if (typeof v === "string") return isErrorText(v) ? { value: v.trim().toUpperCase(), type: "error" } : { value: v };
  if (typeof v === "number" || typeof v === "boolean") return { value: v };
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return { value: (o.richText as { text?: unknown }[]).map((t) => String(t?.text ?? "")).join("") };
    if ("error" in o) return { value: String(o.error), type: "error" };
    if ("text" in o) return typed(o.text);
  }
  return { value: String(v) };
}

function cellOf(cell: ExcelJS.Cell, row: number, col: number): GridCell | undefined {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return undefined;
  const numFmt = cell.numFmt || undefined;
  let t: Typed;
  let formula: string | undefined;
  if (typeof v === "object" && !(v instanceof Date) && ("formula" in (v as object) || "sharedFormula" in (v as object))) {
    t = typed((v as { result?: unknown }).result);
    const f = cell.formula;
    formula = f ? `=${f}` : undefined;
  } else t = typed(v);
  const out: GridCell = { row, col, value: t.value };
  if (formula) out.formula = formula;
  if (numFmt) out.numFmt = numFmt;
  if (t.type) out.type = t.type;
  return out;
}

/** A cell value as plain data (dates as "2024/1/1", rich text joined, errors as their text). */
export function plain(v: unknown): CellValue {
  return typed(v).value;
}

/** The merged areas of a worksheet, without building its whole model. */
function mergesOf(ws: ExcelJS.Worksheet): Rect[] {
  const out: Rect[] = [];
  const internal = (ws as unknown as { _merges?: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges;
  if (internal && typeof internal === "object") {
    for (const m of Object.values(internal)) {
      if (m && [m.top, m.left, m.bottom, m.right].every((n) => Number.isInteger(n) && n > 0)) out.push({ r0: m.top - 1, c0: m.left - 1, r1: m.bottom - 1, c1: m.right - 1 });
    }
    return out;
  }
  const model = ws.model as unknown as { merges?: string[] };
  for (const m of model.merges ?? []) {
    const r = parseRange(m);
    if (r) out.push(r);
  }
  return out;
}

export function toGrid(ws: ExcelJS.Worksheet, names: Record<string, string>): Grid {
  const cells: GridCell[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rn) => {
    row.eachCell({ includeEmpty: false }, (cell, cn) => {
      // Columns from HELPER_COLUMN on hold our forms' hidden helper formulas (sheet/meta.ts): never read.
      if (cn > HELPER_COLUMN || cell.type === MERGE) return;
      const gc = cellOf(cell, rn - 1, cn - 1);
      if (gc) cells.push(gc);
    });
  });
  return makeGrid(ws.name, cells, { merges: mergesOf(ws), names });
}
