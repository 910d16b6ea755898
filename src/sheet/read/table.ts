// Indicator tables: a header row (一级 | 二级 | 三级 | 指标值 | 完成值 | 分值 | 得分 | 偏差原因 …, in any order and with
// synonyms), then body rows until a total, a note, the next goal or the next table. Merged 一级/二级 cells fill down.

import type { Indicator, ReadIssue } from "../../domain/model";
import type { SheetView } from "./view";
import { indicatorRole, isTerminator, level1For, type IndRole } from "./labels";
import { rowNumAt } from "./cells";
import { normLabel, splitLevelWeight } from "./text";

export interface TableHeader {
  row: number; // first header row
  bodyStart: number; // first body row
  cols: Partial<Record<IndRole, number>>;
  c0: number;
  c1: number;
}

function rolesOf(view: SheetView, r: number): Partial<Record<IndRole, number>> {
  const cols: Partial<Record<IndRole, number>> = {};
  for (const [c, t] of view.rowCells(r)) {
    const role = indicatorRole(t);
    if (role && cols[role] === undefined) cols[role] = c;
  }
  return cols;
}

function isHeader(cols: Partial<Record<IndRole, number>>): boolean {
  const n = Object.keys(cols).length;
  const hasName = cols.name !== undefined;
  const hasValue = cols.target !== undefined || cols.actual !== undefined || cols.weight !== undefined;
  return n >= 3 && hasName && hasValue;
}

export function findTableHeader(view: SheetView, r: number): TableHeader | null {
  const cols = rolesOf(view, r);
  if (!isHeader(cols)) return null;
  let bodyStart = r + 1;
  // a second header row (sub-headers such as 年初目标值 | 调整指标值 under a merged 指标值)
  while (bodyStart < view.rows && bodyStart <= r + 2) {
    const more = rolesOf(view, bodyStart);
    const fresh = (Object.keys(more) as IndRole[]).filter((k) => more[k] !== cols[k]);
    const repeats = (Object.keys(more) as IndRole[]).filter((k) => more[k] === cols[k]);
    if (fresh.length === 0 && repeats.length < 2) break;
    for (const k of fresh) if (cols[k] === undefined || view.isCovered(r, more[k]!)) cols[k] = more[k];
    bodyStart++;
  }
  const cs = Object.values(cols) as number[];
  return { row: r, bodyStart, cols, c0: Math.min(...cs), c1: Math.max(...cs) };
}

export interface TableRead {
  header: TableHeader;
  end: number; // last body row
  indicators: Indicator[];
}

/** A row that is one merged cell across most of the table: a section title or a paragraph. */
function isSectionRow(view: SheetView, r: number, h: TableHeader): boolean {
  const cells = view.rowCells(r, 0, view.cols - 1, true);
  if (cells.length !== 1) return false;
  const [c] = cells[0];
  const m = view.mergeAt(r, c);
  if (m && m.c1 - m.c0 >= 2) return true;
  return c < h.c0 && view.rowBlank(r, h.c0, h.c1);
}

/** True when row r is a note (注/备注/说明…) and the next non-blank row is an indicator row of the same table. */
function resumesAfterNote(view: SheetView, r: number, h: TableHeader, limit: number): boolean {
  const [, t] = view.rowCells(r, 0, view.cols - 1, true)[0];
  if (!/^[(（]?(注|备注|说明|附注)[:：)）\d]/.test(normLabel(t))) return false;
  for (let q = r + 1; q <= limit; q++) {
    if (view.rowBlank(q)) continue;
    if (isSectionRow(view, q, h) || findTableHeader(view, q)) return false;
    if (view.rowCells(q, 0, view.cols - 1, true).some(([, x]) => isTerminator(x))) return false;
    const name = h.cols.name === undefined ? "" : view.ownText(q, h.cols.name);
    const value = (["target", "actual", "weight", "score"] as IndRole[]).some((k) => h.cols[k] !== undefined && view.text(q, h.cols[k]!) !== "");
    return name !== "" && value;
  }
  return false;
}

export function readTable(
  view: SheetView,
  h: TableHeader,
  limit: number,
  nextId: () => string,
  issues: ReadIssue[],
  goal?: number,
): TableRead {
  const { cols } = h;
  const get = (r: number, role: IndRole): string => (cols[role] === undefined ? "" : view.text(r, cols[role]!));
  const out: Indicator[] = [];
  let level1 = "";
  let level1Weight: number | null = null;
  let level1Cell: string | undefined;
  let level2 = "";
  let level2Cell: string | undefined;
  let blanks = 0;
  let end = h.bodyStart - 1;
  for (let r = h.bodyStart; r <= limit; r++) {
    const own = view.rowCells(r, 0, Math.max(h.c0, cols.name ?? h.c0), true);
    if (own.some(([, t]) => isTerminator(t))) break;
    if (isSectionRow(view, r, h)) {
      // "注：以下指标为年中调整后新增指标" between indicator rows: skip it when indicator rows follow
      if (resumesAfterNote(view, r, h, limit)) continue;
      break;
    }
    if (view.rowBlank(r, 0, view.cols - 1)) {
      if (++blanks >= 3) break;
      continue;
    }
    blanks = 0;
    end = r;
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
    if (!name && !target && !actual && !adjusted && !hasWeight && !hasScore) continue; // placeholder row
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
    if (cols.level1 !== undefined) ind.level1Weight = level1Weight;
    if (goal !== undefined) ind.goal = goal;
    out.push(ind);
  }
  return { header: h, end, indicators: out };
}
