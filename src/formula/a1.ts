// A1 notation helpers: column letters, cell references, sheet-name quoting.

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

/** "A" → 0, "AB" → 27; -1 when not letters. */
export function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const c = ch.charCodeAt(0) - 64;
    if (c < 1 || c > 26) return -1;
    n = n * 26 + c;
  }
  return n - 1;
}

/** 0 → "A", 27 → "AB". */
export function colLetters(index: number): string {
  let s = "";
  let n = index + 1;
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export interface CellAddress {
  row: number;
  col: number;
  absRow: boolean;
  absCol: boolean;
}

const CELL_RE = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})$/;

/** Parses "B3", "$B$3"; null when the text is not a valid cell address. */
export function parseCellAddress(text: string): CellAddress | null {
  const m = CELL_RE.exec(text);
  if (!m) return null;
  const col = colIndex(m[2]);
  const row = Number(m[4]) - 1;
  if (col < 0 || col >= MAX_COLS || row < 0 || row >= MAX_ROWS) return null;
  return { row, col, absRow: m[3] === "$", absCol: m[1] === "$" };
}

/** 0-based row/col → "B3". */
export function cellA1(row: number, col: number): string {
  return `${colLetters(col)}${row + 1}`;
}

/** A sheet name as it must appear before "!" in a formula. */
export function quoteSheet(sheet: string): string {
  return /^[A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff]*$/.test(sheet) && !parseCellAddress(sheet)
    ? sheet
    : `'${sheet.replace(/'/g, "''")}'`;
}
