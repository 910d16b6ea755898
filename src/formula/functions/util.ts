// Helpers shared by the built-in functions.
import { toNumber } from "../coerce";
import { Env } from "../fn";
import { FError, FValue, isArray, isError, isRange, Val } from "../types";

/**
 * Visits every value of the arguments: cells of ranges and arrays (fromRef true) and direct scalars.
 * Stops and returns the first FError the visitor returns.
 */
export function visit(args: Val[], env: Env, cb: (v: FValue, fromRef: boolean) => FError | void): FError | null {
  for (const a of args) {
    if (isRange(a) || isArray(a)) {
      for (const row of env.grid(a)) {
        for (const v of row) {
          const e = cb(v, true);
          if (e) return e;
        }
      }
    } else {
      const e = cb(a, false);
      if (e) return e;
    }
  }
  return null;
}

/** The numbers SUM, MIN, MAX and AVERAGE use: numbers in ranges, coerced direct values; errors propagate. */
export function collectNumbers(args: Val[], env: Env): number[] | FError {
  const out: number[] = [];
  const err = visit(args, env, (v, fromRef) => {
    if (isError(v)) return v;
    if (fromRef) {
      if (typeof v === "number") out.push(v);
      return;
    }
    const n = toNumber(v);
    if (isError(n)) return n;
    out.push(n);
  });
  return err ?? out;
}

/** A whole-number argument (truncated toward zero), or an error. */
export function intArg(v: Val, def?: number): number | FError {
  if (v === undefined) return def ?? 0;
  const n = toNumber(v as FValue);
  return isError(n) ? n : Math.trunc(n);
}

/** Moves the decimal point of x by d places without binary rounding noise. */
export function shiftDecimal(x: number, d: number): number {
  const [m, e] = String(x).split("e");
  return Number(`${m}e${Number(e ?? 0) + d}`);
}

/** Rounds like Excel's ROUND/ROUNDUP/ROUNDDOWN (on the 15-digit decimal value, away from zero on .5). */
export function roundTo(x: number, digits: number, mode: "half" | "up" | "down" = "half"): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const a = Number(Math.abs(x).toPrecision(15));
  const s = shiftDecimal(a, digits);
  const r = mode === "half" ? Math.floor(s + 0.5) : mode === "up" ? Math.ceil(s) : Math.floor(s);
  return Math.sign(x) * shiftDecimal(r, -digits) || 0;
}

/** Excel wildcards (* ? and ~ escapes) as an anchored, case-insensitive RegExp. */
export function wildcardRegex(pattern: string, anchored = true): RegExp {
  let re = "";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === "~" && i + 1 < pattern.length && "*?~".includes(pattern[i + 1])) {
      re += "\\" + pattern[++i];
    } else if (ch === "*") re += "[\\s\\S]*";
    else if (ch === "?") re += "[\\s\\S]";
    else re += ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(anchored ? `^${re}$` : re, "i");
}

export function hasWildcard(pattern: string): boolean {
  return /[*?~]/.test(pattern);
}
