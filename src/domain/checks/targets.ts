// Checks on how a target is written: target-invalid, direction-suspicious, category-invalid.
import type { Finding, IndicatorResult } from "../model";
import { isCost, isCount, isRate, isSuccessRate, needsNumber } from "../direction";
import { type Placement, place } from "../taxonomy";
import { compact } from "../text";
import { unitKind } from "../units";
import { type CheckContext, cellOf, finding, nameOf } from "./context";

const GROWTH = /增长|增幅|增速|提高|提升|变动|同比|环比|倍/;

export function checkTarget(ctx: CheckContext, r: IndicatorResult): Finding[] {
  const out: Finding[] = [];
  const ind = r.indicator;
  const dctx = { name: ind.name, level1: ind.level1, level2: ind.level2 };
  // The message parameters and the cell, made only when there is a finding: most rows have none.
  let memo: { name: string; target: string } | null = null;
  const p = () => (memo ??= { name: nameOf(ind), target: ind.target.trim() });
  const at = (severity?: Finding["severity"]) => ({ cell: cellOf(ind, "target"), indicator: ind, severity });
  const t = r.target;

  // A blank target is field-missing (checks/completeness.ts); a written one without a number is invalid.
  if (t.kind === "placeholder") out.push(finding(ctx, "target-invalid", "target-placeholder", p(), at()));
  else if (t.kind === "number") {
    const kind = unitKind(t.unit);
    if (isRate(dctx) && t.unit && kind !== "percent")
      out.push(finding(ctx, "target-invalid", "target-rate-unit", { ...p(), unit: t.unit }, at()));
    if (!t.inferred && (t.op === ">=" || t.op === ">") && isCost(dctx))
      out.push(finding(ctx, "direction-suspicious", "direction-cost-ge", p(), at()));
    else if (!t.inferred && (t.op === "<=" || t.op === "<") && isSuccessRate(dctx))
      out.push(finding(ctx, "direction-suspicious", "direction-rate-le", p(), at()));
    if (kind === "percent" && isCount(dctx))
      out.push(finding(ctx, "direction-suspicious", "direction-count-percent", p(), at()));
    else if (t.unit === "%" && t.value > 100 && t.op !== "<=" && t.op !== "<" && !GROWTH.test(compact(ind.name)))
      out.push(finding(ctx, "direction-suspicious", "direction-over-100", p(), at()));
  } else if (t.kind === "text" || t.kind === "time") {
    const repeats = compact(ind.target) === compact(ind.name) || (ind.description && compact(ind.target) === compact(ind.description));
    if (t.kind === "text" && needsNumber(dctx)) out.push(finding(ctx, "target-invalid", "target-needs-number", p(), at("warning")));
    else if (repeats) out.push(finding(ctx, "target-invalid", "target-repeats-name", p(), at("info")));
  }

  if (!ctx.blank.has(ind.id)) {
    const pl = placeOf(ind.level1, ind.level2);
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

/** place() of a 一级/二级 pair, remembered: forms repeat a handful of pairs on every row (read only here). */
function placeOf(level1: string, level2: string): Placement {
  let byLevel2 = PLACES.get(level1);
  if (!byLevel2) {
    if (PLACES.size >= 1000) PLACES.clear();
    PLACES.set(level1, (byLevel2 = new Map()));
  }
  let pl = byLevel2.get(level2);
  if (!pl) {
    if (byLevel2.size >= 1000) byLevel2.clear();
    byLevel2.set(level2, (pl = place(level1, level2)));
  }
  return pl;
}
const PLACES = new Map<string, Map<string, Placement>>();
