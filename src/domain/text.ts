// Small text helpers shared by the parser and the checks: width folding, trimming, "empty" reasons.

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

const EMPTY_REASONS = new Set(["无", "暂无", "没有", "/", "／", "—", "——", "-", "--", "不适用", "无。", "无偏差", "n/a", "na"]);

/** A reason cell that holds only 无, 暂无, 没有, /, —, - or 不适用 counts as empty (DOMAIN §5). */
export function isEmptyReason(s: string | null | undefined): boolean {
  if (isBlank(s)) return true;
  const t = compact(String(s)).toLowerCase().replace(/[。.．]$/, "");
  return EMPTY_REASONS.has(t);
}

/** The name as a reader sees it: folded and with the spaces removed. */
export function cleanName(s: string): string {
  return compact(s);
}

/** Whether a shared 偏差 text names an indicator: its full name, or a run of 4 of its characters (2 for short names). */
let lastText = "";
let lastCompact = "";

export function mentions(text: string, name: string): boolean {
  if (text !== lastText) {
    lastText = text;
    lastCompact = compact(text);
  }
  const t = lastCompact;
  const n = compact(name).replace(/[“”"'《》()（）%]/g, "");
  if (!n || !t) return false;
  if (t.includes(n)) return true;
  const core = n.replace(/(指标|情况|完成率|率)$/, "");
  if (core.length >= 2 && core.length <= 4) return t.includes(core);
  for (let i = 0; i + 4 <= n.length; i++) if (t.includes(n.slice(i, i + 4))) return true;
  return false;
}

export function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round((x + Math.sign(x) * 1e-9) * f) / f;
}
