// A read-only view over a sparse Grid that resolves merged areas: every cell of a merge reads as its top-left cell.
//
// All work is proportional to the filled cells and the merged areas, never to the sheet's extent: rows are kept as
// sorted lists of their filled cells, merged areas are clipped to the used range (never expanded cell by cell) and
// found through an interval index over rows, and the reader walks the rows that hold text ("content rows") instead of
// counting from 0 to the last row.

import type { Grid, GridCell, Rect } from "../grid";
import { formatA1 } from "../address";
import { displayText, normLabel, trimText } from "./text";

interface RowData {
  cols: number[]; // ascending
  cells: GridCell[];
  /** Display texts of the cells, trimmed; filled on first use. */
  texts: (string | undefined)[];
}

/** One visible block of a row: an unmerged cell or a merged area, with its text (the top-left cell's). */
interface Block {
  c0: number;
  c1: number;
  r0: number; // the block's top row (its master's row)
  text: string;
}

/**
 * Merged areas indexed by rows: a segment tree over the rows where areas start or end, each area stored in the
 * O(log n) nodes that cover its rows, each node's areas sorted by first column. A point lookup walks one root-to-
 * leaf path and binary-searches each node: O(log² n).
 */
class MergeIndex {
  private readonly coords: number[];
  private readonly size: number;
  private readonly nodes: Rect[][];

  constructor(rects: Rect[]) {
    const ends = new Set<number>();
    for (const m of rects) {
      ends.add(m.r0);
      ends.add(m.r1 + 1);
    }
    this.coords = [...ends].sort((a, b) => a - b);
    const leaves = Math.max(1, this.coords.length - 1);
    let size = 1;
    while (size < leaves) size *= 2;
    this.size = size;
    this.nodes = [];
    for (const m of rects) {
      let lo = lowerBound(this.coords, m.r0) + size;
      let hi = lowerBound(this.coords, m.r1 + 1) + size;
      while (lo < hi) {
        if (lo & 1) (this.nodes[lo++] ??= []).push(m);
        if (hi & 1) (this.nodes[--hi] ??= []).push(m);
        lo >>= 1;
        hi >>= 1;
      }
    }
    for (const list of this.nodes) if (list) list.sort((a, b) => a.c0 - b.c0);
  }

  private leaf(r: number): number {
    const i = upperBound(this.coords, r) - 1;
    return i < 0 || i >= this.coords.length - 1 ? -1 : i;
  }

  at(r: number, c: number): Rect | undefined {
    const leaf = this.leaf(r);
    if (leaf < 0) return undefined;
    for (let i = leaf + this.size; i >= 1; i >>= 1) {
      const list = this.nodes[i];
      if (!list) continue;
      // the last area starting at or left of c
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (list[mid].c0 <= c) lo = mid + 1;
        else hi = mid;
      }
      const m = list[lo - 1];
      if (m && c <= m.c1) return m;
    }
    return undefined;
  }

  /** Every area that covers row r. */
  row(r: number): Rect[] {
    const leaf = this.leaf(r);
    const out: Rect[] = [];
    if (leaf < 0) return out;
    for (let i = leaf + this.size; i >= 1; i >>= 1) {
      const list = this.nodes[i];
      if (list) for (const m of list) out.push(m);
    }
    return out;
  }
}

