// A plain grid of one worksheet: what both Excel (excel/) and .xlsx files (xlsx/) are read into, and what the
// reader (sheet/read) turns into forms. 0-based row/col indices inside; A1 outside.
//
// The grid is sparse: it lists the cells that hold something, in any order, and nothing else. A lone value at
// row 1,048,576 or a merged area J1:XFD1048576 costs what one cell or one rectangle costs; nothing ever walks the
// sheet's extent.

export type CellValue = string | number | boolean | null;

export interface GridCell {
  row: number;
  col: number;
  /** The value as displayed/cached (a formula's last result). */
  value: CellValue;
  /** The formula, with its leading "=", when the cell has one. */
  formula?: string;
  /** Number format ("0.00%"), when known: lets the reader tell 0.9742 shown as 97.42%. */
  numFmt?: string;
  /**
   * What the value is when its JavaScript type does not say it: "date" — a date cell, whose value is the date as
   * text ("2024/1/1"), never a number; "error" — an error value (#N/A, #DIV/0!), whose value is the error's text.
   */
  type?: "date" | "error";
}

/** A rectangle, 0-based, inclusive. */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface Grid {
  sheet: string;
  /** The cells that hold something (a value or a formula), in any order. Missing cells are blank. */
  cells: GridCell[];
  /** Extent: one past the last row / column holding a cell (0 for an empty sheet). */
  rows: number;
  cols: number;
  merges: Rect[];
  /** Defined names that point into this sheet: name → A1 range ("$D$14" or "$B$10:$I$30"). */
  names: Record<string, string>;
  /** Set when the sheet is hidden in its workbook: "hidden" (the user can unhide it) or "veryHidden" (only a macro
   *  or the file's XML can show it). A visible sheet leaves it out. */
  hidden?: "hidden" | "veryHidden";
  /** Workbook-level metadata the add-in keeps (from the hidden sheet or custom XML), if any. */
  meta?: Record<string, unknown>;
}

/** A Grid from its cells: the extent is computed. */
export function makeGrid(
  sheet: string,
  cells: GridCell[],
  more: { merges?: Rect[]; names?: Record<string, string>; meta?: Record<string, unknown>; hidden?: Grid["hidden"] } = {},
): Grid {
  let rows = 0;
  let cols = 0;
  for (const c of cells) {
    if (c.row + 1 > rows) rows = c.row + 1;
    if (c.col + 1 > cols) cols = c.col + 1;
  }
  const grid: Grid = { sheet, cells, rows, cols, merges: more.merges ?? [], names: more.names ?? {} };
  if (more.meta) grid.meta = more.meta;
  if (more.hidden) grid.hidden = more.hidden;
  return grid;
}

/** Random access to a grid's cells (built once, in time proportional to the cells). */
export function cellLookup(grid: Grid): (r: number, c: number) => GridCell | undefined {
  const byKey = new Map<number, GridCell>();
  for (const cell of grid.cells) byKey.set(cellKey(cell.row, cell.col), cell);
  return (r, c) => byKey.get(cellKey(r, c));
}

/** One number per cell position (rows up to 2^20, columns up to 2^14 fit well inside 2^53). */
export function cellKey(r: number, c: number): number {
  return r * 16384 + c;
}

/** Excel's error values, as they are written in a cell. */
const ERRORS = new Set(["#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!"]);

export function isErrorText(s: string): boolean {
  return s.length <= 14 && ERRORS.has(s.trim().toUpperCase());
}

/**
 * True for a number format that shows a date ("yyyy/m/d", "m/d/yy", "yyyy\"年\"m\"月\"d\"日\"", "[$-804]…"): letters y,
 * m, d outside quotes and brackets, and no 0/# digit placeholders. Used where a producer only has the serial number.
 */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt || fmt.length > 200) return false;
  let out = "";
  let quoted = false;
  let bracket = false;
  for (const ch of fmt) {
    if (quoted) {
      if (ch === '"') quoted = false;
      continue;
    }
    if (bracket) {
      if (ch === "]") bracket = false;
      continue;
    }
    if (ch === '"') quoted = true;
    else if (ch === "[") bracket = true;
    else out += ch.toLowerCase();
  }
  if (/[0#?]/.test(out)) return false;
  return /[yd]/.test(out) || /m.*[yd]|[yd].*m/.test(out);
}

/** A date as the reader shows it: "2024/1/1" (UTC parts, as spreadsheet dates carry no zone). */
export function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return "";
  return `${d.getUTCFullYear()}/${d.getUTCMonth() + 1}/${d.getUTCDate()}`;
}

/** A spreadsheet serial date (days since 1899-12-30) as "2024/1/1"; "" when out of range. */
export function serialDateText(serial: number): string {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return "";
  return dateText(new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86400000));
}
