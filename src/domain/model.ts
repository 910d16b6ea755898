// The typed model of a 绩效自评 form: what the reader produces, what the engine evaluates.
// Pure data, no behaviour. Cell addresses are A1 strings on the form's own sheet ("D14").

export type FormKind =
  | "project" // 项目支出绩效自评表 (财预〔2020〕10号 附件1)
  | "department" // 部门整体支出绩效自评表, scored (seed 001)
  | "department-goals" // 部门整体绩效自评表 by 年度目标, unscored (seed 000)
  | "multi-project" // one row per project (seed 002); each project is one Form
  | "report" // report tables (seed 003)
  | "targets"; // 绩效目标表, before the year (seed 004)

export const FORM_KINDS: readonly FormKind[] = [
  "project",
  "department",
  "department-goals",
  "multi-project",
  "report",
  "targets",
];

export type MoneyUnit = "万元" | "元";

/** A number read from a cell, with where it came from and what was written. */
export interface NumField {
  value: number | null; // null when blank or unreadable
  raw: string; // the text as shown ("97.42%", "1110.74万元", "")
  cell?: string;
}

export interface TextField {
  value: string;
  cell?: string;
}

export interface Indicator {
  /** Stable within the form: "i1", "i2", … in reading order. */
  id: string;
  level1: string; // 一级指标 as written ("产出指标（50分）" → "产出指标", weight in level1Weight)
  level2: string; // 二级指标
  name: string; // 三级指标 (or 指标名称)
  /** 年度指标值 / 指标值 / 年初目标值 / 目标值, as written ("≥95%"). */
  target: string;
  /** 调整指标值, when the form has one (it then replaces target for scoring). */
  adjustedTarget?: string;
  /** 实际完成值 / 完成值 / 业绩值 / 完成情况, as written. */
  actual: string;
  /** Separate 指标性质 column: a sign ("≥") or 定量/定性. */
  nature?: string;
  /** Separate 计量单位 / 度量单位 column. */
  unit?: string;
  weight: number | null; // 分值 / 权重
  enteredScore: number | null; // 得分 as typed
  reason: string; // 偏差原因分析及改进措施 ('' when none / no column)
  /** Target tables: 绩效指标描述 and 指标值确定依据. */
  description?: string;
  basis?: string;
  /** Index (1-based) of the 年度目标 block it belongs to, for department-goals. */
  goal?: number;
  /** Weight declared in the 一级 cell ("产出指标（50分）" → 50). */
  level1Weight?: number | null;
  /** Where each field sits. `row` is the 1-based sheet row. */
  cells: {
    row?: number;
    level1?: string;
    level2?: string;
    name?: string;
    target?: string;
    actual?: string;
    weight?: string;
    score?: string;
    reason?: string;
  };
}

/** A total and the parts that must add up to it (funding sources, 基本+项目, 人员+公用, 金额合计). */
export interface SumGroup {
  label: string; // e.g. "资金来源", "按支出性质分", "基本支出"
  total: NumField & { label: string };
  parts: (NumField & { label: string })[];
}

export interface Funds {
  moneyUnit: MoneyUnit;
  initialBudget: NumField | null; // 年初预算数
  budget: NumField; // 全年预算数 / 调整后预算数 / 预算数(A)
  spent: NumField; // 全年执行数 / 执行数(B)
  weight: NumField | null; // 分值 of the 执行率 row (10 by default on scored forms)
  enteredRate: NumField | null; // 执行率 as written
  enteredScore: NumField | null; // 得分 as written
  /** Parts that must add up (docs/rules.md#funds, seed 003 金额合计). */
  sums: SumGroup[];
  /** The form's own cell for explaining the execution (执行偏差原因), where its layout has one. */
  reason?: TextField | null;
  /** Which amounts were found under an explicit header of their own (全年预算数, 年初预算数), not inferred from
   *  position: only then may a message say the officer divided by the wrong one. */
  explicit?: { budget?: boolean; initialBudget?: boolean };
}

export interface Goal {
  index: number; // 1-based
  text: string; // 年度目标N text / 预期目标
  actualText?: string; // 实际完成情况
  cell?: string;
  /** The 实际完成情况 cell, where the form has one. */
  actualCell?: string;
}

