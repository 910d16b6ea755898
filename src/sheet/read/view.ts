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
    for (const merge of rects) {
      ends.add(merge.r0);
      ends.add(merge.r1 + 1);
    }
    this.coords = [...ends].sort((a, b) => a - b);
    const leaves = Math.max(1, this.coords.length - 1);
    let size = 1;
    while (size < leaves) size *= 2;
    this.size = size;
    this.nodes = [];
    for (const merged of rects) {
      let low = lowerBound(this.coords, merged.r0) + size;
      let high = lowerBound(this.coords, merged.r1 + 1) + size;
      while (low < high) {
        if (low & 1) (this.nodes[low++] ??= []).push(merged);
        if (high & 1) (this.nodes[--high] ??= []).push(merged);
        low >>= 1;
        high >>= 1;
      }
    }
    for (const list of this.nodes) if (list) list.sort((a, b) => a.c0 - b.c0);
  }

  private leaf(row: number): number {
    const i = upperBound(this.coords, row) - 1;
    return i < 0 || i >= this.coords.length - 1 ? -1 : i;
  }

  at(row: number, col: number): Rect | undefined {
    const leaf = this.leaf(row);
    if (leaf < 0) return undefined;
    for (let i = leaf + this.size; i >= 1; i >>= 1) {
      const list = this.nodes[i];
      if (!list) continue;
      // the last area starting at or left of col
      let low = 0;
      let high = list.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (list[mid].c0 <= col) low = mid + 1;
        else high = mid;
      }
      const merge = list[low - 1];
      if (merge && col <= merge.c1) return merge;
    }
    return undefined;
  }

  /** Every area that covers the row. */
  row(rowIndex: number): Rect[] {
    const leaf = this.leaf(rowIndex);
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
  let low = 0;
  let high = a.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (a[mid] < x) low = mid + 1;
    else high = mid;
  }
  return low;
}

