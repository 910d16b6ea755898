// The parts of a form around its tables: name, unit, year, goals, total and grade, shared 偏差 section, 资金支出计划.

import type { Goal, NumField, ReadIssue, SpendingPlanPoint, TextField } from "../../domain/model";
import type { SheetView } from "./view";
import { isGradeLabel, isImprovementLabel, isSharedReasonLabel, sumLabel } from "./labels";
import { numAt } from "./cells";
import { isInstruction, labelKey, MAX_LABEL, normLabel, parseGoalLabel, parseLooseNumber, shortLabel } from "./text";
import { fieldLabel, type FieldsRead } from "./fields";
import type { TableRead } from "./table";

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
  const first = view.rowCells(r, cEnd + 1, undefined, true)[0];
  if (rightOnly && (!first || first[0] > cEnd + 1) && cEnd + 1 <= view.bounds.c1 && view.text(r, cEnd + 1) === "") {
    // a blank cell directly right of the label is its (empty) value
    return { text: "", cell: view.a1(r, cEnd + 1) };
  }
  for (const [cc, t] of view.rowCells(r, cEnd + 1, undefined, true)) {
    if (isLabel(t)) break;
    return { text: t, cell: view.a1(r, cc) };
  }
  if (rightOnly) return null;
  if (rEnd + 1 <= view.bounds.r1) {
    const t = view.text(rEnd + 1, c);
    if (!isLabel(t)) return { text: t, cell: view.a1(rEnd + 1, c) };
  }
  return null;
}

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

/** The form's kind at the end of a title ("…部门整体支出绩效自评表", "…整体支出预算绩效自评表"), to leave the unit's name. */
const KIND_WORDS = /(?:部门|单位)?(?:整体)?(?:项目支出|支出)?(?:预算)?(?:支出)?绩效(?:自评|目标|评价)(?:申报)?(?:报告)?表?$|自评表$/;

