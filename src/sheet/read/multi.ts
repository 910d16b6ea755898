// One row per project (seed 002): 序号 | 部门名称 | 项目名称 | 预算 (合计 | 其中 …) | 实际支出 (…) | 执行率 | 年初绩效目标 |
// 完成情况 | per 二级 a pair 年度指标内容 | 完成情况 | 项目执行中存在的问题 | 整改情况. Each project row is one Form.

import type { Form, Indicator, NumField, ReadIssue, SumGroup } from "../../domain/model";
import type { SheetView } from "./view";
import { numAt, rateAt } from "./cells";
import { detectMoneyUnit } from "./funds";
import { isImprovementLabel, isSharedReasonLabel } from "./labels";
import { MAX_LABEL, normLabel, parseLooseNumber } from "./text";
import { fieldLabel } from "./fields";

const FOOT = new Set(["preparer", "phone", "head", "filedOn"]);

interface MultiHeader {
  row: number;
  bodyStart: number;
  paths: string[][]; // per column, the distinct header texts top-down
}

export function findMultiHeader(view: SheetView, row: number): MultiHeader | null {
  const cells = view.rowCells(row, undefined, undefined, true);
  const nameCol = cells.find(([, t]) => t.length <= MAX_LABEL && normLabel(t) === "项目名称");
  if (!nameCol || cells.length < 5) return null;
  let pairs = 0;
  let last = row;
  for (let dataRow = row; dataRow <= row + 4; dataRow++) {
    const n = view.rowCells(dataRow).filter(([, t]) => t.length <= MAX_LABEL && /^年度指标内容$/.test(normLabel(t))).length;
    if (n > 0) {
      pairs += n;
      last = dataRow;
    }
  }
  if (pairs === 0) return null;
  // per column, the distinct header texts top-down (only the columns that hold a header text)
  const paths: string[][] = [];
  const cols = new Set<number>();
  for (let q = row; q <= last; q++) for (const [c] of view.rowCells(q)) cols.add(c);
  const maxCol = Math.max(...cols);
  for (let c = 0; c <= maxCol; c++) paths.push([]);
  for (let col = Math.min(...cols); col <= maxCol; col++) {
    const p = paths[col];
    for (let nextRow = row; nextRow <= last; nextRow++) {
      const cellText = normLabel(view.text(nextRow, col).slice(0, MAX_LABEL));
      if (cellText && p[p.length - 1] !== cellText) p.push(cellText);
    }
  }
  return { row, bodyStart: last + 1, paths };
}

function level1Name(cellText: string): string {
  return cellText.replace(/目标$/, "指标");
}

