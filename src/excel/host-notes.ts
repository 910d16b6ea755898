// After a form made from a targets table is inserted: its notes ("按默认分值分配，请核对") in its 助手提示 column, on
// the rows of the indicators they concern, marked ℹ like the live loop's own notes (which keep them beside their own
// until the officer deletes them: workbook-parts KEPT_NOTES). One sync, events off.

import { parseRange } from "../sheet/address";
import type { InsertFill } from "../sheet/host-contract";
import type { WritePlan } from "../sheet/plan";
import { noteText } from "../sheet/notes";
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
    const text = noteText(n.note);
    if (text) out.push({ r: origin.r0 + row - 1, c: origin.c0 + notesAt.col, value: text });
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
