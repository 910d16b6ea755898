// The shape of a template definition: a form as data (rows, labels, which cell is which field, formulas as
// text with tokens). sheet/render turns a definition plus options (and, optionally, a Form to fill in) into a
// WritePlan. Nothing here touches Excel.
//
// Formula tokens (resolved by the renderer to A1 addresses on the form's sheet):
//   {funds.budget}     the cell (or range) of a field key, absolute ($D$7): it stays put when a formula is filled
//   {*ind.score}       every indicator block's column range, comma-joined (for SUM)
//   {r:target}         the same row's cell in column `target` of the current block (indicator or list rows)
//   {h:rule}           the same row's hidden helper column `rule`; {up:key} the row above's
//   {g1:weight}        the rows of the current 一级 group in that column (only on the group's top row)
// Word lists, units and the profile's parameters are named ranges (lists.ts), written into formulas by name.
import type { FormKind } from "../model";

export type StyleKey =
  | "title" // big bold centred title
  | "subtitle" // centred line under the title: （2024年度）
  | "caption" // small left-aligned line (填报单位, 单位：万元)
  | "captionRight"
  | "label" // bold centred label with border
  | "labelLeft" // label, left-aligned
  | "header" // table header: bold, shaded
  | "text" // input text, centred, wraps
  | "textLeft" // input text, left-aligned, wraps (long text)
  | "textCell" // input text in a table row: left-aligned, vertically centred, wraps
  | "amount" // input amount 0.00
  | "percentInput" // input percentage 0.00%
  | "weight" // input 分值 0.## with a default
  | "score" // 得分: entered or computed 0.00
  | "derivedAmount" // formula, 0.00, shaded
  | "derivedPercent" // formula, 0.00%, shaded
  | "derivedScore" // formula 0.00, shaded
  | "derivedText" // formula text, shaded
  | "footerField" // a footer field the officer types into (填报人, 联系电话 …): left, no border
  | "note"; // footnote, small, left, no border

export interface CellDef {
  col: string; // start column letter
  to?: string; // merged across to this column
  down?: number; // merged down over this many rows (>= 1)
  text?: string; // a label; may hold {year} {unit} {department} {project}
  value?: number; // a literal number (default 分值 10)
  field?: string; // field key: the cell gets a defined name and is filled from a Form
  formula?: string; // formula with tokens, leading "="
  /** Fill from a Form's funds sums: [group label hint, part label hint] ("|" separates synonyms;
   *  "#total" takes the group's total). */
  from?: [string, string];
  style: StyleKey;
}

export interface RowDef {
  cells: CellDef[];
  height?: number; // points
}

/** Fixed rows. */
export interface RowsSection {
  kind: "rows";
  rows: RowDef[];
}

/** One column of an indicator table. */
export interface IndColumn {
  key: IndColumnKey;
  col: string;
  to?: string;
  header: string;
  style: StyleKey;
}

export type IndColumnKey =
  | "level1"
  | "level2"
  | "name"
  | "target"
  | "actual"
  | "weight"
  | "score"
  | "reason"
  | "description"
  | "basis";

/** Which 一级 of the taxonomy a block holds; all when absent. */
export type Level1Filter = "产出" | "效益" | "满意度" | "成本";

/** An indicator table: a header row and one body row per 三级 indicator, grouped by 一级 and 二级. */
export interface IndicatorSection {
  kind: "indicators";
  /** Block key: field keys are `${block}.${column}` ("ind.score"); "ind{n}" inside a repeat. */
  block: string;
  /** A label merged down the left of header and body ("绩效指标"). */
  side?: { col: string; text: string };
  columns: IndColumn[];
  /** Only these 一级 groups (report tables: one table per 一级). */
  level1?: Level1Filter[];
  /** Write the 一级 weight into the 一级 cell ("产出指标（50分）") and check the 三级 weights add up to it. */
  level1Weights?: boolean;
  /** Use short 二级 names ("数量" for 数量指标), as seed 003 does. */
  shortLevel2?: boolean;
  /** Prefilled 二级 names to use (codes from the taxonomy); all of the 一级 when absent. */
  level2Codes?: string[];
  /** Rows per 二级 when not filled from a Form; the option `rows` overrides. */
  rowsPer?: number;
  /** Free rows (no prefilled 一级/二级), for blocks like 年度目标N of seed 000. */
  freeRows?: number;
  /** Where a missed indicator must be explained: its own column, or one shared cell (field key). */
  reason: { column: true } | { shared: string };
  /** Compute rule scores (scored forms) or only status flags (unscored forms) or target checks (targets). */
  mode: "scored" | "status" | "targets";
}

/** A repeated group of sections (年度目标1…N). `{n}` in texts and field keys becomes 1…N. */
export interface RepeatSection {
  kind: "repeat";
  /** How many by default; a filled Form's goals decide otherwise. */
  count: number;
  sections: (RowsSection | IndicatorSection)[];
}

/** A list of rows of the same shape (资金使用情况 by 职能, one row per project) with optional total row. */
export interface ListSection {
  kind: "list";
  /** Field key prefix: columns become `${key}.${column.key}` ranges. */
  key: string;
  count: number; // rows when not filled
  /** Header rows (already laid out, as fixed rows). */
  header: RowDef[];
  columns: ListColumn[];
  /** A closing row (金额合计). */
  total?: RowDef;
  /** Row height of body rows. */
  height?: number;
  /** How a Form fills the rows: one Form per row ("forms"), or the parts of the funds sums ("parts"). */
  fillFrom: "forms" | "parts";
  /** A hidden flag per row (helper formula, 1 = flagged) painted on these columns; `header` says what it computes. */
  flags?: { helper: string; header?: string; formula: string; paint: string[]; meaning: string; style?: "error" | "warning" }[];
}

export interface ListColumn {
  key: string; // "budget", "l2.quantity.target", …
  col: string;
  to?: string;
  style: StyleKey;
  /** A per-row formula with {r:…} tokens. */
  formula?: string;
  /** The row number (1…N) instead of a value. */
  counter?: boolean;
  /** Fill from a funds sum group: [group hint, part hint] for one Form per row; [group hint, "#part"] for
   *  parts mode (row i takes part i); "#label" takes part i's label. */
  from?: [string, string];
}

export type Section = RowsSection | IndicatorSection | RepeatSection | ListSection;

export interface TemplateDef {
  id: string;
  kind: FormKind;
  version: number;
  /** Suggested sheet name. */
  sheetName: string;
  landscape: boolean;
  /** Visible column widths (characters). */
  widths: Record<string, number>;
  /** Rows repeated on every printed page ("3:5") where the form has no single indicator table (whose header row
   *  repeats by itself). */
  repeatRows?: string;
  /** The last printed column, when columns right of it (核对, 来源核对) are shown but not printed. */
  printTo?: string;
  /** Columns repeated at the left of each printed page when the table must run wider than one (序号, 项目名称). */
  repeatColumns?: string;
  sections: Section[];
  /** Conditional formats outside indicator tables. */
  flags?: FlagDef[];
}

/** A conditional format defined on fields: `when` is a formula with tokens, true → highlighted. */
export interface FlagDef {
  field: string; // field key (cell or range) it paints
  when: string; // "={funds.check}=\"不符\""
  meaning: string;
  style?: "error" | "warning";
  /** Compute `when` in a hidden helper cell (needed when it holds array constants or names of other sheets, which
   *  conditional formats may not); the format then tests that cell. */
  viaHelper?: boolean;
  /** Also paint these fields with the same format (where the officer types what clears it). */
  also?: string[];
}
