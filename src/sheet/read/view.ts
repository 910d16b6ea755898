// A read-only view over a Grid that resolves merged areas: every cell of a merge reads as its top-left cell.

import type { Grid, GridCell, Rect } from "../grid";
import { formatA1 } from "../address";
import { displayText, normLabel, trimText } from "./text";

export class SheetView {
  readonly rows: number;
  readonly cols: number;
  private readonly mergeIndex = new Map<number, Rect>();
  private readonly textCache = new Map<number, string>();

  constructor(readonly grid: Grid) {
    this.rows = Math.max(grid.rows, grid.cells.length);
    let cols = grid.cols;
    for (const row of grid.cells) if (row && row.length > cols) cols = row.length;
    this.cols = cols;
    for (const m of grid.merges) {
      const r1 = Math.min(m.r1, this.rows - 1);
      const c1 = Math.min(m.c1, this.cols - 1);
      for (let r = m.r0; r <= r1; r++) for (let c = m.c0; c <= c1; c++) this.mergeIndex.set(this.key(r, c), m);
    }
  }

  private key(r: number, c: number): number {
    return r * 16384 + c;
  }

  /** The cell as stored (no merge resolution). */
  own(r: number, c: number): GridCell | undefined {
    return this.grid.cells[r]?.[c];
  }

  mergeAt(r: number, c: number): Rect | undefined {
    return this.mergeIndex.get(this.key(r, c));
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
    const [mr, mc] = this.master(r, c);
    return this.own(mr, mc);
  }

  /** Display text of the resolved cell, trimmed of spaces (incl. full-width) at both ends. */
  text(r: number, c: number): string {
    if (r < 0 || c < 0 || r >= this.rows || c >= this.cols) return "";
    const [mr, mc] = this.master(r, c);
    const k = this.key(mr, mc);
    let t = this.textCache.get(k);
    if (t === undefined) {
      const cell = this.own(mr, mc);
      t = cell ? trimText(displayText(cell.value, cell.numFmt)) : "";
      this.textCache.set(k, t);
    }
    return t;
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

  /** True when no cell of the row (own texts) in [c0, c1] has content. */
  rowBlank(r: number, c0 = 0, c1 = this.cols - 1): boolean {
    for (let c = c0; c <= c1; c++) if (this.ownText(r, c) !== "") return false;
    return true;
  }

  /** Distinct own cells of a row with text: [col, text] (each merge once, at its top-left column). */
  rowCells(r: number, c0 = 0, c1 = this.cols - 1, ownOnly = false): [number, string][] {
    const out: [number, string][] = [];
    for (let c = c0; c <= c1; c++) {
      const m = this.mergeAt(r, c);
      if (m && m.c0 !== c && c !== c0) continue; // each horizontal merge once
      if (ownOnly && m && m.r0 !== r) continue;
      const t = this.text(r, c);
      if (t !== "") out.push([c, t]);
    }
    return out;
  }
}
