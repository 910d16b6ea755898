// Fake Excel.Workbook, worksheets, names, settings, application, runtime and the RequestContext.

import { ErrorCodes, FakeOfficeError } from "./errors";
import { ClientObj, type ContextOptions, FakeContextCore, KeyedObj } from "./proxy";
import { Coll } from "./collection";
import { NamedItemCollectionObj } from "./names";
import { factories, FakeRange } from "./range";
import { type BookState, COLS, type EventKind, MAX_ROWS, quoteSheet, rectA1, type SheetData, usedRect } from "./state";

let handlerSeq = 0;

function eventSlot(ctx: FakeContextCore, kind: EventKind, sheet: () => SheetData | null) {
  return {
    add(fn: (args: unknown) => unknown) {
      const book = ctx.book;
      const id = ++handlerSeq;
      ctx.enqueue(() => book.handlers.push({ id, kind, sheetId: sheet()?.id ?? null, fn }));
      return {
        context: ctx,
        remove: () => ctx.enqueue(() => (book.handlers = book.handlers.filter((h) => h.id !== id))),
      };
    },
  };
}

export class WorksheetObj extends ClientObj {
  readonly _type = "Worksheet";
  private res: SheetData | null | undefined;
  private readonly resolver: () => SheetData | null;
  private readonly nullable: boolean;
  readonly onChanged;
  readonly onActivated;
  readonly onSelectionChanged;
  readonly freezePanes;
  private layout?: KeyedObj;

