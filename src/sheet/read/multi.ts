// One row per project (seed 002): 序号 | 部门名称 | 项目名称 | 预算 (合计 | 其中 …) | 实际支出 (…) | 执行率 | 年初绩效目标 |
// 完成情况 | per 二级 a pair 年度指标内容 | 完成情况 | 项目执行中存在的问题 | 整改情况. Each project row is one Form.

import type { Form, Indicator, NumField, ReadIssue, SumGroup } from "../../domain/model";
import type { SheetView } from "./view";
import { numAt, rateAt } from "./cells";
import { detectMoneyUnit } from "./funds";
import { isImprovementLabel, isSharedReasonLabel } from "./labels";
import { MAX_LABEL, normLabel, parseLooseNumber } from "./text";

interface MultiHeader {
  row: number;
  bodyStart: number;
  paths: string[][]; // per column, the distinct header texts top-down
}

export function findMultiHeader(view: SheetView, r: number): MultiHeader | null {
  const cells = view.rowCells(r, undefined, undefined, true);
  const nameCol = cells.find(([, t]) => t.length <= MAX_LABEL && normLabel(t) === "项目名称");
  if (!nameCol || cells.length < 5) return null;
  let pairs = 0;
  let last = r;
  for (let q = r; q <= r + 4; q++) {
    const n = view.rowCells(q).filter(([, t]) => t.length <= MAX_LABEL && /^年度指标内容$/.test(normLabel(t))).length;
    if (n > 0) {
      pairs += n;
      last = q;
    }
  }
  if (pairs === 0) return null;
  // per column, the distinct header texts top-down (only the columns that hold a header text)
  const paths: string[][] = [];
  const cols = new Set<number>();
  for (let q = r; q <= last; q++) for (const [c] of view.rowCells(q)) cols.add(c);
  const maxCol = Math.max(...cols);
  for (let c = 0; c <= maxCol; c++) paths.push([]);
  for (let c = Math.min(...cols); c <= maxCol; c++) {
    const p = paths[c];
    for (let q = r; q <= last; q++) {
      const t = normLabel(view.text(q, c).slice(0, MAX_LABEL));
      if (t && p[p.length - 1] !== t) p.push(t);
    }
  }
  return { row: r, bodyStart: last + 1, paths };
}

function level1Name(t: string): string {
  return t.replace(/目标$/, "指标");
}

