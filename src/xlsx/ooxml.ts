// An Office Open XML workbook (xlsx, xlsm, xltx) read from its parts: readOoxml (at the end of this file) is what
// the reader uses — the workbook part, its relationships, the shared strings, the styles and each worksheet read
// straight into cells (sheet-xml.ts) under the limits, with the same bounds as below. prepareOoxml, the parts rebuilt
// for ExcelJS, is no longer on the read path: the tests keep it to read every workbook through ExcelJS as well and
// compare (test/xlsx/exceljs-oracle.ts, test/templates/lean-read.test.ts).
//
// An Office Open XML workbook (xlsx, xlsm, xltx) made safe for ExcelJS before ExcelJS sees it.
// ExcelJS turns some small markup into work without bound: every cell of a merged area becomes an object (one
// `<mergeCell ref="J1:XFD1048576"/>` is 17 billion), and so does every cell of a defined name's range, of a data
// validation's range and of a `<col min max>` run; 100,000 zip entries, or 20,000 merges (checked against each
// other), take minutes. So each part is rebuilt here from what the reader needs, under the limits:
// - only the workbook, its relationships, the shared strings, the styles and the worksheets are kept;
// - a worksheet keeps its cells (`<sheetData>`) and its merged areas, each clipped to the part of the sheet that
//   holds cells (never expanded); cells, rows and merges are counted against the limits; the cells the reader
//   never reads are left out (right of HELPER_COLUMN, and the word lists on our hidden lists sheet);
// - the workbook keeps its sheet list (with each sheet's hidden state) and date system; the defined names are read
//   here, as plain text, and never reach ExcelJS;
// - a part with a DTD is refused: workbooks never have one, entity expansion and external entities live there.
// The scanning is by index and by regular expressions without nested repetition: linear in the size of a part.

import { colToLetters, sheetOf } from "../sheet/address";
import { HELPER_COLUMN, LISTS_SHEET } from "../sheet/meta";
import { PROFILE } from "../domain/templates/profile-constants";
import { LimitError, type Limits } from "./limits";
import type { GridCell, Rect } from "../sheet/grid";
import { cellRef, clipMerges, insideAny, readSheetXml, type Area, type Tally } from "./sheet-xml";
import { readSharedStrings } from "./shared-strings";
import { NO_STYLES, readStyles } from "./styles";
import { attr, element, startTag } from "./xml-text";

export { clipMerges } from "./sheet-xml";

/** Parts ExcelJS reads that the reader needs. */
export function wantedPart(name: string): boolean {
  return (
    name === "_rels/.rels" ||
    name === "xl/workbook.xml" ||
    name === "xl/_rels/workbook.xml.rels" ||
    name === "xl/sharedStrings.xml" ||
    name === "xl/styles.xml" ||
    /^xl\/worksheets\/sheet\d+\.xml$/.test(name)
  );
}

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

function hasDoctype(xml: string): boolean {
  // A DTD comes before the root element; look only at the prologue.
  const root = xml.search(/<[A-Za-z_]/);
  const prologue = root < 0 ? xml.slice(0, 4096) : xml.slice(0, root);
  return /<!DOCTYPE/i.test(prologue) || /<!ENTITY/i.test(prologue);
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

/** The cells of the profile's named ranges on the lists sheet (1-based rows and columns). */
function profileAreas(names: Map<string, Record<string, string>>): Area[] {
  const on = names.get(LISTS_SHEET) ?? {};
  const out: Area[] = [];
  for (const n of Object.values(PROFILE)) {
    const [a, z = a] = (on[n] ?? "").split(":");
    const p = cellRef(a);
    const q = cellRef(z);
    if (p && q) out.push({ r0: p[0], c0: p[1], r1: q[0], c1: q[1] });
  }
  return out;
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

// ---------- the workbook part ----------

function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e === "amp") return "&";
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    const code = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : "";
  });
}

/** Split "'a,b'!$A$1,Sheet2!$B$2" at the commas outside quotes. */
function splitRefs(text: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (const ch of text) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out.map((s) => s.trim()).filter(Boolean);
}

const RANGE_REF = /^(?:'(?:[^']|'')+'|[^'!,]+)!\$?[A-Za-z]{1,3}\$?\d{1,7}(?::\$?[A-Za-z]{1,3}\$?\d{1,7})?$/;

/** Defined names that point at cells, grouped by the sheet they point into. The text is the file's, UTF-8. */
export function definedNamesOf(block: string, limits: Limits): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  const re = /<definedName(?=[\s>])([^>]*)>([^<]*)<\/definedName>/g;
  let count = 0;
  for (let m = re.exec(block); m; m = re.exec(block)) {
    if (++count > limits.cells) throw new LimitError(`定义名称超过 ${limits.cells} 个`);
    const rawName = /\bname="([^"]*)"/.exec(m[1])?.[1];
    if (!rawName) continue;
    const name = utf8(unescapeXml(rawName));
    for (const ref of splitRefs(utf8(unescapeXml(m[2])))) {
      if (!RANGE_REF.test(ref)) continue;
      const sheet = sheetOf(ref);
      if (!sheet) continue;
      const rec = out.get(sheet) ?? {};
      rec[name] = ref.slice(ref.lastIndexOf("!") + 1);
      out.set(sheet, rec);
    }
  }
  return out;
}

