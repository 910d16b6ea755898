import ExcelJS from "exceljs";
import { buildPlan } from "../src/sheet/render";
import { writeWorkbook } from "../src/xlsx/write";
import { recalcXlsx } from "./helpers/libreoffice";
import { filledProject } from "../bench/filled-form";
import { evaluateForm } from "../src/domain/evaluate";
import { cellValue } from "./templates/read-back";
test("scratch", async () => {
  const form = filledProject(2);
  const plan = buildPlan("project", { year: 2024 }, form);
  const wb = await writeWorkbook([plan]);
  await wb.xlsx.writeFile("/tmp/lx/s1.xlsx");
  const [out] = await recalcXlsx(["/tmp/lx/s1.xlsx"], "/tmp/lx/s1-out");
  const back = new ExcelJS.Workbook();
  await back.xlsx.readFile(out);
  const ws = back.getWorksheet(plan.sheetName)!;
  const h = plan.meta!.helpers!;
  const ev = evaluateForm(form);
  const lines: string[] = [];
  for (const r of ev.indicators) {
    const row = plan.meta!.indicatorRows![r.id];
    const v = (k: string) => JSON.stringify(cellValue(ws, `${h[k]}${row}`));
    lines.push(`${r.indicator.target} | ${r.indicator.actual}: T=${v("targetValue")} U=${v("targetUnit")} L=${v("targetLead")} op=${v("op")} A=${v("actualValue")} tier=${v("tier")} mode=${v("mode")} rule=${v("rule")} reason=${v("reason")} || engine ${r.status} ${r.score}`);
  }
  for (const k of ["funds.rate", "funds.score", "total", "grade", "incomplete"]) lines.push(`${k} = ${JSON.stringify(cellValue(ws, plan.fields[k]))}`);
  console.log(lines.join("\n"));
}, 60000);