/** 资金支出计划 (target tables): cumulative percentages by period. */
export interface SpendingPlanPoint {
  label: string; // "3月底"
  value: NumField; // fraction: 0.9 for "90.00%"
}

/**
 * The header and footer fields of a form, as written, each with its cell. A field is present when the form has
 * it (its label was found, or the template made it), and then keeps its cell even when blank, so that a
 * field-missing finding can point at the cell to type in. Absent: the layout has no such field.
 */
export interface FormFields {
  name?: TextField; // 项目名称 / 单位（部门）名称
  supervisor?: TextField; // 主管部门
  implementer?: TextField; // 实施单位
  year?: TextField; // 年度, as written (the title's "（2024年度）" or a 年度 cell)
  // Footer fields bureaus ask for: optional, never field-missing.
  preparer?: TextField; // 填报人 / 填表人
  phone?: TextField; // 联系电话
  head?: TextField; // 单位负责人
  filedOn?: TextField; // 填报日期 / 填报时间
  // Targets tables (绩效目标表).
  attribute?: TextField; // 项目属性 (新增 / 延续)
  period?: TextField; // 项目期
  longTermGoal?: TextField; // 中长期目标
}

export interface Form {
  kind: FormKind;
  sheet: string;
  /** 项目名称 or 单位名称. */
  name: string;
  /** Header and footer fields with their cells (see FormFields). */
  fields?: FormFields;
  /** Where the form came from when it was made from an approved targets table: that table's file, sheet and
   *  project, so a later check can compare targets without pairing. */
  source?: { file?: string; sheet?: string; code?: string; name?: string };
  unit?: string; // 主管部门 / 实施单位 / 填报单位
  year?: number;
  /** 项目编码 (target tables). */
  code?: string;
  /** 资金用途 (target tables). */
  purpose?: string;
  /** Where the form starts (its title or first label), for messages. */
  anchor?: string;
  funds: Funds | null;
  goals: Goal[];
  indicators: Indicator[];
  /** Scored forms: whether the indicator table has 分值/得分. */
  scored: boolean;
  enteredTotal: NumField | null; // 总分 as written
  /** The 分值 (weight) cell of the 总分 row, when the form has one: where a weight-sum problem is shown. */
  weightTotal?: NumField | null;
  enteredGrade: TextField | null; // 综合评定等级 / 评价等级 as written
  /** A shared 偏差 section (偏差及原因分析, 偏差大或目标未完成原因分析, 项目执行中存在的问题). */
  sharedReason: TextField | null;
  /** 改进措施 / 整改情况 when separate from the reason. */
  improvement: TextField | null;
  spendingPlan: SpendingPlanPoint[];
  /** Row of a multi-project sheet (1-based sheet row), when the form is one project of many. */
  projectRow?: number;
  /** Set when the form was inserted by the add-in: its template id and version. */
  template?: { id: string; version: number };
  /** Problems the reader met (a merged cell where a number should be, …): become findings. */
  readIssues: ReadIssue[];
}

export interface ReadIssue {
  cell?: string;
  message: string; // Chinese
  messageEn?: string;
}

// ---------- Parsed values ----------

export type Comparator = ">=" | "<=" | ">" | "<" | "=";

export type Tier = "达成" | "部分达成" | "未达成";

export type ParsedValue =
  | {
      kind: "number";
      /** The comparator; for actuals usually "=". */
      op: Comparator;
      /** True when the comparator was not written and was inferred (from the name or the default). */
      inferred: boolean;
      value: number; // percentages as percent numbers: "95%" → 95 with unit "%"
      unit: string; // normalised unit: "%", "次", "万元", … ('' when none)
      /** Money normalised to 万元 when unit is 元 or 万元. */
      wan?: number;
      raw: string;
    }
  | { kind: "tier"; tier: Tier; raw: string } // 达成/部分达成/未达成 and synonyms (是, 已完成, …)
  | { kind: "text"; text: string; raw: string } // qualitative target or actual (有积极影响, 全年, …)
  | { kind: "time"; text: string; raw: string } // 全年, 2021年第四季度前, 12月底前, a date
  | { kind: "na"; raw: string } // 不适用
  | { kind: "placeholder"; raw: string; unit?: string } // "%", "**", "XX", "≥**人次"
  | { kind: "empty"; raw: string };

