// Excel coercions between numbers, text and booleans, comparison, and how values read as text.
import { ERR, FError, FValue, isError } from "./types";

const NUM_TEXT_RE = /^([+-]?)(\d{1,3}(,\d{3})+|\d*)(\.\d*)?([eE][+-]?\d+)?(%?)$/;
const DATE_RE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A number written as text ("12", " 1,234.5 ", "50%", "1e3", "2024-01-31"), or null. */
export function parseNumericText(text: string): number | null {
  const s = text.trim();
  if (!s) return null;
  const m = NUM_TEXT_RE.exec(s);
  if (m) {
    const intPart = m[2].replace(/,/g, "");
    const frac = m[4] ?? "";
    if (!intPart && frac.length <= 1) return null;
    const n = Number(`${m[1]}${intPart || "0"}${frac === "." ? "" : frac}${m[5] ?? ""}`);
    if (!Number.isFinite(n)) return null;
    return m[6] ? n / 100 : n;
  }
  const d = DATE_RE.exec(s);
  if (d) {
    const [y, mo, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
    const t = Date.UTC(y, mo - 1, day);
    const back = new Date(t);
    if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== day) return null;
    return Math.round((t - EXCEL_EPOCH) / 86400000);
  }
  return null;
}

export function toNumber(v: FValue): number | FError {
  if (typeof v === "number") return v;
  if (v === null) return 0;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string") {
    const n = parseNumericText(v);
    return n === null ? ERR.VALUE : n;
  }
  return v;
}

export function toText(v: FValue): string | FError {
  if (typeof v === "string") return v;
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return numberToText(v);
  return v;
}

export function toBool(v: FValue): boolean | FError {
  if (typeof v === "boolean") return v;
  if (v === null) return false;
  if (typeof v === "number") return v !== 0;
  if (typeof v === "string") {
    const u = v.toUpperCase();
    if (u === "TRUE") return true;
    if (u === "FALSE") return false;
    return ERR.VALUE;
  }
  return v;
}

/** Rounds to 15 significant digits, as Excel keeps and compares numbers. */
export function round15(n: number): number {
  if (n === 0 || !Number.isFinite(n)) return n;
  // Fast path: a whole number below 1e15 already has at most 15 significant digits.
  if (Number.isInteger(n) && n < 1e15 && n > -1e15) return n;
  return Number(n.toPrecision(15));
}

/** A number as Excel turns it into text (General, up to 15 significant digits). */
export function numberToText(n: number): string {
  if (n === 0) return "0";
  const abs = Math.abs(n);
  if (abs >= 1e-9 && abs < 1e15) {
    const s = String(round15(n));
    if (!s.includes("e")) return s;
    const [mant, exp] = n.toExponential(14).split("e");
    const digits = mant.replace(/^-/, "").replace(".", "").replace(/0+$/, "");
    return `${n < 0 ? "-" : ""}0.${"0".repeat(-Number(exp) - 1)}${digits}`;
  }
  const [mant, exp] = n.toExponential(14).split("e");
  const m = mant.replace(/\.?0+$/, "");
  const e = Number(exp);
  return `${m}E${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
}

function rank(v: FValue): number {
  return typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2;
}

/** Excel's comparison: numbers < text < booleans; text case-insensitive; blank is 0, "" or FALSE. */
export function compareValues(a: FValue, b: FValue): number {
  if (a === null && b === null) return 0;
  if (a === null) a = typeof b === "string" ? "" : typeof b === "boolean" ? false : 0;
  if (b === null) b = typeof a === "string" ? "" : typeof a === "boolean" ? false : 0;
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  if (typeof a === "number" && typeof b === "number") {
    if (a === b) return 0;
    const x = round15(a);
    const y = round15(b);
    return x === y ? 0 : x < y ? -1 : 1;
  }
  if (typeof a === "string" && typeof b === "string") {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x === y ? 0 : x < y ? -1 : 1;
  }
  return a === b ? 0 : a ? 1 : -1;
}

/** How a cell shows the value (General format): TRUE/FALSE, error codes, numbers, "" for blank. */
export function displayText(v: FValue): string {
  if (isError(v)) return v.error;
  const t = toText(v);
  return typeof t === "string" ? t : t.error;
}
