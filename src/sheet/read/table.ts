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
  const n = Object.keys(cols).length;
  const hasName = cols.name !== undefined;
  const hasValue = cols.target !== undefined || cols.actual !== undefined || cols.weight !== undefined;
  return n >= 3 && hasName && hasValue;
}

/** A label merged down over three rows or more beside a table ("绩效指标", "年度绩效目标完成情况"): not a column. */
function isSideLabel(view: SheetView, r: number, c: number): boolean {
  const m = view.mergeAt(r, c);
  return !!m && m.r1 - m.r0 >= 2 && m.c1 === m.c0;
}

interface Seg {
  cols: Partial<Record<IndRole, number>>;
  strong: Partial<Record<IndRole, boolean>>;
  first: number;
  last: number;
}

/** The indicator table headers that start on row r, left to right (two or more when forms stand side by side). */
export function findTableHeaders(view: SheetView, r: number): TableHeader[] {
  const cells = view.rowCells(r).filter(([c]) => !isSideLabel(view, r, c));
  const roles = cells.map(([, t]) => indicatorRole(t));
  if (roles.filter((x) => x).length < 3) return [];
  const segs: Seg[] = [];
  let cur: Seg = { cols: {}, strong: {}, first: -1, last: -1 };
  const restIsHeader = (i: number): boolean => {
    const rest: Partial<Record<IndRole, number>> = {};
    for (let j = i; j < cells.length; j++) if (roles[j] && rest[roles[j]!] === undefined) rest[roles[j]!] = cells[j][0];
    return isHeader(rest);
  };
  cells.forEach(([c, t], i) => {
    const role = roles[i];
    if (!role) return;
    const strong = isStrongLabel(t);
    if (cur.cols[role] !== undefined) {
      if (isHeader(cur.cols) && restIsHeader(i)) {
        segs.push(cur);
        cur = { cols: {}, strong: {}, first: -1, last: -1 };
      } else {
        if (strong && !cur.strong[role]) {
          cur.cols[role] = c;
          cur.strong[role] = true;
        }
        return;
      }
    }
    cur.cols[role] = c;
    cur.strong[role] = strong;
    if (cur.first < 0) cur.first = c;
    cur.last = c;
  });
  segs.push(cur);
  const out: TableHeader[] = [];
  for (const s of segs) {
    if (!isHeader(s.cols)) continue;
    const h: TableHeader = { row: r, bodyStart: r + 1, cols: s.cols, c0: s.first, c1: s.last };
    widen(view, h, r);
    subHeaders(view, h);
    out.push(h);
  }
  return out;
}

export function findTableHeader(view: SheetView, r: number): TableHeader | null {
  return findTableHeaders(view, r)[0] ?? null;
}

function widen(view: SheetView, h: TableHeader, r: number): void {
  for (const c of Object.values(h.cols) as number[]) {
    const m = view.mergeAt(r, c);
    if (m) {
      h.c0 = Math.min(h.c0, m.c0);
      h.c1 = Math.max(h.c1, m.c1);
    }
  }
}

/** A second header row (年初目标值 | 调整指标值 under a merged 指标值; 分值 | 得分 under 评分). */
function subHeaders(view: SheetView, h: TableHeader): void {
  const { cols, row: r } = h;
  for (let q = r + 1; q <= r + 2; q++) {
    if (view.rowBlank(q, h.c0, h.c1) && !isCoveredRow(view, q, h)) break;
    const more: Partial<Record<IndRole, number>> = {};
    for (const [c, t] of view.rowCells(q, h.c0, h.c1, true)) {
      const role = indicatorRole(t);
      if (role && more[role] === undefined) more[role] = c;
    }
    const keys = Object.keys(more) as IndRole[];
    const fresh = keys.filter((k) => more[k] !== cols[k]);
    const repeats = keys.filter((k) => more[k] === cols[k]);
    if (fresh.length === 0 && repeats.length < 2) break;
    // a body row that happens to hold a role word ("原因" as a target?) is not a header: need no numbers in it
    if (view.rowCells(q, h.c0, h.c1, true).some(([, t]) => parseLooseNumber(t) !== null)) break;
    for (const k of fresh) if (cols[k] === undefined || view.isCovered(r, more[k]!) || view.mergeAt(r, cols[k]!)?.c1 !== undefined) cols[k] = more[k];
    h.bodyStart = q + 1;
  }
}

