// Comparison and scoring of one indicator (docs/rules.md#scoring). Pure numbers in, numbers out.
import type { Comparator, ParsedValue, Status, Tier } from "./model";
import { NATIONAL_PROFILE, type Profile } from "./profiles";
import { compact, meetsDeadline, periodOf, round } from "./text";
import { unitKind } from "./units";

const REVERSE = (op: Comparator) => op === "<=" || op === "<";

/** Quantitative rule score: ≥/＞/= → B ≥ A gives w, else B/A × w; ≤/＜ → linear-2A or ratio (profile). */
export function numericScore(op: Comparator, A: number, B: number, w: number, profile: Profile = NATIONAL_PROFILE): number {
  if (!(w > 0) || !Number.isFinite(A) || !Number.isFinite(B)) return 0;
  let s: number;
  if (REVERSE(op)) {
    if (B <= A) s = w;
    else if (A <= 0) s = 0;
    else if (profile.reverseFormula === "ratio") s = (A / B) * w;
    else s = B >= 2 * A ? 0 : (2 - B / A) * w;
  } else if (A === 0) {
    s = op === "=" ? (B <= 0 ? w : 0) : B >= 0 ? w : 0;
  } else if (B >= A) {
    s = w;
  } else {
    s = A > 0 ? (Math.max(B, 0) / A) * w : 0;
  }
  return round(Math.min(Math.max(s, 0), w), profile.rounding);
}

/** The band a qualitative tier allows: 达成 [0.8w, w], 部分达成 [0.6w, 0.8w), 未达成 [0, 0.6w). */
export function tierBand(tier: Tier, w: number): [number, number] {
  if (tier === "达成") return [round(0.8 * w), round(w)];
  if (tier === "部分达成") return [round(0.6 * w), round(0.8 * w)];
  return [0, round(0.6 * w)];
}

/** The suggested score: the top of the band (just under it for the half-open bands). */
export function tierScore(tier: Tier, w: number, profile: Profile = NATIONAL_PROFILE): number {
  const [, hi] = tierBand(tier, w);
  const step = 10 ** -profile.rounding;
  return tier === "达成" ? hi : Math.max(0, round(hi - step, profile.rounding));
}

/** Whether a score lies in a tier's band (upper end open except for 达成). */
export function inBand(tier: Tier, w: number, score: number): boolean {
  const [lo, hi] = tierBand(tier, w);
  return score >= lo - 1e-9 && (tier === "达成" ? score <= hi + 1e-9 : score < hi - 1e-9);
}

/** 执行率 score: rate × w, capped at w when the profile says so. */
export function executionScore(rate: number, w: number, profile: Profile = NATIONAL_PROFILE): number {
  const r = Math.max(0, profile.executionCap ? Math.min(rate, 1) : rate);
  return round(r * w, profile.rounding);
}

export type UnitIssue = "none" | "convertible" | "same-kind" | "incompatible";

export interface Outcome {
  status: Status;
  /** Rule score for the weight given (null without a weight or when not comparable). */
  score: number | null;
  band?: [number, number];
  /** Actual ÷ target for numeric ≥ comparisons (for the over-achievement trigger). */
  ratio: number | null;
  /** How the two were compared. */
  mode: "numeric" | "tier" | "completion" | "deadline" | "none";
  unitIssue: UnitIssue;
  tier?: Tier;
  /** Qualitative: the suggested score, the top of the band (the officer's own score in the band is the score). */
  suggested?: number;
}

function unitIssue(a: string, b: string): UnitIssue {
  if (!a || !b || a === b) return "none";
  const ka = unitKind(a);
  const kb = unitKind(b);
  if (ka === "money" && kb === "money") return "convertible";
  if (ka === kb && ka !== "other") return "same-kind";
  return "incompatible";
}

const same = (t: ParsedValue, a: ParsedValue) => compact(t.raw) !== "" && compact(t.raw) === compact(a.raw);

