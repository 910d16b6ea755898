// Excel's own limits the fake enforces, and that the add-in stays inside: the ~5 MB request/response payload of
// Excel on the web, for the biggest forms the pane can make (rows = 20 per 二级指标).
import { createFakeExcel, ErrorCodes } from "../../src/fake-excel";
import { rig } from "./helpers";
import type { FormKind } from "../../src/domain/model";
import { HELPER_COLUMN } from "../../src/sheet/meta";
import { formatA1, lettersToCol } from "../../src/sheet/address";

describe("payload limit (Excel on the web)", () => {
  test("the fake refuses a request over the limit and applies none of it", async () => {
    const fake = createFakeExcel({ payloadLimit: 1000 });
    const undo = fake.install();
    try {
      await expect(
        Excel.run(async (context) => {
          const ws = context.workbook.worksheets.getItem("Sheet1");
          ws.getRange("A1:A100").values = Array.from({ length: 100 }, () => ["一二三四五六七八九十"]);
          await context.sync();
        }),
      ).rejects.toMatchObject({ code: ErrorCodes.requestPayloadSizeLimitExceeded });
      expect(fake.snapshot("Sheet1").cells.A1).toBeUndefined();
    } finally {
      undo();
    }
  });

  test("the fake refuses a response over the limit", async () => {
    const fake = createFakeExcel({ payloadLimit: 1000 });
    const undo = fake.install();
    try {
      fake.setCells("Sheet1", "A1", Array.from({ length: 100 }, () => ["一二三四五六七八九十"]));
      await expect(
        Excel.run(async (context) => {
          const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1:A100").load("values");
          await context.sync();
          return r.values;
        }),
      ).rejects.toMatchObject({ code: ErrorCodes.responsePayloadSizeLimitExceeded });
    } finally {
      undo();
    }
  });

  const kinds: FormKind[] = ["project", "department", "department-goals", "multi-project", "report", "targets"];
  // Excel on the web refuses 5 MB; we keep every sync of the largest forms under 1.5 MB, so growth shows long before.
  test.each(kinds)("the largest %s form inserts and reads back within 1.5 MB per sync", async (kind) => {
    const { fake, host, undo } = rig();
    try {
      const out = await host.insert(kind, { rows: 20 }, "new-sheet");
      expect(out.refused).toBeUndefined();
      const state = await host.refresh();
      expect(state.sheet).toBe(out.sheet); // the read sync went through
      const { request, response } = fake.maxPayload;
      expect(request).toBeGreaterThan(10_000); // the accounting sees the form's cells
      expect(Math.max(request, response)).toBeLessThanOrEqual(1_500_000);
    } finally {
      undo();
    }
  });
});

describe("what a recompute reads (issue #13: only the columns it needs)", () => {
  // The helper band starts HELPER_COLUMN columns right of the form; a recompute's read stops before it. A big text put
  // into the band must not grow the read's response; the same text left of the band must (the measure can see it).
  test.each([
    { where: "in the helper band", col: HELPER_COLUMN + 5, grows: false },
    { where: "left of the helper band", col: HELPER_COLUMN - 5, grows: true },
  ])("a 200 KB text $where: the recompute's response grows: $grows", async ({ col, grows }) => {
    const { fake, host, undo } = rig();
    try {
      const out = await host.insert("department-goals", { rows: 20 }, "new-sheet");
      const sheet = out.sheet!;
      const helpers = Object.entries(fake.snapshot(sheet).cells).filter(([a, c]) => lettersToCol(a.replace(/\d+$/, "")) >= HELPER_COLUMN && c.formula);
      expect(helpers.length).toBeGreaterThan(1000); // the band holds the helper formulas
      const responseOfRefresh = async (): Promise<number> => {
        fake.book.maxPayload = { request: 0, response: 0 };
        const state = await host.refresh();
        expect(state.sheet).toBe(sheet);
        return fake.book.maxPayload.response;
      };
      const before = await responseOfRefresh();
      // the helper formulas alone weigh more than the whole read
      expect(helpers.reduce((n, [, c]) => n + JSON.stringify(c.formula).length, 0)).toBeGreaterThan(before);
      fake.setCells(sheet, formatA1(10, col), [["长".repeat(70_000)]]);
      const after = await responseOfRefresh();
      expect([after - before > 200_000, after - before < 1_000]).toEqual([grows, !grows]);
    } finally {
      undo();
    }
  });
});

describe("rules Excel checks when a batch runs", () => {
  test.each([
    ["a list source naming no defined name", (ws: Excel.Worksheet) => (ws.getRange("B3").dataValidation.rule = { list: { inCellDropDown: true, source: "=JX_NO_SUCH_LIST" } })],
    ["an input message over 255 characters", (ws: Excel.Worksheet) => (ws.getRange("B3").dataValidation.prompt = { showPrompt: true, message: "长".repeat(256), title: "" })],
    ["a conditional format type Excel does not have", (ws: Excel.Worksheet) => ws.getRange("B3").conditionalFormats.add("Formula" as Excel.ConditionalFormatType)],
    ["a rule formula without its =", (ws: Excel.Worksheet) => (ws.getRange("B3").conditionalFormats.add("Custom").custom.rule.formula = "LEN(B3)=0")],
  ])("the fake rejects %s", async (_what, act) => {
    const fake = createFakeExcel();
    const undo = fake.install();
    try {
      await expect(
        Excel.run(async (context) => {
          act(context.workbook.worksheets.getItem("Sheet1"));
          await context.sync();
        }),
      ).rejects.toMatchObject({ code: ErrorCodes.invalidArgument });
    } finally {
      undo();
    }
  });
});

describe("what the fake counts as a request", () => {
  test("every queued action's arguments count, formats, merges, names, validations and conditional formats included", async () => {
    const sizes: Record<string, number> = {};
    for (const [what, act] of [
      ["nothing", () => undefined],
      ["a format", (ws: Excel.Worksheet) => (ws.getRange("B3:C4").format.fill.color = "#FFC7CE")],
      ["a merge", (ws: Excel.Worksheet) => ws.getRange("B3:C4").merge(false)],
      ["a name", (ws: Excel.Worksheet, ctx: Excel.RequestContext) => ctx.workbook.names.add("JX_TEST_NAME", ws.getRange("B3"))],
      ["a validation", (ws: Excel.Worksheet) => (ws.getRange("B3").dataValidation.prompt = { showPrompt: true, message: "提示".repeat(50), title: "" })],
      ["a conditional format", (ws: Excel.Worksheet) => (ws.getRange("B3").conditionalFormats.add("Custom").custom.rule.formula = `=LEN(B3)>${"9".repeat(200)}`)],
    ] as [string, (ws: Excel.Worksheet, ctx: Excel.RequestContext) => void][]) {
      const fake = createFakeExcel();
      const undo = fake.install();
      try {
        // One workbook per action, each with its own single sync.
        await Excel.run(async (context) => {
          act(context.workbook.worksheets.getItem("Sheet1"), context);
          // eslint-disable-next-line office-addins/no-context-sync-in-loop
          await context.sync();
        });
        sizes[what] = fake.maxPayload.request;
      } finally {
        undo();
      }
    }
    for (const what of ["a format", "a merge", "a name", "a validation", "a conditional format"]) expect([what, sizes[what] > sizes.nothing]).toEqual([what, true]);
    expect(sizes["a validation"]).toBeGreaterThan(sizes.nothing + 150);
    expect(sizes["a conditional format"]).toBeGreaterThan(sizes.nothing + 200);
  });
});
