// The fake Excel API itself behaves like Office.js where it matters.
import { createFakeExcel, type FakeRequestContext } from "../../src/fake-excel";

type Ctx = FakeRequestContext;

describe("fake Excel", () => {
  test("reading a property before load + sync throws PropertyNotLoaded", async () => {
    const fake = createFakeExcel();
    fake.setCells("Sheet1", "A1", [[1, 2]]);
    await fake.Excel.run(async (context: Ctx) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
      // eslint-disable-next-line office-addins/load-object-before-read, office-addins/call-sync-before-read -- the point of this test
      expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      r.load("values");
      // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/call-sync-after-load -- the point of this test
      expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(r.values).toEqual([[1, 2]]);
      // eslint-disable-next-line office-addins/load-object-before-read -- the point of this test
      expect(() => r.address).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  test("writes are queued and applied at sync; syncs are counted", async () => {
    const fake = createFakeExcel();
    await fake.Excel.run(async (context: Ctx) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("B2:C2");
      r.values = [["x", 5]];
      r.format.font.bold = true;
      expect(fake.cell("Sheet1", "B2")).toBeUndefined();
      await context.sync();
      expect(fake.cell("Sheet1", "B2")?.value).toBe("x");
      expect(fake.cell("Sheet1", "C2")?.style?.["font.bold"]).toBe(true);
    });
    expect(fake.syncCount).toBe(1);
  });

  test("null entries leave cells unchanged; mismatched shapes fail the sync", async () => {
    const fake = createFakeExcel();
    fake.setCells("Sheet1", "A1", [["keep", "old"]]);
    await fake.Excel.run(async (context: Ctx) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").values = [[null, "new"]];
      await context.sync();
    });
    expect([fake.cell("Sheet1", "A1")?.value, fake.cell("Sheet1", "B1")?.value]).toEqual(["keep", "new"]);
    await expect(
      fake.Excel.run(async (context: Ctx) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").values = [[1]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  test("formulas are recomputed through src/formula; apostrophe keeps text", async () => {
    const fake = createFakeExcel();
    await fake.Excel.run(async (context: Ctx) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:D1").formulas = [[4, 8, "=IFERROR(A1/B1,\"\")", "'=A1"]];
      const r = ws.getRange("C1:D1");
      r.load("values,formulas");
      await context.sync();
      expect(r.values).toEqual([[0.5, "=A1"]]);
      expect(r.formulas).toEqual([["=IFERROR(A1/B1,\"\")", "=A1"]]);
    });
    await fake.userEdit("Sheet1", "B1", 16);
    expect(fake.cell("Sheet1", "C1")?.value).toBe(0.25);
  });

  test("getItemOrNullObject, names, merges, validation and conditional-format records", async () => {
    const fake = createFakeExcel();
    await fake.Excel.run(async (context: Ctx) => {
      const wb = context.workbook;
      const missing = wb.worksheets.getItemOrNullObject("nope");
      const ws = wb.worksheets.getItem("Sheet1");
      ws.getRange("A1:C1").merge();
      wb.names.add("JX1_TITLE", ws.getRange("A1"));
      wb.names.add("JX_LIST_TIER", ws.getRange("Z1:Z3")); // a list source must name an existing range
      ws.getRange("B3").dataValidation.rule = { list: { inCellDropDown: true, source: "=JX_LIST_TIER" } };
      const cf = ws.getRange("D4:D9").conditionalFormats.add("Custom");
      cf.custom.rule.formula = "=LEN($E4)=0";
      cf.custom.format.fill.color = "#ffc7ce";
      const merged = ws.getRange("A1:H9").getMergedAreasOrNullObject();
      merged.load("address");
      const none = ws.getRange("A5:B6").getMergedAreasOrNullObject();
      const names = wb.names.load("items/name,items/formula");
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(merged.address).toBe("Sheet1!A1:C1");
      expect(none.isNullObject).toBe(true);
      expect(names.items.map((n) => [n.name, n.formula])).toEqual([
        ["JX1_TITLE", "=Sheet1!$A$1"],
        ["JX_LIST_TIER", "=Sheet1!$Z$1:$Z$3"],
      ]);
    });
    const snap = fake.snapshot("Sheet1");
    expect(snap.merges).toEqual(["A1:C1"]);
    expect(snap.validations[0]).toEqual({ ref: "B3", rule: { list: { inCellDropDown: true, source: "=JX_LIST_TIER" } } });
    expect(snap.conditionalFormats[0]).toMatchObject({ ref: "D4:D9", formula: "=LEN($E4)=0", format: { "fill.color": "#FFC7CE" } });
  });

  test("change events carry their trigger source; enableEvents=false suppresses them; pastes have no details", async () => {
    const fake = createFakeExcel();
    const seen: { address: string; source: string; triggerSource: string; details?: unknown }[] = [];
    await fake.Excel.run(async (context: Ctx) => {
      context.workbook.worksheets.getItem("Sheet1").onChanged.add(async (arg: unknown) => {
        const e = arg as Record<string, unknown>;
        let details: unknown;
        try {
          details = e.details;
        } catch {
          details = undefined;
        }
        seen.push({ address: e.address as string, source: e.source as string, triggerSource: e.triggerSource as string, details });
      });
      await context.sync();
    });
    await fake.Excel.run(async (context: Ctx) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      await context.sync();
      context.runtime.enableEvents = false;
      context.workbook.worksheets.getItem("Sheet1").getRange("A2").values = [[2]];
      context.runtime.enableEvents = true;
      await context.sync();
    });
    await fake.settle();
    await fake.userEdit("Sheet1", "B1", "abc");
    await fake.userEdit("Sheet1", "C1", [[1, 2], [3, 4]]);
    await fake.remoteEdit("Sheet1", "D1", 9);
    expect(seen.map((e) => [e.address, e.source, e.triggerSource])).toEqual([
      ["A1", "Local", "ThisLocalAddin"],
      ["B1", "Local", "Unknown"],
      ["C1:D2", "Local", "Unknown"],
      ["D1", "Remote", "Unknown"],
    ]);
    expect(seen[1].details).toMatchObject({ valueBefore: "", valueAfter: "abc" });
    expect(seen[2].details).toBeUndefined();
  });

  test("used range, selection and Excel.run's final flush", async () => {
    const fake = createFakeExcel();
    fake.setCells("Sheet1", "C3", [[1, null, 3]]);
    await fake.select("Sheet1", "F10");
    await fake.Excel.run(async (context: Ctx) => {
      const used = context.workbook.worksheets.getActiveWorksheet().getUsedRange(true);
      const sel = context.workbook.getSelectedRange();
      used.load("address");
      sel.load("address,rowIndex,columnIndex");
      await context.sync();
      expect(used.address).toBe("Sheet1!C3:E3");
      expect([sel.address, sel.rowIndex, sel.columnIndex]).toEqual(["Sheet1!F10", 9, 5]);
      context.workbook.worksheets.add("New").getRange("A1").values = [["queued"]];
    });
    expect(fake.cell("New", "A1")?.value).toBe("queued");
    expect(fake.syncCount).toBe(2);
  });
});

