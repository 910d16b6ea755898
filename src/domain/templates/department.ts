// 部门整体支出绩效自评表, scored (seed 001's family, docs/rules.md#form-department): funds block with 年初预算数/全年预算数/
// 全年执行数/执行率/分值/得分, breakdowns 按收入性质分 and 按支出性质分 with sums and checks, 年度总体目标,
// indicator table with the 一级 weight in the 一级 cell ("产出指标（50分）"), 综合评定等级 and 总分, and the
// 说明 row (one shared 偏差及原因分析 cell: a missed indicator must be named there). The 核对 columns (sums of the
// breakdowns) stand right of the printed form. Target reading: helpers.ts.
import {
  bandsNoteFormula,
  fundsScoreFormula,
  gradeFormula,
  incompleteFormula,
  missingAmount,
  naWeightFormula,
  partsCheck,
  rateFormula,
  rateUnexplained,
  totalFormula,
} from "./formulas";
import { fold } from "./helpers";
import { footerRows } from "./footer";
import type { CellDef, IndColumn, TemplateDef } from "./types";
import { FUNDS_WEIGHT } from "./categories";

const COLS: IndColumn[] = [
  { key: "level1", col: "B", header: "一级指标", style: "text" },
  { key: "level2", col: "C", header: "二级指标", style: "text" },
  { key: "name", col: "D", header: "三级指标", style: "text" },
  { key: "target", col: "E", header: "指标值", style: "text" },
  { key: "actual", col: "F", header: "完成值", style: "text" },
  { key: "weight", col: "G", header: "分值", style: "weight" },
  { key: "score", col: "H", header: "得分", style: "score" },
];

const INCOME: [key: string, label: string, hint: string][] = [
  ["general", "其中：一般公共预算", "一般公共预算"],
  ["fund", "政府性基金拨款", "政府性基金"],
  ["nontax", "纳入管理的非税收入拨款", "非税收入"],
  ["other", "其他资金", "其他资金"],
];
const EXPENSE: [key: string, label: string, group: string, hint: string][] = [
  ["basic", "基本支出", "按支出性质分", "基本支出"],
  ["personnel", "其中：人员经费", "基本支出", "人员经费"],
  ["public", "公用经费", "基本支出", "公用经费"],
  ["project", "项目支出", "按支出性质分", "项目支出"],
];
const CHECKS: [label: string, key: string, formula: string, check: string][] = [
  [
    "收入合计",
    "income",
    "=IF(COUNT({funds.in.general},{funds.in.fund},{funds.in.nontax},{funds.in.other})=0,\"\",SUM({funds.in.general},{funds.in.fund},{funds.in.nontax},{funds.in.other}))",
    partsCheck([["{funds.budget}", "{funds.in.general},{funds.in.fund},{funds.in.nontax},{funds.in.other}"]]),
  ],
  [
    "基本＋项目",
    "expense",
    "=IF(COUNT({funds.out.basic},{funds.out.project})=0,\"\",SUM({funds.out.basic},{funds.out.project}))",
    partsCheck([["{funds.spent}", "{funds.out.basic},{funds.out.project}"]]),
  ],
  [
    "人员＋公用",
    "basic",
    "=IF(COUNT({funds.out.personnel},{funds.out.public})=0,\"\",SUM({funds.out.personnel},{funds.out.public}))",
    partsCheck([["{funds.out.basic}", "{funds.out.personnel},{funds.out.public}"]]),
  ],
];

function breakdownRow(i: number): CellDef[] {
  const [ik, il, ih] = INCOME[i];
  const [ek, el, eg, eh] = EXPENSE[i];
  const cells: CellDef[] = [
    { col: "B", text: il, style: "labelLeft" },
    { col: "C", field: `funds.in.${ik}`, from: ["按收入性质分", ih], style: "amount" },
    { col: "D", text: el, style: "labelLeft" },
    { col: "E", field: `funds.out.${ek}`, from: [eg, eh], style: "amount" },
  ];
  const chk = CHECKS[i];
  const blank: CellDef = { col: "F", to: "H", style: "label" };
  if (!chk) return [...cells, blank];
  return [
    ...cells,
    blank,
    { col: "I", text: chk[0], style: "labelLeft" },
    { col: "J", field: `funds.sum.${chk[1]}`, formula: chk[2], style: "derivedAmount" },
    { col: "K", field: `funds.check.${chk[1]}`, formula: chk[3], style: "derivedText" },
  ];
}

