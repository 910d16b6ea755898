// Plan cell styles → ExcelJS styles. Fonts: 宋体 (SimSun), what bureaus' forms use; any CJK font stands in.
import type ExcelJS from "exceljs";
import type { CellStyle } from "../../sheet/plan";

export const FONT_NAME = "宋体";

const argb = (hex: string): string => `FF${hex.replace("#", "").toUpperCase()}`;
const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

const cache = new Map<string, Partial<ExcelJS.Style>>();

export function excelStyle(s: CellStyle | undefined): Partial<ExcelJS.Style> {
  const key = JSON.stringify(s ?? {});
  const hit = cache.get(key);
  if (hit) return hit;
  const st: Partial<ExcelJS.Style> = {
    font: { name: FONT_NAME, size: s?.size ?? 10, bold: !!s?.bold, ...(s?.color ? { color: { argb: argb(s.color) } } : {}) },
  };
  if (s?.align || s?.valign || s?.wrap)
    st.alignment = { horizontal: s.align, vertical: s.valign ?? "middle", wrapText: !!s.wrap };
  if (s?.fill) st.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fill) } };
  if (s?.border) st.border = BORDER;
  if (s?.numFmt) st.numFmt = s.numFmt;
  if (s?.locked === false) st.protection = { locked: false };
  cache.set(key, st);
  return st;
}

/** A conditional format's look. */
export function flagStyle(s: { fill?: string; color?: string; bold?: boolean }): Partial<ExcelJS.Style> {
  const st: Partial<ExcelJS.Style> = {};
  if (s.fill) st.fill = { type: "pattern", pattern: "solid", bgColor: { argb: argb(s.fill) } };
  if (s.color || s.bold) st.font = { ...(s.color ? { color: { argb: argb(s.color) } } : {}), ...(s.bold ? { bold: true } : {}) };
  return st;
}
