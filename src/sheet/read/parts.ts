// The parts of a form around its tables: name, unit, year, goals, total and grade, shared 偏差 section, 资金支出计划.

import type { Goal, NumField, ReadIssue, SpendingPlanPoint, TextField } from "../../domain/model";
import type { SheetView } from "./view";
import { isGradeLabel, isImprovementLabel, isSharedReasonLabel, isTotalLabel, NAME_LABELS, UNIT_LABELS } from "./labels";
import { numAt } from "./cells";
import { labelKey, normLabel, parseGoalLabel, parseLooseNumber, trimText } from "./text";

const NAME_KEYS = new Set(NAME_LABELS.map(labelKey));
const UNIT_KEYS = new Set(UNIT_LABELS.map(labelKey));

/** A label's value: the next own cell to the right that is not itself a label, else the cell below. */
export function valueRightOrBelow(
  view: SheetView,
  r: number,
  c: number,
  isLabel: (t: string) => boolean,
  rightOnly = false,
): { text: string; cell: string } | null {
  const m = view.mergeAt(r, c);
  const cEnd = m ? m.c1 : c;
  const rEnd = m ? m.r1 : r;
  for (let cc = cEnd + 1; cc < view.cols; cc++) {
    if (view.isCovered(r, cc) && view.master(r, cc)[1] < cc) continue;
    const t = view.text(r, cc);
    if (t === "") {
      // a blank cell directly right of the label is its (empty) value, unless the label has a value below
      if (cc === cEnd + 1 && rightOnly) return { text: "", cell: view.a1(r, cc) };
      continue;
    }
    if (isLabel(t)) break;
    return { text: t, cell: view.a1(r, cc) };
  }
  if (rightOnly) return null;
  if (rEnd + 1 < view.rows) {
    const t = view.text(rEnd + 1, c);
    if (!isLabel(t)) return { text: t, cell: view.a1(rEnd + 1, c) };
  }
  return null;
}

const anyLabel = (t: string): boolean =>
  NAME_KEYS.has(labelKey(t)) || UNIT_KEYS.has(labelKey(t)) || /^(项目编码|单位[:：]|填报|联系|所属|主管|实施)/.test(normLabel(t));

export interface Header {
  name: string;
  nameCell?: string;
  unit?: string;
  year?: number;
  title?: string;
  titleCell?: string;
  code?: string;
  purpose?: string;
}

const KIND_WORDS =
  /(部门整体支出绩效自评表|部门整体绩效自评表|整体支出预算绩效自评报告|整体支出绩效自评报告|部门预算项目绩效自评表|项目支出绩效自评表|部门整体支出绩效目标表|项目绩效目标表|绩效目标申报表|绩效自评表|绩效自评报告|绩效目标表|自评表)$/;

export function readHeader(view: SheetView, r0: number, r1: number): Header {
  const h: Header = { name: "" };
  for (let r = r0; r <= r1; r++) {
    for (const [c, t] of view.rowCells(r, 0, view.cols - 1, true)) {
      const k = labelKey(t);
      const inline = /^(项目名称|单位名称|部门名称|填报单位|预算单位|主管部门|实施单位|项目单位|申报单位)(?:\(盖章\))?[:：]\s*(.+)$/.exec(t.normalize("NFKC").replace(/\s+/g, " ").trim());
      if (NAME_KEYS.has(k) && !h.nameCell) {
        const v = valueRightOrBelow(view, r, c, anyLabel, true);
        if (v && v.text) {
          h.name = v.text;
          h.nameCell = v.cell;
        }
      } else if (UNIT_KEYS.has(k) && !h.unit) {
        const v = valueRightOrBelow(view, r, c, anyLabel, true);
        if (v && v.text) h.unit = v.text;
      } else if (inline) {
        const value = trimText(inline[2].split(/\s{2,}|填报(日期|时间)|联系/)[0]);
        if (inline[1] === "项目名称" && !h.nameCell && value) {
          h.name = value;
          h.nameCell = view.a1(r, c);
        } else if (!h.unit && value) h.unit = value;
      }
      if (k === "项目编码" && !h.code) {
        const v = valueRightOrBelow(view, r, c, anyLabel, true);
        if (v && v.text) h.code = v.text;
      }
      if (/资金用途$/.test(k) && !h.purpose) {
        const m = view.mergeAt(r, c);
        const below = (m ? m.r1 : r) + (m && m.r1 > m.r0 ? 0 : 1);
        const texts = view.rowCells(below, (m ? m.c1 : c) + 1, view.cols - 1, true).filter(([, x]) => x.length > 8);
        if (texts.length) h.purpose = texts[0][1];
      }
      if (h.year === undefined) {
        const y = /(20\d\d)\s*年度/.exec(t.normalize("NFKC")) ?? /[(（]\s*(20\d\d)\s*年度?\s*[)）]/.exec(t.normalize("NFKC"));
        if (y) h.year = parseInt(y[1], 10);
      }
      if (!h.title && r <= r0 + 6 && /(自评|绩效目标|评价)/.test(t) && t.length <= 60 && !/[:：]/.test(t)) {
        h.title = normLabel(t);
        h.titleCell = view.a1(r, c);
      }
    }
  }
  if (!h.name && h.unit) h.name = h.unit;
  if (!h.name) {
    // "2021年度忻州市…办公室" / "2021年度区人大办公室部门整体绩效自评表": the unit from the title lines
    for (let r = r0; r <= Math.min(r1, r0 + 6) && !h.name; r++) {
      for (const [c, t] of view.rowCells(r, 0, view.cols - 1, true)) {
        const k = normLabel(t).replace(/^附(件)?[\d-]*/, "");
        const m = /^(?:20\d\d)年度?(.*)$/.exec(k);
        if (!m) continue;
        const rest = m[1].replace(KIND_WORDS, "");
        if (rest) {
          h.name = rest;
          h.nameCell = view.a1(r, c);
          break;
        }
      }
    }
  }
  return h;
}

