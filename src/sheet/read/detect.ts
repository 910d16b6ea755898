// Forms the add-in did not make: find the tables by their header labels, cut the sheet into forms, read each.

import type { Form, Indicator, ReadIssue } from "../../domain/model";
import type { SheetView } from "./view";
import { findTableHeader, readTable, type TableHeader, type TableRead } from "./table";
import { findFundsHeader, readFunds } from "./funds";
import { findMultiHeader, readMulti } from "./multi";
import { readGoals, readHeader, readSharedReason, readSpendingPlan, readTotals } from "./parts";
import { classify } from "./classify";
import { labelKey, normLabel } from "./text";
import { isGradeLabel, isImprovementLabel, isSharedReasonLabel, isTotalLabel } from "./labels";

export interface Region {
  r0: number;
  r1: number;
}

function startsNewForm(view: SheetView, r0: number, r1: number): boolean {
  for (let r = r0; r <= r1; r++) {
    if (findFundsHeader(view, r)) return true;
    for (const [, t] of view.rowCells(r, 0, view.cols - 1, true)) {
      const k = labelKey(t);
      if (k === "项目名称" || k === "项目编码" || /^项目名称[:：]/.test(normLabel(t))) return true;
      // a form's own title: "2023年度“河长制宣传”项目绩效自评表"
      if (/(绩效自评表|绩效目标表|绩效目标申报表)$/.test(normLabel(t)) && normLabel(t).length <= 60) return true;
    }
  }
  return false;
}

/** Rows right after a table that still belong to its form: 总分, 等级, 偏差 and 改进 texts, signatures. */
function trailsPrevious(view: SheetView, r: number): boolean {
  const cells = view.rowCells(r, 0, view.cols - 1, true);
  if (cells.length === 0) return true;
  const t = cells[0][1];
  const k = normLabel(t);
  return (
    isTotalLabel(t) ||
    isGradeLabel(t) ||
    isSharedReasonLabel(t) ||
    isImprovementLabel(t) ||
    /^(说明|备注|注|填表人|填报人|审核人|联系电话|填报日期|单位负责人|财务负责人|综合评定等级|评价等级|自评等级|等级|总分|自评总分)([:：(（]|$)/.test(k)
  );
}

/** Where the next form starts in [r0, r1]: after the previous form's trailing rows. */
function firstOwnRow(view: SheetView, r0: number, r1: number): number {
  let r = r0;
  let textBelow = false; // a 偏差/改进 label alone on its row: its text is on the next row
  while (r < r1) {
    const cells = view.rowCells(r, 0, view.cols - 1, true);
    if (trailsPrevious(view, r)) {
      textBelow = cells.length === 1 && (isSharedReasonLabel(cells[0][1]) || isImprovementLabel(cells[0][1]));
    } else if (textBelow && cells.length === 1) {
      textBelow = false;
    } else break;
    r++;
  }
  return r;
}

/** Read every form found in rows [r0, r1] of the view. */
export function detectForms(view: SheetView, region: Region = { r0: 0, r1: view.rows - 1 }): Form[] {
  const sheet = view.grid.sheet;
  for (let r = region.r0; r <= Math.min(region.r1, region.r0 + 40); r++) {
    const mh = findMultiHeader(view, r);
    if (mh) return readMulti(view, mh, sheet, () => []);
  }
  const headers: TableHeader[] = [];
  for (let r = region.r0; r <= region.r1; r++) {
    const h = findTableHeader(view, r);
    if (h) {
      headers.push(h);
      r = h.bodyStart - 1;
    }
  }
  // cut into forms: a table starts a new form when the rows above it (since the previous table) name a project or hold funds
  interface Part {
    r0: number;
    tables: TableHeader[];
  }
  const parts: Part[] = [];
  let prevEnd = region.r0 - 1;
  for (let i = 0; i < headers.length; i++) {
    const h = headers[i];
    const limit = Math.min(region.r1, (headers[i + 1]?.row ?? region.r1 + 1) - 1);
    if (parts.length === 0 || startsNewForm(view, prevEnd + 1, h.row - 1)) parts.push({ r0: parts.length === 0 ? region.r0 : firstOwnRow(view, prevEnd + 1, h.row - 1), tables: [] });
    parts[parts.length - 1].tables.push(h);
    prevEnd = Math.max(h.bodyStart - 1, readTable(view, h, limit, () => "", []).end);
  }
  if (parts.length === 0) {
    // no indicator table: a funds-only form, when a funds block and a name are there
    const issues: ReadIssue[] = [];
    const f = readFunds(view, region.r0, region.r1, new Set(), issues);
    if (!f) return [];
    parts.push({ r0: region.r0, tables: [] });
  }
  const forms: Form[] = [];
  parts.forEach((p, i) => {
    const r1 = i + 1 < parts.length ? parts[i + 1].r0 - 1 : region.r1;
    forms.push(readPart(view, { r0: p.r0, r1 }, p.tables));
  });
  return forms;
}

function readPart(view: SheetView, region: Region, tables: TableHeader[]): Form {
  const issues: ReadIssue[] = [];
  let n = 0;
  const nextId = (): string => `i${++n}`;
  const skip = new Set<number>();
  const reads: TableRead[] = [];
  const { goals, goalRows } = readGoals(view, region.r0, region.r1, new Set());
  tables.forEach((h, i) => {
    const limit = (tables[i + 1]?.row ?? region.r1 + 1) - 1;
    let goal: number | undefined;
    for (const [row, idx] of goalRows) if (row < h.row) goal = idx;
    const t = readTable(view, h, Math.min(limit, region.r1), nextId, issues, goalRows.size ? goal : undefined);
    reads.push(t);
    for (let r = h.row; r <= t.end; r++) skip.add(r);
  });
  const indicators: Indicator[] = reads.flatMap((t) => t.indicators);
  const fr = readFunds(view, region.r0, region.r1, skip, issues);
  const header = readHeader(view, region.r0, region.r1);
  const last = reads[reads.length - 1];
  const scoreCol = last?.header.cols.score;
  const totals = readTotals(view, region.r0, region.r1, scoreCol, issues, last?.header.cols.weight, fr?.usedRows);
  const shared = readSharedReason(view, region.r0, region.r1, skip);
  const plan = readSpendingPlan(view, region.r0, region.r1, issues);
  const scored = reads.some((t) => t.header.cols.weight !== undefined);
  const form: Form = {
    kind: "project",
    sheet: view.grid.sheet,
    name: header.name,
    unit: header.unit,
    year: header.year,
    ...(header.code ? { code: header.code } : {}),
    ...(header.purpose ? { purpose: header.purpose } : {}),
    anchor: header.titleCell ?? header.nameCell ?? (tables[0] ? view.a1(tables[0].row, tables[0].c0) : undefined),
    funds: fr ? fr.funds : null,
    goals,
    indicators,
    scored,
    enteredTotal: totals.total,
    weightTotal: totals.weightTotal,
    enteredGrade: totals.grade,
    sharedReason: shared.reason,
    improvement: shared.improvement,
    spendingPlan: plan,
    readIssues: issues,
  };
  form.kind = classify(view, region, form, reads);
  return form;
}
