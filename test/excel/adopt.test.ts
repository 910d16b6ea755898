// Adopt: a bureau's own layout (the seeds, built in the fake from values) gets names and meta; every cell that
// held something before holds the same afterwards; new cells only where the sheet was empty.
import path from "node:path";
import { readXlsxFile } from "../../src/xlsx/read";
import { META_SHEET } from "../../src/sheet/meta";
import { loadGrid, rig } from "./helpers";

const FIX = path.join(__dirname, "..", "fixtures", "xlsx");
const SEEDS = [
  "seed000-department-goals.xlsx",
  "seed001-department.xlsx",
  "seed002-multi-project.xlsx",
  "seed003-report.xlsx",
  "seed004-targets.xlsx",
];

async function seedRig(file: string) {
  const grids = await readXlsxFile(path.join(FIX, file));
  const grid = grids.find((g) => g.cells.some((c) => c.value !== null && c.value !== "")) ?? grids[0];
  const r = rig();
  loadGrid(r.fake, grid, "自评表");
  await r.fake.select("自评表", "A1");
  return r;
}

describe("adopt", () => {
  test.each(SEEDS)("%s: every pre-existing cell is unchanged; new cells only in empty ones", async (file) => {
    const t = await seedRig(file);
    const before = t.fake.snapshot("自评表");
    const state = await t.host.refresh();
    expect(state.adoptable).toBe(true);
    expect(state.bound).toBe(false);
    const after = await t.host.adopt();
    expect(after.bound).toBe(true);
    const snap = t.fake.snapshot("自评表");
    for (const [a, cell] of Object.entries(before.cells)) {
      expect({ a, value: snap.cells[a]?.value, formula: snap.cells[a]?.formula }).toEqual({ a, value: cell.value, formula: cell.formula });
    }
    const added = Object.keys(snap.cells).filter((a) => !(a in before.cells));
    for (const a of added) expect(before.cells[a]).toBeUndefined();
    expect(before.merges).toEqual(snap.merges);
    const all = t.fake.snapshotAll();
    expect(Object.keys(all.names).some((n) => n.startsWith("JX1_"))).toBe(true);
    expect(t.fake.snapshot(META_SHEET).cells.A1.value).toBe("自评表");
    // a second adopt changes nothing
    const again = JSON.stringify(t.fake.snapshotAll());
    await t.host.adopt();
    expect(JSON.stringify(t.fake.snapshotAll())).toBe(again);
    t.undo();
  });

  test("seed 001: missed targets get a note and a native flag; writing the reason clears the note", async () => {
    const t = await seedRig("seed001-department.xlsx");
    await t.host.adopt();
    t.host.subscribe(() => undefined);
    await t.fake.settle();
    const state = await t.host.refresh();
    const ev = state.evaluations[0];
    const missed = ev.indicators.find((i) => i.needsReason);
    expect(missed).toBeDefined();
    const r = missed!.indicator.cells.row as number;
    const snap = t.fake.snapshot("自评表");
    const note = Object.entries(snap.cells).find(([a, c]) => Number(/\d+/.exec(a)?.[0]) === r && /^⚠/.test(String(c.value)));
    expect(note).toBeDefined();
    expect(snap.conditionalFormats.some((c) => c.formula.includes('"⚠"'))).toBe(true);
    const reasonCell = missed!.indicator.cells.reason ?? state.evaluations[0].form.sharedReason?.cell;
    expect(reasonCell).toBeDefined();
    await t.fake.userEdit("自评表", reasonCell!, `${missed!.indicator.name}：因预算调整未完成，明年补足。`);
    await t.fire();
    const now = await t.host.refresh();
    const same = now.evaluations[0].indicators.find((i) => i.id === missed!.id);
    expect(same?.needsReason).toBe(false);
    t.undo();
  });
});
