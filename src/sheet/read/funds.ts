// Funds blocks, wherever they stand and however they are turned:
// - a header row of columns (年初预算数 | 全年预算数 | 全年执行数 | 执行率 | 分值 | 得分 | 原因, 预算数(A) | 执行数(B),
//   预算数 | 其中：财政拨款 | 执行数 … 金额合计), above or below the indicator table, with its data rows
//   (年度资金总额, 其中：当年财政拨款 …) and, where the layout has one, its own 执行偏差原因 row or column;
// - transposed: the figures as rows and the sources as columns (年初预算数 / 全年预算数 / 全年执行数 down a column,
//   合计 | 财政拨款 | 上年结转 … across), or one row of sources with 合计 | 执行数 | 执行率;
// - label–value pairs anywhere in the form (预算数 | 200 | 执行数 | 180, 执行率分值 10 | 执行率得分 10, the breakdowns
//   按收入性质分 / 按支出性质分).
// The denominator is the adjusted budget (全年预算数, 全年（调整）预算数, 调整后预算数, 调整预算 …), never 年初预算数;
// Funds.explicit records which of the two columns a header named explicitly.

import type { Funds, MoneyUnit, NumField, ReadIssue, SumGroup, TextField } from "../../domain/model";
import type { SheetView } from "./view";
import { EXPENSE, fundsLabel, INCOME, type FundsRole } from "./labels";
import { numAt, rateAt, type NumOptions } from "./cells";
import { isBlankMark, isInstruction, MAX_LABEL, normLabel, parseLooseNumber, trimText, shortLabel } from "./text";

type Labeled = NumField & { label: string };

export interface FundsHeader {
  row: number;
  cols: Partial<Record<FundsRole, number>>;
  explicit: { budget?: boolean; initialBudget?: boolean };
  /** "其中：…" sub-columns: col → label, with the role column they belong to. */
  subs: { col: number; label: string; parent: FundsRole }[];
  /** One row of sources (中央 | 省级 | 本级 | 其他 | 合计 | 执行数): the source columns. */
  sources: { col: number; label: string }[];
  firstCol: number;
}

const TOTAL_COL = /^(合计|总计|小计|总额|合计数|资金总额|金额合计|合计金额)$/;
const NUMERIC_ROLES: FundsRole[] = ["initialBudget", "budget", "spent"];

export function findFundsHeader(view: SheetView, r: number): FundsHeader | null {
  const cols: Partial<Record<FundsRole, number>> = {};
  const explicit: FundsHeader["explicit"] = {};
  const subs: FundsHeader["subs"] = [];
  const sources: FundsHeader["sources"] = [];
  let totalCol: number | undefined;
  let last: FundsRole | null = null;
  let firstCol = Infinity;
  const cells = view.rowCells(r);
  if (cells.length < 2) return null;
  for (const [c, t] of cells) {
    if (t.length > MAX_LABEL) continue;
    const k = normLabel(t).replace(/\((万?元)\)$/, "");
    const fl = fundsLabel(t);
    if (fl) {
      const role = fl.role;
      if (role === "budget" && fl.explicit && cols.budget !== undefined && !explicit.budget) {
        // 预算数 | 调整预算: the plain one is the budget before adjustment (not named 年初 explicitly)
        if (cols.initialBudget === undefined && /\d|预算/.test(normLabel(view.text(r, cols.budget)))) cols.initialBudget = cols.budget;
        cols.budget = c;
        explicit.budget = true;
        last = role;
      } else if (cols[role] === undefined) {
        cols[role] = c;
        if (role === "budget") explicit.budget = fl.explicit;
        if (role === "initialBudget") explicit.initialBudget = fl.explicit;
        last = role;
      }
    } else if (/^其中[:：]/.test(k) && last && (last === "budget" || last === "spent" || last === "initialBudget")) {
      subs.push({ col: c, label: k, parent: last });
    } else if (TOTAL_COL.test(k)) totalCol ??= c;
    else if (INCOME.test(k)) sources.push({ col: c, label: k });
  }
  // one row of sources: 中央 | 省级 | 本级 | 其他 | 合计 | 执行数 | 执行率 — the budget is the 合计 column
  if (cols.budget === undefined && cols.initialBudget === undefined && cols.spent !== undefined && totalCol !== undefined && sources.length > 0) {
    cols.budget = totalCol;
    explicit.budget = false;
    firstCol = Math.min(firstCol, ...sources.map((s) => s.col), totalCol);
  } else sources.length = 0;
  for (const c of Object.values(cols)) firstCol = Math.min(firstCol, c as number);
  const n = Object.keys(cols).filter((k) => k !== "reason").length;
  if ((cols.budget === undefined && cols.spent === undefined) || n < 2) return null;
  // 预算数 | 1,250,000.00 | 执行数 | 1,100,000.00 …: label-value pairs across a row, not a header
  const pairs = cells.filter(([, t], i) => fundsLabel(t) && cells[i + 1] && !fundsLabel(cells[i + 1][1]) && parseLooseNumber(cells[i + 1][1])).length;
  if (pairs * 2 >= n) return null;
  if (cols.budget === undefined && cols.initialBudget === undefined) return null;
  return { row: r, cols, explicit, subs, sources, firstCol };
}

