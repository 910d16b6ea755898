// 整体支出预算绩效自评报告 — its tables (seed 003, docs/rules.md#layout-variants): 资金使用情况 by 职能 with a 金额合计 row and
// the 预算执行率, then three indicator tables (履职完成情况 / 履职效果情况 / 社会满意度情况) with
// 二级 | 三级 | 权重 | 目标值 | 业绩值 | 得分, the weight total, 总得分 and 评价等级, and the problems and
// measures. No separate funds score: seed 003 scores 预算执行率 as an indicator. Target reading: helpers.ts.
import { gradeFormula, incompleteFormula, missingAmount, naWeightFormula, rateFormula, rateUnexplained, totalFormula } from "./formulas";
import { fold } from "./helpers";
import { footerRows } from "./footer";
import type { IndColumn, IndicatorSection, Level1Filter, RowsSection, TemplateDef } from "./types";

const COLS: IndColumn[] = [
  { key: "level2", col: "A", header: "二级指标", style: "text" },
  { key: "name", col: "B", to: "C", header: "三级指标", style: "text" },
  { key: "weight", col: "D", header: "权重", style: "weight" },
  { key: "target", col: "E", header: "目标值", style: "text" },
  { key: "actual", col: "F", header: "业绩值", style: "text" },
  { key: "score", col: "G", header: "得分", style: "score" },
];

function table(n: number, caption: string, level1: Level1Filter[]): [RowsSection, IndicatorSection] {
  return [
    { kind: "rows", rows: [{ height: 24, cells: [{ col: "A", to: "G", text: caption, style: "caption" }] }] },
    {
      kind: "indicators",
      block: `ind${n}`,
      columns: COLS,
      level1,
      shortLevel2: true,
      reason: { shared: "sharedReason" },
      mode: "scored",
    },
  ];
}

const FUNDS_COLS = [
  { key: "name", col: "A", from: ["预算数(万元)|预算数", "#label"] as [string, string], style: "text" as const },
  { key: "task", col: "B", style: "textLeft" as const },
  { key: "done", col: "C", style: "text" as const },
  { key: "budget", col: "D", from: ["预算数(万元)", "#part"] as [string, string], style: "amount" as const },
  { key: "budgetFin", col: "E", from: ["预算数 其中", "#part"] as [string, string], style: "amount" as const },
  { key: "spent", col: "F", from: ["执行数(万元)", "#part"] as [string, string], style: "amount" as const },
  { key: "spentFin", col: "G", from: ["执行数 其中", "#part"] as [string, string], style: "amount" as const },
];

const sumOf = (k: string) => `=IF(COUNT({fn.${k}})=0,"",SUM({fn.${k}}))`;

