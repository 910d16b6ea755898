// An in-memory fake of the Excel JavaScript API subset the add-in uses, for tests and the browser preview.
// Browser-safe: no node APIs.
//
//   const fake = createFakeExcel();           // one workbook with "Sheet1"
//   const undo = fake.install();              // globalThis.Excel / globalThis.Office = the fake
//   await fake.userEdit("Sheet1", "B2", 42);  // a person typing (fires onChanged, source Local)
//   await fake.settle();                      // wait for event handlers
//   fake.snapshot("Sheet1").cells.B2          // { value: 42 }

import type { Rect } from "../sheet/grid";
import { ErrorCodes, FakeOfficeError } from "./errors";
import { FakeRange } from "./range";
import {
  type AnyEvent,
  BookState,
  cellAt,
  type CellData,
  colOf,
  ensureCell,
  type FormulaEngine,
  rectA1,
  rowOf,
  type Scalar,
  valueType,
  writeInput,
} from "./state";
import { FakeRequestContext } from "./workbook";
import { excelEnums } from "./enums";
import { formulaEngine } from "./recalc";

export { FakeOfficeError, ErrorCodes } from "./errors";
export type { FormulaEngine, CellData, Scalar } from "./state";
export { FakeRequestContext } from "./workbook";

export interface FakeOptions {
  sheets?: string[]; // default ["Sheet1"]
  /** Events without triggerSource, as Excel before ExcelApi 1.14 sends them. */
  legacyEvents?: boolean;
  engine?: FormulaEngine | null; // default: src/formula's Recalculator; null: formulas keep their last value
  /** Bytes one request/response may hold; default 5 000 000 (Excel on the web), null = no limit (desktop). */
  payloadLimit?: number | null;
  /** Every PageLayout write fails (a host without a printer driver). */
  pageSetupFails?: boolean;
}

export interface SheetSnapshot {
  name: string;
  visibility: string;
  cells: Record<string, { value: Scalar; formula?: string; numFmt?: string; style?: Record<string, unknown> }>;
  merges: string[];
  validations: { ref: string; rule: Record<string, unknown> }[];
  conditionalFormats: { ref: string; formula: string; format: Record<string, unknown> }[];
  columnWidths: Record<number, number>;
  hiddenColumns: number[];
  pageLayout: Record<string, unknown>;
}

export type FakeExcel = ReturnType<typeof createFakeExcel>;

