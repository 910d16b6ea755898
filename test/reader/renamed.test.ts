// A form's sheet renamed after it was made: Excel moves the defined names with the sheet, but the JX_META row still
// names the old sheet. The .xlsx reader must keep the form bound through its names, as the add-in does.
import ExcelJS from "exceljs";
import { buildPlan } from "../../src/sheet/render";
import { writeXlsxBuffer } from "../../src/xlsx/write";
import { readXlsxBuffer } from "../../src/xlsx/read";
import { readForms } from "../../src/sheet/read";

async function renamedCopy(from: string, to: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await writeXlsxBuffer([buildPlan("project", { project: "某项目" })])) as unknown as ExcelJS.Buffer);
  wb.getWorksheet(from)!.name = to;
  // What Excel does on a rename: every name pointing into the sheet now names the new sheet.
  const model = (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model;
  for (const dn of model) dn.ranges = dn.ranges.map((r) => r.replace(`'${from}'!`, `'${to}'!`).replace(`${from}!`, `'${to}'!`));
  (wb.definedNames as unknown as { model: unknown }).model = model;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test("a renamed sheet still reads as the form we made, through its names", async () => {
  const original = buildPlan("project", { project: "某项目" }).sheetName;
  const grids = await readXlsxBuffer(await renamedCopy(original, "我的项目表"));
  const g = grids.find((x) => x.sheet === "我的项目表")!;
  expect(g.meta).toBeDefined();
  const [form] = readForms(g);
  expect(form).toMatchObject({ kind: "project", name: "某项目", template: { id: "jx.project" } });
});
