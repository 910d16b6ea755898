// Forms the add-in did not make: find the indicator tables by their header labels, cut the sheet into forms in both
// directions, and read each form from its own part of the sheet only (one form's 总分 or funds never mix with
// another's).
//
// Cutting: side by side first — a column boundary that no table crosses, with tables on both sides whose rows
// overlap, at the empty column(s) between them; then stacked — a table starts a new form when the rows between it and
// the previous table hold a form's start (its title, 项目名称 / 单位名称, or a funds block when the previous form
// already has one above its table); the rows before that start (a funds block under the table, 评价结论, signatures)
// stay with the form above. Each part is cut again until nothing more splits.

import type { Form, Indicator, ReadIssue } from "../../domain/model";
import type { SheetView } from "./view";
import { findTableHeaders, readTable, type TableHeader, type TableRead } from "./table";
import { findFundsHeader, readFunds } from "./funds";
import { findMultiHeader, readMulti } from "./multi";
import { readGoals, readHeader, readSharedReason, readSpendingPlan, readTotals } from "./parts";
import { classify } from "./classify";
import { MAX_LABEL, normLabel } from "./text";
import { fieldLabel, readFields, titleYear } from "./fields";

interface Found {
  h: TableHeader;
  end: number;
}

/** Every indicator table of the view with the last row it reaches. */
function findTables(view: SheetView): Found[] {
  const out: Found[] = [];
  const starts: TableHeader[] = [];
  let skipUntil = -1;
  for (const row of view.contentRows()) {
    if (row <= skipUntil) continue;
    const headers = findTableHeaders(view, row);
    if (headers.length === 0) continue;
    starts.push(...headers);
    skipUntil = Math.max(...headers.map((h) => h.bodyStart - 1));
  }
  for (const header of starts) {
    const next = starts.find((x) => x.row > header.row && x.c0 <= header.c1 && x.c1 >= header.c0);
    const limit = next ? next.row - 1 : view.bounds.r1;
    const table = readTable(view.within({ r0: header.row, c0: header.c0, r1: limit, c1: header.c1 }), { ...header, cols: { ...header.cols } }, limit, () => "", []);
    out.push({ h: header, end: Math.max(header.bodyStart - 1, table.end) });
  }
  return out;
}