/** Text taken from a latin1 view of UTF-8 bytes, decoded. */
function utf8(latin1: string): string {
  return Buffer.from(latin1, "latin1").toString("utf8");
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

// ---------- reading the package straight into grids ----------

/** One worksheet of the package, read: its name, hidden state and cells. */
export interface OoxmlSheet {
  name: string;
  hidden?: "hidden" | "veryHidden";
  cells: GridCell[];
  merges: Rect[];
}

export interface OoxmlBook {
  /** The worksheets in the workbook's order (chart sheets and sheets whose part is missing are left out). */
  sheets: OoxmlSheet[];
  /** Defined names by the sheet they point into: sheet → name → "$D$14". */
  names: Map<string, Record<string, string>>;
}

/** The parts as text; a part with a DTD is refused (workbooks never have one; entity expansion lives there). */
function partTexts(parts: Map<string, Buffer>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, buf] of parts) {
    const xml = buf.toString("utf8");
    if (hasDoctype(xml)) throw new LimitError(`「${name}」含有 DTD 声明（工作簿从不使用，可能是 XML 实体攻击）`);
    out.set(name, xml);
  }
  return out;
}

/** A relationship's target as a part name: absolute ("/xl/worksheets/sheet1.xml") or relative to xl/. */
function targetPart(target: string): string {
  const segments = target.startsWith("/") ? [] : ["xl"];
  for (const s of target.replace(/^\/+/, "").split("/")) {
    if (s === "..") segments.pop();
    else if (s && s !== ".") segments.push(s);
  }
  return segments.join("/");
}

/**
 * The workbook's worksheets as cells and merged areas, read from the package's parts (those wantedPart keeps) under
 * the limits: the sheet list and date system from xl/workbook.xml, each sheet's part through the workbook's
 * relationships, the shared strings and the number formats, then each sheet (sheet-xml.ts).
 */
export function readOoxml(parts: Map<string, Buffer>, limits: Limits): OoxmlBook {
  let worksheets = 0;
  for (const name of parts.keys()) if (/^xl\/worksheets\//.test(name) && ++worksheets > limits.sheets) throw new LimitError(`工作表超过 ${limits.sheets} 张`);
  const texts = partTexts(parts);
  const wb = texts.get("xl/workbook.xml");
  if (!wb || !startTag(wb, "workbook")) return { sheets: [], names: new Map() };
  const dn = element(wb, "definedNames");
  const names = dn ? definedNamesOf(Buffer.from(wb.slice(dn.at, dn.end), "utf8").toString("latin1"), limits) : new Map<string, Record<string, string>>();
  const pr = startTag(wb, "workbookPr");
  const date1904 = !!pr && /^(1|true)$/.test(attr(pr.attrs, "date1904") ?? "");

  const targets = new Map<string, string>();
  const rels = texts.get("xl/_rels/workbook.xml.rels") ?? "";
  for (let t = startTag(rels, "Relationship"); t; t = startTag(rels, "Relationship", t.end)) {
    const id = attr(t.attrs, "Id");
    const target = attr(t.attrs, "Target");
    if (id !== undefined && target !== undefined) targets.set(id, targetPart(target.trim()));
  }
  const sstXml = texts.get("xl/sharedStrings.xml");
  const strings = sstXml ? readSharedStrings(sstXml) : [];
  const stylesXml = texts.get("xl/styles.xml");
  const styles = stylesXml ? readStyles(stylesXml) : NO_STYLES;

  const tally: Tally = { cells: 0, merges: 0, mergedCells: 0 };
  const out: OoxmlSheet[] = [];
  const list = element(wb, "sheets");
  const seen = new Set<string>();
  for (let t = list && startTag(wb, "sheet", list.inner, list.innerEnd); list && t; t = startTag(wb, "sheet", t.end, list.innerEnd)) {
    const name = attr(t.attrs, "name");
    const rid = /\s[\w.-]+:id\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(t.attrs);
    const part = rid ? targets.get(rid[1] ?? rid[2]) : undefined;
    if (name === undefined || !part || seen.has(part) || !/^xl\/worksheets\//.test(part)) continue;
    const xml = texts.get(part);
    if (xml === undefined) continue;
    seen.add(part);
    const state = attr(t.attrs, "state");
    const hidden = state === "hidden" || state === "veryHidden" ? state : undefined;
    // Of the hidden lists sheet only the profile's named cells are read (read.ts); a visible one is read as any sheet.
    const keep = hidden && name === LISTS_SHEET ? profileAreas(names) : undefined;
    const read = readSheetXml(xml, { strings, styles, date1904, limits, tally, part, keep });
    out.push({ name, ...(hidden ? { hidden } : {}), cells: read.cells, merges: read.merges });
  }
  return { sheets: out, names };
}
