// The add-in's own parts of a workbook: the hidden JX_META / JX_LISTS sheets, the meta row of a form, the lists,
// the notes column ("助手提示") where live recompute writes what formulas cannot say. Queue-only helpers.

import { LISTS_SHEET, META_SHEET, type FormMeta } from "../sheet/meta";
import type { PlanList } from "../sheet/plan";
import { colToLetters, sheetOf } from "../sheet/address";
import { literal } from "./write-plan";
import type { NameInfo } from "./read-grid";

import { NOTES_HEADER } from "../sheet/notes";

export { NOTES_FIELD, NOTES_HEADER } from "../sheet/notes";
/** Notes the add-in writes start with one of these; a cell without one is the user's and is never touched. */
export const NOTE_MARKS = ["⚠", "ℹ"] as const;

/**
 * Notes written once, when a form is made, that the live loop keeps in their cells beside whatever it has to say
 * there, until the officer deletes them: the weights a form made from a targets table was given by default
 * (domain/from-targets DEFAULT_WEIGHT_NOTE; a test keeps the two in step). Written marked ℹ.
 */
export const KEPT_NOTES: readonly string[] = ["按默认分值分配，请核对"];

export function isOurNote(v: unknown): boolean {
  return typeof v === "string" && (v === NOTES_HEADER || NOTE_MARKS.some((m) => v.startsWith(m)));
}

/** Gets (or queues the creation of) a very hidden sheet of ours. */
export function ownSheet(context: Excel.RequestContext, name: string, exists: boolean): Excel.Worksheet {
  if (exists) return context.workbook.worksheets.getItem(name);
  const ws = context.workbook.worksheets.add(name);
  ws.visibility = "VeryHidden";
  return ws;
}

/** Queues the FormMeta row `row` (1-based) on JX_META: A = sheet name, B = JSON. */
export function queueMetaRow(context: Excel.RequestContext, metaExists: boolean, row: number, sheet: string, meta: FormMeta): void {
  const ws = ownSheet(context, META_SHEET, metaExists);
  // Quote-prefixed text (literal), not the Text format: a sheet named "=1" or "2021" must stay that text.
  ws.getRange(`A${row}:B${row}`).values = [[literal(sheet), literal(JSON.stringify(meta))]];
}

/** Queues the lists a plan needs that the workbook lacks; returns nothing to rename (names are shared). */
export function queueLists(context: Excel.RequestContext, lists: PlanList[], names: NameInfo[], listsExists: boolean): void {
  const have = new Set(names.map((n) => n.name.toUpperCase()));
  const missing = lists.filter((l) => !have.has(l.name.toUpperCase()) && l.values.length > 0);
  if (!missing.length) return;
  const used = names.filter((n) => sheetOf(n.formula.replace(/^=/, "")) === LISTS_SHEET).length;
  const ws = ownSheet(context, LISTS_SHEET, listsExists);
  missing.forEach((l, i) => {
    const col = colToLetters(used + i);
    const range = ws.getRange(`${col}1:${col}${l.values.length}`);
    range.values = l.values.map((v) => [literal(v)]);
    context.workbook.names.add(l.name, range);
  });
}

/** A sheet name not yet used: "项目支出绩效自评表", "项目支出绩效自评表 (2)", … (≤ 31 characters). */
export function uniqueSheetName(base: string, existing: string[]): string {
  // Excel: at most 31 characters, none of [ ] : * ? / \, not starting or ending with ', and not "History".
  let clean = base.replace(/[[\]:*?/\\]/g, " ").trim().slice(0, 31).replace(/^'+|'+$/g, "").trim();
  if (!clean || clean.toUpperCase() === "HISTORY") clean = "绩效自评表";
  const taken = new Set(existing.map((s) => s.toUpperCase()));
  if (!taken.has(clean.toUpperCase())) return clean;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = clean.slice(0, 31 - suffix.length) + suffix;
    if (!taken.has(name.toUpperCase())) return name;
  }
}
