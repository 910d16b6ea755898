// The .xlsx reopens in ExcelJS with its defined names, merges, validations, flags, hidden sheets and meta.
import ExcelJS from "exceljs";
import { FORM_KINDS } from "../../src/domain/model";
import { LISTS_SHEET, META_SHEET, type FormMeta } from "../../src/sheet/meta";
import { buildPlan } from "../../src/sheet/render";
import { writeXlsxBuffer } from "../../src/xlsx/write";
import { EDGE } from "./fixtures/forms";
import { cellValue } from "./read-back";

const plans = [...FORM_KINDS.map((k) => buildPlan(k, { year: 2024, unit: "某单位" })), buildPlan("project", {}, EDGE)];
let wb: ExcelJS.Workbook;

beforeAll(async () => {
  const buf = await writeXlsxBuffer(plans);
  wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
});

test("one sheet per plan (unique names) and the two hidden sheets", () => {
  const names = wb.worksheets.map((w) => w.name);
  expect(names).toHaveLength(plans.length + 2);
  expect(new Set(names).size).toBe(names.length);
  expect(wb.getWorksheet(META_SHEET)!.state).toBe("veryHidden");
  expect(wb.getWorksheet(LISTS_SHEET)!.state).toBe("veryHidden");
});

test("JX_META holds each form's template, prefix and field names; every name is defined where the plan says", () => {
  const meta = wb.getWorksheet(META_SHEET)!;
  const defined = new Map(wb.definedNames.model.map((d) => [d.name, d.ranges]));
  plans.forEach((plan, i) => {
    const sheet = String(cellValue(meta, `A${i + 1}`));
    const m = JSON.parse(String(cellValue(meta, `B${i + 1}`))) as FormMeta;
    expect(m.prefix).toBe(`JX${i + 1}_`);
    expect(m.template).toEqual(plan.template);
    expect(Object.keys(m.fields).sort()).toEqual(Object.keys(plan.fields).sort());
    for (const [key, name] of Object.entries(m.fields)) {
      const ranges = defined.get(`${m.prefix}${name}`);
      expect([key, ranges?.length]).toEqual([key, 1]);
      const want = plan.fields[key].split(":").map((a) => a.replace(/([A-Z]+)(\d+)/, "$$$1$$$2")).join(":");
      expect(ranges![0].replace(/^.*!/, "")).toBe(want);
      expect(ranges![0]).toContain(sheet);
    }
  });
});

test("merges, validations and conditional formats survive", () => {
  plans.forEach((plan, i) => {
    const ws = wb.worksheets[i];
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    expect(new Set(merges)).toEqual(new Set(plan.merges));
    const dv = (ws as unknown as { dataValidations: { model: Record<string, { formulae: string[] } | undefined> } }).dataValidations.model;
    // ExcelJS reads validations back cell by cell: check both ends of each range.
    for (const v of plan.validations)
      for (const a of v.ref.split(":")) expect([a, dv[a]?.formulae]).toEqual([a, [v.listName]]);
    const cfs = (ws.model as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings;
    expect(cfs).toHaveLength(plan.conditionalFormats.length);
  });
});

test("validation lists are named ranges on JX_LISTS; text that looks like a formula is a string", () => {
  const defined = new Set(wb.definedNames.model.map((d) => d.name));
  for (const l of plans[0].lists) expect(defined.has(l.name)).toBe(true);
  const edge = wb.worksheets[plans.length - 1];
  const nameCell = plans[plans.length - 1].fields["name"];
  expect(edge.getCell(nameCell).type).toBe(ExcelJS.ValueType.String);
  expect(cellValue(edge, nameCell)).toBe("=SUM(1,2) 项目");
});
