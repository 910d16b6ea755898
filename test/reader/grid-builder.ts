// Grids for reader tests, built from rows of values: the same sparse shape the .xlsx and Excel readers make.
import type { CellValue, Grid, GridCell } from "../../src/sheet/grid";
import { makeGrid } from "../../src/sheet/grid";
import { parseRange } from "../../src/sheet/address";

export type V = CellValue | undefined | Partial<Omit<GridCell, "row" | "col">>;

/** A grid from rows of values placed at (row0, col0); merges as A1 ranges. Objects give a value with a format or type. */
export function gridOf(rows: V[][], at = { r: 0, c: 0 }, merges: string[] = [], sheet = "S"): Grid {
  const cells: GridCell[] = [];
  rows.forEach((vals, i) =>
    vals.forEach((v, j) => {
      if (v === null || v === undefined || v === "") return;
      const cell: GridCell = typeof v === "object" ? { value: null, ...v, row: at.r + i, col: at.c + j } : { row: at.r + i, col: at.c + j, value: v };
      cells.push(cell);
    }),
  );
  return makeGrid(sheet, cells, { merges: merges.map((m) => parseRange(m)!) });
}

/** Sets (or replaces) one cell of a grid. */
export function setCell(g: Grid, row: number, col: number, value: CellValue, more: Partial<GridCell> = {}): void {
  const i = g.cells.findIndex((c) => c.row === row && c.col === col);
  const cell: GridCell = { ...more, row, col, value };
  if (i >= 0) g.cells[i] = cell;
  else g.cells.push(cell);
  g.rows = Math.max(g.rows, row + 1);
  g.cols = Math.max(g.cols, col + 1);
}
