// Text functions: LEN, TRIM, LEFT, RIGHT, MID, FIND, SEARCH, SUBSTITUTE, VALUE, CONCATENATE, CONCAT,
// LOWER, UPPER, REPT, EXACT, TEXT, ASC. Lengths count UTF-16 code units (one per CJK character).
import { parseNumericText, toNumber, toText } from "../coerce";
import { FnTable } from "../fn";
import { ERR, FValue, isError, Val } from "../types";
import { formatNumber } from "./format";
import { visit, wildcardRegex } from "./util";

type Arg = string | number;

const HALF: Record<string, string> = { "。": "｡", "「": "｢", "」": "｣", "、": "､", "・": "･" };

/** ASC as LibreOffice evaluates it: full-width ASCII (！…～) to half-width, and the CJK punctuation with a half-width
 *  form (。「」、・) to it; the ideographic space stays. */
function asc(s: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    out += c >= 0xff01 && c <= 0xff5e ? String.fromCharCode(c - 0xfee0) : (HALF[ch] ?? ch);
  }
  return out;
}

/** A function of text (t) and whole-number (n) params, in order; optional ones may be undefined. */
function textFn(min: number, kinds: string, f: (xs: Array<Arg | undefined>) => FValue): FnTable[string] {
  return {
    min,
    max: kinds.length,
    fn: (args: Val[]) => {
      const xs: Array<Arg | undefined> = [];
      for (let i = 0; i < args.length; i++) {
        const a = args[i] as FValue;
        const x = kinds[i] === "t" ? toText(a) : toNumber(a);
        if (isError(x)) return x;
        xs.push(typeof x === "number" ? Math.trunc(x) : x);
      }
      return f(xs);
    },
  };
}

function find(caseSensitive: boolean) {
  return textFn(2, "ttn", ([needle, hay, start]) => {
    const s = (start as number | undefined) ?? 1;
    const h = hay as string;
    const n = needle as string;
    if (s < 1 || s > h.length + 1) return ERR.VALUE;
    let idx: number;
    if (caseSensitive) idx = h.indexOf(n, s - 1);
    else {
      const re = wildcardRegex(n, false);
      const m = re.exec(h.slice(s - 1));
      idx = m ? m.index + s - 1 : -1;
    }
    return idx < 0 ? ERR.VALUE : idx + 1;
  });
}

function substitute(text: string, old: string, rep: string, nth?: number): FValue {
  if (nth !== undefined && nth < 1) return ERR.VALUE;
  if (!old) return text;
  if (nth === undefined) return text.split(old).join(rep);
  let idx = -1;
  for (let k = 0; k < nth; k++) {
    idx = text.indexOf(old, idx + 1);
    if (idx < 0) return text;
  }
  return text.slice(0, idx) + rep + text.slice(idx + old.length);
}

export const TEXT_FNS: FnTable = {
  LEN: textFn(1, "t", ([t]) => (t as string).length),
  ASC: textFn(1, "t", ([t]) => asc(t as string)),
  TRIM: textFn(1, "t", ([t]) => (t as string).replace(/ +/g, " ").replace(/^ | $/g, "")),
  LOWER: textFn(1, "t", ([t]) => (t as string).toLowerCase()),
  UPPER: textFn(1, "t", ([t]) => (t as string).toUpperCase()),
  LEFT: textFn(1, "tn", ([t, n = 1]) => ((n as number) < 0 ? ERR.VALUE : (t as string).slice(0, n as number))),
  RIGHT: textFn(1, "tn", ([t, n = 1]) => {
    const k = n as number;
    const s = t as string;
    return k < 0 ? ERR.VALUE : k === 0 ? "" : s.slice(Math.max(0, s.length - k));
  }),
  MID: textFn(3, "tnn", ([t, start, n]) => {
    const s = start as number;
    const k = n as number;
    return s < 1 || k < 0 ? ERR.VALUE : (t as string).substr(s - 1, k);
  }),
  FIND: find(true),
  SEARCH: find(false),
  SUBSTITUTE: textFn(3, "tttn", ([t, o, r, nth]) => substitute(t as string, o as string, r as string, nth as number | undefined)),
  REPT: textFn(2, "tn", ([t, n]) => ((n as number) < 0 ? ERR.VALUE : (t as string).repeat(n as number))),
  EXACT: textFn(2, "tt", ([a, b]) => a === b),
  CONCATENATE: textFn(1, "t".repeat(255), (xs) => xs.join("")),
  CONCAT: {
    min: 1,
    max: 255,
    raw: "all",
    fn: (args, env) => {
      let s = "";
      const err = visit(args, env, (v) => {
        const t = toText(v);
        if (isError(t)) return t;
        s += t;
      });
      return err ?? s;
    },
  },
  VALUE: {
    min: 1,
    max: 1,
    fn: ([v]) => {
      if (typeof v === "number") return v;
      if (v === null) return 0;
      if (typeof v !== "string") return ERR.VALUE;
      const n = parseNumericText(v);
      return n === null ? ERR.VALUE : n;
    },
  },
  TEXT: {
    min: 2,
    max: 2,
    fn: ([v, f]) => {
      const fmt = toText(f as FValue);
      if (isError(fmt)) return fmt;
      if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
      const n = typeof v === "string" ? parseNumericText(v) : toNumber(v as FValue);
      if (n === null) return v as string;
      if (isError(n)) return n;
      return formatNumber(n, fmt);
    },
  },
};
