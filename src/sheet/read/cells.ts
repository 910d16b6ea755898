// Turning cells into typed fields, with a ReadIssue (Chinese) instead of an exception when a cell does not fit.

import type { NumField, ReadIssue } from "../../domain/model";
import type { SheetView } from "./view";
import { parseLooseNumber } from "./text";

const EN: Record<string, string> = { 分值: "Weight", 得分: "Score", 资金: "Amount", 执行率: "Rate", 总分: "Total", 执行率分值: "Rate weight", 资金支出计划: "Spending plan" };
const en = (what: string): string => EN[what] ?? "Number";

/** A number from a cell. Text where a number should be → ReadIssue, value null. */
export function numAt(view: SheetView, r: number, c: number, what: string, issues: ReadIssue[]): NumField {
  const raw = view.text(r, c);
  const cell = view.a1(r, c);
  if (raw === "") return { value: null, raw, cell };
  const own = view.cell(r, c);
  if (own && typeof own.value === "number" && !(own.numFmt ?? "").includes("%")) return { value: own.value, raw, cell };
  const p = parseLooseNumber(raw);
  if (!p) {
    issues.push({
      cell,
      message: `${what}单元格 ${cell} 的内容「${raw.slice(0, 30)}」不是数字，已按空白处理，请填写数字。`,
      messageEn: `${en(what)} cell ${cell} holds "${raw.slice(0, 30)}", not a number; it was read as blank.`,
    });
    return { value: null, raw, cell };
  }
  return { value: p.percent ? Math.round((p.value / 100) * 1e12) / 1e12 : p.value, raw, cell };
}

/** A score/weight of one indicator row: a merge spanning several indicator rows cannot be assigned to one. */
export function rowNumAt(
  view: SheetView,
  r: number,
  c: number,
  what: string,
  issues: ReadIssue[],
): NumField & { merged: boolean } {
  const m = view.mergeAt(r, c);
  if (m && m.r1 > m.r0) {
    const cell = view.a1(r, c);
    if (m.r0 === r) {
      issues.push({
        cell,
        message: `${what}单元格 ${cell} 与下方单元格合并，跨越多个指标行，无法对应到单个指标，请拆分合并单元格并逐行填写。`,
        messageEn: `${en(what)} cell ${cell} is merged across several indicator rows; unmerge it and fill each row.`,
      });
    }
    return { value: null, raw: view.text(r, c), cell, merged: true };
  }
  const f = numAt(view, r, c, what, issues);
  // a percentage typed into a weight/score cell is a number as written, not a fraction
  if (f.value !== null && /%$/.test(f.raw.trim())) f.value = f.value * 100;
  return { ...f, merged: false };
}

/** A rate: "97.42%" → 0.9742; a bare 97.42 → 0.9742; 0.9742 → 0.9742. */
export function rateAt(view: SheetView, r: number, c: number, issues: ReadIssue[]): NumField {
  const f = numAt(view, r, c, "执行率", issues);
  if (f.value !== null && !/%/.test(f.raw) && f.value > 1.5) f.value = f.value / 100;
  return f;
}