function isCoveredRow(view: SheetView, q: number, h: TableHeader): boolean {
  for (const c of Object.values(h.cols) as number[]) if (view.mergeAt(q, c)?.r0 === h.row) return true;
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
function isSectionRow(view: SheetView, r: number, h: TableHeader): boolean {
  const cells = view.rowCells(r, undefined, undefined, true);
  if (cells.length !== 1) return false;
  const [c] = cells[0];
  const m = view.mergeAt(r, c);
  if (m && m.c1 - m.c0 >= 2) return true;
  return c < h.c0 && view.rowBlank(r, h.c0, h.c1);
}

function isNote(text: string): boolean {
  return /^[(（]?(注|备注|说明|附注|填表说明)[:：)）\d]/.test(normLabel(text).slice(0, 8));
}

/** An indicator-looking row: a name and something in a value column. */
function looksLikeIndicator(view: SheetView, q: number, h: TableHeader): boolean {
  if (findFundsHeader(view, q) || findTableHeaders(view, q).length > 0) return false;
  if (view.rowCells(q, undefined, Math.max(h.c0, h.cols.name ?? h.c0), true).some(([, t]) => isTerminator(t))) return false;
  const name = h.cols.name === undefined ? "" : view.ownText(q, h.cols.name);
  const value = VALUE_ROLES.some((k) => h.cols[k] !== undefined && view.text(q, h.cols[k]!) !== "");
  return name !== "" && value && !sumLabelOf(view, q, h);
}

function sumLabelOf(view: SheetView, q: number, h: TableHeader): { kind: "total" | "subtotal" | "check"; rank: number; col: number } | null {
  let best: { kind: "total" | "subtotal" | "check"; rank: number; col: number } | null = null;
  for (const [c, t] of view.rowCells(q, undefined, h.c1, true)) {
    const s = sumLabel(t);
    if (!s) continue;
    if (s.kind === "total") {
      if (!best || best.kind !== "total" || s.rank > best.rank) best = { ...s, col: c };
    } else if (!best) best = { ...s, col: c };
  }
  return best;
}

function classifyRow(view: SheetView, q: number, h: TableHeader, limit: number): { kind: RowKind; rank?: number; col?: number } {
  if (findTableHeaders(view, q).length > 0 || findFundsHeader(view, q)) return { kind: "end" };
  const s = sumLabelOf(view, q, h);
  if (s) {
    if (s.kind === "check") return { kind: "check" };
    if (s.kind === "subtotal") return { kind: "subtotal" };
    // 合计 inside a group, followed by more indicators of the same table: a subtotal
    const next = view.nextContentRow(q, limit);
    if (next !== null && next - q <= 3 && looksLikeIndicator(view, next, h)) return { kind: "subtotal" };
    return { kind: "sum", rank: s.rank, col: s.col };
  }
  const labelZone = view.rowCells(q, undefined, Math.max(h.c0, h.cols.name ?? h.c0), true);
  if (labelZone.some(([, t]) => isTerminator(t))) return { kind: "end" };
  if (isSectionRow(view, q, h)) {
    const [, t] = view.rowCells(q, undefined, undefined, true)[0];
    const next = view.nextContentRow(q, limit);
    if (next !== null && looksLikeIndicator(view, next, h) && (isNote(t) || level1InHeading(t) || t.length <= 40)) return { kind: "skip" };
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
  h: TableHeader,
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
  let end = h.bodyStart - 1;
  let prev = h.bodyStart - 1;
  let afterTotal = false;
  const rows = opts.rows ? rowRange(opts.rows.r0, opts.rows.r1) : view.contentRows(h.bodyStart, limit);
  const bodyRows: number[] = [];
  for (const q of rows) {
    if (!opts.rows && q - prev > 3) break; // three blank rows end a table
    prev = q;
    if (opts.rows) {
      bodyRows.push(q);
      end = q;
      continue;
    }
    const k = classifyRow(view, q, h, limit);
    if (k.kind === "end") break;
    if (afterTotal && k.kind === "indicator") break; // rows after the total belong to what follows
    end = q;
    if (k.kind === "sum") {
      totals.push({ row: q, rank: k.rank ?? 1, labelCol: k.col ?? h.c0 });
      afterTotal = true;
    } else if (k.kind === "check") checks.push(q);
    else if (k.kind === "skip") {
      const [, t] = view.rowCells(q, undefined, undefined, true)[0];
      const l1 = level1InHeading(t);
      if (l1 && h.cols.level1 === undefined) {
        level1 = l1;
        level1Weight = splitLevelWeight(t).weight;
      }
    } else if (k.kind === "indicator") bodyRows.push(q);
  }
  const cols = resolveColumns(view, h, bodyRows);
  const get = (r: number, role: IndRole): string => (cols[role] === undefined ? "" : view.text(r, cols[role]!));
  for (const r of bodyRows) {
    if (cols.level1 !== undefined) {
      const t = view.text(r, cols.level1);
      if (t) {
        const s = splitLevelWeight(t);
        level1 = s.label;
        level1Weight = s.weight;
        level1Cell = view.a1(r, cols.level1);
      }
    }
    if (cols.level2 !== undefined) {
      const t = view.text(r, cols.level2);
      if (t) {
        level2 = splitLevelWeight(t).label;
        level2Cell = view.a1(r, cols.level2);
      }
    }
    const nameCol = cols.name;
    const nameCovered = nameCol !== undefined && view.isCovered(r, nameCol) && view.mergeAt(r, nameCol)!.r0 < r;
    const name = nameCovered ? "" : get(r, "name");
    const target = get(r, "target");
    const actual = get(r, "actual");
    const adjusted = get(r, "adjusted");
    const hasWeight = cols.weight !== undefined && view.text(r, cols.weight) !== "" && !view.isCovered(r, cols.weight);
    const hasScore = cols.score !== undefined && view.text(r, cols.score) !== "" && !view.isCovered(r, cols.score);
    if (!opts.keepBlankRows && !name && !target && !actual && !adjusted && !hasWeight && !hasScore) continue; // placeholder row
    const weight = cols.weight === undefined ? null : rowNumAt(view, r, cols.weight, "分值", issues);
    const score = cols.score === undefined ? null : rowNumAt(view, r, cols.score, "得分", issues);
    const ind: Indicator = {
      id: nextId(),
      level1: level1 || level1For(level2),
      level2,
      name,
      target,
      actual,
      weight: weight?.value ?? null,
      enteredScore: score?.value ?? null,
      reason: get(r, "reason"),
      cells: {
        row: r + 1,
        level1: level1Cell,
        level2: level2Cell,
        name: nameCol !== undefined ? view.a1(r, nameCol) : undefined,
        target: cols.target !== undefined ? view.a1(r, cols.target) : undefined,
        actual: cols.actual !== undefined ? view.a1(r, cols.actual) : undefined,
        weight: cols.weight !== undefined ? view.a1(r, cols.weight) : undefined,
        score: cols.score !== undefined ? view.a1(r, cols.score) : undefined,
        reason: cols.reason !== undefined ? view.a1(r, cols.reason) : undefined,
      },
    };
    if (cols.adjusted !== undefined) ind.adjustedTarget = adjusted;
    if (cols.nature !== undefined) ind.nature = get(r, "nature");
    if (cols.unit !== undefined) ind.unit = get(r, "unit");
    if (cols.description !== undefined) ind.description = get(r, "description");
    if (cols.basis !== undefined) ind.basis = get(r, "basis");
    if (cols.level1 !== undefined || level1Weight !== null) ind.level1Weight = level1Weight;
    if (goal !== undefined) ind.goal = goal;
    out.push(ind);
  }
  h.cols = cols;
  return { header: h, end, indicators: out, totals, checks };
}

function rowRange(r0: number, r1: number): number[] {
  const out: number[] = [];
  for (let r = r0; r <= r1 && out.length < 10000; r++) out.push(r);
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
function resolveColumns(view: SheetView, h: TableHeader, rows: number[]): Partial<Record<IndRole, number>> {
  const cols = { ...h.cols };
  if (rows.length === 0) return cols;
  const texts = (c: number): string[] => rows.map((r) => view.ownText(r, c)).filter((t) => t !== "");
  for (const role of ["target", "actual"] as IndRole[]) {
    const c = cols[role];
    if (c === undefined) continue;
    const m = view.mergeAt(h.row, c);
    if (!m || m.c1 === m.c0 || m.c0 !== c) continue;
    const inside = Object.values(cols).filter((x) => x !== undefined && x > m.c0 && x <= m.c1);
    if (inside.length) continue;
    let value: number | undefined;
    for (let x = m.c0; x <= m.c1; x++) {
      const ts = texts(x);
      if (!ts.length) continue;
      if (ts.every((t) => SIGN.test(shortLabel(t)))) {
        if (cols.nature === undefined) cols.nature = x;
      } else if (ts.every((t) => t.length <= 6 && !/\d/.test(t)) && x > m.c0) {
        if (cols.unit === undefined) cols.unit = x;
      } else value ??= x;
    }
    if (value !== undefined) cols[role] = value;
  }
  const sum = (c: number): { sum: number; n: number; all: boolean } => {
    let s = 0;
    let n = 0;
    let all = true;
    for (const r of rows) {
      const t = view.ownText(r, c);
      if (!t) continue;
      const v = numAt(view, r, c, "", [], { points: true }).value;
      if (v === null) all = false;
      else {
        s += v;
        n++;
      }
    }
    return { sum: Math.round(s * 100) / 100, n, all };
  };
  const addsUp = (x: { sum: number; n: number; all: boolean }): boolean => x.n >= 2 && x.all && (Math.abs(x.sum - 100) < 0.6 || Math.abs(x.sum - 90) < 0.6);
  if (cols.weight === undefined) {
    const used = new Set(Object.values(cols));
    for (let c = h.c0; c <= h.c1; c++) {
      if (used.has(c) || view.isCovered(h.row, c)) continue;
      if (indicatorRole(view.text(h.row, c)) !== null) continue;
      if (addsUp(sum(c))) {
        cols.weight = c;
        break;
      }
    }
  }
  return cols;
}
