// The host's read and write steps and its workbook facts on their own, against the fake; then what the whole host
// does when a step of the live loop fails: the officer is told (Chinese, with what to do), the error is logged,
// and the loop goes on.
import { buildPlan } from "../../src/sheet/render";
import { insertPlan } from "../../src/excel/insert";
import { readSheet, writeNotes } from "../../src/excel/recompute";
import { WorkbookFacts, PROFILE_SETTING } from "../../src/excel/host-workbook";
import { liveError, reasonOf } from "../../src/excel/host-errors";
import { ErrorCodes, FakeOfficeError, createFakeExcel } from "../../src/fake-excel";
import { META_SHEET } from "../../src/sheet/meta";
import type { LiveError, SheetState } from "../../src/sheet/host-contract";
import { rig } from "./helpers";
import { projectForm } from "./forms";

describe("read and write steps", () => {
  test("readSheet reads a sheet in one sync; writeNotes writes in one sync with events off and marks its cells", async () => {
    const fake = createFakeExcel({ sheets: ["表"] });
    const undo = fake.install();
    try {
      fake.setCells("表", "A1", [["标题"], [42]]);
      fake.resetSyncCount();
      const read = await Excel.run((context) => readSheet(context, "表", false));
      expect(fake.syncCount).toBe(1);
      expect(read.grid.sheet).toBe("表");
      expect(read.grid.cells.find((c) => c.row === 1 && c.col === 0)?.value).toBe(42);

      const marks: string[] = [];
      const watch = {
        begin: (id: string, w: { r: number; c: number }[]) => marks.push(`begin ${id} ${w.length}`),
        end: () => marks.push("end"),
      };
      fake.resetSyncCount();
      const events = fake.events.length;
      await Excel.run((context) => writeNotes(context, read.sheetId, [{ r: 1, c: 1, value: "⚠ 请填写" }], watch));
      expect(fake.syncCount).toBe(1);
      expect(fake.cell("表", "B2")?.value).toBe("⚠ 请填写");
      expect(fake.events.length).toBe(events);
      expect(marks).toEqual([`begin ${read.sheetId} 1`, "end"]);

      // nothing to write: no sync of its own, no mark
      const syncs = await Excel.run(async (context) => {
        const before = fake.syncCount;
        await writeNotes(context, read.sheetId, [], watch);
        return fake.syncCount - before;
      });
      expect(syncs).toBe(0);
      expect(marks).toHaveLength(2);
    } finally {
      undo();
    }
  });

  test("a write that fails still ends its mark, so later events are not taken for ours", async () => {
    const fake = createFakeExcel({ sheets: ["表"], payloadLimit: 50 });
    const undo = fake.install();
    try {
      const marks: string[] = [];
      const watch = { begin: () => marks.push("begin"), end: () => marks.push("end") };
      const id = fake.book.sheets[0].id;
      await expect(
        Excel.run((context) => writeNotes(context, id, [{ r: 0, c: 0, value: "⚠ ".padEnd(200, "长") }], watch)),
      ).rejects.toMatchObject({
        code: ErrorCodes.requestPayloadSizeLimitExceeded,
      });
      expect(marks).toEqual(["begin", "end"]);
    } finally {
      undo();
    }
  });
});

describe("WorkbookFacts", () => {
  test("loads the profile and JX_META once; recheck sees JX_META and the sheet go", async () => {
    const fake = createFakeExcel({ sheets: ["表", META_SHEET] });
    const undo = fake.install();
    try {
      fake.book.settings.set(PROFILE_SETTING, "provincial-80");
      const facts = new WorkbookFacts();
      expect(facts.hasMeta).toBe(false);
      fake.resetSyncCount();
      await Promise.all([facts.load(), facts.load()]);
      await facts.load();
      expect(fake.syncCount).toBe(1);
      expect(facts.profile).toBe("provincial-80");
      expect(facts.hasMeta).toBe(true);
      const id = fake.book.sheets[0].id;
      await Excel.run(async (context) => {
        context.workbook.worksheets.getItem(META_SHEET).delete();
        await context.sync();
      });
      expect(await facts.recheck(id)).toEqual({ sheetExists: true });
      expect(facts.hasMeta).toBe(false);
      await Excel.run(async (context) => {
        context.workbook.worksheets.getItem("表").delete();
        await context.sync();
      });
      expect(await facts.recheck(id)).toEqual({ sheetExists: false });
    } finally {
      undo();
    }
  });

  test("an unknown profile in the setting falls back to the national one", async () => {
    const fake = createFakeExcel();
    const undo = fake.install();
    try {
      fake.book.settings.set(PROFILE_SETTING, "no-such-profile");
      const facts = new WorkbookFacts();
      await facts.load();
      expect(facts.profile).toBe("national");
    } finally {
      undo();
    }
  });
});

describe("what the officer is told", () => {
  test("each Office failure is named in Chinese with what to do", () => {
    const office = (code: string) => new FakeOfficeError(code, "english text from Office");
    expect(liveError("recompute", office(ErrorCodes.responsePayloadSizeLimitExceeded)).message).toBe(
      "自动计算没有完成：工作表的内容超出了 Excel 一次读写的上限。请检查工作表后再试，或点击“检查本表”。",
    );
    expect(liveError("recompute", office("InvalidOperationInCellEditMode")).message).toBe(
      "自动计算没有完成：Excel 正在编辑单元格。请先结束单元格编辑（按 Enter 或 Esc），再点击“检查本表”。",
    );
    expect(liveError("listen", office(ErrorCodes.generalException)).message).toBe(
      "无法跟随工作表的修改自动计算：Excel 报告了错误（GeneralException）。修改后请点击“检查本表”；关闭并重新打开任务窗格可再次开启自动计算。",
    );
    expect(reasonOf(new TypeError("x is undefined")).zh).toBe("加载项内部错误（x is undefined）");
    expect(reasonOf(office(ErrorCodes.itemNotFound)).zh).toMatch(/找不到/);
    for (const stage of ["recompute", "listen"] as const)
      for (const e of [office(ErrorCodes.itemNotFound), office("AccessDenied"), new Error("boom"), "a string"]) {
        const m = liveError(stage, e);
        expect(m.message).toMatch(/^\p{Script=Han}/u); // starts in Chinese
        expect(m.message).toMatch(/请/); // says what to do
        expect(m.messageEn).toMatch(/^[A-Z]/);
      }
  });
});

