// Formulas as data: the hidden helper columns every indicator row carries, so that a plain spreadsheet
// (Excel 2016, WPS, LibreOffice 7.4) scores a target written as an officer writes it ("≥95%", "6篇以上",
// "\u3000198万") the way the engine (evaluate.ts, score.ts, value.ts) does. Only IF, IFERROR, AND, OR, NOT,
// SUM, SUMPRODUCT, MIN, MAX, ROUND, ABS, LEN, TRIM, ISNUMBER, ISERROR, INDEX, MATCH, VALUE, SUBSTITUTE,
// LEFT, RIGHT, MID, FIND and COUNT are used; array constants appear only inside SUMPRODUCT.
// The design is described at the top of project.ts; tokens in types.ts.
import { POSITIVE_RATE, REVERSE_NAME } from "../direction";
import { NATIONAL_PROFILE } from "../profiles";
import { LEVEL1, LOW, M, NUM_SCORE, RULE_TAIL, TIER, TIER_SCORE, mentionFormula, q } from "./formula-parts";

export { fold, q, reasonEmpty, strip } from "./formula-parts";

/** Plain words of an engine regex ("成本|费用|支出(额|数)?$" → 成本, 费用), so the two lists stay one. */
function words(re: RegExp, fallback: string[]): string[] {
  const w = re.source.split("|").filter((s) => /^[\u4e00-\u9fff]+$/.test(s));
  return w.length ? w : fallback;
}
export const LOW_WORDS = words(REVERSE_NAME, ["成本", "费用", "控制率", "结余率", "调整率", "差率", "事故", "投诉"]);
export const POSITIVE_WORDS = words(POSITIVE_RATE, ["完成率", "满意度"]);

export const OVER_TRIGGER = NATIONAL_PROFILE.overTrigger;
export const RATE_THRESHOLD = NATIONAL_PROFILE.executionThreshold;

const findAny = (list: string[], expr: string): string =>
  `SUMPRODUCT(--ISNUMBER(FIND({${list.map(q).join(",")}},${expr})))>0`;

/** The comparator used for scoring: the written one, else inferred like direction.ts (isReverse). */
const OP =
  `=IF({h:opx}<>"",{h:opx},IF(LEN({h:tn})=0,"",IF(${findAny(POSITIVE_WORDS, '{r:name}&""')},"≥",` +
  `IF(OR(${findAny(LOW_WORDS, '{r:name}&""')},RIGHT(TRIM({r:name}&""),2)="支出",` +
  `ISNUMBER(FIND("成本",{top:level2}&"")),LEFT(TRIM({top:level1}&""),2)="成本"),"≤","≥"))))`;

/** Helper columns, in order, for each mode: [key, formula]. */
export function helperFormulas(mode: "scored" | "status" | "targets", reason: { column: true } | { shared: string }): [string, string][] {
  const target: [string, string][] = [
    ["tn", M.tn],
    ["tq", M.tq],
    ["tc", M.tc],
    ["opx", M.opx],
    ["ts", M.start("t")],
    ["tp", M.prefix("t")],
    ["tw", M.width("t")],
    ["tl", M.lead("t")],
    ["tr", M.rest("t")],
    ["tu", M.unit("t")],
    ["tk", M.kind("t")],
    ["tf", M.wan("t")],
    ["tv", M.value("t")],
    ["tok", M.ok("t")],
    ["tph", M.placeholder],
    ["op", OP],
  ];
  if (mode === "targets") return [...target, ["bad", M.bad], ["dir", M.dir]];
  const actual: [string, string][] = [
    ["bn", M.bn],
    ["tier", TIER],
    ["bq", M.bq],
    ["bc", M.bc],
    ["bx", M.bx],
    ["bs", M.start("b")],
    ["bp", M.prefix("b")],
    ["bw", M.width("b")],
    ["bl", M.lead("b")],
    ["br", M.rest("b")],
    ["bu", M.unit("b")],
    ["bk", M.kind("b")],
    ["bf", M.wan("b")],
    ["bv", M.value("b")],
    ["bok", M.ok("b")],
    ["na", M.na],
    ["A", `=IF(AND(ISNUMBER({h:tf}),ISNUMBER({h:bf})),{h:tv}*{h:tf},{h:tv})`],
    ["B", `=IF(AND(ISNUMBER({h:tf}),ISNUMBER({h:bf})),{h:bv}*{h:bf},{h:bv})`],
    ["mode", M.mode],
  ];
  const scored: [string, string][] =
    mode === "scored"
      ? [
          ["w", `=IF(ISNUMBER({r:weight}),IF({h:na}=1,0,ROUND({r:weight}*{naFactor},4)),"")`],
          ["rule", `=IF(AND(ISNUMBER({h:w}),{h:w}>0),${RULE_TAIL},"")`],
          ["sc", `=IF(ISNUMBER({h:w}),IF(ISNUMBER({h:rule}),{h:rule},IF(ISNUMBER({r:score}),{r:score},0)),"")`],
        ]
      : [];
  const need =
    `=IF({h:mode}="num",IF(${LOW},IF({h:B}>{h:A},1,0),IF(AND({h:op}="=",{h:A}=0),IF({h:B}>0,1,0),` +
    `IF(OR({h:B}<{h:A},AND({h:A}>0,{h:B}>=${OVER_TRIGGER}*{h:A}-0.000000001)),1,0))),` +
    `IF({h:mode}="tier",IF({h:tier}<>"达成",1,0),IF({h:mode}="pct",IF({h:bv}<100,1,0),0)))`;
  const flag: [string, string][] =
    "column" in reason
      ? [["flag", `=IF(AND({h:need}=1,${M.empty("{r:reason}")}),1,0)`]]
      : [
          ["nm", M.nm],
          ["core", M.core],
          ["men", mentionFormula(`{${reason.shared}}`)],
          ["flag", `=IF(AND({h:need}=1,OR(${M.empty(`{${reason.shared}}`)},{h:men}=0)),1,0)`],
        ];
  return [...target, ...actual, ...scored, ["need", need], ...flag];
}

