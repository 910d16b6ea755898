// Which way an indicator points: ≤ for costs and things to keep low, ≥ otherwise (docs/rules.md#inferred-direction).
import type { Comparator } from "./model";
import { compact } from "./text";
import { LOW_NAME_WORDS, POSITIVE_RATE_WORDS } from "./vocabulary";

const alternatives = (words: readonly string[]): string => [...words].sort((a, b) => b.length - a.length).join("|");

/** Names of results to keep low: costs and spending, 结余率, 调整率, 差率, accidents, complaints, … (vocabulary). */
export const REVERSE_NAME = new RegExp(`${alternatives(LOW_NAME_WORDS.contains)}|(?:${alternatives(LOW_NAME_WORDS.suffix)})$`);
/** Rates where more is better, even under 成本指标 or with 费用 in the name (vocabulary). */
export const POSITIVE_RATE = new RegExp(alternatives(POSITIVE_RATE_WORDS));
const COST_LEVEL2 = /成本/;

export interface DirectionContext {
  name?: string;
  level1?: string;
  level2?: string;
}

/** True when the indicator measures a cost or something to keep low. */
export function isReverse(ctx: DirectionContext): boolean {
  const name = compact(ctx.name ?? "");
  if (POSITIVE_RATE.test(name)) return false;
  if (REVERSE_NAME.test(name)) return true;
  return COST_LEVEL2.test(compact(ctx.level2 ?? "")) || /^成本/.test(compact(ctx.level1 ?? ""));
}

/** The comparator to assume when none is written. */
export function inferComparator(ctx: DirectionContext): Comparator {
  return isReverse(ctx) ? "<=" : ">=";
}

/** A cost indicator (for direction-suspicious): under 成本 and not a success rate, or named as a cost. */
export function isCost(ctx: DirectionContext): boolean {
  const name = compact(ctx.name ?? "");
  if (POSITIVE_RATE.test(name)) return false;
  if (COST_LEVEL2.test(compact(ctx.level2 ?? "")) || /^成本/.test(compact(ctx.level1 ?? ""))) return true;
  return /成本|(费用|经费|支出|开支)(总额|金额|额)?$/.test(name);
}

/** A success, quality or satisfaction rate (for which ≤ is suspicious). */
export function isSuccessRate(ctx: DirectionContext): boolean {
  return POSITIVE_RATE.test(compact(ctx.name ?? ""));
}

/** A count ("活动次数", "人数", "车辆的数量"): a % target on it is suspicious. */
export function isCount(ctx: DirectionContext): boolean {
  const name = compact(ctx.name ?? "");
  return /(次数|人数|人次|个数|件数|户数|家数|场次|数量|篇数|期数|天数)$/.test(name);
}

/** A rate or a ratio by name ("完成率", "及时率（%）"): needs a % target. */
export function isRate(ctx: DirectionContext): boolean {
  const name = compact(ctx.name ?? "").replace(/[(（]%[)）]$/, "");
  return /(率|比例|占比|比重|满意度)$/.test(name);
}

/** A name that asks for a number (期限, 次数, 率 …): a bare text target says nothing measurable. */
export function needsNumber(ctx: DirectionContext): boolean {
  const name = compact(ctx.name ?? "");
  return isRate(ctx) || isCount(ctx) || /期限|年限|周期|金额|成本/.test(name) || /[(（]%[)）]$/.test(name);
}
