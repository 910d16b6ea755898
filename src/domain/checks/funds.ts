// Funds checks: budget-zero, execution-rate-mismatch, execution score, funds-sum-mismatch, low execution reason.
import type { Finding, TextField } from "../model";
import { compact, isEmptyReason } from "../text";
import { EXECUTION_WORDS } from "../vocabulary";
import { type CheckContext, finding, fmt } from "./context";

/** What funds-level findings are about, for the reader of --json and of the pane. */
const RATE = "预算执行率";

export function checkFunds(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  const funds = ctx.form.funds;
  const r = ctx.funds;
  if (!funds || !r) return out;
  const targets = ctx.form.kind === "targets";
  if (!targets && (r.budget == null || r.budget === 0) && (r.spent ?? 0) > 0)
    out.push(finding(ctx, "budget-zero", "budget-zero", { budget: funds.budget.raw.trim(), spent: funds.spent.raw.trim() }, { cell: funds.budget.cell, name: "全年预算数" }));
  if (r.rate != null && r.enteredRate != null && Math.abs(r.rate - r.enteredRate) > 0.0001 + 1e-9) {
    // Say that she divided by 年初预算数 only when it is so and both columns were named by their own headers.
    const initial = funds.initialBudget?.value;
    const byInitial =
      !!funds.explicit?.budget && !!funds.explicit?.initialBudget && initial != null && initial !== 0 && r.spent != null &&
      Math.abs(r.spent / initial - r.enteredRate) <= 0.0001 + 1e-9;
    out.push(
      finding(ctx, "execution-rate-mismatch", byInitial ? "execution-rate-initial" : "execution-rate-mismatch", { entered: funds.enteredRate?.raw.trim(), rate: r.rate }, {
        cell: funds.enteredRate?.cell,
        name: RATE,
      }),
    );
  }
  if (r.weight != null && r.enteredScore != null) {
    if (r.enteredScore > r.weight + 1e-9)
      out.push(finding(ctx, "score-exceeds-weight", "execution-score-exceeds", { score: fmt(r.enteredScore), weight: fmt(r.weight) }, { cell: funds.enteredScore?.cell, name: RATE }));
    else if (r.score != null && Math.abs(r.enteredScore - r.score) > ctx.profile.scoreTolerance + 1e-9)
      out.push(finding(ctx, "score-differs-from-rule", "score-differs-from-rule", { name: "预算执行率", entered: fmt(r.enteredScore), rule: fmt(r.score), diff: fmt(Math.abs(r.enteredScore - r.score)) }, { cell: funds.enteredScore?.cell, name: RATE }));
  }
  if (!targets && r.rate != null && r.rate < ctx.profile.executionThreshold - 1e-9 && !executionExplained(ctx)) {
    const place = executionPlace(ctx);
    out.push(
      finding(ctx, "deviation-reason-missing", "deviation-reason-execution", { rate: r.rate, threshold: ctx.profile.executionThreshold, place: place?.label ?? "实际完成情况" }, {
        // no cell of the form's own for it: point at the rate itself (a bureau's layout may have it typed in)
        cell: place?.cell ?? funds.enteredRate?.cell ?? funds.spent.cell,
        name: RATE,
      }),
    );
  }
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
        }, { cell: g.total.cell ?? parts[0].cell, name: g.total.label || g.label }),
      );
  }
  return out;
}

/** Whether a text speaks of the budget's execution (执行, 支出, 资金 …). */
function speaksOfExecution(text: string | null | undefined): boolean {
  if (isEmptyReason(text)) return false;
  const t = compact(text ?? "");
  return EXECUTION_WORDS.some((w) => t.includes(w));
}

/**
 * A low 执行率 is explained (docs/rules.md#ready-to-send) in the form's own cell for it (执行偏差原因), whatever it
 * says; on a multi-project row in its 存在的问题 cell; otherwise in 实际完成情况, the shared 偏差 cell or any 偏差原因
 * cell that speaks of 执行 / 支出 / 资金.
 */
function executionExplained(ctx: CheckContext): boolean {
  const form = ctx.form;
  if (!isEmptyReason(form.funds?.reason?.value)) return true;
  if (form.kind === "multi-project") return !isEmptyReason(form.sharedReason?.value);
  const texts = [form.sharedReason?.value, form.improvement?.value, ...form.goals.map((g) => g.actualText), ...form.indicators.map((i) => i.reason)];
  return texts.some(speaksOfExecution);
}

/** Where the explanation goes: the form's own cell for it, else the shared 偏差 cell, else 实际完成情况. */
function executionPlace(ctx: CheckContext): { cell?: string; label: string } | null {
  const form = ctx.form;
  const own: TextField | null | undefined = form.funds?.reason;
  if (own?.cell) return { cell: own.cell, label: "执行偏差原因" };
  if (form.sharedReason?.cell) return { cell: form.sharedReason.cell, label: form.kind === "multi-project" ? "项目执行中存在的问题" : "偏差原因分析" };
  const goal = form.goals.find((g) => g.actualCell);
  if (goal?.actualCell) return { cell: goal.actualCell, label: "实际完成情况" };
  return null;
}
