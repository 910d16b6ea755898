// Completeness (docs/rules.md#ready-to-send): form-empty, field-missing, score-missing. A form is ready to send
// only when it is complete and has no error; on a blank form form-empty stands alone.
import type { Finding, FindingCode, Form, FormFields, IndicatorResult } from "../model";
import { isBlank } from "../text";
import { type CheckContext, cellOf, finding, nameOf } from "./context";

/** The required header fields and how a message names them, by the form's kind. */
function requiredFields(form: Form): [key: keyof FormFields, label: string][] {
  const name = form.kind === "project" || form.kind === "multi-project" || form.kind === "targets" ? "项目名称" : "单位名称";
  return [
    ["name", name],
    ["supervisor", "主管部门"],
    ["implementer", "实施单位"],
    ["year", "年度"],
  ];
}

const rowsOf = (ctx: CheckContext): IndicatorResult[] => ctx.results.filter((r) => !ctx.blank.has(r.id));

/** No indicator row yet with a target (targets tables) or with a target and an actual (self-evaluations). */
export function isFormEmpty(ctx: CheckContext): boolean {
  const rows = rowsOf(ctx);
  if (ctx.form.kind === "targets") return !rows.some((r) => !isBlank(r.indicator.target));
  return !rows.some((r) => !isBlank(r.indicator.target) && !isBlank(r.indicator.actual));
}

/** What an empty form still reports: form-empty, and problems in cells that hold something the officer wrote. */
const WRITTEN_WRONG: ReadonlySet<FindingCode> = new Set<FindingCode>([
  "read-problem",
  "funds-sum-mismatch",
  "execution-rate-mismatch",
  "budget-zero",
  "score-exceeds-weight",
  "target-invalid",
  "direction-suspicious",
  "category-invalid",
  "profile-modified",
  "target-changed",
]);

export function emptyFormFindings(ctx: CheckContext, findings: Finding[]): Finding[] {
  const { form } = ctx;
  const first = form.indicators[0];
  const cell =
    (first && (form.kind === "targets" ? cellOf(first, "target") : cellOf(first, "actual", "target"))) ??
    form.fields?.name?.cell ??
    form.anchor;
  const key = form.kind === "targets" ? "form-empty-targets" : "form-empty";
  const planWritten = form.spendingPlan.some((p) => p.value.value != null);
  const kept = findings.filter((f) => WRITTEN_WRONG.has(f.code) || (f.code === "spending-plan-invalid" && planWritten));
  return [finding(ctx, "form-empty", key, {}, { cell }), ...kept];
}

export function checkCompleteness(ctx: CheckContext): Finding[] {
  const { form } = ctx;
  const out: Finding[] = [];
  for (const [key, label] of requiredFields(form)) {
    const field = form.fields?.[key];
    if (field && isBlank(field.value))
      out.push(finding(ctx, "field-missing", key === "year" ? "field-missing-year" : "field-missing", { label }, { cell: field.cell, name: label }));
  }
  const funds = form.funds;
  if (funds && ctx.funds && form.kind !== "targets") {
    // A blank budget while money was spent is budget-zero (checks/funds.ts); blank otherwise, it is missing.
    if (ctx.funds.budget == null && !((ctx.funds.spent ?? 0) > 0))
      out.push(finding(ctx, "field-missing", "field-missing", { label: "全年预算数" }, { cell: funds.budget.cell, name: "全年预算数" }));
    if (ctx.funds.spent == null)
      out.push(finding(ctx, "field-missing", "field-missing", { label: "全年执行数" }, { cell: funds.spent.cell, name: "全年执行数" }));
  }
  for (const r of rowsOf(ctx)) {
    const ind = r.indicator;
    const na = r.status === "not-applicable";
    // A multi-project row names its indicators by their 二级 column: no 三级 name to ask for.
    if (isBlank(ind.name) && form.kind !== "multi-project")
      out.push(finding(ctx, "field-missing", "field-missing-indicator-name", { row: ind.cells.row ?? "" }, { cell: cellOf(ind, "name"), indicator: ind }));
    if (na) continue;
    if (isBlank(ind.target))
      out.push(finding(ctx, "field-missing", "field-missing-target", { name: nameOf(ind) }, { cell: cellOf(ind, "target"), indicator: ind }));
    if (form.kind === "targets" || !form.scored) continue;
    if (ind.weight == null)
      out.push(finding(ctx, "field-missing", "field-missing-weight", { name: nameOf(ind) }, { cell: cellOf(ind, "weight"), indicator: ind }));
    if (r.score == null && r.status !== "missing" && ind.weight != null && !isBlank(ind.target)) {
      const tier = r.tier ?? null;
      const params = { name: nameOf(ind), actual: r.actual.raw.trim(), tier, lo: r.band?.[0], hi: r.suggested };
      out.push(finding(ctx, "score-missing", tier && r.band ? "score-missing-tier" : "score-missing", params, { cell: cellOf(ind, "score"), indicator: ind }));
    }
  }
  return out;
}
