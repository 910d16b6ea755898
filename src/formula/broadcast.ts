// Elementwise evaluation over ranges and arrays.
import { Env } from "./fn";
import { ERR, FValue, isArray, isRange, makeArray, Val } from "./types";

export function isMulti(v: Val): boolean {
  if (isRange(v)) return v.r1 > v.r0 || v.c1 > v.c0;
  if (isArray(v)) return v.rows * v.cols !== 1;
  return false;
}

/** Applies f to the elements of the values, broadcasting 1-wide ones; missing elements are #N/A. */
export function broadcast(env: Env, vals: Val[], f: (xs: FValue[]) => FValue): Val {
  const grids = vals.map((v) => env.grid(v));
  const rows = Math.max(...grids.map((g) => g.length));
  const cols = Math.max(...grids.map((g) => g[0]?.length ?? 0));
  const data: FValue[][] = [];
  for (let i = 0; i < rows; i++) {
    const row: FValue[] = [];
    for (let j = 0; j < cols; j++) {
      const xs = grids.map((g) => {
        const r = g.length === 1 ? g[0] : g[i];
        if (!r) return ERR.NA;
        const x = r.length === 1 ? r[0] : r[j];
        return x === undefined ? ERR.NA : x;
      });
      row.push(f(xs));
    }
    data.push(row);
  }
  return makeArray(data);
}
