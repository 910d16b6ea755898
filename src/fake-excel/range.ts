// Fake Excel.Range and Excel.RangeAreas over the document state.

import type { Rect } from "../sheet/grid";
import { ErrorCodes, FakeOfficeError } from "./errors";
import { ClientObj, type FakeContextCore } from "./proxy";
import { FakeRangeAreas } from "./range-areas";
import { CfCollection, DataValidationObj, RangeFormatObj } from "./range-format";
import {
  COLS,
  MAX_ROWS,
  cellAt,
  ensureCell,
  intersects,
  quoteSheet,
  rectA1,
  type Scalar,
  type SheetData,
  usedRect,
  valueType,
  writeInput,
} from "./state";
import { displayText } from "./text";
import { shiftFormula } from "../sheet/move-formula";

export interface Resolved {
  sheet: SheetData;
  rect: Rect;
}

/** Creates a worksheet proxy (workbook.ts registers it; avoids an import cycle). */
export const factories: { worksheet: (ctx: FakeContextCore, resolve: () => SheetData | null) => unknown } = {
  worksheet: () => undefined,
};

const SCALARS = [
  "address",
  "addressLocal",
  "rowIndex",
  "columnIndex",
  "rowCount",
  "columnCount",
  "cellCount",
  "values",
  "formulas",
  "numberFormat",
  "text",
  "valueTypes",
  "columnHidden",
];

type Matrix = (Scalar | null | undefined)[][];

export class FakeRange extends ClientObj {
  readonly _type = "Range";
  private res: Resolved | null | undefined;
  private readonly resolver: () => Resolved | null;
  private fmt?: RangeFormatObj;
  private dv?: DataValidationObj;
  private cfs?: CfCollection;

  constructor(ctx: FakeContextCore, resolver: () => Resolved | null) {
    super(ctx);
    this.resolver = resolver;
  }

  /** The sheet and rectangle this proxy stands for, fixed at its first use during a sync. */
  resolve(): Resolved | null {
    if (this.res === undefined) this.res = this.resolver();
    return this.res;
  }
  protected override _exists(): boolean {
    return this.resolve() !== null;
  }
  private r(): Resolved {
    const x = this.resolve();
    if (!x) throw new FakeOfficeError(ErrorCodes.invalidOperation, "The range is a null object");
    return x;
  }

  protected _scalars(): string[] {
    return SCALARS;
  }
  protected override _nav(name: string): ClientObj | undefined {
    if (name === "format") return this.format;
    if (name === "dataValidation") return this.dataValidation;
    if (name === "conditionalFormats") return this.conditionalFormats;
    return undefined;
  }

  protected _read(prop: string): unknown {
    const { sheet, rect } = this.r();
    const map = (f: (r: number, c: number) => unknown): unknown[][] => {
      const out: unknown[][] = [];
      for (let r = rect.r0; r <= rect.r1; r++) {
        const row: unknown[] = [];
        for (let c = rect.c0; c <= rect.c1; c++) row.push(f(r, c));
        out.push(row);
      }
      return out;
    };
    switch (prop) {
      case "address":
      case "addressLocal":
        return `${quoteSheet(sheet.name)}!${rectA1(rect)}`;
      case "rowIndex":
        return rect.r0;
      case "columnIndex":
        return rect.c0;
      case "rowCount":
        return rect.r1 - rect.r0 + 1;
      case "columnCount":
        return rect.c1 - rect.c0 + 1;
      case "cellCount":
        return (rect.r1 - rect.r0 + 1) * (rect.c1 - rect.c0 + 1);
      case "values":
        return map((r, c) => cellAt(sheet, r, c)?.value ?? "");
      case "formulas":
        return map((r, c) => {
          const cell = cellAt(sheet, r, c);
          return cell?.formula ?? cell?.value ?? "";
        });
      case "numberFormat":
        return map((r, c) => cellAt(sheet, r, c)?.numFmt ?? "General");
      case "text":
        return map((r, c) => displayText(cellAt(sheet, r, c)));
      case "columnHidden":
        return sheet.hiddenColumns.has(rect.c0);
      case "valueTypes":
        return map((r, c) => valueType(cellAt(sheet, r, c)?.value ?? ""));
      default:
        throw new FakeOfficeError(ErrorCodes.invalidArgument, `Range has no property ${prop}`);
    }
  }