export function readMulti(
  view: SheetView,
  header: MultiHeader,
  sheet: string,
  issues: (row: number) => ReadIssue[],
): Form[] {
  const col = (test: (p: string[]) => boolean): number => header.paths.findIndex((p) => p.length > 0 && test(p));
  const nameCol = col((p) => p[0] === "项目名称");
  const unitCol = col((p) => /^(部门|单位)名称/.test(p[0]));
  const rateCol = col((p) => /执行率/.test(p[0]));
  const goalCol = col((p) => /^(年初)?(绩效|年度)目标$/.test(p[0]) || p[0] === "年初绩效目标");
  const goalActCol = col((p) => /完成情况$/.test(p[0]) && p.length === 1);
  const reasonCol = col((p) => isSharedReasonLabel(p[0]));
  const improveCol = col((p) => isImprovementLabel(p[0]));
  const money = (re: RegExp): number[] => header.paths.map((p, c) => (p.length && re.test(p[0]) ? c : -1)).filter((c) => c >= 0);
  const budgetCols = money(/预算(金额|数)/);
  const spentCols = money(/(实际支出|执行数|支出金额)/);
  const moneyUnit = detectMoneyUnit(view, 0, header.row);
  const pairs: { target: number; actual: number; level1: string; level2: string }[] = [];
  header.paths.forEach((p, col) => {
    if (!/^年度指标内容$/.test(p[p.length - 1] ?? "")) return;
    const next = header.paths[col + 1] ?? [];
    const actual = /完成(情况|值)$/.test(next[next.length - 1] ?? "") ? col + 1 : -1;
    pairs.push({ target: col, actual, level1: level1Name(p[0] ?? ""), level2: p.length >= 3 ? p[p.length - 2] : "" });
  });

  const forms: Form[] = [];
  let prev = header.bodyStart - 1;
  let firstRow: number | null = null;
  for (const rowIndex of view.contentRows(header.bodyStart)) {
    if (rowIndex - prev > 3) break;
    prev = rowIndex;
    firstRow ??= rowIndex;
    const name = nameCol >= 0 ? view.text(rowIndex, nameCol) : "";
    const hasNumber = [...budgetCols, ...spentCols].some((c) => parseLooseNumber(view.text(rowIndex, c)));
    const filled = pairs.some((p) => view.text(rowIndex, p.target) !== "" || (p.actual >= 0 && view.text(rowIndex, p.actual) !== ""));
    if (!name && !hasNumber) {
      // a numbered but empty row of the template (序号 only): nothing to read yet
      if (!filled && view.rowCells(rowIndex).every(([c, t]) => c < Math.max(nameCol, 0) && /^\d{1,4}$/.test(t))) continue;
      if (!filled) break;
    }
    // the form's foot (填报人：…, 联系电话：…) ends the table
    if (view.rowCells(rowIndex, undefined, Math.max(nameCol, 0)).some(([, t]) => FOOT.has(fieldLabel(t)?.key ?? ""))) break;
    const rowLabels = view.rowCells(rowIndex, undefined, Math.max(nameCol, 0)).map(([, t]) => normLabel(t.slice(0, MAX_LABEL)));
    if (rowLabels.some((t) => /^(合计|总计|小计|金额合计)$/.test(t))) continue; // the totals row of the table
    const ri = issues(rowIndex);
    const labelOf = (col: number): string => {
      const p = header.paths[col];
      return p[p.length - 1] ?? "";
    };
    const group = (cols: number[], what: string): { total: NumField & { label: string }; sum: SumGroup | null } => {
      const totalCol = cols.find((c) => labelOf(c) === "合计") ?? cols[0];
      const total = { ...(totalCol !== undefined ? numAt(view, rowIndex, totalCol, what, ri) : { value: null, raw: "" }), label: what };
      const parts = cols.filter((c) => c !== totalCol && !/^其中/.test(labelOf(c)));
      const sum = parts.length
        ? { label: what, total, parts: parts.map((c) => ({ ...numAt(view, rowIndex, c, what, ri), label: labelOf(c).replace(/^其中[:：]/, "") })) }
        : null;
      return { total, sum };
    };
    const b = group(budgetCols, "预算数");
    const s = group(spentCols, "执行数");
    const indicators: Indicator[] = pairs.map((p, i) => {
      const content = view.text(rowIndex, p.target);
      const actual = p.actual >= 0 ? view.text(rowIndex, p.actual) : "";
      const split = content.length > 200 ? null : /^(.*?)((?:≥|≤|>=|<=|＞|＜|>|<|=|＝|不低于|不少于|不高于|不超过|达到)[ \t]{0,3}[\d.]{1,20}[ \t]{0,3}\S{0,4})$/.exec(content);
      return {
        id: `i${i + 1}`,
        level1: p.level1,
        level2: p.level2,
        // a content that is not "name + comparator + value" is the target itself; the 二级 names the indicator —
        // when the pair holds anything: an empty pair is no indicator (a blank row the engine ignores)
        name: split && split[1] ? split[1] : content || actual ? p.level2 || content : "",
        target: split && split[1] ? split[2] : content,
        actual,
        weight: null,
        enteredScore: null,
        reason: "",
        cells: {
          row: rowIndex + 1,
          name: view.a1(rowIndex, p.target),
          target: view.a1(rowIndex, p.target),
          actual: p.actual >= 0 ? view.a1(rowIndex, p.actual) : undefined,
        },
      };
    });
    const text = (c: number) => (c >= 0 ? { value: view.text(rowIndex, c), cell: view.a1(rowIndex, c) } : null);
    forms.push({
      kind: "multi-project",
      sheet,
      name,
      unit: unitCol >= 0 ? view.text(rowIndex, unitCol) || undefined : undefined,
      anchor: nameCol >= 0 ? view.a1(rowIndex, nameCol) : view.a1(rowIndex, 0),
      funds: {
        moneyUnit,
        initialBudget: null,
        budget: b.total,
        spent: s.total,
        weight: null,
        enteredRate: rateCol >= 0 ? rateAt(view, rowIndex, rateCol, ri) : null,
        enteredScore: null,
        sums: [b.sum, s.sum].filter((x): x is SumGroup => !!x),
      },
      goals: goalCol >= 0 ? [{ index: 1, text: view.text(rowIndex, goalCol), actualText: goalActCol >= 0 ? view.text(rowIndex, goalActCol) : undefined, cell: view.a1(rowIndex, goalCol) }] : [],
      indicators,
      scored: false,
      enteredTotal: null,
      enteredGrade: null,
      sharedReason: text(reasonCol),
      improvement: text(improveCol),
      spendingPlan: [],
      projectRow: rowIndex + 1,
      readIssues: ri,
    });
  }
  if (forms.length === 0) {
    // nothing filled in yet: one blank form, so that the sheet reads as an (empty) multi-project form
    const at = firstRow ?? header.bodyStart;
    forms.push({
      kind: "multi-project",
      sheet,
      name: "",
      fields: nameCol >= 0 ? { name: { value: "", cell: view.a1(at, nameCol) } } : {},
      anchor: view.a1(header.row, Math.max(nameCol, 0)),
      funds: null,
      goals: [],
      indicators: [],
      scored: false,
      enteredTotal: null,
      enteredGrade: null,
      sharedReason: null,
      improvement: null,
      spendingPlan: [],
      projectRow: at + 1,
      readIssues: [],
    });
  }
  return forms;
}
