// A write plan: everything needed to put a form onto a worksheet, as data.
// Built from a template (sheet/render), applied by excel/ (the Office JavaScript API) and xlsx/ (ExcelJS).
// Addresses are A1 on the plan's sheet, relative to the plan's origin ("A1" = top-left of the form).

import type { Form } from "../domain/model";

export interface CellStyle {
  bold?: boolean;
  size?: number; // font size in points
  align?: "left" | "center" | "right";
  valign?: "top" | "middle" | "bottom";
  wrap?: boolean;
  fill?: string; // "#RRGGBB"
  color?: string; // font colour "#RRGGBB"
  border?: boolean; // thin border on all four sides
  numFmt?: string; // "0.00%", "0.00", "@"
  locked?: boolean; // false for input cells
}

export interface PlanCell {
  addr: string; // "B5"
  /** A literal value. Strings are always text (never formulas), even when they start with = + - @. */
  value?: string | number | null;
  /** A formula with its leading "=", only from the template itself. */
  formula?: string;
  style?: CellStyle;
}

export interface PlanName {
  name: string; // workbook-scoped defined name, e.g. "JX_P_FUNDS_BUDGET"
  ref: string; // A1 range on the plan's sheet: "D7" or "B12:I40"
}

export interface PlanValidation {
  ref: string; // A1 range
  /** A list kept on the hidden lists sheet: the defined name of that list ("JX_LIST_LEVEL1"). */
  listName: string;
  prompt?: string;
  /** Offer the list but accept other entries (an information-style alert instead of a stop). */
  allowOther?: boolean;
}

export interface PlanConditionalFormat {
  ref: string; // A1 range it applies to
  /** A formula relative to the top-left cell of `ref`, with its leading "=". */
  formula: string;
  style: { fill?: string; color?: string; bold?: boolean };
  /** What the flag means, for the pane and the README. */
  meaning: string;
}

export interface PlanList {
  name: string; // defined name of the list range
  /** Row 1 first; "" is an empty cell. Text is written as text, numbers as numbers. */
  values: (string | number)[];
}

/**
 * One formula filled down a column: `formula` is the formula of row `r0` (1-based, plan coordinates); each row below
 * holds the same formula moved down (relative references move, `$` parts stay), as a shared formula in an .xlsx or a
 * fill in Excel. Cells of a run carry no `formula` of their own in `cells` (they may carry a style).
 */
export interface PlanRun {
  col: string;
  r0: number;
  r1: number;
  formula: string;
}

export interface WritePlan {
  /** Template id and version, written into the file's metadata. */
  template: { id: string; kind: string; version: number };
  sheetName: string; // suggested sheet name ("项目支出绩效自评表")
  cells: PlanCell[];
  merges: string[]; // "A1:H1"
  columnWidths: Record<string, number>; // "A" → width in characters
  rowHeights: Record<number, number>; // 1-based row → points
  names: PlanName[];
  validations: PlanValidation[];
  conditionalFormats: PlanConditionalFormat[];
  /** Formulas filled down their column (helper columns, the 得分 column), written once per run. */
  runs: PlanRun[];
  /** Lists for validations and formulas, and the profile's parameters, kept on a very hidden sheet (one per workbook). */
  lists: PlanList[];
  /** How it prints (render/print.ts). */
  print: {
    landscape: boolean;
    paper: "A4" | "A3";
    /** Percent: the printed columns fill the paper's width, no text under 8 pt. */
    scale: number;
    /** Rows (1-based) that start a new printed page: between 一级 groups, the totals with the table's end. */
    breaks: number[];
    /** Pages across the printed columns: 1, unless the table is too wide for its paper at 8 pt. */
    across: number;
    /** Rows repeated at the top of every page ("12:12"). */
    repeatRows?: string;
    /** Columns repeated at the left of every page when the table runs wider than one ("A:B"). */
    repeatColumns?: string;
  };
  /** Which cell is which field: the cell map kept in the file's metadata, read back without guessing. */
  fields: Record<string, string>; // field key → A1 ("funds.budget" → "D6", "indicators" → "B12:I40")
  /** Number of used rows/cols, so the writer can check the target area is empty. */
  size: { rows: number; cols: number };
  /** Helper columns holding formulas the officer never sees (from HELPER_COLUMN on, meta.ts): hidden, never printed. */
  hiddenColumns?: string[];
  /** What goes into the form's FormMeta besides fields (see meta.ts). */
  meta?: {
    indicatorColumns?: string[];
    options?: Record<string, unknown>;
    /** When filled from a Form: indicator id → 1-based sheet row (single-form templates). */
    indicatorRows?: Record<string, number>;
    /** When filled from Forms, one per row (multi-project): the sheet row of each Form, in order. */
    formRows?: number[];
    /** Hidden helper columns by helper key ("rule" → "DZ"): see domain/templates/helpers.ts. */
    helpers?: Record<string, string>;
    /** The targets table a single form was made from (its Form.source), kept in its FormMeta. */
    source?: Form["source"];
    /** The visible columns' widths by letter (FormMeta.widths). */
    widths?: Record<string, number>;
  };
  /** Print area (A1 range of the visible form); the writer may default to the used range. */
  printArea?: string;
}
