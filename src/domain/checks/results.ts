// Checks on results: actual-missing, actual-not-comparable, unit-mismatch, deviation reasons, over-achievement, scores.
import type { Finding, IndicatorResult, ParsedValue } from "../model";
import { inBand } from "../score";
import { type CheckContext, cellOf, finding, fmt, nameOf } from "./context";

const show = (v: ParsedValue): string => v.raw.replace(/[\s\u3000]+/g, " ").trim();

export function checkResult(ctx: CheckContext, r: IndicatorResult, extra: { mode: string; unitIssue: string; ratio: number | null; sharedOnly: boolean }): Finding[] {
  const out: Finding[] = [];
  const ind = r.indicator;
  let memo: { name: string; target: string; actual: string } | null = null;
  // Built only when a finding is made: most rows produce none.
  const P = () => (memo ??= { name: nameOf(ind), target: show(r.target), actual: show(r.actual) });
  // Where a finding points, made only when there is one.
  const atActual = (severity?: Finding["severity"]) => ({ cell: cellOf(ind, "actual"), indicator: ind, severity });
  const atReason = (severity?: Finding["severity"]) =>
    ({ cell: ind.cells.reason ?? ctx.form.sharedReason?.cell ?? cellOf(ind, "actual"), indicator: ind, severity });

  if (r.status === "missing") out.push(finding(ctx, "actual-missing", "actual-missing", P(), atActual()));
  if (extra.unitIssue === "incompatible" || extra.unitIssue === "convertible" || extra.unitIssue === "same-kind") {
    const t = r.target.kind === "number" ? r.target.unit : "";
    const a = r.actual.kind === "number" ? r.actual.unit : "";
    const severity = extra.unitIssue === "same-kind" ? "info" : extra.unitIssue === "convertible" ? "warning" : "error";
    out.push(finding(ctx, "unit-mismatch", "unit-mismatch", { name: P().name, targetUnit: t, actualUnit: a }, atActual(severity)));
  } else if (r.status === "unknown" && r.target.kind !== "placeholder" && r.target.kind !== "empty" && r.actual.kind !== "empty")
    out.push(finding(ctx, "actual-not-comparable", "actual-not-comparable", P(), atActual()));
  if (extra.mode === "completion") out.push(finding(ctx, "actual-not-comparable", "actual-completion", P(), atActual("info")));

  if (r.needsReason) {
    if (r.status === "exceeded")
      out.push(
        finding(ctx, "over-target-unexplained", "over-target-unexplained", {
          ...P(),
          ratio: extra.ratio != null ? `${Math.round(extra.ratio * 100)}%` : "",
          trigger: `${Math.round(ctx.profile.overTrigger * 100)}%`,
        }, atReason()),
      );
    else {
      const key = r.status === "partial" || (r.actual.kind === "tier" && r.status === "missed") ? "deviation-reason-tier" : extra.sharedOnly ? "deviation-reason-shared" : "deviation-reason-missing";
      // A completion degree against a qualitative target is our reading, not the form's: a warning, not an error.
      out.push(finding(ctx, "deviation-reason-missing", key, P(), atReason(extra.mode === "completion" ? "warning" : undefined)));
    }
  }

  const w = r.effectiveWeight;
  const e = ind.enteredScore;
  if (e != null && w != null) {
    const atScore = { cell: cellOf(ind, "score"), indicator: ind };
    if (ind.weight != null && e > ind.weight + 1e-9)
      out.push(finding(ctx, "score-exceeds-weight", "score-exceeds-weight", { name: P().name, score: fmt(e), weight: fmt(ind.weight) }, atScore));
    else if (r.band && r.tier) {
      if (!inBand(r.tier, w, e))
        out.push(finding(ctx, "qualitative-score-out-of-band", "qualitative-score-out-of-band", { name: P().name, tier: r.tier, lo: fmt(r.band[0]), hi: fmt(r.band[1]), score: fmt(e) }, atScore));
    } else if (r.score != null && Math.abs(e - r.score) > ctx.profile.scoreTolerance + 1e-9)
      out.push(finding(ctx, "score-differs-from-rule", "score-differs-from-rule", { name: P().name, entered: fmt(e), rule: fmt(r.score), diff: fmt(Math.abs(e - r.score)) }, atScore));
  }
  return out;
}
