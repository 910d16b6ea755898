// One recompute of one sheet: ONE sync to read (readSheet), the engine in memory (analyse), ONE sync to write the
// notes that changed, events off (writeNotes). Also the adopt job, which has the same read-then-write shape.

import { evaluateForm, getProfile } from "../domain";
import type { Evaluation, Form } from "../domain/model";
import { readForms } from "../sheet/read";
import { metasOf } from "../sheet/read/ours";
import type { Grid, Rect } from "../sheet/grid";
import { canPatch, type FormCache, patchForms } from "../sheet/read/incremental";
import type { SheetState } from "../sheet/host-contract";
import { type GridRead, nextFormNumber, queueGridRead } from "./read-grid";
import { noteWrites, queueWrites, type CellWrite } from "./derive";
import { planAdopt, queueAdopt } from "./adopt";
import { queueMetaRow } from "./workbook-parts";

export type SheetRead = ReturnType<GridRead["finish"]>;

export interface Analysis {
  state: SheetState;
  forms: Form[];
  sheetId: string;
  activeId: string;
}

export function analyse(grid: Grid, profile: string, known?: Form[] | null): { state: SheetState; forms: Form[] } {
  const forms = known ?? readForms(grid);
  const p = getProfile(profile);
  const evaluations: Evaluation[] = forms.map((f) => evaluateForm(f, p));
  const bound = forms.some((f) => !!f.template);
  const useful = forms.filter((f) => f.indicators.length > 0 || f.funds !== null);
  const state: SheetState = { sheet: grid.sheet, evaluations, adoptable: !bound && useful.length > 0, bound };
  if (!useful.length && !bound) {
    const issue = forms.flatMap((f) => f.readIssues)[0];
    state.problem = issue?.message ?? "本表未找到绩效自评表（未识别到指标表或资金表）。";
  }
  return { state, forms };
}

export interface RecomputeResult extends Analysis {
  writes: CellWrite[];
  /** True when the forms were re-read from the cache's structure (the fast path), not detected again. */
  patched: boolean;
}

/** What changed since the last round, for the fast path: the cached forms and the changed rectangles. */
export interface Reuse {
  cache: FormCache;
  changed: Rect[];
}

/** The add-in's own writes, marked so that the events they cause are known as ours (host-events OwnWrites). */
export interface WriteMarks {
  begin(sheetId: string, writes: CellWrite[]): void;
  end(): void;
}

/** Reads `which` (id or name; the active sheet when omitted) into a Grid: ONE sync. */
export async function readSheet(context: Excel.RequestContext, which: string | undefined, hasMeta: boolean): Promise<SheetRead> {
  const read = queueGridRead(context, which, hasMeta);
  await context.sync();
  return read.finish();
}

/** Writes the notes that changed: ONE sync, with events off, and marked as the add-in's own meanwhile. */
export async function writeNotes(context: Excel.RequestContext, sheetId: string, writes: CellWrite[], marks: WriteMarks): Promise<void> {
  if (!writes.length) return;
  const ws = context.workbook.worksheets.getItem(sheetId);
  marks.begin(sheetId, writes);
  context.runtime.enableEvents = false;
  queueWrites(ws, writes);
  context.runtime.enableEvents = true;
  try {
    await context.sync();
  } finally {
    marks.end();
  }
}

/** Reads `which` (id or name; active sheet when omitted), evaluates, writes changed notes. ≤ 2 syncs. */
export async function recompute(
  which: string | undefined,
  hasMeta: boolean,
  profile: string,
  marks: WriteMarks,
  reuse?: Reuse | null,
): Promise<RecomputeResult> {
  return Excel.run(async (context) => {
    const { grid, sheetId, activeId } = await readSheet(context, which, hasMeta);
    const usable = reuse && reuse.cache.sheetId === sheetId && canPatch(reuse.cache, reuse.changed);
    const known = usable ? patchForms(grid, reuse.cache) : null;
    const { state, forms } = analyse(grid, profile, known);
    const writes = state.bound ? noteWrites(grid, metasOf(grid.meta), state.evaluations) : [];
    await writeNotes(context, sheetId, writes, marks);
    return { state, forms, sheetId, activeId, writes, patched: known !== null };
  });
}

/** Binds every form the reader finds on the active sheet that is not bound yet. ≤ 2 syncs. */
export async function adoptActive(hasMeta: boolean, profile: string): Promise<{ adopted: number }> {
  return Excel.run(async (context) => {
    const { grid, names, metaRows } = await readSheet(context, undefined, hasMeta);
    const { state, forms } = analyse(grid, profile);
    if (state.bound || !state.adoptable) return { adopted: 0 };
    const useful = forms.filter((f) => f.indicators.length > 0 || f.funds !== null);
    const multi = useful.filter((f) => f.kind === "multi-project");
    const groups: Form[][] = [...useful.filter((f) => f.kind !== "multi-project").map((f) => [f]), ...(multi.length ? [multi] : [])];
    let k = nextFormNumber(names, metaRows);
    const ws = context.workbook.worksheets.getItem(grid.sheet);
    // No suspendApiCalculationUntilNextSync here: adoption writes a handful of cells, and its formulas must be
    // calculated when the next read comes (after a suspended batch Excel leaves recalculation to the add-in).
    context.runtime.enableEvents = false;
    let metaExists = hasMeta || metaRows.length > 0;
    for (const group of groups) {
      const evs = group.map((f) => state.evaluations[forms.indexOf(f)]);
      const plan = planAdopt(grid, group, evs, k);
      queueAdopt(context, ws, plan);
      queueMetaRow(context, metaExists, k, grid.sheet, plan.meta);
      metaExists = true;
      k++;
    }
    context.runtime.enableEvents = true;
    await context.sync();
    return { adopted: groups.length };
  });
}
