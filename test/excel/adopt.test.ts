// Adopt: a bureau's own layout (the seeds, built in the fake from values) gets names and meta; every cell that
// held something before holds the same afterwards; new cells only where the sheet was empty, and only cells the
// add-in then owns.
import path from "node:path";
import { readXlsxFile } from "../../src/xlsx/read";
import { META_SHEET } from "../../src/sheet/meta";
import { parseA1, parseRange } from "../../src/sheet/address";
import { isOurNote } from "../../src/excel/workbook-parts";
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
  test.each(SEEDS)("%s: every pre-existing cell is unchanged; new cells only in empty cells the add-in then owns", async (file) => {
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
    expect(before.merges).toEqual(snap.merges);
    const all = t.fake.snapshotAll();
    // Every new cell is one the add-in owns now: in a bound form's notes column, below its header and inside the
    // form's rows, holding the header or one of its notes; or the funds row's 执行率/得分 formula at its named cell.
    // None lies under a merged area (a merge shows only its first cell: writing beneath it would be hidden).
    const added = Object.keys(snap.cells).filter((a) => !(a in before.cells));
    expect(added.length).toBeGreaterThan(0);
    const at = (name: string) => (all.names[name] ? parseRange(all.names[name]) : null);
    const prefixes = Object.keys(all.names).filter((n) => /^JX\d+_AREA$/.test(n)).map((n) => n.replace(/AREA$/, ""));
    for (const a of added) {
      const p = parseA1(a)!;
      const cell = snap.cells[a];
      const owned = prefixes.some((prefix) => {
        const notes = at(`${prefix}NOTES`);
        const area = at(`${prefix}AREA`)!;
        const inNotes = !!notes && p.col === notes.c0 && p.row >= notes.r0 && p.row <= Math.max(notes.r0, area.r1);
        const formula = ["FUNDS_RATE", "FUNDS_SCORE"].some((k) => {
          const r = at(`${prefix}${k}`);
          return !!r && r.r0 === p.row && r.c0 === p.col;
        });
        return (inNotes && isOurNote(cell.value) && !cell.formula) || (formula && !!cell.formula);
      });
      const underMerge = snap.merges.map((m) => parseRange(m)!).some((m) => p.row >= m.r0 && p.row <= m.r1 && p.col >= m.c0 && p.col <= m.c1);
      expect({ a, value: cell.value, owned, underMerge }).toEqual({ a, value: cell.value, owned: true, underMerge: false });
    }
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
