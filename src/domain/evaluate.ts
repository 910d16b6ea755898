// evaluateForm: statuses, scores, funds rate and score, totals, grade, completeness and every finding of one form.
// The rules are in docs/rules.md (scoring, when a reason is required, ready to send).
import type { Evaluation, Finding, Form, FundsResult, IndicatorResult, NumField, Status, SumGroup, TotalResult } from "./model";
import { checkFunds } from "./checks/funds";
import { checkResult } from "./checks/results";
import { checkTarget } from "./checks/targets";
import { checkSpendingPlan, checkTotal, checkWeights } from "./checks/totals";
import { checkCompleteness, emptyFormFindings, isFormEmpty } from "./checks/completeness";
import type { CheckContext } from "./checks/context";
import { gradeFor } from "./grade";
import { NATIONAL_PROFILE, type Profile } from "./profiles";
import { compare, executionScore, scoreInBand, type Outcome } from "./score";
import { isBlank, isEmptyReason, mentions, round } from "./text";
import { parseActual, parseTarget } from "./value";

const REASON_STATUSES: Status[] = ["missed", "partial", "exceeded"];

/** A fraction from a rate field: "97.42%" stored as 0.9742 or as 97.42 both give 0.9742. */
export function rateOf(f: NumField | null | undefined): number | null {
  if (!f || f.value == null) return null;
  if (/[%％]/.test(f.raw) && Math.abs(f.value) > 1.5) return f.value / 100;
  return f.value;
}

/** Findings that make a form incomplete, whatever its kind; and, for forms without scores, those that do too. */
const INCOMPLETE: ReadonlySet<string> = new Set(["form-empty", "field-missing", "actual-missing", "score-missing"]);
const INCOMPLETE_UNSCORED: ReadonlySet<string> = new Set([...INCOMPLETE, "deviation-reason-missing"]);
const INCOMPLETE_TARGETS: ReadonlySet<string> = new Set(["form-empty", "field-missing", "target-invalid", "spending-plan-invalid"]);

export function evaluateForm(form: Form, profile: Profile = NATIONAL_PROFILE): Evaluation {
  const targetsOnly = form.kind === "targets";
  const blank = new Set<string>();
  const results: IndicatorResult[] = form.indicators.map((ind) => {
    const ctx = { name: ind.name, level1: ind.level1, level2: ind.level2, unit: ind.unit, nature: ind.nature };
    const target = parseTarget(ind.adjustedTarget && !isBlank(ind.adjustedTarget) ? ind.adjustedTarget : ind.target, ctx);
    const actual = parseActual(ind.actual, ctx);
    // A template row with only its 一级/二级 filled in is not an indicator row.
    const isBlankRow = isBlank(ind.name) && isBlank(ind.target) && isBlank(ind.actual) && ind.weight == null && ind.enteredScore == null;
    if (isBlankRow) blank.add(ind.id);
    const na = isBlankRow || target.kind === "na" || actual.kind === "na";
    const status: Status = na ? "not-applicable" : "unknown";
    return { id: ind.id, indicator: ind, target, actual, status, score: null, effectiveWeight: ind.weight, needsReason: false, reasonRequired: false };
  });

  // 不适用 rows keep their weight; only the total is rescaled (by 100 / (100 − their weights)).
  let naWeight = 0;
  for (const r of results) if (r.status === "not-applicable" && !blank.has(r.id)) naWeight += r.indicator.weight ?? 0;

  const shared = form.sharedReason?.value ?? "";
  const hasShared = !isEmptyReason(shared);
  const extras = new Map<string, { mode: string; unitIssue: string; ratio: number | null; sharedOnly: boolean }>();
  for (const r of results) {
    const ind = r.indicator;
    if (r.status === "not-applicable") r.effectiveWeight = blank.has(r.id) || ind.weight == null ? null : 0;
    if (r.status === "not-applicable" || targetsOnly) continue;
    const w = form.scored && ind.weight != null && ind.weight > 0 ? ind.weight : null;
    const o: Outcome = compare(r.target, r.actual, w, profile);
    r.status = o.status;
    r.score = scoreOf(o, w, ind.enteredScore, profile);
    if (o.band) r.band = o.band;
    if (o.suggested !== undefined) r.suggested = o.suggested;
    if (o.tier) r.tier = o.tier;
    r.reasonRequired = REASON_STATUSES.includes(r.status);
    const own = r.reasonRequired && !isEmptyReason(ind.reason);
    const sharedNames = r.reasonRequired && hasShared && (mentions(shared, ind.name) || (isBlank(ind.name) && mentions(shared, ind.level2)));
    r.needsReason = r.reasonRequired && !own && !sharedNames;
    extras.set(r.id, { mode: o.mode, unitIssue: o.unitIssue, ratio: o.ratio, sharedOnly: !own && hasShared && !ind.cells.reason });
  }

  const funds = fundsResult(form, profile, form.funds?.weight?.value ?? null);
  const ctx: CheckContext = { form, profile, results, blank, funds };
  const empty = isFormEmpty(ctx);

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
  findings.push(...checkCompleteness(ctx));
  findings.push(...checkWeights(ctx), ...checkSpendingPlan(ctx));

  const incomplete = targetsOnly ? INCOMPLETE_TARGETS : form.scored ? INCOMPLETE : INCOMPLETE_UNSCORED;
  let complete = !empty && !findings.some((f) => incomplete.has(f.code));
  // A scored form whose weights do not reach 100 yet is still being filled in: no grade as if final.
  if (form.scored && weightsEntered(ctx) < 100 - 0.01) complete = false;
  const total = form.scored ? totalOf(ctx, naWeight, complete) : null;
  if (total) findings.push(...checkTotal(ctx, total));
  const final = empty ? emptyFormFindings(ctx, findings) : findings;
  if (empty) complete = false;
  return {
    form,
    profile: profile.id,
    funds,
    indicators: results,
    total,
    findings: final,
    complete,
    ready: complete && !final.some((f) => f.severity === "error"),
  };
}