export function readMulti(
  view: SheetView,
  h: MultiHeader,
  sheet: string,
  issues: (row: number) => ReadIssue[],
): Form[] {
  const col = (test: (p: string[]) => boolean): number => h.paths.findIndex((p) => p.length > 0 && test(p));
  const nameCol = col((p) => p[0] === "项目名称");
  const unitCol = col((p) => /^(部门|单位)名称/.test(p[0]));
  const rateCol = col((p) => /执行率/.test(p[0]));
  const goalCol = col((p) => /^(年初)?(绩效|年度)目标$/.test(p[0]) || p[0] === "年初绩效目标");
  const goalActCol = col((p) => /完成情况$/.test(p[0]) && p.length === 1);
  const reasonCol = col((p) => isSharedReasonLabel(p[0]));
  const improveCol = col((p) => isImprovementLabel(p[0]));
  const money = (re: RegExp): number[] => h.paths.map((p, c) => (p.length && re.test(p[0]) ? c : -1)).filter((c) => c >= 0);
  const budgetCols = money(/预算(金额|数)/);
  const spentCols = money(/(实际支出|执行数|支出金额)/);
  const moneyUnit = detectMoneyUnit(view, 0, h.row);
  const pairs: { target: number; actual: number; level1: string; level2: string }[] = [];
  h.paths.forEach((p, c) => {
    if (!/^年度指标内容$/.test(p[p.length - 1] ?? "")) return;
    const next = h.paths[c + 1] ?? [];
    const actual = /完成(情况|值)$/.test(next[next.length - 1] ?? "") ? c + 1 : -1;
    pairs.push({ target: c, actual, level1: level1Name(p[0] ?? ""), level2: p.length >= 3 ? p[p.length - 2] : "" });
  });

  const forms: Form[] = [];
  let prev = h.bodyStart - 1;
  let firstRow: number | null = null;
  for (const r of view.contentRows(h.bodyStart)) {
    if (r - prev > 3) break;
    prev = r;
    firstRow ??= r;
    const name = nameCol >= 0 ? view.text(r, nameCol) : "";
    const hasNumber = [...budgetCols, ...spentCols].some((c) => parseLooseNumber(view.text(r, c)));
    const filled = pairs.some((p) => view.text(r, p.target) !== "" || (p.actual >= 0 && view.text(r, p.actual) !== ""));
    if (!name && !hasNumber) {
      // a numbered but empty row of the template (序号 only): nothing to read yet
      if (!filled && view.rowCells(r).every(([c, t]) => c < Math.max(nameCol, 0) && /^\d{1,4}$/.test(t))) continue;
      if (!filled) break;
    }
    const rowLabels = view.rowCells(r, undefined, Math.max(nameCol, 0)).map(([, t]) => normLabel(t.slice(0, MAX_LABEL)));
    if (rowLabels.some((t) => /^(合计|总计|小计|金额合计)$/.test(t))) continue; // the totals row of the table
    const ri = issues(r);
    const labelOf = (c: number): string => {
      const p = h.paths[c];
      return p[p.length - 1] ?? "";
    };
    const group = (cols: number[], what: string): { total: NumField & { label: string }; sum: SumGroup | null } => {
      const totalCol = cols.find((c) => labelOf(c) === "合计") ?? cols[0];
      const total = { ...(totalCol !== undefined ? numAt(view, r, totalCol, what, ri) : { value: null, raw: "" }), label: what };
      const parts = cols.filter((c) => c !== totalCol && !/^其中/.test(labelOf(c)));
      const sum = parts.length
        ? { label: what, total, parts: parts.map((c) => ({ ...numAt(view, r, c, what, ri), label: labelOf(c).replace(/^其中[:：]/, "") })) }
        : null;
      return { total, sum };
    };
    const b = group(budgetCols, "预算数");
    const s = group(spentCols, "执行数");
    const indicators: Indicator[] = pairs.map((p, i) => {
      const content = view.text(r, p.target);
      const actual = p.actual >= 0 ? view.text(r, p.actual) : "";
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
          row: r + 1,
          name: view.a1(r, p.target),
          target: view.a1(r, p.target),
          actual: p.actual >= 0 ? view.a1(r, p.actual) : undefined,
        },
      };
    });
    const text = (c: number) => (c >= 0 ? { value: view.text(r, c), cell: view.a1(r, c) } : null);
    forms.push({
      kind: "multi-project",
      sheet,
      name,
      unit: unitCol >= 0 ? view.text(r, unitCol) || undefined : undefined,
      anchor: nameCol >= 0 ? view.a1(r, nameCol) : view.a1(r, 0),
      funds: {
        moneyUnit,
        initialBudget: null,
        budget: b.total,
        spent: s.total,
        weight: null,
        enteredRate: rateCol >= 0 ? rateAt(view, r, rateCol, ri) : null,
        enteredScore: null,
        sums: [b.sum, s.sum].filter((x): x is SumGroup => !!x),
      },
      goals: goalCol >= 0 ? [{ index: 1, text: view.text(r, goalCol), actualText: goalActCol >= 0 ? view.text(r, goalActCol) : undefined, cell: view.a1(r, goalCol) }] : [],
      indicators,
      scored: false,
      enteredTotal: null,
      enteredGrade: null,
      sharedReason: text(reasonCol),
      improvement: text(improveCol),
      spendingPlan: [],
      projectRow: r + 1,
      readIssues: ri,
    });
  }
  if (forms.length === 0) {
    // nothing filled in yet: one blank form, so that the sheet reads as an (empty) multi-project form
    const at = firstRow ?? h.bodyStart;
    forms.push({
      kind: "multi-project",
      sheet,
      name: "",
      fields: nameCol >= 0 ? { name: { value: "", cell: view.a1(at, nameCol) } } : {},
      anchor: view.a1(h.row, Math.max(nameCol, 0)),
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
