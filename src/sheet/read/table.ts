// Indicator tables: a header row (一级 | 二级 | 三级 | 指标值 | 完成值 | 分值 | 得分 | 偏差原因 …, in any order, with any
// spelling the label rules know), then body rows. Each body row is classified — indicator, subtotal (小计 inside a
// group), total (总分 / 合计 / 自评得分 under the table), check (核对, 权重合计), note, section heading — and only
// indicator rows become indicators. The header says what a column is; the column's content confirms it (weights
// that add up to 100, a sign column under a merged 指标值 header). Several tables side by side on one header row
// are told apart by a role that repeats.

import type { Indicator, ReadIssue } from "../../domain/model";
import type { SheetView } from "./view";
import { indicatorRole, isStrongLabel, isTerminator, level1For, level1InHeading, sumLabel, type IndRole } from "./labels";
import { numAt, rowNumAt } from "./cells";
import { normLabel, parseLooseNumber, splitLevelWeight, shortLabel } from "./text";
import { findFundsHeader } from "./funds";

export interface TableHeader {
  row: number; // first header row
  bodyStart: number; // first body row
  cols: Partial<Record<IndRole, number>>;
  /** Columns the header covers (merged header cells included). */
  c0: number;
  c1: number;
}

const VALUE_ROLES: IndRole[] = ["target", "actual", "weight", "score"];

function isHeader(cols: Partial<Record<IndRole, number>>): boolean {
  const count = Object.keys(cols).length;
  const hasName = cols.name !== undefined;
  const hasValue = cols.target !== undefined || cols.actual !== undefined || cols.weight !== undefined;
  return count >= 3 && hasName && hasValue;
}

/** A label merged down over three rows or more beside a table ("绩效指标", "年度绩效目标完成情况"): not a column. */
function isSideLabel(view: SheetView, row: number, col: number): boolean {
  const merge = view.mergeAt(row, col);
  return !!merge && merge.r1 - merge.r0 >= 2 && merge.c1 === merge.c0;
}

interface Seg {
  cols: Partial<Record<IndRole, number>>;
  strong: Partial<Record<IndRole, boolean>>;
  first: number;
  last: number;
}

/** The indicator table headers that start on the row, left to right (two or more when forms stand side by side). */
export function findTableHeaders(view: SheetView, row: number): TableHeader[] {
  const cells = view.rowCells(row).filter(([c]) => !isSideLabel(view, row, c));
  const roles = cells.map(([, t]) => indicatorRole(t));
  if (roles.filter((x) => x).length < 3) return [];
  const segs: Seg[] = [];
  let cur: Seg = { cols: {}, strong: {}, first: -1, last: -1 };
  const restIsHeader = (i: number): boolean => {
    const rest: Partial<Record<IndRole, number>> = {};
    for (let j = i; j < cells.length; j++) if (roles[j] && rest[roles[j]!] === undefined) rest[roles[j]!] = cells[j][0];
    return isHeader(rest);
  };
  cells.forEach(([col, cellText], i) => {
    const role = roles[i];
    if (!role) return;
    const strong = isStrongLabel(cellText);
    if (cur.cols[role] !== undefined) {
      if (isHeader(cur.cols) && restIsHeader(i)) {
        segs.push(cur);
        cur = { cols: {}, strong: {}, first: -1, last: -1 };
      } else {
        if (strong && !cur.strong[role]) {
          cur.cols[role] = col;
          cur.strong[role] = true;
        }
        return;
      }
    }
    cur.cols[role] = col;
    cur.strong[role] = strong;
    if (cur.first < 0) cur.first = col;
    cur.last = col;
  });
  segs.push(cur);
  const out: TableHeader[] = [];
  for (const s of segs) {
    if (!isHeader(s.cols)) continue;
    const header: TableHeader = { row, bodyStart: row + 1, cols: s.cols, c0: s.first, c1: s.last };
    widen(view, header, row);
    subHeaders(view, header);
    out.push(header);
  }
  return out;
}

export function findTableHeader(view: SheetView, row: number): TableHeader | null {
  return findTableHeaders(view, row)[0] ?? null;
}

function widen(view: SheetView, header: TableHeader, row: number): void {
  for (const col of Object.values(header.cols) as number[]) {
    const merge = view.mergeAt(row, col);
    if (merge) {
      header.c0 = Math.min(header.c0, merge.c0);
      header.c1 = Math.max(header.c1, merge.c1);
    }
  }
}