export function createFakeExcel(options: FakeOptions = {}) {
  const book = new BookState();
  book.engine = options.engine === undefined ? formulaEngine() : options.engine;
  if (options.payloadLimit !== undefined) book.payloadLimit = options.payloadLimit;
  book.pageSetupFails = options.pageSetupFails ?? false;
  for (const n of options.sheets ?? ["Sheet1"]) book.addSheet(n);
  const actions = new Map<string, (event: unknown) => unknown>();

  book.eventArgs = (ev: AnyEvent) => {
    if (ev.kind !== "changed") return { type: ev.kind === "activated" ? "WorksheetActivated" : "WorksheetSelectionChanged", worksheetId: ev.sheetId };
    const address = rectA1(ev.rect);
    return {
      type: "WorksheetChanged",
      worksheetId: ev.sheetId,
      address,
      changeType: "RangeEdited",
      source: ev.source,
      triggerSource: options.legacyEvents ? undefined : ev.triggerSource,
      // Office.js: details can be read only when one cell changed.
      get details() {
        if (!ev.details) throw new FakeOfficeError(ErrorCodes.generalException, "details is available for single-cell changes only");
        return ev.details;
      },
      getRange: (ctx: FakeRequestContext) => ctx.workbook.worksheets.getItem(ev.sheetId).getRange(address),
    };
  };

  async function run<T>(a: unknown, b?: unknown): Promise<T> {
    const cb = (typeof a === "function" ? a : b) as (ctx: FakeRequestContext) => Promise<T>;
    // Excel.run(object, batch) continues the object's context (how event handlers are removed).
    const given = a instanceof FakeRequestContext ? a : (a as { context?: unknown } | undefined)?.context;
    const ctx = given instanceof FakeRequestContext ? given : new FakeRequestContext(book, { source: "Local", triggerSource: "ThisLocalAddin" });
    const out = await cb(ctx);
    if (ctx.pending > 0) await ctx.sync(); // Excel.run flushes what is still queued
    return out;
  }

  const Excel = { ...excelEnums, run, RequestContext: FakeRequestContext };
  const Office = {
    HostType: { Excel: "Excel" },
    onReady: (cb?: (info: unknown) => void) => {
      const info = { host: "Excel", platform: "OfficeOnline" };
      cb?.(info);
      return Promise.resolve(info);
    },
    context: {
      requirements: { isSetSupported: (_name: string, _version?: string) => true },
      document: { settings: { get: (k: string) => book.settings.get(k), set: (k: string, v: unknown) => book.settings.set(k, v), saveAsync: (cb?: () => void) => cb?.() } },
      displayLanguage: "zh-CN",
    },
    actions: { associate: (name: string, fn: (event: unknown) => unknown) => actions.set(name, fn) },
  };

  /** Writes cells as a person would (typing one cell, or pasting a block), firing one onChanged. */
  async function edit(source: "Local" | "Remote", sheetName: string, address: string, input: Scalar | (Scalar | null)[][]): Promise<void> {
    const { sheet, rect } = book.resolveAddress(address, book.sheet(sheetName));
    const m = Array.isArray(input) ? input : [[input]];
    const single = rect.r0 === rect.r1 && rect.c0 === rect.c1 && m.length === 1 && m[0].length === 1;
    const before = cellAt(sheet, rect.r0, rect.c0)?.value ?? "";
    m.forEach((row, i) =>
      row.forEach((x, j) => {
        if (x !== null) writeInput(ensureCell(sheet, rect.r0 + i, rect.c0 + j), x);
      }),
    );
    book.recalc();
    const full: Rect = { r0: rect.r0, c0: rect.c0, r1: rect.r0 + m.length - 1, c1: rect.c0 + Math.max(...m.map((r) => r.length)) - 1 };
    const after = cellAt(sheet, rect.r0, rect.c0)?.value ?? "";
    const details = single ? { valueBefore: before, valueAfter: after, valueTypeBefore: valueType(before), valueTypeAfter: valueType(after) } : undefined;
    book.emit({ kind: "changed", sheetId: sheet.id, rect: full, source, triggerSource: "Unknown", details });
    book.flushEvents();
    await book.settle();
  }

  function snapshotSheet(name: string): SheetSnapshot {
    const s = book.sheet(name);
    const cells: SheetSnapshot["cells"] = {};
    for (const [k, c] of s.cells) {
      if (c.value === "" && !c.formula && !c.numFmt && !c.style) continue;
      const entry: SheetSnapshot["cells"][string] = { value: c.value };
      if (c.formula) entry.formula = c.formula;
      if (c.numFmt) entry.numFmt = c.numFmt;
      if (c.style) entry.style = { ...c.style };
      cells[rectA1({ r0: rowOf(k), c0: colOf(k), r1: rowOf(k), c1: colOf(k) })] = entry;
    }
    return {
      name: s.name,
      visibility: s.visibility,
      cells,
      merges: s.merges.map((m) => rectA1(m)),
      validations: s.validations.map((v) => ({ ref: rectA1(v.rect), rule: v.rule })),
      conditionalFormats: s.conditionalFormats.map((c) => ({ ref: rectA1(c.rect), formula: c.formula, format: c.format })),
      columnWidths: Object.fromEntries(s.columnWidths),
      hiddenColumns: [...s.hiddenColumns],
      pageLayout: { ...s.pageLayout },
    };
  }

  return {
    Excel,
    Office,
    book,
    actions,
    /** The largest request and response (bytes) any sync carried so far. */
    get maxPayload(): { request: number; response: number } {
      return { ...book.maxPayload };
    },
    get syncCount(): number {
      return book.syncCount;
    },
    resetSyncCount(): void {
      book.syncCount = 0;
    },
    /** Adds a sheet directly (no events), optionally filled from a 2-D array at `origin`. */
    addSheet(name: string, rows?: (Scalar | null)[][], origin = "A1"): void {
      book.addSheet(name);
      if (rows) this.setCells(name, origin, rows);
    },
    /** Writes cells directly into the document (test setup; no events, no sync). */
    setCells(sheetName: string, origin: string, rows: (Scalar | null)[][]): void {
      const { sheet, rect } = book.resolveAddress(origin, book.sheet(sheetName));
      rows.forEach((row, i) => row.forEach((x, j) => x !== null && x !== "" && writeInput(ensureCell(sheet, rect.r0 + i, rect.c0 + j), x)));
      book.recalc();
    },
    merge(sheetName: string, address: string): void {
      const { sheet, rect } = book.resolveAddress(address, book.sheet(sheetName));
      sheet.merges.push(rect);
    },
    /** A person typing into one cell, or pasting a block (one event, no details). */
    userEdit: (sheet: string, address: string, input: Scalar | (Scalar | null)[][]) => edit("Local", sheet, address, input),
    /** A co-author's change arriving (source "Remote"). */
    remoteEdit: (sheet: string, address: string, input: Scalar | (Scalar | null)[][]) => edit("Remote", sheet, address, input),
    /** The user clicking a cell / switching sheets. */
    async select(sheetName: string, address: string): Promise<void> {
      const { sheet, rect } = book.resolveAddress(address, book.sheet(sheetName));
      if (book.activeSheetId !== sheet.id) {
        book.activeSheetId = sheet.id;
        book.emit({ kind: "activated", sheetId: sheet.id });
      }
      book.selection = { sheetId: sheet.id, rect };
      book.flushEvents();
      await book.settle();
    },
    cell(sheet: string, a1: string): CellData | undefined {
      const { sheet: s, rect } = book.resolveAddress(a1, book.sheet(sheet));
      return cellAt(s, rect.r0, rect.c0);
    },
    snapshot: snapshotSheet,
    /** Every sheet, the names and settings. */
    snapshotAll() {
      return {
        sheets: book.sheets.map((s) => snapshotSheet(s.name)),
        names: Object.fromEntries([...book.names.values()].map((n) => [n.name, n.formula])),
        settings: Object.fromEntries(book.settings),
        active: book.findSheet(book.activeSheetId)?.name,
        selection: book.selection && rectA1(book.selection.rect),
      };
    },
    settle: () => book.settle(),
    get events(): AnyEvent[] {
      return book.delivered;
    },
    /** Installs the fake as the global `Excel` and `Office`; returns a function that restores the old ones. */
    install(target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): () => void {
      const old = { Excel: target.Excel, Office: target.Office };
      target.Excel = Excel;
      target.Office = Office;
      return () => {
        target.Excel = old.Excel;
        target.Office = old.Office;
      };
    },
  };
}

export { FakeRange };
