/// <reference types="office-js" />
// bench recompute-200: engine work per live recompute of a 200-indicator form (read the grid into forms,
// evaluate, work out the changed notes), in memory. Goal < 5 ms.
// bench syncs-insert / syncs-recompute: context.sync() calls for an insert and for one recompute, on the fake.
import { createFakeExcel } from "../src/fake-excel";
import { createExcelHost } from "../src/excel/host";
import { insertPlan } from "../src/excel/insert";
import { queueGridRead } from "../src/excel/read-grid";
import { analyse } from "../src/excel/recompute";
import { noteWrites } from "../src/excel/derive";
import { metasOf } from "../src/sheet/read/ours";
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
  const once = (g: Grid): number => {
    const { state: s } = analyse(g, "national");
    return noteWrites(g, metasOf(g.meta), s.evaluations).length;
  };
  for (let i = 0; i < 20; i++) once(grid); // warm up
  const runs = 200;
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) once(grid);
  const ms = (performance.now() - t0) / runs;
  if (process.env.BENCH_PARTS) {
    const { readForms } = await import("../src/sheet/read");
    const { evaluateForm } = await import("../src/domain");
    let t = performance.now();
    for (let i = 0; i < 50; i++) readForms(grid);
    console.log("readForms", ((performance.now() - t) / 50).toFixed(2));
    const forms = readForms(grid);
    t = performance.now();
    for (let i = 0; i < 50; i++) evaluateForm(forms[0]);
    console.log("evaluate", ((performance.now() - t) / 50).toFixed(2));
    const evs = forms.map((f) => evaluateForm(f));
    t = performance.now();
    for (let i = 0; i < 50; i++) noteWrites(grid, metasOf(grid.meta), evs);
    console.log("notes", ((performance.now() - t) / 50).toFixed(2));
  }

  const actual = state.evaluations[0].indicators[1].indicator.cells.actual as string;
  fake.resetSyncCount();
  await fake.userEdit(out.sheet, actual, "50%");
  const fire = pending as (() => void) | null;
  pending = null;
  fire?.();
  await host.idle();
  const syncsRecompute = fake.syncCount;

  console.log(`bench recompute-200: ${ms.toFixed(2)} ms`);
  console.log(`bench syncs-insert: ${syncsInsert}`);
  console.log(`bench syncs-recompute: ${syncsRecompute}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