/** Text of a row that starts a form: its title, or its name label. */
function isFormStart(view: SheetView, row: number): boolean {
  for (const [, text] of view.rowCells(row, undefined, undefined, true)) {
    if (text.length > MAX_LABEL) continue;
    const label = normLabel(text);
    const field = fieldLabel(text);
    if (field && (field.key === "name" || field.key === "unitName")) return true;
    if (/^项目编码$/.test(label)) return true;
    if (/(绩效自评表|绩效目标表|绩效目标申报表|自评报告表|自评表)(\(\d{4}年度?\))?$/.test(label) && label.length <= 60) return true;
    if (titleYear(text) && /^[(（]/.test(label) && label.length <= 12) return true;
  }
  return false;
}

/** Where the next form starts in (a, b), or null: its first start row (a title and a name row together: the title). */
function nextFormStart(view: SheetView, a: number, b: number, prevHasFunds: boolean): number | null {
  const rows = view.contentRows(a, b);
  for (const r of rows) if (isFormStart(view, r)) return r;
  if (prevHasFunds) for (const r of rows) if (findFundsHeader(view, r)) return r;
  return null;
}

function hasFundsAbove(view: SheetView, firstRow: number, lastRow: number): boolean {
  for (const r of view.contentRows(firstRow, lastRow)) if (findFundsHeader(view, r)) return true;
  return false;
}

/** A column where the view splits into forms side by side, or null. */
function columnCut(view: SheetView, tables: Found[]): number | null {
  if (tables.length < 2) return null;
  const rects = tables.map((t) => ({ r0: t.h.row, r1: t.end, c0: t.h.c0, c1: t.h.c1 })).sort((a, b) => a.c0 - b.c0);
  let maxC1 = rects[0].c1;
  let left = { r0: rects[0].r0, r1: rects[0].r1 };
  for (let i = 1; i < rects.length; i++) {
    const r = rects[i];
    if (r.c0 > maxC1) {
      const rest = rects.slice(i);
      const right = { r0: Math.min(...rest.map((x) => x.r0)), r1: Math.max(...rest.map((x) => x.r1)) };
      if (right.r0 <= left.r1 && left.r0 <= right.r1) {
        // the right form's own columns left of its table (labels, 项目资金) reach back to the first empty column
        const used = new Set(view.columnsWithText(view.bounds.r0, view.bounds.r1));
        let x = r.c0;
        while (x - 1 > maxC1 && used.has(x - 1)) x--;
        return x;
      }
    }
    maxC1 = Math.max(maxC1, r.c1);
    left = { r0: Math.min(left.r0, r.r0), r1: Math.max(left.r1, r.r1) };
  }
  return null;
}

/** The parts of the view that hold one form each. */
export function splitForms(view: SheetView, depth = 0): SheetView[] {
  const bounds = view.bounds;
  if (depth > 8 || bounds.r0 > bounds.r1 || bounds.c0 > bounds.c1) return [view];
  const tables = findTables(view);
  const cut = columnCut(view, tables);
  if (cut !== null && cut > bounds.c0 && cut <= bounds.c1) {
    return [...splitForms(view.within({ ...bounds, c1: cut - 1 }), depth + 1), ...splitForms(view.within({ ...bounds, c0: cut }), depth + 1)];
  }
  const sorted = [...tables].sort((p, q) => p.h.row - q.h.row || p.h.c0 - q.h.c0);
  const starts: number[] = [];
  let prevEnd = bounds.r0 - 1;
  let partStart = bounds.r0;
  for (const t of sorted) {
    if (t.h.row <= prevEnd) {
      prevEnd = Math.max(prevEnd, t.end);
      continue;
    }
    if (starts.length === 0) starts.push(bounds.r0);
    else {
      const start = nextFormStart(view, prevEnd + 1, t.h.row - 1, hasFundsAbove(view, partStart, prevEnd));
      if (start !== null) {
        starts.push(start);
        partStart = start;
      }
    }
    prevEnd = Math.max(prevEnd, t.end);
  }
  if (starts.length <= 1) return [view];
  return starts.flatMap((s, i) => splitForms(view.within({ ...bounds, r0: s, r1: i + 1 < starts.length ? starts[i + 1] - 1 : bounds.r1 }), depth + 1));
}

/** Read every form found in the view (the whole sheet, or the area of one of our forms). */
export function detectForms(view: SheetView, opts: { split?: boolean } = {}): Form[] {
  const sheet = view.grid.sheet;
  for (const row of view.contentRows().slice(0, 40)) {
    const multiHeader = findMultiHeader(view, row);
    if (multiHeader) return readMulti(view, multiHeader, sheet, () => []);
  }
  const parts = opts.split === false ? [view] : splitForms(view);
  const forms: Form[] = [];
  for (const part of parts) {
    const form = readPart(part);
    if (form) forms.push(form);
  }
  return forms;
}

export interface PartOptions {
  /** Our own templates: the rows of each named indicator table, read as they are (blank rows kept). */
  tables?: { header: TableHeader; r0: number; r1: number; goal?: number }[];
}

/** One form from one part of the sheet; null when the part holds neither a table nor a funds block with a name. */
export function readPart(view: SheetView, opts: PartOptions = {}): Form | null {
  const region = { r0: view.bounds.r0, r1: view.bounds.r1 };
  const issues: ReadIssue[] = [];
  let count = 0;
  const nextId = (): string => `i${++count}`;
  const skip = new Set<number>();
  const reads: TableRead[] = [];
  const { goals, goalRows } = readGoals(view, region.r0, region.r1, new Set());
  if (opts.tables) {
    for (const t of opts.tables) {
      const read = readTable(view, t.header, t.r1, nextId, issues, t.goal, { keepBlankRows: true, rows: { r0: t.r0, r1: t.r1 } });
      reads.push(read);
      for (let r = t.header.row; r <= read.end; r++) skip.add(r);
    }
  } else {
    const found = findTables(view).sort((p, q) => p.h.row - q.h.row || p.h.c0 - q.h.c0);
    found.forEach((f, i) => {
      const limit = Math.min((found[i + 1]?.h.row ?? region.r1 + 1) - 1, region.r1);
      let goal: number | undefined;
      for (const [row, idx] of goalRows) if (row < f.h.row) goal = idx;
      const read = readTable(view, f.h, limit, nextId, issues, goalRows.size ? goal : undefined);
      reads.push(read);
      for (const r of view.contentRows(f.h.row, read.end)) skip.add(r);
    });
  }
  const indicators: Indicator[] = reads.flatMap((t) => t.indicators);
  const fundsRead = readFunds(view, region.r0, region.r1, skip, issues);
  if (reads.length === 0 && !fundsRead) return null;
  const fieldsRead = readFields(view, region.r0, region.r1, skip);
  const header = readHeader(view, region.r0, region.r1, fieldsRead);
  if (reads.length === 0 && !header.name && !fieldsRead.fields.name) return null;
  const totalsSkip = new Set([...(fundsRead?.usedRows ?? [])]);
  const totals = readTotals(view, region.r0, region.r1, reads, issues, totalsSkip);
  const shared = readSharedReason(view, region.r0, region.r1, skip);
  const plan = readSpendingPlan(view, region.r0, region.r1, issues);
  const scored = reads.some((t) => t.header.cols.weight !== undefined) || (fundsRead?.funds.weight != null && reads.some((t) => t.header.cols.score !== undefined));
  const firstTable = reads[0]?.header;
  const form: Form = {
    kind: "project",
    sheet: view.grid.sheet,
    name: header.name,
    fields: fieldsRead.fields,
    unit: header.unit,
    year: header.year,
    ...(header.code ? { code: header.code } : {}),
    ...(header.purpose ? { purpose: header.purpose } : {}),
    anchor: header.titleCell ?? header.nameCell ?? (firstTable ? view.a1(firstTable.row, firstTable.c0) : undefined),
    funds: fundsRead ? fundsRead.funds : null,
    goals,
    indicators,
    scored,
    enteredTotal: totals.total,
    weightTotal: totals.weightTotal,
    enteredGrade: totals.grade,
    sharedReason: shared.reason,
    improvement: shared.improvement,
    spendingPlan: plan,
    readIssues: dedupe(issues),
  };
  form.kind = classify(view, region, form, reads);
  return form;
}

/** The same problem on the same cell once (a cell can be read by two parts of the reader). */
function dedupe(issues: ReadIssue[]): ReadIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.cell}|${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
