// Text helpers for the reader: label normalisation, cell display text, lenient number parsing.

import type { CellValue } from "../grid";

/** Label key: NFKC (full-width → half-width), no whitespace at all, no trailing colon. "三级指标\u3000" → "三级指标". */
export function normLabel(s: string): string {
  return s
    .normalize("NFKC")
    .replace(/[\s\u3000\u00a0\u200b]+/g, "")
    .replace(/[:：]+$/, "");
}

/** normLabel without a trailing bracketed note: "预算数(A)" → "预算数", "指标权重(分)" → "指标权重". */
export function labelKey(s: string): string {
  let k = normLabel(s);
  for (let i = 0; i < 3; i++) {
    const next = k.replace(/\([^()]*\)$/, "");
    if (next === k || next === "") break;
    k = next;
  }
  return k;
}

/** Trim ordinary, full-width and non-breaking spaces at both ends. */
export function trimText(s: string): string {
  return s.replace(/^[\s\u3000\u00a0\u200b]+|[\s\u3000\u00a0\u200b]+$/g, "");
}

/** A number as a short decimal string (no float noise): 0.30000000000000004 → "0.3". */
export function fmtNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return String(parseFloat(n.toPrecision(12)));
}

/** What a cell shows: numbers with a % format as percentages, booleans as 是/否. */
export function displayText(value: CellValue | undefined, numFmt?: string): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "是" : "否";
  if (typeof value === "number") {
    if (numFmt && numFmt.includes("%")) {
      const m = /\.(0+)%/.exec(numFmt);
      const dp = m ? m[1].length : 0;
      return `${fmtNumber(parseFloat((value * 100).toFixed(dp)))}%`;
    }
    return fmtNumber(value);
  }
  return String(value);
}

export interface ParsedNumber {
  value: number;
  percent: boolean;
  unit: string; // "万元", "元", "分", "%" or ''
}

/** "97.42%\u3000" → 97.42 (percent), "1110.74万元" → 1110.74 万元, "1,234" → 1234; null when not a plain number. */
export function parseLooseNumber(text: string): ParsedNumber | null {
  const s = normLabel(text).replace(/,/g, "");
  const m = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(%|万元|元|万|分)?$/.exec(s);
  if (!m) return null;
  const unit = m[2] === "万" ? "万元" : (m[2] ?? "");
  return { value: parseFloat(m[1]), percent: unit === "%", unit };
}

/** "产出\n指标\n（50分）" → { label: "产出指标", weight: 50 }. */
export function splitLevelWeight(text: string): { label: string; weight: number | null } {
  const s = normLabel(text);
  const m = /^(.*?)\((\d+(?:\.\d+)?)分?\)$/.exec(s);
  if (m && m[1]) return { label: m[1], weight: parseFloat(m[2]) };
  return { label: s, weight: null };
}

/** "年度目标3：围绕…" → { index: 3, text: "围绕…" }; "目标2：…" too. */
export function parseGoalLabel(text: string): { index: number; text: string } | null {
  const t = trimText(text);
  const m = /^(?:年度)?(?:绩效)?目标\s*([0-9０-９]+)\s*[:：]\s*([\s\S]*)$/.exec(t);
  if (!m) return null;
  return { index: parseInt(m[1].normalize("NFKC"), 10), text: trimText(m[2]) };
}
