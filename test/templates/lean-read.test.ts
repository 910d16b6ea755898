// The checker reads our own forms without decoding what it never reads (issue #13: `check` of a 20-row form): the
// cells right of HELPER_COLUMN (the hidden helper formulas) and, on a hidden JX_LISTS, every cell but the profile's
// constants are passed over. What the reader gets must be what ExcelJS gives of the whole file.
import ExcelJS from "exceljs";
import { buildPlan } from "../../src/sheet/render";
import { writeXlsxBuffer } from "../../src/xlsx/write";
import { readXlsxBuffer } from "../../src/xlsx/read";
import { toGrid } from "../../src/xlsx/sheet-grid";
import { HELPER_COLUMN, LISTS_SHEET, storedProfileOf } from "../../src/sheet/meta";
import { zipParts } from "../hostile/corpus";
import { PROJECT_FROM_001 } from "./fixtures/forms";
import { lettersToCol } from "../../src/sheet/address";

const xml = (s: string): Buffer => Buffer.from(s, "utf8");
const WORKSHEET = (data: string): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${data}</sheetData></worksheet>`;
const WORKBOOK = (state: string): string =>
  '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
  `<sheets><sheet name="表" sheetId="1" r:id="rId1"/><sheet name="${LISTS_SHEET}" sheetId="2" ${state} r:id="rId2"/></sheets>` +
  `<definedNames><definedName name="JX_P_OVER">${LISTS_SHEET}!$B$1</definedName></definedNames></workbook>`;
const RELS =
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="worksheet" Target="worksheets/sheet2.xml"/></Relationships>';

/** The column letters of the cells left in a prepared sheet part. */
function columnsOf(part: Buffer): number[] {
  return [...part.toString("utf8").matchAll(/<c r="([A-Z]+)\d+"/g)].map((m) => lettersToCol(m[1]));
}

describe("our own filled form", () => {
  let buf: Buffer;
  beforeAll(async () => {
    buf = await writeXlsxBuffer([buildPlan("project", { year: 2024 }, PROJECT_FROM_001)]);
  });

  test("the reader's grid is the one ExcelJS gives of the whole file (helper columns aside)", async () => {
    const [grid] = await readXlsxBuffer(buf);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const whole = toGrid(wb.worksheets[0], grid.names);
    expect(grid.cells.length).toBeGreaterThan(100);
    expect(grid.cells).toEqual(whole.cells);
    expect(grid.merges).toEqual(whole.merges);
  });

  test("the profile's constants are still read from the lists sheet, the word lists are not", async () => {
    const [grid] = await readXlsxBuffer(buf);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const lists = wb.getWorksheet(LISTS_SHEET)!;
    const names = new Map(wb.definedNames.model.map((d) => [d.name, d.ranges[0]]));
    const expected = storedProfileOf((n) => {
      const ref = names.get(n);
      if (!ref) return undefined;
      const out: unknown[] = [];
      const [a, z = a] = ref.replace(/^.*!/, "").replace(/\$/g, "").split(":");
      const [c0, r0] = [lettersToCol(a.replace(/\d+/, "")), Number(a.replace(/\D+/, ""))];
      const [c1, r1] = [lettersToCol(z.replace(/\d+/, "")), Number(z.replace(/\D+/, ""))];
      for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) out.push(lists.getCell(r, c + 1).value);
      return out;
    });
    expect(expected).toBeDefined();
    expect(grid.meta?.profile).toEqual(expected);
    // the word lists (hundreds of cells) are in the file, and the hidden lists sheet is no grid of the reader's
    const parts = await partsOf(buf);
    expect(columnsOf(parts.get("xl/worksheets/sheet2.xml")!).length).toBeGreaterThan(200);
    expect((await readXlsxBuffer(buf)).map((g) => g.sheet)).toEqual([grid.sheet]);
  });

  test("no cell right of the helper boundary is read, though the file has hundreds", async () => {
    const parts = await partsOf(buf);
    expect(columnsOf(parts.get("xl/worksheets/sheet1.xml")!).filter((c) => c >= HELPER_COLUMN).length).toBeGreaterThan(200);
    const [grid] = await readXlsxBuffer(buf);
    expect(grid.cells.filter((c) => c.col + 1 > HELPER_COLUMN)).toEqual([]);
  });
});

/** The parts of an .xlsx, unzipped with ExcelJS's own zip library. */
async function partsOf(buf: Buffer): Promise<Map<string, Buffer>> {
  const JSZip = (await import("jszip")).default;
  const zip = await JSZip.loadAsync(buf);
  const out = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files)) if (!zip.files[name].dir) out.set(name, await zip.files[name].async("nodebuffer"));
  return out;
}

describe("a lists sheet of our name", () => {
  const lists = WORKSHEET('<row r="1"><c r="A1" t="inlineStr"><is><t>以上</t></is></c><c r="B1"><v>1.3</v></c></row>');
  test.each([
    ['state="veryHidden"', []],
    ['state="hidden"', []],
    ["", [{ row: 0, col: 0, value: "以上" }, { row: 0, col: 1, value: 1.3 }]],
  ])("%s: read as a sheet only when visible (%j)", async (state, cells) => {
    const parts = new Map([
      ["[Content_Types].xml", xml('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')],
      ["xl/workbook.xml", xml(WORKBOOK(state))],
      ["xl/_rels/workbook.xml.rels", xml(RELS)],
      ["xl/worksheets/sheet1.xml", xml(WORKSHEET('<row r="1"><c r="A1"><v>5</v></c></row>'))],
      ["xl/worksheets/sheet2.xml", xml(lists)],
    ]);
    const grids = await readXlsxBuffer(zipParts(parts));
    expect(grids[0].cells).toEqual([{ row: 0, col: 0, value: 5 }]);
    expect(grids.find((g) => g.sheet === LISTS_SHEET)?.cells ?? []).toEqual(cells);
  });
});
