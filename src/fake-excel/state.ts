// The fake workbook's document state: what "is in the file". Proxies (proxy.ts, range.ts, workbook.ts) read and
// change it only while a sync is applied; the test helpers (index.ts) read it directly.

import type { Rect } from "../sheet/grid";
import { formatA1, parseRange } from "../sheet/address";
import { ErrorCodes, FakeOfficeError } from "./errors";

export type Scalar = string | number | boolean;

export interface CellData {
  value: Scalar; // "" when blank
  formula?: string; // with leading "="
  numFmt?: string;
  /** Text forced by a leading apostrophe (Excel's quote prefix). */
  quoted?: boolean;
  style?: Record<string, unknown>; // "font.bold", "fill.color", "wrapText", "horizontalAlignment", "border.EdgeTop" …
}

export interface CfRecord {
  rect: Rect;
  type: string; // "Custom"
  formula: string;
  format: Record<string, unknown>; // "fill.color", "font.color", "font.bold"
}

export interface ValidationRecord {
  rect: Rect;
  rule: Record<string, unknown>; // { list: { inCellDropDown, source } }
  prompt?: Record<string, unknown>;
}

export interface SheetData {
  id: string;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  cells: Map<number, CellData>; // key = row * COLS + col
  merges: Rect[];
  conditionalFormats: CfRecord[];
  validations: ValidationRecord[];
  columnWidths: Map<number, number>; // points
  rowHeights: Map<number, number>; // points
  frozenRows: number;
  hiddenColumns: Set<number>;
  pageLayout: Record<string, unknown>;
}

export interface NameData {
  name: string;
  formula: string; // "=Sheet1!$A$1:$B$2" or a constant "=\"x\""
  comment: string;
  visible: boolean;
}

export interface ChangeEvent {
  kind?: "changed";
  sheetId: string;
  rect: Rect;
  source: "Local" | "Remote";
  triggerSource: "ThisLocalAddin" | "Unknown";
  details?: { valueBefore: Scalar; valueAfter: Scalar; valueTypeBefore: string; valueTypeAfter: string };
}

/** Recomputes every formula cell of the workbook (src/formula's Recalculator behind an adapter). */
export interface FormulaEngine {
  recalc(book: BookState): void;
}

export const COLS = 16384;
export const MAX_ROWS = 1048576;
export const key = (r: number, c: number): number => r * COLS + c;
export const rowOf = (k: number): number => Math.floor(k / COLS);
export const colOf = (k: number): number => k % COLS;

export type EventKind = "changed" | "activated" | "selectionChanged";

export interface Handler {
  id: number;
  kind: EventKind;
  sheetId: string | null; // null: every sheet (the worksheets collection's event)
  fn: (args: unknown) => unknown;
}

export type AnyEvent = (ChangeEvent & { kind: "changed" }) | { kind: "activated" | "selectionChanged"; sheetId: string };

export class BookState {
  sheets: SheetData[] = [];
  names = new Map<string, NameData>(); // by upper-case name
  settings = new Map<string, unknown>();
  activeSheetId = "";
  selection: { sheetId: string; rect: Rect } | null = null;
  enableEvents = true;
  syncCount = 0;
  calcSuspendCount = 0;
  engine: FormulaEngine | null = null;
  /** Bytes one request or one response may hold (Excel on the web: 5 MB); null: no limit (desktop). */
  payloadLimit: number | null = 5_000_000;
  /** Page setup (PageLayout) throws, as on a desktop without a printer driver. */
  pageSetupFails = false;
  /** The largest request and response any sync carried (bytes), for tests. */
  maxPayload = { request: 0, response: 0 };
  /** Cell contents changed since the last recalculation. */
  dirty = false;
  /**
   * Formulas written in a batch with calculation suspended are left uncalculated after it: Office.js says it is
   * then "the developer's responsibility to re-calc the workbook". A calculate() or a later edit clears this.
   */
  stale = false;
  handlers: Handler[] = [];
  /** Builds the handler's argument object for an event (set by workbook.ts). */
  eventArgs: (ev: AnyEvent) => unknown = (ev) => ev;
  /** Every event delivered, for tests. */
  delivered: AnyEvent[] = [];
  private inflight = new Set<Promise<void>>();
  private queued: AnyEvent[] = [];
  private nextId = 1;

