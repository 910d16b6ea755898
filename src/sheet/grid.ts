// A plain grid of one worksheet: what both Excel (excel/) and .xlsx files (xlsx/) are read into,
// and what the reader (sheet/read) turns into forms. 0-based row/col indices inside; A1 outside.

export type CellValue = string | number | boolean | null;

export interface GridCell {
  /** The value as displayed/cached (a formula's last result). */
  value: CellValue;
  /** The formula, with its leading "=", when the cell has one. */
  formula?: string;
  /** Number format ("0.00%"), when known: lets the reader tell 0.9742 shown as 97.42%. */
  numFmt?: string;
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
  /** cells[r][c]; rows may be shorter than `cols` and missing cells are blank. */
  cells: (GridCell | undefined)[][];
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
