// Funds checks: budget-zero, execution-rate-mismatch, execution score, funds-sum-mismatch, low execution reason.
import type { Finding } from "../model";
import { isEmptyReason, mentions } from "../text";
import { type CheckContext, finding, fmt } from "./context";

const EXECUTION_WORDS = ["执行", "预算", "支出", "资金", "经费", "结余", "结转"];

export function checkFunds(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  const funds = ctx.form.funds;
  const r = ctx.funds;
  if (!funds || !r) return out;
  const targets = ctx.form.kind === "targets";
  if (!targets && (r.budget == null || r.budget === 0) && (r.spent ?? 0) > 0)
    out.push(finding(ctx, "budget-zero", "budget-zero", { budget: funds.budget.raw.trim(), spent: funds.spent.raw.trim() }, { cell: funds.budget.cell }));
  if (r.rate != null && r.enteredRate != null && Math.abs(r.rate - r.enteredRate) > 0.0001 + 1e-9)
    out.push(finding(ctx, "execution-rate-mismatch", "execution-rate-mismatch", { entered: funds.enteredRate?.raw.trim(), rate: r.rate }, { cell: funds.enteredRate?.cell }));
  if (r.weight != null && r.enteredScore != null) {
    if (r.enteredScore > r.weight + 1e-9)
      out.push(finding(ctx, "score-exceeds-weight", "execution-score-exceeds", { score: fmt(r.enteredScore), weight: fmt(r.weight) }, { cell: funds.enteredScore?.cell, name: "预算执行率" }));
    else if (r.score != null && Math.abs(r.enteredScore - r.score) > ctx.profile.scoreTolerance + 1e-9)
      out.push(finding(ctx, "score-differs-from-rule", "score-differs-from-rule", { name: "预算执行率", entered: fmt(r.enteredScore), rule: fmt(r.score), diff: fmt(Math.abs(r.enteredScore - r.score)) }, { cell: funds.enteredScore?.cell, name: "预算执行率" }));
  }
  if (!targets && r.rate != null && r.rate < ctx.profile.executionThreshold - 1e-9 && !executionExplained(ctx))
    out.push(finding(ctx, "deviation-reason-missing", "deviation-reason-execution", { rate: r.rate, threshold: ctx.profile.executionThreshold }, { cell: ctx.form.sharedReason?.cell ?? funds.enteredRate?.cell ?? funds.spent.cell }));
  for (const g of funds.sums) {
    const parts = g.parts.filter((p) => p.value != null);
    if (!parts.length || g.total.value == null) continue;
    const sum = parts.reduce((s, p) => s + (p.value ?? 0), 0);
    const tol = Math.max(0.01, ctx.profile.sumTolerancePerPart * parts.length) + 1e-9;
    const diff = Math.abs(sum - g.total.value);
    if (diff > tol)
      out.push(
        finding(ctx, "funds-sum-mismatch", "funds-sum-mismatch", {
          group: g.label,
          parts: parts.map((p) => p.label).join(" + "),
          sum: fmt(sum),
          totalLabel: g.total.label,
          total: fmt(g.total.value),
          diff: fmt(diff),
        }, { cell: g.total.cell ?? parts[0].cell }),
      );
  }
  return out;
}

/** A low 执行率 is explained by the shared 偏差 text (multi-project: any 存在的问题 text) that speaks of spending. */
function executionExplained(ctx: CheckContext): boolean {
  const shared = ctx.form.sharedReason?.value ?? "";
  if (isEmptyReason(shared)) return false;
  if (ctx.form.kind === "multi-project") return true;
  return EXECUTION_WORDS.some((w) => mentions(shared, w) || shared.includes(w));
}
