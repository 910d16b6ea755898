// Column and row labels the reader looks for. A label is matched by what it says (keywords on its normalised key,
// in an order that settles the overlaps: 评分标准 is a note column before it is a score, 全年执行数 is spending before
// it is a budget), not by a fixed list of spellings; the column's content then confirms the role (table.ts).
// Every test here runs on a key of at most MAX_LABEL characters.

import { labelKey, MAX_LABEL, normLabel } from "./text";

export type IndRole =
  | "level1"
  | "level2"
  | "name"
  | "target"
  | "adjusted"
  | "actual"
  | "weight"
  | "score"
  | "reason"
  | "nature"
  | "unit"
  | "description"
  | "basis";

/** Ordered: the first rule that matches decides. null roles are columns to leave alone (复核分, 得分系数, 序号 …). */
const IND_RULES: [RegExp, IndRole | null][] = [
  [/^(序号|编号|是否核心指标|核心指标|是否|指标类别编码|备注)$/, null],
  [/复核|审核|系数|核定/, null],
  [/^一级/, "level1"],
  [/^二级/, "level2"],
  [/^三级|^(绩效)?指标名称$|^具体指标$|^指标$/, "name"],
  [/原因|偏差|未完成说明|整改/, "reason"],
  [/依据/, "basis"],
  [/解释|评分标准|评分细则|评价标准|评分办法|评分方法|评分规则|计算方法|计算公式|指标说明|描述|口径|考核办法/, "description"],
  [/性质|方向|符号|^(指标)?类型$|^(指标)?类别$|^定量\/定性$/, "nature"],
  [/^(计量|度量|指标)?单位$/, "unit"],
  [/调整/, "adjusted"],
  [/完成值|完成情况|业绩值|实际值|实际完成|完成数|实现值|达成值|完成结果|执行值|实际数|实际情况|完成指标/, "actual"],
  [/得分|自评分|^评分$|自评分值|^打分$/, "score"],
  [/权重|分值|标准分|满分|^分数$/, "weight"],
  [/指标值|目标值|计划值|预期值|年度目标|指标目标|预期指标|计划指标|目标数|^目标$/, "target"],
];

/** The spellings bureaus use most: a column so labelled wins over one that only contains a keyword. */
const STRONG = new Set([
  "一级指标", "二级指标", "三级指标", "指标名称", "绩效指标名称", "三级指标名称", "具体指标", "三级指标内容",
  "年度指标值", "指标值", "年初目标值", "目标值", "年初指标值", "年度目标值", "预期指标值", "计划指标值", "预期目标值", "绩效指标值", "年度计划值", "计划值", "全年指标值", "指标目标值",
  "调整指标值", "调整后指标值", "调整后目标值", "调整目标值",
  "实际完成值", "完成值", "全年完成值", "业绩值", "实际完成情况", "实际值", "全年实际完成值", "实际完成指标值", "完成指标值", "实际完成数", "实际达成值", "年度完成值", "全年实际值", "年终完成值",
  "分值", "权重", "指标权重", "指标分值", "权重分", "标准分值", "权重分值", "标准分", "满分值",
  "得分", "指标得分", "自评得分", "评分", "实际得分", "自评分", "评价得分",
  "偏差原因分析及改进措施", "未完成原因分析", "偏差原因", "偏差原因分析", "原因",
  "指标性质", "计量单位", "度量单位", "绩效指标描述", "指标值确定依据",
]);

export function isStrongLabel(text: string): boolean {
  return STRONG.has(labelKey(text));
}

export function indicatorRole(text: string): IndRole | null {
  if (!text) return null;
  const label = labelKey(text);
  if (!label || label.length > 24) return null;
  for (const [re, role] of IND_RULES) if (re.test(label)) return role;
  return null;
}

export type FundsRole = "initialBudget" | "budget" | "spent" | "rate" | "weight" | "score" | "reason";

/** A funds column or row label, and whether it names its figure explicitly (全年/调整 for the budget, 年初 for the initial one). */
export function fundsLabel(text: string): { role: FundsRole; explicit: boolean } | null {
  if (!text || text.length > MAX_LABEL) return null;
  const label = normLabel(text);
  if (!label || label.length > 24) return null;
  const key = labelKey(text);
  if (/原因|说明/.test(label)) return /^(执行)?(偏差)?原因|^执行偏差|^原因$/.test(key) ? { role: "reason", explicit: true } : null;
  if (/率/.test(label)) {
    if (/分值|权重|标准分/.test(label)) return { role: "weight", explicit: true };
    if (/得分|评分/.test(label)) return { role: "score", explicit: true };
    return /执行率|支出率|执行进度/.test(label) ? { role: "rate", explicit: true } : null;
  }
  if (/执行数|执行额|实际支出|支出数|决算数|支出金额|执行金额|实际执行|已支出|实际使用/.test(label) || key === "执行" || key === "全年执行") return { role: "spent", explicit: /全年|预算执行|实际/.test(label) };
  if (/^年初/.test(key) && /预算|批复|安排|数$/.test(key)) return { role: "initialBudget", explicit: true };
  if (BUDGET.test(key)) return { role: "budget", explicit: /全年|调整/.test(label) };
  if (/^(分值|权重|标准分|标准分值)$/.test(key)) return { role: "weight", explicit: false };
  if (/^(得分|自评分|自评得分)$/.test(key)) return { role: "score", explicit: false };
  return null;
}

