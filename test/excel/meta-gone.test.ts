// The very hidden JX_META sheet can disappear while the pane is open (a co-author, undo, a macro). The next
// recompute must not fail for ever because the host still believes it exists.
import { rig } from "./helpers";
import { META_SHEET } from "../../src/sheet/meta";

test("after JX_META is deleted the next refresh still reads the sheet", async () => {
  const { fake, host, undo } = rig();
  try {
    const out = await host.insert("project", {}, "new-sheet");
    await host.idle();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem(META_SHEET).delete();
      await context.sync();
    });
    expect(fake.snapshotAll().sheets.map((s) => s.name)).not.toContain(META_SHEET);
    const state = await host.refresh();
    expect(state.sheet).toBe(out.sheet);
  } finally {
    undo();
  }
});

test("a form stays bound after its sheet is renamed (names follow the sheet, the meta row keeps the old name)", async () => {
  const { fake, host, undo } = rig();
  try {
    const out = await host.insert("project", {}, "new-sheet");
    await host.idle();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem(out.sheet).name = "我的自评表";
      await context.sync();
    });
    expect(fake.snapshot(META_SHEET).cells.A1.value).toBe(out.sheet);
    const state = await host.refresh();
    expect(state.sheet).toBe("我的自评表");
    expect(state.bound).toBe(true);
    expect(state.adoptable).toBe(false);
  } finally {
    undo();
  }
});