  /** Records an event now (if events are on); it is delivered after the current sync or edit. */
  emit(ev: AnyEvent): void {
    if (this.enableEvents) this.queued.push(ev);
  }

  /** Delivers queued events asynchronously, as Office does after a batch completes. */
  flushEvents(): void {
    const evs = this.queued;
    this.queued = [];
    for (const ev of evs) {
      const p: Promise<void> = Promise.resolve()
        .then(() => this.deliver(ev))
        .finally(() => this.inflight.delete(p));
      this.inflight.add(p);
    }
  }

  private async deliver(ev: AnyEvent): Promise<void> {
    this.delivered.push(ev);
    const hs = this.handlers.filter((h) => h.kind === ev.kind && (h.sheetId === null || h.sheetId === ev.sheetId));
    for (const h of hs) {
      try {
        await h.fn(this.eventArgs(ev));
      } catch {
        // Office swallows handler errors
      }
    }
  }

  /** Waits until every delivered event's handlers have returned. */
  async settle(): Promise<void> {
    while (this.inflight.size) await Promise.all([...this.inflight]);
  }

  newId(): string {
    return `{FAKE-${String(this.nextId++).padStart(4, "0")}}`;
  }

  addSheet(name: string): SheetData {
    if (this.findSheet(name)) throw new FakeOfficeError(ErrorCodes.itemAlreadyExists, `A sheet named ${name} exists`);
    if (!/^[^[\]:*?/\\]{1,31}$/.test(name) || name.startsWith("'") || name.endsWith("'") || name.toUpperCase() === "HISTORY") {
      throw new FakeOfficeError(ErrorCodes.invalidArgument, `Bad sheet name ${name}`);
    }
    const sheet: SheetData = {
      id: this.newId(),
      name,
      visibility: "Visible",
      cells: new Map(),
      merges: [],
      conditionalFormats: [],
      validations: [],
      columnWidths: new Map(),
      rowHeights: new Map(),
      frozenRows: 0,
      hiddenColumns: new Set(),
      pageLayout: {},
    };
    this.sheets.push(sheet);
    if (!this.activeSheetId) this.activeSheetId = sheet.id;
    return sheet;
  }

  findSheet(nameOrId: string): SheetData | undefined {
    const up = nameOrId.toUpperCase();
    return this.sheets.find((s) => s.id === nameOrId || s.name.toUpperCase() === up);
  }

  sheet(nameOrId: string): SheetData {
    const s = this.findSheet(nameOrId);
    if (!s) throw new FakeOfficeError(ErrorCodes.itemNotFound, `No sheet ${nameOrId}`);
    return s;
  }

  active(): SheetData {
    return this.sheet(this.activeSheetId);
  }

  /** Resolves "Sheet1!A1:B2", "'My s'!A1" or (with a default sheet) "A1:B2". */
  resolveAddress(address: string, dflt?: SheetData): { sheet: SheetData; rect: Rect } {
    const bang = address.lastIndexOf("!");
    let sheet = dflt;
    if (bang >= 0) {
      let n = address.slice(0, bang).replace(/^=/, "");
      if (n.startsWith("'")) n = n.slice(1, -1).replace(/''/g, "'");
      sheet = this.sheet(n);
    }
    const rect = parseRange(address.slice(bang + 1));
    if (!sheet || !rect) throw new FakeOfficeError(ErrorCodes.invalidArgument, `Bad address ${address}`);
    return { sheet, rect };
  }

  /** Recompute formulas after a change of cell contents (what Excel's calc engine does). */
  recalc(): void {
    this.stale = false;
    this.engine?.recalc(this);
  }
}

export function cellAt(sheet: SheetData, r: number, c: number): CellData | undefined {
  return sheet.cells.get(key(r, c));
}

