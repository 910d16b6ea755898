// Aggregates: SUM, MIN, MAX, AVERAGE, COUNT, COUNTA, COUNTBLANK, SUMPRODUCT.
import { toNumber } from "../coerce";
import { Env, FnTable } from "../fn";
import { ERR, FValue, isError, Val } from "../types";
import { collectNumbers, visit } from "./util";

function agg(f: (xs: number[]) => FValue): FnTable[string] {
  return {
    min: 1,
    max: 255,
    raw: "all",
    fn: (args: Val[], env: Env) => {
      const xs = collectNumbers(args, env);
      return isError(xs) ? xs : f(xs);
    },
  };
}

function count(test: (v: FValue, fromRef: boolean) => boolean): FnTable[string] {
  return {
    min: 1,
    max: 255,
    raw: "all",
    fn: (args: Val[], env: Env) => {
      let n = 0;
      visit(args, env, (v, fromRef) => {
        if (test(v, fromRef)) n++;
      });
      return n;
    },
  };
}

function sumproduct(args: Val[], env: Env): FValue {
  const grids = args.map((a) => env.grid(a));
  const rows = grids[0].length;
  const cols = grids[0][0]?.length ?? 0;
  if (grids.some((g) => g.length !== rows || (g[0]?.length ?? 0) !== cols)) return ERR.VALUE;
  let total = 0;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      let p = 1;
      for (const g of grids) {
        const v = g[i][j];
        if (isError(v)) return v;
        p *= typeof v === "number" ? v : 0;
      }
      total += p;
    }
  }
  return total;
}

export const STATS: FnTable = {
  SUM: agg((xs) => xs.reduce((a, b) => a + b, 0)),
  PRODUCT: agg((xs) => xs.reduce((a, b) => a * b, 1)),
  MIN: agg((xs) => (xs.length ? xs.reduce((a, b) => Math.min(a, b)) : 0)),
  MAX: agg((xs) => (xs.length ? xs.reduce((a, b) => Math.max(a, b)) : 0)),
  AVERAGE: agg((xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : ERR.DIV0)),
  COUNT: count((v, fromRef) => typeof v === "number" || (!fromRef && v !== null && !isError(toNumber(v)))),
  COUNTA: count((v, fromRef) => v !== null || !fromRef),
  COUNTBLANK: { min: 1, max: 1, raw: "all", fn: (args, env) => {
    let n = 0;
    visit(args, env, (v) => {
      if (v === null || v === "") n++;
    });
    return n;
  } },
  SUMPRODUCT: { min: 1, max: 255, raw: "all", arrayArgs: "all", fn: sumproduct },
};
