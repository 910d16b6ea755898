// Loading plain grids (the shape of src/sheet/grid.ts, typed structurally so this layer does not
// import sheet/) into a Recalculator, and converting values to and from what cells hold.
import { parseCellAddress } from "./a1";
import { Recalculator } from "./recalc";
import { ERROR_CODES, ErrorCode, FValue, isError, SheetRect } from "./types";

export type CellValueLike = string | number | boolean | null;

export interface GridLike {
  sheet: string;
  cells: ({ value: CellValueLike; formula?: string } | undefined)[][];
  /** name → "$D$14" or "$B$10:$I$30" (on this sheet), optionally prefixed with a sheet name and "!". */
  names?: Record<string, string>;
}

/** A cell's value as Office.js and Grid hold it: errors become their code text ("#DIV/0!"). */
export function toCellValue(v: FValue): CellValueLike {
  return isError(v) ? v.error : v;
}

/** A stored cell value as the engine sees it: exact error codes become errors, as Excel keeps them. */
export function fromCellValue(v: CellValueLike | undefined): FValue {
  if (typeof v === "string" && (ERROR_CODES as readonly string[]).includes(v)) return { error: v as ErrorCode };
  return v ?? null;
}

/** "$B$10:$I$30", "D14" or "'Sheet 1'!A1:B2" → a rectangle (sheet defaults to `sheet`); null if not a range. */
export function parseRangeRef(text: string, sheet: string): SheetRect | null {
  let s = text.trim();
  let target = sheet;
  const bang = s.lastIndexOf("!");
  if (bang >= 0) {
    const raw = s.slice(0, bang);
    target = /^'.*'$/.test(raw) ? raw.slice(1, -1).replace(/''/g, "'") : raw;
    s = s.slice(bang + 1);
  }
  const [a, b = a] = s.split(":");
  const p = parseCellAddress(a);
  const q = parseCellAddress(b);
  if (!p || !q) return null;
  return { sheet: target, r0: Math.min(p.row, q.row), c0: Math.min(p.col, q.col), r1: Math.max(p.row, q.row), c1: Math.max(p.col, q.col) };
}

/** Puts every non-blank cell and name of the grids into a Recalculator (new unless given). */
export function loadGrids(grids: GridLike[], rc: Recalculator = new Recalculator()): Recalculator {
  for (const g of grids) {
    g.cells.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (!cell) return;
        const value = fromCellValue(cell.value);
        if (cell.formula !== undefined) rc.setCell(g.sheet, r, c, { value, formula: cell.formula });
        else if (value !== null) rc.setValue(g.sheet, r, c, value);
      }),
    );
    for (const [name, ref] of Object.entries(g.names ?? {})) {
      const rect = parseRangeRef(ref, g.sheet);
      if (rect) rc.setName(name, rect);
    }
  }
  return rc;
}
