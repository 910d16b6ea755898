// The two very hidden sheets of meta.ts: JX_LISTS (validation lists, the formulas' word lists and units, the profile's
// parameters: each a named column) and JX_META (one row per form: A = sheet name, B = JSON of FormMeta).
import type ExcelJS from "exceljs";
import { keyToName, LISTS_SHEET, META_SHEET, planMeta, type FormMeta } from "../../sheet/meta";
import type { PlanList, WritePlan } from "../../sheet/plan";

export function addListsSheet(wb: ExcelJS.Workbook, lists: PlanList[]): void {
  const ws = wb.addWorksheet(LISTS_SHEET, { state: "veryHidden" });
  const seen = new Set<string>();
  let col = 0;
  for (const list of lists) {
    if (seen.has(list.name)) continue;
    seen.add(list.name);
    col++;
    list.values.forEach((v, i) => {
      if (v !== "") ws.getCell(i + 1, col).value = v;
    });
    const letter = ws.getColumn(col).letter;
    wb.definedNames.add(`'${LISTS_SHEET}'!$${letter}$1:$${letter}$${Math.max(1, list.values.length)}`, list.name);
  }
}

export function formMeta(plan: WritePlan, k: number): FormMeta {
  const fields: Record<string, string> = {};
  for (const key of Object.keys(plan.fields)) fields[key] = keyToName(key);
  return planMeta(plan, `JX${k}_`, fields);
}

export function addMetaSheet(wb: ExcelJS.Workbook, rows: [sheet: string, meta: FormMeta][]): void {
  const ws = wb.addWorksheet(META_SHEET, { state: "veryHidden" });
  rows.forEach(([sheet, meta], i) => {
    ws.getCell(i + 1, 1).value = sheet;
    ws.getCell(i + 1, 2).value = JSON.stringify(meta);
  });
}
