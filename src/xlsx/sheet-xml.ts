// One worksheet part (xl/worksheets/sheetN.xml) read straight into a Grid's cells and merged areas, without a DOM or a
// spreadsheet library: the sheet data is walked once, tag by tag, by index. What a cell becomes is what Excel shows in
// it: a shared or inline string (rich text joined, phonetic runs left out), a number, a boolean, an error, a date (a
// number in a date format, or an ISO date t="d"), a formula with its cached result — a shared formula's other cells
// get the first cell's formula moved as Excel moves it (the lexer decides what is a reference).
//
// Bounds: every row and cell counts against limits.cells (the workbook's tally), merged areas against merges and
// mergedCells once clipped to the filled part of the sheet (clipMerges); the cells the reader never reads — right of
// HELPER_COLUMN, or on the hidden lists sheet outside the profile's cells (`keep`) — are stepped over without being
// decoded. Every search is bounded by the element it is in: the work is linear in the size of the part.

import type { CellValue, GridCell, Rect } from "../sheet/grid";
import { cellKey, dateText, isErrorText } from "../sheet/grid";
import { HELPER_COLUMN } from "../sheet/meta";
import { fillFormula } from "../sheet/move-formula";
import { LimitError, type Limits } from "./limits";
import { attr, cellText, element, itemText, startTag } from "./xml-text";
import type { Styles } from "./styles";

/** A rectangle of cells, 1-based, inclusive. */
export interface Area {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** Counters shared by every sheet of one workbook. */
export interface Tally {
  cells: number;
  merges: number;
  mergedCells: number;
}

/** "AB12" / "$AB$12" → [row, col], 1-based; null when not a cell reference. */
export function cellRef(ref: string): [number, number] | null {
  // By character codes, not a regular expression: it runs once per cell of every sheet.
  let i = ref.charCodeAt(0) === 36 ? 1 : 0; // "$"
  let col = 0;
  const letters = i;
  for (; i < ref.length && i - letters < 4; i++) {
    const ch = ref.charCodeAt(i) | 32; // lower case
    if (ch < 97 || ch > 122) break;
    col = col * 26 + (ch - 96);
  }
  const nLetters = i - letters;
  if (nLetters < 1 || nLetters > 3) return null;
  if (ref.charCodeAt(i) === 36) i++;
  const digits = i;
  let row = 0;
  for (; i < ref.length; i++) {
    const d = ref.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    row = row * 10 + d;
  }
  if (i - digits < 1 || i - digits > 7) return null;
  return [row, col];
}

/**
 * Clip merged areas to the filled part of a sheet (rows 1..maxRow, columns 1..maxCol): an area whose top-left
 * cell lies outside holds nothing and is dropped, as is one that shrinks to a single cell; an area overlapping one
 * kept before it is dropped (spreadsheet programs never write those). Counts go to the workbook's tally.
 */
export function clipMerges(areas: Area[], maxRow: number, maxCol: number, limits: Limits, tally: Tally, where: string): Area[] {
  const kept: Area[] = [];
  for (const a of areas) {
    const r0 = Math.min(a.r0, a.r1);
    const c0 = Math.min(a.c0, a.c1);
    const r1 = Math.min(Math.max(a.r0, a.r1), maxRow);
    const c1 = Math.min(Math.max(a.c0, a.c1), maxCol);
    if (r0 > r1 || c0 > c1 || (r0 === r1 && c0 === c1)) continue;
    if (kept.some((k) => r0 <= k.r1 && k.r0 <= r1 && c0 <= k.c1 && k.c0 <= c1)) continue;
    if (++tally.merges > limits.merges) throw new LimitError(`合并单元格区域超过 ${limits.merges} 个`);
    tally.mergedCells += (r1 - r0 + 1) * (c1 - c0 + 1);
    if (tally.mergedCells > limits.mergedCells) {
      throw new LimitError(`合并单元格覆盖的单元格超过 ${limits.mergedCells} 个（${where}）`);
    }
    kept.push({ r0, c0, r1, c1 });
  }
  return kept;
}

/** The merged areas a worksheet part lists (every <mergeCells> block), unclipped; bounded by limits.merges × 4. */
export function mergeAreas(xml: string, limits: Limits): Area[] {
  const areas: Area[] = [];
  for (let b = element(xml, "mergeCells"); b; b = element(xml, "mergeCells", b.end)) {
    const merges = xml.slice(b.inner, b.innerEnd);
    for (let t = startTag(merges, "mergeCell"); t; t = startTag(merges, "mergeCell", t.end)) {
      if (areas.length >= limits.merges * 4) throw new LimitError(`合并单元格区域超过 ${limits.merges} 个`);
      const ref = attr(t.attrs, "ref");
      if (!ref) continue;
      const [a, z = a] = ref.split(":");
      const p = cellRef(a);
      const q = cellRef(z);
      if (p && q) areas.push({ r0: p[0], c0: p[1], r1: q[0], c1: q[1] });
    }
  }
  return areas;
}

export const insideAny = (areas: Area[], row: number, col: number): boolean => areas.some((a) => row >= a.r0 && row <= a.r1 && col >= a.c0 && col <= a.c1);

export interface SheetContext {
  /** The shared strings (shared-strings.ts). */
  strings: readonly string[];
  styles: Styles;
  /** The workbook counts days from 1904-01-01 (a Mac workbook's date system). */
  date1904: boolean;
  limits: Limits;
  tally: Tally;
  /** The part's name, for messages. */
  part: string;
  /** When given, only the cells inside these areas are read (the hidden lists sheet: the profile's cells). */
  keep?: Area[];
}

export interface SheetCells {
  cells: GridCell[];
  /** Merged areas, clipped, 0-based. */
  merges: Rect[];
}

/** A serial date as the reader shows it ("2024/1/1"), in the workbook's date system; "" when out of range. */
export function serialDate(serial: number, date1904: boolean): string {
  return dateText(new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86400000)));
}