describe("failures of the live loop", () => {
  async function live() {
    const t = rig();
    const out = await insertPlan(buildPlan("project", {}, projectForm(10)), "new-sheet");
    const states: SheetState[] = [];
    const errors: LiveError[] = [];
    t.host.subscribe(
      (s) => states.push(s),
      (e) => errors.push(e),
    );
    const state = await t.host.refresh();
    await t.fake.settle();
    const log = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const actual = (i: number) => state.evaluations[0].indicators[i].indicator.cells.actual as string;
    return { ...t, sheet: out.sheet, states, errors, log, actual };
  }

  afterEach(() => jest.restoreAllMocks());

  test("a recompute that fails is shown and logged with the original error; the next change recomputes again", async () => {
    const t = await live();
    try {
      const heard = t.states.length;
      t.fake.book.payloadLimit = 2000; // the sheet no longer fits in one read
      await t.fake.userEdit(t.sheet, t.actual(1), "10%");
      await t.fire();
      expect(t.errors).toEqual([
        {
          message: "自动计算没有完成：工作表的内容超出了 Excel 一次读写的上限。请检查工作表后再试，或点击“检查本表”。",
          messageEn: expect.stringMatching(/^The automatic recalculation did not finish: the sheet holds more/),
        },
      ]);
      expect(t.log).toHaveBeenCalledTimes(1);
      expect(t.log.mock.calls[0][1]).toMatchObject({ code: ErrorCodes.responsePayloadSizeLimitExceeded });
      expect(t.states.length).toBe(heard);

      t.fake.book.payloadLimit = null;
      await t.fake.userEdit(t.sheet, t.actual(2), "1%");
      await t.fire();
      expect(t.errors).toHaveLength(1);
      expect(t.states.length).toBe(heard + 1);
      expect(t.states[t.states.length - 1].evaluations[0].indicators[2].needsReason).toBe(true);
    } finally {
      t.undo();
    }
  });

  test("the recompute after an insert reports its failure too (it used to be dropped)", async () => {
    const t = await live();
    try {
      const run = t.fake.Excel.run;
      let calls = 0;
      // the insert's own Excel.run succeeds; the recompute that follows it fails
      (t.fake.Excel as { run: unknown }).run = (...args: unknown[]) =>
        ++calls <= 1
          ? (run as (...a: unknown[]) => unknown)(...args)
          : Promise.reject(new FakeOfficeError(ErrorCodes.generalException, "read refused"));
      const out = await t.host.insert("department", {}, "new-sheet");
      expect(out.refused).toBeUndefined();
      await t.host.idle();
      (t.fake.Excel as { run: unknown }).run = run;
      expect(t.errors.map((e) => e.message)).toEqual([
        "自动计算没有完成：Excel 报告了错误（GeneralException）。请检查工作表后再试，或点击“检查本表”。",
      ]);
      expect((t.log.mock.calls[0][1] as Error).message).toBe("read refused");
    } finally {
      t.undo();
    }
  });

  test("when listening for changes fails, the pane is told that changes are not followed", async () => {
    const t = rig();
    const run = t.fake.Excel.run;
    const log = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      (t.fake.Excel as { run: unknown }).run = () =>
        Promise.reject(new FakeOfficeError(ErrorCodes.generalException, "events unavailable"));
      const errors: LiveError[] = [];
      t.host.subscribe(
        () => undefined,
        (e) => errors.push(e),
      );
      await new Promise((r) => setTimeout(r, 0));
      expect(errors.map((e) => e.message)).toEqual([
        expect.stringMatching(
          /^无法跟随工作表的修改自动计算：Excel 报告了错误（GeneralException）。修改后请点击“检查本表”/,
        ),
      ]);
      expect((log.mock.calls[0][1] as Error).message).toBe("events unavailable");
    } finally {
      (t.fake.Excel as { run: unknown }).run = run;
      t.undo();
    }
  });

  test("a sheet deleted between a change and its round is no failure: nothing is reported", async () => {
    const t = await live();
    try {
      const rounds = t.host.rounds;
      await t.fake.userEdit(t.sheet, t.actual(1), "10%");
      await Excel.run(async (context) => {
        context.workbook.worksheets.getItem(t.sheet).delete();
        await context.sync();
      });
      await t.fire();
      expect(t.host.rounds).toBe(rounds + 1);
      expect(t.errors).toEqual([]);
      expect(t.log).not.toHaveBeenCalled();
    } finally {
      t.undo();
    }
  });

  test("an error after the pane unsubscribed is still logged", async () => {
    const t = rig();
    const log = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const out = await insertPlan(buildPlan("project", {}, projectForm(4)), "new-sheet");
      const errors: LiveError[] = [];
      const off = t.host.subscribe(
        () => undefined,
        (e) => errors.push(e),
      );
      await t.host.refresh();
      await t.fake.settle();
      t.fake.book.payloadLimit = 500;
      await t.fake.userEdit(out.sheet, "A1", "新标题");
      off();
      await t.fire();
      expect(errors).toEqual([]);
      expect(log).toHaveBeenCalledTimes(1);
    } finally {
      t.undo();
    }
  });
});
