// What the template formulas read from the workbook instead of holding it themselves: the word lists of
// domain/vocabulary.ts, the units of domain/units.ts and the profile's parameters (domain/profiles.ts), each a named
// range on the very hidden lists sheet. The formulas match against these ranges (see helpers.ts), so one vocabulary
// serves the engine and the sheet, and switching the profile rewrites a few cells, never a formula.
//
// How a list is matched in a formula decides how it is written here:
// - exact lists ("无", "不适用", "已完成" …) are looked up with MATCH(…, 0) on the folded text (helpers.ts fold): the
//   fold turns * ? ~ into ¤ first, so MATCH, which reads them as wildcards, compares whole texts ("**" is a real
//   target text); the lists hold the words as the sheet sees them;
// - the sheet folds a cell with ASC (full-width digits, letters and signs to half-width; 。 becomes ｡ in LibreOffice),
//   so every word here is folded the same way (asc() below mirrors ASC);
// - lists matched at the end or start of a text ("以上", "不低于") start with an empty row: the longest match is found
//   as MAX(ROW) over the matching rows, and the empty row stands for "none" (index 1, op "").
import { normaliseUnit, toWan, unitKind, UNIT_WORDS, MULTIPLIABLE, MULTIPLIERS } from "../units";
import {
  ACHIEVED_WORDS,
  COMPARATOR_PREFIX_WORDS,
  COMPARATOR_SUFFIX_WORDS,
  EMPTY_ACTUAL_WORDS,
  EMPTY_REASON_WORDS,
  EXECUTION_WORDS,
  FINAL_STOPS,
  LOW_NAME_WORDS,
  NOT_ACHIEVED_WORDS,
  NOT_APPLICABLE_WORDS,
  POSITIVE_RATE_WORDS,
  TIER_PREFIXES,
  TRAILING_WORDS,
  type ComparatorSign,
} from "../vocabulary";

/** A named range on the lists sheet: one column of values, row 1 first. */
export interface WorkbookList {
  name: string;
  values: (string | number)[];
}

/** The defined names the formulas use (see helpers.ts for how each is matched). */
export const LIST = {
  emptyReason: "JX_W_EMPTY_REASON",
  notApplicable: "JX_W_NOT_APPLICABLE",
  emptyActual: "JX_W_EMPTY_ACTUAL",
  achieved: "JX_W_ACHIEVED",
  notAchieved: "JX_W_NOT_ACHIEVED",
  tierWord: "JX_W_TIER",
  tierOf: "JX_W_TIER_IS",
  tierLead: "JX_W_TIER_LEADS",
  before: "JX_W_BEFORE",
  beforeOp: "JX_W_BEFORE_OP",
  after: "JX_W_AFTER",
  afterOp: "JX_W_AFTER_OP",
  suffix: "JX_W_SUFFIX",
  low: "JX_W_LOW",
  lowEnd: "JX_W_LOW_END",
  positive: "JX_W_POSITIVE",
  execution: "JX_W_EXECUTION",
  units: "JX_UNITS",
  unitNorm: "JX_UNIT_NORM",
  unitKind: "JX_UNIT_KIND",
  unitScale: "JX_UNIT_SCALE",
  unitWan: "JX_UNIT_WAN",
  unitClass: "JX_UNIT_CLASS",
  unitInitials: "JX_UNIT_INITIALS",
  steps: "JX_STEPS",
  nameSteps: "JX_NAME_STEPS",
} as const;
export type ListKey = keyof typeof LIST;


/**
 * What the spreadsheet function ASC makes of a text: full-width ASCII (！…～) becomes half-width, and the CJK
 * punctuation that has a half-width form (。「」、・) takes it, as LibreOffice does. The ideographic space stays
 * (the formulas remove it themselves, whatever ASC does with it).
 */
export function asc(s: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else out += HALF[ch] ?? ch;
  }
  return out;
}
const HALF: Record<string, string> = { "。": "｡", "「": "｢", "」": "｣", "、": "､", "・": "･" };

/** The final stops as the sheet sees them after ASC (。 ｡ ．→. .), dropped at the end of an exact word. */
export const SHEET_STOPS: string[] = [...new Set([...FINAL_STOPS, ...FINAL_STOPS.map(asc)])];

/** What may follow a tier word before a description starts (value.ts tierLead). */
const TIER_TAILS = ["", "年度", "预期", "指标", "目标", "年度指标", "年度目标", "预期指标", "预期目标"];

