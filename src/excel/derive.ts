// What live recompute writes: a short note per indicator in the form's notes column ("助手提示"), only in cells
// the add-in owns (empty, or holding one of its own notes), and only when the note changed; and a taller row where
// the officer wrote more than fits (Excel's autofit ignores merged cells, and our rows have set heights).

import type { Evaluation, Finding, IndicatorResult } from "../domain/model";
import { colToLetters, parseA1, parseRange } from "../sheet/address";
import type { Grid, Rect } from "../sheet/grid";
import { cellLookup } from "../sheet/grid";
import { widthsOf, type FormMeta } from "../sheet/meta";
import { MIN_ROW_HEIGHT, textHeight } from "../sheet/render/heights";
import { isOurNote, KEPT_NOTES, NOTES_FIELD } from "./workbook-parts";

export interface CellWrite {
  r: number; // 0-based
  c: number;
  value: string;
  /** Set: this write makes row r this many points high (value unused). */
  height?: number;
}

const REASON_CODES = new Set(["deviation-reason-missing", "over-target-unexplained"]);
const RANK = { error: 0, warning: 1, info: 2 } as const;

/** The note for one indicator: "⚠ …" while a reason is required and missing, "ℹ …" for other problems, else "". */
export function noteFor(ir: IndicatorResult, findings: Finding[] | Map<string, Finding[]>): string {
  const list = findings instanceof Map ? (findings.get(ir.id) ?? []) : findings.filter((f) => f.indicatorId === ir.id);
  const mine = [...list].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  const reason = mine.find((f) => REASON_CODES.has(f.code));
  const entered = ir.indicator.enteredScore;
  // A qualitative row: the sheet leaves its 得分 blank for her, and says which scores its tier allows.
  const ask =
    ir.tier && ir.band && ir.suggested !== undefined && entered === null
      ? `请填写得分：${ir.tier} ${ir.band[0]}–${ir.tier === "达成" ? ir.band[1] : ir.suggested}`
      : "";
  if (ir.needsReason || reason) {
    const why = reason?.message ?? (ir.status === "exceeded" ? "超出目标较多，请在偏差原因中说明。" : "未达到目标，请填写偏差原因。");
    return ask ? `⚠ ${why.replace(/。$/, "")}；${ask}` : `⚠ ${why}`;
  }
  if (ask) return `ℹ ${ask}`;
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
  const out: CellWrite[] = rowHeightWrites(grid, metas, evaluations);
  const at = cellLookup(grid);
  for (const { r, c, notes } of wants.values()) {
    const current = at(r, c)?.value ?? "";
    if (current !== "" && current !== null && !isOurNote(current)) continue; // the user's
    const want = combineNotes([...notes, ...keptIn(current)]);
    if (want !== (current ?? "")) out.push({ r, c, value: want });
  }
  return out;
}

/**
 * The heights the rows of bound forms last needed, by sheet, form and row: a row is made taller when its texts need
 * more than they did (the officer wrote a long reason), never on the first look (the row keeps the height it was
 * written or given), never shorter.
 */
const lastNeed = new Map<string, number>();

/** Row heights for the indicator rows whose wrapped texts outgrew them: estimated from the widths the form was
 *  written with (FormMeta.widths). */
export function rowHeightWrites(grid: Grid, metas: FormMeta[], evaluations: Evaluation[]): CellWrite[] {
  const out: CellWrite[] = [];
  const at = cellLookup(grid);
  const spans = new Map<string, Rect>();
  for (const m of grid.merges) spans.set(`${m.r0},${m.c0}`, m);
  for (const meta of metas) {
    const area = parseRange(grid.names[`${meta.prefix}AREA`] ?? "");
    if (!area) continue;
    // Forms written before the widths were kept, and bureau forms bound by the add-in, have none: their rows keep
    // the heights they were given.
    const widths = widthsOf(meta.widths);
    if (!widths) continue;
    const widthOf = (c: number) => widths[colToLetters(c - area.c0)] ?? 8.43;
    const rows = new Set<number>();
    for (const ev of evaluations) for (const ir of ev.indicators) {
      const r = rowOf(ir);
      if (r !== null && r >= area.r0 && r <= area.r1) rows.add(r);
    }
    for (const r of rows) {
      let need = MIN_ROW_HEIGHT;
      for (let c = area.c0; c <= area.c1; c++) {
        const v = at(r, c)?.value;
        if (typeof v !== "string" || v.length < 8) continue;
        const m = spans.get(`${r},${c}`);
        if (m && m.r1 > m.r0) continue; // a cell over several rows (一级, 二级) grows with them
        let width = 0;
        for (let k = c; k <= (m ? m.c1 : c); k++) width += widthOf(k);
        need = Math.max(need, textHeight(v, width));
      }
      const key = `${grid.sheet}|${meta.prefix}|${r}`;
      const before = lastNeed.get(key);
      lastNeed.set(key, need);
      if (before !== undefined && need > before) out.push({ r, c: area.c0, value: "", height: need });
    }
  }
  return out;
}

/** Queues writes grouped by column: one range write per column, null where nothing changes; row heights by runs of
 *  rows of one height. */
export function queueWrites(ws: Excel.Worksheet, all: CellWrite[]): number {
  const writes = all.filter((w) => w.height === undefined);
  const heights = all.filter((w) => w.height !== undefined).sort((a, b) => a.r - b.r);
  const byCol = new Map<number, CellWrite[]>();
  for (const w of writes) {
    const list = byCol.get(w.c);
    if (list) list.push(w);
    else byCol.set(w.c, [w]);
  }
  let ops = 0;
  for (let i = 0; i < heights.length; ) {
    let j = i;
    while (j + 1 < heights.length && heights[j + 1].r === heights[j].r + 1 && heights[j + 1].height === heights[i].height) j++;
    ws.getRangeByIndexes(heights[i].r, heights[i].c, j - i + 1, 1).format.rowHeight = heights[i].height as number;
    ops++;
    i = j + 1;
  }
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
