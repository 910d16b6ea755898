// One realistically filled sample per kind of our forms, with the problems a reviewer must find planted in each,
// and nothing else wrong. Why each planted problem is one (docs/rules.md) is said beside it; everything else in a
// sample meets its rule on purpose (weights add up, sums agree, reasons are written where needed).
import type { Row, Sample } from "./filled";

// ---- 项目支出绩效自评表 -------------------------------------------------------------------------------------------
// Weights: 执行率 10 (the template's default) + 20 + 10·7 = 100. 执行率 114 ÷ 120 = 95%.
const flyers: Row = { level2: "数量指标", name: "发放宣传资料份数", target: "≥5000份", actual: "4000份", weight: 10 }; // missed, no reason
export const PROJECT: Sample = {
  kind: "project",
  fields: {
    name: "乡村振兴技能培训",
    unit: "某县农业农村局",
    implementer: "某县农业技术推广中心",
    "funds.initialBudget": 100,
    "funds.budget": 120,
    "funds.spent": 114,
    "goal.text": "全年开展农村实用技术培训1000人次以上，参训合格率不低于95%。",
    "goal.actual": "全年培训1200人次，合格率98%，参训人员满意度96%。",
    "?preparer": "李明",
    "?phone": "0731-12345678",
  },
  rows: {
    ind: [
      { level2: "数量指标", name: "培训人次", target: "≥1000人次", actual: "1200人次", weight: 20 },
      flyers,
      { level2: "质量指标", name: "培训合格率", target: "≥95%", actual: "98%", weight: 10 },
      { level2: "时效指标", name: "培训完成时间", target: "2025年10月底前", actual: "2025年9月20日", weight: 10 },
      { level2: "成本指标", name: "人均培训成本", target: "≤500元", actual: "480元", weight: 10 },
      // qualitative, 部分达成 with a description: her 7 is inside [6, 8) and her reason is written
      { level2: "社会效益指标", name: "带动农民增收", target: "有积极影响", actual: "部分达成：带动效果尚待显现", weight: 10, score: 7, reason: "培训后跟踪时间短，明年开展效果评估" },
      // qualitative 达成: her 9 is inside [8, 10]
      { level2: "可持续影响指标", name: "长效培训机制", target: "建立长效机制", actual: "达成", weight: 10, score: 9 },
      { level2: "服务对象满意度指标", name: "参训人员满意度", target: "≥90%", actual: "96%", weight: 10 },
    ],
  },
  expect: [[{ code: "deviation-reason-missing", at: { block: "ind", row: flyers, column: "reason" } }]],
};

// ---- 部门整体支出绩效自评表 -----------------------------------------------------------------------------------------
// 一级 weights as the template writes them (产出 50, 效益 30, 满意度 10) + 执行率 10. Funds: 950 + 50 = 1000 (income),
// 700 + 260 = 960 (spending), 500 + 200 = 700 (basic); 执行率 96%.
const satisfaction: Row = { level2: "服务对象满意度指标", name: "群众满意度", target: "≥90%", actual: "85%", weight: 10 }; // missed
export const DEPARTMENT: Sample = {
  kind: "department",
  fields: {
    unit: "某区财政局",
    "funds.initialBudget": 900,
    "funds.budget": 1000,
    "funds.spent": 960,
    "funds.in.general": 950,
    "funds.in.other": 50,
    "funds.out.basic": 700,
    "funds.out.personnel": 500,
    "funds.out.public": 200,
    "funds.out.project": 260,
    "goal.text": "做好预算编制和执行管理，按时公开预决算。",
    "goal.actual": "预算按时编制和公开，执行进度符合要求。",
    // the shared 偏差 cell says something, but not about the missed indicator: it must name it
    sharedReason: "部分会议因工作调整合并召开。",
    improvement: "加强会议统筹。",
  },
  rows: {
    ind: [
      { level2: "数量指标", name: "召开工作会议次数", target: "≥6次", actual: "6次", weight: 20 },
      { level2: "质量指标", name: "会议材料合格率", target: "≥95%", actual: "100%", weight: 15 },
      { level2: "时效指标", name: "预算公开及时率", target: "100%", actual: "100%", weight: 15 },
      // qualitative 达成 scored 28 of 30: inside [24, 30]
      { level2: "社会效益指标", name: "依法理财水平", target: "有效提升", actual: "达成", weight: 30, score: 28 },
      satisfaction,
    ],
  },
  expect: [[{ code: "deviation-reason-missing", at: { field: "sharedReason" } }]],
};

