// After a form made from a targets table is inserted: its notes ("按默认分值分配，请核对") in its 助手提示 column, on
// the rows of the indicators they concern, marked ℹ like the live loop's own notes (which keep them beside their own
// until the officer deletes them: workbook-parts KEPT_NOTES). One sync, events off. And the name of the sheet
// a filled form goes to: its project's, as the CLI names it.

import { parseRange } from "../sheet/address";
import type { InsertFill } from "../sheet/host-contract";
import type { WritePlan } from "../sheet/plan";
import { capText, documentText } from "../sheet/safe-text";
import { queueWrites, type CellWrite } from "./derive";

/** The note cells of an inserted plan: `notesAt` is its notes column (planNotes), `address` where it was written. */
export function fillNoteWrites(
  plan: WritePlan,
  address: string,
  notesAt: { row: number; col: number } | null,
  notes: NonNullable<InsertFill["notes"]>,
): CellWrite[] {
  const origin = parseRange(address);
  const rows = plan.meta?.indicatorRows ?? {};
  if (!origin || !notesAt) return [];
  const out: CellWrite[] = [];
  const seen = new Set<number>();
  for (const n of notes) {
    const row = rows[n.indicatorId];
    if (!row || seen.has(row)) continue;
    seen.add(row);
    const text = capText(documentText(n.note).replace(/\s+/g, " ").trim(), 200);
    if (text) out.push({ r: origin.r0 + row - 1, c: origin.c0 + notesAt.col, value: `ℹ ${text}` });
  }
  return out;
}

/** Writes the notes on `sheet` in one sync with events off (best effort: the form is in either way). */
export async function writeFillNotes(sheet: string, writes: CellWrite[]): Promise<void> {
  if (!writes.length) return;
  await Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    context.runtime.enableEvents = false;
    queueWrites(ws, writes);
    context.runtime.enableEvents = true;
    await context.sync();
  });
}

/** A sheet name from a project's name: one line, without characters Excel refuses, at most 28 characters (room for
 *  " (2)"); `fallback` when nothing is left. uniqueSheetName makes it unique when it is written. */
export function sheetNameFor(name: string, fallback: string): string {
  const clean = documentText(name)
    .replace(/[\ufffd[\]:*?/\\]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^'+|'+$/g, "")
    .trim();
  return capText(clean, 28).replace(/…$/, "").trim() || fallback;
}