export const REPORT: TemplateDef = {
  id: "jx.report",
  kind: "report",
  version: 1,
  sheetName: "整体支出绩效自评表",
  landscape: false,
  widths: { A: 14, B: 26, C: 10, D: 11, E: 11, F: 11, G: 11 },
  sections: [
    {
      kind: "rows",
      rows: [
        { height: 44, cells: [{ col: "A", to: "G", text: "{year}年度{unit}整体支出预算绩效自评表", style: "title" }] },
        {
          height: 24,
          cells: [
            { col: "A", to: "E", text: "一、资金使用情况", style: "caption" },
            { col: "F", to: "G", text: "单位：万元", style: "captionRight" },
          ],
        },
      ],
    },
    {
      kind: "list",
      key: "fn",
      count: 5,
      fillFrom: "parts",
      height: 36,
      header: [
        {
          height: 30,
          cells: ["职能名称", "政策或重点任务", "完成情况", "预算数(万元)", "其中：财政拨款", "执行数(万元)", "其中：财政拨款"].map(
            (text, i) => ({ col: "ABCDEFG"[i], text, style: "header" as const }),
          ),
        },
      ],
      columns: FUNDS_COLS,
      total: {
        height: 24,
        cells: [
          { col: "A", to: "C", text: "金额合计", style: "label" },
          { col: "D", field: "funds.budget", formula: sumOf("budget"), style: "derivedAmount" },
          { col: "E", field: "funds.budgetFin", formula: sumOf("budgetFin"), style: "derivedAmount" },
          { col: "F", field: "funds.spent", formula: sumOf("spent"), style: "derivedAmount" },
          { col: "G", field: "funds.spentFin", formula: sumOf("spentFin"), style: "derivedAmount" },
        ],
      },
    },
    {
      kind: "rows",
      rows: [
        {
          height: 24,
          cells: [
            { col: "A", to: "C", text: "预算执行率（执行数÷预算数）", style: "label" },
            {
              col: "D",
              to: "G",
              field: "funds.rate",
              formula: rateFormula("{funds.budget}", "{funds.spent}", "COUNT({funds.budget})", "COUNT({funds.spent})"),
              style: "derivedPercent",
            },
          ],
        },
        { height: 28, cells: [{ col: "A", to: "G", text: "二、绩效指标完成情况", style: "caption" }] },
      ],
    },
    ...table(1, "（一）履职完成情况（产出指标）", ["产出", "成本"]),
    ...table(2, "（二）履职效果情况（效益指标）", ["效益"]),
    ...table(3, "（三）社会满意度情况（满意度指标）", ["满意度"]),
    {
      kind: "rows",
      rows: [
        {
          height: 24,
          cells: [
            { col: "A", to: "C", text: "权重合计", style: "label" },
            { col: "D", field: "weightTotal", formula: "=SUM({*ind.weight})", style: "derivedScore" },
            { col: "E", to: "F", text: "总得分", style: "label" },
            { col: "G", field: "total", formula: totalFormula("{*ind.score}"), style: "derivedScore" },
            { col: "@naWeight", field: "naWeight", formula: naWeightFormula(["ind1", "ind2", "ind3"]), style: "derivedScore" },
            {
              col: "@incomplete",
              field: "incomplete",
              formula: incompleteFormula([], ["ind1", "ind2", "ind3"], [missingAmount("COUNT({fn.budget})", "{funds.spent}"), missingAmount("COUNT({fn.spent})")]),
              style: "derivedScore",
            },
          ],
        },
        {
          height: 24,
          cells: [
            { col: "A", to: "C", text: "评价等级", style: "label" },
            { col: "D", to: "G", field: "grade", formula: gradeFormula("{total}", "{*ind.weight}"), style: "derivedText" },
          ],
        },
        {
          height: 70,
          cells: [
            { col: "A", text: "主要问题及\n原因分析", style: "label" },
            { col: "B", to: "G", field: "sharedReason", style: "textLeft" },
            { col: "@sharedReasonText", field: "sharedReasonText", formula: `=${fold("{sharedReason}")}`, style: "derivedText" },
          ],
        },
        {
          height: 70,
          cells: [
            { col: "A", text: "改进的方向和\n具体措施", style: "label" },
            { col: "B", to: "G", field: "improvement", style: "textLeft" },
          ],
        },
        ...footerRows([
          [
            { key: "preparer", label: "A", field: "B" },
            { key: "phone", label: "C", labelTo: "D", field: "E", fieldTo: "G" },
          ],
          [
            { key: "head", label: "A", field: "B" },
            { key: "filedOn", label: "C", labelTo: "D", field: "E", fieldTo: "G" },
          ],
        ]),
      ],
    },
  ],
  flags: [
    { field: "weightTotal", when: "=AND(COUNT({*ind.weight})>0,ABS({weightTotal}-100)>0.005)", meaning: "权重合计不等于100" },
    {
      field: "funds.rate",
      when: rateUnexplained("{funds.rate}", ["{sharedReason}", "{improvement}"], ["ind1", "ind2", "ind3"]),
      viaHelper: true,
      also: ["sharedReason"],
      meaning: "预算执行率低于规定比例，请在主要问题及原因分析中说明资金执行情况",
      style: "warning",
    },
  ],
};
