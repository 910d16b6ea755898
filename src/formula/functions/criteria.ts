// COUNTIF, SUMIF, COUNTIFS, SUMIFS, AVERAGEIF and their criteria (">=90", "<>", "不适用", "a*", 5, TRUE).
import { compareValues, parseNumericText } from "../coerce";
import { Env, FnTable } from "../fn";
import { ERR, FError, FValue, isError, isRange, Val } from "../types";
import { wildcardRegex } from "./util";

export type Matcher = (v: FValue) => boolean;

function numberEq(n: number): Matcher {
  return (v) =>
    (typeof v === "number" && compareValues(v, n) === 0) ||
    (typeof v === "string" && parseNumericText(v) === n);
}

function withOp(op: string, eq: Matcher, ordered: (v: FValue) => number | null): Matcher {
  if (op === "" || op === "=") return eq;
  if (op === "<>") return (v) => !eq(v);
  return (v) => {
    const c = ordered(v);
    if (c === null) return false;
    return op === "<" ? c < 0 : op === ">" ? c > 0 : op === "<=" ? c <= 0 : c >= 0;
  };
}

/** A criterion of COUNTIF and friends as a predicate on cell values. */
export function criterion(c: FValue): Matcher {
  if (isError(c)) return (v) => isError(v) && v.error === c.error;
  // A criterion read from an empty cell counts as 0 (Excel's documented rule; LibreOffice agrees).
  if (typeof c === "number" || c === null) return numberEq(c ?? 0);
  if (typeof c === "boolean") return (v) => v === c;
  const m = /^(<=|>=|<>|=|<|>)?([\s\S]*)$/.exec(c) as RegExpExecArray;
  const op = m[1] ?? "";
  const rest = m[2];
  if (rest === "") {
    if (op === "") return (v) => v === null || v === "";
    if (op === "=") return (v) => v === null;
    if (op === "<>") return (v) => v !== null;
    return () => false;
  }
  const n = parseNumericText(rest);
  if (n !== null) {
    return withOp(op, numberEq(n), (v) => (typeof v === "number" ? compareValues(v, n) : null));
  }
  const upper = rest.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") {
    const b = upper === "TRUE";
    return withOp(op, (v) => v === b, (v) => (typeof v === "boolean" ? compareValues(v, b) : null));
  }
  if (upper.startsWith("#")) return withOp(op, (v) => isError(v) && v.error === upper, () => null);
  const re = wildcardRegex(rest);
  return withOp(op, (v) => typeof v === "string" && re.test(v), (v) => (typeof v === "string" ? compareValues(v, rest) : null));
}

/** The cells of `target` laid over the shape of `shapeOf` from target's top-left (as SUMIF does). */
function alignedGrid(env: Env, target: Val, rows: number, cols: number): FValue[][] {
  if (isRange(target)) {
    return env.grid({ ...target, r1: target.r0 + rows - 1, c1: target.c0 + cols - 1 });
  }
  return env.grid(target);
}

/** For each cell of the first range: whether every (range, criterion) pair matches. */
function matches(env: Env, pairs: Array<[Val, FValue]>): boolean[][] | FError {
  const grids = pairs.map(([r]) => env.grid(r));
  const rows = grids[0].length;
  const cols = grids[0][0]?.length ?? 0;
  if (grids.some((g) => g.length !== rows || (g[0]?.length ?? 0) !== cols)) return ERR.VALUE;
  const preds = pairs.map(([, c]) => criterion(c));
  return grids[0].map((row, i) => row.map((_, j) => preds.every((p, k) => p(grids[k][i][j]))));
}

function sumWhere(env: Env, ok: boolean[][], sum: Val, avg: boolean): FValue {
  const g = alignedGrid(env, sum, ok.length, ok[0]?.length ?? 0);
  let total = 0;
  let n = 0;
  for (let i = 0; i < ok.length; i++) {
    for (let j = 0; j < ok[i].length; j++) {
      if (!ok[i][j]) continue;
      const v = g[i]?.[j];
      if (isError(v)) return v;
      if (typeof v === "number") {
        total += v;
        n++;
      }
    }
  }
  return avg ? (n ? total / n : ERR.DIV0) : total;
}

function pairsOf(args: Val[], from: number): Array<[Val, FValue]> | null {
  if ((args.length - from) % 2 !== 0) return null;
  const out: Array<[Val, FValue]> = [];
  for (let i = from; i < args.length; i += 2) out.push([args[i], args[i + 1] as FValue]);
  return out;
}

const EVEN = [0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28];
const ODD = EVEN.map((i) => i + 1);

/** SUMIF / AVERAGEIF (range, criteria[, sum_range]): one condition, summed or averaged. */
function sumIf(avg: boolean): FnTable[string] {
  return {
    min: 2,
    max: 3,
    raw: [0, 2],
    errorsIn: true,
    fn: ([range, crit, sum], env) => {
      const ok = matches(env, [[range, crit as FValue]]);
      return isError(ok) ? ok : sumWhere(env, ok, sum ?? range, avg);
    },
  };
}

export const CRITERIA: FnTable = {
  COUNTIF: {
    min: 2,
    max: 2,
    raw: [0],
    errorsIn: true,
    fn: ([range, crit], env) => {
      const ok = matches(env, [[range, crit as FValue]]);
      return isError(ok) ? ok : ok.flat().filter(Boolean).length;
    },
  },
  COUNTIFS: {
    min: 2,
    max: 30,
    raw: EVEN,
    errorsIn: true,
    fn: (args, env) => {
      const pairs = pairsOf(args, 0);
      if (!pairs) return ERR.VALUE;
      const ok = matches(env, pairs);
      return isError(ok) ? ok : ok.flat().filter(Boolean).length;
    },
  },
  SUMIF: sumIf(false),
  AVERAGEIF: sumIf(true),
  SUMIFS: {
    min: 3,
    max: 29,
    raw: [0, ...ODD],
    errorsIn: true,
    fn: ([sum, ...rest], env) => {
      const pairs = pairsOf(rest, 0);
      if (!pairs) return ERR.VALUE;
      const ok = matches(env, pairs);
      return isError(ok) ? ok : sumWhere(env, ok, sum, false);
    },
  },
};
