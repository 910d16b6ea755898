// Which way an indicator points: ≤ for costs and things to keep low, ≥ otherwise (DOMAIN §3).
import type { Comparator } from "./model";
import { compact } from "./text";

/** Names of results to keep low: costs and spending, 结余率, 调整率, 差率, accidents, complaints, … */
export const REVERSE_NAME =
  /成本|费用|经费|开支|支出(额|数)?$|结余率|结转率|调整率|差率|差错率|误差|事故|投诉|变动率|超支|偏差|失误|违规|违纪|违法|发生率|上访|损失|能耗|排放|空置率|闲置率|返工|缺陷|逾期|滞后|控制率|控制数|下降|压减|减少/;
/** Rates where more is better, even under 成本指标 or with 费用 in the name. */
export const POSITIVE_RATE =
  /执行率|完成率|及时率|合格率|到位率|覆盖率|满意度|满意率|达标率|通过率|节约率|使用率|利用率|办结率|知晓率|参与率|出勤率|准确率|正确率|落实率|完好率|回复率|办复率|审查率|实现率|运行率|参训率|培训率|支付率|兑付率|拨付率/;
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