  get address(): string {
    return this._get("address");
  }
  get addressLocal(): string {
    return this._get("addressLocal");
  }
  get rowIndex(): number {
    return this._get("rowIndex");
  }
  get columnIndex(): number {
    return this._get("columnIndex");
  }
  get rowCount(): number {
    return this._get("rowCount");
  }
  get columnCount(): number {
    return this._get("columnCount");
  }
  get cellCount(): number {
    return this._get("cellCount");
  }
  get text(): string[][] {
    return this._get("text");
  }
  get valueTypes(): string[][] {
    return this._get("valueTypes");
  }
  get values(): Scalar[][] {
    return this._get("values");
  }
  set values(v: Matrix | Scalar) {
    this.context.enqueue(() => this.writeContent(v), v);
  }
  get formulas(): Scalar[][] {
    return this._get("formulas");
  }
  set formulas(v: Matrix | Scalar) {
    this.context.enqueue(() => this.writeContent(v), v);
  }
  get numberFormat(): string[][] {
    return this._get("numberFormat");
  }
  set numberFormat(v: Matrix | string) {
    this.context.addRequest(v);
    this.context.enqueue(() => {
      const { sheet, rect } = this.r();
      const m = this.matrix(v, rect);
      m.forEach((row, i) =>
        row.forEach((x, j) => {
          if (x === null || x === undefined) return;
          const cell = ensureCell(sheet, rect.r0 + i, rect.c0 + j);
          if (x === "" || x === "General") delete cell.numFmt;
          else cell.numFmt = String(x);
        }),
      );
    });
  }

  set columnHidden(v: boolean) {
    this.context.addRequest(v);
    this.context.enqueue(() => {
      const { sheet, rect } = this.r();
      for (let c = rect.c0; c <= rect.c1; c++) {
        if (v) sheet.hiddenColumns.add(c);
        else sheet.hiddenColumns.delete(c);
      }
    });
  }
  get columnHidden(): boolean {
    return this._get("columnHidden");
  }

  get format(): RangeFormatObj {
    this.fmt ??= new RangeFormatObj(this.context, () => this.r());
    return this.fmt;
  }
  get dataValidation(): DataValidationObj {
    this.dv ??= new DataValidationObj(this.context, () => this.r());
    return this.dv;
  }
  get conditionalFormats(): CfCollection {
    this.cfs ??= new CfCollection(this.context, () => this.r());
    return this.cfs;
  }
  get worksheet(): unknown {
    return factories.worksheet(this.context, () => this.resolve()?.sheet ?? null);
  }

  private matrix(v: Matrix | Scalar, rect: Rect): Matrix {
    const rows = rect.r1 - rect.r0 + 1;
    const cols = rect.c1 - rect.c0 + 1;
    if (!Array.isArray(v)) return Array.from({ length: rows }, () => Array.from({ length: cols }, () => v));
    if (v.length !== rows || v.some((row) => !Array.isArray(row) || row.length !== cols)) {
      throw new FakeOfficeError(
        ErrorCodes.invalidArgument,
        "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
      );
    }
    return v;
  }

  private writeContent(v: Matrix | Scalar): void {
    const { sheet, rect } = this.r();
    const m = this.matrix(v, rect);
    const single = rect.r0 === rect.r1 && rect.c0 === rect.c1;
    const before = cellAt(sheet, rect.r0, rect.c0)?.value ?? "";
    m.forEach((row, i) =>
      row.forEach((x, j) => {
        if (x === null || x === undefined) return;
        writeInput(ensureCell(sheet, rect.r0 + i, rect.c0 + j), x);
      }),
    );
    this.changed(sheet, rect, single ? before : undefined);
  }

