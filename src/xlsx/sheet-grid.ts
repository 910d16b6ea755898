// One ExcelJS worksheet as a plain Grid (values, formulas with their cached results, merges, the names pointing
// into it): what the reader (sheet/read) works on, whatever file it came from.

import ExcelJS from "exceljs";
import type { CellValue, Grid, GridCell, Rect } from "../sheet/grid";
import { parseRange } from "../sheet/address";
import { HELPER_COLUMN } from "../sheet/meta";

function cellValue(cell: ExcelJS.Cell): GridCell | undefined {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return undefined;
  const numFmt = cell.numFmt || undefined;
  if (typeof v === "object" && !(v instanceof Date)) {
    const o = v as Record<string, unknown>;
    if ("formula" in o || "sharedFormula" in o) {
      const f = cell.formula;
      return { value: plain(o.result), formula: f ? `=${f}` : undefined, numFmt };
    }
    if (Array.isArray(o.richText)) return { value: (o.richText as { text: string }[]).map((t) => t.text).join(""), numFmt };
    if ("text" in o) return { value: plain(o.text), numFmt };
    if ("error" in o) return { value: String(o.error), numFmt };
  }
  return { value: plain(v), numFmt };
}

export function plain(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return `${v.getUTCFullYear()}/${v.getUTCMonth() + 1}/${v.getUTCDate()}`;
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join("");
    if ("error" in o) return String(o.error);
    if ("text" in o) return plain(o.text);
  }
  return String(v);
}

export function toGrid(ws: ExcelJS.Worksheet, names: Record<string, string>): Grid {
  const cells: (GridCell | undefined)[][] = [];
  let rows = 0;
  let cols = 0;
  ws.eachRow({ includeEmpty: false }, (row, rn) => {
    row.eachCell({ includeEmpty: false }, (cell, cn) => {
      // Columns from HELPER_COLUMN on hold our forms' hidden helper formulas (sheet/meta.ts): never read.
      if (cn > HELPER_COLUMN || cell.type === ExcelJS.ValueType.Merge) return;
      const gc = cellValue(cell);
      if (!gc) return;
      (cells[rn - 1] ??= [])[cn - 1] = gc;
      rows = Math.max(rows, rn);
      cols = Math.max(cols, cn);
    });
  });
  const merges: Rect[] = [];
  const model = ws.model as unknown as { merges?: string[] };
  for (const m of model.merges ?? []) {
    const r = parseRange(m);
    if (r) merges.push(r);
  }
  for (let r = 0; r < rows; r++) cells[r] ??= [];
  return { sheet: ws.name, cells, rows, cols, merges, names };
}

