// The reader as it was before it read the parts itself (kept for the tests only, as an oracle): the package's parts
// rebuilt for ExcelJS (ooxml.ts prepareOoxml, zip.ts storedZip), loaded by ExcelJS, and each worksheet turned into a
// Grid by sheet-grid.ts toGrid, with JX_META and the stored profile as read.ts took them.
import ExcelJS from "exceljs";
import type { Grid } from "../../src/sheet/grid";
import { LISTS_SHEET, META_SHEET, metaForSheet, refValues, storedProfileOf } from "../../src/sheet/meta";
import { plain, toGrid } from "../../src/xlsx/sheet-grid";
import { DEFAULT_LIMITS, type Limits } from "../../src/xlsx/limits";
import { bufferSource, listEntries, readEntry, storedZip, type InflateBudget } from "../../src/xlsx/zip";
import { wantedPart } from "../../src/xlsx/ooxml";
import { prepareOoxml } from "./exceljs-prepare";

export async function readWithExcelJS(buf: Buffer, limits: Limits = DEFAULT_LIMITS): Promise<Grid[]> {
  const src = bufferSource(buf);
  const budget: InflateBudget = { used: 0 };
  const parts = new Map<string, Buffer>();
  for (const e of await listEntries(src, limits)) if (wantedPart(e.name)) parts.set(e.name, await readEntry(src, e, limits, budget));
  const prepared = prepareOoxml(parts, limits);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(storedZip(prepared.parts) as unknown as ArrayBuffer);
  const names = prepared.names;
  const metas: { sheet: string; meta: { prefix?: unknown } }[] = [];
  wb.getWorksheet(META_SHEET)?.eachRow((row) => {
    const a = plain(row.getCell(1).value);
    const b = plain(row.getCell(2).value);
    if (typeof a !== "string" || typeof b !== "string") return;
    try {
      metas.push({ sheet: a, meta: JSON.parse(b) });
    } catch {
      // not JSON
    }
  });
  const lists = wb.getWorksheet(LISTS_SHEET);
  const profile = lists && storedProfileOf((n) => refValues(names.get(LISTS_SHEET)?.[n], (r, c) => plain(lists.getCell(r + 1, c + 1).value)));
  const grids: Grid[] = [];
  for (const ws of wb.worksheets) {
    const hidden = ws.state === "hidden" || ws.state === "veryHidden" ? ws.state : undefined;
    if (hidden && (ws.name === META_SHEET || ws.name === LISTS_SHEET)) continue;
    const g = toGrid(ws, names.get(ws.name) ?? {});
    if (hidden) g.hidden = hidden;
    const mine = metaForSheet(metas, ws.name, g.names);
    if (mine.length) g.meta = { forms: mine };
    if (profile) g.meta = { ...g.meta, profile };
    grids.push(g);
  }
  return grids;
}

/** The differences between two readings of one workbook, one line each ("sheet!B5 value: 1 ≠ 2"). */
export function gridDifferences(a: Grid[], b: Grid[]): string[] {
  const out: string[] = [];
  const show = (v: unknown): string => JSON.stringify(v);
  if (a.length !== b.length) out.push(`sheets: ${show(a.map((g) => g.sheet))} ≠ ${show(b.map((g) => g.sheet))}`);
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    const at = x.sheet;
    for (const key of ["sheet", "rows", "cols", "hidden", "names", "meta"] as const) {
      if (show(x[key]) !== show(y[key])) out.push(`${at} ${key}: ${show(x[key])} ≠ ${show(y[key])}`);
    }
    const rect = (r: Grid["merges"][number]): string => `${r.r0},${r.c0},${r.r1},${r.c1}`;
    const mx = x.merges.map(rect).sort();
    const my = y.merges.map(rect).sort();
    if (show(mx) !== show(my)) out.push(`${at} merges: ${show(mx)} ≠ ${show(my)}`);
    const byKey = (g: Grid): Map<string, Record<string, unknown>> =>
      new Map(g.cells.map((c) => [`${c.row},${c.col}`, { value: c.value, formula: c.formula, numFmt: c.numFmt, type: c.type }]));
    const cx = byKey(x);
    const cy = byKey(y);
    for (const k of new Set([...cx.keys(), ...cy.keys()])) {
      const p = cx.get(k);
      const q = cy.get(k);
      for (const f of ["value", "formula", "numFmt", "type"]) {
        if (show(p?.[f]) !== show(q?.[f])) out.push(`${at}!${k} ${f}: ${show(p?.[f])} ≠ ${show(q?.[f])}`);
      }
    }
  }
  return out;
}
