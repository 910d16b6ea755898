// Funds blocks: a header row of columns (年初预算数 | 全年预算数 | 全年执行数 | 执行率 | 分值 | 得分, 预算数(A) | 执行数(B),
// 预算数 | 其中：财政拨款 | 执行数 … 金额合计) and label-value pairs (按收入性质分 / 按支出性质分, 基本支出总额, 预算数 | 其中：财政资金).

import type { Funds, MoneyUnit, NumField, ReadIssue, SumGroup } from "../../domain/model";
import type { SheetView } from "./view";
import { fundsRole, type FundsRole } from "./labels";
import { numAt, rateAt } from "./cells";
import { normLabel, parseLooseNumber, trimText } from "./text";

type Labeled = NumField & { label: string };

export interface FundsHeader {
  row: number;
  cols: Partial<Record<FundsRole, number>>;
  /** "其中：…" sub-columns: col → label, with the role column they belong to. */
  subs: { col: number; label: string; parent: FundsRole }[];
  firstCol: number;
}

export function findFundsHeader(view: SheetView, r: number): FundsHeader | null {
  const cols: Partial<Record<FundsRole, number>> = {};
  const subs: FundsHeader["subs"] = [];
  let last: FundsRole | null = null;
  let firstCol = Infinity;
  for (const [c, t] of view.rowCells(r)) {
    const role = fundsRole(t);
    if (role && cols[role] === undefined) {
      cols[role] = c;
      last = role;
      firstCol = Math.min(firstCol, c);
    } else if (/^其中[:：]/.test(normLabel(t)) && last && (last === "budget" || last === "spent" || last === "initialBudget")) {
      subs.push({ col: c, label: normLabel(t), parent: last });
    }
  }
  const n = Object.keys(cols).length;
  if ((cols.budget === undefined && cols.spent === undefined) || n < 2) return null;
  // 预算数 | 1,250,000.00 | 执行数 | 1,100,000.00 …: label-value pairs across a row, not a header
  const cells = view.rowCells(r);
  const pairs = cells.filter(([, t], i) => fundsRole(t) && cells[i + 1] && !fundsRole(cells[i + 1][1]) && parseLooseNumber(cells[i + 1][1])).length;
  if (pairs * 2 >= n) return null;
  if (cols.budget === undefined && cols.initialBudget === undefined) return null;
  return { row: r, cols, subs, firstCol };
}

const INCOME =
  /^(其中[:：])?(一般公共预算(财政拨款)?(收入)?|政府性基金(拨款|预算)?|纳入管理的非税收入拨款|非税收入(拨款)?|其他资金|财政拨款|当年财政拨款|本年财政拨款|上年结转(资金)?|上年结转结余|财政资金|非财政资金|自有资金|单位自筹)$/;
const EXPENSE = /^(其中[:：])?(基本支出|项目支出|人员经费|公用经费)(总额)?$/;

function partLabel(t: string): string {
  return trimText(t).replace(/^其中[:：]\s*/, "").replace(/总额$/, "");
}

export function detectMoneyUnit(view: SheetView, r0: number, r1: number): MoneyUnit {
  for (let r = r0; r <= r1; r++) {
    for (const [, t] of view.rowCells(r, 0, view.cols - 1, true)) {
      const k = normLabel(t);
      if (/单位[:：]?元$|\(元\)$|^金额单位[:：]?元/.test(k)) return "元";
      if (/单位[:：]?万元|\(万元\)/.test(k)) return "万元";
    }
  }
  return "万元";
}

/** Label of a funds data row: the first text left of the amounts that is not a label merged down from the header. */
function rowLabel(view: SheetView, r: number, h: FundsHeader): string {
  let fallback = "";
  for (let c = 0; c < h.firstCol; c++) {
    const m = view.mergeAt(r, c);
    if (m && (m.r0 <= h.row || m.c0 !== c)) continue;
    const t = view.text(r, c);
    if (!t) continue;
    if (m && m.r1 > m.r0) {
      fallback ||= t; // a label merged down over several rows (职责职能): use it only when nothing else is there
      continue;
    }
    return t;
  }
  return fallback;
}

function hasAmount(view: SheetView, r: number, h: FundsHeader): boolean {
  for (const role of ["initialBudget", "budget", "spent"] as FundsRole[]) {
    const c = h.cols[role];
    if (c !== undefined && parseLooseNumber(view.text(r, c))) return true;
  }
  return false;
}

export interface FundsRead {
  funds: Funds;
  usedRows: Set<number>;
}