/** A second header row (年初目标值 | 调整指标值 under a merged 指标值; 分值 | 得分 under 评分). */
function subHeaders(view: SheetView, header: TableHeader): void {
  const { cols, row } = header;
  for (let dataRow = row + 1; dataRow <= row + 2; dataRow++) {
    if (view.rowBlank(dataRow, header.c0, header.c1) && !isCoveredRow(view, dataRow, header)) break;
    const more: Partial<Record<IndRole, number>> = {};
    for (const [col, cellText] of view.rowCells(dataRow, header.c0, header.c1, true)) {
      const role = indicatorRole(cellText);
      if (role && more[role] === undefined) more[role] = col;
    }
    const keys = Object.keys(more) as IndRole[];
    const fresh = keys.filter((k) => more[k] !== cols[k]);
    const repeats = keys.filter((k) => more[k] === cols[k]);
    if (fresh.length === 0 && repeats.length < 2) break;
    // a body row that happens to hold a role word ("原因" as a target?) is not a header: need no numbers in it
    if (view.rowCells(dataRow, header.c0, header.c1, true).some(([, t]) => parseLooseNumber(t) !== null)) break;
    for (const k of fresh) if (cols[k] === undefined || view.isCovered(row, more[k]!) || view.mergeAt(row, cols[k]!)?.c1 !== undefined) cols[k] = more[k];
    header.bodyStart = dataRow + 1;
  }
}

function isCoveredRow(view: SheetView, row: number, header: TableHeader): boolean {
  for (const c of Object.values(header.cols) as number[]) if (view.mergeAt(row, c)?.r0 === header.row) return true;
  return false;
}

export interface TotalRow {
  row: number;
  rank: number;
  /** Column of the label that made it a total row. */
  labelCol: number;
}

export interface TableRead {
  header: TableHeader;
  end: number; // last row that belongs to the table (body, totals, checks)
  indicators: Indicator[];
  totals: TotalRow[];
  checks: number[];
}

type RowKind = "indicator" | "sum" | "check" | "subtotal" | "skip" | "end";

/** A row that is one text across most of the table, or a text left of it: a section heading or a paragraph. */
function isSectionRow(view: SheetView, row: number, header: TableHeader): boolean {
  const cells = view.rowCells(row, undefined, undefined, true);
  if (cells.length !== 1) return false;
  const [col] = cells[0];
  const merge = view.mergeAt(row, col);
  if (merge && merge.c1 - merge.c0 >= 2) return true;
  return col < header.c0 && view.rowBlank(row, header.c0, header.c1);
}

function isNote(text: string): boolean {
  return /^[(（]?(注|备注|说明|附注|填表说明)[:：)）\d]/.test(normLabel(text).slice(0, 8));
}

/** An indicator-looking row: a name and something in a value column. */
function looksLikeIndicator(view: SheetView, row: number, header: TableHeader): boolean {
  if (findFundsHeader(view, row) || findTableHeaders(view, row).length > 0) return false;
  if (view.rowCells(row, undefined, Math.max(header.c0, header.cols.name ?? header.c0), true).some(([, t]) => isTerminator(t))) return false;
  const name = header.cols.name === undefined ? "" : view.ownText(row, header.cols.name);
  const value = VALUE_ROLES.some((k) => header.cols[k] !== undefined && view.text(row, header.cols[k]!) !== "");
  return name !== "" && value && !sumLabelOf(view, row, header);
}

function sumLabelOf(view: SheetView, row: number, header: TableHeader): { kind: "total" | "subtotal" | "check"; rank: number; col: number } | null {
  let best: { kind: "total" | "subtotal" | "check"; rank: number; col: number } | null = null;
  for (const [col, cellText] of view.rowCells(row, undefined, header.c1, true)) {
    const sum = sumLabel(cellText);
    if (!sum) continue;
    if (sum.kind === "total") {
      if (!best || best.kind !== "total" || sum.rank > best.rank) best = { ...sum, col };
    } else if (!best) best = { ...sum, col };
  }
  return best;
}

function classifyRow(view: SheetView, row: number, header: TableHeader, limit: number): { kind: RowKind; rank?: number; col?: number } {
  if (findTableHeaders(view, row).length > 0 || findFundsHeader(view, row)) return { kind: "end" };
  const sum = sumLabelOf(view, row, header);
  if (sum) {
    if (sum.kind === "check") return { kind: "check" };
    if (sum.kind === "subtotal") return { kind: "subtotal" };
    // 合计 inside a group, followed by more indicators of the same table: a subtotal
    const next = view.nextContentRow(row, limit);
    if (next !== null && next - row <= 3 && looksLikeIndicator(view, next, header)) return { kind: "subtotal" };
    return { kind: "sum", rank: sum.rank, col: sum.col };
  }
  const labelZone = view.rowCells(row, undefined, Math.max(header.c0, header.cols.name ?? header.c0), true);
  if (labelZone.some(([, t]) => isTerminator(t))) return { kind: "end" };
  if (isSectionRow(view, row, header)) {
    const [, cellText] = view.rowCells(row, undefined, undefined, true)[0];
    const next = view.nextContentRow(row, limit);
    if (next !== null && looksLikeIndicator(view, next, header) && (isNote(cellText) || level1InHeading(cellText) || cellText.length <= 40)) return { kind: "skip" };
    return { kind: "end" };
  }
  return { kind: "indicator" };
}