function partLabel(t: string): string {
  return trimText(t).replace(/^其中[:：]\s*/, "").replace(/总额$/, "");
}

export function detectMoneyUnit(view: SheetView, r0: number, r1: number): MoneyUnit {
  for (const r of view.contentRows(r0, r1)) {
    for (const [, t] of view.rowCells(r, undefined, undefined, true)) {
      if (t.length > MAX_LABEL) continue;
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
  for (const [c, t] of view.rowCells(r, undefined, h.firstCol - 1)) {
    const m = view.mergeAt(r, c);
    if (m && m.r0 <= h.row) continue;
    if (m && m.r0 < r) {
      fallback ||= t;
      continue;
    }
    if (m && m.r1 > m.r0) {
      fallback ||= t; // a label merged down over several rows (职责职能): use it only when nothing else is there
      continue;
    }
    return t;
  }
  return fallback;
}

function hasAmount(view: SheetView, r: number, cols: number[]): boolean {
  for (const c of cols) {
    const t = view.ownText(r, c);
    if (t && parseLooseNumber(t)) return true;
  }
  return false;
}

/** A row that explains the execution (执行偏差原因, 预算执行偏差原因说明): the funds' own reason cell. */
export function isExecutionReasonLabel(text: string): boolean {
  const k = normLabel(text);
  return k.length <= 20 && /^(预算|资金)?执行(率)?(偏差|未达标|差异|偏低)?(的)?原因/.test(k);
}

export interface FundsRead {
  funds: Funds;
  usedRows: Set<number>;
}

/** A text field's value, with template guidance ("…（100字以内）") read as blank. */
function reasonField(view: SheetView, r: number, c: number): TextField {
  const t = view.text(r, c);
  return { value: isInstruction(t) ? "" : t, cell: view.a1(r, c) };
}

/** Read the funds of a form region [r0, r1], skipping `skip` rows (indicator tables). */
export function readFunds(view: SheetView, r0: number, r1: number, skip: Set<number>, issues: ReadIssue[]): FundsRead | null {
  const used = new Set<number>();
  const moneyUnit = detectMoneyUnit(view, r0, r1);
  const money: NumOptions = { moneyUnit };
  let funds: Funds | null = null;
  const rows = view.contentRows(r0, r1).filter((r) => !skip.has(r));

  for (const r of rows) {
    if (funds) break;
    const h = findFundsHeader(view, r);
    if (!h) continue;
    const amountCols = NUMERIC_ROLES.map((k) => h.cols[k]).filter((c): c is number => c !== undefined);
    // data rows: contiguous rows with amounts (a labelled but blank row such as 其他资金 is kept)
    const data: number[] = [];
    for (let q = r + 1; q <= Math.min(r1, r + 40) && !skip.has(q); q++) {
      const label = shortLabel(rowLabel(view, q, h));
      if (/性质分/.test(label) || view.rowCells(q).filter(([, t]) => INCOME.test(shortLabel(t)) || EXPENSE.test(shortLabel(t))).length > 1) break;
      if (isExecutionReasonLabel(label)) break;
      if (hasAmount(view, q, amountCols) || (label && INCOME.test(label)) || (q === r + 1 && (/总额|合计|总计/.test(label) || amountCols.some((c) => isBlankMark(view.ownText(q, c)))))) data.push(q);
      else break;
    }
    if (data.length === 0) continue;
    used.add(r);
    for (const q of data) used.add(q);
    const withAmount = data.filter((q) => hasAmount(view, q, amountCols));
    const totalIdx = data.findIndex((q) => /^(金额)?合计$|^总计$/.test(shortLabel(rowLabel(view, q, h))));
    // the total line: a 合计 row, else the first row when it is not a part (年度资金总额 may be left blank)
    const first = data[0];
    const firstIsPart = INCOME.test(shortLabel(rowLabel(view, first, h)));
    const totalRow = totalIdx >= 0 ? data[totalIdx] : firstIsPart ? (withAmount[0] ?? first) : first;
    const parts = data.filter((q) => q !== totalRow);
    const at = (role: FundsRole): NumField | null => {
      const c = h.cols[role];
      if (c === undefined) return null;
      if (role === "weight") return numAt(view, totalRow, c, "执行率分值", issues, { points: true });
      if (role === "score") return numAt(view, totalRow, c, "执行率得分", issues, { points: true });
      return numAt(view, totalRow, c, "资金", issues, money);
    };
    const sums: SumGroup[] = [];
    const colGroups: { col: number; label: string }[] = [];
    for (const role of NUMERIC_ROLES) {
      const c = h.cols[role];
      if (c !== undefined) colGroups.push({ col: c, label: normLabel(view.text(r, c)) });
    }
    for (const s of h.subs) colGroups.push({ col: s.col, label: `${s.label}（${normLabel(view.text(r, h.cols[s.parent] ?? s.col))}）` });
    if (parts.length > 0) {
      for (const g of colGroups) {
        const total: Labeled = { ...numAt(view, totalRow, g.col, "资金", issues, money), label: rowLabel(view, totalRow, h) || g.label };
        sums.push({
          label: g.label,
          total,
          parts: parts.map((q) => ({ ...numAt(view, q, g.col, "资金", issues, money), label: partLabel(rowLabel(view, q, h)) })),
        });
      }
    }
    if (h.sources.length > 0 && h.cols.budget !== undefined) {
      sums.push({
        label: "资金来源",
        total: { ...numAt(view, totalRow, h.cols.budget, "资金", issues, money), label: normLabel(view.text(r, h.cols.budget)) },
        parts: h.sources.map((s) => ({ ...numAt(view, totalRow, s.col, "资金", issues, money), label: s.label })),
      });
    }
    const budget = at("budget") ?? at("initialBudget") ?? { value: null, raw: "" };
    funds = {
      moneyUnit,
      initialBudget: h.cols.budget !== undefined ? at("initialBudget") : null,
      budget,
      spent: at("spent") ?? { value: null, raw: "" },
      weight: at("weight"),
      enteredRate: h.cols.rate === undefined ? null : rateAt(view, totalRow, h.cols.rate, issues),
      enteredScore: at("score"),
      sums,
      explicit: {
        budget: h.cols.budget !== undefined && !!h.explicit.budget,
        initialBudget: h.cols.initialBudget !== undefined && !!h.explicit.initialBudget,
      },
    };
    if (h.cols.reason !== undefined) funds.reason = reasonField(view, totalRow, h.cols.reason);
    // a row of its own right under the block: 执行偏差原因 | …
    const after = view.nextContentRow(data[data.length - 1], Math.min(r1, data[data.length - 1] + 3));
    if (!funds.reason && after !== null && !skip.has(after)) {
      const cells = view.rowCells(after, undefined, undefined, true);
      const i = cells.findIndex(([, t]) => isExecutionReasonLabel(t));
      if (i >= 0) {
        funds.reason = valueCell(view, after, cells[i][0]);
        used.add(after);
      }
    }
  }

  if (!funds) {
    const t = readTransposed(view, rows, issues, money);
    if (t) {
      funds = t.funds;
      for (const q of t.used) used.add(q);
    }
  }

  // label-value pairs anywhere in the region (breakdowns, 预算数 | 200000.00 | 其中：财政资金 | …, 执行率分值 | 10)
  const income: Labeled[] = [];
  const expense = new Map<string, Labeled>();
  const pair: Partial<Record<FundsRole, NumField>> = {};
  const pairExplicit: { budget?: boolean; initialBudget?: boolean } = {};
  let pairReason: TextField | undefined;
  for (const r of rows) {
    if (used.has(r)) continue;
    const cells = view.rowCells(r, undefined, undefined, true);
    // 预算数 | 2000 | 执行数 | 1900 | 执行率 | 95% | 分值 | 10 | 得分 | 9.5: on a row of funds pairs, 分值/得分 are the funds'
    const fundsRow = cells.some(([, t], i) => {
      const role = fundsLabel(t)?.role;
      return (role === "budget" || role === "spent") && !!cells[i + 1] && !!parseLooseNumber(cells[i + 1][1]);
    });
    for (let i = 0; i < cells.length; i++) {
      const [c, t] = cells[i];
      if (t.length > MAX_LABEL) continue;
      const k = normLabel(t);
      if (isExecutionReasonLabel(t) && !pairReason) {
        pairReason = valueCell(view, r, c);
        used.add(r);
        continue;
      }
      const isIncome = INCOME.test(k);
      const isExpense = EXPENSE.test(k);
      const fl = !isIncome && !isExpense ? fundsLabel(t) : null;
      const role = fl?.role;
      // a generic 分值/得分 beside the header fields is not the funds': only 执行率分值 / 执行率得分 and the like
      const pairable = role === "budget" || role === "spent" || role === "rate" || role === "initialBudget" || ((role === "weight" || role === "score") && (fl!.explicit || fundsRow));
      if (!isIncome && !isExpense && !pairable) continue;
      const next = cells[i + 1];
      const nextIsValue = next && !INCOME.test(shortLabel(next[1])) && !EXPENSE.test(shortLabel(next[1])) && !fundsLabel(next[1]);
      let field: NumField;
      if (nextIsValue && (parseLooseNumber(next[1]) || isBlankMark(next[1]) || view.own(r, next[0])?.type)) {
        field =
          role === "rate"
            ? rateAt(view, r, next[0], issues)
            : role === "weight"
              ? numAt(view, r, next[0], "执行率分值", issues, { points: true })
              : role === "score"
                ? numAt(view, r, next[0], "执行率得分", issues, { points: true })
                : numAt(view, r, next[0], "资金", issues, money);
        i++;
      } else if (nextIsValue) {
        continue; // a label followed by text: not a funds pair
      } else {
        const blankCol = (view.mergeAt(r, c)?.c1 ?? c) + 1;
        field = { value: null, raw: "", cell: view.a1(r, blankCol) };
      }
      used.add(r);
      if (isIncome) income.push({ ...field, label: partLabel(t) });
      else if (isExpense) expense.set(partLabel(t), { ...field, label: partLabel(t) });
      else if (role && !pair[role]) {
        pair[role] = field;
        if (role === "budget") pairExplicit.budget = fl!.explicit;
        if (role === "initialBudget") pairExplicit.initialBudget = fl!.explicit;
      }
    }
  }
  if (!funds && (pair.budget || pair.spent)) {
    funds = {
      moneyUnit,
      initialBudget: pair.budget ? (pair.initialBudget ?? null) : null,
      budget: pair.budget ?? pair.initialBudget ?? { value: null, raw: "" },
      spent: pair.spent ?? { value: null, raw: "" },
      weight: pair.weight ?? null,
      enteredRate: pair.rate ?? null,
      enteredScore: pair.score ?? null,
      sums: [],
      explicit: { budget: !!pair.budget && !!pairExplicit.budget, initialBudget: !!pair.budget && !!pair.initialBudget && !!pairExplicit.initialBudget },
    };
  } else if (funds) {
    // a block without these: the pairs beside the header fields complete it (执行率分值 10 | 执行率得分 10)
    funds.weight ??= pair.weight ?? null;
    funds.enteredScore ??= pair.score ?? null;
    funds.enteredRate ??= pair.rate ?? null;
  }
  if (!funds) return null;
  if (pairReason && !funds.reason) funds.reason = pairReason;
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

/** The value cell of a label: right of it (its merged area), else below; a blank cell there is the cell to type in. */
function valueCell(view: SheetView, r: number, c: number): TextField {
  const m = view.mergeAt(r, c);
  const right = view.rowCells(r, (m?.c1 ?? c) + 1, undefined, true)[0];
  if (right) return reasonField(view, r, right[0]);
  const below = (m?.r1 ?? r) + 1;
  const t = view.text(below, c);
  if (t && !view.rowBlank(below)) return reasonField(view, below, c);
  return { value: "", cell: view.a1(r, (m?.c1 ?? c) + 1) };
}

/**
 * Figures as rows, sources as columns: 年初预算数 / 全年预算数 / 全年执行数 (/ 执行率) down one column, the header row
 * above naming the columns (合计 | 财政拨款 | 上年结转 | 其他资金). A plain list of label–value rows (预算数 | 1000,
 * 执行数 | 820) is the same shape with one column.
 */
function readTransposed(view: SheetView, rows: number[], issues: ReadIssue[], money: NumOptions): { funds: Funds; used: number[] } | null {
  const byCol = new Map<number, { r: number; role: FundsRole; explicit: boolean }[]>();
  for (const r of rows) {
    for (const [c, t] of view.rowCells(r, undefined, undefined, true)) {
      const fl = fundsLabel(t);
      if (!fl || !["budget", "spent", "initialBudget", "rate"].includes(fl.role)) continue;
      const right = view.rowCells(r, (view.mergeAt(r, c)?.c1 ?? c) + 1, undefined, true)[0];
      if (!right || !(parseLooseNumber(right[1]) || isBlankMark(right[1]) || view.own(r, right[0])?.type)) continue;
      const list = byCol.get(c) ?? [];
      if (!list.some((x) => x.role === fl.role) && (list.length === 0 || r - list[list.length - 1].r <= 2)) list.push({ r, role: fl.role, explicit: fl.explicit });
      byCol.set(c, list);
    }
  }
  for (const [c, list] of byCol) {
    const roleRow = (role: FundsRole) => list.find((x) => x.role === role);
    const b = roleRow("budget") ?? roleRow("initialBudget");
    const s = roleRow("spent");
    if (!b || !s) continue;
    const firstRow = list[0].r;
    // the header row above: the columns' labels
    let header: number | null = null;
    for (const r of rows) if (r < firstRow && firstRow - r <= 2) header = r;
    const heads = header === null ? [] : view.rowCells(header, c + 1, undefined, true).filter(([, t]) => t.length <= MAX_LABEL);
    const valueCols = new Set<number>();
    for (const x of list) for (const [vc, t] of view.rowCells(x.r, c + 1, undefined, true)) if (parseLooseNumber(t) || isBlankMark(t)) valueCols.add(vc);
    const totalHead = heads.find(([, t]) => TOTAL_COL.test(shortLabel(t).replace(/\((万?元)\)$/, "")));
    const firstValue = Math.min(...valueCols);
    const totalCol = totalHead ? totalHead[0] : Number.isFinite(firstValue) ? firstValue : c + 1;
    const parts = heads.filter(([hc, t]) => hc !== totalCol && (INCOME.test(shortLabel(t)) || valueCols.has(hc)) && !fundsLabel(t));
    const read = (x: { r: number } | undefined, role: FundsRole): NumField | null => {
      if (!x) return null;
      return role === "rate" ? rateAt(view, x.r, totalCol, issues) : numAt(view, x.r, totalCol, "资金", issues, money);
    };
    const sums: SumGroup[] = [];
    if (parts.length > 0) {
      for (const x of list) {
        if (x.role === "rate") continue;
        sums.push({
          label: normLabel(view.text(x.r, c)),
          total: { ...numAt(view, x.r, totalCol, "资金", issues, money), label: totalHead ? normLabel(totalHead[1]) : "合计" },
          parts: parts.map(([pc, t]) => ({ ...numAt(view, x.r, pc, "资金", issues, money), label: partLabel(t) })),
        });
      }
    }
    const adjusted = roleRow("budget");
    const initial = roleRow("initialBudget");
    const funds: Funds = {
      moneyUnit: money.moneyUnit ?? "万元",
      initialBudget: adjusted ? read(initial, "initialBudget") : null,
      budget: read(adjusted ?? initial, "budget") ?? { value: null, raw: "" },
      spent: read(s, "spent") ?? { value: null, raw: "" },
      weight: null,
      enteredRate: read(roleRow("rate"), "rate"),
      enteredScore: null,
      sums,
      explicit: { budget: !!adjusted && adjusted.explicit, initialBudget: !!adjusted && !!initial && initial.explicit },
    };
    return { funds, used: [...(header !== null ? [header] : []), ...list.map((x) => x.r)] };
  }
  return null;
}
