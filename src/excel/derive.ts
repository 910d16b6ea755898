// What live recompute writes: a short note per indicator in the form's notes column ("助手提示"), only in cells
// the add-in owns (empty, or holding one of its own notes), and only when the note changed. Pure.

import type { Evaluation, Finding, IndicatorResult } from "../domain/model";
import { parseA1, parseRange } from "../sheet/address";
import type { Grid, Rect } from "../sheet/grid";
import { cellLookup } from "../sheet/grid";
import type { FormMeta } from "../sheet/meta";
import { isOurNote, KEPT_NOTES, NOTES_FIELD } from "./workbook-parts";

export interface CellWrite {
  r: number; // 0-based
  c: number;
  value: string;
}

const REASON_CODES = new Set(["deviation-reason-missing", "over-target-unexplained"]);
const RANK = { error: 0, warning: 1, info: 2 } as const;

/** The note for one indicator: "⚠ …" while a reason is required and missing, "ℹ …" for other problems, else "". */
export function noteFor(ir: IndicatorResult, findings: Finding[] | Map<string, Finding[]>): string {
  const list = findings instanceof Map ? (findings.get(ir.id) ?? []) : findings.filter((f) => f.indicatorId === ir.id);
  const mine = [...list].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  const reason = mine.find((f) => REASON_CODES.has(f.code));
  if (ir.needsReason || reason) {
    return `⚠ ${reason?.message ?? (ir.status === "exceeded" ? "超出目标较多，请在偏差原因中说明。" : "未达到目标，请填写偏差原因。")}`;
  }
  const entered = ir.indicator.enteredScore;
  if (ir.score !== null && entered !== null && Math.abs(ir.score - entered) > 0.1) {
    return `ℹ 按规则得分 ${ir.score}（已填 ${entered}）`;
  }
  const other = mine.find((f) => f.severity !== "info");
  return other ? `ℹ ${other.message}` : "";
}

function rowOf(ir: IndicatorResult): number | null {
  const c = ir.indicator.cells;
  if (c.row) return c.row - 1;
  for (const a of [c.name, c.target, c.actual, c.level2]) {
    const p = a ? parseA1(a) : null;
    if (p) return p.row;
  }
  return null;
}

/** Where a bound form keeps its notes: the column of its NOTES name, and the rows of its AREA name. */
export function notesPlace(grid: Grid, meta: FormMeta): { col: number; header: number; rows: Rect | null } | null {
  const name = meta.fields[NOTES_FIELD];
  const ref = name ? grid.names[`${meta.prefix}${name}`] : undefined;
  const at = ref ? parseRange(ref) : null;
  if (!at) return null;
  const area = grid.names[`${meta.prefix}AREA`];
  return { col: at.c0, header: at.r0, rows: area ? parseRange(area) : null };
}


/** Several notes for one cell (a multi-project row holds many indicators): one line, the worst mark first. */
export function combineNotes(notes: string[]): string {
  const parts = [...new Set(notes.filter(Boolean))];
  if (parts.length <= 1) return parts[0] ?? "";
  const mark = parts.some((p) => p.startsWith("⚠")) ? "⚠" : "ℹ";
  return `${mark} ${parts.map((p) => p.replace(/^[⚠ℹ]\s*/, "")).join("；")}`;
}

/** The kept notes (KEPT_NOTES) a note cell of ours still holds, marked ℹ: they stay until the officer deletes them. */
function keptIn(current: unknown): string[] {
  return typeof current === "string" ? KEPT_NOTES.filter((k) => current.includes(k)).map((k) => `ℹ ${k}`) : [];
}

/** The note cells to write for every bound form of the sheet: only changed ones, never over a user's cell. */
export function noteWrites(grid: Grid, metas: FormMeta[], evaluations: Evaluation[]): CellWrite[] {
  const wants = new Map<string, { r: number; c: number; notes: string[] }>();
  for (const meta of metas) {
    const place = notesPlace(grid, meta);
    if (!place) continue;
    for (const ev of evaluations) {
      const byId = new Map<string, Finding[]>();
      for (const f of ev.findings) if (f.indicatorId) byId.set(f.indicatorId, [...(byId.get(f.indicatorId) ?? []), f]);
      for (const ir of ev.indicators) {
        const r = rowOf(ir);
        if (r === null || r <= place.header) continue;
        if (place.rows && (r < place.rows.r0 || r > place.rows.r1)) continue;
        const k = `${r},${place.col}`;
        const w = wants.get(k) ?? { r, c: place.col, notes: [] };
        w.notes.push(noteFor(ir, byId));
        wants.set(k, w);
      }
    }
  }
  const out: CellWrite[] = [];
  const at = cellLookup(grid);
  for (const { r, c, notes } of wants.values()) {
    const current = at(r, c)?.value ?? "";
    if (current !== "" && current !== null && !isOurNote(current)) continue; // the user's
    const want = combineNotes([...notes, ...keptIn(current)]);
    if (want !== (current ?? "")) out.push({ r, c, value: want });
  }
  return out;
}

/** Queues writes grouped by column: one range write per column, null where nothing changes. */
export function queueWrites(ws: Excel.Worksheet, writes: CellWrite[]): number {
  const byCol = new Map<number, CellWrite[]>();
  for (const w of writes) byCol.set(w.c, [...(byCol.get(w.c) ?? []), w]);
  let ops = 0;
  for (const [c, list] of byCol) {
    const r0 = Math.min(...list.map((w) => w.r));
    const r1 = Math.max(...list.map((w) => w.r));
    const m: (string | null)[][] = Array.from({ length: r1 - r0 + 1 }, () => [null]);
    for (const w of list) m[w.r - r0][0] = w.value;
    ws.getRangeByIndexes(r0, c, r1 - r0 + 1, 1).values = m;
    ops++;
  }
  return ops;
}
