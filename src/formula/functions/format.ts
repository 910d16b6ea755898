// A small number formatter for TEXT(): "0", "0.00", "#,##0.00", "0.0%", "0.00%", "General", "@",
// literal text and a second section for negatives.
import { numberToText } from "../coerce";
import { roundTo } from "./util";

function literal(s: string): string {
  return s.replace(/"([^"]*)"|\\(.)/g, (_, q: string | undefined, c: string | undefined) => q ?? c ?? "");
}

export function formatNumber(n: number, format: string): string {
  const sections = format.split(";");
  let fmt = sections[0];
  let value = n;
  if (n < 0 && sections.length > 1 && sections[1] !== "") {
    fmt = sections[1];
    value = -n;
  } else if (n === 0 && sections.length > 2) fmt = sections[2];
  if (fmt === "" && format !== "") return "";
  if (/^(general|g\/通用格式|@)?$/i.test(fmt)) return numberToText(value);
  const m = /[0#?][0#?,]*(\.[0#?]*)?|\.[0#?]+/.exec(fmt);
  if (!m) return literal(fmt);
  const pattern = m[0];
  const percents = (fmt.replace(/"[^"]*"/g, "").match(/%/g) ?? []).length;
  const scaled = value * Math.pow(100, percents);
  const [intPat, fracPat = ""] = pattern.split(".");
  const fixed = fracPat.replace(/[^0]/g, "").length;
  const optional = fracPat.length - fixed;
  const rounded = roundTo(scaled, fixed + optional);
  const sign = rounded < 0 ? "-" : "";
  const [intDigits, fracDigits = ""] = Math.abs(rounded).toFixed(fixed + optional).split(".");
  let frac = fracDigits;
  while (frac.length > fixed && frac.endsWith("0")) frac = frac.slice(0, -1);
  const minInt = intPat.replace(/[^0]/g, "").length;
  let int = intDigits === "0" && minInt === 0 ? "" : intDigits.padStart(minInt, "0");
  if (intPat.includes(",")) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const num = sign + int + (pattern.includes(".") ? "." + frac : "");
  return literal(fmt.slice(0, m.index)) + num + literal(fmt.slice(m.index + pattern.length));
}
