// evaluateForm: statuses, rule scores, funds rate and score, totals, grade and every finding of one form.
import type { Evaluation, Finding, Form, FundsResult, IndicatorResult, NumField, Status, SumGroup } from "./model";
import { checkFunds } from "./checks/funds";
import { checkResult } from "./checks/results";
import { checkTarget } from "./checks/targets";
import { checkSpendingPlan, checkTotal, checkWeights } from "./checks/totals";
import type { CheckContext } from "./checks/context";
import { gradeFor } from "./grade";
import { NATIONAL_PROFILE, type Profile } from "./profiles";
import { compare, executionScore, type Outcome } from "./score";
import { isBlank, isEmptyReason, mentions, round } from "./text";
import { parseActual, parseTarget } from "./value";

const REASON_STATUSES: Status[] = ["missed", "partial", "exceeded"];

/** A fraction from a rate field: "97.42%" stored as 0.9742 or as 97.42 both give 0.9742. */
export function rateOf(f: NumField | null | undefined): number | null {
  if (!f || f.value == null) return null;
  if (/[%％]/.test(f.raw) && Math.abs(f.value) > 1.5) return f.value / 100;
  return f.value;
}

export function evaluateForm(form: Form, profile: Profile = NATIONAL_PROFILE): Evaluation {
  const targetsOnly = form.kind === "targets";
  const blank = new Set<string>();
  const results: IndicatorResult[] = form.indicators.map((ind) => {
    const ctx = { name: ind.name, level1: ind.level1, level2: ind.level2, unit: ind.unit, nature: ind.nature };
    const target = parseTarget(ind.adjustedTarget && !isBlank(ind.adjustedTarget) ? ind.adjustedTarget : ind.target, ctx);
    const actual = parseActual(ind.actual, ctx);
    const isBlankRow = isBlank(ind.name) && isBlank(ind.target) && isBlank(ind.actual) && ind.weight == null && ind.enteredScore == null;
    if (isBlankRow) blank.add(ind.id);
    const na = isBlankRow || target.kind === "na" || actual.kind === "na";
    const status: Status = na ? "not-applicable" : "unknown";
    return { id: ind.id, indicator: ind, target, actual, status, score: null, effectiveWeight: ind.weight, needsReason: false, reasonRequired: false };
  });

  // 不适用: leave those out and rescale the others so that the form still adds up to 100.
  const fundsWeight = form.funds?.weight?.value ?? null;
  let naWeight = 0;
  let activeWeight = 0;
  for (const r of results) {
    if (r.status === "not-applicable") naWeight += blank.has(r.id) ? 0 : (r.indicator.weight ?? 0);
    else activeWeight += r.indicator.weight ?? 0;
  }
  const factor = naWeight > 0 && activeWeight > 0 ? (activeWeight + naWeight) / activeWeight : 1;

  const shared = form.sharedReason?.value ?? "";
  const hasShared = !isEmptyReason(shared);
  const extras = new Map<string, { mode: string; unitIssue: string; ratio: number | null; sharedOnly: boolean }>();
  for (const r of results) {
    const ind = r.indicator;
    if (r.status === "not-applicable") r.effectiveWeight = blank.has(r.id) || ind.weight == null ? null : 0;
    else if (ind.weight != null) r.effectiveWeight = round(ind.weight * factor, 4);
    if (r.status === "not-applicable" || targetsOnly) continue;
    const w = form.scored && r.effectiveWeight != null && r.effectiveWeight > 0 ? r.effectiveWeight : null;
    const o: Outcome = compare(r.target, r.actual, w, profile);
    r.status = o.status;
    r.score = o.score;
    if (o.band) r.band = o.band;
    r.reasonRequired = REASON_STATUSES.includes(r.status);
    const own = r.reasonRequired && !isEmptyReason(ind.reason);
    const sharedNames = r.reasonRequired && hasShared && (mentions(shared, ind.name) || (isBlank(ind.name) && mentions(shared, ind.level2)));
    r.needsReason = r.reasonRequired && !own && !sharedNames;
    extras.set(r.id, { mode: o.mode, unitIssue: o.unitIssue, ratio: o.ratio, sharedOnly: !own && hasShared && !ind.cells.reason });
  }

  const funds = fundsResult(form, profile, fundsWeight);
  const scoredRows = results.filter((r) => !blank.has(r.id) && r.effectiveWeight != null);
  let total: Evaluation["total"] = null;
  if (form.scored) {
    const computed = scoredRows.length || funds?.score != null
      ? round((funds?.score ?? 0) + scoredRows.reduce((s, r) => s + (r.score ?? r.indicator.enteredScore ?? 0), 0), profile.rounding)
      : null;
    total = {
      entered: form.enteredTotal?.value ?? null,
      computed,
      grade: computed != null ? gradeFor(computed, profile) : null,
      enteredGrade: form.enteredGrade?.value?.trim() || null,
    };
  }

  const ctx: CheckContext = { form, profile, results, blank, funds };
  const findings: Finding[] = [];
  for (const ri of form.readIssues)
    findings.push({ code: "read-problem", severity: "warning", sheet: form.sheet, cell: ri.cell, message: ri.message, messageEn: ri.messageEn ?? ri.message });
  findings.push(...checkFunds(ctx));
  for (const r of results) {
    if (blank.has(r.id)) continue;
    for (const f of checkTarget(ctx, r)) findings.push(f);
    const extra = extras.get(r.id);
    if (extra) for (const f of checkResult(ctx, r, extra)) findings.push(f);
  }
  findings.push(...checkWeights(ctx), ...checkTotal(ctx, total?.computed ?? null), ...checkSpendingPlan(ctx));
  return { form, profile: profile.id, funds, indicators: results, total, findings };
}

function fundsResult(form: Form, profile: Profile, weight: number | null): FundsResult | null {
  const f = form.funds;
  if (!f) return null;
  // DOMAIN §1.1: when the total row is blank, it is the sum of its parts (当年财政拨款 + 上年结转 + 其他资金),
  // those of the total's own cell or column: 全年预算数 (never 年初预算数) and 全年执行数.
  const budget = f.budget.value ?? sumOfParts(blankGroup(f.sums, f.budget, /预算/));
  const spent = f.spent.value ?? sumOfParts(blankGroup(f.sums, f.spent, /执行|支出/));
  const rate = budget != null && budget !== 0 && spent != null ? spent / budget : null;
  return {
    budget,
    spent,
    rate,
    weight,
    score: rate != null && weight != null ? executionScore(rate, weight, profile) : null,
    enteredRate: rateOf(f.enteredRate),
    enteredScore: f.enteredScore?.value ?? null,
  };
}

/** The sum group whose total is the blank field: the same cell, else (a cell unknown) a label like `label`. */
function blankGroup(sums: SumGroup[], field: NumField, label: RegExp): SumGroup | undefined {
  const blank = sums.filter((g) => g.total.value == null);
  const same = field.cell ? blank.find((g) => g.total.cell === field.cell) : undefined;
  return same ?? blank.find((g) => !(g.total.cell && field.cell) && label.test(g.label) && !/年初/.test(g.label));
}

function sumOfParts(g: SumGroup | undefined): number | null {
  const parts = g?.parts.filter((p) => p.value != null) ?? [];
  return parts.length ? round(parts.reduce((s, p) => s + (p.value ?? 0), 0), 6) : null;
}
