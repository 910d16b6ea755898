// The value parser (docs/rules.md#value-grammar): a target or an actual as written → a ParsedValue. Never throws.
import type { Comparator, ParsedValue, Tier } from "./model";
import { cnNumber, fold, periodOf } from "./text";
import { MULTIPLIABLE, MULTIPLIERS, UNIT_WORDS, normaliseUnit, toWan } from "./units";
import {
  ACHIEVED_WORDS,
  COMPARATOR_PREFIX_WORDS,
  COMPARATOR_SUFFIX_WORDS,
  EMPTY_ACTUAL_WORDS,
  FINAL_STOPS,
  NOT_ACHIEVED_WORDS,
  NOT_APPLICABLE_WORDS,
  TIER_PREFIXES,
  TRAILING_WORDS,
} from "./vocabulary";
import { inferComparator } from "./direction";

export interface ValueContext {
  name?: string;
  level1?: string;
  level2?: string;
  /** A separate 计量单位 column. */
  unit?: string;
  /** A separate 指标性质 column: a sign ("≥") or 定量/定性. */
  nature?: string;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const UNIT_RE = UNIT_WORDS.map(esc).join("|");

// Symbols after NFKC folding (＞ → >, ＝ → =); ≥ ≤ ≧ ≦ survive folding.
const SYMBOLS: [RegExp, Comparator][] = [
  [/^(>=|=>|≥|≧|⩾)/, ">="],
  [/^(<=|=<|≤|≦|⩽)/, "<="],
  [/^>/, ">"],
  [/^</, "<"],
  [/^(==|=)/, "="],
];
const byLength = <T extends readonly [string, ...unknown[]]>(list: readonly T[]): T[] => [...list].sort((a, b) => b[0].length - a[0].length);
const PREFIX_WORDS = byLength(COMPARATOR_PREFIX_WORDS);
const PREFIX_RE = PREFIX_WORDS.map((p) => esc(p[0])).join("|");
const SUFFIX = new Map<string, Comparator>(COMPARATOR_SUFFIX_WORDS);
const SUFFIX_RE = byLength(COMPARATOR_SUFFIX_WORDS).map((p) => esc(p[0])).join("|");
const TRAILING_RE = [...TRAILING_WORDS].sort((a, b) => b.length - a.length).map(esc).join("|");

// A number is read from the end of the text, so that the work stays linear in its length whatever it holds:
// what may follow the number ([万/亿 before a count unit][unit][以上/以下/以内][完成/左右/…][。]) is short, so the
// number ends at the text's last digit and TAIL checks the few characters after it; the number's own digits are
// scanned backwards; what may stand before it ([comparator word][sign][comparator word][百分之/千分之/万分之]) is
// short too, so BEFORE looks only at a window of WINDOW characters before the number. The rest is the prefix text.
const MULT_RE = String.raw`(千万|百万|万|亿)(?=${MULTIPLIABLE.map(esc).join("|")})`;
const TAIL = new RegExp(String.raw`^\s*(?:${MULT_RE})?\s*(${UNIT_RE})?\s*(${SUFFIX_RE})?\s*(${TRAILING_RE})?[。.]?$`);
const BEFORE = new RegExp(
  String.raw`(${PREFIX_RE})?\s*(>=|=>|<=|=<|≥|≧|≤|≦|⩾|⩽|==|>|<|=)?\s*(${PREFIX_RE})?\s*(百分之|千分之|万分之)?\s*$`,
);
const TAIL_MAX = 48;
const WINDOW = 24;
/** Per-mille and per-ten-thousand as percentages: "千分之三" = 0.3 %, "万分之五" = 0.05 %, "3‰" = 0.3 %. */
const FRACTION: Record<string, number> = { 百分之: 1, 千分之: 0.1, 万分之: 0.01, "‰": 0.1, "‱": 0.01 };
const PLACEHOLDER = new RegExp(
  String.raw`^(>=|<=|≥|≤|>|<|=|${PREFIX_RE})?\s*([*xX×＊?？_]+)?\s*(${UNIT_RE})?\s*(${SUFFIX_RE})?$`,
);
const UNIT_ALL = new RegExp(UNIT_RE, "g");
const WORDS_ALL = new RegExp(`${PREFIX_RE}|${SUFFIX_RE}`, "g");
const TIME_RE =
  /全年|年内|年底|年末|年初|季度|上半年|下半年|月底|月末|月中|月初|每个?自然?(月|年|周|季)|每季|按月|按季|按年|^\d{4}[-/.年]\d{1,2}([-/.月]\d{1,2}日?)?(前|之前|以前|底前)?$|^\d{1,2}月\d{1,2}日(前|之前)?$|^\d{1,2}月(份)?(底|末)?(前|之前|以前)(完成)?$|^\d{4}年(前|之前|以前|底前)?$/;

/** An exact word as the vocabulary matches it: spaces and a final full stop removed. */
const bare = (s: string): string => {
  let t = s.replace(/\s/g, "");
  while (t && FINAL_STOPS.includes(t[t.length - 1])) t = t.slice(0, -1);
  return t;
};
const NA_WORDS = new Set(NOT_APPLICABLE_WORDS.map(bare));
const EMPTY_WORDS = new Set(["", ...EMPTY_ACTUAL_WORDS.map((w) => fold(w))]);
const ACHIEVED = new Set(ACHIEVED_WORDS.map(bare));
const NOT_ACHIEVED = new Set(NOT_ACHIEVED_WORDS.map(bare));
/** Tier words at the start of an actual, longest first within each tier (the order of TIER_PREFIXES decides). */
const TIER_LEADS: [string, Tier][] = TIER_PREFIXES.flatMap(([tier, words]) =>
  [...words].sort((a, b) => b.length - a.length).map((w): [string, Tier] => [w, tier]),
);
/** What may follow a tier that leads a description ("部分达成：制度已建立"): punctuation, never a space or a sign
 *  ("达到 5个" is a comparator and a number). 达到/已达到 lead numbers too often to lead a description. */
const AFTER_TIER = /^[：:，,；;。、(（]/;
const LEAD_WORDS = TIER_LEADS.filter(([w]) => !w.endsWith("达到"));

/** Parses a 年度指标值 / 目标值. */
export function parseTarget(raw: string, ctx: ValueContext = {}): ParsedValue {
  return parse(raw, ctx, "target");
}

/** Parses a 实际完成值 / 业绩值 / 完成情况. */
export function parseActual(raw: string, ctx: ValueContext = {}): ParsedValue {
  return parse(raw, ctx, "actual");
}

function parse(input: unknown, ctx: ValueContext, role: "target" | "actual"): ParsedValue {
  const raw = typeof input === "string" ? input : input == null ? "" : String(input);
  // Forms repeat their values ("100%", "≥95%", "全年"): a bounded memo keyed by what the reading depends on
  // (role, 指标性质, 计量单位, the text). Only an inferred comparator depends on the name and levels: redone per call.
  const memo = memoFor(role, ctx);
  const hit = memo?.get(raw);
  try {
    if (hit) return copy(hit, ctx);
    const v = parseInner(raw, ctx, role);
    if (memo) {
      if (++memoSize > MEMO_MAX) {
        MEMO.target.clear();
        MEMO.actual.clear();
        last.target = last.actual = null;
        memoSize = 0;
        memoFor(role, ctx)?.set(raw, copy(v, null));
      } else memo.set(raw, copy(v, null));
    }
    return v;
  } catch {
    return { kind: "text", text: raw.trim(), raw };
  }
}

type Memo = Map<string, ParsedValue>;
/** role → 指标性质 → 计量单位 → text → reading. */
const MEMO = { target: new Map<string, Map<string, Memo>>(), actual: new Map<string, Map<string, Memo>>() };
const MEMO_MAX = 20000;
let memoSize = 0;
/** Forgets every remembered reading (benchmarks measure a first evaluation with it). */
export function clearValueMemo(): void {
  MEMO.target.clear();
  MEMO.actual.clear();
  memoSize = 0;
  last.target = null;
  last.actual = null;
}
/** The memo last used per role: consecutive rows usually share 指标性质 and 计量单位. */
const last: Record<"target" | "actual", { nature: string; unit: string; memo: Memo } | null> = { target: null, actual: null };

function memoFor(role: "target" | "actual", ctx: ValueContext): Memo | undefined {
  const nature = ctx.nature ?? "";
  const unit = ctx.unit ?? "";
  if (typeof nature !== "string" || typeof unit !== "string") return undefined;
  const l = last[role];
  if (l && l.nature === nature && l.unit === unit) return l.memo;
  const byNature = MEMO[role];
  let byUnit = byNature.get(nature);
  if (!byUnit) byNature.set(nature, (byUnit = new Map()));
  let byRaw = byUnit.get(unit);
  if (!byRaw) byUnit.set(unit, (byRaw = new Map()));
  last[role] = { nature, unit, memo: byRaw };
  return byRaw;
}

/** A fresh copy of a memoised reading, with the comparator inferred again for this row (ctx null: kept). */
function copy(v: ParsedValue, ctx: ValueContext | null): ParsedValue {
  switch (v.kind) {
    case "number": {
      const op = v.inferred && ctx ? inferComparator(ctx) : v.op;
      const c: ParsedValue = { kind: "number", op, inferred: v.inferred, value: v.value, unit: v.unit, raw: v.raw };
      if (v.wan !== undefined) c.wan = v.wan;
      return c;
    }
    case "tier":
      return { kind: "tier", tier: v.tier, raw: v.raw };
    case "text":
      return { kind: "text", text: v.text, raw: v.raw };
    case "time":
      return { kind: "time", text: v.text, raw: v.raw };
    case "placeholder":
      return v.unit !== undefined ? { kind: "placeholder", raw: v.raw, unit: v.unit } : { kind: "placeholder", raw: v.raw };
    case "na":
    case "empty":
      return { kind: v.kind, raw: v.raw };
  }
}

function parseInner(raw: string, ctx: ValueContext, role: "target" | "actual"): ParsedValue {
  const s = fold(raw);
  if (EMPTY_WORDS.has(s)) return { kind: "empty", raw };
  if (NA_WORDS.has(bare(s))) return { kind: "na", raw };
  const nature = fold(ctx.nature ?? "");
  if (/定性/.test(nature)) return textOrTier(s, raw, role);

  if (role === "actual") {
    // A tier alone, or leading a description that may hold digits ("部分达成：完成3项中的2项").
    const lead = tierLead(s);
    if (lead) return { kind: "tier", tier: lead, raw };
    const t = tierOf(s);
    if (t && !/\d/.test(s.replace(/^100%完成$|^完成100%$/, ""))) return { kind: "tier", tier: t, raw };
  }
  const num = numeric(s, raw, ctx);
  if (num) return num;
  if (TIME_RE.test(s) || periodOf(s)) return { kind: "time", text: s, raw };
  const ph = PLACEHOLDER.exec(s);
  if (ph && !/[\u4e00-\u9fff]/.test(s.replace(UNIT_ALL, "").replace(WORDS_ALL, ""))) {
    const unit = normaliseUnit(ph[3]);
    return unit ? { kind: "placeholder", raw, unit } : { kind: "placeholder", raw };
  }
  return textOrTier(s, raw, role);
}

function textOrTier(s: string, raw: string, role: "target" | "actual"): ParsedValue {
  if (role === "actual") {
    const t = tierOf(s);
    if (t) return { kind: "tier", tier: t, raw };
  }
  return { kind: "text", text: s, raw };
}

/** The tier an actual states: the official three (long and short) and the usual synonyms. */
export function tierOf(s: string): Tier | null {
  const t = bare(s).replace(/[!！]$/, "");
  if (ACHIEVED.has(t)) return "达成";
  if (NOT_ACHIEVED.has(t)) return "未达成";
  for (const [word, tier] of TIER_LEADS) if (t.startsWith(word)) return tier;
  return null;
}

/** A tier written first and followed by a description or nothing: "部分达成：巡查制度已建立，经费机制未出台". */
function tierLead(s: string): Tier | null {
  const t = s.trim();
  for (const [word, tier] of LEAD_WORDS) {
    if (!t.startsWith(word)) continue;
    const rest = t.slice(word.length).replace(/^(年度|预期)?(指标|目标)?/, "");
    if (rest === "" || AFTER_TIER.test(rest)) return tier;
  }
  return null;
}

function numeric(s: string, raw: string, ctx: ValueContext): ParsedValue | null {
  // Most qualitative texts hold no digit: nothing to read for them.
  const shares = s.includes("分之");
  if (!shares && !HAS_DIGIT.test(s)) return null;
  const parts = splitNumber(shares ? s.replace(CN_FRACTION, (_, a: string, n: string) => `${a}分之${cnNumber(n)}`) : s);
  if (!parts) return null;
  const { prefix, word1, sym, word2, fraction, numText, mult, unitText, suffix } = parts;
  const pre = prefix.trim();
  const hasComparator = Boolean(word1 || sym || word2 || suffix);
  if (fraction && unitText && normaliseUnit(unitText) !== "%") return null; // "万分之5元": not a share
  const written = fraction ? "%" : normaliseUnit(unitText);
  // Text before the number is accepted only when the number is clearly the value ("满意度≥95%", "画册233本").
  if (pre) {
    if (!hasComparator && !written) return null;
    if (/\d/.test(pre) || /[~～至到-]$/.test(pre)) return null; // ranges and dates ("5-10次", "2024年12月")
    if (!hasComparator && /[，,；;、]/.test(pre)) return null;
  }
  let unit = written;
  let scale = mult ? MULTIPLIERS[mult] : 1;
  if (!unit && !mult && ctx.unit) [unit, scale] = columnUnit(ctx.unit);
  const per = FRACTION[fraction ?? ""] ?? FRACTION[unit];
  if (per !== undefined) [unit, scale] = ["%", per];
  const value = scaled(Number(numText.replace(/,/g, "")), scale);
  if (!Number.isFinite(value)) return null;
  let op: Comparator | undefined;
  for (const w of [word1, word2]) if (w) op = PREFIX_WORDS.find((p) => p[0] === w)?.[1];
  if (sym) op = SYMBOLS.find(([re]) => re.test(sym))?.[1];
  if (!op && suffix) op = SUFFIX.get(suffix);
  if (!op) {
    const n = SYMBOLS.find(([re]) => re.test(fold(ctx.nature ?? "")));
    if (n) op = n[1];
  }
  const inferred = !op;
  const v: ParsedValue = { kind: "number", op: op ?? inferComparator(ctx), inferred, value, unit, raw };
  const wan = toWan(value, unit);
  if (wan !== undefined) v.wan = wan;
  return v;
}

interface NumberParts {
  prefix: string;
  word1?: string;
  sym?: string;
  word2?: string;
  fraction?: string;
  numText: string;
  mult?: string;
  unitText?: string;
  suffix?: string;
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= "0" && c <= "9";

/** Cuts "≥95%以上" into its parts in time linear in the text's length; null when the text does not end in a number
 *  and what may follow one. The number is the one that ends at the last digit (units hold no digit). */
function splitNumber(t: string): NumberParts | null {
  let j = t.length - 1;
  while (j >= 0 && !isDigit(t[j])) j--;
  if (j < 0 || t.length - 1 - j > TAIL_MAX) return null;
  const tail = TAIL.exec(t.slice(j + 1));
  if (!tail) return null;
  // [-+]? (\d{1,3}(,\d{3})+ | \d+) (\.\d+)?, scanned backwards from the last digit.
  let i = j;
  while (isDigit(t[i - 1])) i--;
  let start = i;
  if (t[i - 1] === "." && isDigit(t[i - 2])) {
    start = i - 1;
    while (isDigit(t[start - 1])) start--;
  }
  // thousands groups: a group of exactly three digits after a comma, back to a first group of one to three
  let groupStart = start;
  let groupEnd = t[i - 1] === "." ? i - 2 : j;
  while (groupEnd - groupStart + 1 === 3 && t[groupStart - 1] === "," && isDigit(t[groupStart - 2])) {
    groupEnd = groupStart - 2;
    let k = groupEnd;
    while (isDigit(t[k - 1])) k--;
    groupStart = Math.max(k, groupEnd - 2);
  }
  start = groupStart;
  if (t[start - 1] === "-" || t[start - 1] === "+") start--;
  const from = Math.max(0, start - WINDOW);
  const before = BEFORE.exec(t.slice(from, start));
  const cut = before ? from + before.index : start;
  return {
    prefix: t.slice(0, cut),
    word1: before?.[1],
    sym: before?.[2],
    word2: before?.[3],
    fraction: before?.[4],
    numText: t.slice(start, j + 1),
    mult: tail[1],
    unitText: tail[2],
    suffix: tail[3],
  };
}

/** A separate 计量单位 cell: its unit and multiplier ("万亩" → 亩 × 10000, "‰" stays for FRACTION). */
function columnUnit(written: string): [string, number] {
  const w = fold(written).replace(/\s/g, "");
  const m = /^(千万|百万|万|亿)(.+)$/.exec(w);
  if (m && MULTIPLIABLE.includes(m[2])) return [m[2], MULTIPLIERS[m[1]]];
  return [normaliseUnit(w) || w, 1];
}

const CN_FRACTION = /(百|千|万)分之([零〇一二两三四五六七八九十]+)/;
const HAS_DIGIT = /[0-9]/;

/** value × scale without binary noise (0.05, not 0.05000000000000001). */
function scaled(x: number, scale: number): number {
  return scale === 1 ? x : Number((x * scale).toPrecision(12));
}

const OP_TEXT: Record<Comparator, string> = { ">=": "≥", "<=": "≤", ">": "＞", "<": "＜", "=": "＝" };

/** Prints a parsed value the way a form writes it ("≥95%", "≤198万元", "全年"). Parsing it again gives the same value. */
export function formatTarget(v: ParsedValue): string {
  switch (v.kind) {
    case "number": {
      const sign = v.inferred ? "" : OP_TEXT[v.op];
      return `${sign}${formatNumber(v.value)}${v.unit}`;
    }
    case "tier":
      return v.tier;
    case "text":
    case "time":
      return v.text;
    case "na":
      return "不适用";
    case "placeholder":
      return v.raw;
    case "empty":
      return "";
  }
}

function formatNumber(x: number): string {
  if (Number.isInteger(x)) return String(x);
  return String(Number(x.toPrecision(12)));
}
