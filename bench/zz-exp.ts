import { loLoadCpu } from "./lo-load";
import { buildPlan } from "../src/sheet/render";
import { writeXlsxFile, writeWorkbook } from "../src/xlsx/write";
import { filledProject } from "./filled-form";
import { lettersToCol } from "../src/sheet/address";
import { HELPER_COLUMN } from "../src/sheet/meta";
import type { WritePlan } from "../src/sheet/plan";
(async () => {
  const form = filledProject(20);
  const base = buildPlan("project", { year: 2024 }, form);
  const band = (c: string) => lettersToCol(c) >= HELPER_COLUMN;
  const bare: WritePlan = { ...base, runs: [], lists: [], conditionalFormats: [], validations: [], names: [], cells: base.cells.filter((c) => !band(c.addr.replace(/\d+/, ""))) };
  const v: Record<string, WritePlan> = {
    bare,
    bareNoPrint: { ...bare, printArea: undefined, print: { ...bare.print, repeatRows: undefined } },
    bareNoHidden: { ...bare, hiddenColumns: [] },
    bareNoHeights: { ...bare, rowHeights: {} },
  };
  const files: string[] = [];
  for (const [k, p] of Object.entries(v)) { const f = `/tmp/lx/e-${k}.xlsx`; await writeXlsxFile([p], f); files.push(f); }
  // bare without the hidden sheets
  const wb = await writeWorkbook([bare]);
  for (const ws of [...wb.worksheets]) if (ws.name !== bare.sheetName) wb.removeWorksheet(ws.id);
  await wb.xlsx.writeFile("/tmp/lx/e-bareNoSheets.xlsx"); files.push("/tmp/lx/e-bareNoSheets.xlsx");
  files.push("/tmp/lx/c-plain.xlsx");
  const t = await loLoadCpu(files, 8);
  files.forEach((f, i) => console.log(f, t[i].toFixed(0)));
})();
