// The parts of a workbook package rebuilt for ExcelJS, as the reader prepared them before it read the parts itself
// (src/xlsx/ooxml.ts readOoxml). Kept for the tests only: test/xlsx/exceljs-oracle.ts reads every workbook through
// ExcelJS as well, and the two readers' grids are compared. ExcelJS turns some small markup into work without
// bound (every cell of a merged area, of a defined name's range, of a `<col>` run becomes an object), so each part
// is rebuilt from what the reader needs: a worksheet keeps its cells and its merges clipped to the filled part of the
// sheet, without the cells never read (right of HELPER_COLUMN; on a hidden JX_LISTS, all but the profile's cells); the
// workbook keeps its sheet list and date system; defined names are read apart, as text.
import { colToLetters } from "../../src/sheet/address";
import { HELPER_COLUMN } from "../../src/sheet/meta";
import { LimitError, type Limits } from "../../src/xlsx/limits";
import { definedNamesOf, hasDoctype, profileAreas } from "../../src/xlsx/ooxml";
import { cellRef, clipMerges, insideAny, type Area, type Tally } from "../../src/xlsx/sheet-xml";
import { LISTS_SHEET } from "../../src/sheet/meta";

export interface Prepared {
  /** The rebuilt parts, ready for storedZip. */
  parts: Map<string, Buffer>;
  /** Defined names by the sheet they point into: sheet → name → "$D$14". */
  names: Map<string, Record<string, string>>;
}

const EMPTY_SHEET = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>';

export function prepareOoxml(parts: Map<string, Buffer>, limits: Limits): Prepared {
  const out = new Map<string, Buffer>();
  const tally: Tally = { cells: 0, merges: 0, mergedCells: 0 };
  let names = new Map<string, Record<string, string>>();
  let sheets = 0;
  const lists = hiddenListsPart(parts);
  // The workbook part first: a sheet may need its defined names.
  const ordered = [...parts].sort(([a], [b]) => Number(b === "xl/workbook.xml") - Number(a === "xl/workbook.xml"));
  for (const [name, buf] of ordered) {
    // latin1 maps each byte to one character and back: the rebuilt part keeps the file's UTF-8 bytes untouched.
    const xml = buf.toString("latin1");
    if (hasDoctype(xml)) throw new LimitError(`「${name}」含有 DTD 声明（工作簿从不使用，可能是 XML 实体攻击）`);
    if (name === "xl/workbook.xml") {
      const wb = prepareWorkbook(xml, limits);
      names = wb.names;
      out.set(name, Buffer.from(wb.xml, "latin1"));
    } else if (/^xl\/worksheets\//.test(name)) {
      if (++sheets > limits.sheets) throw new LimitError(`工作表超过 ${limits.sheets} 张`);
      const keep = name === lists ? profileAreas(names) : undefined;
      out.set(name, Buffer.from(prepareSheet(xml, name, limits, tally, keep), "latin1"));
    } else {
      out.set(name, buf);
    }
  }
  return { parts: out, names };
}

/** The element `<tag …>…</tag>` (or `<tag/>`) without a namespace prefix, from its start; null when absent. */
function block(xml: string, tag: string, from = 0): { start: number; end: number } | null {
  const re = new RegExp(`<${tag}(?=[\\s>/])`, "g");
  re.lastIndex = from;
  const m = re.exec(xml);
  if (!m) return null;
  const close = xml.indexOf(">", m.index);
  if (close < 0) return null;
  if (xml[close - 1] === "/") return { start: m.index, end: close + 1 };
  const endTag = xml.indexOf(`</${tag}>`, close);
  if (endTag < 0) return null;
  return { start: m.index, end: endTag + tag.length + 3 };
}

function rootStart(xml: string, tag: string): string | null {
  const b = new RegExp(`<${tag}(?=[\\s>])`).exec(xml);
  if (!b) return null;
  const close = xml.indexOf(">", b.index);
  return close < 0 ? null : xml.slice(b.index, close + 1);
}

const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

// ---------- worksheets ----------

/**
 * The part of the hidden lists sheet our workbooks carry (JX_LISTS: word lists and the profile's constants), when
 * hidden: the reader takes only the profile's named cells from it (read.ts), so the rest of its cells are cut out.
 * A visible lists sheet is read as any sheet.
 */
function hiddenListsPart(parts: Map<string, Buffer>): string | undefined {
  const wb = parts.get("xl/workbook.xml")?.toString("latin1");
  const rels = parts.get("xl/_rels/workbook.xml.rels")?.toString("latin1");
  if (!wb || !rels) return undefined;
  const sheet = /<sheet(?=\s)[^>]*>/g;
  for (let m = sheet.exec(wb); m; m = sheet.exec(wb)) {
    const tag = m[0];
    if (/\bname="([^"]*)"/.exec(tag)?.[1] !== LISTS_SHEET || !/\bstate="(hidden|veryHidden)"/.test(tag)) continue;
    const id = /\s[\w.-]+:id="([^"]*)"/.exec(tag)?.[1];
    const rel = /<Relationship(?=\s)[^>]*>/g;
    for (let r = rel.exec(rels); r; r = rel.exec(rels)) {
      if (id === undefined || /\bId="([^"]*)"/.exec(r[0])?.[1] !== id) continue;
      const target = /\bTarget="([^"]*)"/.exec(r[0])?.[1] ?? "";
      return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
    }
  }
  return undefined;
}

