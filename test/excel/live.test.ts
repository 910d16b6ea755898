// Live: a change → debounce → one read → engine → one write of changed notes → the pane. No loops.
import { buildPlan } from "../../src/sheet/render";
import { insertPlan } from "../../src/excel/insert";
import type { SheetState } from "../../src/sheet/host-contract";
import { isOurNote } from "../../src/excel/workbook-parts";
import type { SheetSnapshot } from "../../src/fake-excel";
import { rig, type Rig } from "./helpers";
import { projectForm } from "./forms";

async function liveForm(n: number, legacyEvents = false): Promise<Rig & { sheet: string; state: SheetState; seen: SheetState[] }> {
  const r = rig(undefined, legacyEvents);
  const out = await insertPlan(buildPlan("project", {}, projectForm(n)), "new-sheet");
  const seen: SheetState[] = [];
  r.host.subscribe((s) => seen.push(s));
  const state = await r.host.refresh();
  await r.fake.settle();
  return { ...r, sheet: out.sheet, state, seen };
}

const cellOf = (s: SheetState, i: number, key: "actual" | "target" | "reason" | "score") =>
  s.evaluations[0].indicators[i].indicator.cells[key] as string;
const row = (a1: string) => Number(/\d+/.exec(a1)?.[0]);
const noteAt = (snap: SheetSnapshot, r: number) =>
  Object.entries(snap.cells).find(([a, c]) => row(a) === r && typeof c.value === "string" && /^[⚠ℹ]/.test(c.value))?.[1].value;

describe("live recompute", () => {
  test("sync count per recompute is the same for 10 and 200 indicators, and at most 2", async () => {
    const counts: number[] = [];
    for (const n of [10, 200]) {
      const t = await liveForm(n);
      const rounds = t.host.rounds;
      t.fake.resetSyncCount();
      await t.fake.userEdit(t.sheet, cellOf(t.state, 1, "actual"), "50%");
      await t.fire();
      counts.push(t.fake.syncCount);
      expect(t.host.rounds).toBe(rounds + 1);
      expect(noteAt(t.fake.snapshot(t.sheet), row(cellOf(t.state, 1, "actual")))).toMatch(/^⚠/); // it did write
      t.undo();
    }
    expect(counts[0]).toBe(counts[1]);
    expect(counts[0]).toBeLessThanOrEqual(2);
  });

  test("typing into a user cell never changes another user cell", async () => {
    const t = await liveForm(12);
    const edited = cellOf(t.state, 1, "actual");
    const before = t.fake.snapshot(t.sheet);
    await t.fake.userEdit(t.sheet, edited, "10%");
    await t.fire();
    const after = t.fake.snapshot(t.sheet);
    const changed = Object.keys({ ...before.cells, ...after.cells }).filter(
      (a) => JSON.stringify(before.cells[a]?.value) !== JSON.stringify(after.cells[a]?.value),
    );
    for (const a of changed) {
      const ok = a === edited || !!after.cells[a]?.formula || isOurNote(after.cells[a]?.value) || isOurNote(before.cells[a]?.value);
      expect({ cell: a, ok }).toEqual({ cell: a, ok: true });
    }
    expect(changed).toContain(edited);
    expect(changed.length).toBeGreaterThan(1); // a note (or a formula result) did follow the change
    t.undo();
  });

  test("own writes never start another round (trigger source, events off, guard)", async () => {
    for (const legacy of [false, true]) {
      const t = await liveForm(10, legacy);
      const rounds = t.host.rounds;
      await t.fake.userEdit(t.sheet, cellOf(t.state, 1, "actual"), "20%");
      await t.fire();
      expect(t.host.rounds).toBe(rounds + 1);
      expect(t.scheduled()).toBe(false); // nothing queued by our own note writes
      await t.fire();
      expect(t.host.rounds).toBe(rounds + 1);
      t.undo();
    }
  });

  test("a multi-cell paste (one event, no details) recomputes every pasted row", async () => {
    const t = await liveForm(10);
    const first = cellOf(t.state, 1, "actual");
    const rows = [1, 2, 4].map((i) => row(cellOf(t.state, i, "actual")));
    expect(rows[1]).toBe(rows[0] + 1);
    await t.fake.userEdit(t.sheet, first, [["1%"], ["2%"]]);
    const ev = t.fake.events.filter((e) => e.kind === "changed").pop();
    expect(ev && "details" in ev ? ev.details : undefined).toBeUndefined();
    await t.fire();
    const snap = t.fake.snapshot(t.sheet);
    expect(noteAt(snap, rows[0])).toMatch(/^⚠/);
    expect(noteAt(snap, rows[1])).toMatch(/^⚠/);
    expect(noteAt(snap, rows[2])).toBeUndefined();
    t.undo();
  });

  test("a co-author's change and writing the reason both recompute; the flag clears; the pane hears", async () => {
    const t = await liveForm(10);
    const missed = t.state.evaluations[0].indicators.findIndex((i) => i.needsReason);
    const r = row(cellOf(t.state, missed, "actual"));
    expect(noteAt(t.fake.snapshot(t.sheet), r)).toMatch(/^⚠/);
    await t.fake.userEdit(t.sheet, cellOf(t.state, missed, "reason"), "受疫情影响，下半年补足。");
    await t.fire();
    expect(noteAt(t.fake.snapshot(t.sheet), r)).toBeUndefined();
    const heard = t.seen.length;
    await t.fake.remoteEdit(t.sheet, cellOf(t.state, 2, "actual"), "1%");
    await t.fire();
    expect(noteAt(t.fake.snapshot(t.sheet), row(cellOf(t.state, 2, "actual")))).toMatch(/^⚠/);
    expect(t.seen.length).toBe(heard + 1);
    expect(t.seen[t.seen.length - 1].evaluations[0].indicators[2].needsReason).toBe(true);
    t.undo();
  });

  test("a note cell the user typed over is left alone", async () => {
    const t = await liveForm(10);
    const missed = t.state.evaluations[0].indicators.findIndex((i) => i.needsReason);
    const r = row(cellOf(t.state, missed, "actual"));
    const noteCell = Object.entries(t.fake.snapshot(t.sheet).cells).find(([a, c]) => row(a) === r && isOurNote(c.value))?.[0] as string;
    await t.fake.userEdit(t.sheet, noteCell, "我的备注");
    await t.fire();
    await t.fake.userEdit(t.sheet, cellOf(t.state, missed, "actual"), "5%");
    await t.fire();
    expect(t.fake.cell(t.sheet, noteCell)?.value).toBe("我的备注");
    t.undo();
  });
});
