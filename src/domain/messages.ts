// Every finding's wording, Chinese first (what to do), English beside it.
import type { FindingCode, Severity } from "./model";

type Params = Record<string, string | number | null | undefined>;
type Text = (p: Params) => [zh: string, en: string];

const q = (s: unknown) => `“${s ?? ""}”`;
const pct = (x: unknown) => (typeof x === "number" ? `${(x * 100).toFixed(2)}%` : String(x ?? ""));

export const MESSAGES: Record<string, Text> = {
  "deviation-reason-missing": (p) => [
    `指标${q(p.name)}未达到目标（目标 ${p.target}，实际 ${p.actual}），请在偏差原因分析中写明原因和改进措施。`,
    `"${p.name}" missed its target (${p.target} vs ${p.actual}): write the reason and the corrective action.`,
  ],
  "deviation-reason-shared": (p) => [
    `指标${q(p.name)}未达到目标（目标 ${p.target}，实际 ${p.actual}），共用的偏差原因栏没有提到该指标，请写明该指标的偏差原因和改进措施。`,
    `"${p.name}" missed its target, and the shared deviation cell does not name it: explain this indicator there.`,
  ],
  "deviation-reason-tier": (p) => [
    `指标${q(p.name)}填为${q(p.actual)}，选择部分达成或未达成的必须说明原因和改进措施。`,
    `"${p.name}" is marked ${p.actual}: partial or missed results need a reason and a corrective action.`,
  ],
  "deviation-reason-execution": (p) => [
    `预算执行率 ${pct(p.rate)} 低于 ${pct(p.threshold)}，请在“${p.place}”中说明预算执行（支出、资金）偏低的原因和改进措施。`,
    `Budget execution ${pct(p.rate)} is below ${pct(p.threshold)}: explain the spending and what will change in "${p.place}".`,
  ],
  "over-target-unexplained": (p) => [
    `指标${q(p.name)}实际完成 ${p.actual}，为目标 ${p.target} 的 ${p.ratio}，超过 ${p.trigger}：请说明超额完成的原因，并考虑目标是否定得过低。`,
    `"${p.name}" reached ${p.ratio} of its target (${p.actual} vs ${p.target}): explain the over-achievement; was the target too low?`,
  ],
  "score-exceeds-weight": (p) => [
    `${q(p.name)}的得分 ${p.score} 超过分值 ${p.weight}，请改为不超过 ${p.weight} 的分数。`,
    `Score ${p.score} of "${p.name}" exceeds its weight ${p.weight}.`,
  ],
  "score-differs-from-rule": (p) => [
    `${q(p.name)}填写的得分 ${p.entered} 与按规则计算的 ${p.rule} 相差 ${p.diff}，请核对（原填得分保留未改）。`,
    `Entered score ${p.entered} of "${p.name}" differs from the rule's ${p.rule} by ${p.diff} (the entered score is kept).`,
  ],
  "qualitative-score-out-of-band": (p) => [
    `定性指标${q(p.name)}为${q(p.tier)}，得分应在 ${p.lo}–${p.hi} 之间，当前为 ${p.score}，请调整得分或档次。`,
    `"${p.name}" is ${p.tier}: its score must lie in ${p.lo}–${p.hi}, not ${p.score}.`,
  ],
  "weights-sum-mismatch": (p) => [
    `${p.scope}的分值合计为 ${p.sum}，应为 ${p.expected}，请调整各指标分值。`,
    `Weights of ${p.scopeEn} add up to ${p.sum}, not ${p.expected}.`,
  ],
  "total-mismatch": (p) => [
    `填写的总分 ${p.entered} 不等于各项得分之和 ${p.sum}，请重新合计。`,
    `Entered total ${p.entered} is not the sum of the scores, ${p.sum}.`,
  ],
  "grade-mismatch": (p) => [
    `总分 ${p.total} 对应的等级为${q(p.expected)}，填写的是${q(p.entered)}，请改正等级。`,
    `A total of ${p.total} is grade "${p.expected}", not "${p.entered}".`,
  ],
  "execution-rate-mismatch": (p) => [
    `填写的执行率 ${p.entered} 与 全年执行数÷全年预算数 = ${pct(p.rate)} 不符，请改正。`,
    `Entered execution rate ${p.entered} is not spent ÷ adjusted budget = ${pct(p.rate)}.`,
  ],
  "execution-rate-initial": (p) => [
    `填写的执行率 ${p.entered} 是按年初预算数计算的；执行率应以全年预算数为分母：全年执行数÷全年预算数 = ${pct(p.rate)}，请改正。`,
    `Entered execution rate ${p.entered} divides by the initial budget; it must be spent ÷ adjusted budget = ${pct(p.rate)}.`,
  ],
  "form-empty": () => [
    "表格尚未填写：还没有任何指标同时填写了年度指标值和实际完成值。请先逐项填写指标，再检查。",
    "The form is not filled in yet: no indicator has both a target and an actual value.",
  ],
  "form-empty-targets": () => [
    "表格尚未填写：还没有任何指标填写了指标值。请先逐项填写绩效指标和指标值，再检查。",
    "The targets table is not filled in yet: no indicator has a target.",
  ],
  "field-missing": (p) => [`请填写${p.label}。`, `Fill in ${p.label}.`],
  "field-missing-year": () => [
    "请填写年度（如标题中的“（2025年度）”）。",
    "Fill in the year (as in the title: \"(2025年度)\").",
  ],
  "field-missing-target": (p) => [`指标${q(p.name)}没有填写年度指标值，请填写。`, `"${p.name}" has no target.`],
  "field-missing-weight": (p) => [`指标${q(p.name)}没有填写分值，请填写。`, `"${p.name}" has no weight.`],
  "field-missing-indicator-name": (p) => [
    `第 ${p.row} 行填写了指标内容，但没有填写三级指标名称，请填写指标名称。`,
    `Row ${p.row} has indicator values but no indicator name.`,
  ],
  "score-missing": (p) => [
    `指标${q(p.name)}的实际完成值${q(p.actual)}无法按规则自动计分，请在得分栏填写得分。`,
    `"${p.name}": the actual "${p.actual}" cannot be scored by the rules; enter its score.`,
  ],
  "score-missing-tier": (p) => [
    `定性指标${q(p.name)}为${q(p.tier)}，请在得分栏填写 ${p.lo}–${p.hi} 之间的得分。`,
    `"${p.name}" is ${p.tier}: enter a score between ${p.lo} and ${p.hi}.`,
  ],
  "execution-score-exceeds": (p) => [
    `执行率得分 ${p.score} 超过分值 ${p.weight}，请改为不超过分值的分数。`,
    `Execution score ${p.score} exceeds its weight ${p.weight}.`,
  ],
  "budget-zero": (p) => [
    `全年预算数为 ${p.budget || "空"}，但执行数为 ${p.spent}：请填写全年预算数（执行率无法计算）。`,
    `The adjusted budget is ${p.budget || "blank"} while ${p.spent} was spent: fill in the budget.`,
  ],
  "funds-sum-mismatch": (p) => [
    `${p.group}：${p.parts} 合计 ${p.sum}，与${q(p.totalLabel)} ${p.total} 相差 ${p.diff}，请核对各项金额。`,
    `${p.group}: the parts add up to ${p.sum}, not the total ${p.total} (difference ${p.diff}).`,
  ],
  "target-placeholder": (p) => [
    `指标${q(p.name)}的指标值${q(p.target)}没有数值，请填写具体目标值（如“≥95%”）。`,
    `The target "${p.target}" of "${p.name}" has no number: write a concrete value.`,
  ],
  "target-rate-unit": (p) => [
    `指标${q(p.name)}是一个比率，指标值却是${q(p.target)}（单位“${p.unit}”），请改为百分比目标（如“≥95%”）或改正指标名称。`,
    `"${p.name}" is a rate but its target "${p.target}" is in ${p.unit}: use a percentage.`,
  ],
  "target-needs-number": (p) => [
    `指标${q(p.name)}需要可衡量的数值，指标值${q(p.target)}没有给出数值，请填写具体数值和单位。`,
    `"${p.name}" needs a measurable value; "${p.target}" gives none.`,
  ],
  "target-repeats-name": (p) => [
    `指标${q(p.name)}的指标值只是重复了指标名称，请写出可衡量的目标（数值或达成标准）。`,
    `The target of "${p.name}" only repeats its name: state a measurable target.`,
  ],
  "actual-missing": (p) => [`指标${q(p.name)}没有填写实际完成值，请填写。`, `"${p.name}" has no actual value.`],
  "actual-not-comparable": (p) => [
    `指标${q(p.name)}的实际完成值${q(p.actual)}无法与指标值${q(p.target)}比较，请按指标值的口径填写（数值带单位，或 达成/部分达成/未达成）。`,
    `The actual "${p.actual}" of "${p.name}" cannot be compared with the target "${p.target}".`,
  ],
  "actual-completion": (p) => [
    `指标值${q(p.target)}是定性目标，实际完成值${q(p.actual)}按完成程度计分；建议写明依据或改用 达成/部分达成/未达成。`,
    `The qualitative target "${p.target}" was scored by the completion degree "${p.actual}".`,
  ],
  "unit-mismatch": (p) => [
    `指标${q(p.name)}的指标值单位“${p.targetUnit}”与实际完成值单位“${p.actualUnit}”不一致，请统一单位。`,
    `"${p.name}": target in ${p.targetUnit} but actual in ${p.actualUnit}.`,
  ],
  "direction-cost-ge": (p) => [
    `成本类指标${q(p.name)}的指标值为${q(p.target)}：成本应当控制在上限以内，请改为“≤”并填写金额上限。`,
    `"${p.name}" is a cost but its target is "${p.target}": costs take ≤ and an amount.`,
  ],
  "direction-rate-le": (p) => [
    `指标${q(p.name)}越高越好，指标值却是${q(p.target)}，请改为“≥”。`,
    `"${p.name}" should be high, but its target is "${p.target}": use ≥.`,
  ],
  "direction-over-100": (p) => [
    `指标${q(p.name)}的百分比目标${q(p.target)}超过 100%，请核对。`,
    `The percentage target "${p.target}" of "${p.name}" exceeds 100%.`,
  ],
  "direction-count-percent": (p) => [
    `指标${q(p.name)}是数量（次数/人数），指标值却是百分比${q(p.target)}，请填写具体数量和单位（如“≥6次”）。`,
    `"${p.name}" is a count but its target "${p.target}" is a percentage: write a number of items.`,
  ],
  "spending-plan-invalid": (p) => [
    `资金支出计划中${p.detail}，累计支出比例应逐期不减，并在最后一期达到 100%。`,
    `Spending plan ${p.detailEn}: cumulative percentages must not fall and must end at 100%.`,
  ],
  "category-wrong-level1": (p) => [
    `二级指标${q(p.level2)}不属于一级指标${q(p.level1)}，应放在${q(p.expected)}下。`,
    `"${p.level2}" does not belong under "${p.level1}"; it belongs under "${p.expected}".`,
  ],
  "category-unknown-level2": (p) => [
    `二级指标${q(p.level2)}不在10号文或101号文的指标体系中，请改用规定的二级指标名称。`,
    `"${p.level2}" is not a known level-2 indicator.`,
  ],
  "category-unknown-level1": (p) => [
    `一级指标${q(p.level1)}不是 产出/效益/满意度/成本 指标之一，请改正。`,
    `"${p.level1}" is not a known level-1 indicator.`,
  ],
  "read-problem": (p) => [String(p.message ?? ""), String(p.messageEn ?? p.message ?? "")],
  "target-changed-lowered": (p) => [
    `指标${q(p.name)}的指标值由批复的${q(p.approved)}调低为${q(p.now)}，与绩效目标表不符：请改回${q(p.approved)}；确需调整的，请附调整批复。`,
    `The target of "${p.name}" was lowered from the approved "${p.approved}" to "${p.now}": restore it, or attach the approved adjustment.`,
  ],
  "target-changed-raised": (p) => [
    `指标${q(p.name)}的指标值由批复的${q(p.approved)}调高为${q(p.now)}，与绩效目标表不符：请改回${q(p.approved)}；确需调整的，请附调整批复。`,
    `The target of "${p.name}" was raised from the approved "${p.approved}" to "${p.now}": restore it, or attach the approved adjustment.`,
  ],
  "target-changed-changed": (p) => [
    `指标${q(p.name)}的指标值${q(p.now)}与批复的绩效目标表（${q(p.approved)}）不符：请改回${q(p.approved)}；确需调整的，请附调整批复。`,
    `The target of "${p.name}" is "${p.now}", not the approved "${p.approved}": restore it, or attach the approved adjustment.`,
  ],
  "target-changed-dropped": (p) => [
    `批复的绩效目标表中有指标${q(p.name)}（${p.level2}，指标值${q(p.approved)}），自评表中没有：请补上该指标并按批复填写指标值。`,
    `The approved indicator "${p.name}" (${p.level2}, target "${p.approved}") is missing from the self-evaluation: add it.`,
  ],
  "target-changed-added": (p) => [
    `指标${q(p.name)}（指标值${q(p.now)}）不在批复的绩效目标表中：请删除该指标，或核对名称是否与绩效目标表一致；确为调整后新增的，请附调整批复。`,
    `"${p.name}" (target "${p.now}") is not in the approved targets table: remove it or match its name; attach the approved adjustment if it was added.`,
  ],
};

export const SEVERITY: Record<FindingCode, Severity> = {
  "deviation-reason-missing": "error",
  "over-target-unexplained": "warning",
  "score-exceeds-weight": "error",
  "score-differs-from-rule": "warning",
  "qualitative-score-out-of-band": "warning",
  "weights-sum-mismatch": "error",
  "total-mismatch": "error",
  "grade-mismatch": "error",
  "execution-rate-mismatch": "warning",
  "budget-zero": "error",
  "funds-sum-mismatch": "error",
  "target-invalid": "error",
  "actual-missing": "error",
  "actual-not-comparable": "warning",
  "unit-mismatch": "warning",
  "direction-suspicious": "warning",
  "spending-plan-invalid": "error",
  "category-invalid": "warning",
  "form-empty": "error",
  "field-missing": "error",
  "score-missing": "error",
  "profile-modified": "error",
  "target-changed": "error",
  "read-problem": "warning",
};

/** The Chinese and English text of a message key with its parameters. */
export function text(key: string, p: Params): { message: string; messageEn: string } {
  const f = MESSAGES[key];
  if (!f) return { message: key, messageEn: key };
  const [message, messageEn] = f(p);
  return { message, messageEn };
}
