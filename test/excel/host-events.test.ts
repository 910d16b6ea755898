// The host's event subscription on its own, against the fake workbook: edits and sheet switches reach the sink,
// the add-in's own writes never do, a registration happens once and can be undone, and a failure is not lost.
import { createFakeExcel, ErrorCodes, FakeOfficeError } from "../../src/fake-excel";
import { OwnWrites, SheetEvents, type SheetEventSink } from "../../src/excel/host-events";
import { writeNotes } from "../../src/excel/recompute";

function recorder() {
  const seen: string[] = [];
  const sink: SheetEventSink = {
    changed: (id, rect) => seen.push(`changed ${id} ${rect ? `${rect.r0},${rect.c0}:${rect.r1},${rect.c1}` : "?"}`),
    activated: (id) => seen.push(`activated ${id}`),
    failed: (e) => seen.push(`failed ${(e as Error).message}`),
  };
  return { seen, sink };
}

describe("OwnWrites", () => {
  const write = [
    { r: 4, c: 9, value: "⚠ a" },
    { r: 5, c: 9, value: "⚠ b" },
  ];

  test("Excel's triggerSource decides when it is there", () => {
    const own = new OwnWrites();
    expect(own.isOwn({ worksheetId: "S", address: "J5", triggerSource: "ThisLocalAddin" })).toBe(true);
    own.begin("S", write);
    // a person's edit during our write is still the person's
    expect(own.isOwn({ worksheetId: "S", address: "J5", triggerSource: "Unknown" })).toBe(false);
  });

  test("without triggerSource (before ExcelApi 1.14): ours while writing, then only the cells we wrote", () => {
    const own = new OwnWrites();
    expect(own.isOwn({ worksheetId: "S", address: "J5" })).toBe(false);
    own.begin("S", write);
    expect(own.isOwn({ worksheetId: "S", address: "A1" })).toBe(true);
    own.end();
    expect(own.isOwn({ worksheetId: "S", address: "J5:J6" })).toBe(true);
    expect(own.isOwn({ worksheetId: "S", address: "J5:J7" })).toBe(false);
    expect(own.isOwn({ worksheetId: "S", address: "A1" })).toBe(false);
    expect(own.isOwn({ worksheetId: "T", address: "J5" })).toBe(false);
  });
});

describe("SheetEvents", () => {
  test("a person's edit and a sheet switch reach the sink; our own write does not", async () => {
    for (const legacyEvents of [false, true]) {
      const fake = createFakeExcel({ sheets: ["一", "二"], legacyEvents });
      const undo = fake.install();
      try {
        const own = new OwnWrites();
        const { seen, sink } = recorder();
        const events = new SheetEvents(own, sink);
        await events.listen();
        const [one, two] = fake.book.sheets.map((s) => s.id);
        await fake.userEdit("一", "C3", 5);
        await fake.userEdit("一", "B2", [
          [1, 2],
          [3, 4],
        ]);
        await fake.select("二", "A1");
        await Excel.run((context) => writeNotes(context, one, [{ r: 0, c: 0, value: "⚠ 提示" }], own));
        await fake.settle();
        expect(fake.cell("一", "A1")?.value).toBe("⚠ 提示");
        expect(seen).toEqual([`changed ${one} 2,2:2,2`, `changed ${one} 1,1:2,2`, `activated ${two}`]);
        // events were off while the note was written: Excel did not even send one
        expect(fake.events.filter((e) => e.kind === "changed")).toHaveLength(2);
      } finally {
        undo();
      }
    }
  });

  test("listen() registers once however often it is called, and stop() removes the handlers", async () => {
    const fake = createFakeExcel();
    const undo = fake.install();
    try {
      const { seen, sink } = recorder();
      const events = new SheetEvents(new OwnWrites(), sink);
      await Promise.all([events.listen(), events.listen()]);
      await events.listen();
      expect(fake.book.handlers).toHaveLength(2);
      await events.stop();
      expect(fake.book.handlers).toHaveLength(0);
      await fake.userEdit("Sheet1", "A1", 1);
      expect(seen).toEqual([]);
    } finally {
      undo();
    }
  });

  test("a failed registration rejects (for the host to report) and the next listen() tries again", async () => {
    const fake = createFakeExcel();
    const undo = fake.install();
    const run = fake.Excel.run;
    try {
      const events = new SheetEvents(new OwnWrites(), recorder().sink);
      (fake.Excel as { run: unknown }).run = () =>
        Promise.reject(new FakeOfficeError(ErrorCodes.generalException, "no events here"));
      await expect(events.listen()).rejects.toThrow("no events here");
      expect(fake.book.handlers).toHaveLength(0);
      (fake.Excel as { run: unknown }).run = run;
      await events.listen();
      expect(fake.book.handlers).toHaveLength(2);
    } finally {
      (fake.Excel as { run: unknown }).run = run;
      undo();
    }
  });

  test("a handler that throws is reported to the sink, not swallowed by Office", async () => {
    const fake = createFakeExcel();
    const undo = fake.install();
    try {
      const { seen, sink } = recorder();
      const events = new SheetEvents(new OwnWrites(), {
        ...sink,
        changed: () => {
          throw new Error("sink broke");
        },
      });
      await events.listen();
      await fake.userEdit("Sheet1", "A1", 1);
      expect(seen).toEqual(["failed sink broke"]);
    } finally {
      undo();
    }
  });
});
