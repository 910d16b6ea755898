// The .xlsx writer: applies write plans with ExcelJS. Plan k (1-based) gets defined names `JX<k>_<NAME>`
// for every field, a row in the hidden JX_META sheet, and shares the hidden JX_LISTS sheet; literal strings
// are written as text (never formulas), formulas only come from the template.
import ExcelJS from "exceljs";
import type { WritePlan } from "../../sheet/plan";
import { MARGINS } from "../../sheet/render/print";
import { addListsSheet, addMetaSheet, formMeta } from "./hidden";
import { excelStyle, flagStyle } from "./style";
import type { FormMeta } from "../../sheet/meta";

export async function writeWorkbook(plans: WritePlan[]): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "绩效自评助手";
  wb.created = new Date(0);
  wb.calcProperties = { fullCalcOnLoad: true };
  const used = new Set<string>();
  const metas: [string, FormMeta][] = [];
  plans.forEach((plan, i) => {
    const name = uniqueSheetName(plan.sheetName, used);
    writeSheet(wb, plan, name, i + 1);
    metas.push([name, formMeta(plan, i + 1)]);
  });
  addListsSheet(wb, plans.flatMap((p) => p.lists));
  addMetaSheet(wb, metas);
  return wb;
}

export async function writeXlsxBuffer(plans: WritePlan[]): Promise<Buffer> {
  const wb = await writeWorkbook(plans);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function writeXlsxFile(plans: WritePlan[], path: string): Promise<void> {
  const wb = await writeWorkbook(plans);
  await wb.xlsx.writeFile(path);
}

function writeSheet(wb: ExcelJS.Workbook, plan: WritePlan, name: string, k: number): void {
  const ws = wb.addWorksheet(name, { views: [{ showGridLines: false }] });
  for (const [col, w] of Object.entries(plan.columnWidths)) ws.getColumn(col).width = w;
  for (const col of plan.hiddenColumns ?? []) ws.getColumn(col).hidden = true;
  for (const [row, h] of Object.entries(plan.rowHeights)) ws.getRow(Number(row)).height = h;
  for (const pc of plan.cells) {
    const cell = ws.getCell(pc.addr);
    if (pc.formula) {
      // A value beside a formula is its expected result (the printed legend): cached so a reader sees it at once.
      const result = pc.value ?? undefined;
      cell.value = { formula: pc.formula.replace(/^=/, ""), ...(result !== undefined ? { result } : {}) } as ExcelJS.CellFormulaValue;
    } else if (typeof pc.value === "number") cell.value = pc.value;
    else if (typeof pc.value === "string" && pc.value !== "") cell.value = textValue(pc.value);
    if (pc.style) cell.style = excelStyle(pc.style);
  }
  // A formula filled down a column is one shared formula: stored once, each cell below refers to it.
  for (const run of plan.runs) {
    const f = run.formula.replace(/^=/, "");
    if (run.r1 === run.r0) ws.getCell(`${run.col}${run.r0}`).value = { formula: f } as ExcelJS.CellFormulaValue;
    else ws.fillFormula(`${run.col}${run.r0}:${run.col}${run.r1}`, f);
  }
  for (const m of plan.merges) ws.mergeCells(m);
  const sheetRef = `'${name.replace(/'/g, "''")}'`;
  for (const n of plan.names) wb.definedNames.add(`${sheetRef}!${absolute(n.ref)}`, `JX${k}_${n.name}`);
  // ExcelJS has worksheet.dataValidations (ranges allowed) but its typings leave it out.
  const dv = (ws as unknown as { dataValidations: { add(ref: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  for (const v of plan.validations) {
    dv.add(v.ref, {
      type: "list",
      allowBlank: true,
      formulae: [v.listName],
      showErrorMessage: !v.allowOther,
      errorStyle: "stop",
      ...(v.prompt ? { showInputMessage: true, prompt: v.prompt } : {}),
    });
  }
  plan.conditionalFormats.forEach((cf, i) =>
    ws.addConditionalFormatting({
      ref: cf.ref,
      rules: [{ type: "expression", priority: i + 1, formulae: [cf.formula.replace(/^=/, "")], style: flagStyle(cf.style) }],
    }),
  );
  ws.pageSetup = {
    ...ws.pageSetup,
    // OOXML paper sizes: 9 A4, 8 A3 (ExcelJS names only some of them)
    paperSize: (plan.print.paper === "A3" ? 8 : 9) as ExcelJS.PaperSize,
    orientation: plan.print.landscape ? "landscape" : "portrait",
    // a fixed scale, not "fit to": Excel ignores manual page breaks under Fit To (render/print.ts)
    fitToPage: false,
    scale: plan.print.scale,
    horizontalCentered: true,
    margins: { ...MARGINS },
    // ExcelJS puts a "$" before each corner ("$A1"): with the rows' own "$" the area is absolute ($A$1:$J$35);
    // a relative row would move with the selected cell in Excel, and LibreOffice reads it so
    ...(plan.printArea ? { printArea: plan.printArea.replace(/([A-Z]+)(\d+)/g, "$1$$$2") } : {}),
    ...(plan.print.repeatRows ? { printTitlesRow: plan.print.repeatRows } : {}),
    ...(plan.print.repeatColumns ? { printTitlesColumn: plan.print.repeatColumns } : {}),
  };
  // OOXML puts a row break below the row it names: a page that starts at row b breaks below row b − 1.
  for (const b of plan.print.breaks) if (b > 1) ws.getRow(b - 1).addPageBreak();
  ws.headerFooter.oddFooter = "&C第 &P 页，共 &N 页";
}

/** Text that Excel must not read as anything else. ExcelJS writes strings as shared strings (type "s"), so
 *  "=SUM(A1)" stays the text it is; this function is where that promise lives. */
export function textValue(s: string): string {
  return s;
}

function absolute(ref: string): string {
  return ref
    .split(":")
    .map((a) => a.replace(/^\$?([A-Z]+)\$?(\d+)$/, "$$$1$$$2"))
    .join(":");
}

function uniqueSheetName(wanted: string, used: Set<string>): string {
  const base = (wanted.replace(/[[\]:*?/\\]/g, "").slice(0, 28) || "Sheet").trim();
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base}(${i})`;
  used.add(name.toLowerCase());
  return name;
}