/** Read the funds of a form region [r0, r1], skipping `skip` rows (indicator tables). */
export function readFunds(view: SheetView, r0: number, r1: number, skip: Set<number>, issues: ReadIssue[]): FundsRead | null {
  const used = new Set<number>();
  const moneyUnit = detectMoneyUnit(view, r0, r1);
  let funds: Funds | null = null;

  for (let r = r0; r <= r1 && !funds; r++) {
    if (skip.has(r)) continue;
    const h = findFundsHeader(view, r);
    if (!h) continue;
    used.add(r);
    // data rows: contiguous rows with amounts (a labelled but blank row such as 其他资金 is kept)
    const data: number[] = [];
    for (let q = r + 1; q <= r1 && !skip.has(q); q++) {
      const label = normLabel(rowLabel(view, q, h));
      if (/性质分/.test(label) || view.rowCells(q).filter(([, t]) => INCOME.test(normLabel(t)) || EXPENSE.test(normLabel(t))).length > 1) break;
      if (hasAmount(view, q, h) || (label && INCOME.test(label)) || (q === r + 1 && /总额|合计|总计/.test(label))) data.push(q);
      else break;
      used.add(q);
    }
    const withAmount = data.filter((q) => hasAmount(view, q, h));
    if (data.length === 0) continue;
    const totalIdx = data.findIndex((q) => /^(金额)?合计$|^总计$/.test(normLabel(rowLabel(view, q, h))));
    // the total line: a 合计 row, else the first row when it is not a part (年度资金总额 may be left blank)
    const first = data[0];
    const firstIsPart = INCOME.test(normLabel(rowLabel(view, first, h)));
    const totalRow = totalIdx >= 0 ? data[totalIdx] : firstIsPart ? (withAmount[0] ?? first) : first;
    const parts = data.filter((q) => q !== totalRow);
    const at = (role: FundsRole): NumField | null => {
      const c = h.cols[role];
      return c === undefined ? null : numAt(view, totalRow, c, role === "weight" ? "执行率分值" : "资金", issues);
    };
    const rateCol = h.cols.rate;
    const sums: SumGroup[] = [];
    const colGroups: { col: number; label: string }[] = [];
    for (const role of ["initialBudget", "budget", "spent"] as FundsRole[]) {
      const c = h.cols[role];
      if (c !== undefined) colGroups.push({ col: c, label: normLabel(view.text(r, c)) });
    }
    for (const s of h.subs) colGroups.push({ col: s.col, label: `${s.label}（${normLabel(view.text(r, h.cols[s.parent] ?? s.col))}）` });
    if (parts.length > 0) {
      for (const g of colGroups) {
        const total: Labeled = { ...numAt(view, totalRow, g.col, "资金", issues), label: rowLabel(view, totalRow, h) || g.label };
        sums.push({
          label: g.label,
          total,
          parts: parts.map((q) => ({ ...numAt(view, q, g.col, "资金", issues), label: partLabel(rowLabel(view, q, h)) })),
        });
      }
    }
    const budget = at("budget") ?? at("initialBudget") ?? { value: null, raw: "" };
    funds = {
      moneyUnit,
      initialBudget: h.cols.budget !== undefined ? at("initialBudget") : null,
      budget,
      spent: at("spent") ?? { value: null, raw: "" },
      weight: at("weight"),
      enteredRate: rateCol === undefined ? null : rateAt(view, totalRow, rateCol, issues),
      enteredScore: at("score"),
      sums,
    };
  }

  // label-value pairs anywhere in the region (breakdowns, 预算数 | 200000.00 | 其中：财政资金 | …)
  const income: Labeled[] = [];
  const expense = new Map<string, Labeled>();
  let pairInitial: NumField | null = null;
  let pairBudget: NumField | null = null;
  let pairSpent: NumField | null = null;
  let pairRate: NumField | null = null;
  for (let r = r0; r <= r1; r++) {
    if (skip.has(r) || used.has(r)) continue;
    const cells = view.rowCells(r, 0, view.cols - 1, true);
    for (let i = 0; i < cells.length; i++) {
      const [c, t] = cells[i];
      const k = normLabel(t);
      const isIncome = INCOME.test(k);
      const isExpense = EXPENSE.test(k);
      const role = !isIncome && !isExpense ? fundsRole(t) : null;
      if (!isIncome && !isExpense && role !== "budget" && role !== "spent" && role !== "rate" && role !== "initialBudget") continue;
      const next = cells[i + 1];
      const nextIsValue = next && !INCOME.test(normLabel(next[1])) && !EXPENSE.test(normLabel(next[1])) && !fundsRole(next[1]);
      let field: NumField;
      if (nextIsValue && parseLooseNumber(next[1])) {
        field = role === "rate" ? rateAt(view, r, next[0], issues) : numAt(view, r, next[0], "资金", issues);
        i++;
      } else if (nextIsValue) {
        continue; // a label followed by text: not a funds pair
      } else {
        const blankCol = Math.min(view.cols - 1, (view.mergeAt(r, c)?.c1 ?? c) + 1);
        field = { value: null, raw: "", cell: view.a1(r, blankCol) };
      }
      used.add(r);
      if (isIncome) income.push({ ...field, label: partLabel(t) });
      else if (isExpense) expense.set(partLabel(t), { ...field, label: partLabel(t) });
      else if (role === "initialBudget" && !pairInitial) pairInitial = field;
      else if (role === "budget" && !pairBudget) pairBudget = field;
      else if (role === "spent" && !pairSpent) pairSpent = field;
      else if (role === "rate" && !pairRate) pairRate = field;
    }
  }
  if (!funds && (pairBudget || pairSpent)) {
    funds = {
      moneyUnit,
      initialBudget: pairBudget ? pairInitial : null,
      budget: pairBudget ?? pairInitial ?? { value: null, raw: "" },
      spent: pairSpent ?? { value: null, raw: "" },
      weight: null,
      enteredRate: pairRate,
      enteredScore: null,
      sums: [],
    };
  }
  if (!funds) return null;
  if (income.length > 0 && !funds.sums.some((g) => g.parts.length > 0 && g.label.includes("预算"))) {
    funds.sums.push({ label: "按收入性质分", total: { ...funds.budget, label: "预算数" }, parts: income });
  }
  const basic = expense.get("基本支出");
  const project = expense.get("项目支出");
  if (basic || project) {
    const total = funds.spent.value !== null ? { ...funds.spent, label: "执行数" } : { ...funds.budget, label: "预算数" };
    funds.sums.push({ label: "按支出性质分", total, parts: [basic, project].filter((x): x is Labeled => !!x) });
  }
  const staff = expense.get("人员经费");
  const office = expense.get("公用经费");
  if (basic && (staff || office)) {
    funds.sums.push({ label: "基本支出", total: basic, parts: [staff, office].filter((x): x is Labeled => !!x) });
  }
  return { funds, usedRows: used };
}