// ---- 部门整体绩效自评表（按年度目标） ------------------------------------------------------------------------------
// Unscored. 8 meetings against ≥6 is 133%: at or above the 130% trigger, it must be explained (in the shared cell,
// which names nothing here).
export const DEPARTMENT_GOALS: Sample = {
  kind: "department-goals",
  fields: {
    unit: "某区人大常委会办公室",
    "funds.budget": 500,
    "funds.spent": 480,
    "funds.basic": 300,
    "funds.project": 180,
    "goals.1.text": "依法召开常委会会议，审议各项报告。",
    "goals.2.text": "办好代表建议。",
  },
  rows: {
    ind1: [{ level1: "产出指标", level2: "数量指标", name: "召开常委会会议次数", target: "≥6次", actual: "8次" }],
    ind2: [{ level1: "效益指标", level2: "社会效益指标", name: "代表建议办复率", target: "100%", actual: "100%" }],
  },
  expect: [[{ code: "over-target-unexplained", at: { field: "sharedReason" } }]],
};

// ---- 部门预算项目绩效自评表（多项目汇总） ---------------------------------------------------------------------------
// Two projects. The first spent half its budget (50%, under the 90% threshold) and its 存在的问题 cell is blank; the
// second is in order.
export const MULTI_PROJECT: Sample = {
  kind: "multi-project",
  fields: { unit: "某区人大常委会办公室" },
  rows: {},
  lists: {
    proj: [
      {
        no: 1,
        dept: "区人大办",
        name: "代表履职活动经费",
        budget: 50,
        spent: 25,
        "goals.1.text": "组织代表视察调研。",
        "goals.1.actual": "完成视察调研22次。",
        "l2.quantity.target": "≥20次",
        "l2.quantity.actual": "22次",
        "l2.quality.target": "100%",
        "l2.quality.actual": "100%",
      },
      {
        no: 2,
        dept: "区人大办",
        name: "会议保障经费",
        budget: 30,
        spent: 29,
        "goals.1.text": "保障人代会和常委会会议。",
        "goals.1.actual": "保障会议12次。",
        "l2.quantity.target": "≥10次",
        "l2.quantity.actual": "12次",
      },
    ],
  },
  expect: [[{ code: "deviation-reason-missing", at: { block: "proj", row: 0, column: "sharedReason" } }], []],
};

// ---- 整体支出绩效自评报告表 --------------------------------------------------------------------------------------------
// Weights 30 + 30 + 30 + 10 = 100 (no 执行率 weight in these tables). 执行率 98%. One score typed above its weight.
const coverage: Row = { level2: "社会效益", name: "法治宣传覆盖率", target: "≥90%", actual: "95%", weight: 30, score: 35 };
export const REPORT: Sample = {
  kind: "report",
  fields: {},
  rows: {
    ind1: [
      { level2: "数量", name: "开展调研次数", target: "≥6次", actual: "7次", weight: 30 },
      { level2: "质量", name: "建议办结率", target: "100%", actual: "100%", weight: 30 },
    ],
    ind2: [coverage],
    ind3: [{ level2: "满意度", name: "代表满意度", target: "≥90%", actual: "92%", weight: 10 }],
  },
  lists: { fn: [{ name: "履职保障", task: "保障常委会履职", done: "按计划完成", budget: 100, budgetFin: 100, spent: 98, spentFin: 98 }] },
  expect: [[{ code: "score-exceeds-weight", at: { block: "ind2", row: coverage, column: "score" } }]],
};

// ---- 项目绩效目标表 --------------------------------------------------------------------------------------------------------
// Before the year: two badly formed targets, as in seed 004 — a count with a % target, and "%" with no number.
const count: Row = { level2: "数量指标", name: "开展社会服务活动次数", description: "开展社会服务活动次数", target: "≥90%", basis: "年度工作计划" };
const noNumber: Row = { level2: "时效指标", name: "专项调研完成率", description: "专项调研完成情况", target: "%", basis: "年度工作计划" };
export const TARGETS: Sample = {
  kind: "targets",
  fields: {
    code: "13030321B95PH8DGE1F7C",
    name: "人大代表活动费",
    "?unit": "某区人大常委会",
    "?implementer": "某区人大常委会办公室",
    "?attribute": "延续",
    "?period": "一年",
    "?longTermGoal": "发挥代表作用，推动依法治区。",
    "funds.budget": 100000,
    "funds.fin": 100000,
    "funds.other": 0,
    purpose: "组织人大代表开展调查研究和视察活动。",
    "plan.1": 0.5,
    "plan.2": 0.8,
    "plan.3": 1,
    "plan.4": 1,
    "goal.text": "发挥常委及代表的桥梁纽带作用。",
  },
  rows: {
    ind: [
      count,
      { level2: "质量指标", name: "社情民意反映率", description: "社情民意反映情况", target: "≥90%", basis: "年度工作计划" },
      noNumber,
      { level2: "成本指标", name: "人均培训成本", description: "参加培训人均成本", target: "≤3000元", basis: "往年标准" },
    ],
  },
  expect: [
    [
      { code: "direction-suspicious", at: { block: "ind", row: count, column: "target" } },
      { code: "target-invalid", at: { block: "ind", row: noNumber, column: "target" } },
    ],
  ],
};

export const SAMPLES: Sample[] = [PROJECT, DEPARTMENT, DEPARTMENT_GOALS, MULTI_PROJECT, REPORT, TARGETS];
