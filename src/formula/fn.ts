// The contract between the evaluator and the built-in functions.
import { Ast, FormulaContext, FValue, Val } from "./types";

export interface Env {
  ctx: FormulaContext;
  at?: { row: number; col: number };
  /** Evaluates a node; arrayMode: ranges in operators and scalar params are taken elementwise. */
  eval(node: Ast, arrayMode: boolean): Val;
  /** A single value: a 1×1 range read, a bigger one implicitly intersected with `at`, an array's top-left. */
  scalar(v: Val): FValue;
  /** Any value as rows of cells (a scalar is 1×1). */
  grid(v: Val): FValue[][];
}

export interface FnDef {
  min: number;
  max: number;
  /** Params passed as evaluated (ranges and arrays kept); "all" for every param. Others are scalars. */
  raw?: number[] | "all";
  /** Params evaluated in array mode, as in SUMPRODUCT; "all" for every param. */
  arrayArgs?: number[] | "all";
  /** Scalar params may be errors (IS*, N); otherwise the first error among them is the result. */
  errorsIn?: boolean;
  fn?(args: Val[], env: Env): Val;
  /** Functions that decide which arguments to evaluate (IF, IFERROR, CHOOSE). */
  lazy?(args: Ast[], env: Env, arrayMode: boolean): Val;
}

export type FnTable = Record<string, FnDef>;

export function inList(list: number[] | "all" | undefined, i: number): boolean {
  return list === "all" || (list !== undefined && list.includes(i));
}