/** An ISO date (t="d": "2024-03-01", "2024-03-01T00:00:00Z") as "2024/3/1"; null when it is not one. */
function isoDate(text: string): string | null {
  const m = /^\s*(-?\d{4,6})-(\d{2})-(\d{2})(?:[T ]|\s*$)/.exec(text);
  if (!m) return null;
  const d = new Date(Date.UTC(2000, Number(m[2]) - 1, Number(m[3])));
  d.setUTCFullYear(Number(m[1]));
  return dateText(d);
}

type Typed = { value: CellValue; type?: GridCell["type"] };

/** A string as a cell value: an error's text ("#N/A") is an error. */
function text(s: string): Typed {
  return isErrorText(s) ? { value: s.trim().toUpperCase(), type: "error" } : { value: s };
}

/** A number as a cell value: a date when its format shows one. */
function number(n: number, date: boolean, date1904: boolean): Typed {
  return date ? { value: serialDate(n, date1904), type: "date" } : { value: n };
}

interface Master {
  formula: string;
  row: number;
  col: number;
}

export function readSheetXml(xml: string, ctx: SheetContext): SheetCells {
  const { limits, tally, keep, styles } = ctx;
  if (!startTag(xml, "worksheet")) return { cells: [], merges: [] }; // a prefixed or foreign root: no cells
  const sd = element(xml, "sheetData");
  const data = sd ? xml.slice(sd.inner, sd.innerEnd) : "";
  const cells: GridCell[] = [];
  const masters = new Map<string, Master>();
  let ordered = true;
  let lastKey = -1;
  let maxRow = 0;
  let maxCol = 0;
  let row = 0;
  let col = 0;
  let nextRef = 0;
  let rowEnd = 0; // -1 once no "</row>" is left in the part
  const tags = /<(c|row)(?=[\s>/])([^>]*)>/g;
  for (let m = tags.exec(data); m; m = tags.exec(data)) {
    if (++tally.cells > limits.cells) throw new LimitError(`单元格超过 ${limits.cells} 个`);
    const attrs = m[2];
    const r = attr(attrs, "r");
    if (m[1] === "row") {
      // a row without r follows the previous one; its cells without r start at column A
      row = r && /^\d{1,7}$/.test(r) ? Number(r) : row + 1;
      col = 0;
      // On the hidden lists sheet only the profile's few rows are read: any other row is passed over whole.
      if (keep && !attrs.endsWith("/") && !keep.some((k) => row >= k.r0 && row <= k.r1)) {
        const close = data.indexOf("</row>", tags.lastIndex);
        tags.lastIndex = close < 0 ? data.length : close + 6;
      }
      continue;
    }
    const at = r ? cellRef(r) : null;
    if (at) [row, col] = at;
    else col++;
    if (attrs.endsWith("/")) continue; // <c r="B2" s="3"/>: formatting only
    const start = tags.lastIndex;
    let end = data.indexOf("</c>", start);
    if (end < 0) end = data.length;
    tags.lastIndex = Math.min(data.length, end + 4);
    if (row > maxRow) maxRow = row;
    if (col > maxCol) maxCol = col;
    const unread = keep ? !insideAny(keep, row, col) : col > HELPER_COLUMN;
    if (unread) {
      // Of a cell never read only a shared formula's first cell matters (its run may reach the cells that are read):
      // any other is passed over without a look inside (on our forms, thousands of helper cells per sheet).
      // (the next "ref=" is looked for again only once passed: one scan of the part in all)
      if (nextRef >= 0 && nextRef < start) nextRef = data.indexOf("ref=", start);
      if (nextRef < 0 || nextRef >= end) {
        // Right of HELPER_COLUMN the rest of the row is never read either (a row's cells come in column order): it is
        // passed over whole unless a shared formula starts in it.
        // (the row's end is looked for again only once passed, as "ref=" above: no rescans inside a long row)
        if (!keep && rowEnd !== -1) {
          if (rowEnd < end) rowEnd = data.indexOf("</row>", end);
          if (rowEnd >= 0 && (nextRef < 0 || nextRef >= rowEnd)) tags.lastIndex = rowEnd;
        }
        continue;
      }
    }
    const content = data.slice(start, end);
    const fTag = startTag(content, "f");
    let fText = "";
    let fType: string | undefined;
    if (fTag) {
      fType = attr(fTag.attrs, "t");
      if (!fTag.empty) {
        const close = content.indexOf("</f>", fTag.end);
        if (close >= 0) fText = cellText(content.slice(fTag.end, close));
      }
      const si = fType === "shared" ? attr(fTag.attrs, "si") : undefined;
      if (si !== undefined && attr(fTag.attrs, "ref") && fText) masters.set(si, { formula: fText, row, col });
    }
    // The cells the reader never reads: a shared formula's first cell there was noted above, nothing else is decoded.
    if (unread) continue;

    let formula: string | undefined;
    if (fTag && (fText || fType !== undefined)) {
      if (fText) formula = `=${fText}`;
      else if (fType === "shared") {
        const master = masters.get(attr(fTag.attrs, "si") ?? "");
        if (master) formula = fillFormula(`=${master.formula}`, row - master.row, col - master.col);
      }
    }
    const t = attr(attrs, "t");
    const s = attr(attrs, "s");
    const style = s ? parseInt(s, 10) : 0;
    const numFmt = style >= 0 ? styles.numFmt[style] : undefined;
    const date = style >= 0 && styles.date[style] === true;
    const v = element(content, "v");
    const raw = v ? content.slice(v.inner, v.innerEnd) : "";
    let typed: Typed | null = null;
    if (fTag && (fText || fType !== undefined)) {
      // a formula: the value is its cached result
      if (raw) {
        if (t === "str") typed = text(cellText(raw));
        else if (t === "b") typed = { value: parseInt(raw, 10) !== 0 };
        else if (t === "e") typed = { value: cellText(raw), type: "error" };
        else typed = number(parseFloat(raw), date, ctx.date1904);
      } else typed = { value: null };
    } else if (t === "inlineStr") {
      const is = element(content, "is");
      const s = is ? itemText(content.slice(is.inner, is.innerEnd)) : cellText(raw);
      if (s) typed = text(s);
    } else if (raw) {
      if (t === "s") {
        const shared = ctx.strings[parseInt(raw, 10)];
        if (shared !== undefined) typed = text(shared);
      } else if (t === "str") typed = text(cellText(raw));
      else if (t === "b") typed = { value: parseInt(raw, 10) !== 0 };
      else if (t === "e") typed = { value: cellText(raw), type: "error" };
      else if (t === "d") {
        const d = isoDate(cellText(raw));
        typed = d === null ? text(cellText(raw)) : { value: d, type: "date" };
      } else typed = number(parseFloat(raw), date, ctx.date1904);
    }
    if (!typed || (typed.value === null && !formula)) continue;
    const cell: GridCell = { row: row - 1, col: col - 1, value: typed.value };
    if (formula) cell.formula = formula;
    if (numFmt) cell.numFmt = numFmt;
    if (typed.type) cell.type = typed.type;
    const key = cellKey(cell.row, cell.col);
    if (key <= lastKey) ordered = false;
    lastKey = key;
    cells.push(cell);
  }

  const merges = clipMerges(mergeAreas(xml, limits), maxRow, maxCol, limits, tally, ctx.part);
  return { cells: finish(cells, ordered, merges), merges: merges.map((a) => ({ r0: a.r0 - 1, c0: a.c0 - 1, r1: a.r1 - 1, c1: a.c1 - 1 })) };
}

/**
 * The cells as Excel shows them: a cell written twice keeps its last value; a cell covered by a merged area (not its
 * top-left one) shows nothing, whatever the file holds there.
 */
function finish(cells: GridCell[], ordered: boolean, merges: Area[]): GridCell[] {
  if (ordered && merges.length === 0) return cells;
  const byKey = new Map<number, number>();
  const out: (GridCell | null)[] = cells;
  for (let i = 0; i < cells.length; i++) {
    const key = cellKey(cells[i].row, cells[i].col);
    const before = byKey.get(key);
    if (before !== undefined) out[before] = null;
    byKey.set(key, i);
  }
  // mergedCells (limits.ts) bounds the positions walked here
  for (const a of merges) {
    for (let r = a.r0; r <= a.r1; r++) {
      for (let c = a.c0; c <= a.c1; c++) {
        if (r === a.r0 && c === a.c0) continue;
        const i = byKey.get(cellKey(r - 1, c - 1));
        if (i !== undefined) out[i] = null;
      }
    }
  }
  return out.filter((c): c is GridCell => c !== null);
}
