// How a form prints (issue #13 item 4): like the official paper form. A fixed scale instead of "fit to one page
// wide" — Excel ignores manual page breaks under Fit To — chosen so that the printed columns fill the paper's
// width, never so small that the smallest text falls under 8 pt (then the table runs over more pages across, with
// its first columns repeated). Page breaks go between 一级 groups (or sections), inside a group only when it is
// longer than a page, never between the table's end and its 总分 / 等级, so that the totals print on the page that
// ends the table; the table's header row repeats on every page. Heights are the plan's estimates (heights.ts):
// Excel and LibreOffice keep a row's set height, so the pages fall where they are computed here, give or take the
// printer's margins (a share of each page is kept free for that).

/** Paper sizes in points (portrait). */
const PAPER = { A4: [595.3, 841.9], A3: [841.9, 1190.6] } as const;
/** Page margins in inches, as the writers set them. */
export const MARGINS = { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };
/** The smallest printed text size. */
const MIN_POINTS = 8;
/** Share of a page's height kept free: rounding of row heights, a printer's own margins. */
const SLACK = 0.95;
/** Excel's default row height (points) where the plan sets none. */
export const DEFAULT_ROW_HEIGHT = 15;

/**
 * The width of the digit 0 in the workbook's default font (Calibri 11), in pixels: the unit of column widths. 7 in
 * Excel and WPS. LibreOffice measures with the font it has for Calibri (Carlito: 7; where only DejaVu Sans stands in,
 * about 9.3, and columns print a third wider): the print tests set it to what their LibreOffice measures.
 */
export const PRINT_METRICS = { digitPx: 7 };

/** A column's printed width in points (with a cell's 5 px of padding, to be safe). */
export const columnPoints = (chars: number): number => ((Math.floor(chars * PRINT_METRICS.digitPx + 5) * 3) / 4);

export interface PrintInput {
  paper: "A4" | "A3";
  landscape: boolean;
  /** Printed columns' widths in characters, left to right. */
  widths: number[];
  /** Row heights (points) by 1-based row; DEFAULT_ROW_HEIGHT where absent. */
  heights: Record<number, number>;
  /** First and last printed rows (1-based). */
  rows: [number, number];
  /** The table header repeated at the top of every page after its own. */
  repeat?: [number, number];
  /** Where a page may start, by preference: 3 a section or 一级 group, 2 a 二级 group, 1 any table row. A row with
   *  none starts a page only when nothing else fits. */
  breakAt: Map<number, number>;
  /** Rows that stay on the page of the row before them (the table's end, its 总分 and 等级). */
  keep?: [number, number];
  /** The smallest font size (points) printed. */
  minFont: number;
}

export interface PrintLayout {
  /** Percent, 10–100. */
  scale: number;
  /** Rows (1-based) that start a new page. */
  breaks: number[];
  /** Whether the scale could not fit the width (the columns then run over more pages across). */
  wide: boolean;
  /** Pages across the printed columns (1 unless wide). */
  across: number;
}

export function layoutPrint(input: PrintInput): PrintLayout {
  const [paperWidth, paperHeight] = PAPER[input.paper];
  const [w, h] = input.landscape ? [paperHeight, paperWidth] : [paperWidth, paperHeight];
  const width = w - (MARGINS.left + MARGINS.right) * 72;
  const height = h - (MARGINS.top + MARGINS.bottom) * 72;
  const table = input.widths.reduce((a, c) => a + columnPoints(c), 0);
  const fit = Math.floor((width / Math.max(1, table)) * 100);
  const floor = Math.ceil((MIN_POINTS / Math.max(1, input.minFont)) * 100);
  const scale = Math.max(10, Math.min(100, Math.max(fit, floor)));
  const cap = ((height * 100) / scale) * SLACK;
  const hOf = (r: number): number => input.heights[r] ?? DEFAULT_ROW_HEIGHT;
  const titles = input.repeat ? range(input.repeat[0], input.repeat[1]).reduce((a, r) => a + hOf(r), 0) : 0;
  const kept = (r: number): boolean => !!input.keep && r >= input.keep[0] && r <= input.keep[1];

  const breaks: number[] = [];
  let start = input.rows[0];
  let used = 0;
  for (let row = input.rows[0]; row <= input.rows[1]; row++) {
    const extra = input.repeat && start > input.repeat[1] ? titles : 0;
    if (row > start && used + hOf(row) + extra > cap) {
      const b = chooseBreak({ breakAt: input.breakAt, kept, h: hOf, cap }, start, row);
      breaks.push(b);
      start = b;
      used = range(b, row - 1).reduce((a, q) => a + hOf(q), 0);
    }
    used += hOf(row);
  }
  // Pages across, from the columns' widths without the padding allowed above.
  const bare = (input.widths.reduce((a, c) => a + c, 0) * PRINT_METRICS.digitPx * 3) / 4;
  return { scale, breaks, wide: fit < floor, across: Math.max(1, Math.ceil((bare * scale) / 100 / width)) };
}

/** Where the page that overflows at row r ends: the best preference that still leaves the page at least half full
 *  (a section or 一级 group, else a 二级 group, else a row), its latest row; else the best one anywhere. */
function chooseBreak(input: { breakAt: Map<number, number>; kept: (r: number) => boolean; h: (r: number) => number; cap: number }, start: number, row: number): number {
  const ok = (q: number, pref: number) => !input.kept(q) && (input.breakAt.get(q) ?? 0) === pref;
  let filled = 0;
  const half = new Set<number>();
  for (let dataRow = start + 1; dataRow <= row; dataRow++) {
    filled += input.h(dataRow - 1);
    if (filled >= input.cap / 2) half.add(dataRow);
  }
  for (const pref of [3, 2, 1]) for (let q = row; q > start; q--) if (half.has(q) && ok(q, pref)) return q;
  for (const pref of [3, 2, 1]) for (let q = row; q > start; q--) if (ok(q, pref)) return q;
  for (let q = row; q > start; q--) if (!input.kept(q)) return q;
  return row;
}

const range = (a: number, b: number): number[] => (b < a ? [] : Array.from({ length: b - a + 1 }, (_, i) => a + i));
