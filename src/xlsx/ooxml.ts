// An Office Open XML workbook (xlsx, xlsm, xltx) read from its parts (readOoxml): the workbook part, its
// relationships, the shared strings, the styles and each worksheet, read straight into cells (sheet-xml.ts) under the
// limits. Nothing here builds a document model: every part is scanned by index, linearly in its size. A part with a
// DTD is refused (workbooks never have one; entity expansion and external entities live there). Defined names are
// read as plain text and never expanded; of a hidden JX_LISTS sheet only the profile's named cells are read.

import { sheetOf } from "../sheet/address";
import { LISTS_SHEET } from "../sheet/meta";
import { PROFILE } from "../domain/templates/profile-constants";
import { LimitError, type Limits } from "./limits";
import type { GridCell, Rect } from "../sheet/grid";
import { cellRef, readSheetXml, type Area, type Tally } from "./sheet-xml";
import { readSharedStrings } from "./shared-strings";
import { NO_STYLES, readStyles } from "./styles";
import { attr, element, startTag } from "./xml-text";


/** The parts of a package the reader reads (the others are never inflated). */
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

export function hasDoctype(xml: string): boolean {
  // A DTD comes before the root element; look only at the prologue.
  const root = xml.search(/<[A-Za-z_]/);
  const prologue = root < 0 ? xml.slice(0, 4096) : xml.slice(0, root);
  return /<!DOCTYPE/i.test(prologue) || /<!ENTITY/i.test(prologue);
}

/** The cells of the profile's named ranges on the lists sheet (1-based rows and columns). */
export function profileAreas(names: Map<string, Record<string, string>>): Area[] {
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
