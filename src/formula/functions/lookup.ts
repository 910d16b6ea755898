// INDEX, MATCH, CHOOSE, ROWS, COLUMNS, ROW, COLUMN.
import { compareValues, toNumber } from "../coerce";
import { Env, FnTable } from "../fn";
import { Ast, ERR, FValue, isArray, isError, isRange, makeArray, Val } from "../types";
import { hasWildcard, intArg, wildcardRegex } from "./util";

function dims(v: Val): [number, number] {
  if (isRange(v)) return [v.r1 - v.r0 + 1, v.c1 - v.c0 + 1];
  if (isArray(v)) return [v.rows, v.cols];
  return [1, 1];
}

function index(args: Val[], env: Env): Val {
  const [arr, rowArg, colArg] = args;
  if (isError(arr)) return arr;
  const [rows, cols] = dims(arr);
  let r = intArg(rowArg);
  let c = intArg(colArg, 0);
  if (isError(r)) return r;
  if (isError(c)) return c;
  if (colArg === undefined && rows === 1 && cols > 1) [r, c] = [1, r];
  else if (colArg === undefined && cols === 1) c = 1;
  if (r < 0 || c < 0) return ERR.VALUE;
  if (r > rows || c > cols) return ERR.REF;
  const rr: [number, number] = r === 0 ? [0, rows - 1] : [r - 1, r - 1];
  const cc: [number, number] = c === 0 ? [0, cols - 1] : [c - 1, c - 1];
  if (isRange(arr)) {
    return { ...arr, r0: arr.r0 + rr[0], r1: arr.r0 + rr[1], c0: arr.c0 + cc[0], c1: arr.c0 + cc[1] };
  }
  const g = env.grid(arr);
  const out = g.slice(rr[0], rr[1] + 1).map((row) => row.slice(cc[0], cc[1] + 1));
  return out.length === 1 && out[0].length === 1 ? out[0][0] : makeArray(out);
}

function sameKind(a: FValue, b: FValue): boolean {
  return typeof a === typeof b && a !== null && b !== null && !isError(a) && !isError(b);
}

function match(args: Val[], env: Env): FValue {
  const [lookup, arr, typeArg] = args as [FValue, Val, FValue | undefined];
  if (isError(lookup)) return lookup;
  if (lookup === null) return ERR.NA;
  const [rows, cols] = dims(arr);
  if (rows > 1 && cols > 1) return ERR.NA;
  const list = env.grid(arr).flat();
  const t = typeArg === undefined ? 1 : toNumber(typeArg);
  if (isError(t)) return t;
  if (t === 0) {
    const re = typeof lookup === "string" && hasWildcard(lookup) ? wildcardRegex(lookup) : null;
    const i = list.findIndex((v) =>
      re ? typeof v === "string" && re.test(v) : sameKind(v, lookup) && compareValues(v, lookup) === 0,
    );
    return i < 0 ? ERR.NA : i + 1;
  }
  let found = -1;
  for (let i = 0; i < list.length; i++) {
    const v = list[i];
    if (!sameKind(v, lookup)) continue;
    const c = compareValues(v, lookup);
    if (t > 0 ? c > 0 : c < 0) break;
    found = i;
  }
  return found < 0 ? ERR.NA : found + 1;
}

function choose(args: Ast[], env: Env, am: boolean): Val {
  const k = toNumber(env.scalar(env.eval(args[0], am)));
  if (isError(k)) return k;
  const i = Math.trunc(k);
  if (i < 1 || i >= args.length) return ERR.VALUE;
  return env.eval(args[i], am);
}

function position(which: "row" | "col") {
  return (args: Val[], env: Env): FValue => {
    const v = args[0];
    if (v === undefined) return env.at ? (which === "row" ? env.at.row : env.at.col) + 1 : ERR.VALUE;
    if (!isRange(v)) return ERR.VALUE;
    return (which === "row" ? v.r0 : v.c0) + 1;
  };
}

export const LOOKUP: FnTable = {
  INDEX: { min: 2, max: 3, raw: [0], arrayArgs: [0], fn: index },
  MATCH: { min: 2, max: 3, raw: [1], fn: match },
  CHOOSE: { min: 2, max: 255, lazy: choose },
  ROWS: { min: 1, max: 1, raw: "all", fn: ([v]) => (isError(v) ? v : dims(v)[0]) },
  COLUMNS: { min: 1, max: 1, raw: "all", fn: ([v]) => (isError(v) ? v : dims(v)[1]) },
  ROW: { min: 0, max: 1, raw: "all", fn: position("row") },
  COLUMN: { min: 0, max: 1, raw: "all", fn: position("col") },
};
