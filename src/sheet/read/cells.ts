// Turning cells into typed fields, with a ReadIssue (Chinese) instead of an exception when a cell does not fit.
//
// Numbers are numbers: an error value (#N/A, #DIV/0!), NaN or an infinity, and a date where an amount, a rate, a
// weight or a score belongs are read problems on that cell, never a figure. A number in a merged area belongs to
// the area once, at its top-left cell: the other cells of the area read as blank (and say why). A dash, a slash, 无
// or 不适用 in a number cell is a blank, not a problem.

import type { MoneyUnit, NumField, ReadIssue } from "../../domain/model";
import type { SheetView } from "./view";
import { formatA1 } from "../address";
import { isErrorText } from "../grid";
import { isBlankMark, parseLooseNumber } from "./text";

const EN: Record<string, string> = {
  分值: "Weight",
  得分: "Score",
  资金: "Amount",
  执行率: "Rate",
  总分: "Total",
  执行率分值: "Rate weight",
  执行率得分: "Rate score",
  资金支出计划: "Spending plan",
  分值合计: "Weight total",
};
const en = (what: string): string => EN[what] ?? "Number";
const short = (s: string): string => (s.length > 30 ? `${s.slice(0, 30)}…` : s);

export interface NumOptions {
  /** Weights and scores: "10%" (or 0.1 shown as 10%) is 10 points, not 0.1. */
  points?: boolean;
  /** Amounts: a unit written in the cell ("1,580.00万元") is converted to the form's unit. */
  moneyUnit?: MoneyUnit;
}

/** A number from a cell. Anything that is not one → ReadIssue, value null. */
export function numAt(view: SheetView, row: number, col: number, what: string, issues: ReadIssue[], opts: NumOptions = {}): NumField {
  const merge = view.mergeAt(row, col);
  if (merge && (merge.r0 !== row || merge.c0 !== col)) {
    // a covered cell of a merged area: the area's number is its top-left's, counted there once
    const own = formatA1(row, col);
    const raw = view.text(row, col);
    if (raw !== "" && !isBlankMark(raw) && parseLooseNumber(raw)) {
      const master = formatA1(merge.r0, merge.c0);
      issues.push({
        cell: own,
        message: `${what}单元格 ${own} 与 ${master} 合并，合并区域中的数字只算在 ${master}，${own} 按空白处理；请拆分合并单元格后分别填写。`,
        messageEn: `${en(what)} cell ${own} is merged into ${master}; the number counts once, in ${master}. Unmerge the cells and fill each.`,
      });
    }
    return { value: null, raw: "", cell: own };
  }
  const cell = formatA1(row, col);
  const stored = view.own(row, col);
  const raw = view.text(row, col);
  if (!stored || raw === "") return { value: null, raw, cell };
  const bad = (zh: string, enText: string): NumField => {
    issues.push({ cell, message: `${what}单元格 ${cell} ${zh}`, messageEn: `${en(what)} cell ${cell} ${enText}` });
    return { value: null, raw, cell };
  };
  const v = stored.value;
  if (stored.type === "error" || (typeof v === "string" && isErrorText(v)))
    return bad(`是错误值 ${short(raw)}，不是数字，已按空白处理；请改正公式或填写数字。`, `holds the error ${short(raw)}, not a number; it was read as blank.`);
  if (stored.type === "date")
    return bad(`是日期（${short(raw)}），不是数字，已按空白处理；请填写数字。`, `holds a date (${short(raw)}), not a number; it was read as blank.`);
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return bad(`的内容不是有效的数字（${String(v)}），已按空白处理；请填写数字。`, `holds ${String(v)}, not a valid number; it was read as blank.`);
    const pct = (stored.numFmt ?? "").includes("%");
    // a number shown as a percentage: a fraction (0.9742) for rates; as written (10%) → 10 points for weights and scores
    return { value: pct && opts.points ? round12(v * 100) : v, raw, cell };
  }
  if (typeof v === "boolean") return bad(`的内容「${raw}」不是数字，已按空白处理，请填写数字。`, `holds "${raw}", not a number; it was read as blank.`);
  if (isBlankMark(raw)) return { value: null, raw, cell };
  const parsed = parseLooseNumber(raw);
  if (!parsed) {
    return bad(`的内容「${short(raw)}」不是数字，已按空白处理，请填写数字。`, `holds "${short(raw)}", not a number; it was read as blank.`);
  }
  let value = parsed.value;
  if (parsed.percent && !opts.points) value = round12(value / 100);
  if (opts.moneyUnit && (parsed.unit === "万元" || parsed.unit === "元") && parsed.unit !== opts.moneyUnit) value = round12(parsed.unit === "万元" ? value * 10000 : value / 10000);
  return { value, raw, cell };
}

function round12(n: number): number {
  return Math.round(n * 1e12) / 1e12;
}

/** A score/weight of one indicator row: a merge spanning several indicator rows cannot be assigned to one. */
export function rowNumAt(view: SheetView, row: number, col: number, what: string, issues: ReadIssue[]): NumField & { merged: boolean } {
  const merge = view.mergeAt(row, col);
  if (merge && merge.r1 > merge.r0) {
    const cell = view.a1(row, col);
    if (merge.r0 === row && view.text(row, col) !== "") {
      issues.push({
        cell,
        message: `${what}单元格 ${cell} 与下方单元格合并，跨越多个指标行，无法对应到单个指标，请拆分合并单元格并逐行填写。`,
        messageEn: `${en(what)} cell ${cell} is merged across several indicator rows; unmerge it and fill each row.`,
      });
    }
    return { value: null, raw: view.text(row, col), cell, merged: true };
  }
  return { ...numAt(view, row, col, what, issues, { points: true }), merged: false };
}

/** A rate: "97.42%" → 0.9742; a bare 97.42 → 0.9742; 0.9742 → 0.9742. */
export function rateAt(view: SheetView, row: number, col: number, issues: ReadIssue[]): NumField {
  const figure = numAt(view, row, col, "执行率", issues);
  if (figure.value !== null && !/%/.test(figure.raw) && figure.value > 1.5) figure.value = figure.value / 100;
  return figure;
}

/** A blank field at a cell (the cell to type in). */
export function blankAt(view: SheetView, row: number, col: number): NumField {
  return { value: null, raw: "", cell: view.a1(row, col) };
}

