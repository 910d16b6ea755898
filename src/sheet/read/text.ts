// Text helpers for the reader: label normalisation, cell display text, lenient number parsing.
//
// Linear time on any input: every pattern here is anchored or literal-led, has no nested or adjacent overlapping
// quantifiers, and is applied only to texts of bounded length (labels, numbers). A cell holding 100,000 characters
// costs the normalisation of 100,000 characters and nothing more.

import type { CellValue } from "../grid";

/** Labels longer than this are paragraphs, never a label or a number. */
export const MAX_LABEL = 80;
/** Numbers longer than this (after normalisation) are not read as numbers. */
export const MAX_NUMBER = 40;

/** Label key: NFKC (full-width → half-width), no whitespace at all, no trailing colon. "三级指标\u3000" → "三级指标". */
export function normLabel(text: string): string {
  // Every part of the reader asks for the labels of the same cells: each text is normalised once (a bounded memo).
  let label = labels.get(text);
  if (label === undefined) {
    label = stripColons(text.normalize("NFKC").replace(/[\s\u3000\u00a0\u200b]+/g, ""));
    if (labels.size >= LABELS_KEPT) labels.clear();
    if (text.length <= 200) labels.set(text, label);
  }
  return label;
}
const LABELS_KEPT = 20000;
const labels = new Map<string, string>();

/** normLabel of a text short enough to be a label; "" for a paragraph (which is never normalised for a label test). */
export function shortLabel(text: string): string {
  return text.length > MAX_LABEL ? "" : normLabel(text);
}

function stripColons(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === ":" || text[end - 1] === "：")) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** normLabel without a trailing bracketed note: "预算数(A)" → "预算数", "指标权重(分)" → "指标权重". */
export function labelKey(text: string): string {
  if (text.length > MAX_LABEL * 2) return ""; // a paragraph is never a label: not even normalised
  let label = normLabel(text);
  if (label.length > MAX_LABEL) return label;
  for (let i = 0; i < 3; i++) {
    if (!label.endsWith(")")) break;
    const open = label.lastIndexOf("(");
    if (open <= 0 || label.slice(open + 1, -1).includes(")")) break;
    label = label.slice(0, open);
  }
  return label;
}

const SPACE = /[\s\u3000\u00a0\u200b]/;

/** Trim ordinary, full-width and non-breaking spaces at both ends. */
export function trimText(text: string): string {
  let a = 0;
  let b = text.length;
  while (a < b && SPACE.test(text[a])) a++;
  while (b > a && SPACE.test(text[b - 1])) b--;
  return a === 0 && b === text.length ? text : text.slice(a, b);
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
    if (numFmt && numFmt.includes("%") && Number.isFinite(value)) {
      const match = /\.(0{1,15})%/.exec(numFmt);
      const decimals = match ? match[1].length : 0;
      return `${fmtNumber(parseFloat((value * 100).toFixed(decimals)))}%`;
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

/**
 * "97.42%\u3000" → 97.42 (percent), "1,580.00万元" → 1580 万元, "¥1,234" → 1234, "1 234" → 1234; null when not a plain
 * number (or longer than MAX_NUMBER).
 */
export function parseLooseNumber(text: string): ParsedNumber | null {
  if (text.length > MAX_NUMBER * 2) return null;
  let normal = normLabel(text);
  if (normal.length > MAX_NUMBER) return null;
  normal = normal.replace(/,/g, "");
  if (normal.startsWith("¥") || normal.startsWith("￥")) normal = normal.slice(1);
  const match = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(%|万元|元|万|分)?$/.exec(normal);
  if (!match) return null;
  const value = parseFloat(match[1]);
  if (!Number.isFinite(value)) return null;
  const unit = match[2] === "万" ? "万元" : (match[2] ?? "");
  return { value, percent: unit === "%", unit };
}

/** Texts that mean "nothing here" in a number cell: a dash, a slash, 无, 不适用. Read as blank, never a problem. */
export function isBlankMark(text: string): boolean {
  const label = normLabel(text);
  return label.length <= 4 && /^(?:[-—–―/\\－‐_]{1,3}|无|暂无|不适用|\/)$/.test(label);
}

/** "产出\n指标\n（50分）" → { label: "产出指标", weight: 50 }; "产出指标(50%)", "产出指标（权重50%）" too. */
export function splitLevelWeight(text: string): { label: string; weight: number | null } {
  const normal = normLabel(text);
  if (normal.length > MAX_LABEL || !normal.endsWith(")")) return { label: normal, weight: null };
  const open = normal.lastIndexOf("(");
  if (open <= 0) return { label: normal, weight: null };
  const inner = /^(?:权重|分值|满分)?(\d{1,3}(?:\.\d{1,4})?)(?:分|%)?$/.exec(normal.slice(open + 1, -1));
  if (!inner) return { label: normal, weight: null };
  return { label: normal.slice(0, open), weight: parseFloat(inner[1]) };
}

/** "年度目标3：围绕…" → { index: 3, text: "围绕…" }; "目标2：…" too. */
export function parseGoalLabel(text: string): { index: number; text: string } | null {
  const cellText = trimText(text);
  const head = cellText.slice(0, 24).normalize("NFKC");
  const match = /^(?:年度)?(?:绩效)?目标[ \t]{0,3}(\d{1,3})[ \t]{0,3}[:：]/.exec(head);
  if (!match) return null;
  const colon = cellText.search(/[:：]/);
  return { index: parseInt(match[1], 10), text: trimText(cellText.slice(colon + 1)) };
}

/**
 * Guidance a bureau's template leaves in a cell for the officer to replace ("对照年度目标，说明…（100字以内）",
 * "1.预算执行率=…未达到90%的需说明原因"): not an answer, read as blank.
 */
export function isInstruction(text: string): boolean {
  const cellText = text.slice(0, 300);
  return /[(（]\s?\d{2,4}\s?字以内\s?[)）]|需说明原因|请(?:填写|简要说明|说明)|^对照年度目标|^结合自评情况|^针对项目自评/.test(cellText);
}