  private changed(sheet: SheetData, rect: Rect, before?: Scalar): void {
    const book = this.context.book;
    book.dirty = true;
    let details;
    if (before !== undefined) {
      if (!this.context.calcSuspended) {
        book.dirty = false;
        book.recalc();
      }
      const after = cellAt(sheet, rect.r0, rect.c0)?.value ?? "";
      details = { valueBefore: before, valueAfter: after, valueTypeBefore: valueType(before), valueTypeAfter: valueType(after) };
    }
    book.emit({ kind: "changed", sheetId: sheet.id, rect, ...this.context.options, details });
  }

  private derive(f: (rect: Rect, sheet: SheetData) => Rect | null, args: unknown[] = []): FakeRange {
    this.context.addRequest(args);
    return new FakeRange(this.context, () => {
      const p = this.resolve();
      if (!p) return null;
      const rect = f(p.rect, p.sheet);
      if (rect && (rect.r0 < 0 || rect.c0 < 0 || rect.r1 >= MAX_ROWS || rect.c1 >= COLS)) {
        throw new FakeOfficeError(ErrorCodes.invalidArgument, "The argument is invalid or missing or has an incorrect format.");
      }
      return rect ? { sheet: p.sheet, rect } : null;
    });
  }

  getCell(row: number, col: number): FakeRange {
    return this.derive((r) => ({ r0: r.r0 + row, c0: r.c0 + col, r1: r.r0 + row, c1: r.c0 + col }), [row, col]);
  }
  getOffsetRange(dr: number, dc: number): FakeRange {
    return this.derive((r) => ({ r0: r.r0 + dr, c0: r.c0 + dc, r1: r.r1 + dr, c1: r.c1 + dc }), [dr, dc]);
  }
  getResizedRange(dr: number, dc: number): FakeRange {
    return this.derive((r) => ({ r0: r.r0, c0: r.c0, r1: r.r1 + dr, c1: r.c1 + dc }), [dr, dc]);
  }
  getRow(i: number): FakeRange {
    return this.derive((r) => ({ r0: r.r0 + i, c0: r.c0, r1: r.r0 + i, c1: r.c1 }), [i]);
  }
  getColumn(i: number): FakeRange {
    return this.derive((r) => ({ r0: r.r0, c0: r.c0 + i, r1: r.r1, c1: r.c0 + i }), [i]);
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return this.derive((r, sheet) => {
      const u = usedRect(sheet, valuesOnly);
      if (!u || !intersects(u, r)) return null;
      return { r0: Math.max(u.r0, r.r0), c0: Math.max(u.c0, r.c0), r1: Math.min(u.r1, r.r1), c1: Math.min(u.c1, r.c1) };
    });
  }
  getUsedRange(valuesOnly = false): FakeRange {
    return this.derive((r, sheet) => {
      const u = usedRect(sheet, valuesOnly);
      if (!u || !intersects(u, r)) return { r0: r.r0, c0: r.c0, r1: r.r0, c1: r.c0 };
      return { r0: Math.max(u.r0, r.r0), c0: Math.max(u.c0, r.c0), r1: Math.min(u.r1, r.r1), c1: Math.min(u.c1, r.c1) };
    });
  }
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.context, () => {
      const p = this.resolve();
      if (!p) return null;
      // As Excel does (office-js#3611): only merged areas whose top-left cell lies in the range.
      const { rect } = p;
      const areas = p.sheet.merges.filter((m) => m.r0 >= rect.r0 && m.r0 <= rect.r1 && m.c0 >= rect.c0 && m.c0 <= rect.c1);
      return areas.length ? { sheet: p.sheet, rects: areas } : null;
    });
  }

  /**
   * Range.copyFrom (ExcelApi 1.9), as Excel's Paste does it: a source whose size divides the destination's is tiled
   * over it, any other is pasted once from the destination's top-left cell. "Formulas" copies formulas (relative
   * references moved, `$` parts kept) and values, "Values" values, "Formats" formats, "All" all of it.
   */
  copyFrom(source: FakeRange | string, copyType: "All" | "Formulas" | "Values" | "Formats" = "All", skipBlanks = false, transpose = false): void {
    const src = typeof source === "string" ? null : source;
    this.context.addRequest([typeof source === "string" ? source : null, copyType, skipBlanks, transpose]);
    this.context.enqueue(() => {
      if (transpose) throw new FakeOfficeError(ErrorCodes.invalidArgument, "transpose is not supported by the fake");
      const from = src ? src.r() : this.context.book.resolveAddress(source as string, this.r().sheet);
      const { sheet, rect } = this.r();
      const h = from.rect.r1 - from.rect.r0 + 1;
      const w = from.rect.c1 - from.rect.c0 + 1;
      const dh = rect.r1 - rect.r0 + 1;
      const dw = rect.c1 - rect.c0 + 1;
      const tiles = dh % h === 0 && dw % w === 0;
      const to: Rect = tiles ? rect : { r0: rect.r0, c0: rect.c0, r1: rect.r0 + h - 1, c1: rect.c0 + w - 1 };
      for (let r = to.r0; r <= to.r1; r++)
        for (let c = to.c0; c <= to.c1; c++) {
          const sr = from.rect.r0 + ((r - to.r0) % h);
          const sc = from.rect.c0 + ((c - to.c0) % w);
          const s0 = cellAt(from.sheet, sr, sc);
          if (skipBlanks && (!s0 || (s0.value === "" && !s0.formula))) continue;
          const cell = ensureCell(sheet, r, c);
          if (copyType !== "Formats") {
            delete cell.formula;
            delete cell.quoted;
            cell.value = s0?.value ?? "";
            if (s0?.formula && copyType !== "Values") cell.formula = shiftFormula(s0.formula, r - sr, c - sc, "copy");
            if (s0?.quoted) cell.quoted = true;
          }
          if (copyType === "Formats" || copyType === "All") {
            if (s0?.style) cell.style = { ...s0.style };
            else delete cell.style;
            if (s0?.numFmt) cell.numFmt = s0.numFmt;
            else delete cell.numFmt;
          }
        }
      if (copyType !== "Formats") this.changed(sheet, to);
    });
  }

  merge(across = false): void {
    this.context.addRequest([across]);
    this.context.enqueue(() => {
      const { sheet, rect } = this.r();
      const rects = across
        ? Array.from({ length: rect.r1 - rect.r0 + 1 }, (_, i) => ({ ...rect, r0: rect.r0 + i, r1: rect.r0 + i }))
        : [rect];
      for (const m of rects) {
        if (m.r0 === m.r1 && m.c0 === m.c1) continue;
        sheet.merges = sheet.merges.filter((x) => !intersects(x, m));
        sheet.merges.push(m);
        for (let r = m.r0; r <= m.r1; r++)
          for (let c = m.c0; c <= m.c1; c++) {
            const cell = cellAt(sheet, r, c);
            if (cell && (r !== m.r0 || c !== m.c0)) {
              cell.value = "";
              delete cell.formula;
            }
          }
      }
    });
  }
  unmerge(): void {
    this.context.addRequest([]);
    this.context.enqueue(() => {
      const { sheet, rect } = this.r();
      sheet.merges = sheet.merges.filter((x) => !intersects(x, rect));
    });
  }
  select(): void {
    this.context.addRequest([]);
    this.context.enqueue(() => {
      const { sheet, rect } = this.r();
      const book = this.context.book;
      if (book.activeSheetId !== sheet.id) {
        book.activeSheetId = sheet.id;
        book.emit({ kind: "activated", sheetId: sheet.id });
      }
      book.selection = { sheetId: sheet.id, rect };
    });
  }
  clear(applyTo: "All" | "Contents" | "Formats" = "All"): void {
    this.context.addRequest([applyTo]);
    this.context.enqueue(() => {
      const { sheet, rect } = this.r();
      for (let r = rect.r0; r <= rect.r1; r++)
        for (let c = rect.c0; c <= rect.c1; c++) {
          const cell = cellAt(sheet, r, c);
          if (!cell) continue;
          if (applyTo !== "Formats") {
            cell.value = "";
            delete cell.formula;
            delete cell.quoted;
          }
          if (applyTo !== "Contents") {
            delete cell.style;
            delete cell.numFmt;
          }
        }
      if (applyTo !== "Formats") this.changed(sheet, rect);
    });
  }
}
