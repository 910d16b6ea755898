// What a cell shows (Range.text): enough number formats for the forms ("0.00%", "0%", "0.00", "0", "@").

import type { CellData } from "./state";

export function displayText(cell: CellData | undefined): string {
  if (!cell) return "";
  const v = cell.value;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v !== "number") return v;
  const fmt = cell.numFmt ?? "General";
  const pct = /^0(\.(0+))?%$/.exec(fmt);
  if (pct) return `${(v * 100).toFixed(pct[2]?.length ?? 0)}%`;
  const fixed = /^(?:#,##)?0(\.(0+))?$/.exec(fmt);
  if (fixed) return v.toFixed(fixed[2]?.length ?? 0);
  return String(Math.round(v * 1e10) / 1e10);
}