/** The characters a tier word may start with: a cheap test before the tier words are looked up. */
export function tierInitials(): string[] {
  return [...new Set(TIER_PREFIXES.flatMap(([, words]) => words.map((w) => asc(w)[0])))];
}

const OP_SIGN: Record<ComparatorSign, string> = { ">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "=" };

/** Comparator signs written before a number, as the engine reads them (value.ts SYMBOLS), after ASC. */
const SIGNS: [string, ComparatorSign][] = [
  ["≥", ">="], ["≧", ">="], ["⩾", ">="], [">=", ">="], ["=>", ">="],
  ["≤", "<="], ["≦", "<="], ["⩽", "<="], ["<=", "<="], ["=<", "<="],
  [">", ">"], ["<", "<"], ["=", "="], ["==", "="],
];

const uniq = <T>(xs: T[], key: (x: T) => string): T[] => {
  const seen = new Set<string>();
  return xs.filter((x) => (seen.has(key(x)) ? false : (seen.add(key(x)), true)));
};

/** Shortest first, so that MAX(ROW) over the matching rows is the longest match. */
const byLength = <T>(xs: T[], word: (x: T) => string): T[] => [...xs].sort((a, b) => word(a).length - word(b).length);

const folded = (words: readonly string[]): string[] => uniq(words.map((w) => asc(w).replace(/[\s\u3000]/g, "")), (w) => w);

/** An exact word without its final stop, as the sheet compares it (case folded by `=` itself). */
const bare = (w: string): string => {
  let t = asc(w).replace(/[\s\u3000]/g, "");
  while (t && SHEET_STOPS.includes(t[t.length - 1])) t = t.slice(0, -1);
  return t;
};
const exact = (words: readonly string[]): string[] => uniq(words.map(bare).filter(Boolean), (w) => w.toLowerCase());

/** Units as written after a number, with what the formulas need: the normalised unit, its kind, its multiplier
 *  ("2万人次" is 20000 人次, "3‰" is 0.3 %) and, for money, the factor to 万元 (0 otherwise). */
function unitTable(): { word: string; norm: string; kind: string; scale: number; wan: number }[] {
  const rows = UNIT_WORDS.filter((u) => u !== "").map((u) => {
    const norm = normaliseUnit(u) || u;
    if (norm === "‰" || norm === "‱") return { word: u, norm: "%", kind: "percent", scale: norm === "‰" ? 0.1 : 0.01, wan: 0 };
    return { word: u, norm, kind: unitKind(norm), scale: 1, wan: toWan(1, norm) ?? 0 };
  });
  // 万/亿 … before a count unit multiply it, as the parser reads them (they win over a unit spelt with 万).
  const multiplied = Object.entries(MULTIPLIERS).flatMap(([m, scale]) =>
    MULTIPLIABLE.map((u) => ({ word: m + u, norm: u, kind: unitKind(u), scale, wan: 0 })),
  );
  const all = uniq([...multiplied, ...rows].map((r) => ({ ...r, word: asc(r.word) })), (r) => r.word.toLowerCase());
  // MATCH reads a list from its top: the units forms use most come first, the multiplied ones last.
  const rank = (w: string) => {
    const i = COMMON_UNITS.indexOf(w);
    return i >= 0 ? i : COMMON_UNITS.length + (all.findIndex((r) => r.word === w) < multiplied.length ? 1000 : 0);
  };
  return all.map((r, i) => ({ r, i })).sort((a, b) => rank(a.r.word) - rank(b.r.word) || a.i - b.i).map((x) => x.r);
}

/** The units most targets and actuals carry, in the order they are looked up. */
const COMMON_UNITS = [
  "%", "次", "人次", "个", "万元", "元", "人", "件", "项", "天", "户", "篇", "份", "台", "期", "名", "件次", "亩", "月", "年",
  "个月", "小时", "场", "场次", "批", "套", "辆", "所", "家", "座", "册", "张", "处", "部", "支", "位", "起", "课时", "学时",
  "平方米", "公里", "米", "吨", "万", "万元/年", "个百分点", "工作日", "个工作日", "周", "日", "本", "条",
];

/** Units compare when they are the same, both money, or of one kind (count, time, percent): one class each. */
const unitClass = (u: { norm: string; kind: string }): string => (u.kind === "money" ? "money" : u.kind === "other" ? u.norm : u.kind);

/** Word lists, units and steps for the formulas (not the validation lists, which sheet/render/index.ts adds).
 *  Built once: they come from constants, and every template and every helper formula asks for them. */
export function formulaLists(): readonly WorkbookList[] {
  built ??= buildFormulaLists();
  return built;
}
let built: readonly WorkbookList[] | undefined;

function buildFormulaLists(): WorkbookList[] {
  const before = byLength(
    uniq(
      [...SIGNS, ...COMPARATOR_PREFIX_WORDS].map(([w, op]): [string, string] => [asc(w), OP_SIGN[op]]),
      ([w]) => w,
    ),
    ([w]) => w,
  );
  // What may follow the unit: a comparator word, then a word like 完成/左右, each optional (the final stop is
  // dropped before the lookup).
  const suffixes: [string, string][] = [["", ""], ...COMPARATOR_SUFFIX_WORDS.map(([w, op]): [string, string] => [asc(w), OP_SIGN[op]])];
  const trailing = ["", ...folded(TRAILING_WORDS)];
  const after = byLength(
    uniq(
      suffixes.flatMap(([s, op]) => trailing.map((t): [string, string] => [s + t, op])).filter(([w]) => w !== ""),
      ([w]) => w,
    ),
    ([w]) => w,
  );
  // Tier words that may start an actual, each also with the 年度/预期 and 指标/目标 that may follow it ("达成年度指标").
  const tiers = uniq(
    TIER_PREFIXES.flatMap(([tier, words]) =>
      folded(words).flatMap((w) => TIER_TAILS.map((t): [string, string] => [w + t, tier])),
    ),
    ([w]) => w,
  );
  const units = unitTable();
  return [
    { name: LIST.emptyReason, values: exact(EMPTY_REASON_WORDS) },
    { name: LIST.notApplicable, values: exact(NOT_APPLICABLE_WORDS) },
    { name: LIST.emptyActual, values: exact(EMPTY_ACTUAL_WORDS) },
    { name: LIST.achieved, values: exact(ACHIEVED_WORDS) },
    { name: LIST.notAchieved, values: exact(NOT_ACHIEVED_WORDS) },
    { name: LIST.tierWord, values: ["", ...tiers.map(([w]) => w)] },
    { name: LIST.tierOf, values: ["", ...tiers.map(([, t]) => t)] },
    // A tier may lead a description ("部分达成：…") except the 达到 words, which lead numbers too often.
    { name: LIST.tierLead, values: ["", ...tiers.map(([w]) => (w.endsWith("达到") ? 0 : 1))] },
    { name: LIST.before, values: ["", ...before.map(([w]) => w)] },
    { name: LIST.beforeOp, values: ["", ...before.map(([, op]) => op)] },
    { name: LIST.after, values: ["", ...after.map(([w]) => w)] },
    { name: LIST.afterOp, values: ["", ...after.map(([, op]) => op)] },
    { name: LIST.suffix, values: ["", ...byLength(folded(COMPARATOR_SUFFIX_WORDS.map(([w]) => w)), (w) => w)] },
    { name: LIST.low, values: folded(LOW_NAME_WORDS.contains) },
    { name: LIST.lowEnd, values: folded(LOW_NAME_WORDS.suffix) },
    { name: LIST.positive, values: folded(POSITIVE_RATE_WORDS) },
    { name: LIST.execution, values: folded(EXECUTION_WORDS) },
    { name: LIST.units, values: units.map((u) => u.word) },
    { name: LIST.unitNorm, values: units.map((u) => u.norm) },
    { name: LIST.unitKind, values: units.map((u) => u.kind) },
    { name: LIST.unitScale, values: units.map((u) => u.scale) },
    { name: LIST.unitWan, values: units.map((u) => u.wan) },
    { name: LIST.unitClass, values: units.map(unitClass) },
    // Every character a unit starts with, in one cell: a text starting otherwise is no unit (no lookup needed).
    { name: LIST.unitInitials, values: [[...new Set(units.map((u) => [...u.word][0]))].join("")] },
    // Offsets 0…15: the digits of a number are scanned with them (no number in a form is longer).
    { name: LIST.steps, values: Array.from({ length: 16 }, (_, i) => i) },
    // Offsets 0…39: the 4-character runs of an indicator's name (a shared 偏差 text names it by one of them).
    { name: LIST.nameSteps, values: Array.from({ length: 40 }, (_, i) => i) },
  ];
}
