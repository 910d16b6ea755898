// A plan's formulas cell by cell: its own formula cells and every cell of its runs (the run's formula moved down as
// a fill does: relative references move, `$` parts stay). For the in-memory recalculations of tests and the preview;
// the writers keep runs as runs.
import { lettersToCol } from "../address";
import { shiftFormula } from "../move-formula";
import type { WritePlan } from "../plan";

export interface FormulaCell {
  addr: string;
  row: number; // 0-based
  col: number;
  formula: string;
}

export function planFormulaCells(plan: Pick<WritePlan, "cells" | "runs">): FormulaCell[] {
  const out: FormulaCell[] = [];
  for (const cell of plan.cells) {
    if (!cell.formula) continue;
    const match = /^([A-Z]+)(\d+)$/.exec(cell.addr);
    if (match) out.push({ addr: cell.addr, row: Number(match[2]) - 1, col: lettersToCol(match[1]), formula: cell.formula });
  }
  for (const run of plan.runs) {
    const col = lettersToCol(run.col);
    for (let row = run.r0; row <= run.r1; row++)
      out.push({ addr: `${run.col}${row}`, row: row - 1, col, formula: row === run.r0 ? run.formula : shiftFormula(run.formula, row - run.r0, 0, "copy") });
  }
  return out;
}
