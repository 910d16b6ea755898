// Reads one worksheet into a Grid in ONE sync: used range (values, formulas, number formats, value types), merged areas,
// the defined names that point into the sheet, and the FormMeta rows of JX_META for this sheet.

import { parseRange, sheetOf } from "../sheet/address";
import type { CellValue, Grid, GridCell, Rect } from "../sheet/grid";
import { isDateFormat, isErrorText, makeGrid, serialDateText } from "../sheet/grid";
import { type FormMeta, HELPER_COLUMN, META_SHEET, metaForSheet, storedProfileOf } from "../sheet/meta";
import { PROFILE } from "../domain/templates/profile-constants";

export interface GridRead {
  /** Call after the caller's sync. */
  finish(): { grid: Grid; sheetId: string; activeId: string; names: NameInfo[]; metaRows: MetaRow[] };
}

export interface NameInfo {
  name: string;
  formula: string;
}

export interface MetaRow {
  row: number; // 1-based row on JX_META
  sheet: string;
  meta: FormMeta;
}

/**
 * Queues the loads for `which` (a worksheet id or name; the active sheet when omitted). `hasMeta` says whether
 * JX_META exists (the caller knows from an earlier read): it is then read in the same sync.
 */
export function queueGridRead(context: Excel.RequestContext, which: string | undefined, hasMeta: boolean): GridRead {
  const wb = context.workbook;
  const ws = which ? wb.worksheets.getItem(which) : wb.worksheets.getActiveWorksheet();
  ws.load("name,id");
  const active = wb.worksheets.getActiveWorksheet();
  active.load("id");
  // Columns from HELPER_COLUMN on hold our forms' hidden helper formulas (sheet/meta.ts): never read.
  const used = ws.getRangeByIndexes(0, 0, 1048576, HELPER_COLUMN).getUsedRangeOrNullObject(true);
  used.load("values,formulas,numberFormat,valueTypes,rowIndex,columnIndex,rowCount,columnCount");
  const merged = ws.getRange().getMergedAreasOrNullObject();
  merged.load("address");
  const names = wb.names.load("items/name,items/formula");
  const metaRange = hasMeta ? wb.worksheets.getItem(META_SHEET).getUsedRangeOrNullObject(true) : null;
  if (metaRange) metaRange.load("values,rowIndex");

  // the scoring profile the workbook's formulas use: named cells on JX_LISTS (NamedItem.arrayValues, ExcelApi 1.7)
  const profileItems = Object.values(PROFILE).map((n) => wb.names.getItemOrNullObject(n).load("arrayValues/values"));

  const proxies: GridProxies = { ws, active, used, merged, names, metaRange, profileItems };
  return { finish: () => buildGrid(proxies) };
}

interface GridProxies {
  ws: Excel.Worksheet;
  active: Excel.Worksheet;
  used: Excel.Range;
  merged: Excel.RangeAreas;
  names: Excel.NamedItemCollection;
  metaRange: Excel.Range | null;
  profileItems: Excel.NamedItem[];
}

/** Turns the loaded proxies into a Grid (after the caller's sync). */
function buildGrid(p: GridProxies): ReturnType<GridRead["finish"]> {
  const { ws, active, used, merged, names, metaRange, profileItems } = p;
  const sheet = ws.name;
  const cells: GridCell[] = [];
  if (!used.isNullObject) {
    const r0 = used.rowIndex;
    const c0 = used.columnIndex;
    const formulas = used.formulas;
    const formats = used.numberFormat;
    const types = used.valueTypes;
    used.values.forEach((row, i) =>
      row.forEach((v, j) => {
        const f = formulas[i][j];
        const fmt = formats[i][j];
        // Text typed with a quote prefix ('=abc) comes back from `formulas` WITHOUT the quote (office-js#6687),
        // equal to its value; a real formula's value is its result, never its own text.
        const isFormula = typeof f === "string" && f.startsWith("=") && f !== v;
        if ((v === "" || v === null) && !isFormula) return;
        const cell: GridCell = { row: r0 + i, col: c0 + j, value: v as CellValue };
        if (isFormula) cell.formula = f;
        if (typeof fmt === "string" && fmt !== "General") cell.numFmt = fmt;
        const vt = types?.[i]?.[j] as string | undefined;
        if (vt === "Error" || (typeof v === "string" && vt === undefined && isErrorText(v))) cell.type = "error";
        else if (typeof v === "number" && isDateFormat(cell.numFmt)) {
          // Excel gives a date as its serial number: the reader gets the date as text, marked as a date
          const text = serialDateText(v);
          if (text) {
            cell.value = text;
            cell.type = "date";
          }
        }
        cells.push(cell);
      }),
    );
  }
  const merges: Rect[] = merged.isNullObject ? [] : areasOf(merged.address);
  const nameList: NameInfo[] = names.items.map((n) => ({ name: n.name, formula: n.formula }));
  const into: Record<string, string> = {};
  for (const n of nameList) {
    const ref = n.formula.replace(/^=/, "");
    if (sheetOf(ref) === sheet && !ref.includes(",")) into[n.name] = ref.slice(ref.lastIndexOf("!") + 1);
  }
  const metaRows: MetaRow[] = [];
  if (metaRange && !metaRange.isNullObject) {
    const top = metaRange.rowIndex;
    metaRange.values.forEach((row, i) => {
      const meta = parseMeta(row[1]);
      if (meta && typeof row[0] === "string") metaRows.push({ row: top + i + 1, sheet: row[0], meta });
    });
  }
  const forms = metaForSheet(metaRows, sheet, into);
  const grid: Grid = makeGrid(sheet, cells, { merges, names: into });
  if (forms.length) grid.meta = { forms };
  const profileNames = Object.values(PROFILE) as string[];
  const profile = storedProfileOf((n) => {
    const item = profileItems[profileNames.indexOf(n)];
    return item && !item.isNullObject ? item.arrayValues.values.flat() : undefined;
  });
  if (profile) grid.meta = { ...grid.meta, profile };
  return { grid, sheetId: ws.id, activeId: active.id, names: nameList, metaRows };
}

/**
 * The rectangles of a RangeAreas address. Excel writes each area with its sheet ("Sheet1!A1:B2, Sheet1!D1:D4"),
 * quoting the name when needed ("'预算, 2021'!A1:B2"), so a plain split on "," would cut a quoted name apart.
 */
export function areasOf(address: string): Rect[] {
  const out: Rect[] = [];
  const area = /(?:(?:'(?:[^']|'')*'|[^'!,\s][^'!,]*)!)?(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)(?=\s*(?:,|$))/g;
  for (const m of address.matchAll(area)) {
    const r = parseRange(m[1]);
    if (r) out.push(r);
  }
  return out;
}

export function parseMeta(v: unknown): FormMeta | null {
  if (typeof v !== "string" || !v.startsWith("{")) return null;
  try {
    const m = JSON.parse(v) as FormMeta;
    return m && typeof m.prefix === "string" && m.template && m.fields ? m : null;
  } catch {
    return null;
  }
}

/** The highest k of any "JX<k>_" name, so a new form gets k + 1. */
export function nextFormNumber(names: NameInfo[], metaRows: MetaRow[] = []): number {
  let k = 0;
  for (const n of names) {
    const m = /^JX(\d+)_/i.exec(n.name);
    if (m) k = Math.max(k, Number(m[1]));
  }
  for (const r of metaRows) k = Math.max(k, r.row);
  return k + 1;
}