/** Compares a parsed target and actual, and scores with weight w (null = unscored). */
export function compare(target: ParsedValue, actual: ParsedValue, w: number | null, profile: Profile = NATIONAL_PROFILE): Outcome {
  const base: Outcome = { status: "unknown", score: null, ratio: null, mode: "none", unitIssue: "none" };
  const sc = (x: number) => (w != null && w > 0 ? x : null);
  if (target.kind === "na" || actual.kind === "na") return { ...base, status: "not-applicable" };
  // No actual yet: no score either (the indicator is unscored until it is filled in).
  if (actual.kind === "empty") return { ...base, status: "missing" };
  if (target.kind === "empty" || target.kind === "placeholder") return base;

  if (target.kind === "number") {
    if (actual.kind === "number") {
      const issue = unitIssue(target.unit, actual.unit);
      if (issue === "incompatible") return { ...base, unitIssue: issue };
      const A = target.wan !== undefined && actual.wan !== undefined ? target.wan : target.value;
      const B = target.wan !== undefined && actual.wan !== undefined ? actual.wan : actual.value;
      const score = w != null && w > 0 ? numericScore(target.op, A, B, w, profile) : null;
      const reverse = REVERSE(target.op);
      let met: boolean;
      if (reverse) met = B <= A;
      else if (target.op === "=" && A === 0) met = B <= 0;
      else met = B >= A;
      const ratio = !reverse && A > 0 ? B / A : null;
      const exceeded = met && ratio !== null && ratio >= profile.overTrigger - 1e-9;
      return { status: exceeded ? "exceeded" : met ? "met" : "missed", score, ratio, mode: "numeric", unitIssue: issue };
    }
    if (actual.kind === "tier") return tierOutcome(actual.tier, w, profile);
    if (same(target, actual)) return tierOutcome("达成", w, profile);
    return base;
  }

  // Qualitative or time target. An actual that repeats the target says it was achieved: qualitative 达成.
  if (actual.kind === "tier") return tierOutcome(actual.tier, w, profile);
  if (same(target, actual)) return tierOutcome("达成", w, profile);
  const onTime = deadlineMet(target, actual);
  // Done by the deadline: full marks, like ≤ on dates. Late: a miss scored 0 (the profile's late score), which needs
  // a reason.
  if (onTime !== null) return { ...base, status: onTime ? "met" : "missed", score: sc(onTime ? (w ?? 0) : profile.lateScore * (w ?? 0)), mode: "deadline" };
  if (actual.kind === "number" && actual.unit === "%") {
    // A percentage against a qualitative target reads as the degree of completion ("全年" → "95%").
    const p = Math.max(0, actual.value) / 100;
    const score = w != null && w > 0 ? round(Math.min(p, 1) * w, profile.rounding) : null;
    return { status: p >= 1 ? "met" : "missed", score, ratio: null, mode: "completion", unitIssue: "none" };
  }
  return base;
}

/** A deadline target ("2024年10月底前", "第三季度前", "年底前") against a dated actual ("2024年9月完工"). */
function deadlineMet(target: ParsedValue, actual: ParsedValue): boolean | null {
  if ((target.kind !== "time" && target.kind !== "text") || (actual.kind !== "time" && actual.kind !== "text")) return null;
  const due = periodOf(target.text);
  const done = due && periodOf(actual.text);
  return due && done ? meetsDeadline(due, done) : null;
}

/** A qualitative result: no rule score (the officer scores it inside the band), the band and a suggestion. */
function tierOutcome(tier: Tier, w: number | null, profile: Profile): Outcome {
  const status: Status = tier === "达成" ? "met" : tier === "部分达成" ? "partial" : "missed";
  const has = w != null && w > 0;
  return {
    status,
    score: null,
    band: has ? tierBand(tier, w) : undefined,
    suggested: has ? tierScore(tier, w, profile) : undefined,
    ratio: null,
    mode: "tier",
    unitIssue: "none",
    tier,
  };
}

/** The officer's score for a qualitative indicator, brought into its tier's band when she wrote one outside it. */
export function scoreInBand(tier: Tier, w: number, entered: number, profile: Profile = NATIONAL_PROFILE): number {
  if (inBand(tier, w, entered)) return round(entered, profile.rounding);
  const [lo] = tierBand(tier, w);
  return entered < lo ? lo : tierScore(tier, w, profile);
}
