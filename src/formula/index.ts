// src/formula: a small, pure Excel-formula evaluator (no Node APIs, no dependencies) for the fake
// workbook and the preview. Public API:
//
//   parseFormula(text)                       → Ast; throws FormulaSyntaxError
//   evaluateFormula(text | Ast, ctx, at?)    → FValue the cell shows (blank → 0; bad syntax → #NAME?)
//   references(text | Ast, sheet, resolve?)  → rectangles the formula reads (dependency ordering)
//   isError(v), displayText(v)               → error test; the text a cell shows (TRUE, #DIV/0!, 0.5)
//   new Recalculator({ onCycle })            → a workbook of cells:
//       setCell(sheet, row, col, { value?, formula? })  value alone clears a formula; formula: null too
//       setValue / setFormula / setName(name, rect | null) / get / getFormula / context(sheet)
//       resolveName may be replaced by your own resolver (then call invalidate() when it changes)
//       recalc(): CellChange[]   every formula in dependency order (cached until formulas/names
//                                change); returns formula cells whose value changed; cycles → #REF!
//                                (or kept with onCycle: "keep"), listed in `cycles`
//   recalcAll(cells, names?)                 → the same over a Map "Sheet!r,c" → { formula?, value }
//   loadGrids(grids, rc?)                    → a Recalculator holding Grid-shaped sheets and names
//   toCellValue / fromCellValue              → FError ⇄ "#DIV/0!" as Office.js and Grid hold errors
//
// Functions: Object.keys(FUNCTIONS). References: A1, $A$1, A1:B3, A:A, 1:1, Sheet1!A1,
// 'Sheet Name'!A1:B2, defined names; array constants {1,2;3,4}. Where Excel and LibreOffice differ
// (booleans vs numbers, 0^0, VALUE(TRUE), FIND("",x)), Excel wins.
// Semantics follow Excel 2016 / LibreOffice: outside SUMPRODUCT and INDEX's first argument a
// multi-cell range used as one value is implicitly intersected with the formula's cell (pass `at`);
// inside them, operators and scalar functions work elementwise.
import { displayText, parseNumericText } from "./coerce";
import { evaluateFormula } from "./evaluateFormula";
import { parseFormula } from "./parser";
import { Recalculator } from "./recalc";
import { references } from "./refs";
import { FValue, NameResolver, SheetRect } from "./types";

export { cellA1, colIndex, colLetters, parseCellAddress, quoteSheet } from "./a1";
export { FUNCTIONS } from "./functions";
export { fromCellValue, loadGrids, parseRangeRef, toCellValue } from "./grid";
export type { CellValueLike, GridLike } from "./grid";
export type { CellChange, RecalcOptions } from "./recalc";
export type { EvalPosition } from "./evaluateFormula";
export type { Ast, ErrorCode, FError, FormulaContext, FValue, NameResolver, SheetRect } from "./types";
export { ERR, FormulaSyntaxError, isError } from "./types";
export { displayText, evaluateFormula, parseFormula, parseNumericText, Recalculator, references };

/** Splits "Sheet!r,c" (the sheet name may itself contain "!"). */
export function parseCellKey(key: string): { sheet: string; row: number; col: number } | null {
  const bang = key.lastIndexOf("!");
  const m = /^(\d+),(\d+)$/.exec(key.slice(bang + 1));
  if (bang < 0 || !m) return null;
  return { sheet: key.slice(0, bang), row: Number(m[1]), col: Number(m[2]) };
}

/**
 * Recomputes the formula cells of `cells` (keys "Sheet!r,c", 0-based) in dependency order, writing
 * their values in place. Returns the keys whose value changed.
 */
export function recalcAll(
  cells: Map<string, { formula?: string; value: FValue }>,
  names?: Record<string, SheetRect> | NameResolver,
): string[] {
  const rc = new Recalculator();
  const keys = new Map<string, string>();
  for (const [key, cell] of cells) {
    const at = parseCellKey(key);
    if (!at) continue;
    rc.setCell(at.sheet, at.row, at.col, cell.formula !== undefined ? { value: cell.value, formula: cell.formula } : { value: cell.value });
    keys.set(`${at.sheet.toLowerCase()}!${at.row},${at.col}`, key);
  }
  if (typeof names === "function") {
    const ctxResolve = names;
    rc.resolveName = (n) => ctxResolve(n);
  } else if (names) {
    for (const [n, rect] of Object.entries(names)) rc.setName(n, rect);
  }
  const changed: string[] = [];
  for (const ch of rc.recalc()) {
    const key = keys.get(`${ch.sheet.toLowerCase()}!${ch.row},${ch.col}`) as string;
    (cells.get(key) as { value: FValue }).value = ch.value;
    changed.push(key);
  }
  return changed;
}
