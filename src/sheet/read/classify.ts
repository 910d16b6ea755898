// Which kind of form a region holds, from its labels and shape (DOMAIN §1).

import type { Form, FormKind } from "../../domain/model";
import type { SheetView } from "./view";
import type { TableRead } from "./table";
import { normLabel } from "./text";

export function classify(view: SheetView, region: { r0: number; r1: number }, form: Form, tables: TableRead[]): FormKind {
  let title = "";
  let hasProjectName = false;
  for (let r = region.r0; r <= region.r1; r++) {
    for (const [, t] of view.rowCells(r, 0, view.cols - 1, true)) {
      const k = normLabel(t);
      if (r <= region.r0 + 8 && k.length <= 60) title += `${k}|`;
      if (k === "项目名称" || /^项目名称[:：]/.test(k)) hasProjectName = true;
    }
  }
  const targetsLike =
    form.spendingPlan.length > 0 ||
    tables.some((t) => t.header.cols.description !== undefined || t.header.cols.basis !== undefined) ||
    (tables.length > 0 && tables.every((t) => t.header.cols.actual === undefined) && /目标(申报)?表/.test(title));
  if (targetsLike) return "targets";
  if (/自评报告|评价报告|绩效报告/.test(title)) return "report";
  const goalBlocks = form.indicators.some((i) => i.goal !== undefined);
  if (goalBlocks && !form.scored) return "department-goals";
  if (hasProjectName || /项目支出绩效自评表/.test(title)) return "project";
  if (/部门|整体|单位/.test(title) || form.funds?.sums.some((g) => /支出性质|收入性质/.test(g.label))) return "department";
  return "project";
}
