// The approved 绩效目标表 of the open workbook (issue #14): read from every visible sheet, for 插入 → 从绩效目标表生成
// and for 检查本表, which compares each form with the table it was made from (target-changed, an error). A chunk of
// its own, loaded on demand (host.ts loadTargets): the comparison pulls in the template definitions, which the
// overview does not need.
//
// Bounded: one look at the size of every visible sheet, then one read of those that fit (a targets table is a few
// hundred cells; a data sheet of a million cells is skipped and named, never read).

import { sourceTable, withTargetChanges } from "../domain/checks/target-changes";
import type { Form } from "../domain/model";
import { pairByCodeOrName, type PairedBy } from "../domain/pairing";
import type { SheetState, TargetsComparison } from "../sheet/host-contract";
import { readForms } from "../sheet/read";
import { capText, documentText } from "../sheet/safe-text";
import { queueGridRead } from "./read-grid";

/** A sheet with more used cells than this is not read for targets tables. */
export const SHEET_CELLS_MAX = 60_000;
/** Nor are sheets once this many cells have been read in one go. */
export const TOTAL_CELLS_MAX = 300_000;

export interface TargetsRead {
  /** Targets tables by the sheet they are on (visible sheets only, in sheet order). */
  bySheet: Map<string, Form[]>;
  /** Sheets not read, and why (Chinese). */
  skipped: string[];
}

/** A name from the file, for a message: one line, no control or bidi characters, at most 40 characters. */
const shown = (s: string): string => capText(documentText(s).replace(/\s+/g, " ").trim(), 40);

/** Every targets table on the visible sheets: three syncs (the sheets; their sizes; the sheets that fit). */
export async function readTargetTables(hasMeta: boolean): Promise<TargetsRead> {
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets.load("items/name,items/visibility");
    await context.sync();
    const visible = sheets.items.filter((s) => s.visibility === "Visible");
    const used = visible.map((s) => s.getUsedRangeOrNullObject(true).load("rowCount,columnCount"));
    await context.sync();
    const chosen: string[] = [];
    const skipped: string[] = [];
    let total = 0;
    visible.forEach((s, i) => {
      const u = used[i];
      if (u.isNullObject) return; // an empty sheet
      const cells = u.rowCount * u.columnCount;
      if (cells > SHEET_CELLS_MAX || total + cells > TOTAL_CELLS_MAX) {
        skipped.push(`工作表“${shown(s.name)}”过大（${cells} 个单元格），没有在其中查找绩效目标表。`);
        return;
      }
      total += cells;
      chosen.push(s.name);
    });
    const reads = chosen.map((name) => queueGridRead(context, name, hasMeta));
    await context.sync();
    const bySheet = new Map<string, Form[]>();
    reads.forEach((read, i) => {
      const tables = readForms(read.finish().grid).filter((f) => f.kind === "targets");
      if (tables.length) bySheet.set(chosen[i], tables);
    });
    return { bySheet, skipped };
  });
}

const nameOf = (f: Form): string => shown(f.name.trim() || f.unit?.trim() || f.sheet);

/**
 * The sheet's evaluations with the target-changed findings of every form whose targets table is among `tables`:
 * the table the form remembers (Form.source), else by 项目编码, then by 项目名称 (domain/pairing.ts). A form that
 * several tables fit equally is not compared, and said so.
 */
export function compareWithTables(state: SheetState, tables: readonly Form[]): SheetState {
  const comparison: TargetsComparison = { compared: [], notes: [] };
  const evaluations = state.evaluations.map((ev) => {
    const form = ev.form;
    if (form.kind === "targets") return ev;
    let table: Form | null = sourceTable(form, [...tables]);
    let by: PairedBy = "source";
    if (!table) {
      const found = pairByCodeOrName(form, tables.map((t) => ({ form: t })));
      if (found && "table" in found) {
        table = found.table.form;
        by = found.by;
      } else if (found) {
        const where = found.ambiguous.map((t) => `工作表“${shown(t.form.sheet)}”`);
        const what = found.by === "code" ? `项目编码都是“${shown(form.code ?? "")}”` : `项目名称都是“${nameOf(form)}”`;
        comparison.notes.push(
          `本工作簿中有 ${found.ambiguous.length} 张绩效目标表的${what}（${[...new Set(where)].join("、")}），无法确定对应哪一张，未比对指标值。`,
        );
      }
    }
    if (!table) return ev;
    comparison.compared.push({ form: nameOf(form), table: nameOf(table), sheet: shown(table.sheet), by });
    return withTargetChanges(ev, table);
  });
  return { ...state, evaluations, targets: comparison };
}
