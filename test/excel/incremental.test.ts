// The fast path re-reads only values into the known structure: its evaluation must equal a full read's.
import { buildPlan } from "../../src/sheet/render";
import { insertPlan } from "../../src/excel/insert";
import { queueGridRead } from "../../src/excel/read-grid";
import { canPatch, makeCache, patchForms } from "../../src/sheet/read/incremental";
import { readForms } from "../../src/sheet/read";
import { evaluateForm } from "../../src/domain";
import type { Evaluation } from "../../src/domain/model";
import { parseRange } from "../../src/sheet/address";
import { rig } from "./helpers";
import { projectForm } from "./forms";

async function grid(sheet: string) {
  return Excel.run(async (context) => {
    const read = queueGridRead(context, sheet, true);
    await context.sync();
    return read.finish().grid;
  });
}

const essence = (e: Evaluation) => ({
  indicators: e.indicators.map((i) => [i.id, i.status, i.score, i.needsReason, i.indicator.target, i.indicator.actual, i.indicator.weight, i.indicator.enteredScore, i.indicator.reason]),
  total: e.total,
  findings: e.findings.map((f) => `${f.code}@${f.cell}:${f.message}`).sort(),
});

describe("fast path (values into the known structure)", () => {
  test("patched forms evaluate exactly like a full read after each edit", async () => {
    const t = rig();
    const out = await insertPlan(buildPlan("project", {}, projectForm(30)), "new-sheet");
    const first = readForms(await grid(out.sheet));
    const inds = first[0].indicators;
    const c = (i: number, k: "target" | "actual" | "reason" | "score" | "weight") => inds[i].cells[k] as string;
    const edits: [string, string | number | (string | number)[][]][] = [
      [c(0, "actual"), "50%"],
      [c(1, "target"), "≤10%"],
      [c(2, "reason"), "原因：经费压减"],
      [c(3, "score"), 0.3],
      [c(4, "weight"), 7],
      [c(5, "actual"), [["1%"], ["99%"], ["abc"]]],
      [c(0, "actual"), ""],
    ];
    const cache = makeCache(out.sheet, first);
    expect(cache).not.toBeNull();
    for (const [a, v] of edits) {
      await t.fake.userEdit(out.sheet, a, v);
      const g = await grid(out.sheet);
      const rect = parseRange(a)!;
      const rects = [Array.isArray(v) ? { ...rect, r1: rect.r0 + v.length - 1 } : rect];
      expect(canPatch(cache!, rects)).toBe(true);
      const patched = patchForms(g, cache!);
      expect(patched).not.toBeNull();
      const full = readForms(g);
      expect(patched!.map((f) => essence(evaluateForm(f)))).toEqual(full.map((f) => essence(evaluateForm(f))));
    }
    t.undo();
  });

  test("the host takes the fast path for value edits and the full read for anything else", async () => {
    const t = rig();
    const out = await insertPlan(buildPlan("project", {}, projectForm(20)), "new-sheet");
    t.host.subscribe(() => undefined);
    const s = await t.host.refresh();
    await t.fake.settle();
    const actual = s.evaluations[0].indicators[1].indicator.cells.actual as string;
    await t.fake.userEdit(out.sheet, actual, "10%");
    await t.fire();
    expect(t.host.patchedRounds).toBe(1);
    await t.fake.userEdit(out.sheet, "A1", "另一个标题");
    await t.fire();
    expect(t.host.patchedRounds).toBe(1);
    t.undo();
  });
});
