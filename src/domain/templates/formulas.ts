// The form-level formulas (the row-level ones are the helper columns, helpers.ts): 执行率 and its score, parts that
// must add up, 总分, the 等级 cell (progress, 待完成 or the grade), the printed legend of the grade bands, and whether
// a low 执行率 is explained. They read the profile's parameters from the lists sheet (lists.ts PROFILE), so that a
// switch of profile rewrites those cells and nothing else. Tokens: {field} a field's cell or range; {*ind.score}
// every indicator block's column, comma-joined.
import { NATIONAL_PROFILE } from "../profiles";
import { PROFILE } from "./profile-constants";
import { reasonEmpty, speaksOfExecution } from "./helpers";

export { fold, q, reasonEmpty } from "./helpers";

/** 执行率: spent ÷ budget; an error text instead of #DIV/0! (evaluate.ts: no rate, and a budget-zero finding). */
export function rateFormula(budget: string, spent: string, budgetCount: string, spentCount: string): string {
  return `=IF(${spentCount}=0,"",IF(${budgetCount}=0,"预算数缺失",IF(${budget}=0,"预算数为0",${spent}/${budget})))`;
}

/** The funds score: rate × 分值, the rate capped at 1 when the profile caps it (score.ts executionScore), rounded to 2. */
export function fundsScoreFormula(rate: string, weight: string): string {
  return `=IF(AND(ISNUMBER(${rate}),ISNUMBER(${weight})),ROUND(MAX(0,IF(${PROFILE.cap}=1,MIN(${rate},1),${rate}))*${weight},2),"")`;
}

/** Whether parts add up to a total (checks/funds.ts tolerance: 0.005 per part, at least 0.01). */
export function partsCheck(pairs: [total: string, parts: string][]): string {
  const tol = (p: string) => `MAX(0.01,${NATIONAL_PROFILE.sumTolerancePerPart}*COUNT(${p}))+0.000000001`;
  const ok = pairs.map(([t, p]) => `OR(NOT(ISNUMBER(${t})),COUNT(${p})=0,ABS(SUM(${p})-${t})<=${tol(p)})`);
  const any = pairs.map(([, p]) => `COUNT(${p})`).join("+");
  return `=IF(${any}=0,"",IF(AND(${ok.join(",")}),"相符","不符"))`;
}

/** The weight of the 不适用 rows (their 比较方式 is "na"), summed over the indicator blocks: SUMIF skips typed text. */
export function naWeightFormula(blocks: string[]): string {
  return `=${blocks.map((b) => `SUMIF({${b}.mode},"na",{${b}.weight})`).join("+")}`;
}

/** 总分 (evaluate.ts totalOf): the visible 得分 cells as shown (with the 执行率 row's when the form has one),
 *  scaled by 100 / (100 − the 不适用 weights) when some are left out; blank while nothing is scored. */
export function totalFormula(scores: string): string {
  return `=IF(COUNT(${scores})=0,"",ROUND(SUM(${scores})*IF(AND({naWeight}>0,{naWeight}<100),100/(100-{naWeight}),1),2))`;
}

/** 等级 (docs/rules.md#ready-to-send): "分值合计 30/100" while the weights entered are under 100, 待完成 while
 *  the form is not complete ({incomplete} counts what is missing), else the profile's grade of the total. */
export function gradeFormula(total: string, weights: string): string {
  return (
    `=IF(SUM(${weights})<99.99,"分值合计 "&ROUND(SUM(${weights}),2)&"/100",IF(OR({incomplete}>0,NOT(ISNUMBER(${total}))),"待完成",` +
    `INDEX(${PROFILE.grades},MATCH(${total}+0.000000001,${PROFILE.mins},1))))`
  );
}

/** One indicator block's rows that keep the form incomplete (checks/completeness.ts): a row with anything in it but
 *  no name, or (unless 不适用) without its target, actual, weight or score. Blank means blank to the engine: spaces of
 *  either width do not count (the folded texts of the helper columns). */