/** The indicator's score: the rule's; for a qualitative row the officer's (in its band); else the officer's. */
function scoreOf(o: Outcome, w: number | null, entered: number | null, profile: Profile): number | null {
  if (o.status === "missing") return null;
  if (o.mode === "tier") return entered != null && w != null && o.tier ? scoreInBand(o.tier, w, entered, profile) : null;
  if (o.score != null) return o.score;
  return entered;
}

function totalOf(ctx: CheckContext, naWeight: number, complete: boolean): TotalResult {
  const { form, profile, results, blank, funds } = ctx;
  const rows = results.filter((r) => !blank.has(r.id));
  const active = rows.filter((r) => r.status !== "not-applicable");
  const scored = active.filter((r) => r.score != null);
  const unscored = active.filter((r) => r.score == null);
  const anything = scored.length > 0 || funds?.score != null;
  const factor = naWeight > 0 && 100 - naWeight > 0 ? 100 / (100 - naWeight) : 1;
  const sum = (funds?.score ?? 0) + scored.reduce((s, r) => s + (r.score ?? 0), 0);
  const computed = anything ? round(sum * factor, profile.rounding) : null;
  return {
    entered: form.enteredTotal?.value ?? null,
    computed,
    grade: complete && computed != null ? gradeFor(computed, profile) : null,
    enteredGrade: form.enteredGrade?.value?.trim() || null,
    complete,
    unscored: unscored.length,
    unscoredWeight: round(unscored.reduce((s, r) => s + (r.indicator.weight ?? 0), 0), 4),
    weightEntered: weightsEntered(ctx),
  };
}

/** Weights entered so far: every indicator row's (不适用 rows keep theirs) and the 执行率 row's. */
function weightsEntered(ctx: CheckContext): number {
  const rows = ctx.results.filter((r) => !ctx.blank.has(r.id));
  return round(rows.reduce((s, r) => s + (r.indicator.weight ?? 0), 0) + (ctx.funds?.weight ?? 0), 4);
}

function fundsResult(form: Form, profile: Profile, weight: number | null): FundsResult | null {
  const f = form.funds;
  if (!f) return null;
  // When the total row is blank, it is the sum of its parts (当年财政拨款 + 上年结转 + 其他资金), those of the
  // total's own cell or column: 全年预算数 (never 年初预算数) and 全年执行数 (docs/rules.md#funds).
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
