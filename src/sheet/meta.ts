// Where a form the add-in made keeps its identity inside the workbook, so that any copy of the file
// (opened by the add-in, by the CLI, after rows were inserted) can be read back without guessing.
//
// - Every field cell or range of a form has a workbook-level defined name: `${prefix}${key}`,
//   e.g. "JX1_FUNDS_BUDGET", "JX1_IND" (the indicator table body). Names move with inserted rows.
// - A hidden sheet META_SHEET holds one row per form: A = sheet name, B = JSON of FormMeta.
// - A hidden sheet LISTS_SHEET holds the data-validation lists (一级/二级 names, qualitative tiers).

export const META_SHEET = "JX_META";
export const LISTS_SHEET = "JX_LISTS";

/**
 * A form's hidden helper columns start this many columns right of its left edge (column DQ for a form at A1), apart
 * from the form and its notes column: a read of the sheet loads columns left of it only (excel/read-grid.ts,
 * xlsx/sheet-grid.ts), never the helpers' long formulas, and an insert at the selection must leave the form left of it.
 */
export const HELPER_COLUMN = 120;

export interface FormMeta {
  template: { id: string; kind: string; version: number };
  /** Prefix of this form's defined names, unique in the workbook: "JX1_". */
  prefix: string;
  /** Field key → defined name without prefix ("funds.budget" → "FUNDS_BUDGET"). */
  fields: Record<string, string>;
  /** Column order of the indicator table body, as field keys ("level1", "level2", "name", "target", …). */
  indicatorColumns?: string[];
  /** Options the form was made with (year, unit, rows, taxonomy). */
  options?: Record<string, unknown>;
}

/**
 * The JX_META rows that belong to one sheet: by the sheet name written in the row, or — after the user renamed the
 * sheet (defined names follow a rename, the row's text does not) — by its prefix's names pointing into the sheet.
 */
export function metaForSheet<M extends { prefix?: unknown }>(
  rows: { sheet: string; meta: M }[],
  sheet: string,
  namesIntoSheet: Record<string, string>,
): M[] {
  const prefixes = new Set(Object.keys(namesIntoSheet).map((n) => /^JX\d+_/i.exec(n)?.[0].toUpperCase()));
  return rows
    .filter((m) => m.sheet === sheet || (typeof m.meta.prefix === "string" && prefixes.has(m.meta.prefix.toUpperCase())))
    .map((m) => m.meta);
}

/** Field key → defined name without prefix: "funds.budget" → "FUNDS_BUDGET", "indicators.0.target" → "INDICATORS_0_TARGET". */
export function keyToName(key: string): string {
  return key
    .replace(/([a-z])([A-Z])/g, "$1_$2")
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, "_")
    .replace(/^_|_$/g, "");
}
