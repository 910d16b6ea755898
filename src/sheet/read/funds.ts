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

export function findFundsHeader(view: SheetView, row: number): FundsHeader | null {
  const cols: Partial<Record<FundsRole, number>> = {};
  const explicit: FundsHeader["explicit"] = {};
  const subs: FundsHeader["subs"] = [];
  const sources: FundsHeader["sources"] = [];
  let totalCol: number | undefined;
  let last: FundsRole | null = null;
  let firstCol = Infinity;
  const cells = view.rowCells(row);
  if (cells.length < 2) return null;
  for (const [col, cellText] of cells) {
    if (cellText.length > MAX_LABEL) continue;
    const label = normLabel(cellText).replace(/\((万?元)\)$/, "");
    const fundsRole = fundsLabel(cellText);
    if (fundsRole) {
      const role = fundsRole.role;
      if (role === "budget" && fundsRole.explicit && cols.budget !== undefined && !explicit.budget) {
        // 预算数 | 调整预算: the plain one is the budget before adjustment (not named 年初 explicitly)
        if (cols.initialBudget === undefined && /\d|预算/.test(normLabel(view.text(row, cols.budget)))) cols.initialBudget = cols.budget;
        cols.budget = col;
        explicit.budget = true;
        last = role;
      } else if (cols[role] === undefined) {
        cols[role] = col;
        if (role === "budget") explicit.budget = fundsRole.explicit;
        if (role === "initialBudget") explicit.initialBudget = fundsRole.explicit;
        last = role;
      }
    } else if (/^其中[:：]/.test(label) && last && (last === "budget" || last === "spent" || last === "initialBudget")) {
      subs.push({ col, label, parent: last });
    } else if (TOTAL_COL.test(label)) totalCol ??= col;
    else if (INCOME.test(label)) sources.push({ col, label });
  }
  // one row of sources: 中央 | 省级 | 本级 | 其他 | 合计 | 执行数 | 执行率 — the budget is the 合计 column
  if (cols.budget === undefined && cols.initialBudget === undefined && cols.spent !== undefined && totalCol !== undefined && sources.length > 0) {
    cols.budget = totalCol;
    explicit.budget = false;
    firstCol = Math.min(firstCol, ...sources.map((s) => s.col), totalCol);
  } else sources.length = 0;
  for (const c of Object.values(cols)) firstCol = Math.min(firstCol, c as number);
  const count = Object.keys(cols).filter((k) => k !== "reason").length;
  if ((cols.budget === undefined && cols.spent === undefined) || count < 2) return null;
  // 预算数 | 1,250,000.00 | 执行数 | 1,100,000.00 …: label-value pairs across a row, not a header
  const pairs = cells.filter(([, t], i) => fundsLabel(t) && cells[i + 1] && !fundsLabel(cells[i + 1][1]) && parseLooseNumber(cells[i + 1][1])).length;
  if (pairs * 2 >= count) return null;
  if (cols.budget === undefined && cols.initialBudget === undefined) return null;
  return { row, cols, explicit, subs, sources, firstCol };
}

function partLabel(cellText: string): string {
  return trimText(cellText).replace(/^其中[:：]\s*/, "").replace(/总额$/, "");
}

export function detectMoneyUnit(view: SheetView, firstRow: number, lastRow: number): MoneyUnit {
  for (const row of view.contentRows(firstRow, lastRow)) {
    for (const [, cellText] of view.rowCells(row, undefined, undefined, true)) {
      if (cellText.length > MAX_LABEL) continue;
      const label = normLabel(cellText);
      if (/单位[:：]?元$|\(元\)$|^金额单位[:：]?元/.test(label)) return "元";
      if (/单位[:：]?万元|\(万元\)/.test(label)) return "万元";
    }
  }
  return "万元";
}

/** Label of a funds data row: the first text left of the amounts that is not a label merged down from the header. */
function rowLabel(view: SheetView, row: number, header: FundsHeader): string {
  let fallback = "";
  for (const [col, cellText] of view.rowCells(row, undefined, header.firstCol - 1)) {
    const merge = view.mergeAt(row, col);
    if (merge && merge.r0 <= header.row) continue;
    if (merge && merge.r0 < row) {
      fallback ||= cellText;
      continue;
    }
    if (merge && merge.r1 > merge.r0) {
      fallback ||= cellText; // a label merged down over several rows (职责职能): use it only when nothing else is there
      continue;
    }
    return cellText;
  }
  return fallback;
}

