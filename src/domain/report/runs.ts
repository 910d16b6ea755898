// Runs of text for the draft: filling the phrasing templates, text read from the form, placeholders, and the
// number formats the report uses. Pure functions.
import type { Inline, Runs } from "./model";
import { PHRASES, type PhraseKey } from "./phrases";

export type SlotValue = string | number | Inline | Runs;

/** Our own text (a formatted number, a word from the phrases). */
export const text = (s: string): Inline => ({ text: s, role: "text" });

/** Text read from the form, tidied: line ends trimmed, blank lines and runs of padding spaces dropped. */
export function formText(s: string): Inline {
  return { text: tidy(s), role: "form" };
}

/** 【请补充：what】 */
export function placeholder(what: string | Runs): Inline {
  const inner = typeof what === "string" ? what : plain(what);
  return { text: PHRASES.placeholder.replace("{what}", () => inner), role: "placeholder" };
}

export const strong = (s: string): Inline => ({ text: s, role: "strong" });

export function tidy(s: string): string {
  return String(s ?? "")
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/[ \t\u3000\u00a0]{2,}/g, " ").trim())
    .filter((line) => line !== "")
    .join("\n");
}

/** The plain text of runs. */
export function plain(runs: Runs | Inline): string {
  return (Array.isArray(runs) ? runs : [runs]).map((r) => r.text).join("");
}

function toRuns(v: SlotValue): Runs {
  if (typeof v === "string") return [text(v)];
  if (typeof v === "number") return [text(formatNumber(v))];
  return Array.isArray(v) ? v : [v];
}

const SLOT = /\{(\w+)\}/g;

/** A phrase with its slots filled. Throws when a slot has no value: a sentence never goes out with a hole. */
export function fill(key: PhraseKey, slots: Record<string, SlotValue> = {}): Runs {
  const template: string = PHRASES[key];
  const out: Runs = [];
  let last = 0;
  for (const m of template.matchAll(SLOT)) {
    if (m.index > last) out.push(text(template.slice(last, m.index)));
    const v = slots[m[1]];
    if (v === undefined) throw new Error(`phrase ${key}: no value for {${m[1]}}`);
    out.push(...toRuns(v));
    last = m.index + m[0].length;
  }
  if (last < template.length) out.push(text(template.slice(last)));
  return merge(out);
}

/** The phrase's text when it has no slots. */
export const word = (key: PhraseKey): string => plain(fill(key));

/** Runs joined by a separator phrase. */
export function join(parts: Runs[], separator: string): Runs {
  const out: Runs = [];
  parts.forEach((p, i) => {
    if (i > 0) out.push(text(separator));
    out.push(...p);
  });
  return merge(out);
}

/** Neighbouring runs of the same role as one. */
export function merge(runs: Runs): Runs {
  const out: Runs = [];
  for (const r of runs) {
    if (r.text === "") continue;
    const prev = out[out.length - 1];
    if (prev && prev.role === r.role && r.role !== "placeholder") prev.text += r.text;
    else out.push({ ...r });
  }
  return out;
}

// ---- numbers ----

/** Rounded to `digits` decimals, without trailing zeros: 1110.2, 933.5, 97.42, 100. */
export function formatNumber(n: number, digits = 2): string {
  if (!Number.isFinite(n)) return String(n);
  const f = 10 ** digits;
  const r = Math.round((n + Math.sign(n) * 1e-9) * f) / f;
  const s = r.toFixed(digits).replace(/\.?0+$/, "");
  return s === "-0" ? "0" : s;
}

/** A fraction as a percentage with up to 2 decimals: 0.97419 → "97.42%". */
export const formatPercent = (fraction: number): string => `${formatNumber(fraction * 100)}%`;