  constructor(ctx: FakeContextCore, resolver: () => SheetData | null, nullable = false) {
    super(ctx);
    this.resolver = resolver;
    this.nullable = nullable;
    this.onChanged = eventSlot(ctx, "changed", () => this.sheet());
    this.onActivated = eventSlot(ctx, "activated", () => this.sheet());
    this.onSelectionChanged = eventSlot(ctx, "selectionChanged", () => this.sheet());
    this.freezePanes = {
      freezeRows: (n: number) => ctx.enqueue(() => (this.sheet().frozenRows = n), [n]),
      unfreeze: () => ctx.enqueue(() => (this.sheet().frozenRows = 0), []),
    };
  }
  resolve(): SheetData | null {
    if (this.res === undefined) {
      this.res = this.resolver();
      if (!this.res && !this.nullable) throw new FakeOfficeError(ErrorCodes.itemNotFound, "The worksheet does not exist");
    }
    return this.res;
  }
  protected override _exists(): boolean {
    return this.resolve() !== null;
  }
  private sheet(): SheetData {
    const s = this.resolve();
    if (!s) throw new FakeOfficeError(ErrorCodes.invalidOperation, "The worksheet is a null object");
    return s;
  }
  protected _scalars(): string[] {
    return ["name", "id", "position", "visibility", "tabColor"];
  }
  protected _read(prop: string): unknown {
    const s = this.sheet();
    if (prop === "position") return this.context.book.sheets.indexOf(s);
    if (prop === "tabColor") return "";
    return (s as unknown as Record<string, unknown>)[prop];
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this.context.addRequest(v);
    this.context.enqueue(() => {
      const other = this.context.book.findSheet(v);
      if (other && other !== this.sheet()) throw new FakeOfficeError(ErrorCodes.itemAlreadyExists, `Sheet ${v} exists`);
      // As Excel does: defined names that point into the sheet follow the new name.
      const from = `=${quoteSheet(this.sheet().name)}!`;
      for (const n of this.context.book.names.values()) if (n.formula.startsWith(from)) n.formula = `=${quoteSheet(v)}!${n.formula.slice(from.length)}`;
      this.sheet().name = v;
    });
  }
  get id(): string {
    return this._get("id");
  }
  get position(): number {
    return this._get("position");
  }
  get visibility(): string {
    return this._get("visibility");
  }
  set visibility(v: string) {
    this.context.enqueue(() => (this.sheet().visibility = v as SheetData["visibility"]), v);
  }
  /** A host whose page setup fails (e.g. no printer driver), when the fake is told so. */
  private pageSetupCheck(): void {
    if (this.context.book.pageSetupFails) throw new FakeOfficeError(ErrorCodes.generalException, "Page setup is not available");
  }
  get pageLayout(): KeyedObj {
    if (!this.layout) {
      const layout = new KeyedObj(
        this.context,
        "PageLayout",
        ["orientation", "paperSize", "printGridlines", "centerHorizontally", "zoom", "leftMargin", "rightMargin", "topMargin", "bottomMargin", "headerMargin", "footerMargin"],
        (k) => this.sheet().pageLayout[k],
        (k, v) => {
          this.pageSetupCheck();
          this.sheet().pageLayout[k] = v;
        },
      );
      const record = (k: string) => (v: unknown) =>
        this.context.enqueue(() => {
          this.pageSetupCheck();
          this.sheet().pageLayout[k] = v instanceof FakeRange ? rectA1(v.resolve()?.rect ?? { r0: 0, c0: 0, r1: 0, c1: 0 }) : v;
        }, [v instanceof FakeRange ? null : v]);
      this.layout = Object.assign(layout, {
        setPrintArea: record("printArea"),
        setPrintTitleRows: record("printTitleRows"),
        setPrintTitleColumns: record("printTitleColumns"),
      });
    }
    return this.layout;
  }
  /** Worksheet.horizontalPageBreaks (ExcelApi 1.9): add(range) puts a break above the range's top-left cell; the
   *  fake keeps the rows (1-based) that start a page, in pageLayout.rowBreaks. */
  get horizontalPageBreaks(): { add(range: FakeRange | string): void } {
    return {
      add: (range: FakeRange | string) => {
        this.context.addRequest([typeof range === "string" ? range : null]);
        this.context.enqueue(() => {
          this.pageSetupCheck();
          const s = this.sheet();
          const r = typeof range === "string" ? this.context.book.resolveAddress(range, s).rect : range.resolve()?.rect;
          if (!r) throw new FakeOfficeError(ErrorCodes.invalidArgument, "Null range");
          const list = (s.pageLayout.rowBreaks as number[] | undefined) ?? [];
          s.pageLayout.rowBreaks = [...list, r.r0 + 1];
        });
      },
    };
  }
  getRange(address?: string): FakeRange {
    this.context.addRequest([address ?? null]);
    return new FakeRange(this.context, () => {
      const s = this.resolve();
      if (!s) return null;
      if (!address) return { sheet: s, rect: { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: COLS - 1 } };
      return this.context.book.resolveAddress(address, s);
    });
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    this.context.addRequest([row, col, rows, cols]);
    return new FakeRange(this.context, () => {
      const s = this.resolve();
      return s ? { sheet: s, rect: { r0: row, c0: col, r1: row + rows - 1, c1: col + cols - 1 } } : null;
    });
  }
  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, () => {
      const s = this.sheet();
      return { sheet: s, rect: usedRect(s, valuesOnly) ?? { r0: 0, c0: 0, r1: 0, c1: 0 } };
    });
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, () => {
      const s = this.resolve();
      const rect = s && usedRect(s, valuesOnly);
      return s && rect ? { sheet: s, rect } : null;
    });
  }
  activate(): void {
    this.context.addRequest([]);
    this.context.enqueue(() => {
      const book = this.context.book;
      const s = this.sheet();
      if (book.activeSheetId === s.id) return;
      book.activeSheetId = s.id;
      book.selection = { sheetId: s.id, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
      book.emit({ kind: "activated", sheetId: s.id });
    });
  }
  delete(): void {
    this.context.addRequest([]);
    this.context.enqueue(() => {
      const book = this.context.book;
      const s = this.sheet();
      book.sheets = book.sheets.filter((x) => x !== s);
      if (book.activeSheetId === s.id) book.activeSheetId = book.sheets.find((x) => x.visibility === "Visible")?.id ?? "";
    });
  }
}
factories.worksheet = (ctx, resolve) => new WorksheetObj(ctx, resolve, true);

