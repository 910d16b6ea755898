// The words the rules read, kept once. The engine (text.ts, value.ts, direction.ts, checks/) builds its matchers
// from these lists, and the templates write the same lists into the workbook (named ranges on the very hidden
// lists sheet) for their formulas, so that the sheet and the engine always give the same answer for a word.
//
// How a list is matched is part of its definition:
// - "exact": the whole text, folded (full-width → half-width), with spaces and a final 。/．/. removed;
// - "contains": anywhere in the text (folded, spaces removed);
// - "prefix" / "suffix": at the start / end of that text.

/** A reason cell that holds only one of these counts as empty (docs/rules.md#when-a-reason-is-required). Exact, case-insensitive. */
export const EMPTY_REASON_WORDS: readonly string[] = [
  "无", "暂无", "没有", "/", "／", "\\", "—", "——", "-", "--", "－", "不适用", "无偏差", "没有偏差", "n/a", "na",
];

/** 不适用: the indicator is left out and the rest rescaled (docs/rules.md#not-applicable). Exact. */
export const NOT_APPLICABLE_WORDS: readonly string[] = ["不适用", "不涉及", "无此项", "本项目不涉及"];

/** An actual that says nothing was reported (blank in all but form). Exact. */
export const EMPTY_ACTUAL_WORDS: readonly string[] = ["/", "／", "-", "－", "—", "——", "--", "无数据"];

/** Actuals that mean the target was achieved (达成). Exact. */
export const ACHIEVED_WORDS: readonly string[] = [
  "是", "已完成", "完成", "全部完成", "已全部完成", "圆满完成", "按时完成", "如期完成", "已落实", "已实现", "实现",
  "达成预期指标", "达成年度指标", "达标", "已达标", "合格", "100%完成", "完成100%", "已完成100%",
];

/** Actuals that mean the target was not achieved (未达成). Exact. */
export const NOT_ACHIEVED_WORDS: readonly string[] = ["否", "未完成", "没有完成", "不达标", "不合格", "未实现"];

/** Tiers written at the start of an actual, alone or before a description ("部分达成：制度已建立，经费未出台").
 *  Prefix; the first list that matches wins, in this order. */
export const TIER_PREFIXES: readonly (readonly [tier: "未达成" | "部分达成" | "达成", words: readonly string[]])[] = [
  ["未达成", ["未达成", "未达到", "未完成", "没有完成", "未实现"]],
  ["部分达成", ["部分达成", "部分达到", "部分完成", "基本达成", "基本完成", "部分实现", "基本实现"]],
  ["达成", ["达成", "已达成", "达到", "已达到"]],
];

export type ComparatorSign = ">=" | "<=" | ">" | "<" | "=";

/** Comparator words written before a number ("不低于95%"). Prefix of the number. */
export const COMPARATOR_PREFIX_WORDS: readonly (readonly [word: string, op: ComparatorSign])[] = [
  ["大于等于", ">="], ["大于或等于", ">="], ["不低于", ">="], ["不少于", ">="], ["不小于", ">="], ["至少", ">="],
  ["最少", ">="], ["达到", ">="], ["达", ">="], ["高于", ">"], ["多于", ">"], ["大于", ">"], ["超过", ">"], ["超", ">"],
  ["小于等于", "<="], ["小于或等于", "<="], ["不高于", "<="], ["不超过", "<="], ["不超出", "<="], ["不多于", "<="],
  ["不大于", "<="], ["控制在", "<="], ["最多", "<="], ["低于", "<"], ["少于", "<"], ["小于", "<"], ["等于", "="],
];

/** Comparator words written after a number and its unit ("6篇以上"). Suffix. */
export const COMPARATOR_SUFFIX_WORDS: readonly (readonly [word: string, op: ComparatorSign])[] = [
  ["以上", ">="], ["及以上", ">="], ["或以上", ">="], ["之上", ">="],
  ["以下", "<="], ["及以下", "<="], ["或以下", "<="], ["以内", "<="], ["之内", "<="],
];

/** Words a number may carry after it without changing it ("95%完成", "100左右"). Suffix. */
export const TRAILING_WORDS: readonly string[] = ["完成", "左右", "及时完成", "达标"];

/**
 * Names of results to keep low (a ≤ is inferred when no comparator is written, docs/rules.md#inferred-direction): costs and spending,
 * 结余率, 调整率, 差率, accidents, complaints … "contains" words anywhere in the name, "suffix" words at its end.
 */
export const LOW_NAME_WORDS = {
  contains: [
    "成本", "费用", "经费", "开支", "结余率", "结转率", "调整率", "差率", "差错率", "误差", "事故", "投诉", "变动率",
    "超支", "偏差", "失误", "违规", "违纪", "违法", "发生率", "上访", "损失", "能耗", "排放", "空置率", "闲置率",
    "返工", "缺陷", "逾期", "滞后", "控制率", "控制数", "下降", "压减", "减少",
  ],
  suffix: ["支出", "支出额", "支出数"],
} as const;

/** Rates where more is better, even under 成本指标 or with 费用 in the name. Contains. */
export const POSITIVE_RATE_WORDS: readonly string[] = [
  "执行率", "完成率", "及时率", "合格率", "到位率", "覆盖率", "满意度", "满意率", "达标率", "通过率", "节约率", "使用率",
  "利用率", "办结率", "知晓率", "参与率", "出勤率", "准确率", "正确率", "落实率", "完好率", "回复率", "办复率", "审查率",
  "实现率", "运行率", "参训率", "培训率", "支付率", "兑付率", "拨付率",
];

/** Words that show a text explains the budget's execution (docs/rules.md#ready-to-send: a low 执行率 is explained in a cell that
 *  speaks of 执行 / 支出 / 资金). Contains. */
export const EXECUTION_WORDS: readonly string[] = ["执行", "预算", "支出", "资金", "经费", "结余", "结转", "拨付", "付款", "支付"];

/** Characters ignored at the end of an exact word: a final full stop, in any width. */
export const FINAL_STOPS: readonly string[] = ["。", "．", "."];
