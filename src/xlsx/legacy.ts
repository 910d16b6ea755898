// Workbooks ExcelJS cannot read — Excel 97–2003 (.xls), WPS 表格 (.et, the same compound-file format), OpenDocument
// (.ods) and Excel 2003 XML — read with SheetJS Community Edition (@e965/xlsx 0.20.3, pinned: the same code as the
// official 0.20.3 release, see README) and handed to the reader through the same conversion as .xlsx files: each
// sheet becomes an in-memory ExcelJS worksheet (values, formulas with their results, number formats, merges
// clipped like the .xlsx ones) and then a Grid by sheet-grid.ts. SheetJS is loaded only here, only when such a file
// is read, and only ever inside the isolated worker (isolate.ts) with its heap cap and deadline.

import type ExcelJS from "exceljs";
import type * as SheetJS from "@e965/xlsx";
import type { Grid } from "../sheet/grid";
import { parseRange, sheetOf } from "../sheet/address";
import { LISTS_SHEET, META_SHEET } from "../sheet/meta";
import { toGrid } from "./sheet-grid";
import { LimitError, type Limits } from "./limits";
import { clipMerges } from "./sheet-xml";

/** The error texts SheetJS gives for a password, in any of its readers. */
export const PASSWORD_ERROR = /password|encrypt/i;

const ERROR_TEXT: Record<number, string> = {
  0x00: "#NULL!",
  0x07: "#DIV/0!",
  0x0f: "#VALUE!",
  0x17: "#REF!",
  0x1d: "#NAME?",
  0x24: "#NUM!",
  0x2a: "#N/A",
  0x2b: "#GETTING_DATA",
};


/** Serial day number → the date it stands for, as ExcelJS gives a date cell (UTC midnight). */
function serialDate(serial: number, date1904: boolean): Date {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return new Date(epoch + Math.round(serial * 86400000));
}

export async function readWithSheetJS(buf: Buffer, limits: Limits): Promise<Grid[]> {
  // Loaded on first use: a run over .xlsx files never pays for it. SheetJS prints warnings about number formats
  // of .ods files on the console; they say nothing to the user of this tool, so the console is quiet meanwhile.
  const X = await import("@e965/xlsx");
  const ExcelJSModule = (await import("exceljs")).default;
  const quiet = { error: console.error, warn: console.warn, log: console.log };
  let wb: SheetJS.WorkBook;
  try {
    console.error = console.warn = console.log = () => undefined;
    wb = X.read(buf, {
      type: "buffer",
      dense: true,
      cellFormula: true,
      cellNF: true,
      cellDates: false,
      cellText: false,
      cellHTML: false,
      bookVBA: false,
      sheetRows: limits.cells,
    });
  } finally {
    Object.assign(console, quiet);
  }
  const names = wb.SheetNames;
  if (names.length > limits.sheets) throw new LimitError(`工作表超过 ${limits.sheets} 张`);
  const date1904 = !!wb.Workbook?.WBProps?.date1904;
  const byName = definedNames(wb);
  const book = new ExcelJSModule.Workbook();
  const tally = { cells: 0, merges: 0, mergedCells: 0 };
  const grids: Grid[] = [];
  names.forEach((name, i) => {
    const state = wb.Workbook?.Sheets?.[i]?.Hidden;
    const hidden = state === 1 ? "hidden" : state === 2 ? "veryHidden" : undefined;
    if (hidden && (name === META_SHEET || name === LISTS_SHEET)) return; // the add-in's helper sheets, as in read.ts
    const sheet = wb.Sheets[name];
    // A placeholder name: ExcelJS refuses some names other programs allow; the Grid gets the real one.
    const ws = book.addWorksheet(`S${i + 1}`);
    const extent = fillSheet(X, ws, sheet, date1904, limits, tally);
    const merges = (sheet["!merges"] ?? []).map((m) => ({ r0: m.s.r + 1, c0: m.s.c + 1, r1: m.e.r + 1, c1: m.e.c + 1 }));
    for (const m of clipMerges(merges, extent.rows, extent.cols, limits, tally, name)) ws.mergeCells(m.r0, m.c0, m.r1, m.c1);
    const g = toGrid(ws, byName.get(name) ?? {});
    g.sheet = name;
    if (hidden) g.hidden = hidden;
    grids.push(g);
  });
  return grids;
}

function fillSheet(
  X: typeof SheetJS,
  ws: ExcelJS.Worksheet,
  sheet: SheetJS.WorkSheet,
  date1904: boolean,
  limits: Limits,
  tally: { cells: number },
): { rows: number; cols: number } {
  const data = (sheet as unknown as { "!data"?: (SheetJS.CellObject | undefined)[][] })["!data"] ?? [];
  let rows = 0;
  let cols = 0;
  data.forEach((row, r) => {
    row?.forEach((cell, c) => {
      if (!cell || cell.t === "z") return;
      if (++tally.cells > limits.cells) throw new LimitError(`单元格超过 ${limits.cells} 个`);
      const target = ws.getCell(r + 1, c + 1);
      const numFmt = typeof cell.z === "string" && cell.z !== "General" ? cell.z : undefined;
      let value: ExcelJS.CellValue;
      if (cell.t === "e") value = { error: (ERROR_TEXT[cell.v as number] ?? "#N/A") as ExcelJS.CellErrorValue["error"] };
      else if (cell.t === "n" && numFmt && X.SSF.is_date(numFmt)) value = serialDate(cell.v as number, date1904);
      else if (cell.t === "d" && cell.v instanceof Date) value = cell.v;
      else value = cell.v as string | number | boolean;
      if (cell.f) {
        const result = value as ExcelJS.CellFormulaValue["result"];
        target.value = { formula: cell.f, result } as ExcelJS.CellFormulaValue;
      } else target.value = value;
      if (numFmt) target.numFmt = numFmt;
      rows = Math.max(rows, r + 1);
      cols = Math.max(cols, c + 1);
    });
  });
  return { rows, cols };
}

/** Defined names that point at cells, by the sheet they point into, as for .xlsx files. */
function definedNames(wb: SheetJS.WorkBook): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  for (const dn of wb.Workbook?.Names ?? []) {
    const ref = dn.Ref?.replace(/^=/, "") ?? "";
    const sheet = sheetOf(ref);
    const local = ref.slice(ref.lastIndexOf("!") + 1);
    if (!sheet || !parseRange(local)) continue;
    const rec = out.get(sheet) ?? {};
    rec[dn.Name] = local;
    out.set(sheet, rec);
  }
  return out;
}
