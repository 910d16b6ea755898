// INDEX, MATCH, VLOOKUP, HLOOKUP, LOOKUP, CHOOSE, ROWS, COLUMNS, ROW, COLUMN.
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

/** 0-based position of lookup in list by MATCH's rules (0 exact with wildcards, 1 / -1 sorted); -1 if none. */
function matchIn(list: FValue[], lookup: FValue, type: number): number {
  if (type === 0) {
    const re = typeof lookup === "string" && hasWildcard(lookup) ? wildcardRegex(lookup) : null;
    return list.findIndex((v) =>
      re ? typeof v === "string" && re.test(v) : sameKind(v, lookup) && compareValues(v, lookup) === 0,
    );
  }
  let found = -1;
  for (let i = 0; i < list.length; i++) {
    const v = list[i];
    if (!sameKind(v, lookup)) continue;
    const c = compareValues(v, lookup);
    if (type > 0 ? c > 0 : c < 0) break;
    found = i;
  }
  return found;
}

function match(args: Val[], env: Env): FValue {
  const [lookup, arr, typeArg] = args as [FValue, Val, FValue | undefined];
  if (isError(lookup)) return lookup;
  if (lookup === null) return ERR.NA;
  const [rows, cols] = dims(arr);
  if (rows > 1 && cols > 1) return ERR.NA;
  const t = typeArg === undefined ? 1 : toNumber(typeArg);
  if (isError(t)) return t;
  const i = matchIn(env.grid(arr).flat(), lookup, Math.sign(t));
  return i < 0 ? ERR.NA : i + 1;
}

/** VLOOKUP (vertical) and HLOOKUP: find in the first column/row, return from column/row `index`. */
function tableLookup(vertical: boolean) {
  return (args: Val[], env: Env): FValue => {
    const [lookup, table, idxArg, approxArg] = args as [FValue, Val, FValue, FValue | undefined];
    if (isError(lookup)) return lookup;
    if (isError(table)) return table;
    const idx = intArg(idxArg);
    if (isError(idx)) return idx;
    const g = env.grid(table);
    const keys = vertical ? g.map((r) => r[0]) : g[0] ?? [];
    const size = vertical ? (g[0]?.length ?? 0) : g.length;
    if (idx < 1) return ERR.VALUE;
    if (idx > size) return ERR.REF;
    let approx = true;
    if (approxArg !== undefined) {
      const n = toNumber(approxArg);
      if (isError(n)) return n;
      approx = n !== 0;
    }
    const i = lookup === null ? -1 : matchIn(keys, lookup, approx ? 1 : 0);
    if (i < 0) return ERR.NA;
    return vertical ? g[i][idx - 1] : g[idx - 1][i];
  };
}

/** LOOKUP(value, lookup_vector, [result_vector]), sorted ascending; the array form uses the longer side. */
function lookupFn(args: Val[], env: Env): FValue {
  const [lookup, vec, res] = args as [FValue, Val, Val | undefined];
  if (isError(lookup)) return lookup;
  const g = env.grid(vec);
  const wide = (g[0]?.length ?? 0) > g.length;
  let keys: FValue[];
  let values: FValue[];
  if (res !== undefined) {
    keys = g.flat();
    values = env.grid(res).flat();
  } else {
    keys = wide ? g[0] : g.map((r) => r[0]);
    values = wide ? g[g.length - 1] : g.map((r) => r[r.length - 1]);
  }
  const i = lookup === null ? -1 : matchIn(keys, lookup, 1);
  return i < 0 || i >= values.length ? ERR.NA : values[i];
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
  VLOOKUP: { min: 3, max: 4, raw: [1], fn: tableLookup(true) },
  HLOOKUP: { min: 3, max: 4, raw: [1], fn: tableLookup(false) },
  // Excel and LibreOffice evaluate LOOKUP's vectors as arrays ("LOOKUP(2,1/(A1:A9<>""),A1:A9)" needs no Ctrl+Shift+Enter).
  LOOKUP: { min: 2, max: 3, raw: [1, 2], arrayArgs: [1, 2], fn: lookupFn },
  CHOOSE: { min: 2, max: 255, lazy: choose },
  ROWS: { min: 1, max: 1, raw: "all", fn: ([v]) => (isError(v) ? v : dims(v)[0]) },
  COLUMNS: { min: 1, max: 1, raw: "all", fn: ([v]) => (isError(v) ? v : dims(v)[1]) },
  ROW: { min: 0, max: 1, raw: "all", fn: position("row") },
  COLUMN: { min: 0, max: 1, raw: "all", fn: position("col") },
};
