// Column and row labels the reader looks for, with their synonyms (matched on labelKey / normLabel).

import { labelKey, normLabel } from "./text";

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

const IND: Record<IndRole, string[]> = {
  level1: ["一级指标", "一级"],
  level2: ["二级指标", "二级"],
  name: ["三级指标", "三级", "指标名称", "绩效指标名称", "三级指标名称", "指标", "具体指标", "三级指标内容"],
  target: ["年度指标值", "指标值", "年初目标值", "目标值", "年初指标值", "年度目标值", "预期指标值", "计划指标值", "预期目标值", "绩效指标值", "年度计划值", "计划值", "全年指标值", "指标目标值", "年度目标指标值"],
  adjusted: ["调整指标值", "调整后指标值", "调整后目标值", "调整目标值", "调整后年度指标值"],
  actual: ["实际完成值", "完成值", "全年完成值", "业绩值", "完成情况", "实际完成情况", "实际值", "全年实际完成值", "实际完成指标值", "完成指标值", "实际完成数", "实际达成值", "年度完成值", "全年实际值", "实际执行值", "实际完成结果"],
  weight: ["分值", "权重", "指标权重", "指标分值", "权重分", "标准分值", "权重分值", "标准分", "权重(分)", "满分值"],
  score: ["得分", "指标得分", "自评得分", "评分", "实际得分", "自评分", "自评分值", "评价得分"],
  reason: [
    "偏差原因分析及改进措施",
    "未完成原因分析",
    "原因",
    "偏差原因",
    "偏差原因分析",
    "未完成原因分析及改进措施",
    "原因分析及改进措施",
    "偏差原因及改进措施",
    "偏差原因分析和改进措施",
    "偏差及原因分析",
  ],
  nature: ["指标性质", "性质", "指标属性", "指标方向", "指标类型", "指标类别", "定量/定性", "计算符号", "符号"],
  unit: ["计量单位", "度量单位", "单位", "指标单位"],
  description: ["绩效指标描述", "指标描述", "指标解释", "指标说明"],
  basis: ["指标值确定依据", "确定依据", "指标值设定依据", "指标值依据"],
};

export type FundsRole = "initialBudget" | "budget" | "spent" | "rate" | "weight" | "score";

const FUNDS: Record<FundsRole, string[]> = {
  initialBudget: ["年初预算数", "年初预算"],
  budget: [
    "全年预算数",
    "调整后预算数",
    "预算数",
    "全年预算",
    "调整预算数",
    "项目年度预算金额",
    "年度预算数",
    "预算金额",
    "预算安排数",
    "全年预算安排数",
    "年度预算安排数",
    "预算安排",
    "批复预算数",
    "预算批复数",
    "调整后预算",
  ],
  spent: ["全年执行数", "执行数", "全年执行", "实际支出数", "实际支出金额", "实际支出", "决算数", "支出数"],
  rate: ["执行率", "预算执行率", "资金执行率", "预算支出执行率", "全年执行率"],
  weight: ["分值", "执行率权重", "权重", "标准分", "执行率分值", "标准分值"],
  score: ["得分", "执行率得分", "自评分", "自评得分"],
};

function index<R extends string>(table: Record<R, string[]>): Map<string, R> {
  const m = new Map<string, R>();
  for (const role of Object.keys(table) as R[]) for (const s of table[role]) m.set(labelKey(s), role);
  return m;
}
const IND_INDEX = index(IND);
const FUNDS_INDEX = index(FUNDS);

export function indicatorRole(text: string): IndRole | null {
  if (!text) return null;
  const role = IND_INDEX.get(labelKey(text)) ?? IND_INDEX.get(normLabel(text));
  if (role) return role;
  // "未完成原因及改进措施", "偏差原因说明": any short header about the reason for a deviation
  const k = labelKey(text);
  if (k.length <= 16 && /(原因|偏差)/.test(k) && !/[:：。，,]/.test(k)) return "reason";
  return null;
}

export function fundsRole(text: string): FundsRole | null {
  if (!text) return null;
  return FUNDS_INDEX.get(labelKey(text)) ?? FUNDS_INDEX.get(normLabel(text)) ?? null;
}

/** Rows that end an indicator table: totals, grade, notes, the shared 偏差 section, the next goal. */
export function isTerminator(text: string): boolean {
  const k = normLabel(text);
  if (!k) return false;
  return (
    /^(总分|总计|合计|自评总分|得分合计|总得分|综合评定等级|评价等级|自评等级|综合评价等级|等级|说明|备注|填表人|金额合计|项目名称|项目编码)$/.test(k) ||
    /^(偏差|改进措施|整改情况|存在的问题|主要问题)/.test(k) ||
    /^(年度)?(绩效)?目标\d+[:：]/.test(k)
  );
}

export function isTotalLabel(text: string): boolean {
  return /^(总分|总计|合计|自评总分|得分合计|总得分|综合得分|评价总分)$/.test(normLabel(text));
}

export function isGradeLabel(text: string): boolean {
  return /^(综合评定等级|评价等级|自评等级|综合评价等级|等级|评定等级|自评结果)$/.test(normLabel(text));
}

export function isSharedReasonLabel(text: string): boolean {
  const k = normLabel(text);
  return (
    /^(偏差及原因分析|偏差大或目标未完成原因分析|偏差原因分析|偏差原因|未完成原因分析|项目执行中存在的问题|存在的问题|主要问题及原因分析|问题及原因分析)$/.test(
      k.replace(/^[(（][一二三四五六七八九十\d]+[)）]/, ""),
    ) || /^偏差.*原因/.test(k)
  );
}

export function isImprovementLabel(text: string): boolean {
  const k = normLabel(text).replace(/^[(（][一二三四五六七八九十\d]+[)）]/, "");
  return /^(改进措施|改进措施及结果应用方案|整改情况|改进的方向和具体措施|整改措施|改进方向和措施)$/.test(k);
}

/** Labels next to which the form's name is written. */
export const NAME_LABELS = ["项目名称"];
export const UNIT_LABELS = [
  "单位名称",
  "部门名称",
  "填报单位",
  "主管部门",
  "实施单位",
  "部门(单位)名称",
  "预算单位",
  "项目单位",
  "项目实施单位",
  "项目主管部门",
  "申报单位",
  "责任单位",
];

/** 二级 → 一级, for tables without a 一级 column (seed 003). */
export function level1For(level2: string): string {
  const k = normLabel(level2);
  if (/^(数量|质量|时效|进度)/.test(k)) return "产出指标";
  if (/^成本/.test(k)) return "产出指标";
  if (/(效益|可持续|效果)/.test(k)) return "效益指标";
  if (/满意/.test(k)) return "满意度指标";
  return "";
}
