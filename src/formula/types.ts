// Shared types of the formula engine: cell values, errors, the syntax tree and evaluation values.

export type ErrorCode = "#DIV/0!" | "#VALUE!" | "#REF!" | "#NAME?" | "#N/A" | "#NUM!";

export interface FError {
  error: ErrorCode;
}

/** A cell value; null is a blank cell. */
export type FValue = number | string | boolean | null | FError;

export const ERROR_CODES: readonly ErrorCode[] = ["#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#N/A", "#NUM!"];

export const ERR = {
  DIV0: { error: "#DIV/0!" } as FError,
  VALUE: { error: "#VALUE!" } as FError,
  REF: { error: "#REF!" } as FError,
  NAME: { error: "#NAME?" } as FError,
  NA: { error: "#N/A" } as FError,
  NUM: { error: "#NUM!" } as FError,
} as const;

export function isError(v: unknown): v is FError {
  return typeof v === "object" && v !== null && typeof (v as FError).error === "string" && !("kind" in v);
}

/** A rectangle on a sheet, 0-based, inclusive. */
export interface SheetRect {
  sheet: string;
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface FormulaContext {
  /** The sheet the formula sits on. */
  sheet: string;
  /** 0-based; returns the current (computed) value; null for blank. */
  getValue(sheet: string, row: number, col: number): FValue;
  /** Workbook-level defined names → the rectangle they refer to, or null when unknown. */
  resolveName(name: string): SheetRect | null;
  /**
   * Optional: rows and columns in use on a sheet. Whole-column and whole-row references (A:A, 1:1)
   * are read only that far; without it they are read in full (slow).
   */
  usedRange?(sheet: string): { rows: number; cols: number };
}

export type NameResolver = (name: string) => SheetRect | null;

export class FormulaSyntaxError extends Error {
  constructor(
    message: string,
    readonly formula: string,
    readonly position: number,
  ) {
    super(`${message} at ${position} in ${formula}`);
    this.name = "FormulaSyntaxError";
  }
}

// ---- syntax tree ----

export type BinaryOp = "+" | "-" | "*" | "/" | "^" | "&" | "=" | "<>" | "<" | ">" | "<=" | ">=" | ":";

export interface RefNode {
  type: "ref";
  /** Undefined: the formula's own sheet. */
  sheet?: string;
  r0: number;
  c0: number;
  r1: number;
  c1: number;
  /** Which parts carry a "$": [row0, col0, row1, col1]. */
  abs: [boolean, boolean, boolean, boolean];
}

export type Ast =
  | { type: "num"; value: number }
  | { type: "str"; value: string }
  | { type: "bool"; value: boolean }
  | { type: "err"; error: ErrorCode }
  | { type: "empty" }
  | RefNode
  | { type: "name"; name: string; sheet?: string }
  | { type: "unary"; op: "-" | "+"; arg: Ast }
  | { type: "percent"; arg: Ast }
  | { type: "binary"; op: BinaryOp; left: Ast; right: Ast }
  | { type: "call"; name: string; args: Ast[] }
  | { type: "array"; rows: Ast[][] };

// ---- evaluation values ----

/** A reference to a rectangle of cells (not yet read). */
export interface RangeVal extends SheetRect {
  kind: "range";
}

/** An in-memory array (from an array constant or an elementwise operation). */
export interface ArrayVal {
  kind: "array";
  rows: number;
  cols: number;
  data: FValue[][];
}

/** What an expression evaluates to before it lands in a cell. */
export type Val = FValue | RangeVal | ArrayVal;

export function isRange(v: Val): v is RangeVal {
  return typeof v === "object" && v !== null && (v as RangeVal).kind === "range";
}

export function isArray(v: Val): v is ArrayVal {
  return typeof v === "object" && v !== null && (v as ArrayVal).kind === "array";
}

export function makeArray(data: FValue[][]): ArrayVal {
  return { kind: "array", rows: data.length, cols: data[0]?.length ?? 0, data };
}
