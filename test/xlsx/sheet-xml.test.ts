// The package reader's tricky parts, each on hand-made parts: what a cell becomes (strings, rich text, phonetic runs,
// escapes, booleans, errors, dates, formulas and their results, shared and array formulas), number formats and the
// date decision, cells and rows without addresses, merged areas, the columns never read, the sheet list, the limits.
// Where the reader and ExcelJS differ on purpose, the test says so and checks both: the reader shows what Excel shows.
import { readXlsxBuffer } from "../../src/xlsx/read";
import { DEFAULT_LIMITS } from "../../src/xlsx/limits";
import type { Grid, GridCell } from "../../src/sheet/grid";
import { zipParts } from "../hostile/corpus";
import { readWithExcelJS } from "./exceljs-oracle";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

interface Book {
  sheets?: { name: string; data: string; state?: string; merges?: string; target?: string; prologue?: string }[];
  strings?: string[];
  numFmts?: string;
  xfs?: number[];
  workbookPr?: string;
}

function pkg(b: Book): Buffer {
  const sheets = b.sheets ?? [];
  const parts = new Map<string, Buffer>();
  const put = (name: string, xml: string): void => void parts.set(name, Buffer.from(xml, "utf8"));
  put(
    "[Content_Types].xml",
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
  );
  put(
    "_rels/.rels",
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  );
  put(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}>${b.workbookPr ?? ""}<sheets>` +
      sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`).join("") +
      "</sheets></workbook>",
  );
  put(
    "xl/_rels/workbook.xml.rels",
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      sheets
        .map((s, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${s.target ?? `worksheets/sheet${i + 1}.xml`}"/>`)
        .join("") +
      `<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  if (b.strings) put("xl/sharedStrings.xml", `<?xml version="1.0" encoding="UTF-8"?><sst ${NS}>${b.strings.map((s) => `<si>${s}</si>`).join("")}</sst>`);
  const xfs = b.xfs ?? [0];
  put(
    "xl/styles.xml",
    `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${NS}>${b.numFmts ? `<numFmts>${b.numFmts}</numFmts>` : ""}<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>` +
      `<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="${xfs.length}">${xfs.map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"/>`).join("")}</cellXfs></styleSheet>`,
  );
  sheets.forEach((s, i) => {
    const target = s.target ?? `worksheets/sheet${i + 1}.xml`;
    const name = target.startsWith("/") ? target.slice(1) : `xl/${target}`;
    put(name, `<?xml version="1.0" encoding="UTF-8"?>${s.prologue ?? ""}<worksheet ${NS}><sheetData>${s.data}</sheetData>${s.merges ? `<mergeCells>${s.merges}</mergeCells>` : ""}</worksheet>`);
  });
  return zipParts(parts);
}

const one = (data: string, more: Omit<Book, "sheets"> & { merges?: string } = {}): Buffer => pkg({ ...more, sheets: [{ name: "表", data, merges: more.merges }] });

/** The cells of the first sheet by address, without row/col. */
function cellsOf(g: Grid): Record<string, Omit<GridCell, "row" | "col">> {
  const out: Record<string, Omit<GridCell, "row" | "col">> = {};
  for (const { row, col, ...rest } of g.cells) out[`${String.fromCharCode(65 + col)}${row + 1}`] = rest;
  return out;
}

async function ours(buf: Buffer): Promise<Record<string, Omit<GridCell, "row" | "col">>> {
  return cellsOf((await readXlsxBuffer(buf))[0]);
}
async function theirs(buf: Buffer): Promise<Record<string, Omit<GridCell, "row" | "col">>> {
  return cellsOf((await readWithExcelJS(buf))[0]);
}

describe("strings", () => {
  test("shared strings: rich text runs joined, entities and character references decoded, as ExcelJS reads them", async () => {
    const buf = one('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>', {
      strings: [
        '<r><rPr><b/></rPr><t>绩效</t></r><r><t xml:space="preserve"> 自评 </t></r>',
        "<t>A&amp;B &lt;&#x4E2D;&#22269;&gt; &quot;x&apos;</t>",
        "<t>line_x000D_break _x005F_x0041_</t>",
      ],
    });
    const expected = { A1: { value: "绩效 自评 " }, B1: { value: "A&B <中国> \"x'" }, C1: { value: "line\rbreak _x0041_" } };
    expect(await ours(buf)).toEqual(expected);
    expect(await theirs(buf)).toEqual(expected);
  });

  test("phonetic runs (<rPh>) are left out of shared and inline strings; inline rich text runs are joined", async () => {
    const buf = one(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></is></c>' +
        '<c r="C1" t="inlineStr"><is><r><t>甲</t></r><r><t>乙_x0009_</t></r></is></c></row>',
      { strings: ['<t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/>'] },
    );
    expect(await ours(buf)).toEqual({ A1: { value: "東京" }, B1: { value: "東京" }, C1: { value: "甲乙\t" } });
    const old = await theirs(buf);
    expect(old.A1).toEqual({ value: "東京" });
  });

  test("an error's text in a string cell is an error; an empty shared string is an empty text", async () => {
    const buf = one('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>#div/0!</t></is></c><c r="C1" t="s"><v>1</v></c></row>', {
      strings: ["<t>#N/A</t>", ""],
    });
    expect(await ours(buf)).toEqual({ A1: { value: "#N/A", type: "error" }, B1: { value: "#DIV/0!", type: "error" }, C1: { value: "" } });
  });
});

describe("values and formulas", () => {
  test("booleans, errors, numbers, formulas with their cached results of each type", async () => {
    const buf = one(
      '<row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="b"><v>0</v></c><c r="C1" t="e"><v>#REF!</v></c><c r="D1"><v>-1.5E-3</v></c>' +
        '<c r="E1"><f>D1*2</f><v>-0.003</v></c><c r="F1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="G1" t="b"><f>D1&lt;0</f><v>1</v></c>' +
        '<c r="H1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="I1"><f>D1</f></c></row>',
    );
    const expected = {
      A1: { value: true },
      B1: { value: false },
      C1: { value: "#REF!", type: "error" },
      D1: { value: -0.0015 },
      E1: { value: -0.003, formula: "=D1*2" },
      F1: { value: "ab", formula: '="a"&"b"' },
      G1: { value: true, formula: "=D1<0" },
      H1: { value: "#DIV/0!", formula: "=1/0", type: "error" },
      I1: { value: null, formula: "=D1" },
    };
    expect(await ours(buf)).toEqual(expected);
    expect(await theirs(buf)).toEqual(expected);
  });

  test("a formula's string result is decoded once (ExcelJS decodes it twice: '&amp;lt;' became '<')", async () => {
    const buf = one('<row r="1"><c r="A1" t="str"><f>"&amp;lt;"</f><v>&amp;lt;</v></c></row>');
    expect((await ours(buf)).A1).toEqual({ value: "&lt;", formula: '="&lt;"' });
    expect((await theirs(buf)).A1.value).toBe("<");
  });

  test("a shared formula's cells get the first cell's formula filled as Excel fills it; array formulas keep their values", async () => {
    const buf = one(
      '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*$A$1+SUM(A$1:A1)</f><v>2</v></c></row>' +
        '<row r="2"><c r="A2"><v>2</v></c><c r="B2"><f t="shared" si="0"/><v>5</v></c></row>' +
        '<row r="3"><c r="A3"><v>3</v></c><c r="B3"><f t="shared" si="0"/><v>9</v></c>' +
        '<c r="C3"><f t="array" ref="C3:C4">A1:A2*2</f><v>2</v></c></row><row r="4"><c r="C4"><v>4</v></c></row>',
    );
    const got = await ours(buf);
    expect(got.B2).toEqual({ value: 5, formula: "=A2*$A$1+SUM(A$1:A2)" });
    expect(got.B3).toEqual({ value: 9, formula: "=A3*$A$1+SUM(A$1:A3)" });
    expect(got.C3).toEqual({ value: 2, formula: "=A1:A2*2" });
    expect(got.C4).toEqual({ value: 4 });
    expect(await theirs(buf)).toEqual(got);
  });

  test("a shared formula leaves strings and names alone and moves references to other sheets (ExcelJS moved the text in strings)", async () => {
    const buf = one(
      '<row r="1"><c r="A1"><f t="shared" ref="A1:A2" si="3">IF(B1="B1",Sheet2!C1,JX_P_CAP)</f><v>0</v></c></row>' +
        '<row r="2"><c r="A2"><f t="shared" si="3"/><v>0</v></c></row>',
    );
    expect((await ours(buf)).A2.formula).toBe('=IF(B2="B1",Sheet2!C2,JX_P_CAP)');
    expect((await theirs(buf)).A2.formula).toBe('=IF(B2="B2",Sheet2!C2,JX_P_CAP)');
  });
});

describe("number formats and dates", () => {
  const data =
    '<row r="1"><c r="A1" s="1"><v>45352</v></c><c r="B1" s="2"><v>0.9742</v></c><c r="C1" s="3"><v>45352</v></c>' +
    '<c r="D1" s="4"><v>1234.5</v></c><c r="E1" s="1"><f>A1</f><v>45352</v></c><c r="F1" s="1" t="str"><f>"x"</f><v>x</v></c></row>';
  const styles = { numFmts: '<numFmt numFmtId="164" formatCode="#,##0.00\\ &quot;元&quot;"/>', xfs: [0, 14, 10, 31, 164] };

  test("a number in a date format is a date, in a percent or custom format a number with its format", async () => {
    const got = await ours(one(data, styles));
    expect(got.A1).toEqual({ value: "2024/3/1", numFmt: "mm-dd-yy", type: "date" });
    expect(got.B1).toEqual({ value: 0.9742, numFmt: "0.00%" });
    expect(got.D1).toEqual({ value: 1234.5, numFmt: '#,##0.00 "元"' });
    expect(got.E1).toEqual({ value: "2024/3/1", formula: "=A1", numFmt: "mm-dd-yy", type: "date" });
  });

  test("the Chinese built-in date format 31 shows a date (ExcelJS knew no text for it: a plain number)", async () => {
    const buf = one(data, styles);
    expect((await ours(buf)).C1).toEqual({ value: "2024/3/1", numFmt: 'yyyy"年"m"月"d"日"', type: "date" });
    expect((await theirs(buf)).C1).toEqual({ value: 45352 });
  });

  test("a text result in a date-formatted cell stays text (ExcelJS made it an empty date)", async () => {
    const buf = one(data, styles);
    expect((await ours(buf)).F1).toEqual({ value: "x", formula: '="x"', numFmt: "mm-dd-yy" });
    expect((await theirs(buf)).F1.type).toBe("date");
  });

  test("the 1904 date system", async () => {
    const buf = one(data, { ...styles, workbookPr: '<workbookPr date1904="1"/>' });
    expect((await ours(buf)).A1.value).toBe("2028/3/2");
    expect((await theirs(buf)).A1.value).toBe("2028/3/2");
  });

  test("an ISO date (t=\"d\") is a date (ExcelJS read its year as a number)", async () => {
    const buf = one('<row r="1"><c r="A1" t="d"><v>2024-03-01T00:00:00</v></c><c r="B1" t="d"><v>not a date</v></c></row>');
    expect(await ours(buf)).toEqual({ A1: { value: "2024/3/1", type: "date" }, B1: { value: "not a date" } });
    expect((await theirs(buf)).A1).toEqual({ value: 2024 });
  });
});

describe("addresses, merges, columns never read", () => {
  test("cells without r follow the one before in their row; rows without r follow the row before", async () => {
    const buf = one('<row r="2"><c r="B2"><v>1</v></c><c><v>2</v></c></row><row><c r="A3"><v>3</v></c><c><v>4</v></c></row><row><c><v>5</v></c></row>');
    expect(await ours(buf)).toEqual({ B2: { value: 1 }, C2: { value: 2 }, A3: { value: 3 }, B3: { value: 4 }, A4: { value: 5 } });
  });

  test("a merged area keeps its top-left value only, and is clipped to the filled part of the sheet", async () => {
    const buf = one('<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><v>3</v></c></row><row r="2"><c r="A2"><v>4</v></c></row>', {
      merges: '<mergeCell ref="A1:B1"/><mergeCell ref="A2:XFD1048576"/><mergeCell ref="D5:E6"/>',
    });
    const [g] = await readXlsxBuffer(buf);
    expect(cellsOf(g)).toEqual({ A1: { value: 1 }, C1: { value: 3 }, A2: { value: 4 } });
    expect(g.merges).toEqual([
      { r0: 0, c0: 0, r1: 0, c1: 1 },
      { r0: 1, c0: 0, r1: 1, c1: 2 },
    ]);
    expect(cellsOf((await readWithExcelJS(buf))[0])).toEqual(cellsOf(g));
  });

  test("cells right of HELPER_COLUMN are not read, but a shared formula's first cell there still fills the cells read", async () => {
    const buf = one(
      '<row r="1"><c r="A1"><v>1</v></c><c r="DR1"><v>2</v></c></row>' +
        '<row r="3"><c r="DR3"><f t="shared" ref="B3:DR3" si="0">A3+1</f><v>1</v></c></row><row r="4"><c r="DR4"><f t="shared" si="0"/><v>1</v></c></row>',
    );
    expect(await ours(buf)).toEqual({ A1: { value: 1 } });
    const reaching = one('<row r="3"><c r="DR3"><f t="shared" ref="B3:DR3" si="0">DS3+A3</f><v>1</v></c><c r="B4"><f t="shared" si="0"/><v>7</v></c></row>');
    expect(await ours(reaching)).toEqual({ B4: { value: 7, formula: "=C4+#REF!" } });
  });

  test("the rest of a row right of HELPER_COLUMN is passed over, unless a shared formula starts there; the next row is read", async () => {
    const buf = one(
      '<row r="1"><c r="A1"><v>1</v></c><c r="DR1"><v>2</v></c><c r="DS1"><v>3</v></c><c r="DT1"><f>A1</f><v>1</v></c></row>' +
        '<row r="2"><c r="A2"><v>4</v></c><c r="DR2"><v>5</v></c><c r="DS2"><f t="shared" ref="DS2:DS3" si="0">A2</f><v>4</v></c></row>' +
        '<row r="3"><c r="B3"><v>6</v></c><c r="DS3"><f t="shared" si="0"/><v>0</v></c></row>' +
        // cells out of column order (the file format forbids it; Excel repairs such a file): after a helper cell, not read
        '<row r="4"><c r="DR4"><v>7</v></c><c r="C4"><v>8</v></c></row><row r="5"><c r="A5"><v>9</v></c></row>',
    );
    expect(await ours(buf)).toEqual({ A1: { value: 1 }, A2: { value: 4 }, B3: { value: 6 }, A5: { value: 9 } });
  });
});

describe("the workbook", () => {
  test("sheets in the workbook's order with their names and hidden state, parts found through the relationships", async () => {
    const buf = pkg({
      sheets: [
        { name: "乙 &amp; 丙", data: '<row r="1"><c r="A1"><v>1</v></c></row>', target: "/xl/worksheets/sheet9.xml" },
        { name: "甲", data: '<row r="1"><c r="A1"><v>2</v></c></row>', state: "veryHidden", target: "worksheets/sheet1.xml" },
      ],
    });
    const grids = await readXlsxBuffer(buf);
    expect(grids.map((g) => [g.sheet, g.hidden, g.cells[0].value])).toEqual([
      ["乙 & 丙", undefined, 1],
      ["甲", "veryHidden", 2],
    ]);
  });

  test("the limits hold: cells and rows counted, a DTD refused", async () => {
    const data = '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>1</v></c><c r="C1"><v>1</v></c></row>';
    await expect(readXlsxBuffer(one(data), ".xlsx", { ...DEFAULT_LIMITS, cells: 3 })).rejects.toThrow(/单元格超过 3 个/);
    await expect(readXlsxBuffer(one(data), ".xlsx", { ...DEFAULT_LIMITS, cells: 4 })).resolves.toHaveLength(1);
    const dtd = pkg({ sheets: [{ name: "表", data, prologue: '<!DOCTYPE x [<!ENTITY a "b">]>' }] });
    await expect(readXlsxBuffer(dtd)).rejects.toThrow(/DTD/);
  });
});