export type Status = "met" | "missed" | "partial" | "exceeded" | "not-applicable" | "missing" | "unknown";

// ---------- Findings ----------

export type Severity = "error" | "warning" | "info";

export type FindingCode =
  | "deviation-reason-missing"
  | "over-target-unexplained"
  | "score-exceeds-weight"
  | "score-differs-from-rule"
  | "qualitative-score-out-of-band"
  | "weights-sum-mismatch"
  | "total-mismatch"
  | "grade-mismatch"
  | "execution-rate-mismatch"
  | "budget-zero"
  | "funds-sum-mismatch"
  | "target-invalid"
  | "actual-missing"
  | "actual-not-comparable"
  | "unit-mismatch"
  | "direction-suspicious"
  | "spending-plan-invalid"
  | "category-invalid"
  | "form-empty" // nothing filled yet: no indicator with a target (and, for self-evaluations, an actual)
  | "field-missing" // a required field is blank (名称, 主管部门/实施单位, 年度, 全年预算数, 全年执行数, a target or weight)
  | "score-missing" // an indicator with no score: the rules cannot score it and the officer entered none
  | "profile-modified" // the profile parameters stored in the workbook differ from the named profile
  | "target-changed" // a target differs from the approved 绩效目标表 (changed, dropped or added indicator)
  | "read-problem"; // a cell the reader could not use (merged where a number should be, …)

export interface Finding {
  code: FindingCode;
  severity: Severity;
  sheet?: string;
  cell?: string; // A1, on `sheet`
  indicator?: string | null; // 三级 name when it concerns one
  indicatorId?: string;
  message: string; // Chinese, says what to do
  messageEn?: string;
}

// ---------- Evaluation (engine output) ----------

export interface IndicatorResult {
  id: string;
  indicator: Indicator;
  target: ParsedValue;
  actual: ParsedValue;
  status: Status;
  /** The indicator's score (2 decimals): the rule's for a quantitative row; for a qualitative row the officer's
   *  score (brought into its band when outside it); where the rules cannot score, the officer's. Null while
   *  there is none: the indicator is unscored (score-missing) and the total provisional. */
  score: number | null;
  /** Qualitative: the band [lo, hi] a score must fall in. */
  band?: [number, number];
  /** Qualitative: the score suggested to the officer (the top of the band); shown, never counted. */
  suggested?: number;
  /** Qualitative: the tier the actual states (达成 also for a text equal to the target). */
  tier?: Tier;
  /** The weight actually used after 不适用 rescaling. */
  effectiveWeight: number | null;
  /** True while a 偏差原因 is required and none is written. */
  needsReason: boolean;
  reasonRequired: boolean;
}

export interface FundsResult {
  budget: number | null; // 万元 (or the form's unit)
  spent: number | null;
  rate: number | null; // fraction
  weight: number | null;
  score: number | null; // rule's score
  enteredRate: number | null; // fraction
  enteredScore: number | null;
}

export type Grade = "优" | "良" | "中" | "差";

/**
 * The total of a scored form. Until the form is complete (every indicator scored, every required field filled),
 * `computed` is provisional — the sum of the scores there are — and `grade` is null.
 */
export interface TotalResult {
  entered: number | null;
  /** 执行率得分 + Σ indicator scores, scaled by 100 / (100 − weights of 不适用 rows); null while nothing is scored. */
  computed: number | null;
  /** The grade of `computed`, only when the form is complete. */
  grade: Grade | null;
  enteredGrade: string | null;
  /** Every indicator row has its name, target, actual, weight and a score, and every required field is filled. */
  complete: boolean;
  /** Indicators that still have no score, and their weight in points. */
  unscored: number;
  unscoredWeight: number;
  /** Weights entered so far (indicators, 不适用 rows included, and 执行率), to say how far the form is
   *  ("分值合计 30/100"). */
  weightEntered: number;
}

export interface Evaluation {
  form: Form;
  profile: string;
  funds: FundsResult | null;
  indicators: IndicatorResult[];
  total: TotalResult | null;
  findings: Finding[];
  /** The form is complete (docs/rules.md#ready-to-send, by kind) … */
  complete: boolean;
  /** … and has no error-level finding: the only state in which it is "ready to send". */
  ready: boolean;
}
