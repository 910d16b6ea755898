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
  row: number,
  col: number,
  isLabel: (t: string) => boolean,
  rightOnly = false,
): { text: string; cell: string } | null {
  const merge = view.mergeAt(row, col);
  const cEnd = merge ? merge.c1 : col;
  const rEnd = merge ? merge.r1 : row;
  const first = view.rowCells(row, cEnd + 1, undefined, true)[0];
  if (rightOnly && (!first || first[0] > cEnd + 1) && cEnd + 1 <= view.bounds.c1 && view.text(row, cEnd + 1) === "") {
    // a blank cell directly right of the label is its (empty) value
    return { text: "", cell: view.a1(row, cEnd + 1) };
  }
  for (const [nextCol, cellText] of view.rowCells(row, cEnd + 1, undefined, true)) {
    if (isLabel(cellText)) break;
    return { text: cellText, cell: view.a1(row, nextCol) };
  }
  if (rightOnly) return null;
  if (rEnd + 1 <= view.bounds.r1) {
    const label = view.text(rEnd + 1, col);
    if (!isLabel(label)) return { text: label, cell: view.a1(rEnd + 1, col) };
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
export function readHeader(view: SheetView, firstRow: number, lastRow: number, read: FieldsRead): Header {
  const { fields, unitName } = read;
  const header: Header = { name: "" };
  if (fields.name?.value) {
    header.name = fields.name.value;
    header.nameCell = fields.name.cell;
  }
  header.unit = [unitName, fields.supervisor, fields.implementer].find((f) => f && f.value)?.value;
  if (fields.year?.value) header.year = parseInt(fields.year.value, 10);
  const rows = view.contentRows(firstRow, lastRow);
  for (const row of rows) {
    for (const [col, cellText] of view.rowCells(row, undefined, undefined, true)) {
      if (cellText.length > MAX_LABEL) continue;
      const label = labelKey(cellText);
      if (label === "项目编码" && !header.code) {
        const value = valueRightOrBelow(view, row, col, (x) => fieldLabel(x) !== null || /^项目编码/.test(shortLabel(x)), true);
        if (value && value.text) header.code = value.text;
      }
      if (/资金用途$/.test(label) && !header.purpose) {
        const merge = view.mergeAt(row, col);
        const below = (merge ? merge.r1 : row) + (merge && merge.r1 > merge.r0 ? 0 : 1);
        const texts = view.rowCells(below, (merge ? merge.c1 : col) + 1, undefined, true).filter(([, x]) => x.length > 8);
        if (texts.length) header.purpose = texts[0][1];
      }
      if (header.year === undefined) {
        const normal = cellText.normalize("NFKC");
        const year = /(20\d\d)[ \t]{0,12}年度/.exec(normal) ?? /[(（][ \t]{0,12}(20\d\d)[ \t]{0,12}年?度?[ \t]{0,12}[)）]/.exec(normal);
        if (year) header.year = parseInt(year[1], 10);
      }
      if (!header.title && row <= firstRow + 6 && /(自评|绩效目标|评价)/.test(cellText) && cellText.length <= 60 && !/[:：]/.test(cellText)) {
        header.title = normLabel(cellText);
        header.titleCell = view.a1(row, col);
      }
    }
  }
  if (!header.name && header.unit) header.name = header.unit;
  if (!header.name) {
    // "2021年度忻州市…办公室" / "2021年度区人大办公室部门整体绩效自评表": the unit from the title lines
    for (const rowIndex of rows.filter((x) => x <= firstRow + 6)) {
      if (header.name) break;
      for (const [colIndex, t] of view.rowCells(rowIndex, undefined, undefined, true)) {
        if (t.length > MAX_LABEL) continue;
        const labelText = normLabel(t).replace(/^附(件)?[\d-]{0,6}/, "");
        const match = /^(?:20\d\d)年度?(.*)$/.exec(labelText);
        if (!match) continue;
        const rest = match[1].replace(KIND_WORDS, "").replace(/^[(（)）]+|[(（)）]+$/g, "");
        if (rest) {
          header.name = rest;
          header.nameCell = view.a1(rowIndex, colIndex);
          break;
        }
      }
    }
  }
  return header;
}

/** 年度目标N：… rows, and 年度总体目标 | 预期目标 | 实际完成情况 blocks, and a 绩效目标 text. */
export function readGoals(view: SheetView, firstRow: number, lastRow: number, skip: Set<number>): { goals: Goal[]; goalRows: Map<number, number> } {
  const goals: Goal[] = [];
  const goalRows = new Map<number, number>();
  const consumed = new Set<number>();
  for (const row of view.contentRows(firstRow, lastRow)) {
    if (skip.has(row) || consumed.has(row)) continue;
    for (const [col, cellText] of view.rowCells(row, undefined, undefined, true)) {
      const goalLabel = parseGoalLabel(cellText);
      const label = cellText.length <= MAX_LABEL * 4 ? normLabel(cellText.slice(0, 40)) : "";
      if (goalLabel && /^年度(绩效)?目标\d/.test(label) && col <= view.bounds.c0 + 3) {
        goals.push({ index: goalLabel.index, text: goalLabel.text, cell: view.a1(row, col) });
        goalRows.set(row, goalLabel.index);
        break;
      }
      if (cellText.length <= MAX_LABEL && /^(年度总体目标|绩效目标|年度绩效目标|总体目标|项目年度目标|年度目标)$/.test(normLabel(cellText))) {
        const right = valueRightOrBelow(view, row, col, () => false, true);
        if (right && right.text && !/目标|完成情况/.test(normLabel(right.text).slice(-6))) {
          const goal: Goal = { index: goals.length + 1, text: right.text, cell: right.cell };
          goals.push(goal);
          // "项目年度目标 | text | 年度目标完成情况 | text" on one row
          const cells = view.rowCells(row, undefined, undefined, true);
          const act = cells.findIndex(([, x]) => x.length <= MAX_LABEL && /完成情况$/.test(normLabel(x)));
          if (act >= 0) {
            const [actualCol] = cells[act];
            const merge = view.mergeAt(row, actualCol);
            const valueCol = (merge?.c1 ?? actualCol) + 1;
            const valueCell = cells[act + 1];
            goal.actualText = valueCell ? valueCell[1] : "";
            goal.actualCell = view.a1(row, valueCell ? valueCell[0] : valueCol);
          }
          break;
        }
        // a header row (预期目标 | 实际完成情况) with the texts below
        const cells = view.rowCells(row, col + 1, undefined, true);
        const below = view.nextContentRow(row, lastRow) ?? row + 1;
        if (cells.length >= 1 && below <= lastRow && below - row <= 2) {
          const exp = cells[0];
          const act = cells.find(([, x]) => /完成情况|实际/.test(x));
          const text = view.text(below, exp[0]);
          const merged = view.mergeAt(below, exp[0]);
          for (let q = below; q <= (merged ? Math.min(merged.r1, below + 20) : below); q++) consumed.add(q);
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
  firstRow: number,
  lastRow: number,
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
    const table = best.table;
    const scoreCol = table.header.cols.score;
    const wc = table.header.cols.weight;
    if (scoreCol !== undefined && scoreCol > best.labelCol) total = numAt(view, best.row, scoreCol, "总分", issues, { points: true });
    else {
      const nums = view.rowCells(best.row, best.labelCol + 1, undefined, true).filter(([c]) => c !== wc);
      const pick = nums.find(([, x]) => parseLooseNumber(x) !== null) ?? nums[0];
      total = pick ? numAt(view, best.row, pick[0], "总分", issues, { points: true }) : { value: null, raw: "", cell: view.a1(best.row, (view.mergeAt(best.row, best.labelCol)?.c1 ?? best.labelCol) + 1) };
    }
    totalRank = best.rank;
    if (wc !== undefined && wc !== scoreCol && view.text(best.row, wc) !== "") weightTotal = numAt(view, best.row, wc, "分值合计", issues, { points: true });
  }
  for (const t of tables) for (const row of t.checks) {
    // 权重合计 | … | 100: the weight total, when the total row has none
    if (weightTotal || weightCol === undefined) continue;
    const label = view.rowCells(row, undefined, undefined, true).find(([, x]) => /^(权重|分值)合计/.test(shortLabel(x)));
    if (label && view.text(row, weightCol) !== "") weightTotal = numAt(view, row, weightCol, "分值合计", issues, { points: true });
  }
  const tableRows = new Set<number>();
  for (const t of tables) for (const q of view.contentRows(t.header.row, t.end)) tableRows.add(q);
  for (const rowIndex of view.contentRows(firstRow, lastRow)) {
    if (skip.has(rowIndex)) continue; // a funds block's 合计 row is not the 总分
    const cells = view.rowCells(rowIndex, undefined, undefined, true);
    for (let i = 0; i < cells.length; i++) {
      const [col, cellText] = cells[i];
      if (cellText.length > MAX_LABEL) {
        reportText(cellText, view.a1(rowIndex, col));
        continue;
      }
      const sum = sumLabel(cellText);
      if (!tableRows.has(rowIndex) && sum?.kind === "total" && sum.rank >= 3 && totalRank < 3) {
        // "自评总分 | 97.6" / "总分 | 98" outside the table
        const next = cells[i + 1];
        if (next && !isGradeLabel(next[1]) && !fieldLabel(next[1])) total = numAt(view, rowIndex, next[0], "总分", issues, { points: true });
        else total = { value: null, raw: "", cell: view.a1(rowIndex, (view.mergeAt(rowIndex, col)?.c1 ?? col) + 1) };
        totalRank = 3;
      } else if (!grade && isGradeLabel(cellText)) {
        const next = cells[i + 1];
        grade =
          next && !sumLabel(next[1]) && next[1].length <= 12
            ? { value: next[1], cell: view.a1(rowIndex, next[0]) }
            : { value: "", cell: view.a1(rowIndex, (view.mergeAt(rowIndex, col)?.c1 ?? col) + 1) };
      } else if (!grade && /^(综合评定等级|评价等级|自评等级|综合评价等级|评定等级|等级)[:：]/.test(shortLabel(cellText))) {
        // "自评等级：优" in one cell
        grade = { value: normLabel(cellText).replace(/^[^:：]*[:：]/, ""), cell: view.a1(rowIndex, col) };
      } else if (totalRank < 3 && /^(总分|自评总分|总得分|综合得分)[:：]\d/.test(shortLabel(cellText))) {
        const parsed = parseLooseNumber(normLabel(cellText).replace(/^[^:：]*[:：]/, "").replace(/分$/, ""));
        if (parsed) {
          total = { value: parsed.value, raw: cellText, cell: view.a1(rowIndex, col) };
          totalRank = 3;
        }
      } else if (cellText.length > 8) reportText(cellText, view.a1(rowIndex, col));
    }
  }
  function reportText(cellText: string, cell: string): void {
    // a report's text: "总得分98.25分，属于"优秀""
    if (!total) {
      const found = numberAfter(cellText, ["总得分", "总分", "自评得分", "综合得分"], "分");
      if (found !== null) total = { value: found.value, raw: found.raw, cell };
    }
    if (!grade) {
      const g = gradeAfter(cellText);
      if (g) grade = { value: g, cell };
    }
  }
  return { total, grade, weightTotal };
}

/** The number right after one of `keys` (optionally "为", a colon), followed by `unit`; found in linear time. */
function numberAfter(text: string, keys: string[], unit: string): { value: number; raw: string } | null {
  const normal = text.normalize("NFKC").replace(/\s+/g, "");
  for (const key of keys) {
    let from = 0;
    for (let count = 0; count < 50; count++) {
      const at = normal.indexOf(key, from);
      if (at < 0) break;
      const window = normal.slice(at + key.length, at + key.length + 24);
      const match = /^为?[:：]?(\d{1,3}(?:\.\d{1,4})?)/.exec(window);
      if (match && window.slice(match[0].length).startsWith(unit)) return { value: parseFloat(match[1]), raw: match[1] };
      from = at + key.length;
    }
  }
  return null;
}

function gradeAfter(text: string): string | null {
  const normal = text.normalize("NFKC").replace(/\s+/g, "");
  for (const key of ["评价等级为", "等级为", "属于", "等级:", "评定为", "评为"]) {
    let from = 0;
    for (let count = 0; count < 50; count++) {
      const at = normal.indexOf(key, from);
      if (at < 0) break;
      const match = /^["“'‘「]?(优秀|良好|合格|较差|优|良|中|差)/.exec(normal.slice(at + key.length, at + key.length + 6));
      if (match) return match[1];
      from = at + key.length;
    }
  }
  return null;
}

export function readSharedReason(
  view: SheetView,
  firstRow: number,
  lastRow: number,
  skip: Set<number>,
): { reason: TextField | null; improvement: TextField | null } {
  let reason: TextField | null = null;
  let improvement: TextField | null = null;
  const isLabel = (t: string): boolean => isSharedReasonLabel(t) || isImprovementLabel(t);
  for (const row of view.contentRows(firstRow, lastRow)) {
    if (skip.has(row)) continue;
    for (const [col, cellText] of view.rowCells(row, undefined, undefined, true)) {
      if (cellText.length > MAX_LABEL) continue;
      if (!reason && isSharedReasonLabel(cellText)) {
        const value = valueRightOrBelow(view, row, col, isLabel);
        reason = value ? { value: isInstruction(value.text) ? "" : value.text, cell: value.cell } : { value: "", cell: view.a1(row, col) };
      } else if (!improvement && isImprovementLabel(cellText)) {
        const found = valueRightOrBelow(view, row, col, isLabel);
        improvement = found ? { value: isInstruction(found.text) ? "" : found.text, cell: found.cell } : { value: "", cell: view.a1(row, col) };
      }
    }
  }
  return { reason, improvement };
}

/** 资金支出计划（%） | 3月底 | 6月底 | 10月底 | 12月底, values in the row below (cumulative %). */
export function readSpendingPlan(view: SheetView, firstRow: number, lastRow: number, issues: ReadIssue[]): SpendingPlanPoint[] {
  for (const row of view.contentRows(firstRow, lastRow)) {
    for (const [col, cellText] of view.rowCells(row, undefined, undefined, true)) {
      if (cellText.length > MAX_LABEL || !/^资金支出计划/.test(normLabel(cellText))) continue;
      const heads = view.rowCells(row, col + 1, undefined, true).filter(([, x]) => x.length <= 12 && /月|季度|底|末/.test(x));
      return heads.map(([hc, label]) => {
        const figure = numAt(view, row + 1, hc, "资金支出计划", issues);
        if (figure.value !== null && !/%/.test(figure.raw) && figure.value > 1.5) figure.value /= 100;
        return { label: normLabel(label), value: figure };
      });
    }
  }
  return [];
}