function prepareSheet(xml: string, part: string, limits: Limits, tally: Tally, keep?: Area[]): string {
  const root = rootStart(xml, "worksheet");
  if (!root) return EMPTY_SHEET; // a prefixed or foreign root: ExcelJS would read no cell from it either
  const data = block(xml, "sheetData");
  const sheetData = data ? xml.slice(data.start, data.end) : "<sheetData/>";

  // Count cells and rows and find the filled extent. Cells without an r attribute follow the previous one.
  // The cells the reader never reads are cut out (cutOut): right of HELPER_COLUMN, or on the hidden lists sheet
  // outside `keep`.
  const tags = /<(c|row)(?=[\s>/])([^>]*)>/g;
  const cut: number[] = [];
  let maxRow = 0;
  let maxCol = 0;
  let row = 0;
  let col = 0;
  for (let m = tags.exec(sheetData); m; m = tags.exec(sheetData)) {
    if (++tally.cells > limits.cells) throw new LimitError(`单元格超过 ${limits.cells} 个`);
    const r = /\br="([^"]*)"/.exec(m[2])?.[1];
    if (m[1] === "row") {
      row = r && /^\d{1,7}$/.test(r) ? Number(r) : row + 1;
      col = 0;
      continue;
    }
    const at = r ? cellRef(r) : null;
    if (at) [row, col] = at;
    else col++;
    const empty = m[2].endsWith("/"); // <c r="B2" s="3"/>: formatting only, no content
    const unread = keep ? !insideAny(keep, row, col) : col > HELPER_COLUMN;
    if (unread && m.index >= (cut[cut.length - 1] ?? 0)) {
      // The scan goes on inside the cut cell (a malformed file may nest cells there: they still count).
      const end = empty ? tags.lastIndex : endOfCell(sheetData, tags.lastIndex);
      if (!sharedBack(sheetData.slice(m.index, end))) cut.push(m.index, end);
    }
    if (empty) continue;
    if (row > maxRow) maxRow = row;
    if (col > maxCol) maxCol = col;
  }

  const areas: Area[] = [];
  for (let from = 0, b = block(xml, "mergeCells"); b; b = block(xml, "mergeCells", from)) {
    const merges = xml.slice(b.start, b.end);
    const re = /<mergeCell(?=[\s>/])[^>]*?\bref="([^"]*)"/g;
    for (let m = re.exec(merges); m; m = re.exec(merges)) {
      if (areas.length >= limits.merges * 4) throw new LimitError(`合并单元格区域超过 ${limits.merges} 个`);
      const [a, z = a] = m[1].split(":");
      const p = cellRef(a);
      const q = cellRef(z);
      if (p && q) areas.push({ r0: p[0], c0: p[1], r1: q[0], c1: q[1] });
    }
    from = b.end;
  }
  const kept = clipMerges(areas, maxRow, maxCol, limits, tally, part);
  const mergeXml = kept.length
    ? `<mergeCells count="${kept.length}">${kept
        .map((k) => `<mergeCell ref="${colToLetters(k.c0 - 1)}${k.r0}:${colToLetters(k.c1 - 1)}${k.r1}"/>`)
        .join("")}</mergeCells>`
    : "";
  return `${XML_DECL}${root}${cutOut(sheetData, cut)}${mergeXml}</worksheet>`;
}

/** Where the cell whose start tag ends at `from` ends (after its </c>). */
function endOfCell(xml: string, from: number): number {
  const close = xml.indexOf("</c>", from);
  return close < 0 ? xml.length : close + 4;
}

/**
 * Whether a cell is the first of a shared formula whose run reaches back into the columns that are read: such a cell
 * is kept (the cells of the run there are written from it).
 */
function sharedBack(cell: string): boolean {
  const f = /<f(?=[\s>/])([^>]*)>/.exec(cell)?.[1];
  if (!f || !/\bt="shared"/.test(f)) return false;
  const ref = /\bref="([^":]*)/.exec(f)?.[1];
  const from = ref ? cellRef(ref) : null;
  return !!from && from[1] <= HELPER_COLUMN;
}

/**
 * The sheet data without the spans in `cut` (start, end pairs): cells the reader never reads — right of HELPER_COLUMN
 * (1-based column > HELPER_COLUMN, sheet-grid.ts), or on the hidden lists sheet outside the profile's cells. On our
 * own forms those are the hidden helper formulas (two thirds of the sheet's XML) and the word lists, and ExcelJS
 * would build an object for each.
 */
function cutOut(xml: string, cut: number[]): string {
  if (!cut.length) return xml;
  const parts: string[] = [];
  let last = 0;
  for (let i = 0; i < cut.length; i += 2) {
    parts.push(xml.slice(last, cut[i]));
    last = cut[i + 1];
  }
  parts.push(xml.slice(last));
  return parts.join("");
}

function prepareWorkbook(xml: string, limits: Limits): { xml: string; names: Map<string, Record<string, string>> } {
  const dn = block(xml, "definedNames");
  const names = dn ? definedNamesOf(xml.slice(dn.start, dn.end), limits) : new Map<string, Record<string, string>>();
  const root = rootStart(xml, "workbook");
  const sheets = block(xml, "sheets");
  if (!root || !sheets) return { xml, names: new Map() }; // ExcelJS finds no sheet in it either
  const pr = block(xml, "workbookPr");
  const parts = [XML_DECL, root, pr ? xml.slice(pr.start, pr.end) : "", xml.slice(sheets.start, sheets.end), "</workbook>"];
  return { xml: parts.join(""), names };
}
