// Insert a template: one Excel.run, three syncs: look; write everything with events off and calculation
// suspended; recalculate what was written and, on a new sheet, set the print settings (best effort). At the
// selection it first checks that the whole target area is empty, and refuses otherwise.

import { formatRange } from "../sheet/address";
import { shiftRef } from "../sheet/move-formula";
import { HELPER_COLUMN, LISTS_SHEET, META_SHEET, planMeta } from "../sheet/meta";
import type { WritePlan } from "../sheet/plan";
import { nextFormNumber, type NameInfo } from "./read-grid";
import { metaFields, prefixed, queuePlan, queuePrint } from "./write-plan";
import { queueLists, queueMetaRow, uniqueSheetName } from "./workbook-parts";
import { NOTES_FIELD, NOTES_HEADER, NOTES_WIDTH_POINTS, planNotes } from "../sheet/notes";
import { queueProfileValues } from "./profile-constants";
import type { InsertResult } from "../sheet/host-contract";

// host.ts loads this module lazily and takes the notes column's place from it.
export { planNotes } from "../sheet/notes";

const NO_ROOM = "无法在所选位置插入：请只选择一个单元格，并确保它的右侧和下方有足够的空白区域；也可以插入到新工作表。";
const TOO_FAR_RIGHT = "无法在所选位置插入：位置太靠右，表格右侧需留出隐藏的计算列。请选择更靠左的单元格，或插入到新工作表。";

export interface InsertOutcome extends InsertResult {
  /** Set when nothing was written because the target area holds something. */
  refused?: "not-empty";
  message?: string;
  metaCreated: boolean;
}

