// Form-level checks: weights-sum-mismatch, total-mismatch, grade-mismatch, spending-plan-invalid.
import type { Finding, TotalResult } from "../model";
import { gradeFor, parseGrade } from "../grade";
import { canonicalLevel1, parseLevel1Cell } from "../taxonomy";
import { round } from "../text";
import { type CheckContext, finding, fmt } from "./context";

const near = (a: number, b: number, tol = 0.01) => Math.abs(a - b) <= tol + 1e-9;

export function checkWeights(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  const rows = ctx.results.filter((r) => !ctx.blank.has(r.id));
  if (!ctx.form.scored || !rows.some((r) => r.indicator.weight != null)) return out;
  const groups = new Map<string, { declared: number | null; sum: number; cell?: string }>();
  // Every row repeats its 一级 cell: read each distinct one once.
  const level1s = new Map<string, { key: string; weight: number | null }>();
  for (const r of rows) {
    const ind = r.indicator;
    let cellWeight = level1s.get(ind.level1);
    if (!cellWeight) {
      const c = parseLevel1Cell(ind.level1);
      level1s.set(ind.level1, (cellWeight = { key: canonicalLevel1(ind.level1) ?? c.name, weight: c.weight }));
    }
    const key = cellWeight.key;
    if (!key) continue;
    const g = groups.get(key) ?? { declared: null, sum: 0, cell: ind.cells.level1 };
    g.declared ??= ind.level1Weight ?? cellWeight.weight;
    g.sum += ind.weight ?? 0;
    groups.set(key, g);
  }
  for (const [key, g] of groups)
    if (g.declared != null && !near(g.sum, g.declared))
      out.push(finding(ctx, "weights-sum-mismatch", "weights-sum-mismatch", { scope: `一级指标“${key}”下各三级指标`, scopeEn: key, sum: fmt(g.sum), expected: fmt(g.declared) }, { cell: g.cell }));
  const total = rows.reduce((s, r) => s + (r.indicator.weight ?? 0), 0) + (ctx.funds?.weight ?? 0);
  if (!near(total, 100))
    out.push(finding(ctx, "weights-sum-mismatch", "weights-sum-mismatch", { scope: "全部指标（含预算执行率）", scopeEn: "all indicators", sum: fmt(total), expected: 100 }, { cell: ctx.form.weightTotal?.cell ?? ctx.form.enteredTotal?.cell }));
  return out;
}

/** What the sheet's own 等级 formula shows while a form is not finished: not a grade the officer wrote. */
const PROGRESS = /^(待完成|分值合计)/;

export function checkTotal(ctx: CheckContext, total: TotalResult): Finding[] {
  const out: Finding[] = [];
  const form = ctx.form;
  const entered = form.enteredTotal?.value ?? null;
  if (entered != null) {
    const scores = ctx.results.map((r) => r.indicator.enteredScore).filter((x): x is number => x != null);
    if (scores.length) {
      const sum = round(scores.reduce((s, x) => s + x, 0) + (ctx.funds?.enteredScore ?? 0), ctx.profile.rounding);
      // With 不适用 rows the total is the sum scaled to 100: either reading of the entered total adds up.
      const scaled = total.computed != null && total.unscored === 0 ? round(sum * naFactor(ctx), ctx.profile.rounding) : sum;
      if (!near(entered, sum) && !near(entered, scaled))
        out.push(finding(ctx, "total-mismatch", "total-mismatch", { entered: fmt(entered), sum: fmt(sum) }, { cell: form.enteredTotal?.cell, name: "总分" }));
    }
  }
  // A grade is judged only on a complete form: until then the total is provisional (docs/rules.md#ready-to-send).
  const written = (form.enteredGrade?.value ?? "").trim();
  const basis = entered ?? total.computed;
  if (total.complete && basis != null && written && !PROGRESS.test(written)) {
    const expected = gradeFor(basis, ctx.profile);
    const got = parseGrade(written, ctx.profile);
    if (got !== expected) {
      const label = ctx.profile.gradeBands.find((b) => b.grade === expected)?.labels.join("/") ?? expected;
      out.push(finding(ctx, "grade-mismatch", "grade-mismatch", { total: fmt(basis), expected: label, entered: written }, { cell: form.enteredGrade?.cell, name: "等级" }));
    }
  }
  return out;
}

/** 100 / (100 − the weights of the 不适用 rows). */
function naFactor(ctx: CheckContext): number {
  let na = 0;
  for (const r of ctx.results) if (r.status === "not-applicable" && !ctx.blank.has(r.id)) na += r.indicator.weight ?? 0;
  return na > 0 && 100 - na > 0 ? 100 / (100 - na) : 1;
}

export function checkSpendingPlan(ctx: CheckContext): Finding[] {
  const pts = ctx.form.spendingPlan;
  if (!pts.length) return [];
  const problems: [string, string][] = [];
  let prev = 0;
  for (const pt of pts) {
    const v = pt.value.value;
    if (v == null) continue;
    if (v < prev - 1e-9) problems.push([`${pt.label} 的 ${pt.value.raw.trim()} 低于上一期`, `${pt.label} falls`]);
    if (v > 1 + 1e-9) problems.push([`${pt.label} 的 ${pt.value.raw.trim()} 超过 100%`, `${pt.label} exceeds 100%`]);
    prev = Math.max(prev, v);
  }
  const last = pts[pts.length - 1];
  if (last.value.value == null || !near(last.value.value, 1, 0.0001))
    problems.push([`最后一期（${last.label}）为 ${last.value.raw.trim() || "空"}，未达到 100%`, `the last period is not 100%`]);
  return problems.map(([zh, en]) =>
    finding(ctx, "spending-plan-invalid", "spending-plan-invalid", { detail: zh, detailEn: en }, { cell: last.value.cell ?? pts[0].value.cell }),
  );
}