describe("Range.copyFrom, as Paste does it", () => {
  test("a one-row source tiles a taller range: relative references move, $ parts and other sheets stay", async () => {
    const fake = createFakeExcel({ sheets: ["Sheet1", "L"] });
    fake.setCells("Sheet1", "A1", [[1], [2], [3], [4]]);
    fake.setCells("L", "A1", [[10]]);
    await fake.Excel.run(async (context: Ctx) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("B1:C1").formulas = [["=A1*2+$A$1", "=B1+L!A1"]];
      ws.getRange("B2:C4").copyFrom(ws.getRange("B1:C1"), "Formulas");
      await context.sync();
    });
    expect(fake.cell("Sheet1", "B3")?.formula).toBe("=A3*2+$A$1");
    expect(fake.cell("Sheet1", "C4")?.formula).toBe("=B4+L!A1");
    expect(fake.cell("Sheet1", "B4")?.value).toBe(9);
    expect(fake.cell("Sheet1", "C4")?.value).toBe(19);
  });

  test("a source that does not divide the destination is pasted once; Formulas leaves formats alone", async () => {
    const fake = createFakeExcel();
    fake.setCells("Sheet1", "A1", [[1, 2]]);
    await fake.Excel.run(async (context: Ctx) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("D1:E1").formulas = [["=A1", "=B1"]];
      ws.getRange("D5:F7").format.font.bold = true;
      ws.getRange("D5:F7").copyFrom("D1:E1", "Formulas");
      await context.sync();
    });
    expect(fake.cell("Sheet1", "D5")?.formula).toBe("=A5");
    expect(fake.cell("Sheet1", "E5")?.formula).toBe("=B5");
    expect(fake.cell("Sheet1", "F5")?.formula).toBeUndefined();
    expect(fake.cell("Sheet1", "D6")?.formula).toBeUndefined();
    expect(fake.cell("Sheet1", "D5")?.style?.["font.bold"]).toBe(true);
  });
});