export class WorksheetCollectionObj extends Coll<WorksheetObj> {
  readonly _type = "WorksheetCollection";
  readonly onChanged;
  readonly onActivated;
  constructor(ctx: FakeContextCore) {
    super(ctx);
    this.onChanged = eventSlot(ctx, "changed", () => null);
    this.onActivated = eventSlot(ctx, "activated", () => null);
  }
  protected _list(): WorksheetObj[] {
    return this.context.book.sheets.map((s) => new WorksheetObj(this.context, () => s));
  }
  add(name?: string): WorksheetObj {
    let created: SheetData | undefined;
    this.context.addRequest([name ?? null]);
    this.context.enqueue(() => {
      const book = this.context.book;
      let n = name;
      for (let i = book.sheets.length + 1; !n || (!name && book.findSheet(n)); i++) n = `Sheet${i}`;
      created = book.addSheet(n);
    });
    return new WorksheetObj(this.context, () => created ?? null);
  }
  getItem(key: string): WorksheetObj {
    this.context.addRequest([key]);
    return new WorksheetObj(this.context, () => this.context.book.findSheet(key) ?? null);
  }
  getItemOrNullObject(key: string): WorksheetObj {
    this.context.addRequest([key]);
    return new WorksheetObj(this.context, () => this.context.book.findSheet(key) ?? null, true);
  }
  getActiveWorksheet(): WorksheetObj {
    return new WorksheetObj(this.context, () => this.context.book.findSheet(this.context.book.activeSheetId) ?? null);
  }
}

export class FakeRequestContext extends FakeContextCore {
  readonly workbook;
  readonly runtime: KeyedObj;
  constructor(book: BookState, options: ContextOptions) {
    super(book, options);
    const ctx = this as FakeContextCore;
    this.runtime = new KeyedObj(
      ctx,
      "Runtime",
      ["enableEvents"],
      () => book.enableEvents,
      (_k, v) => (book.enableEvents = Boolean(v)),
    );
    const application = Object.assign(
      new KeyedObj(ctx, "Application", ["calculationMode"], () => "Automatic", () => undefined),
      {
        suspendApiCalculationUntilNextSync: () =>
          ctx.enqueue(() => {
            ctx.calcSuspended = true;
            book.calcSuspendCount++;
          }, []),
        calculate: (type?: string) =>
          ctx.enqueue(() => {
            book.dirty = false;
            book.recalc();
          }, [type ?? null]),
      },
    );
    const settings = {
      add: (k: string, v: unknown) => ctx.enqueue(() => book.settings.set(k, v), [k, v]),
      getItemOrNullObject: (k: string) => {
        const s = new KeyedObj(ctx, "Setting", ["key", "value"], (p) => (p === "key" ? k : book.settings.get(k)), () => undefined);
        (s as unknown as { _exists: () => boolean })._exists = () => book.settings.has(k);
        return s;
      },
    };
    this.workbook = {
      worksheets: new WorksheetCollectionObj(ctx),
      names: new NamedItemCollectionObj(ctx),
      application,
      settings,
      getSelectedRange: () =>
        new FakeRange(ctx, () => {
          const sel = book.selection;
          const sheet = book.findSheet(sel?.sheetId ?? book.activeSheetId);
          if (!sheet) throw new FakeOfficeError(ErrorCodes.invalidOperation, "No selection");
          return { sheet, rect: sel?.sheetId === sheet.id ? sel.rect : { r0: 0, c0: 0, r1: 0, c1: 0 } };
        }),
      getActiveCell: () =>
        new FakeRange(ctx, () => {
          const sheet = book.active();
          const r = book.selection?.sheetId === sheet.id ? book.selection.rect : { r0: 0, c0: 0, r1: 0, c1: 0 };
          return { sheet, rect: { r0: r.r0, c0: r.c0, r1: r.r0, c1: r.c0 } };
        }),
    };
  }
}