export function ensureCell(sheet: SheetData, r: number, c: number): CellData {
  let cell = sheet.cells.get(key(r, c));
  if (!cell) {
    cell = { value: "" };
    sheet.cells.set(key(r, c), cell);
  }
  return cell;
}

export function isBlank(cell: CellData | undefined): boolean {
  return !cell || (cell.value === "" && !cell.formula);
}

/** Bounding rect of cells with content (valuesOnly) or also with formats; null when none. */
export function usedRect(sheet: SheetData, valuesOnly: boolean): Rect | null {
  let r0 = Infinity;
  let c0 = Infinity;
  let r1 = -1;
  let c1 = -1;
  for (const [k, cell] of sheet.cells) {
    if (isBlank(cell) && (valuesOnly || !cell.style || Object.keys(cell.style).length === 0)) continue;
    const r = rowOf(k);
    const c = colOf(k);
    r0 = Math.min(r0, r);
    c0 = Math.min(c0, c);
    r1 = Math.max(r1, r);
    c1 = Math.max(c1, c);
  }
  return r1 < 0 ? null : { r0, c0, r1, c1 };
}

export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

export function rectA1(rect: Rect, absolute = false): string {
  const a = formatA1(rect.r0, rect.c0);
  const b = formatA1(rect.r1, rect.c1);
  const abs = (s: string): string => (absolute ? s.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2") : s);
  return a === b ? abs(a) : `${abs(a)}:${abs(b)}`;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return outer.r0 <= inner.r0 && outer.c0 <= inner.c0 && outer.r1 >= inner.r1 && outer.c1 >= inner.c1;
}

export function valueType(v: Scalar): string {
  if (v === "") return "Empty";
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  return /^#[A-Z/0!?]+[!?]?$/.test(v) ? "Error" : "String";
}

/**
 * What Excel stores when a value is written through `values`/`formulas` or typed:
 * "=…" a formula, "'…" quoted text, numeric text a number, "12%" a number with a % format.
 */
export function writeInput(cell: CellData, input: Scalar): void {
  delete cell.formula;
  delete cell.quoted;
  if (typeof input !== "string") {
    cell.value = input;
    return;
  }
  if (input.startsWith("'")) {
    cell.value = input.slice(1);
    cell.quoted = true;
  } else if (input.startsWith("=") && input.length > 1) {
    cell.formula = input;
    cell.value = 0; // until recalculated
  } else if (cell.numFmt === "@") {
    cell.value = input;
  } else if (/^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(input)) {
    cell.value = Number(input);
  } else if (/^\s*[-+]?(\d+\.?\d*|\.\d+)%\s*$/.test(input)) {
    cell.value = Number(input.trim().slice(0, -1)) / 100;
    if (!cell.numFmt || cell.numFmt === "General") cell.numFmt = "0%";
  } else if (/^(TRUE|FALSE)$/i.test(input)) {
    cell.value = input.toUpperCase() === "TRUE";
  } else if (coerce(cell, input)) {
    // a number, time or date in another dress: Excel converts it, as typing would
  } else {
    cell.value = input;
  }
}

/** More of what Excel turns into numbers on input (en-US / zh-CN): "1,234", "(100)", "¥100", "1:30", "2021/1/1". */
function coerce(cell: CellData, input: string): boolean {
  const t = input.trim();
  const plain = (x: string): number => Number(x.replace(/,/g, ""));
  let m: RegExpExecArray | null;
  if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) cell.value = plain(t);
  else if ((m = /^\((\d[\d,]*(?:\.\d+)?)\)$/.exec(t))) cell.value = -plain(m[1]);
  else if ((m = /^[$¥￥€£]\s*(\d[\d,]*(?:\.\d+)?)$/.exec(t))) cell.value = plain(m[1]);
  else if ((m = /^(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?$/.exec(t))) {
    cell.value = (Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0)) / 86400;
    cell.numFmt ??= "h:mm";
  } else if ((m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t)) || (m = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(t))) {
    cell.value = (Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - Date.UTC(1899, 11, 30)) / 86400000;
    cell.numFmt ??= "yyyy/m/d";
  } else return false;
  return true;
}
