// Row heights that fit wrapped text: spreadsheets do not grow a row for wrapped text when a file is opened,
// so a long 三级 name or 年度目标 would be cut off. Estimated from the text and the column widths (a CJK
// character takes about two width units at 10 pt).
import { lettersToCol, parseRange } from "../address";
import type { PlanCell } from "../plan";

const LINE = 13.5; // points per line at 10 pt
const MIN = 20;

function textUnits(text: string): number {
  let count = 0;
  for (const ch of text) count += /[\u2e80-\uffff]/.test(ch) ? 1.9 : 1;
  return count;
}

/** The height (points) a wrapped text needs in a cell `width` characters wide at `size` points. */
export function textHeight(text: string, width: number, size = 10): number {
  const w = Math.max(1, width - 1.5);
  const lines = text.split("\n").reduce((a, line) => a + Math.max(1, Math.ceil((textUnits(line) * size) / 10 / w)), 0);
  return Math.ceil((lines * LINE * size) / 10 + 6);
}

export const MIN_ROW_HEIGHT = MIN;

export function fitRowHeights(
  cells: PlanCell[],
  merges: string[],
  widths: Record<string, number>,
  heights: Record<number, number>,
): Record<number, number> {
  const span = new Map<string, { cols: number[]; rows: number }>();
  for (const m of merges) {
    const rect = parseRange(m);
    if (!rect) continue;
    const top = m.split(":")[0];
    const cols: number[] = [];
    for (let c = rect.c0; c <= rect.c1; c++) cols.push(c);
    span.set(top, { cols, rows: rect.r1 - rect.r0 + 1 });
  }
  const widthOf = (col: number): number => {
    const letter = Object.keys(widths).find((l) => lettersToCol(l) === col);
    return letter ? widths[letter] : 8.43;
  };
  const out = { ...heights };
  for (const cell of cells) {
    if (typeof cell.value !== "string" || !cell.value || !cell.style?.wrap) continue;
    const match = /^([A-Z]+)(\d+)$/.exec(cell.addr);
    if (!match) continue;
    const row = Number(match[2]);
    const spanned = span.get(cell.addr) ?? { cols: [lettersToCol(match[1])], rows: 1 };
    const need = textHeight(cell.value, spanned.cols.reduce((a, c) => a + widthOf(c), 0), cell.style.size ?? 10);
    const per = Math.ceil(need / spanned.rows);
    for (let r = row; r < row + spanned.rows; r++) if ((out[r] ?? MIN) < per) out[r] = Math.max(per, MIN);
  }
  return out;
}
