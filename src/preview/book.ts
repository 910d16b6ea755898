// The workbook as the preview grid sees it: a small interface, implemented over the fake Excel
// (src/fake-excel). The grid never touches the fake directly.
import type { FakeExcel } from "../fake-excel";
import { formatA1, parseRange } from "../sheet/address";
import { evaluateFlags, type Flag } from "./flags";

export type Scalar = string | number | boolean;

export interface PreviewCell {
  value: Scalar;
  formula?: string;
  numFmt?: string;
  style?: Record<string, unknown>;
}

export interface PreviewSheet {
  name: string;
  cells: Record<string, PreviewCell>;
  merges: string[];
  hiddenColumns: number[];
  /** Column widths in points, by 0-based column. */
  columnWidths: Record<number, number>;
  /** Cells a conditional format lights up now (the workbook's own flags). */
  flags: Record<string, Flag>;
}

export interface PreviewBook {
  /** Changes whenever anything the grid shows may have changed. */
  version(): string;
  sheets(): string[];
  active(): string;
  selection(): { sheet: string; address: string } | null;
  sheet(name: string): PreviewSheet;
  /** A person typing into a cell (fires the workbook's change events). */
  edit(sheet: string, address: string, text: string): Promise<void>;
  /** A person clicking a cell or a sheet tab. */
  select(sheet: string, address: string): Promise<void>;
}

export function bookOverFake(fake: FakeExcel): PreviewBook {
  let edits = 0;
  const book = fake.book;
  const nameRects = () => {
    const out: Record<string, { sheet: string; r0: number; c0: number; r1: number; c1: number }> = {};
    for (const n of book.names.values()) {
      try {
        const { sheet, rect } = book.resolveAddress(n.formula.replace(/^=/, ""));
        out[n.name.toUpperCase()] = { sheet: sheet.name, ...rect };
      } catch {
        // a name to another workbook or a constant: not a range
      }
    }
    return out;
  };
  return {
    version() {
      const sel = book.selection;
      const selKey = sel ? `${sel.sheetId}:${sel.rect.r0},${sel.rect.c0}` : "";
      return `${book.syncCount}|${edits}|${book.sheets.length}|${book.activeSheetId}|${selKey}`;
    },
    sheets() {
      return book.sheets.filter((s) => s.visibility === "Visible").map((s) => s.name);
    },
    active() {
      return book.active().name;
    },
    selection() {
      const sel = book.selection;
      if (!sel) return null;
      const s = book.findSheet(sel.sheetId);
      return s ? { sheet: s.name, address: formatA1(sel.rect.r0, sel.rect.c0) } : null;
    },
    sheet(name) {
      const snap = fake.snapshot(name);
      const getValue = (sheet: string, r: number, c: number) => {
        const cell = fake.cell(sheet, formatA1(r, c));
        return cell === undefined || cell.value === "" ? null : cell.value;
      };
      return {
        name: snap.name,
        cells: snap.cells,
        merges: snap.merges,
        hiddenColumns: snap.hiddenColumns,
        columnWidths: snap.columnWidths,
        flags: evaluateFlags(name, snap.conditionalFormats, getValue, nameRects()),
      };
    },
    async edit(sheet, address, text) {
      edits++;
      await fake.userEdit(sheet, address, text);
      edits++;
    },
    async select(sheet, address) {
      if (!parseRange(address)) return;
      await fake.select(sheet, address);
    },
  };
}