/** The 不适用 rescaling factor (evaluate.ts): (applicable + 不适用 weights) ÷ applicable weights. */
export const NA_FACTOR =
  `=IF(AND({sp:weight:na}>0,SUM({*ind.weight})-{sp:weight:na}>0),SUM({*ind.weight})/(SUM({*ind.weight})-{sp:weight:na}),1)`;

/** The engine's computed total (evaluate.ts): funds score + each row's rule score, or its entered score
 *  where the rule has none. The visible 总分 adds the 得分 column as written (what a reviewer re-adds);
 *  a typed score that differs from the rule is flagged on its row. */
export const RULE_TOTAL = `=IF(COUNT({funds.score},{*ind.sc})=0,"",ROUND(SUM({funds.score},{*ind.sc}),2))`;
export const RULE_TOTAL_NO_FUNDS = `=IF(COUNT({*ind.sc})=0,"",ROUND(SUM({*ind.sc}),2))`;

/** 一级 weight declared in the 一级 cell ("产出指标（50分）" → 50), on the top row of each 一级 group. */
export const LEVEL1_DECLARED = LEVEL1.declared;
export const LEVEL1_CHECK = `=IF(AND(ISNUMBER({h:l1d}),COUNT({g1:weight})>0),IF(ABS(SUM({g1:weight})-{h:l1d})>0.010000001,1,0),0)`;

/** The score cell's default: the rule's score where the rule can compute one. */
export const SCORE_DEFAULT = `=IF(ISNUMBER({h:rule}),{h:rule},"")`;

/** 等级 from a total cell (the national profile's bands). */
export function gradeFormula(total: string): string {
  const bands = NATIONAL_PROFILE.gradeBands.filter((b) => Number.isFinite(b.min));
  const inner = bands.reduceRight((acc, b) => `IF(${total}>=${b.min},"${b.grade}",${acc})`, `"差"`);
  return `=IF(ISNUMBER(${total}),${inner},"")`;
}

/** 执行率: spent ÷ budget; an error text instead of #DIV/0! (evaluate.ts: null and a budget-zero finding). */
export function rateFormula(budget: string, spent: string, budgetCount: string, spentCount: string): string {
  return `=IF(${spentCount}=0,"",IF(${budgetCount}=0,"预算数缺失",IF(${budget}=0,"预算数为0",${spent}/${budget})))`;
}

/** The funds score: MIN(rate, 1) × 分值, rounded to 2 (score.ts executionScore, national cap). */
export function fundsScoreFormula(rate: string, weight: string): string {
  return `=IF(AND(ISNUMBER(${rate}),ISNUMBER(${weight})),ROUND(MAX(0,MIN(${rate},1))*${weight},2),"")`;
}

/** Whether parts add up to a total (checks/funds.ts tolerance: 0.005 per part, at least 0.01). */
export function partsCheck(pairs: [total: string, parts: string][]): string {
  const tol = (p: string) => `MAX(0.01,${NATIONAL_PROFILE.sumTolerancePerPart}*COUNT(${p}))+0.000000001`;
  const ok = pairs.map(([t, p]) => `OR(NOT(ISNUMBER(${t})),COUNT(${p})=0,ABS(SUM(${p})-${t})<=${tol(p)})`);
  const any = pairs.map(([, p]) => `COUNT(${p})`).join("+");
  return `=IF(${any}=0,"",IF(AND(${ok.join(",")}),"相符","不符"))`;
}

/** Words that explain a low 执行率 in a shared reason (checks/funds.ts). */
export const EXECUTION_WORDS = ["执行", "预算", "支出", "资金", "经费", "结余", "结转"];
export function rateUnexplained(rate: string, shared: string): string {
  return (
    `=AND(ISNUMBER(${rate}),${rate}<${RATE_THRESHOLD}-0.000000001,` +
    `OR(${M.empty(shared)},NOT(${findAny(EXECUTION_WORDS, `${shared}&""`)})))`
  );
}

export { NUM_SCORE, TIER_SCORE };