const BUDGET =
  /^(?:全年|年度|本年|当年|调整后|项目年度|全年\(调整\)|年度\(调整\)|调整|全年调整后)?(?:预算|批复预算|预算安排|预算批复|预算调整|调整预算|预算批复)(?:数|额|金额|资金|总额)?$|^(?:批复数|下达数|安排数|全年预算安排数|年度预算安排数)$/;

export function fundsRole(text: string): FundsRole | null {
  return fundsLabel(text)?.role ?? null;
}

/** Sources of money (docs/rules.md#funds), as row labels or as columns of a transposed block. */
export const INCOME =
  /^(其中[:：]?)?(一般公共预算(财政拨款)?(收入)?|政府性基金(拨款|预算)?|纳入管理的非税收入拨款|非税收入(拨款)?|其他资金|财政拨款|当年财政拨款|本年财政拨款|上年结转(资金)?|上年结转结余|财政资金|非财政资金|自有资金|单位资金|单位自筹|财政专户管理资金|中央(资金|补助)?|省级(资金)?|省、?地|市级(资金)?|县级(资金)?|本级(资金)?|其他|社会资金)$/;
export const EXPENSE = /^(其中[:：]?)?(基本支出|项目支出|人员经费|公用经费)(总额)?$/;

/** Rows that end an indicator table: totals, grade, notes, the shared 偏差 section, the next goal. */
export function isTerminator(text: string): boolean {
  if (text.length > MAX_LABEL) return false;
  const label = normLabel(text);
  if (!label || label.length > MAX_LABEL) return false;
  return (
    /^(总分|总计|合计|自评总分|得分合计|总得分|综合评定等级|评价等级|自评等级|综合评价等级|等级|说明|备注|填表人|填报人|金额合计|项目名称|项目编码|评价结论|存在问题|改进措施|自评结论)$/.test(label) ||
    /^(偏差|改进措施|整改情况|存在的问题|主要问题|项目负责人|财务负责人|单位负责人)/.test(label) ||
    /^(年度)?(绩效)?目标\d{1,3}[:：]/.test(label)
  );
}

/** The kind of a label that sums or checks rows (docs/rules.md#ready-to-send: never an indicator). Rank: how surely it is the 总分. */
export function sumLabel(text: string): { kind: "total" | "subtotal" | "check"; rank: number } | null {
  const label = labelKey(text);
  if (!label || label.length > 20) return null;
  if (/^(核对|核对项|校验|检查|差额|权重合计|分值合计|权重小计|分值小计|标准分合计)/.test(label)) return { kind: "check", rank: 0 };
  if (/小计$|^小计/.test(label)) return { kind: "subtotal", rank: 0 };
  if (/^(总分|自评总分|总得分|综合得分|评价总分|自评总得分|综合评分|绩效总分|总评分)(\(分\))?$/.test(label)) return { kind: "total", rank: 3 };
  if (/^(总计|合计总分)$/.test(label)) return { kind: "total", rank: 2 };
  if (/^(合计|得分合计|自评得分|自评得分合计|得分总计)$/.test(label)) return { kind: "total", rank: 1 };
  if (/(指标|目标)(合计|得分)$/.test(label)) return { kind: "subtotal", rank: 0 };
  return null;
}

export function isTotalLabel(text: string): boolean {
  return sumLabel(text)?.kind === "total";
}

export function isGradeLabel(text: string): boolean {
  if (text.length > MAX_LABEL) return false;
  const label = normLabel(text);
  return label.length <= 20 && /^(综合评定等级|评价等级|自评等级|综合评价等级|等级|评定等级|自评结果|绩效等级|评价结果|自评等次|等次)(\(.{1,30}\))?$/.test(label);
}

function stripOrdinal(key: string): string {
  return key.replace(/^[(（][一二三四五六七八九十\d]{1,3}[)）]/, "");
}

export function isSharedReasonLabel(text: string): boolean {
  if (text.length > MAX_LABEL) return false;
  const label = stripOrdinal(normLabel(text));
  if (label.length > 30) return false;
  return (
    /^(偏差及原因分析|偏差大或目标未完成原因分析|偏差原因分析|偏差原因|未完成原因分析|项目执行中存在的问题|存在的问题|存在问题|主要问题及原因分析|问题及原因分析|存在问题及原因)$/.test(label) ||
    /^偏差.{0,20}原因/.test(label)
  );
}

export function isImprovementLabel(text: string): boolean {
  if (text.length > MAX_LABEL) return false;
  const label = stripOrdinal(normLabel(text));
  return label.length <= 30 && /^(改进措施|改进措施及结果应用方案|整改情况|改进的方向和具体措施|整改措施|改进方向和措施|改进建议)$/.test(label);
}

/** 二级 → 一级, for tables without a 一级 column (seed 003). */
export function level1For(level2: string): string {
  if (level2.length > MAX_LABEL) return "";
  const label = normLabel(level2);
  if (/^(数量|质量|时效|进度)/.test(label)) return "产出指标";
  if (/^成本/.test(label)) return "产出指标";
  if (/(效益|可持续|效果)/.test(label)) return "效益指标";
  if (/满意/.test(label)) return "满意度指标";
  return "";
}

/** A section heading that names a 一级 ("（一）履职完成情况（产出指标）", "产出指标（50分）") → that 一级. */
export function level1InHeading(text: string): string {
  if (text.length > MAX_LABEL) return "";
  const label = normLabel(text);
  if (label.length > 40) return "";
  const match = /(产出|效益|效果|满意度|成本)指标/.exec(label);
  return match ? `${match[1]}指标` : "";
}
