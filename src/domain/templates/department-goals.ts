// 部门整体绩效自评表 by 年度目标, unscored (seed 000's family, docs/rules.md#form-department): 基本/项目支出总额, funds as
// 预算数(A) | 执行数(B) | 预算执行率(B/A); for each 年度目标N a text row and its own indicator block
// 一级 | 二级 | 三级 | 年初目标值 | 实际完成值; closing rows 偏差大或目标未完成原因分析 and 改进措施及结果应用方案.
// No scores: the helper columns (helpers.ts) only decide whether a row needs a reason, and a missed or
// far-exceeded indicator that the shared reason does not name is painted.
import { partsCheck, rateFormula, rateUnexplained } from "./formulas";
import { fold } from "./helpers";
import { footerRows } from "./footer";
import type { TemplateDef } from "./types";

const NOTES =
  "备注：1.预算执行情况口径：预算数为年初预算总额（包括上年结余结转），执行数为调整后单位实际支出数。" +
  "2.定性指标分档原则：分为达成预期指标、部分达成预期指标并具有一定效果、未达成预期指标且效果较差三档。选择部分达成或未达成的，必须说明原因和改进措施。" +
  "3.实际完成值远超目标值（达到130%及以上）的，也应分析原因。";

export const DEPARTMENT_GOALS: TemplateDef = {
  id: "jx.department-goals",
  kind: "department-goals",
  version: 1,
  sheetName: "部门整体绩效自评表",
  landscape: false,
  widths: { A: 14, B: 12, C: 13, D: 32, E: 12, F: 12 },
  sections: [
    {
      kind: "rows",
      rows: [
        { height: 30, cells: [{ col: "A", to: "F", text: "{year}年度部门整体绩效自评表", style: "title" }] },
        {
          height: 20,
          cells: [
            { col: "A", to: "D", text: "填报单位（盖章）", style: "caption" },
            { col: "E", text: "填报日期：", style: "captionRight" },
            { col: "F", field: "filedOn", style: "footerField" },
          ],
        },
        {
          height: 24,
          cells: [
            { col: "A", text: "单位名称", style: "label" },
            { col: "B", to: "F", field: "unit", style: "textCell" },
          ],
        },
        {
          height: 24,
          cells: [
            { col: "A", text: "基本支出总额", style: "label" },
            { col: "B", field: "funds.basic", from: ["部门整体支出", "基本支出"], style: "amount" },
            { col: "C", text: "项目支出总额", style: "label" },
            { col: "D", field: "funds.project", from: ["部门整体支出", "项目支出"], style: "amount" },
            { col: "E", text: "与执行数核对", style: "label" },
            { col: "F", field: "funds.check", formula: partsCheck([["{funds.spent}", "{funds.basic},{funds.project}"]]), style: "derivedText" },
          ],
        },
        {
          height: 24,
          cells: [
            { col: "A", to: "B", text: "预算执行情况（万元）", style: "header" },
            { col: "C", text: "预算数（A）", style: "header" },
            { col: "D", text: "执行数（B）", style: "header" },
            { col: "E", to: "F", text: "预算执行率（B/A）", style: "header" },
          ],
        },
        {
          height: 24,
          cells: [
            { col: "A", to: "B", text: "部门整体支出总额", style: "label" },
            { col: "C", field: "funds.budget", style: "amount" },
            { col: "D", field: "funds.spent", style: "amount" },
            {
              col: "E",
              to: "F",
              field: "funds.rate",
              formula: rateFormula("{funds.budget}", "{funds.spent}", "COUNT({funds.budget})", "COUNT({funds.spent})"),
              style: "derivedPercent",
            },
          ],
        },
      ],
    },
    {
      kind: "repeat",
      count: 3,
      sections: [
        {
          kind: "rows",
          rows: [
            {
              height: 30,
              cells: [
                { col: "A", text: "年度目标{n}", style: "label" },
                { col: "B", to: "F", field: "goals.{n}.text", style: "textLeft" },
              ],
            },
          ],
        },
        {
          kind: "indicators",
          block: "ind{n}",
          side: { col: "A", text: "年度绩效\n目标完成情况" },
          columns: [
            { key: "level1", col: "B", header: "一级指标", style: "text" },
            { key: "level2", col: "C", header: "二级指标", style: "text" },
            { key: "name", col: "D", header: "三级指标", style: "text" },
            { key: "target", col: "E", header: "年初目标值", style: "text" },
            { key: "actual", col: "F", header: "实际完成值", style: "text" },
          ],
          level2Codes: ["quantity", "quality", "time", "social"],
          rowsPer: 1,
          reason: { shared: "sharedReason" },
          mode: "status",
        },
      ],
    },
    {
      kind: "rows",
      rows: [
        {
          height: 60,
          cells: [
            { col: "A", text: "偏差大或\n目标未完成\n原因分析", style: "label" },
            { col: "B", to: "F", field: "sharedReason", style: "textLeft" },
            { col: "@sharedReasonText", field: "sharedReasonText", formula: `=${fold("{sharedReason}")}`, style: "derivedText" },
          ],
        },
        {
          height: 60,
          cells: [
            { col: "A", text: "改进措施及\n结果应用方案", style: "label" },
            { col: "B", to: "F", field: "improvement", style: "textLeft" },
          ],
        },
        { height: 66, cells: [{ col: "A", to: "F", text: NOTES, style: "note" }] },
        ...footerRows([
          [
            { key: "preparer", label: "A", field: "B", fieldTo: "C" },
            { key: "phone", label: "D", field: "E", fieldTo: "F" },
          ],
          [{ key: "head", label: "A", field: "B", fieldTo: "C" }],
        ]),
      ],
    },
  ],
  flags: [
    { field: "funds.check", when: '={funds.check}="不符"', meaning: "基本支出总额＋项目支出总额与执行数不一致" },
    {
      field: "funds.rate",
      when: rateUnexplained("{funds.rate}", ["{sharedReason}", "{improvement}"], []),
      viaHelper: true,
      also: ["sharedReason"],
      meaning: "预算执行率低于规定比例，请在原因分析中说明资金执行情况",
      style: "warning",
    },
    {
      field: "sharedReason",
      when: "=MAX({*ind.deviation})=2",
      meaning: "有未达成或远超目标的指标未在原因分析中说明",
      style: "warning",
    },
  ],
};
