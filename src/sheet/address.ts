// A1 address helpers. Rows and columns are 0-based inside the code, A1 strings outside.

import type { Rect } from "./grid";

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function colToLetters(col: number): string {
  if (!Number.isInteger(col) || col < 0) throw new RangeError(`bad column index ${col}`);
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "A" → 0, "AA" → 26; -1 when not letters. */
export function lettersToCol(letters: string): number {
  const up = letters.toUpperCase();
  if (!/^[A-Z]+$/.test(up)) return -1;
  let n = 0;
  for (const ch of up) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export interface CellRef {
  row: number; // 0-based
  col: number; // 0-based
}

/** "D14" / "$D$14" / "Sheet1!D14" → { row: 13, col: 3 }; null when not an A1 cell. */
export function parseA1(a1: string): CellRef | null {
  const s = stripSheet(a1).replace(/\$/g, "").trim();
  const m = /^([A-Za-z]{1,3})(\d{1,7})$/.exec(s);
  if (!m) return null;
  const row = parseInt(m[2], 10) - 1;
  if (row < 0) return null;
  return { row, col: lettersToCol(m[1]) };
}

/** (13, 3) → "D14". */
export function formatA1(row: number, col: number): string {
  return `${colToLetters(col)}${row + 1}`;
}

/** "B10:I30" / "$B$10:$I$30" / "D14" / "'My sheet'!B2:C3" → Rect; null when unreadable. */
export function parseRange(range: string): Rect | null {
  const s = stripSheet(range).trim();
  const parts = s.split(":");
  if (parts.length > 2) return null;
  const a = parseA1(parts[0]);
  const b = parts.length === 2 ? parseA1(parts[1]) : a;
  if (!a || !b) return null;
  return {
    r0: Math.min(a.row, b.row),
    c0: Math.min(a.col, b.col),
    r1: Math.max(a.row, b.row),
    c1: Math.max(a.col, b.col),
  };
}

/** Rect → "B10:I30" (or "D14" for a single cell). */
export function formatRange(rect: Rect): string {
  const a = formatA1(rect.r0, rect.c0);
  const b = formatA1(rect.r1, rect.c1);
  return a === b ? a : `${a}:${b}`;
}

/** The sheet part of "'My sheet'!B2" → "My sheet"; undefined when none. */
export function sheetOf(ref: string): string | undefined {
  const i = ref.lastIndexOf("!");
  if (i < 0) return undefined;
  let name = ref.slice(0, i);
  if (name.startsWith("'") && name.endsWith("'")) name = name.slice(1, -1).replace(/''/g, "'");
  return name;
}

function stripSheet(ref: string): string {
  const i = ref.lastIndexOf("!");
  return i < 0 ? ref : ref.slice(i + 1);
}