export interface ReadTableOptions {
  /** Keep rows with nothing but 一级/二级 (our own templates' blank rows). */
  keepBlankRows?: boolean;
  /** Rows to read (our templates: the named table body), instead of finding where the table ends. */
  rows?: { r0: number; r1: number };
}

export function readTable(
  view: SheetView,
  header: TableHeader,
  limit: number,
  nextId: () => string,
  issues: ReadIssue[],
  goal?: number,
  opts: ReadTableOptions = {},
): TableRead {
  const out: Indicator[] = [];
  const totals: TotalRow[] = [];
  const checks: number[] = [];
  let level1 = "";
  let level1Weight: number | null = null;
  let level1Cell: string | undefined;
  let level2 = "";
  let level2Cell: string | undefined;
  let end = header.bodyStart - 1;
  let prev = header.bodyStart - 1;
  let afterTotal = false;
  const rows = opts.rows ? rowRange(opts.rows.r0, opts.rows.r1) : view.contentRows(header.bodyStart, limit);
  const bodyRows: number[] = [];
  for (const row of rows) {
    if (!opts.rows && row - prev > 3) break; // three blank rows end a table
    prev = row;
    if (opts.rows) {
      bodyRows.push(row);
      end = row;
      continue;
    }
    const rowClass = classifyRow(view, row, header, limit);
    if (rowClass.kind === "end") break;
    if (afterTotal && rowClass.kind === "indicator") break; // rows after the total belong to what follows
    end = row;
    if (rowClass.kind === "sum") {
      totals.push({ row, rank: rowClass.rank ?? 1, labelCol: rowClass.col ?? header.c0 });
      afterTotal = true;
    } else if (rowClass.kind === "check") checks.push(row);
    else if (rowClass.kind === "skip") {
      const [, cellText] = view.rowCells(row, undefined, undefined, true)[0];
      const l1 = level1InHeading(cellText);
      if (l1 && header.cols.level1 === undefined) {
        level1 = l1;
        level1Weight = splitLevelWeight(cellText).weight;
      }
    } else if (rowClass.kind === "indicator") bodyRows.push(row);
  }
  const cols = resolveColumns(view, header, bodyRows);
  const get = (r: number, role: IndRole): string => (cols[role] === undefined ? "" : view.text(r, cols[role]!));
  for (const rowIndex of bodyRows) {
    if (cols.level1 !== undefined) {
      const label = view.text(rowIndex, cols.level1);
      if (label) {
        const split = splitLevelWeight(label);
        level1 = split.label;
        level1Weight = split.weight;
        level1Cell = view.a1(rowIndex, cols.level1);
      }
    }
    if (cols.level2 !== undefined) {
      const t = view.text(rowIndex, cols.level2);
      if (t) {
        level2 = splitLevelWeight(t).label;
        level2Cell = view.a1(rowIndex, cols.level2);
      }
    }
    const nameCol = cols.name;
    const nameCovered = nameCol !== undefined && view.isCovered(rowIndex, nameCol) && view.mergeAt(rowIndex, nameCol)!.r0 < rowIndex;
    const name = nameCovered ? "" : get(rowIndex, "name");
    const target = get(rowIndex, "target");
    const actual = get(rowIndex, "actual");
    const adjusted = get(rowIndex, "adjusted");
    const hasWeight = cols.weight !== undefined && view.text(rowIndex, cols.weight) !== "" && !view.isCovered(rowIndex, cols.weight);
    const hasScore = cols.score !== undefined && view.text(rowIndex, cols.score) !== "" && !view.isCovered(rowIndex, cols.score);
    if (!opts.keepBlankRows && !name && !target && !actual && !adjusted && !hasWeight && !hasScore) continue; // placeholder row
    const weight = cols.weight === undefined ? null : rowNumAt(view, rowIndex, cols.weight, "分值", issues);
    const score = cols.score === undefined ? null : rowNumAt(view, rowIndex, cols.score, "得分", issues);
    const ind: Indicator = {
      id: nextId(),
      level1: level1 || level1For(level2),
      level2,
      name,
      target,
      actual,
      weight: weight?.value ?? null,
      enteredScore: score?.value ?? null,
      reason: get(rowIndex, "reason"),
      cells: {
        row: rowIndex + 1,
        level1: level1Cell,
        level2: level2Cell,
        name: nameCol !== undefined ? view.a1(rowIndex, nameCol) : undefined,
        target: cols.target !== undefined ? view.a1(rowIndex, cols.target) : undefined,
        actual: cols.actual !== undefined ? view.a1(rowIndex, cols.actual) : undefined,
        weight: cols.weight !== undefined ? view.a1(rowIndex, cols.weight) : undefined,
        score: cols.score !== undefined ? view.a1(rowIndex, cols.score) : undefined,
        reason: cols.reason !== undefined ? view.a1(rowIndex, cols.reason) : undefined,
      },
    };
    if (cols.adjusted !== undefined) ind.adjustedTarget = adjusted;
    if (cols.nature !== undefined) ind.nature = get(rowIndex, "nature");
    if (cols.unit !== undefined) ind.unit = get(rowIndex, "unit");
    if (cols.description !== undefined) ind.description = get(rowIndex, "description");
    if (cols.basis !== undefined) ind.basis = get(rowIndex, "basis");
    if (cols.level1 !== undefined || level1Weight !== null) ind.level1Weight = level1Weight;
    if (goal !== undefined) ind.goal = goal;
    out.push(ind);
  }
  header.cols = cols;
  return { header, end, indicators: out, totals, checks };
}