/** Name, unit, year and title of a form, from its fields and its title lines. */
export function readHeader(view: SheetView, r0: number, r1: number, read: FieldsRead): Header {
  const { fields, unitName } = read;
  const h: Header = { name: "" };
  if (fields.name?.value) {
    h.name = fields.name.value;
    h.nameCell = fields.name.cell;
  }
  h.unit = [unitName, fields.supervisor, fields.implementer].find((f) => f && f.value)?.value;
  if (fields.year?.value) h.year = parseInt(fields.year.value, 10);
  const rows = view.contentRows(r0, r1);
  for (const r of rows) {
    for (const [c, t] of view.rowCells(r, undefined, undefined, true)) {
      if (t.length > MAX_LABEL) continue;
      const k = labelKey(t);
      if (k === "项目编码" && !h.code) {
        const v = valueRightOrBelow(view, r, c, (x) => fieldLabel(x) !== null || /^项目编码/.test(shortLabel(x)), true);
        if (v && v.text) h.code = v.text;
      }
      if (/资金用途$/.test(k) && !h.purpose) {
        const m = view.mergeAt(r, c);
        const below = (m ? m.r1 : r) + (m && m.r1 > m.r0 ? 0 : 1);
        const texts = view.rowCells(below, (m ? m.c1 : c) + 1, undefined, true).filter(([, x]) => x.length > 8);
        if (texts.length) h.purpose = texts[0][1];
      }
      if (h.year === undefined) {
        const n = t.normalize("NFKC");
        const y = /(20\d\d)[ \t]{0,12}年度/.exec(n) ?? /[(（][ \t]{0,12}(20\d\d)[ \t]{0,12}年?度?[ \t]{0,12}[)）]/.exec(n);
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
    for (const r of rows.filter((x) => x <= r0 + 6)) {
      if (h.name) break;
      for (const [c, t] of view.rowCells(r, undefined, undefined, true)) {
        if (t.length > MAX_LABEL) continue;
        const k = normLabel(t).replace(/^附(件)?[\d-]{0,6}/, "");
        const m = /^(?:20\d\d)年度?(.*)$/.exec(k);
        if (!m) continue;
        const rest = m[1].replace(KIND_WORDS, "").replace(/^[(（)）]+|[(（)）]+$/g, "");
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
  for (const r of view.contentRows(r0, r1)) {
    if (skip.has(r) || consumed.has(r)) continue;
    for (const [c, t] of view.rowCells(r, undefined, undefined, true)) {
      const g = parseGoalLabel(t);
      const k = t.length <= MAX_LABEL * 4 ? normLabel(t.slice(0, 40)) : "";
      if (g && /^年度(绩效)?目标\d/.test(k) && c <= view.bounds.c0 + 3) {
        goals.push({ index: g.index, text: g.text, cell: view.a1(r, c) });
        goalRows.set(r, g.index);
        break;
      }
      if (t.length <= MAX_LABEL && /^(年度总体目标|绩效目标|年度绩效目标|总体目标|项目年度目标|年度目标)$/.test(normLabel(t))) {
        const right = valueRightOrBelow(view, r, c, () => false, true);
        if (right && right.text && !/目标|完成情况/.test(normLabel(right.text).slice(-6))) {
          const goal: Goal = { index: goals.length + 1, text: right.text, cell: right.cell };
          goals.push(goal);
          // "项目年度目标 | text | 年度目标完成情况 | text" on one row
          const cells = view.rowCells(r, undefined, undefined, true);
          const act = cells.findIndex(([, x]) => x.length <= MAX_LABEL && /完成情况$/.test(normLabel(x)));
          if (act >= 0) {
            const [ac] = cells[act];
            const m = view.mergeAt(r, ac);
            const vc = (m?.c1 ?? ac) + 1;
            const v = cells[act + 1];
            goal.actualText = v ? v[1] : "";
            goal.actualCell = view.a1(r, v ? v[0] : vc);
          }
          break;
        }
        // a header row (预期目标 | 实际完成情况) with the texts below
        const cells = view.rowCells(r, c + 1, undefined, true);
        const below = view.nextContentRow(r, r1) ?? r + 1;
        if (cells.length >= 1 && below <= r1 && below - r <= 2) {
          const exp = cells[0];
          const act = cells.find(([, x]) => /完成情况|实际/.test(x));
          const text = view.text(below, exp[0]);
          const em = view.mergeAt(below, exp[0]);
          for (let q = below; q <= (em ? Math.min(em.r1, below + 20) : below); q++) consumed.add(q);
          const actualText = act ? view.text(below, act[0]) : undefined;
          goals.push({
            index: goals.length + 1,
            text: isInstruction(text) ? "" : text,
            actualText: actualText !== undefined && isInstruction(actualText) ? "" : actualText,
            cell: view.a1(below, exp[0]),
            ...(act ? { actualCell: view.a1(below, act[0]) } : {}),
          });
        }
        break;
      }
    }
  }
  return { goals, goalRows };
}

export interface Totals {
  total: NumField | null;
  grade: TextField | null;
  weightTotal: NumField | null;
}

/**
 * The 总分 is read from the row that is the total: of the rows under (or inside) the last indicator table that a sum
 * label marks as a total, the one whose label says 总分 most surely (总分 > 总计 > 合计 / 自评得分), the last of those;
 * its value is in the score column — an error or a text there is a read problem and no other cell is taken for it.
 * A form without such a row may say it elsewhere: "自评总分 | 97.6" beside the header fields, "总分：98" in one cell,
 * or "总得分98.25分" in a report's text. Check rows (核对, 权重合计) are never the total.
 */
export function readTotals(
  view: SheetView,
  r0: number,
  r1: number,
  tables: TableRead[],
  issues: ReadIssue[],
  skip: Set<number>,
): Totals {
  let total: NumField | null = null;
  let weightTotal: NumField | null = null;
  let grade: TextField | null = null;
  const last = tables[tables.length - 1];
  const weightCol = last?.header.cols.weight;
  const candidates = tables.flatMap((t) => t.totals.map((x) => ({ ...x, table: t })));
  let best: (typeof candidates)[number] | undefined;
  for (const c of candidates) if (!best || c.rank >= best.rank) best = c;
  let totalRank = -1;
  if (best) {
    const t = best.table;
    const sc = t.header.cols.score;
    const wc = t.header.cols.weight;
    if (sc !== undefined && sc > best.labelCol) total = numAt(view, best.row, sc, "总分", issues, { points: true });
    else {
      const nums = view.rowCells(best.row, best.labelCol + 1, undefined, true).filter(([c]) => c !== wc);
      const pick = nums.find(([, x]) => parseLooseNumber(x) !== null) ?? nums[0];
      total = pick ? numAt(view, best.row, pick[0], "总分", issues, { points: true }) : { value: null, raw: "", cell: view.a1(best.row, (view.mergeAt(best.row, best.labelCol)?.c1 ?? best.labelCol) + 1) };
    }
    totalRank = best.rank;
    if (wc !== undefined && wc !== sc && view.text(best.row, wc) !== "") weightTotal = numAt(view, best.row, wc, "分值合计", issues, { points: true });
  }
  for (const t of tables) for (const q of t.checks) {
    // 权重合计 | … | 100: the weight total, when the total row has none
    if (weightTotal || weightCol === undefined) continue;
    const label = view.rowCells(q, undefined, undefined, true).find(([, x]) => /^(权重|分值)合计/.test(shortLabel(x)));
    if (label && view.text(q, weightCol) !== "") weightTotal = numAt(view, q, weightCol, "分值合计", issues, { points: true });
  }
  const tableRows = new Set<number>();
  for (const t of tables) for (const q of view.contentRows(t.header.row, t.end)) tableRows.add(q);
  for (const r of view.contentRows(r0, r1)) {
    if (skip.has(r)) continue; // a funds block's 合计 row is not the 总分
    const cells = view.rowCells(r, undefined, undefined, true);
    for (let i = 0; i < cells.length; i++) {
      const [c, t] = cells[i];
      if (t.length > MAX_LABEL) {
        reportText(t, view.a1(r, c));
        continue;
      }
      const s = sumLabel(t);
      if (!tableRows.has(r) && s?.kind === "total" && s.rank >= 3 && totalRank < 3) {
        // "自评总分 | 97.6" / "总分 | 98" outside the table
        const next = cells[i + 1];
        if (next && !isGradeLabel(next[1]) && !fieldLabel(next[1])) total = numAt(view, r, next[0], "总分", issues, { points: true });
        else total = { value: null, raw: "", cell: view.a1(r, (view.mergeAt(r, c)?.c1 ?? c) + 1) };
        totalRank = 3;
      } else if (!grade && isGradeLabel(t)) {
        const next = cells[i + 1];
        grade =
          next && !sumLabel(next[1]) && next[1].length <= 12
            ? { value: next[1], cell: view.a1(r, next[0]) }
            : { value: "", cell: view.a1(r, (view.mergeAt(r, c)?.c1 ?? c) + 1) };
      } else if (!grade && /^(综合评定等级|评价等级|自评等级|综合评价等级|评定等级|等级)[:：]/.test(shortLabel(t))) {
        // "自评等级：优" in one cell
        grade = { value: normLabel(t).replace(/^[^:：]*[:：]/, ""), cell: view.a1(r, c) };
      } else if (totalRank < 3 && /^(总分|自评总分|总得分|综合得分)[:：]\d/.test(shortLabel(t))) {
        const p = parseLooseNumber(normLabel(t).replace(/^[^:：]*[:：]/, "").replace(/分$/, ""));
        if (p) {
          total = { value: p.value, raw: t, cell: view.a1(r, c) };
          totalRank = 3;
        }
      } else if (t.length > 8) reportText(t, view.a1(r, c));
    }
  }
  function reportText(t: string, cell: string): void {
    // a report's text: "总得分98.25分，属于"优秀""
    if (!total) {
      const v = numberAfter(t, ["总得分", "总分", "自评得分", "综合得分"], "分");
      if (v !== null) total = { value: v.value, raw: v.raw, cell };
    }
    if (!grade) {
      const g = gradeAfter(t);
      if (g) grade = { value: g, cell };
    }
  }
  return { total, grade, weightTotal };
}

/** The number right after one of `keys` (optionally "为", a colon), followed by `unit`; found in linear time. */
function numberAfter(text: string, keys: string[], unit: string): { value: number; raw: string } | null {
  const s = text.normalize("NFKC").replace(/\s+/g, "");
  for (const key of keys) {
    let from = 0;
    for (let n = 0; n < 50; n++) {
      const at = s.indexOf(key, from);
      if (at < 0) break;
      const window = s.slice(at + key.length, at + key.length + 24);
      const m = /^为?[:：]?(\d{1,3}(?:\.\d{1,4})?)/.exec(window);
      if (m && window.slice(m[0].length).startsWith(unit)) return { value: parseFloat(m[1]), raw: m[1] };
      from = at + key.length;
    }
  }
  return null;
}

function gradeAfter(text: string): string | null {
  const s = text.normalize("NFKC").replace(/\s+/g, "");
  for (const key of ["评价等级为", "等级为", "属于", "等级:", "评定为", "评为"]) {
    let from = 0;
    for (let n = 0; n < 50; n++) {
      const at = s.indexOf(key, from);
      if (at < 0) break;
      const m = /^["“'‘「]?(优秀|良好|合格|较差|优|良|中|差)/.exec(s.slice(at + key.length, at + key.length + 6));
      if (m) return m[1];
      from = at + key.length;
    }
  }
  return null;
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
  for (const r of view.contentRows(r0, r1)) {
    if (skip.has(r)) continue;
    for (const [c, t] of view.rowCells(r, undefined, undefined, true)) {
      if (t.length > MAX_LABEL) continue;
      if (!reason && isSharedReasonLabel(t)) {
        const v = valueRightOrBelow(view, r, c, isLabel);
        reason = v ? { value: isInstruction(v.text) ? "" : v.text, cell: v.cell } : { value: "", cell: view.a1(r, c) };
      } else if (!improvement && isImprovementLabel(t)) {
        const v = valueRightOrBelow(view, r, c, isLabel);
        improvement = v ? { value: isInstruction(v.text) ? "" : v.text, cell: v.cell } : { value: "", cell: view.a1(r, c) };
      }
    }
  }
  return { reason, improvement };
}

/** 资金支出计划（%） | 3月底 | 6月底 | 10月底 | 12月底, values in the row below (cumulative %). */
export function readSpendingPlan(view: SheetView, r0: number, r1: number, issues: ReadIssue[]): SpendingPlanPoint[] {
  for (const r of view.contentRows(r0, r1)) {
    for (const [c, t] of view.rowCells(r, undefined, undefined, true)) {
      if (t.length > MAX_LABEL || !/^资金支出计划/.test(normLabel(t))) continue;
      const heads = view.rowCells(r, c + 1, undefined, true).filter(([, x]) => x.length <= 12 && /月|季度|底|末/.test(x));
      return heads.map(([hc, label]) => {
        const f = numAt(view, r + 1, hc, "资金支出计划", issues);
        if (f.value !== null && !/%/.test(f.raw) && f.value > 1.5) f.value /= 100;
        return { label: normLabel(label), value: f };
      });
    }
  }
  return [];
}

