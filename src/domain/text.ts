// Small text helpers shared by the parser and the checks: width folding, trimming, "empty" reasons.
import { EMPTY_REASON_WORDS, FINAL_STOPS } from "./vocabulary";

/** Folds full-width digits, letters and signs to half-width (NFKC) and turns every kind of space into one. */
export function fold(s: string): string {
  // Fast path: ASCII, CJK ideographs and CJK punctuation that NFKC leaves alone.
  const t = PLAIN.test(s) ? s : s.normalize("NFKC");
  return SPACE.test(t) ? t.replace(SPACES, " ").trim() : t;
}
const PLAIN = /^[\x21-\x7e\u4e00-\u9fff\u3001\u3002\u3008-\u3011\u201c\u201d\u2018\u2019\u00b7\u2014\u2265\u2264]*$/;
const SPACE = /[\s\u3000\u00a0]/;
const SPACES = /[\s\u3000\u00a0]+/g;

/** Folded, with all spaces removed: for matching labels. */
export function compact(s: string): string {
  let c = CACHE.get(s);
  if (c === undefined) {
    c = fold(s).replace(/ /g, "");
    if (CACHE.size > 20000) CACHE.clear();
    CACHE.set(s, c);
  }
  return c;
}
/** Names and labels repeat across rows and forms: a bounded memo of compact(). */
const CACHE = new Map<string, string>();

/** True when the cell holds nothing readable (blank, spaces, full-width spaces). */
export function isBlank(s: string | null | undefined): boolean {
  return s == null || !NON_SPACE.test(String(s));
}
const NON_SPACE = /[^\s\u3000\u00a0]/;

/** An exact vocabulary word as matched: folded, spaces removed, lower case, final full stops dropped. */
export function bareWord(s: string): string {
  let t = compact(s).toLowerCase();
  while (t && FINAL_STOPS.includes(t[t.length - 1])) t = t.slice(0, -1);
  return t;
}

const EMPTY_REASONS = new Set(EMPTY_REASON_WORDS.map(bareWord));

/** A reason cell that holds only 无, 暂无, 没有, /, —, - or 不适用 (with or without a final 。) counts as empty
 *  (docs/rules.md#when-a-reason-is-required). */
export function isEmptyReason(s: string | null | undefined): boolean {
  if (isBlank(s)) return true;
  return EMPTY_REASONS.has(bareWord(String(s)));
}

/** Whether a shared 偏差 text names an indicator: its full name, or a run of 4 of its characters (2 for short names). */
let lastText = "";
let lastCompact = "";

/** Answers for lastText by name: the same 偏差 text is checked against every row, form after form. */
const lastAnswers = new Map<string, boolean>();

export function mentions(text: string, name: string): boolean {
  if (text !== lastText) {
    lastText = text;
    lastCompact = compact(text);
    lastAnswers.clear();
  }
  let answer = lastAnswers.get(name);
  if (answer === undefined) {
    answer = names(lastCompact, name);
    if (lastAnswers.size >= 20000) lastAnswers.clear();
    lastAnswers.set(name, answer);
  }
  return answer;
}