const NOTE_REST =
  "。2.三级绩效指标按需自行增减行，各三级指标分值之和应等于一级指标所标分值。3.未达成或远超目标的指标，须在“偏差及原因分析”中写明指标名称和原因。";

const budget = "IF(ISNUMBER({funds.budget}),{funds.budget},SUM({funds.in.general},{funds.in.fund},{funds.in.nontax},{funds.in.other}))";
const spent = "IF(ISNUMBER({funds.spent}),{funds.spent},SUM({funds.out.basic},{funds.out.project}))";
const budgetCount = "COUNT({funds.budget},{funds.in.general},{funds.in.fund},{funds.in.nontax},{funds.in.other})";
const spentCount = "COUNT({funds.spent},{funds.out.basic},{funds.out.project})";

export const DEPARTMENT: TemplateDef = {
  id: "jx.department",
  kind: "department",
  version: 1,
  sheetName: "部门整体支出绩效自评表",
  landscape: false,
  widths: { A: 6, B: 20, C: 12, D: 22, E: 11, F: 11, G: 8, H: 8, I: 10, J: 10, K: 6 },
  printTo: "H",
  sections: [
    {
      kind: "rows",
      rows: [
        { height: 30, cells: [{ col: "A", to: "H", text: "部门整体支出绩效自评表", style: "title" }] },
        { height: 20, cells: [{ col: "A", to: "H", text: "（{year}年度）", style: "subtitle" }] },
        {
          height: 22,
          cells: [
            { col: "A", to: "B", text: "填报单位（盖章）：", style: "caption" },
            { col: "C", to: "E", field: "unit", style: "caption" },
            { col: "F", text: "填报时间：", style: "captionRight" },
            { col: "G", to: "H", field: "filedOn", style: "footerField" },
          ],
        },
        {
          height: 28,
          cells: [
            { col: "A", down: 7, text: "部门资金（万元）", style: "label" },
            { col: "B", style: "header" },
            { col: "C", text: "年初预算数", style: "header" },
            { col: "D", text: "全年预算数", style: "header" },
            { col: "E", text: "全年执行数", style: "header" },
            { col: "F", text: "执行率", style: "header" },
            { col: "G", text: "分值", style: "header" },
            { col: "H", text: "得分", style: "header" },
          ],
        },
        {
          cells: [
            { col: "B", text: "年度资金总额", style: "labelLeft" },
            { col: "C", field: "funds.initialBudget", style: "amount" },
            { col: "D", field: "funds.budget", style: "amount" },
            { col: "E", field: "funds.spent", style: "amount" },
            { col: "F", field: "funds.rate", formula: rateFormula(budget, spent, budgetCount, spentCount), style: "derivedPercent" },
            { col: "G", field: "funds.weight", value: FUNDS_WEIGHT, style: "weight" },
            { col: "H", field: "funds.score", formula: fundsScoreFormula("{funds.rate}", "{funds.weight}"), style: "derivedScore" },
          ],
        },
        {
          cells: [
            { col: "B", to: "C", text: "按收入性质分", style: "header" },
            { col: "D", to: "E", text: "按支出性质分", style: "header" },
            { col: "F", to: "H", style: "header" },
            { col: "I", text: "核对项", style: "header" },
            { col: "J", text: "合计", style: "header" },
            { col: "K", text: "核对", style: "header" },
          ],
        },
        ...[0, 1, 2, 3].map((i) => ({ cells: breakdownRow(i) })),
        {
          height: 22,
          cells: [
            { col: "A", down: 2, text: "年度总体目标", style: "label" },
            { col: "B", to: "E", text: "年初预期（设定）目标", style: "header" },
            { col: "F", to: "H", text: "全年实际完成情况", style: "header" },
          ],
        },
        {
          height: 110,
          cells: [
            { col: "B", to: "E", field: "goal.text", style: "textLeft" },
            { col: "F", to: "H", field: "goal.actual", style: "textLeft" },
          ],
        },
      ],
    },
    {
      kind: "indicators",
      block: "ind",
      side: { col: "A", text: "绩效指标" },
      columns: COLS,
      level1Weights: true,
      reason: { shared: "sharedReason" },
      mode: "scored",
    },
    {
      kind: "rows",
      rows: [
        {
          height: 24,
          cells: [
            { col: "A", to: "B", text: "综合评定等级", style: "label" },
            { col: "C", to: "D", field: "grade", formula: gradeFormula("{total}", "{funds.weight},{ind.weight}"), style: "derivedText" },
            { col: "E", to: "F", text: "总  分", style: "label" },
            { col: "G", field: "weightTotal", formula: "=SUM({funds.weight},{ind.weight})", style: "derivedScore" },
            { col: "H", field: "total", formula: totalFormula("{funds.score},{ind.score}"), style: "derivedScore" },
            { col: "@naWeight", field: "naWeight", formula: naWeightFormula(["ind"]), style: "derivedScore" },
            {
              col: "@incomplete",
              field: "incomplete",
              formula: incompleteFormula(["{unit}"], ["ind"], [missingAmount(budgetCount, "{funds.spent}"), missingAmount(spentCount)]),
              style: "derivedScore",
            },
          ],
        },
        {
          height: 22,
          cells: [
            { col: "A", down: 2, text: "说明", style: "label" },
            { col: "B", to: "E", text: "偏差及原因分析", style: "header" },
            { col: "F", to: "H", text: "改进措施", style: "header" },
          ],
        },
        {
          height: 60,
          cells: [
            { col: "B", to: "E", field: "sharedReason", style: "textLeft" },
            { col: "F", to: "H", field: "improvement", style: "textLeft" },
            { col: "@sharedReasonText", field: "sharedReasonText", formula: `=${fold("{sharedReason}")}`, style: "derivedText" },
          ],
        },
        {
          height: 44,
          cells: [
            {
              col: "A",
              to: "H",
              field: "bandsNote",
              formula: bandsNoteFormula("说明：1.评价等级分为", NOTE_REST),
              text: `说明：1.评价等级分为{bands}${NOTE_REST}`,
              style: "note",
            },
          ],
        },
        ...footerRows([
          [
            { key: "head", label: "A", labelTo: "B", field: "C", fieldTo: "D" },
            { key: "preparer", label: "E", labelTo: "F", field: "G", fieldTo: "H" },
          ],
          [{ key: "phone", label: "E", labelTo: "F", field: "G", fieldTo: "H" }],
        ]),
      ],
    },
  ],
  flags: [
    { field: "funds.check.income", when: '={funds.check.income}="不符"', meaning: "按收入性质分之和与全年预算数不一致" },
    { field: "funds.check.expense", when: '={funds.check.expense}="不符"', meaning: "基本支出＋项目支出与全年执行数不一致" },
    { field: "funds.check.basic", when: '={funds.check.basic}="不符"', meaning: "人员经费＋公用经费与基本支出不一致" },
    {
      field: "funds.rate",
      when: rateUnexplained("{funds.rate}", ["{sharedReason}", "{improvement}", "{goal.actual}"], ["ind"]),
      viaHelper: true,
      also: ["sharedReason"],
      meaning: "执行率低于规定比例，请在偏差及原因分析中说明资金执行情况",
      style: "warning",
    },
    { field: "weightTotal", when: "=AND(COUNT({ind.weight})>0,ABS({weightTotal}-100)>0.005)", meaning: "分值合计不等于100" },
  ],
};
