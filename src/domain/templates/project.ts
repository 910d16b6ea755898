// 项目支出绩效自评表 — the national form of 财预〔2020〕10号 附件1 (docs/rules.md#the-forms), one project per sheet.
// The 年度指标值 and 实际完成值 cells stay exactly as the officer writes them ("≥95%", "6篇以上"); hidden helper columns
// read them with plain functions and score each row (helpers.ts; docs/helper-columns.md). 得分 shows the rule's
// score until she types her own; 总分 adds the 得分 cells as shown; 等级 says how far the form is until it is complete.
import { fundsScoreFormula, gradeFormula, incompleteFormula, legendFormula, missingAmount, naWeightFormula, partsCheck, rateFormula, rateUnexplained, totalFormula } from "./formulas";
import { footerRows } from "./footer";
import type { CellDef, IndColumn, TemplateDef } from "./types";
import { FUNDS_WEIGHT } from "./categories";

const COLS: IndColumn[] = [
  { key: "level1", col: "B", header: "一级指标", style: "text" },
  { key: "level2", col: "C", header: "二级指标", style: "text" },
  { key: "name", col: "D", header: "三级指标", style: "text" },
  { key: "target", col: "E", header: "年度指标值", style: "text" },
  { key: "actual", col: "F", header: "实际完成值", style: "text" },
  { key: "weight", col: "G", header: "分值", style: "weight" },
  { key: "score", col: "H", header: "得分", style: "score" },
  { key: "reason", col: "I", to: "J", header: "偏差原因分析及改进措施", style: "textCell" },
];

const SOURCES: [key: string, label: string, hint: string][] = [
  ["current", "其中：当年财政拨款", "当年财政拨款|本年财政拨款"],
  ["carried", "上年结转资金", "上年结转"],
  ["other", "其他资金", "其他资金"],
];

const AMOUNTS: [col: string, key: string, group: string][] = [
  ["D", "initial", "年初预算"],
  ["E", "budget", "全年预算"],
  ["F", "spent", "全年执行"],
];

const budget = "IF(ISNUMBER(E6),E6,SUM(E7:E9))";
const spent = "IF(ISNUMBER(F6),F6,SUM(F7:F9))";

function sourceRow(key: string, label: string, hint: string): CellDef[] {
  return [
    { col: "B", to: "C", text: label, style: "labelLeft" },
    ...AMOUNTS.map(([col, a, group]): CellDef => ({ col, field: `funds.src.${key}.${a}`, from: [group, hint], style: "amount" })),
    { col: "G", to: "I", text: "—", style: "label" },
    { col: "J", style: "label" },
  ];
}