function lowerBound(a: number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function upperBound(a: number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The shared index of one grid; views over parts of the sheet (SheetView.within) reuse it. */
class SheetIndex {
  readonly rows: number;
  readonly cols: number;
  readonly byRow = new Map<number, RowData>();
  readonly merges: MergeIndex;
  /** Merged areas whose top-left cell has text: the only ones that show on rows below their first. */
  readonly textMerges: MergeIndex;
  /** Rows with at least one own text (an unmerged cell or the top-left of a merge), ascending. */
  readonly contentRows: number[];
  readonly blockCache = new Map<number, Block[]>();

  constructor(readonly grid: Grid) {
    let rows = 0;
    let cols = 0;
    // producers list cells row by row, left to right: sort only when they did not
    let sorted = true;
    let allValid = true;
    let pr = -1;
    let pc = -1;
    for (const c of grid.cells) {
      const r0 = c.row;
      const c0 = c.col;
      if (!(r0 >= 0 && c0 >= 0 && r0 % 1 === 0 && c0 % 1 === 0)) allValid = false;
      if (r0 < pr || (r0 === pr && c0 < pc)) sorted = false;
      pr = r0;
      pc = c0;
    }
    const valid = (c: GridCell): boolean => c.row >= 0 && c.col >= 0 && c.row % 1 === 0 && c.col % 1 === 0;
    let cells = allValid ? grid.cells : grid.cells.filter(valid);
    if (!sorted) cells = [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
    let rd: RowData | undefined;
    let rdRow = -1;
    for (const cell of cells) {
      if (cell.row !== rdRow) {
        rdRow = cell.row;
        rd = { cols: [], cells: [], texts: [] };
        this.byRow.set(cell.row, rd);
      }
      const d = rd!;
      if (d.cols[d.cols.length - 1] === cell.col) d.cells[d.cells.length - 1] = cell; // a duplicate: the last wins
      else {
        d.cols.push(cell.col);
        d.cells.push(cell);
      }
      if (cell.row + 1 > rows) rows = cell.row + 1;
      if (cell.col + 1 > cols) cols = cell.col + 1;
    }
    this.rows = rows;
    this.cols = cols;
    // merged areas clipped to the used range; areas that hold no filled cell are dropped
    const clipped: Rect[] = [];
    for (const m of grid.merges) {
      if (!m || ![m.r0, m.c0, m.r1, m.c1].every(Number.isInteger)) continue;
      const r0 = Math.max(0, Math.min(m.r0, m.r1));
      const c0 = Math.max(0, Math.min(m.c0, m.c1));
      const r1 = Math.min(Math.max(m.r0, m.r1), rows - 1);
      const c1 = Math.min(Math.max(m.c0, m.c1), cols - 1);
      if (r0 > r1 || c0 > c1 || (r0 === r1 && c0 === c1)) continue;
      clipped.push({ r0, c0, r1, c1 });
    }
    this.merges = new MergeIndex(clipped);
    this.textMerges = new MergeIndex(clipped.filter((m) => this.ownCellText(m.r0, m.c0) !== ""));
    const content: number[] = [];
    const anyMerge = clipped.length > 0;
    for (const [r, d] of this.byRow) {
      for (let i = 0; i < d.cols.length; i++) {
        if (this.textAt(d, i) === "") continue;
        const c = d.cols[i];
        const m = anyMerge ? this.merges.at(r, c) : undefined;
        if (m && (m.r0 !== r || m.c0 !== c)) continue;
        content.push(r);
        break;
      }
    }
    this.contentRows = content; // byRow was filled in row order
  }

  own(r: number, c: number): GridCell | undefined {
    const rd = this.byRow.get(r);
    if (!rd) return undefined;
    const i = lowerBound(rd.cols, c);
    return rd.cols[i] === c ? rd.cells[i] : undefined;
  }

  private textAt(d: RowData, i: number): string {
    let t = d.texts[i];
    if (t === undefined) {
      const cell = d.cells[i];
      t = d.texts[i] = cell.value === null || cell.value === "" ? "" : trimText(displayText(cell.value, cell.numFmt));
    }
    return t;
  }

  /** Display text of the stored cell (no merge resolution), trimmed; cached. */
  ownCellText(r: number, c: number): string {
    const d = this.byRow.get(r);
    if (!d) return "";
    const i = lowerBound(d.cols, c);
    return d.cols[i] === c ? this.textAt(d, i) : "";
  }

  /** The visible blocks of row r with text, left to right. */
  blocks(r: number): Block[] {
    let out = this.blockCache.get(r);
    if (out) return out;
    out = [];
    const rd = this.byRow.get(r);
    if (rd) {
      for (let i = 0; i < rd.cols.length; i++) {
        const c = rd.cols[i];
        const text = this.textAt(rd, i);
        if (text === "") continue;
        const m = this.merges.at(r, c);
        if (m && (m.r0 !== r || m.c0 !== c)) continue; // covered: its value is not shown
        out.push(m ? { c0: m.c0, c1: m.c1, r0: r, text } : { c0: c, c1: c, r0: r, text });
      }
    }
    for (const m of this.textMerges.row(r)) {
      if (m.r0 === r) continue; // already there through its own cell
      out.push({ c0: m.c0, c1: m.c1, r0: m.r0, text: this.ownCellText(m.r0, m.c0) });
    }
    out.sort((a, b) => a.c0 - b.c0);
    this.blockCache.set(r, out);
    return out;
  }
}

export class SheetView {
  /** Extent of the whole sheet (one past the last filled row / column). */
  readonly rows: number;
  readonly cols: number;
  /** The part of the sheet this view reads; cells outside read as blank. */
  readonly bounds: Rect;
  private readonly ix: SheetIndex;

  constructor(readonly grid: Grid, shared?: SheetIndex, bounds?: Rect) {
    this.ix = shared ?? new SheetIndex(grid);
    this.rows = this.ix.rows;
    this.cols = this.ix.cols;
    this.bounds = bounds ?? { r0: 0, c0: 0, r1: this.rows - 1, c1: this.cols - 1 };
  }

  /** A view of a part of the sheet (rows and columns clamped to this view's), sharing the index. */
  within(rect: Rect): SheetView {
    const b = this.bounds;
    return new SheetView(this.grid, this.ix, {
      r0: Math.max(b.r0, rect.r0),
      c0: Math.max(b.c0, rect.c0),
      r1: Math.min(b.r1, rect.r1),
      c1: Math.min(b.c1, rect.c1),
    });
  }

  private inside(r: number, c: number): boolean {
    const b = this.bounds;
    return r >= b.r0 && r <= b.r1 && c >= b.c0 && c <= b.c1;
  }

  /** The cell as stored (no merge resolution). */
  own(r: number, c: number): GridCell | undefined {
    return this.inside(r, c) ? this.ix.own(r, c) : undefined;
  }

  mergeAt(r: number, c: number): Rect | undefined {
    return this.ix.merges.at(r, c);
  }

  /** True for a cell inside a merge that is not its top-left cell. */
  isCovered(r: number, c: number): boolean {
    const m = this.mergeAt(r, c);
    return !!m && (m.r0 !== r || m.c0 !== c);
  }

  /** The top-left cell of the merge containing (r, c), or (r, c) itself. */
  master(r: number, c: number): [number, number] {
    const m = this.mergeAt(r, c);
    return m ? [m.r0, m.c0] : [r, c];
  }

  /** The resolved cell (the merge's top-left cell). */
  cell(r: number, c: number): GridCell | undefined {
    if (!this.inside(r, c)) return undefined;
    const [mr, mc] = this.master(r, c);
    return this.ix.own(mr, mc);
  }

  /** Display text of the resolved cell, trimmed of spaces (incl. full-width) at both ends. */
  text(r: number, c: number): string {
    if (!this.inside(r, c)) return "";
    const [mr, mc] = this.master(r, c);
    return this.ix.ownCellText(mr, mc);
  }

  /** Text of the cell only where it is its own (top-left of a merge, or unmerged); '' for covered cells. */
  ownText(r: number, c: number): string {
    return this.isCovered(r, c) ? "" : this.text(r, c);
  }

  norm(r: number, c: number): string {
    return normLabel(this.text(r, c));
  }

  /** A1 of the resolved cell. */
  a1(r: number, c: number): string {
    const [mr, mc] = this.master(r, c);
    return formatA1(mr, mc);
  }

  /** Rows in [r0, r1] (clamped to the view) with at least one own text in the view's columns, ascending. */
  contentRows(r0 = this.bounds.r0, r1 = this.bounds.r1): number[] {
    const a = Math.max(r0, this.bounds.r0);
    const b = Math.min(r1, this.bounds.r1);
    if (a > b) return [];
    const all = this.ix.contentRows;
    const out: number[] = [];
    const full = this.bounds.c0 <= 0 && this.bounds.c1 >= this.cols - 1;
    for (let i = lowerBound(all, a); i < all.length && all[i] <= b; i++) if (full || !this.rowBlank(all[i])) out.push(all[i]);
    return out;
  }

  /** The first content row after r (within the view), or null. */
  nextContentRow(r: number, limit = this.bounds.r1): number | null {
    const all = this.ix.contentRows;
    for (let i = upperBound(all, r); i < all.length && all[i] <= limit; i++) if (!this.rowBlank(all[i])) return all[i];
    return null;
  }

  /** True when no cell of the row (own texts) in [c0, c1] has content. */
  rowBlank(r: number, c0 = this.bounds.c0, c1 = this.bounds.c1): boolean {
    if (r < this.bounds.r0 || r > this.bounds.r1) return true;
    const a = Math.max(c0, this.bounds.c0);
    const b = Math.min(c1, this.bounds.c1);
    for (const bl of this.ix.blocks(r)) if (bl.r0 === r && bl.c0 >= a && bl.c0 <= b) return false;
    return true;
  }

  /**
   * Distinct cells of a row with text in [c0, c1]: [col, text], each merged area once, at its first column in the
   * window. ownOnly leaves out areas merged down from a row above.
   */
  rowCells(r: number, c0 = this.bounds.c0, c1 = this.bounds.c1, ownOnly = false): [number, string][] {
    const out: [number, string][] = [];
    if (r < this.bounds.r0 || r > this.bounds.r1) return out;
    const a = Math.max(c0, this.bounds.c0);
    const b = Math.min(c1, this.bounds.c1);
    if (a > b) return out;
    for (const bl of this.ix.blocks(r)) {
      if (bl.c1 < a || bl.c0 > b) continue;
      if (ownOnly && bl.r0 !== r) continue;
      out.push([Math.max(bl.c0, a), bl.text]);
    }
    return out;
  }

  /** Columns holding any text in rows [r0, r1] of the view (each merged area at its first column), ascending. */
  columnsWithText(r0: number, r1: number): number[] {
    const set = new Set<number>();
    for (const r of this.contentRows(r0, r1)) for (const [c] of this.rowCells(r)) set.add(c);
    return [...set].sort((x, y) => x - y);
  }
}