export async function insertPlan(plan: WritePlan, where: "new-sheet" | "selection"): Promise<InsertOutcome> {
  const notes = planNotes(plan);
  const rows = plan.size.rows;
  const cols = Math.max(plan.size.cols, notes ? notes.col + 1 : 0);
  const helperCols = plan.hiddenColumns?.length ?? 0;
  return Excel.run(async (context) => {
    const wb = context.workbook;
    const sheets = wb.worksheets.load("items/name");
    const names = wb.names.load("items/name,items/formula");
    const sel = where === "selection" ? wb.getSelectedRange() : null;
    const area = sel ? sel.getCell(0, 0).getResizedRange(rows - 1, cols - 1) : null;
    // The hidden helper columns go HELPER_COLUMN columns right of the form: that band must be empty too.
    const band = sel && helperCols ? sel.getCell(0, HELPER_COLUMN).getResizedRange(rows - 1, helperCols - 1).getUsedRangeOrNullObject(true) : null;
    let merged: Excel.RangeAreas | null = null;
    let used: Excel.Range | null = null;
    const selSheet = sel ? sel.worksheet : null;
    if (sel && area && selSheet) {
      sel.load("rowIndex,columnIndex");
      area.load("address");
      // Only what is used: loading the whole area's formulas would send back every empty cell.
      used = area.getUsedRangeOrNullObject(true);
      used.load("address");
      band?.load("address");
      // Empty merged cells count as content too: merging over them would tear the user's layout apart.
      merged = area.getMergedAreasOrNullObject();
      merged.load("address");
      selSheet.load("name");
    }
    try {
      await context.sync();
    } catch (e) {
      // At the selection: a form that would run past the sheet's last row or column, or a selection Excel cannot
      // hand over as one range (several areas, a chart). Nothing was written; the pane offers a new sheet.
      if (!sel) throw e;
      return { sheet: "", address: "", refused: "not-empty", message: NO_ROOM, metaCreated: false };
    }

    const existing = sheets.items.map((s) => s.name);
    if (area && sel && selSheet) {
      if (sel.columnIndex + cols > HELPER_COLUMN)
        return { sheet: selSheet.name, address: "", refused: "not-empty", message: TOO_FAR_RIGHT, metaCreated: false };
      const holds = (r: Excel.Range | Excel.RangeAreas | null): boolean => (r ? !r.isNullObject : false);
      const busy = holds(used) || holds(band) || holds(merged);
      if (busy) {
        return {
          sheet: selSheet.name,
          address: area.address.slice(area.address.lastIndexOf("!") + 1),
          refused: "not-empty",
          message: `所选位置（${area.address}）已有内容，插入会覆盖它们。请选择空白区域，或插入到新工作表。`,
          metaCreated: false,
        };
      }
    }
    const nameList: NameInfo[] = names.items.map((n) => ({ name: n.name, formula: n.formula }));
    const k = nextFormNumber(nameList);
    const prefix = `JX${k}_`;
    const origin = sel ? { row: sel.rowIndex, col: sel.columnIndex } : { row: 0, col: 0 };
    const sheetName = selSheet ? selSheet.name : uniqueSheetName(plan.sheetName, existing);
    const hasMeta = existing.includes(META_SHEET);

    wb.application.suspendApiCalculationUntilNextSync();
    context.runtime.enableEvents = false;
    const ws = selSheet ?? wb.worksheets.add(sheetName);
    queueLists(context, plan.lists, nameList, existing.includes(LISTS_SHEET));
    queueProfileValues(context, plan.lists, nameList);
    queuePlan(context, ws, plan, { origin, prefix });
    const { fields, extraNames } = metaFields(plan);
    for (const n of extraNames) wb.names.add(prefixed(prefix, n.name), ws.getRange(shiftRef(n.ref, origin.row, origin.col)));
    const r1 = origin.row + rows - 1;
    wb.names.add(`${prefix}AREA`, ws.getRangeByIndexes(origin.row, origin.col, rows, cols));
    if (notes) {
      const cell = ws.getRangeByIndexes(origin.row + notes.row, origin.col + notes.col, 1, 1);
      cell.values = [[NOTES_HEADER]];
      cell.format.font.bold = true;
      cell.format.font.color = "#7F7F7F";
      cell.format.columnWidth = NOTES_WIDTH_POINTS;
      wb.names.add(`${prefix}NOTES`, cell);
      fields[NOTES_FIELD] = "NOTES";
    }
    const meta = planMeta(plan, prefix, fields);
    queueMetaRow(context, hasMeta, k, sheetName, meta);
    ws.activate();
    ws.getRangeByIndexes(origin.row, origin.col, 1, 1).select();
    context.runtime.enableEvents = true;
    try {
      await context.sync();
    } catch (e) {
      await undoInsert(selSheet ? null : sheetName, prefix);
      throw e;
    }
    // Calculation was suspended for the write, and Office.js leaves it to us to recalculate what it wrote; then the
    // print settings, only on a sheet of its own (never over the user's sheet's print area), best effort.
    wb.application.calculate("Recalculate");
    if (!selSheet) queuePrint(ws, plan, origin);
    try {
      await context.sync();
    } catch {
      // the form is written; only its page setup (or an early recalculation) is missing
    }
    return {
      sheet: sheetName,
      address: formatRange({ r0: origin.row, c0: origin.col, r1, c1: origin.col + cols - 1 }),
      metaCreated: true,
    };
  });
}

/** After a failed write: remove the sheet we added and the names we defined, so the workbook is as it was. */
async function undoInsert(addedSheet: string | null, prefix: string): Promise<void> {
  try {
    await Excel.run(async (context) => {
      const names = context.workbook.names.load("items/name");
      const added = addedSheet ? context.workbook.worksheets.getItemOrNullObject(addedSheet) : null;
      context.runtime.enableEvents = true;
      await context.sync();
      names.items.filter((n) => n.name.startsWith(prefix)).forEach((n) => n.delete());
      if (added && !added.isNullObject) added.delete();
      await context.sync();
    });
  } catch {
    // nothing more we can do; the original error is what the user sees
  }
}
