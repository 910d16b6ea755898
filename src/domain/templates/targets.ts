// 项目绩效目标表 — before the year (seed 004, docs/rules.md#layout-variants): 项目编码, 项目名称, 预算数 in 元 with
// 其中：财政资金 / 其他资金, 资金用途, 资金支出计划 as cumulative % at 3月底/6月底/10月底/12月底, 绩效目标,
// and indicators 一级 | 二级 | 三级 | 绩效指标描述 | 指标值 | 指标值确定依据. Nothing is scored: the helper
// columns (helpers.ts) flag a target with no number ("%", "≥**人次"), a count with a % target, a rate with a
// count, a cost with "≥" or a % target above 100%. The plan check says whether the plan rises to 100%.
import { partsCheck } from "./formulas";
import { footerRows } from "./footer";
import type { TemplateDef } from "./types";

const PLAN = ["3月底", "6月底", "10月底", "12月底"];

export const TARGETS: TemplateDef = {
  id: "jx.targets",
  kind: "targets",
  version: 1,
  sheetName: "项目绩效目标表",
  landscape: false,
  widths: { A: 12, B: 14, C: 16, D: 24, E: 13, F: 9, G: 12 },
  sections: [
    {
      kind: "rows",
      rows: [
        { height: 30, cells: [{ col: "A", to: "G", text: "{project}绩效目标表", style: "title" }] },
        { height: 20, cells: [{ col: "A", to: "G", text: "（{year}年度）", style: "subtitle" }] },
        { height: 20, cells: [{ col: "F", to: "G", text: "单位：元", style: "captionRight" }] },
        {
          height: 28,
          cells: [
            { col: "A", text: "项目编码", style: "label" },
            { col: "B", to: "C", field: "code", style: "text" },
            { col: "D", text: "项目名称", style: "label" },
            { col: "E", to: "G", field: "name", style: "text" },
          ],
        },
        {
          height: 28,
          cells: [
            { col: "A", text: "主管部门", style: "label" },
            { col: "B", to: "C", field: "unit", style: "text" },
            { col: "D", text: "实施单位", style: "label" },
            { col: "E", to: "G", field: "implementer", style: "text" },
          ],
        },
        {
          height: 28,
          cells: [
            { col: "A", text: "项目属性", style: "label" },
            { col: "B", to: "C", field: "attribute", style: "text" },
            { col: "D", text: "项目期", style: "label" },
            { col: "E", to: "G", field: "period", style: "text" },
          ],
        },
        {
          height: 28,
          cells: [
            { col: "A", down: 2, text: "预算规模\n及资金用途", style: "label" },
            { col: "B", text: "预算数", style: "label" },
            { col: "C", field: "funds.budget", style: "amount" },
            { col: "D", text: "其中：财政资金", style: "label" },
            { col: "E", field: "funds.fin", from: ["预算规模", "财政资金"], style: "amount" },
            { col: "F", text: "其他资金", style: "label" },
            { col: "G", field: "funds.other", from: ["预算规模", "其他资金"], style: "amount" },
            {
              col: "@fundsCheck",
              field: "funds.check",
              formula: partsCheck([["{funds.budget}", "{funds.fin},{funds.other}"]]),
              style: "derivedText",
            },
          ],
        },
        { height: 56, cells: [{ col: "B", to: "G", field: "purpose", style: "textLeft" }] },
        {
          height: 22,
          cells: [
            { col: "A", down: 2, text: "资金支出\n计划（%）", style: "label" },
            ...PLAN.map((text, i) => ({ col: "BCDE"[i], text, style: "header" as const })),
            { col: "F", to: "G", text: "计划核对", style: "header" },
          ],
        },
        {
          height: 24,
          cells: [
            ...PLAN.map((_, i) => ({ col: "BCDE"[i], field: `plan.${i + 1}`, style: "percentInput" as const })),
            {
              col: "F",
              to: "G",
              field: "plan.check",
              formula:
                '=IF(COUNT({plan.1},{plan.2},{plan.3},{plan.4})=0,"",IF(AND({plan.1}<={plan.2},{plan.2}<={plan.3},{plan.3}<={plan.4},ABS({plan.4}-1)<0.00001),"合规","应逐期递增且12月底为100%"))',
              style: "derivedText",
            },
          ],
        },
        {
          height: 48,
          cells: [
            { col: "A", text: "中长期目标", style: "label" },
            { col: "B", to: "G", field: "longTermGoal", style: "textLeft" },
          ],
        },
        {
          height: 60,
          cells: [
            { col: "A", text: "绩效目标", style: "label" },
            { col: "B", to: "G", field: "goal.text", style: "textLeft" },
          ],
        },
      ],
    },
    {
      kind: "indicators",
      block: "ind",
      columns: [
        { key: "level1", col: "A", header: "一级指标", style: "text" },
        { key: "level2", col: "B", header: "二级指标", style: "text" },
        { key: "name", col: "C", header: "三级指标", style: "text" },
        { key: "description", col: "D", header: "绩效指标描述", style: "textCell" },
        { key: "target", col: "E", header: "指标值", style: "text" },
        { key: "basis", col: "F", to: "G", header: "指标值确定依据", style: "text" },
      ],
      rowsPer: 1,
      reason: { column: true },
      mode: "targets",
    },
    {
      kind: "rows",
      rows: [
        {
          height: 40,
          cells: [
            {
              col: "A",
              to: "G",
              text: "说明：指标值应写明比较符、数值和计量单位，如“≥95%”“≤20万元”“≥6次”；成本指标一般用“≤”；次数、人数类指标不用“%”，比率类指标用“%”。",
              style: "note",
            },
          ],
        },
        ...footerRows([
          [
            { key: "preparer", label: "A", field: "B", fieldTo: "C" },
            { key: "phone", label: "D", field: "E", fieldTo: "G" },
          ],
          [
            { key: "head", label: "A", field: "B", fieldTo: "C" },
            { key: "filedOn", label: "D", field: "E", fieldTo: "G" },
          ],
        ]),
      ],
    },
  ],
  flags: [
    { field: "funds.budget", when: '={funds.check}="不符"', meaning: "财政资金＋其他资金与预算数不一致" },
    { field: "plan.check", when: '={plan.check}="应逐期递增且12月底为100%"', meaning: "资金支出计划应逐期递增且12月底为100%" },
  ],
};
