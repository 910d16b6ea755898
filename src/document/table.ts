// Merged cells of a report table, for both renderers: equal neighbouring cells of the columns listed in
// `mergeDown` are shown as one, as the form shows its 一级/二级 cells. A column merges only within the runs of the
// merge columns before it (a 二级 never spans two 一级), and empty cells never merge.
import type { Runs } from "../domain/report/model";

const key = (runs: Runs | undefined): string => (runs ?? []).map((r) => r.text).join("");

/**
 * span[row][col]: how many rows the cell at (row, col) covers; 1 for an ordinary cell, 0 for a cell covered by
 * the one above it.
 */
export function mergeSpans(rows: Runs[][], mergeDown: readonly number[] = [], columns: number): number[][] {
  const span = rows.map(() => new Array<number>(columns).fill(1));
  // Where a run may not continue, for the columns merged so far: a break before row r.
  const breaks = new Array<boolean>(rows.length).fill(false);
  for (const c of mergeDown) {
    if (c < 0 || c >= columns) continue;
    let start = 0;
    const close = (end: number) => {
      if (end - start > 1) {
        span[start][c] = end - start;
        for (let r = start + 1; r < end; r++) span[r][c] = 0;
      }
    };
    for (let r = 1; r <= rows.length; r++) {
      const cont = r < rows.length && !breaks[r] && key(rows[r][c]) !== "" && key(rows[r][c]) === key(rows[start][c]);
      if (!cont) {
        close(r);
        if (r < rows.length) breaks[r] = true;
        start = r;
      }
    }
  }
  return span;
}