/** 年度目标N：… rows, and 年度总体目标 | 预期目标 | 实际完成情况 blocks, and a 绩效目标 text. */
export function readGoals(view: SheetView, r0: number, r1: number, skip: Set<number>): { goals: Goal[]; goalRows: Map<number, number> } {
  const goals: Goal[] = [];
  const goalRows = new Map<number, number>();
  const consumed = new Set<number>();
  for (let r = r0; r <= r1; r++) {
    if (skip.has(r) || consumed.has(r)) continue;
    for (const [c, t] of view.rowCells(r, 0, view.cols - 1, true)) {
      const g = parseGoalLabel(t);
      const k = normLabel(t);
      if (g && /^年度(绩效)?目标\d/.test(k) && c <= 3) {
        goals.push({ index: g.index, text: g.text, cell: view.a1(r, c) });
        goalRows.set(r, g.index);
        break;
      }
      if (/^(年度总体目标|绩效目标|年度绩效目标|总体目标)$/.test(k)) {
        const right = valueRightOrBelow(view, r, c, () => false, true);
        if (right && right.text && !/目标|完成情况/.test(normLabel(right.text).slice(-6))) {
          goals.push({ index: goals.length + 1, text: right.text, cell: right.cell });
          break;
        }
        // a header row (预期目标 | 实际完成情况) with the texts below
        const cells = view.rowCells(r, c + 1, view.cols - 1, true);
        if (cells.length >= 1 && r + 1 <= r1) {
          const exp = cells[0];
          const act = cells.find(([, x]) => /完成情况|实际/.test(x));
          const text = view.text(r + 1, exp[0]);
          const em = view.mergeAt(r + 1, exp[0]);
          for (let q = r + 1; q <= (em ? em.r1 : r + 1); q++) consumed.add(q);
          goals.push({
            index: goals.length + 1,
            text,
            actualText: act ? view.text(r + 1, act[0]) : undefined,
            cell: view.a1(r + 1, exp[0]),
          });
        }
        break;
      }
    }
  }
  return { goals, goalRows };
}

