// Reading cells back from a recalculated workbook with ExcelJS (formula results via cell.result: the
// `value` getter drops a 0 result; LibreOffice writes mixed CJK/Latin text as rich text).
import type ExcelJS from "exceljs";

export type Read = number | string | boolean | null;

/** ExcelJS's cell (a plain object, not an Office.js proxy: nothing to load or sync). */
const cellAt = (ws: ExcelJS.Worksheet, addr: string): ExcelJS.Cell => ws.getCell(addr.replace(/:.*$/, ""));

export function cellValue(ws: ExcelJS.Worksheet, addr: string): Read {
  const cell = cellAt(ws, addr);
  if (cell.formula || cell.type === 6) {
    const r = cell.result as unknown;
    if (r === undefined || r === null || r === "") return null;
    if (typeof r === "object" && r && "error" in r) return String((r as { error: string }).error);
    return r as Read;
  }
  const v = cell.value as unknown;
  if (v === undefined || v === null || v === "") return null;
  if (typeof v === "object" && v && "richText" in v) return (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join("");
  return v as Read;
}

/** A sheet value against an engine value: numbers to 0.01; null against blank or an error text. */
export function near(got: Read, expected: unknown): boolean {
  if (expected === null || expected === undefined) return got === null || (typeof got === "string" && !/^-?\d/.test(got));
  if (typeof expected === "number") return typeof got === "number" && Math.abs(got - expected) <= 0.01 + 1e-9;
  if (typeof expected === "boolean") return got === expected || got === (expected ? 1 : 0);
  return got === expected;
}
