// The fake workbook saved as an .xlsx file, as Excel saves one: every sheet with its values, each formula with its last
// result, merges, hidden states and the workbook's names. Lets a test check what the live loop produced with the CLI.
import ExcelJS from "exceljs";
import type { FakeExcel } from "../../src/fake-excel";

export async function saveFake(fake: FakeExcel, file: string): Promise<void> {
  const all = fake.snapshotAll();
  const wb = new ExcelJS.Workbook();
  for (const s of all.sheets) {
    const ws = wb.addWorksheet(s.name, { state: s.visibility === "VeryHidden" ? "veryHidden" : s.visibility === "Hidden" ? "hidden" : "visible" });
    for (const [addr, c] of Object.entries(s.cells)) {
      const cell = ws.getCell(addr);
      if (c.formula) cell.value = { formula: c.formula.replace(/^=/, ""), result: c.value === "" ? undefined : c.value } as ExcelJS.CellFormulaValue;
      else if (c.value !== "") cell.value = c.value;
      if (c.numFmt) cell.numFmt = c.numFmt;
    }
    for (const m of s.merges) if (m.includes(":")) ws.mergeCells(m);
  }
  for (const [name, formula] of Object.entries(all.names)) wb.definedNames.add(formula.replace(/^=/, ""), name);
  await wb.xlsx.writeFile(file);
}
