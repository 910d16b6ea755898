/// <reference types="office-js" />
// bench recompute-200: engine work per live recompute of a 200-indicator form after a value edit (re-read the
// values into the known forms, evaluate, work out the changed notes), in memory. Goal < 5 ms.
// bench recompute-200-full-read: the same when the layout must be detected again (label edits, new rows).
// bench syncs-insert / syncs-recompute: context.sync() calls for an insert and for one recompute, on the fake.
import { createFakeExcel } from "../src/fake-excel";
import { createExcelHost } from "../src/excel/host";
import { insertPlan } from "../src/excel/insert";
import { queueGridRead } from "../src/excel/read-grid";
import { analyse } from "../src/excel/recompute";
import { noteWrites } from "../src/excel/derive";
import { metasOf } from "../src/sheet/read/ours";
import { readForms } from "../src/sheet/read";
import { makeCache, patchForms } from "../src/sheet/read/incremental";
import { buildPlan } from "../src/sheet/render";
import type { Grid } from "../src/sheet/grid";
import { projectForm } from "../test/excel/forms";

async function main(): Promise<void> {
  const fake = createFakeExcel();
  fake.install();
  let pending: (() => void) | null = null;
  const host = createExcelHost({ timers: { set: (fn) => (pending = fn), clear: () => (pending = null) } });

  fake.resetSyncCount();
  const out = await insertPlan(buildPlan("project", {}, projectForm(200)), "new-sheet");
  const syncsInsert = fake.syncCount;

  const state = await host.refresh();
  if (state.evaluations[0]?.indicators.length !== 200) throw new Error("the form does not have 200 indicators");
  host.subscribe(() => undefined);
  await fake.settle();

  const grid = await Excel.run(async (context) => {
    const read = queueGridRead(context, out.sheet, true);
    await context.sync();
    return read.finish().grid;
  });
  // The live path: an edit of indicator values re-reads values into the known structure (incremental.ts);
  // the full path (labels edited, rows added, other layouts) detects the layout again.
  const cache = makeCache(out.sheet, readForms(grid));
  if (!cache) throw new Error("the inserted form is not cacheable");
  const live = (g: Grid): number => {
    const forms = patchForms(g, cache);
    if (!forms) throw new Error("fast path refused");
    const { state: s } = analyse(g, "national", forms);
    return noteWrites(g, metasOf(g.meta), s.evaluations).length;
  };
  const full = (g: Grid): number => {
    const { state: s } = analyse(g, "national");
    return noteWrites(g, metasOf(g.meta), s.evaluations).length;
  };
  const time = (f: (g: Grid) => number, runs: number): number => {
    for (let i = 0; i < 20; i++) f(grid); // warm up
    const t0 = performance.now();
    for (let i = 0; i < runs; i++) f(grid);
    return (performance.now() - t0) / runs;
  };
  const ms = time(live, 500);
  const msFull = time(full, 100);

  const actual = state.evaluations[0].indicators[1].indicator.cells.actual as string;
  fake.resetSyncCount();
  await fake.userEdit(out.sheet, actual, "50%");
  const fire = pending as (() => void) | null;
  pending = null;
  fire?.();
  await host.idle();
  const syncsRecompute = fake.syncCount;

  console.log(`bench recompute-200: ${ms.toFixed(2)} ms`);
  console.log(`bench recompute-200-full-read: ${msFull.toFixed(2)} ms`);
  console.log(`bench syncs-insert: ${syncsInsert}`);
  console.log(`bench syncs-recompute: ${syncsRecompute}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