function upperBound(a: number[], x: number): number {
  let low = 0;
  let high = a.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (a[mid] <= x) low = mid + 1;
    else high = mid;
  }
  return low;
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
    let prevRow = -1;
    let prevCol = -1;
    for (const c of grid.cells) {
      const firstRow = c.row;
      const firstCol = c.col;
      if (!(firstRow >= 0 && firstCol >= 0 && firstRow % 1 === 0 && firstCol % 1 === 0)) allValid = false;
      if (firstRow < prevRow || (firstRow === prevRow && firstCol < prevCol)) sorted = false;
      prevRow = firstRow;
      prevCol = firstCol;
    }
    const valid = (c: GridCell): boolean => c.row >= 0 && c.col >= 0 && c.row % 1 === 0 && c.col % 1 === 0;
    let cells = allValid ? grid.cells : grid.cells.filter(valid);
    if (!sorted) cells = [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
    let rowData: RowData | undefined;
    let rdRow = -1;
    for (const cell of cells) {
      if (cell.row !== rdRow) {
        rdRow = cell.row;
        rowData = { cols: [], cells: [], texts: [] };
        this.byRow.set(cell.row, rowData);
      }
      const d = rowData!;
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
    for (const merge of grid.merges) {
      if (!merge || ![merge.r0, merge.c0, merge.r1, merge.c1].every(Number.isInteger)) continue;
      const topRow = Math.max(0, Math.min(merge.r0, merge.r1));
      const leftCol = Math.max(0, Math.min(merge.c0, merge.c1));
      const lastRow = Math.min(Math.max(merge.r0, merge.r1), rows - 1);
      const lastCol = Math.min(Math.max(merge.c0, merge.c1), cols - 1);
      if (topRow > lastRow || leftCol > lastCol || (topRow === lastRow && leftCol === lastCol)) continue;
      clipped.push({ r0: topRow, c0: leftCol, r1: lastRow, c1: lastCol });
    }
    this.merges = new MergeIndex(clipped);
    this.textMerges = new MergeIndex(clipped.filter((m) => this.ownCellText(m.r0, m.c0) !== ""));
    const content: number[] = [];
    const anyMerge = clipped.length > 0;
    for (const [row, d] of this.byRow) {
      for (let i = 0; i < d.cols.length; i++) {
        if (this.textAt(d, i) === "") continue;
        const col = d.cols[i];
        const merged = anyMerge ? this.merges.at(row, col) : undefined;
        if (merged && (merged.r0 !== row || merged.c0 !== col)) continue;
        content.push(row);
        break;
      }
    }
    this.contentRows = content; // byRow was filled in row order
  }

  own(row: number, col: number): GridCell | undefined {
    const rowData = this.byRow.get(row);
    if (!rowData) return undefined;
    const i = lowerBound(rowData.cols, col);
    return rowData.cols[i] === col ? rowData.cells[i] : undefined;
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
  ownCellText(row: number, col: number): string {
    const d = this.byRow.get(row);
    if (!d) return "";
    const i = lowerBound(d.cols, col);
    return d.cols[i] === col ? this.textAt(d, i) : "";
  }

  /** The visible blocks of the row with text, left to right. */
  blocks(row: number): Block[] {
    let out = this.blockCache.get(row);
    if (out) return out;
    out = [];
    const rowData = this.byRow.get(row);
    if (rowData) {
      for (let i = 0; i < rowData.cols.length; i++) {
        const col = rowData.cols[i];
        const text = this.textAt(rowData, i);
        if (text === "") continue;
        const merge = this.merges.at(row, col);
        if (merge && (merge.r0 !== row || merge.c0 !== col)) continue; // covered: its value is not shown
        out.push(merge ? { c0: merge.c0, c1: merge.c1, r0: row, text } : { c0: col, c1: col, r0: row, text });
      }
    }
    for (const merged of this.textMerges.row(row)) {
      if (merged.r0 === row) continue; // already there through its own cell
      out.push({ c0: merged.c0, c1: merged.c1, r0: merged.r0, text: this.ownCellText(merged.r0, merged.c0) });
    }
    out.sort((a, b) => a.c0 - b.c0);
    this.blockCache.set(row, out);
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

  private inside(row: number, col: number): boolean {
    const b = this.bounds;
    return row >= b.r0 && row <= b.r1 && col >= b.c0 && col <= b.c1;
  }

  /** The cell as stored (no merge resolution). */
  own(row: number, col: number): GridCell | undefined {
    return this.inside(row, col) ? this.ix.own(row, col) : undefined;
  }

  mergeAt(row: number, col: number): Rect | undefined {
    return this.ix.merges.at(row, col);
  }

  /** True for a cell inside a merge that is not its top-left cell. */
  isCovered(row: number, col: number): boolean {
    const merge = this.mergeAt(row, col);
    return !!merge && (merge.r0 !== row || merge.c0 !== col);
  }

  /** The top-left cell of the merge containing (row, col), or (row, col) itself. */
  master(row: number, col: number): [number, number] {
    const merge = this.mergeAt(row, col);
    return merge ? [merge.r0, merge.c0] : [row, col];
  }

  /** The resolved cell (the merge's top-left cell). */
  cell(row: number, col: number): GridCell | undefined {
    if (!this.inside(row, col)) return undefined;
    const [mr, mc] = this.master(row, col);
    return this.ix.own(mr, mc);
  }

  /** Display text of the resolved cell, trimmed of spaces (incl. full-width) at both ends. */
  text(row: number, col: number): string {
    if (!this.inside(row, col)) return "";
    const [mr, mc] = this.master(row, col);
    return this.ix.ownCellText(mr, mc);
  }

  /** Text of the cell only where it is its own (top-left of a merge, or unmerged); '' for covered cells. */
  ownText(row: number, col: number): string {
    return this.isCovered(row, col) ? "" : this.text(row, col);
  }

  norm(row: number, col: number): string {
    return normLabel(this.text(row, col));
  }

  /** A1 of the resolved cell. */
  a1(row: number, col: number): string {
    const [mr, mc] = this.master(row, col);
    return formatA1(mr, mc);
  }

  /** Rows in [r0, r1] (clamped to the view) with at least one own text in the view's columns, ascending. */
  contentRows(firstRow = this.bounds.r0, lastRow = this.bounds.r1): number[] {
    const a = Math.max(firstRow, this.bounds.r0);
    const b = Math.min(lastRow, this.bounds.r1);
    if (a > b) return [];
    const all = this.ix.contentRows;
    const out: number[] = [];
    const full = this.bounds.c0 <= 0 && this.bounds.c1 >= this.cols - 1;
    for (let i = lowerBound(all, a); i < all.length && all[i] <= b; i++) if (full || !this.rowBlank(all[i])) out.push(all[i]);
    return out;
  }

  /** The first content row after the given one (within the view), or null. */
  nextContentRow(row: number, limit = this.bounds.r1): number | null {
    const all = this.ix.contentRows;
    for (let i = upperBound(all, row); i < all.length && all[i] <= limit; i++) if (!this.rowBlank(all[i])) return all[i];
    return null;
  }

  /** True when no cell of the row (own texts) in [c0, c1] has content. */
  rowBlank(row: number, firstCol = this.bounds.c0, lastCol = this.bounds.c1): boolean {
    if (row < this.bounds.r0 || row > this.bounds.r1) return true;
    const a = Math.max(firstCol, this.bounds.c0);
    const b = Math.min(lastCol, this.bounds.c1);
    for (const bl of this.ix.blocks(row)) if (bl.r0 === row && bl.c0 >= a && bl.c0 <= b) return false;
    return true;
  }

  /**
   * Distinct cells of a row with text in [c0, c1]: [col, text], each merged area once, at its first column in the
   * window. ownOnly leaves out areas merged down from a row above.
   */
  rowCells(row: number, firstCol = this.bounds.c0, lastCol = this.bounds.c1, ownOnly = false): [number, string][] {
    const out: [number, string][] = [];
    if (row < this.bounds.r0 || row > this.bounds.r1) return out;
    const a = Math.max(firstCol, this.bounds.c0);
    const b = Math.min(lastCol, this.bounds.c1);
    if (a > b) return out;
    for (const bl of this.ix.blocks(row)) {
      if (bl.c1 < a || bl.c0 > b) continue;
      if (ownOnly && bl.r0 !== row) continue;
      out.push([Math.max(bl.c0, a), bl.text]);
    }
    return out;
  }

  /** Columns holding any text in rows [r0, r1] of the view (each merged area at its first column), ascending. */
  columnsWithText(firstRow: number, lastRow: number): number[] {
    const set = new Set<number>();
    for (const r of this.contentRows(firstRow, lastRow)) for (const [c] of this.rowCells(r)) set.add(c);
    return [...set].sort((x, y) => x - y);
  }
}