export function readTotals(
  view: SheetView,
  r0: number,
  r1: number,
  scoreCol: number | undefined,
  issues: ReadIssue[],
  weightCol?: number,
  skip: Set<number> = new Set(),
): { total: NumField | null; grade: TextField | null; weightTotal: NumField | null } {
  let total: NumField | null = null;
  let weightTotal: NumField | null = null;
  let grade: TextField | null = null;
  for (let r = r0; r <= r1; r++) {
    if (skip.has(r)) continue; // a funds block's 合计 row is not the 总分
    const cells = view.rowCells(r, 0, view.cols - 1, true);
    for (let i = 0; i < cells.length; i++) {
      const [c, t] = cells[i];
      if (!total && isTotalLabel(t)) {
        const nums = cells.slice(i + 1).filter(([, x]) => parseLooseNumber(x) !== null);
        const inScore = scoreCol !== undefined ? nums.find(([cc]) => cc === scoreCol) : undefined;
        const pick = inScore ?? nums[nums.length - 1] ?? (cells[i + 1] && !isGradeLabel(cells[i + 1][1]) ? cells[i + 1] : undefined);
        if (pick) total = numAt(view, r, pick[0], "总分", issues);
        else total = { value: null, raw: "", cell: view.a1(r, Math.min(view.cols - 1, (view.mergeAt(r, c)?.c1 ?? c) + 1)) };
        const inWeight = weightCol !== undefined && pick?.[0] !== weightCol ? nums.find(([cc]) => cc === weightCol) : undefined;
        if (inWeight) weightTotal = numAt(view, r, inWeight[0], "分值合计", issues);
      } else if (!grade && isGradeLabel(t)) {
        const next = cells[i + 1];
        grade = next && !isTotalLabel(next[1]) ? { value: next[1], cell: view.a1(r, next[0]) } : { value: "", cell: view.a1(r, c + 1) };
      } else if (!grade && /^(综合评定等级|评价等级|自评等级|综合评价等级|评定等级|等级)[:：]/.test(normLabel(t))) {
        // "自评等级：优" in one cell
        grade = { value: normLabel(t).replace(/^[^:：]*[:：]/, ""), cell: view.a1(r, c) };
      } else if (!total && /^(总分|自评总分|总得分|综合得分)[:：]\s*\d/.test(normLabel(t))) {
        const p = parseLooseNumber(normLabel(t).replace(/^[^:：]*[:：]/, "").replace(/分$/, ""));
        if (p) total = { value: p.value, raw: t, cell: view.a1(r, c) };
      } else if (t.length > 8) {
        // a report's text: "总得分98.25分，属于"优秀""
        const s = t.normalize("NFKC");
        const mt = /(?:总得分|总分|自评得分|综合得分)\s*(?:为)?[:：]?\s*(\d+(?:\.\d+)?)\s*分/.exec(s);
        if (mt && !total) total = { value: parseFloat(mt[1]), raw: mt[1], cell: view.a1(r, c) };
        const mg = /(?:属于|等级为|评价等级为|等级[:：]|评定为|评为)\s*["“'‘「]?(优秀|良好|合格|较差|优|良|中|差)/.exec(s);
        if (mg && !grade) grade = { value: mg[1], cell: view.a1(r, c) };
      }
    }
  }
  return { total, grade, weightTotal };
}

export function readSharedReason(
  view: SheetView,
  r0: number,
  r1: number,
  skip: Set<number>,
): { reason: TextField | null; improvement: TextField | null } {
  let reason: TextField | null = null;
  let improvement: TextField | null = null;
  const isLabel = (t: string): boolean => isSharedReasonLabel(t) || isImprovementLabel(t);
  for (let r = r0; r <= r1; r++) {
    if (skip.has(r)) continue;
    for (const [c, t] of view.rowCells(r, 0, view.cols - 1, true)) {
      if (!reason && isSharedReasonLabel(t)) {
        const v = valueRightOrBelow(view, r, c, isLabel);
        reason = v ? { value: v.text, cell: v.cell } : { value: "", cell: view.a1(r, c) };
      } else if (!improvement && isImprovementLabel(t)) {
        const v = valueRightOrBelow(view, r, c, isLabel);
        improvement = v ? { value: v.text, cell: v.cell } : { value: "", cell: view.a1(r, c) };
      }
    }
  }
  return { reason, improvement };
}

/** 资金支出计划（%） | 3月底 | 6月底 | 10月底 | 12月底, values in the row below (cumulative %). */
export function readSpendingPlan(view: SheetView, r0: number, r1: number, issues: ReadIssue[]): SpendingPlanPoint[] {
  for (let r = r0; r <= r1; r++) {
    for (const [c, t] of view.rowCells(r, 0, view.cols - 1, true)) {
      if (!/^资金支出计划/.test(normLabel(t))) continue;
      const heads = view.rowCells(r, c + 1, view.cols - 1, true).filter(([, x]) => /月|季度|底|末/.test(x));
      const plan: SpendingPlanPoint[] = heads.map(([hc, label]) => {
        const f = numAt(view, r + 1, hc, "资金支出计划", issues);
        if (f.value !== null && !/%/.test(f.raw) && f.value > 1.5) f.value /= 100;
        return { label: normLabel(label), value: f };
      });
      return plan;
    }
  }
  return [];
}
