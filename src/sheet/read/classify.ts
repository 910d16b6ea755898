// Which kind of form a region holds, by evidence (docs/rules.md#the-forms): a form with actuals, scores or a 全年执行数 is a
// self-evaluation, whatever extra columns it has (指标解释, 评分标准, 评分细则 are notes, not the marks of a targets
// table); a targets table has no actuals and shows its own marks (指标值确定依据, 绩效指标描述, 资金支出计划) or says
// so in its title.

import type { Form, FormKind } from "../../domain/model";
import type { SheetView } from "./view";
import type { TableRead } from "./table";
import { MAX_LABEL, normLabel } from "./text";

export function classify(view: SheetView, region: { r0: number; r1: number }, form: Form, tables: TableRead[]): FormKind {
  let title = "";
  const rows = view.contentRows(region.r0, region.r1);
  for (const row of rows.slice(0, 9)) {
    for (const [, text] of view.rowCells(row, undefined, undefined, true)) {
      if (text.length > MAX_LABEL) continue;
      const label = normLabel(text);
      if (label.length <= 60) title += `${label}|`;
    }
  }
  const hasProjectName = form.fields?.name !== undefined && !!form.fields.name.cell && projectNameLabel(view, rows);
  const evaluates =
    tables.some((t) => t.header.cols.actual !== undefined || t.header.cols.score !== undefined) ||
    form.funds?.spent.cell !== undefined ||
    form.funds?.enteredRate != null;
  const targetMarks =
    form.spendingPlan.length > 0 || tables.some((t) => t.header.cols.basis !== undefined) || /目标(申报)?表/.test(title);
  if (!evaluates && (targetMarks || tables.some((t) => t.header.cols.description !== undefined))) return "targets";
  if (/自评报告|评价报告|绩效报告/.test(title)) return "report";
  const goalBlocks = form.indicators.some((i) => i.goal !== undefined);
  if (goalBlocks && !form.scored) return "department-goals";
  if (hasProjectName || /项目支出绩效自评表|项目绩效自评表|项目.{0,12}自评表/.test(title)) return "project";
  if (/部门|整体|单位/.test(title) || form.funds?.sums.some((g) => /支出性质|收入性质/.test(g.label))) return "department";
  return "project";
}

function projectNameLabel(view: SheetView, rows: number[]): boolean {
  for (const row of rows) {
    for (const [, cellText] of view.rowCells(row, undefined, undefined, true)) {
      if (cellText.length > MAX_LABEL) continue;
      const label = normLabel(cellText);
      if (label === "项目名称" || /^项目名称[:：]/.test(label)) return true;
    }
  }
  return false;
}