function names(t: string, name: string): boolean {
  const n = compact(name).replace(/[“”"'《》()（）%]/g, "");
  if (!n || !t) return false;
  if (t.includes(n)) return true;
  const core = n.replace(/(指标|情况|完成率|率)$/, "");
  if (core.length >= 2 && core.length <= 4) return t.includes(core);
  // Any run of 4 of the name's characters in the text: a set of the text's runs, so the work stays linear.
  const runs = quadsOf(t);
  for (let i = 0; i + 4 <= n.length; i++) if (runs.has(n.slice(i, i + 4))) return true;
  return false;
}

let quadsText = "";
let quads = new Set<string>();
/** Every run of 4 characters of the text (remembered for the last text: it is checked against every row). */
function quadsOf(t: string): Set<string> {
  if (t !== quadsText) {
    quadsText = t;
    quads = new Set();
    for (let i = 0; i + 4 <= t.length; i++) quads.add(t.slice(i, i + 4));
  }
  return quads;
}

export function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round((x + Math.sign(x) * 1e-9) * f) / f;
}

// ---------- Dates in 时效 targets and actuals ("2024年10月底前", "2024年9月完工", "第三季度前") ----------

/** A span of days, each as year·10000 + month·100 + day (day 31 closes any month); year null when unwritten. */
export interface Period {
  year: number | null;
  from: number; // month·100 + day
  to: number;
  /** Written with 前/之前/以内: anything up to `to`. */
  before: boolean;
}

const CN_SMALL = /([零〇一二两三四五六七八九十]{1,3})(?=月|日|号|季度)/g;
const CN_D: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
/** A small Chinese numeral (0–99): "五" 5, "十二" 12, "三十" 30. */
export function cnNumber(n: string): number {
  const i = n.indexOf("十");
  if (i < 0) return Number(n.split("").map((c) => CN_D[c] ?? 0).join(""));
  const tens = i === 0 ? 1 : (CN_D[n[0]] ?? 1);
  const ones = i === n.length - 1 ? 0 : (CN_D[n[n.length - 1]] ?? 0);
  return tens * 10 + ones;
}

const LEAD = /^(已经于|已于|已在|已经|实际于|实际|于|在|截至|截止)/;
const DONE = /(已经?|并)?(全部|全面|如期|按期|按时|顺利)?(完成|完工|竣工|建成|验收|交付|办结|实施完毕|结束|投入使用|上线)(任务|工作)?$/;
const BEFORE = /(前|之前|以前|以内|之内|内|止)$/;
const PARTS: [RegExp, (m: RegExpExecArray) => [number, number]][] = [
  [/^(\d{1,2})月(\d{1,2})[日号]$/, (m) => [md(m[1], m[2]), md(m[1], m[2])]],
  [/^(\d{1,2})月份?(上旬|初)$/, (m) => [md(m[1], 1), md(m[1], 10)]],
  [/^(\d{1,2})月份?中旬$/, (m) => [md(m[1], 11), md(m[1], 20)]],
  [/^(\d{1,2})月份?下旬$/, (m) => [md(m[1], 21), md(m[1], 31)]],
  [/^(\d{1,2})月份?(底|末)$/, (m) => [md(m[1], 25), md(m[1], 31)]],
  [/^(\d{1,2})月份?$/, (m) => [md(m[1], 1), md(m[1], 31)]],
  [/^第?([1-4])季度(末|底)?$/, (m) => [md(3 * Number(m[1]) - (m[2] ? 0 : 2), m[2] ? 20 : 1), md(3 * Number(m[1]), 31)]],
  [/^上半年(末|底)?$/, () => [101, 631]],
  [/^下半年$/, () => [701, 1231]],
  [/^(年底|年末|底|末)$/, () => [1201, 1231]],
  [/^(年内|年度内)$/, () => [101, 1231]],
];
const md = (m: string | number, d: string | number) => Number(m) * 100 + Number(d);

/** The period a date text names (a target's deadline or an actual's completion), or null when it is not one. */
export function periodOf(text: string): Period | null {
  let t = compact(text).replace(/[。.!！]$/, "").replace(LEAD, "").replace(CN_SMALL, (n) => String(cnNumber(n)));
  t = t.replace(/^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?/, (_, y: string, m: string, d?: string) => `${y}年${m}月${d ? `${d}日` : ""}`);
  t = t.replace(DONE, "");
  const before = BEFORE.test(t) && !/(年内|年度内)$/.test(t);
  if (before) t = t.replace(BEFORE, "");
  const y = /^(\d{4})年(度)?/.exec(t);
  const rest = y ? t.slice(y[0].length) : t;
  if (!y && /^(底|末)$/.test(rest)) return null; // "底" alone names no period
  for (const [re, span] of PARTS) {
    const m = re.exec(rest);
    if (!m) continue;
    const [from, to] = span(m);
    if (from < 101 || to > 1231 || from % 100 > 31 || to % 100 > 31 || Math.floor(from / 100) < 1) return null;
    return { year: y ? Number(y[1]) : null, from, to, before };
  }
  return null;
}

/** Whether an actual completed on `done` meets a deadline target `due`: true, false, or null when it cannot say. */
export function meetsDeadline(due: Period, done: Period): boolean | null {
  const ty = due.year ?? done.year ?? 0;
  const ay = done.year ?? due.year ?? 0;
  const deadline = ty * 10000 + due.to;
  const last = ay * 10000 + done.to;
  const first = done.before ? -Infinity : ay * 10000 + done.from;
  if (last <= deadline) return true;
  if (first > deadline) return false;
  return null;
}
