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
  for (const c of plan.cells) {
    if (!c.formula) continue;
    const m = /^([A-Z]+)(\d+)$/.exec(c.addr);
    if (m) out.push({ addr: c.addr, row: Number(m[2]) - 1, col: lettersToCol(m[1]), formula: c.formula });
  }
  for (const r of plan.runs) {
    const col = lettersToCol(r.col);
    for (let row = r.r0; row <= r.r1; row++)
      out.push({ addr: `${r.col}${row}`, row: row - 1, col, formula: row === r.r0 ? r.formula : shiftFormula(r.formula, row - r.r0, 0, "copy") });
  }
  return out;
}
