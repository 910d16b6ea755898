// Print settings: written on a new sheet of the form's own, never over the user's sheet's page setup, and a host
// whose page setup fails (no printer driver) still gets the whole form.
import { createFakeExcel } from "../../src/fake-excel";
import { buildPlan } from "../../src/sheet/render";
import { insertPlan } from "../../src/excel/insert";

async function withFake<T>(opts: Parameters<typeof createFakeExcel>[0], fn: (fake: ReturnType<typeof createFakeExcel>) => Promise<T>): Promise<T> {
  const fake = createFakeExcel(opts);
  const undo = fake.install();
  try {
    return await fn(fake);
  } finally {
    undo();
  }
}

describe("print settings", () => {
  test("a new sheet gets A4, orientation, print area and title rows", () =>
    withFake({}, async (fake) => {
      const plan = buildPlan("project", {});
      const out = await insertPlan(plan, "new-sheet");
      const layout = fake.snapshot(out.sheet).pageLayout;
      expect(layout.paperSize).toBe("A4");
      expect(layout.orientation).toBe(plan.print.landscape ? "Landscape" : "Portrait");
      expect(layout.printArea).toBe(plan.printArea);
      // a fixed scale (Excel ignores manual breaks under Fit To), the breaks between groups, the header repeated
      const long = buildPlan("project", { rows: 20 });
      const out2 = await insertPlan(long, "new-sheet");
      const l2 = fake.snapshot(out2.sheet).pageLayout;
      expect(l2.zoom).toEqual({ scale: long.print.scale });
      expect(l2.rowBreaks).toEqual(long.print.breaks);
      expect(long.print.breaks.length).toBeGreaterThan(3);
      const [a, b] = long.print.repeatRows!.split(":");
      expect(l2.printTitleRows).toBe(`$${a}:$${b}`);
      expect(l2.leftMargin).toBeCloseTo(0.4 * 72);
      const multi = buildPlan("multi-project", { taxonomy: 2021 });
      const out3 = await insertPlan(multi, "new-sheet");
      const l3 = fake.snapshot(out3.sheet).pageLayout;
      expect(l3.paperSize).toBe("A3");
      // the 2021 table is too wide for one A3 page at 8 pt: 序号, 部门名称 and 项目名称 repeat on the next
      expect(multi.print.repeatColumns).toBe("A:C");
      expect(l3.printTitleColumns).toBe("$A:$C");
    }));

  test("inserting at the selection leaves the user's sheet's page setup alone", () =>
    withFake({}, async (fake) => {
      await fake.select("Sheet1", "C40");
      const out = await insertPlan(buildPlan("project", {}), "selection");
      expect(out.refused).toBeUndefined();
      expect(fake.snapshot("Sheet1").pageLayout).toEqual({});
    }));

  test("when page setup fails the form is still written and bound", () =>
    withFake({ pageSetupFails: true }, async (fake) => {
      const out = await insertPlan(buildPlan("project", {}), "new-sheet");
      const snap = fake.snapshot(out.sheet);
      expect(Object.keys(snap.cells).length).toBeGreaterThan(100);
      expect(Object.keys(fake.snapshotAll().names).some((n) => n.startsWith("JX1_"))).toBe(true);
      expect(snap.pageLayout).toEqual({});
    }));
});

describe("insert at an awkward selection", () => {
  test("a selection too close to the sheet's edge is refused in Chinese, nothing written", () =>
    withFake({}, async (fake) => {
      await fake.select("Sheet1", "XFA1048570");
      const before = fake.snapshotAll();
      const out = await insertPlan(buildPlan("project", {}), "selection");
      expect(out.refused).toBe("not-empty");
      expect(out.message).toMatch(/右侧和下方/);
      expect(fake.snapshotAll()).toEqual(before);
    }));
});

test("an empty but merged area at the selection is refused too", () =>
  withFake({}, async (fake) => {
    fake.merge("Sheet1", "E50:G52");
    await fake.select("Sheet1", "C40");
    const before = fake.snapshotAll();
    const out = await insertPlan(buildPlan("project", {}), "selection");
    expect(out.refused).toBe("not-empty");
    expect(fake.snapshotAll()).toEqual(before);
  }));