export function incompleteRows(b: string): string {
  const name = `SUBSTITUTE(SUBSTITUTE({${b}.name}&"","\u3000","")," ","")`;
  const [T, A] = [`{${b}.targetText}`, `{${b}.actualText}`];
  const used = `((${name}<>"")+(${T}<>"")+(${A}<>"")+ISNUMBER({${b}.weight})+ISNUMBER({${b}.score})>0)`;
  const open = `((${name}="")+({${b}.mode}<>"na")*((${T}="")+(${A}="")+(1-ISNUMBER({${b}.weight}))+(1-ISNUMBER({${b}.score})))>0)`;
  return `SUMPRODUCT(${used}*${open})`;
}

/** Rows with both a target and an actual (checks/completeness.ts isFormEmpty: a form with none is empty). */
export function emptyRows(b: string): string {
  return `SUMPRODUCT(({${b}.targetText}<>"")*({${b}.actualText}<>""))`;
}

/** What keeps the form from being complete: blank required cells, missing amounts (`missing`: conditions), open
 *  rows, and a form with nothing compared yet. */
export function incompleteFormula(required: string[], blocks: string[], missing: string[] = []): string {
  const fields = required.map((f) => `(LEN(TRIM(${f}&""))=0)`);
  const amounts = missing.map((m) => `(${m})`);
  const rows = blocks.map(incompleteRows);
  const empty = `(${blocks.map(emptyRows).join("+")}=0)`;
  return `=${[...fields, ...amounts, ...rows, empty].join("+")}`;
}

/** A required amount that is blank: its cells (the total and its parts) hold no number. */
export function missingAmount(count: string, unless?: string): string {
  return unless ? `AND(${count}=0,NOT(N(${unless})>0))` : `${count}=0`;
}

/** The printed legend, read from the profile's cells: "评价等级（优≥90，良80–90，中60–80，差<60）". */
export function legendFormula(prefix = "评价等级（", suffix = "）"): string {
  const g = (i: number) => `INDEX(${PROFILE.grades},${i})`;
  const m = (i: number) => `INDEX(${PROFILE.mins},${i})`;
  return `=${q2(prefix)}&${g(4)}&"≥"&${m(4)}&"，"&${g(3)}&${m(3)}&"–"&${m(4)}&"，"&${g(2)}&${m(2)}&"–"&${m(3)}&"，"&${g(1)}&"<"&${m(2)}&${q2(suffix)}`;
}

/** The department form's note on grades, in seed 001's words: 优（S≥90）、良（90＞S≥80）… */
export function bandsNoteFormula(before: string, after: string): string {
  const g = (i: number) => `INDEX(${PROFILE.grades},${i})`;
  const m = (i: number) => `INDEX(${PROFILE.mins},${i})`;
  return (
    `=${q2(before)}&${g(4)}&"（S≥"&${m(4)}&"）、"&${g(3)}&"（"&${m(4)}&"＞S≥"&${m(3)}&"）、"&${g(2)}&"（"&${m(3)}&"＞S≥"&${m(2)}&"）、"&` +
    `${g(1)}&"（S＜"&${m(2)}&"）"&${q2(after)}`
  );
}

const q2 = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/** A low 执行率 that nothing explains (checks/funds.ts): under the profile's threshold, and none of the cells where
 *  it is explained (实际完成情况, a 偏差 cell, any 偏差原因) speaks of 执行 / 支出 / 资金 … */
export function rateUnexplained(rate: string, explainedIn: string[], blocks: string[]): string {
  const said = explainedIn.map(speaksOfExecution).join(",");
  // On a form with nothing compared yet the engine says form-empty alone (checks/completeness.ts): no flag either.
  // (A form whose number of blocks varies, by 年度目标, counts targets and actuals over all of them.)
  const started = blocks.length ? `${blocks.map(emptyRows).join("+")}>0` : "AND(COUNTA({*ind.target})>0,COUNTA({*ind.actual})>0)";
  return `=AND(ISNUMBER(${rate}),${rate}<${PROFILE.rate}-0.000000001,NOT(OR(${said})),${started})`;
}

/** Multi-project: a row's 存在的问题 says nothing. */
export const problemEmpty = reasonEmpty;
