// evaluateFormula: one formula → the value its cell shows.
import { parseCached } from "./cache";
import { Evaluator } from "./evaluator";
import { Ast, FormulaContext, FValue, FormulaSyntaxError, isArray, isRange, ERR } from "./types";

export interface EvalPosition {
  row: number;
  col: number;
  /** Evaluate as an array (Ctrl+Shift+Enter) formula; the top-left result is returned. */
  array?: boolean;
}

/**
 * Evaluates a formula (text with "=", or a parsed Ast) for the cell `at` on ctx.sheet. A blank
 * result shows as 0, a multi-cell range is implicitly intersected with `at`. Text that is not a
 * valid formula evaluates to #NAME? rather than throwing.
 */
export function evaluateFormula(formula: string | Ast, ctx: FormulaContext, at?: EvalPosition): FValue {
  let ast: Ast;
  try {
    ast = typeof formula === "string" ? parseCached(formula) : formula;
  } catch (e) {
    if (e instanceof FormulaSyntaxError) return ERR.NAME;
    throw e;
  }
  const ev = new Evaluator(ctx, at);
  const v = ev.eval(ast, at?.array === true);
  const s = isRange(v) || isArray(v) ? ev.scalar(v) : v;
  return s === null || s === 0 ? 0 : s; // no blank and no -0 in a cell
}
