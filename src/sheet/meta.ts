// Where a form the add-in made keeps its identity inside the workbook, so that any copy of the file
// (opened by the add-in, by the CLI, after rows were inserted) can be read back without guessing.
//
// - Every field cell or range of a form has a workbook-level defined name: `${prefix}${key}`,
//   e.g. "JX1_FUNDS_BUDGET", "JX1_IND" (the indicator table body). Names move with inserted rows.
// - A hidden sheet META_SHEET holds one row per form: A = sheet name, B = JSON of FormMeta.
// - A hidden sheet LISTS_SHEET holds the data-validation lists (一级/二级 names, qualitative tiers).

import type { Evaluation, Form } from "../domain/model";
import type { Profile } from "../domain/profiles";
import { PROFILE, profileFindings, type StoredProfile } from "../domain/templates/profile-constants";
import { formatA1, parseRange } from "./address";
import type { Grid } from "./grid";
import type { WritePlan } from "./plan";

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
  /** Options the form was made with (year, unit, department, rows, taxonomy). */
  options?: Record<string, unknown>;
  /** The targets table the form was made from (Form.source), so a later check pairs it without guessing. */
  source?: Form["source"];
  /** The visible columns' widths (characters) by letter, counted from the form's first column as "A": what the
   *  add-in needs to estimate a row's height when the officer writes a long text (excel/derive.ts). */
  widths?: Record<string, number>;
}

/** The longest text a stored source keeps per field: a file or sheet name, a 项目编码, a 项目名称. */
const SOURCE_TEXT = 300;

/** Form.source from a FormMeta's `source` as read from a file: string fields only, each bounded; undefined when none. */
export function sourceOf(stored: unknown): Form["source"] {
  if (!stored || typeof stored !== "object" || Array.isArray(stored)) return undefined;
  const given = stored as Record<string, unknown>;
  const out: NonNullable<Form["source"]> = {};
  for (const key of ["file", "sheet", "code", "name"] as const) {
    const value = given[key];
    if (typeof value === "string" && value.trim()) out[key] = value.slice(0, SOURCE_TEXT);
  }
  return Object.keys(out).length ? out : undefined;
}

/** The FormMeta of a plan written with name prefix `prefix` and `fields`: the one list, for both writers
 *  (excel/insert.ts and xlsx/write). */
export function planMeta(plan: WritePlan, prefix: string, fields: Record<string, string>): FormMeta {
  const meta: FormMeta = { template: plan.template, prefix, fields };
  if (plan.meta?.indicatorColumns) meta.indicatorColumns = plan.meta.indicatorColumns;
  if (plan.meta?.options) meta.options = plan.meta.options;
  if (plan.meta?.source) meta.source = plan.meta.source;
  if (plan.meta?.widths) meta.widths = plan.meta.widths;
  return meta;
}

/** FormMeta.widths as read from a workbook: column letters (at most three) to widths between 0 and 255, at most 200
 *  of them; undefined when none is usable. */
export function widthsOf(stored: unknown): Record<string, number> | undefined {
  if (!stored || typeof stored !== "object" || Array.isArray(stored)) return undefined;
  const out: Record<string, number> = {};
  let count = 0;
  for (const [letters, width] of Object.entries(stored as Record<string, unknown>)) {
    if (count >= 200) break;
    if (!/^[A-Z]{1,3}$/.test(letters) || typeof width !== "number" || !(width > 0 && width <= 255)) continue;
    out[letters] = width;
    count++;
  }
  return count ? out : undefined;
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

/** The most cells a stored profile constant is read from (the grade bands have a handful). */
const PROFILE_CELLS = 20;

/**
 * The profile constants (domain/templates/lists.ts PROFILE) a workbook stores on its lists sheet, given each name's
 * values (top-down; undefined when the workbook has no such name): what the file readers put in Grid.meta.profile.
 * Undefined when the workbook has none of them (a workbook from before profiles were stored, or not ours).
 */
export function storedProfileOf(valuesOf: (name: string) => unknown[] | undefined): StoredProfile | undefined {
  const out: StoredProfile = {};
  let any = false;
  for (const name of Object.values(PROFILE)) {
    const v = valuesOf(name);
    if (!v) continue;
    any = true;
    out[name] = v.slice(0, PROFILE_CELLS).map((x) => (typeof x === "string" || typeof x === "number" || typeof x === "boolean" ? x : null));
  }
  return any ? out : undefined;
}

/** The values of a range reference ("$X$1:$X$6") top-down, row by row, at most PROFILE_CELLS of them. */
export function refValues(ref: string | undefined, valueAt: (row: number, col: number) => unknown): unknown[] | undefined {
  const r = ref ? parseRange(ref.slice(ref.lastIndexOf("!") + 1)) : null;
  if (!r) return undefined;
  const out: unknown[] = [];
  for (let row = r.r0; row <= r.r1 && out.length < PROFILE_CELLS; row++) for (let col = r.c0; col <= r.c1 && out.length < PROFILE_CELLS; col++) out.push(valueAt(row, col));
  return out;
}

/**
 * An evaluation under `applied` of a form read from `grid`, held against the profile the workbook stores
 * (profile-constants.ts): profile-modified when the stored parameters are not the named profile's, and the computed
 * cells' differences folded into one finding when `applied` is another profile than the workbook's.
 */
export function withStoredProfile(ev: Evaluation, grid: Grid, applied: Profile): Evaluation {
  const stored = grid.meta?.profile as StoredProfile | undefined;
  if (!stored) return ev;
  const formulas = new Set(grid.cells.filter((c) => c.formula).map((c) => formatA1(c.row, c.col)));
  const findings = profileFindings(ev.findings, stored, applied, grid.sheet, formulas);
  if (findings.length === ev.findings.length && findings.every((f, i) => f === ev.findings[i])) return ev;
  return { ...ev, findings, ready: ev.complete && !findings.some((f) => f.severity === "error") };
}