function hasAmount(view: SheetView, row: number, cols: number[]): boolean {
  for (const col of cols) {
    const cellText = view.ownText(row, col);
    if (cellText && parseLooseNumber(cellText)) return true;
  }
  return false;
}

/** A row that explains the execution (执行偏差原因, 预算执行偏差原因说明): the funds' own reason cell. */
export function isExecutionReasonLabel(text: string): boolean {
  const label = normLabel(text);
  return label.length <= 20 && /^(预算|资金)?执行(率)?(偏差|未达标|差异|偏低)?(的)?原因/.test(label);
}

export interface FundsRead {
  funds: Funds;
  usedRows: Set<number>;
}

/** A text field's value, with template guidance ("…（100字以内）") read as blank. */
function reasonField(view: SheetView, row: number, col: number): TextField {
  const cellText = view.text(row, col);
  return { value: isInstruction(cellText) ? "" : cellText, cell: view.a1(row, col) };
}

/** Read the funds of a form region [r0, r1], skipping `skip` rows (indicator tables). */
export function readFunds(view: SheetView, firstRow: number, lastRow: number, skip: Set<number>, issues: ReadIssue[]): FundsRead | null {
  const used = new Set<number>();
  const moneyUnit = detectMoneyUnit(view, firstRow, lastRow);
  const money: NumOptions = { moneyUnit };
  let funds: Funds | null = null;
  const rows = view.contentRows(firstRow, lastRow).filter((r) => !skip.has(r));

  for (const row of rows) {
    if (funds) break;
    const header = findFundsHeader(view, row);
    if (!header) continue;
    const amountCols = NUMERIC_ROLES.map((k) => header.cols[k]).filter((c): c is number => c !== undefined);
    // data rows: contiguous rows with amounts (a labelled but blank row such as 其他资金 is kept)
    const data: number[] = [];
    for (let dataRow = row + 1; dataRow <= Math.min(lastRow, row + 40) && !skip.has(dataRow); dataRow++) {
      const label = shortLabel(rowLabel(view, dataRow, header));
      if (/性质分/.test(label) || view.rowCells(dataRow).filter(([, t]) => INCOME.test(shortLabel(t)) || EXPENSE.test(shortLabel(t))).length > 1) break;
      if (isExecutionReasonLabel(label)) break;
      if (hasAmount(view, dataRow, amountCols) || (label && INCOME.test(label)) || (dataRow === row + 1 && (/总额|合计|总计/.test(label) || amountCols.some((c) => isBlankMark(view.ownText(dataRow, c)))))) data.push(dataRow);
      else break;
    }
    if (data.length === 0) continue;
    used.add(row);
    for (const q of data) used.add(q);
    const withAmount = data.filter((q) => hasAmount(view, q, amountCols));
    const totalIdx = data.findIndex((q) => /^(金额)?合计$|^总计$/.test(shortLabel(rowLabel(view, q, header))));
    // the total line: a 合计 row, else the first row when it is not a part (年度资金总额 may be left blank)
    const first = data[0];
    const firstIsPart = INCOME.test(shortLabel(rowLabel(view, first, header)));
    const totalRow = totalIdx >= 0 ? data[totalIdx] : firstIsPart ? (withAmount[0] ?? first) : first;
    const parts = data.filter((q) => q !== totalRow);
    const at = (role: FundsRole): NumField | null => {
      const c = header.cols[role];
      if (c === undefined) return null;
      if (role === "weight") return numAt(view, totalRow, c, "执行率分值", issues, { points: true });
      if (role === "score") return numAt(view, totalRow, c, "执行率得分", issues, { points: true });
      return numAt(view, totalRow, c, "资金", issues, money);
    };
    const sums: SumGroup[] = [];
    const colGroups: { col: number; label: string }[] = [];
    for (const role of NUMERIC_ROLES) {
      const c = header.cols[role];
      if (c !== undefined) colGroups.push({ col: c, label: normLabel(view.text(row, c)) });
    }
    for (const s of header.subs) colGroups.push({ col: s.col, label: `${s.label}（${normLabel(view.text(row, header.cols[s.parent] ?? s.col))}）` });
    if (parts.length > 0) {
      for (const group of colGroups) {
        const total: Labeled = { ...numAt(view, totalRow, group.col, "资金", issues, money), label: rowLabel(view, totalRow, header) || group.label };
        sums.push({
          label: group.label,
          total,
          parts: parts.map((q) => ({ ...numAt(view, q, group.col, "资金", issues, money), label: partLabel(rowLabel(view, q, header)) })),
        });
      }
    }
    if (header.sources.length > 0 && header.cols.budget !== undefined) {
      sums.push({
        label: "资金来源",
        total: { ...numAt(view, totalRow, header.cols.budget, "资金", issues, money), label: normLabel(view.text(row, header.cols.budget)) },
        parts: header.sources.map((s) => ({ ...numAt(view, totalRow, s.col, "资金", issues, money), label: s.label })),
      });
    }
    const budget = at("budget") ?? at("initialBudget") ?? { value: null, raw: "" };
    funds = {
      moneyUnit,
      initialBudget: header.cols.budget !== undefined ? at("initialBudget") : null,
      budget,
      spent: at("spent") ?? { value: null, raw: "" },
      weight: at("weight"),
      enteredRate: header.cols.rate === undefined ? null : rateAt(view, totalRow, header.cols.rate, issues),
      enteredScore: at("score"),
      sums,
      explicit: {
        budget: header.cols.budget !== undefined && !!header.explicit.budget,
        initialBudget: header.cols.initialBudget !== undefined && !!header.explicit.initialBudget,
      },
    };
    if (header.cols.reason !== undefined) funds.reason = reasonField(view, totalRow, header.cols.reason);
    // a row of its own right under the block: 执行偏差原因 | …
    const after = view.nextContentRow(data[data.length - 1], Math.min(lastRow, data[data.length - 1] + 3));
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
    const transposed = readTransposed(view, rows, issues, money);
    if (transposed) {
      funds = transposed.funds;
      for (const q of transposed.used) used.add(q);
    }
  }

  // label-value pairs anywhere in the region (breakdowns, 预算数 | 200000.00 | 其中：财政资金 | …, 执行率分值 | 10)
  const income: Labeled[] = [];
  const expense = new Map<string, Labeled>();
  const pair: Partial<Record<FundsRole, NumField>> = {};
  const pairExplicit: { budget?: boolean; initialBudget?: boolean } = {};
  let pairReason: TextField | undefined;
  for (const rowIndex of rows) {
    if (used.has(rowIndex)) continue;
    const cells = view.rowCells(rowIndex, undefined, undefined, true);
    // 预算数 | 2000 | 执行数 | 1900 | 执行率 | 95% | 分值 | 10 | 得分 | 9.5: on a row of funds pairs, 分值/得分 are the funds'
    const fundsRow = cells.some(([, cellText], i) => {
      const role = fundsLabel(cellText)?.role;
      return (role === "budget" || role === "spent") && !!cells[i + 1] && !!parseLooseNumber(cells[i + 1][1]);
    });
    for (let i = 0; i < cells.length; i++) {
      const [col, t] = cells[i];
      if (t.length > MAX_LABEL) continue;
      const labelText = normLabel(t);
      if (isExecutionReasonLabel(t) && !pairReason) {
        pairReason = valueCell(view, rowIndex, col);
        used.add(rowIndex);
        continue;
      }
      const isIncome = INCOME.test(labelText);
      const isExpense = EXPENSE.test(labelText);
      const fundsRole = !isIncome && !isExpense ? fundsLabel(t) : null;
      const role = fundsRole?.role;
      // a generic 分值/得分 beside the header fields is not the funds': only 执行率分值 / 执行率得分 and the like
      const pairable = role === "budget" || role === "spent" || role === "rate" || role === "initialBudget" || ((role === "weight" || role === "score") && (fundsRole!.explicit || fundsRow));
      if (!isIncome && !isExpense && !pairable) continue;
      const next = cells[i + 1];
      const nextIsValue = next && !INCOME.test(shortLabel(next[1])) && !EXPENSE.test(shortLabel(next[1])) && !fundsLabel(next[1]);
      let field: NumField;
      if (nextIsValue && (parseLooseNumber(next[1]) || isBlankMark(next[1]) || view.own(rowIndex, next[0])?.type)) {
        field =
          role === "rate"
            ? rateAt(view, rowIndex, next[0], issues)
            : role === "weight"
              ? numAt(view, rowIndex, next[0], "执行率分值", issues, { points: true })
              : role === "score"
                ? numAt(view, rowIndex, next[0], "执行率得分", issues, { points: true })
                : numAt(view, rowIndex, next[0], "资金", issues, money);
        i++;
      } else if (nextIsValue) {
        continue; // a label followed by text: not a funds pair
      } else {
        const blankCol = (view.mergeAt(rowIndex, col)?.c1 ?? col) + 1;
        field = { value: null, raw: "", cell: view.a1(rowIndex, blankCol) };
      }
      used.add(rowIndex);
      if (isIncome) income.push({ ...field, label: partLabel(t) });
      else if (isExpense) expense.set(partLabel(t), { ...field, label: partLabel(t) });
      else if (role && !pair[role]) {
        pair[role] = field;
        if (role === "budget") pairExplicit.budget = fundsRole!.explicit;
        if (role === "initialBudget") pairExplicit.initialBudget = fundsRole!.explicit;
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
function valueCell(view: SheetView, row: number, col: number): TextField {
  const merge = view.mergeAt(row, col);
  const right = view.rowCells(row, (merge?.c1 ?? col) + 1, undefined, true)[0];
  if (right) return reasonField(view, row, right[0]);
  const below = (merge?.r1 ?? row) + 1;
  const cellText = view.text(below, col);
  if (cellText && !view.rowBlank(below)) return reasonField(view, below, col);
  return { value: "", cell: view.a1(row, (merge?.c1 ?? col) + 1) };
}

/**
 * Figures as rows, sources as columns: 年初预算数 / 全年预算数 / 全年执行数 (/ 执行率) down one column, the header row
 * above naming the columns (合计 | 财政拨款 | 上年结转 | 其他资金). A plain list of label–value rows (预算数 | 1000,
 * 执行数 | 820) is the same shape with one column.
 */
function readTransposed(view: SheetView, rows: number[], issues: ReadIssue[], money: NumOptions): { funds: Funds; used: number[] } | null {
  const byCol = new Map<number, { r: number; role: FundsRole; explicit: boolean }[]>();
  for (const row of rows) {
    for (const [col, cellText] of view.rowCells(row, undefined, undefined, true)) {
      const fundsRole = fundsLabel(cellText);
      if (!fundsRole || !["budget", "spent", "initialBudget", "rate"].includes(fundsRole.role)) continue;
      const right = view.rowCells(row, (view.mergeAt(row, col)?.c1 ?? col) + 1, undefined, true)[0];
      if (!right || !(parseLooseNumber(right[1]) || isBlankMark(right[1]) || view.own(row, right[0])?.type)) continue;
      const list = byCol.get(col) ?? [];
      if (!list.some((x) => x.role === fundsRole.role) && (list.length === 0 || row - list[list.length - 1].r <= 2)) list.push({ r: row, role: fundsRole.role, explicit: fundsRole.explicit });
      byCol.set(col, list);
    }
  }
  for (const [colIndex, list] of byCol) {
    const roleRow = (role: FundsRole) => list.find((x) => x.role === role);
    const budgetRow = roleRow("budget") ?? roleRow("initialBudget");
    const spentRow = roleRow("spent");
    if (!budgetRow || !spentRow) continue;
    const firstRow = list[0].r;
    // the header row above: the columns' labels
    let header: number | null = null;
    for (const r of rows) if (r < firstRow && firstRow - r <= 2) header = r;
    const heads = header === null ? [] : view.rowCells(header, colIndex + 1, undefined, true).filter(([, t]) => t.length <= MAX_LABEL);
    const valueCols = new Set<number>();
    for (const x of list) for (const [vc, t] of view.rowCells(x.r, colIndex + 1, undefined, true)) if (parseLooseNumber(t) || isBlankMark(t)) valueCols.add(vc);
    const totalHead = heads.find(([, t]) => TOTAL_COL.test(shortLabel(t).replace(/\((万?元)\)$/, "")));
    const firstValue = Math.min(...valueCols);
    const totalCol = totalHead ? totalHead[0] : Number.isFinite(firstValue) ? firstValue : colIndex + 1;
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
          label: normLabel(view.text(x.r, colIndex)),
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
      spent: read(spentRow, "spent") ?? { value: null, raw: "" },
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
