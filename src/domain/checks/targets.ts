// Checks on how a target is written: target-invalid, direction-suspicious, category-invalid.
import type { Finding, IndicatorResult } from "../model";
import { isCost, isCount, isRate, isSuccessRate, needsNumber } from "../direction";
import { place } from "../taxonomy";
import { compact } from "../text";
import { unitKind } from "../units";
import { type CheckContext, cellOf, finding, nameOf } from "./context";

const GROWTH = /增长|增幅|增速|提高|提升|变动|同比|环比|倍/;

export function checkTarget(ctx: CheckContext, r: IndicatorResult): Finding[] {
  const out: Finding[] = [];
  const ind = r.indicator;
  const name = nameOf(ind);
  const dctx = { name: ind.name, level1: ind.level1, level2: ind.level2 };
  const at = { cell: cellOf(ind, "target"), indicator: ind };
  const t = r.target;
  const p = { name, target: ind.target.trim() };

  if (t.kind === "placeholder") out.push(finding(ctx, "target-invalid", "target-placeholder", p, at));
  else if (t.kind === "empty" && !ctx.blank.has(ind.id) && !isPlaceholderName(ind.name))
    out.push(finding(ctx, "target-invalid", "target-placeholder", p, at));
  else if (t.kind === "number") {
    const kind = unitKind(t.unit);
    if (isRate(dctx) && t.unit && kind !== "percent")
      out.push(finding(ctx, "target-invalid", "target-rate-unit", { ...p, unit: t.unit }, at));
    if (!t.inferred && (t.op === ">=" || t.op === ">") && isCost(dctx))
      out.push(finding(ctx, "direction-suspicious", "direction-cost-ge", p, at));
    else if (!t.inferred && (t.op === "<=" || t.op === "<") && isSuccessRate(dctx))
      out.push(finding(ctx, "direction-suspicious", "direction-rate-le", p, at));
    if (kind === "percent" && isCount(dctx))
      out.push(finding(ctx, "direction-suspicious", "direction-count-percent", p, at));
    else if (t.unit === "%" && t.value > 100 && t.op !== "<=" && t.op !== "<" && !GROWTH.test(compact(ind.name)))
      out.push(finding(ctx, "direction-suspicious", "direction-over-100", p, at));
  } else if (t.kind === "text" || t.kind === "time") {
    const repeats = compact(ind.target) === compact(ind.name) || (ind.description && compact(ind.target) === compact(ind.description));
    if (t.kind === "text" && needsNumber(dctx)) out.push(finding(ctx, "target-invalid", "target-needs-number", p, { ...at, severity: "warning" }));
    else if (repeats) out.push(finding(ctx, "target-invalid", "target-repeats-name", p, { ...at, severity: "info" }));
  }

  if (!ctx.blank.has(ind.id)) {
    const pl = place(ind.level1, ind.level2);
    const cell = cellOf(ind, "level2", "level1");
    if (pl.problem === "wrong-level1")
      out.push(finding(ctx, "category-invalid", "category-wrong-level1", { level1: ind.level1.trim(), level2: ind.level2.trim(), expected: pl.expected.join("或") }, { cell, indicator: ind }));
    else if (pl.problem === "unknown-level2")
      out.push(finding(ctx, "category-invalid", "category-unknown-level2", { level2: ind.level2.trim() }, { cell, indicator: ind }));
    else if (pl.problem === "unknown-level1")
      out.push(finding(ctx, "category-invalid", "category-unknown-level1", { level1: ind.level1.trim() }, { cell: cellOf(ind, "level1"), indicator: ind }));
  }
  return out;
}

/** A row whose name is blank too is an unused placeholder row, not a broken target. */
function isPlaceholderName(name: string): boolean {
  return compact(name) === "";
}