function rowRange(firstRow: number, lastRow: number): number[] {
  const out: number[] = [];
  for (let r = firstRow; r <= lastRow && out.length < 10000; r++) out.push(r);
  return out;
}

const SIGN = /^(≥|≤|>=|<=|>|<|=|＝|＞|＜|≧|≦|大于等于|小于等于|大于|小于|等于|定性|定量|正向|反向)$/;

/**
 * What the columns hold confirms or corrects what the header said:
 * - a 指标值 (or 完成值) header merged over several columns: the sign column under it is 指标性质, the unit column is
 *   计量单位, and the number column is the value;
 * - weights are the numbers that add up to 100 (or to 90 beside a 10-point 预算执行率): a column of such numbers under
 *   a header the rules do not know is the weight column when the header named none. (A column headed 分值 keeps its
 *   role whatever it adds up to: a wrong sum is the officer's error to be told, not a reason to read another column.)
 */
function resolveColumns(view: SheetView, header: TableHeader, rows: number[]): Partial<Record<IndRole, number>> {
  const cols = { ...header.cols };
  if (rows.length === 0) return cols;
  const texts = (c: number): string[] => rows.map((r) => view.ownText(r, c)).filter((t) => t !== "");
  for (const role of ["target", "actual"] as IndRole[]) {
    const c = cols[role];
    if (c === undefined) continue;
    const merge = view.mergeAt(header.row, c);
    if (!merge || merge.c1 === merge.c0 || merge.c0 !== c) continue;
    const inside = Object.values(cols).filter((x) => x !== undefined && x > merge.c0 && x <= merge.c1);
    if (inside.length) continue;
    let value: number | undefined;
    for (let x = merge.c0; x <= merge.c1; x++) {
      const columnTexts = texts(x);
      if (!columnTexts.length) continue;
      if (columnTexts.every((t) => SIGN.test(shortLabel(t)))) {
        if (cols.nature === undefined) cols.nature = x;
      } else if (columnTexts.every((t) => t.length <= 6 && !/\d/.test(t)) && x > merge.c0) {
        if (cols.unit === undefined) cols.unit = x;
      } else value ??= x;
    }
    if (value !== undefined) cols[role] = value;
  }
  const sum = (col: number): { sum: number; n: number; all: boolean } => {
    let sum = 0;
    let count = 0;
    let all = true;
    for (const row of rows) {
      const cellText = view.ownText(row, col);
      if (!cellText) continue;
      const points = numAt(view, row, col, "", [], { points: true }).value;
      if (points === null) all = false;
      else {
        sum += points;
        count++;
      }
    }
    return { sum: Math.round(sum * 100) / 100, n: count, all };
  };
  const addsUp = (x: { sum: number; n: number; all: boolean }): boolean => x.n >= 2 && x.all && (Math.abs(x.sum - 100) < 0.6 || Math.abs(x.sum - 90) < 0.6);
  if (cols.weight === undefined) {
    const used = new Set(Object.values(cols));
    for (let colIndex = header.c0; colIndex <= header.c1; colIndex++) {
      if (used.has(colIndex) || view.isCovered(header.row, colIndex)) continue;
      if (indicatorRole(view.text(header.row, colIndex)) !== null) continue;
      if (addsUp(sum(colIndex))) {
        cols.weight = colIndex;
        break;
      }
    }
  }
  return cols;
}
