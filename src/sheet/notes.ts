// The notes column ("助手提示") beside a form: where the add-in's live loop writes what formulas cannot say, and where a
// form made from a targets table carries its notes ("按默认分值分配，请核对") from the start. Its place in a plan is
// decided here, for the add-in's insert and for the .xlsx that `jixiao new --from` writes, so both put it in the
// same cell and name it the same way (the field `notes`, read back by the add-in when it binds the form).
import { colToLetters, parseA1, parseRange } from "./address";
import { HELPER_COLUMN } from "./meta";
import type { PlanCell, WritePlan } from "./plan";
import { capText, documentText } from "./safe-text";

export const NOTES_HEADER = "助手提示";
export const NOTES_FIELD = "notes";
/** Width of the notes column: 160 points in Excel, about 22 characters in an .xlsx. */
export const NOTES_WIDTH_POINTS = 160;
const NOTES_WIDTH_CHARS = 22;
const HEADER_STYLE = { bold: true, color: "#7F7F7F" } as const;

/** Where the notes column of a fresh plan goes (0-based, relative to the plan's top-left cell): right of everything
 *  it writes, header above its first indicator (the first body row of its indicator blocks, or of the multi-project
 *  table: their `name` fields). Null for a plan without indicator rows. */
export function planNotes(plan: WritePlan): { row: number; col: number } | null {
  let maxCol = plan.size.cols - 1;
  for (const c of plan.cells) {
    const at = parseA1(c.addr);
    if (at && at.col < HELPER_COLUMN) maxCol = Math.max(maxCol, at.col);
  }
  const rows = Object.entries(plan.fields)
    .filter(([k]) => /^(ind\d*|proj)\.name$/.test(k))
    .map(([, ref]) => parseRange(ref))
    .filter((r): r is NonNullable<typeof r> => !!r && r.r0 > 0)
    .map((r) => r.r0);
  if (!rows.length) return null;
  return { row: Math.min(...rows) - 1, col: maxCol + 1 };
}

/** A note as it stands in its cell: one line of at most 200 characters, marked ℹ (the add-in's mark for a note it
 *  keeps until the officer deletes it). Empty when nothing is left of it. */
export function noteText(note: string): string {
  const text = capText(documentText(note).replace(/\s+/g, " ").trim(), 200);
  return text ? `ℹ ${text}` : "";
}

/** The plan with its notes column: the header, and each note on its indicator's row (plan.meta.indicatorRows), for a
 *  workbook written without the add-in. A plan without indicator rows, or without notes, is returned as it is. */
export function withNotes(plan: WritePlan, notes: readonly { indicatorId: string; note: string }[]): WritePlan {
  const at = planNotes(plan);
  const rows = plan.meta?.indicatorRows ?? {};
  if (!at || !notes.length) return plan;
  const col = colToLetters(at.col);
  const header = `${col}${at.row + 1}`;
  const cells: PlanCell[] = [{ addr: header, value: NOTES_HEADER, style: HEADER_STYLE }];
  const seen = new Set<number>();
  for (const n of notes) {
    const row = rows[n.indicatorId];
    const text = noteText(n.note);
    if (!row || !text || seen.has(row)) continue;
    seen.add(row);
    cells.push({ addr: `${col}${row}`, value: text });
  }
  return {
    ...plan,
    cells: [...plan.cells, ...cells],
    columnWidths: { ...plan.columnWidths, [col]: NOTES_WIDTH_CHARS },
    fields: { ...plan.fields, [NOTES_FIELD]: header },
    names: [...plan.names, { name: "NOTES", ref: header }],
  };
}
