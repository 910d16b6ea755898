// Scalar math: ROUND, ROUNDUP, ROUNDDOWN, ABS, INT, MOD, POWER, SQRT, SIGN.
import { toNumber } from "../coerce";
import { FnTable } from "../fn";
import { ERR, FValue, isError, Val } from "../types";
import { intArg, roundTo } from "./util";

function numFn(min: number, max: number, f: (xs: number[]) => FValue): FnTable[string] {
  return {
    min,
    max,
    fn: (args: Val[]) => {
      const xs: number[] = [];
      for (const a of args) {
        const n = toNumber(a as FValue);
        if (isError(n)) return n;
        xs.push(n);
      }
      return f(xs);
    },
  };
}

function rounding(mode: "half" | "up" | "down"): FnTable[string] {
  return numFn(1, 2, ([x, d]) => roundTo(x, Math.trunc(d ?? 0), mode));
}

export const MATH: FnTable = {
  ROUND: rounding("half"),
  ROUNDUP: rounding("up"),
  ROUNDDOWN: rounding("down"),
  ABS: numFn(1, 1, ([x]) => Math.abs(x)),
  INT: numFn(1, 1, ([x]) => Math.floor(x)),
  SIGN: numFn(1, 1, ([x]) => Math.sign(x)),
  MOD: numFn(2, 2, ([n, d]) => (d === 0 ? ERR.DIV0 : n - d * Math.floor(n / d))),
  POWER: numFn(2, 2, ([x, y]) => {
    const r = Math.pow(x, y);
    return x === 0 && y <= 0 ? (y === 0 ? ERR.NUM : ERR.DIV0) : Number.isFinite(r) ? r : ERR.NUM;
  }),
  SQRT: numFn(1, 1, ([x]) => (x < 0 ? ERR.NUM : Math.sqrt(x))),
  TRUNC: {
    min: 1,
    max: 2,
    fn: ([x, d]) => {
      const n = toNumber(x as FValue);
      const k = intArg(d);
      if (isError(n)) return n;
      if (isError(k)) return k;
      return roundTo(n, k, "down");
    },
  },
};
