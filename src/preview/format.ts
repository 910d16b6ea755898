// What a cell shows in the preview grid, from its value and number format (the common formats only).
import type { PreviewCell } from "./book";

export function displayValue(cell: PreviewCell | undefined): string {
  if (!cell) return "";
  const v = cell.value;
  if (v === "" || v === null || v === undefined) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string") return v;
  const fmt = cell.numFmt ?? "General";
  const pct = /^0(\.(0+))?%$/.exec(fmt);
  if (pct) return `${(v * 100).toFixed(pct[2]?.length ?? 0)}%`;
  const fixed = /^#?,?#*0(\.(0+))?$/.exec(fmt);
  if (fixed) return v.toFixed(fixed[2]?.length ?? 0);
  if (Number.isInteger(v)) return String(v);
  return String(Number(v.toPrecision(10)));
}

/** What the formula bar shows: the formula, or the value as typed. */
export function editText(cell: PreviewCell | undefined): string {
  if (!cell) return "";
  if (cell.formula) return cell.formula;
  if (typeof cell.value === "number" && cell.numFmt && /%$/.test(cell.numFmt))
    return `${Number((cell.value * 100).toPrecision(12))}%`;
  return cell.value === "" ? "" : String(cell.value);
}

export function isNumeric(cell: PreviewCell | undefined): boolean {
  return typeof cell?.value === "number";
}