export const PROJECT: TemplateDef = {
  id: "jx.project",
  kind: "project",
  version: 1,
  sheetName: "项目支出绩效自评表",
  landscape: true,
  widths: { A: 7, B: 12, C: 13, D: 24, E: 13, F: 13, G: 8, H: 9, I: 18, J: 12, K: 9 },
  printTo: "J",
  sections: [
    {
      kind: "rows",
      rows: [
        { height: 30, cells: [{ col: "A", to: "J", text: "项目支出绩效自评表", style: "title" }] },
        { height: 20, cells: [{ col: "A", to: "J", text: "（{year}年度）", style: "subtitle" }] },
        {
          height: 24,
          cells: [
            { col: "A", to: "B", text: "项目名称", style: "label" },
            { col: "C", to: "J", field: "name", style: "textCell" },
          ],
        },
        {
          height: 24,
          cells: [
            { col: "A", to: "B", text: "主管部门", style: "label" },
            { col: "C", to: "E", field: "unit", style: "textCell" },
            { col: "F", to: "G", text: "实施单位", style: "label" },
            { col: "H", to: "J", field: "implementer", style: "textCell" },
          ],
        },
        {
          height: 30,
          cells: [
            { col: "A", down: 5, text: "项目资金（万元）", style: "label" },
            { col: "B", to: "C", style: "header" },
            { col: "D", text: "年初预算数", style: "header" },
            { col: "E", text: "全年预算数", style: "header" },
            { col: "F", text: "全年执行数", style: "header" },
            { col: "G", text: "分值", style: "header" },
            { col: "H", text: "执行率", style: "header" },
            { col: "I", text: "得分", style: "header" },
            { col: "J", style: "header" },
            { col: "K", text: "来源核对", style: "header" },
          ],
        },
        {
          cells: [
            { col: "B", to: "C", text: "年度资金总额", style: "labelLeft" },
            { col: "D", field: "funds.initialBudget", style: "amount" },
            { col: "E", field: "funds.budget", style: "amount" },
            { col: "F", field: "funds.spent", style: "amount" },
            { col: "G", field: "funds.weight", value: FUNDS_WEIGHT, style: "weight" },
            { col: "H", field: "funds.rate", formula: rateFormula(budget, spent, "COUNT(E6:E9)", "COUNT(F6:F9)"), style: "derivedPercent" },
            { col: "I", field: "funds.score", formula: fundsScoreFormula("H6", "G6"), style: "derivedScore" },
            { col: "J", style: "label" },
            {
              col: "K",
              field: "funds.check",
              formula: partsCheck([["D6", "D7:D9"], ["E6", "E7:E9"], ["F6", "F7:F9"]]),
              style: "derivedText",
            },
          ],
        },
        ...SOURCES.map(([k, l, h]) => ({ cells: sourceRow(k, l, h) })),
        {
          height: 22,
          cells: [
            { col: "A", down: 2, text: "年度总体目标", style: "label" },
            { col: "B", to: "F", text: "预期目标", style: "header" },
            { col: "G", to: "J", text: "实际完成情况", style: "header" },
          ],
        },
        {
          height: 72,
          cells: [
            { col: "B", to: "F", field: "goal.text", style: "textLeft" },
            { col: "G", to: "J", field: "goal.actual", style: "textLeft" },
          ],
        },
      ],
    },
    {
      kind: "indicators",
      block: "ind",
      side: { col: "A", text: "绩效指标" },
      columns: COLS,
      reason: { column: true },
      mode: "scored",
    },
    {
      kind: "rows",
      rows: [
        {
          height: 22,
          cells: [
            { col: "A", to: "F", text: "总分", style: "label" },
            { col: "G", field: "weightTotal", formula: "=SUM({funds.weight},{ind.weight})", style: "derivedScore" },
            { col: "H", field: "total", formula: totalFormula("{funds.score},{ind.score}"), style: "derivedScore" },
            { col: "@naWeight", field: "naWeight", formula: naWeightFormula(["ind"]), style: "derivedScore" },
            {
              col: "@incomplete",
              field: "incomplete",
              formula: incompleteFormula(
                ["{name}", "{unit}", "{implementer}"],
                ["ind"],
                [missingAmount("COUNT({funds.budget},{funds.src.current.budget},{funds.src.carried.budget},{funds.src.other.budget})", "{funds.spent}"),
                 missingAmount("COUNT({funds.spent},{funds.src.current.spent},{funds.src.carried.spent},{funds.src.other.spent})")],
              ),
              style: "derivedScore",
            },
            { col: "I", to: "J", style: "label" },
          ],
        },
        {
          height: 22,
          cells: [
            { col: "A", to: "F", field: "gradeLegend", formula: legendFormula(), text: "{legend}", style: "label" },
            { col: "G", to: "J", field: "grade", formula: gradeFormula("{total}", "{funds.weight},{ind.weight}"), style: "derivedText" },
          ],
        },
        {
          height: 40,
          cells: [
            {
              col: "A",
              to: "J",
              text:
                "说明：执行率＝全年执行数÷全年预算数，得分＝执行率×分值（最高为分值）。定量指标得分按规则自动计算；定性指标请按达成（80%–100%）、部分达成（60%–80%）、未达成（0–60%）填写得分。未达成或远超目标的指标须填写偏差原因。",
              style: "note",
            },
          ],
        },
        ...footerRows([
          [
            { key: "preparer", label: "A", labelTo: "B", field: "C", fieldTo: "E" },
            { key: "phone", label: "F", labelTo: "G", field: "H", fieldTo: "J" },
          ],
          [
            { key: "head", label: "A", labelTo: "B", field: "C", fieldTo: "E" },
            { key: "filedOn", label: "F", labelTo: "G", field: "H", fieldTo: "J" },
          ],
        ]),
      ],
    },
  ],
  flags: [
    { field: "funds.check", when: '={funds.check}="不符"', meaning: "资金来源之和与年度资金总额不一致" },
    {
      field: "funds.rate",
      when: rateUnexplained("{funds.rate}", ["{goal.actual}", "{ind.reason}"], ["ind"]),
      viaHelper: true,
      also: ["goal.actual"],
      meaning: "执行率低于规定比例，请在“实际完成情况”或偏差原因中说明资金执行情况",
      style: "warning",
    },
    {
      field: "weightTotal",
      when: "=AND(COUNT({ind.weight})>0,ABS({weightTotal}-100)>0.005)",
      meaning: "分值合计不等于100",
    },
  ],
};
