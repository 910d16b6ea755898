// Formulas as data: the hidden helper columns every indicator row carries, so that a plain spreadsheet
// (Excel 2016, WPS, LibreOffice 7.4) can score a target that is written as an officer writes it ("≥95%",
// "6篇以上", "\u3000198万"). Only IF, IFERROR, AND, OR, SUM, SUMPRODUCT, MIN, ROUND, ABS, LEN, TRIM, ISNUMBER,
// ISERROR, MATCH, VALUE, SUBSTITUTE, LEFT, MID, FIND are used; array constants appear only inside SUMPRODUCT.
// See the top of project.ts for the design; tokens are explained in types.ts.
import { FUNDS_WEIGHT } from "./categories";

/** Full-width and doubled signs folded before reading a value (order matters: ">=" after "＞"). */
const FOLD: [string, string][] = [
  ..."０１２３４５６７８９".split("").map((c, i): [string, string] => [c, String(i)]),
  ["．", "."],
  ["％", "%"],
  ["＞", ">"],
  ["＜", "<"],
  ["＝", "="],
  ["≧", "≥"],
  ["≦", "≤"],
  [">=", "≥"],
  ["<=", "≤"],
  ["\u3000", ""],
  [" ", ""],
  [",", ""],
];

/** Comparators and comparator words removed to leave "number + unit" (longest words first). */
const STRIP = ["≥", "≤", ">", "<", "=", "以上", "以下", "以内", "不低于", "不少于", "不高于", "不超过", "至少", "达到", "控制在", "超过", "超", "完成"];

/** Words that make a written target "≤" or "≥" (DOMAIN §3). */
const LE_WORDS = ["以下", "不高于", "不超过", "以内"];
const GE_WORDS = ["以上", "不低于", "不少于", "至少", "达到"];
/** Names that measure something to keep low: an unsigned target is then read as "≤". */
export const LOW_WORDS = ["成本", "费用", "控制率", "结余率", "调整率", "差率", "事故", "投诉"];

/** Reason cells holding only these count as empty (DOMAIN §5). */
export const EMPTY_REASON = ["无", "暂无", "没有", "/", "／", "—", "-", "不适用"];

/** Over-achievement trigger (national profile: 130% of target) and the 执行率 threshold (90%). */
export const OVER_TRIGGER = 1.3;
export const RATE_THRESHOLD = 0.9;
/** Grade bands (national profile). */
export const GRADE_BANDS: [number, string][] = [
  [90, "优"],
  [80, "良"],
  [60, "中"],
];

const q = (s: string): string => `"${s.replace(/"/g, '""')}"`;

function substituteChain(expr: string, pairs: [string, string][]): string {
  return pairs.reduce((acc, [a, b]) => `SUBSTITUTE(${acc},${q(a)},${q(b)})`, expr);
}

export function fold(expr: string): string {
  return substituteChain(`TRIM(${expr}&"")`, FOLD);
}

export function strip(expr: string): string {
  return substituteChain(expr, STRIP.map((w): [string, string] => [w, ""]));
}

const anyFind = (words: string[], expr: string): string => `OR(${words.map((w) => `ISNUMBER(FIND(${q(w)},${expr}))`).join(",")})`;

/** True when the text in `expr` is blank or only says 无/暂无/…. */
export function reasonEmpty(expr: string): string {
  const t = `SUBSTITUTE(TRIM(${expr}&""),"\u3000","")`;
  return `OR(LEN(${t})=0,${EMPTY_REASON.map((w) => `${t}=${q(w)}`).join(",")})`;
}

/** Length of the leading number of the text in helper `h` (0 when it does not start with a digit). */
const leadLength = (h: string): string =>
  `=SUMPRODUCT(MIN({K}+99*ISNUMBER(FIND(MID({h:${h}},{K},1),"0123456789."))*({K}<=LEN({h:${h}}))))-1`;

/** Helpers that read one value (target "t…" or actual "b…"): core text, number length, unit, number, ok. */
function valueHelpers(p: "t" | "b", core: string): Record<string, string> {
  return {
    [`${p}c`]: core,
    [`${p}l`]: leadLength(`${p}c`),
    [`${p}r`]: `=IF({h:${p}l}=0,"",MID({h:${p}c},{h:${p}l}+1,99))`,
    [`${p}u`]: `=IF(OR({h:${p}r}="元",{h:${p}r}="万",{h:${p}r}="万元"),"万元",IF({h:${p}r}="百分比","%",{h:${p}r}))`,
    [`${p}v`]: `=IF({h:${p}l}=0,"",IFERROR(VALUE(LEFT({h:${p}c},{h:${p}l}))/IF({h:${p}r}="元",10000,1),""))`,
    [`${p}ok`]: `=AND(ISNUMBER({h:${p}v}),OR({h:${p}r}="",ISNUMBER(MATCH({h:${p}r},{list:units},0))))`,
  };
}

/** The written comparator ("" when none) of the folded target in helper tn. */
const EXPLICIT_OP =
  `=IF(OR(LEFT({h:tn},1)="≥",LEFT({h:tn},1)="≤",LEFT({h:tn},1)=">",LEFT({h:tn},1)="<",LEFT({h:tn},1)="="),LEFT({h:tn},1),` +
  `IF(${anyFind(LE_WORDS, "{h:tn}")},"≤",IF(${anyFind(GE_WORDS, "{h:tn}")},"≥",IF(ISNUMBER(FIND("超",{h:tn})),">",""))))`;

/** The comparator used for scoring: the written one, else inferred from the name (DOMAIN §3). */
const OP =
  `=IF({h:opx}<>"",{h:opx},IF(LEN({h:tn})=0,"",IF(SUMPRODUCT(--ISNUMBER(FIND({${LOW_WORDS.map(q).join(",")}},` +
  `{r:name}&"|"&{top:level2})))>0,"≤","≥")))`;

const LOW = `OR({h:op}="≤",{h:op}="<")`;

/** Target and actual comparable as numbers (same unit, money folded to 万元, or one side without unit). */
const CMP = `=AND({h:tok},{h:bok},OR({h:tu}="",{h:bu}="",{h:tu}={h:bu}))`;

/** DOMAIN §4: ≥/＞/=: B ≥ A → w, else B/A × w (A = 0 with "=": w if B ≤ 0, else 0);
 *  ≤/＜: B ≤ A → w; A < B < 2A → (2 − B/A) × w; B ≥ 2A → 0. Rounded to 2 decimals. */
const RULE =
  `=IF(AND({h:cmp},ISNUMBER({r:weight})),ROUND(IF(${LOW},` +
  `IF({h:bv}<={h:tv},{r:weight},IF({h:bv}<2*{h:tv},(2-{h:bv}/{h:tv})*{r:weight},0)),` +
  `IF(AND({h:op}="=",{h:tv}=0),IF({h:bv}<=0,{r:weight},0),` +
  `IF({h:bv}>={h:tv},{r:weight},IF({h:tv}=0,0,{h:bv}/{h:tv}*{r:weight})))),2),"")`;

/** 1 when the row needs a 偏差原因: missed, far over target, or a qualitative 部分达成/未达成 (DOMAIN §5). */
const NEED =
  `=IF({h:cmp},IF(${LOW},IF({h:bv}>{h:tv},1,0),` +
  `IF(OR({h:bv}<{h:tv},AND({h:op}="=",{h:tv}=0,{h:bv}>0),AND({h:tv}>0,{h:bv}>=${OVER_TRIGGER}*{h:tv})),1,0)),` +
  `IF(${anyFind(["部分达成", "未达成", "未完成"], "{r:actual}")},1,0))`;

/** The name, without spaces, cut to 4 characters: what a shared reason must mention. */
const NAME4 = `LEFT(SUBSTITUTE(TRIM({r:name}&""),"\u3000",""),4)`;

export function flagFormula(reason: { column: true } | { shared: string }): string {
  if ("column" in reason) return `=IF(AND({h:need}=1,${reasonEmpty("{r:reason}")}),1,0)`;
  const shared = `{${reason.shared}}`;
  return (
    `=IF(AND({h:need}=1,OR(${reasonEmpty(shared)},` +
    `AND(LEN(${NAME4})>0,ISERROR(FIND(${NAME4},${shared}&""))))),1,0)`
  );
}

/** Target-table checks: a target with no number where one is needed; a suspicious direction or unit. */
const TBAD =
  `=IF(LEN({h:tn})=0,0,IF(OR(AND({h:tl}=0,OR({h:tc}="",{h:tc}="%",ISNUMBER(FIND("*",{h:tc})),` +
  `ISNUMBER(FIND("XX",{h:tc})),ISNUMBER(FIND("xx",{h:tc})),{h:opx}<>"")),` +
  `AND({h:tok},{h:tu}<>"%",{h:tu}<>"",ISNUMBER(FIND("率",{r:name}&""))),` +
  `AND({h:tok},{h:tu}="%",${anyFind(["次数", "人数", "数量"], '{r:name}&""')})),1,0))`;

const TDIR =
  `=IF(OR(AND(${anyFind(["成本"], '{r:name}&"|"&{top:level2}')},OR({h:opx}="≥",{h:opx}=">")),` +
  `AND({h:tok},{h:tu}="%",{h:tv}>100,OR({h:op}="≥",{h:op}=">",{h:op}="="))),1,0)`;

/** Helper columns, in order, for each mode. Keys are field-key suffixes ("ind.h.rule"). */
export function helperFormulas(mode: "scored" | "status" | "targets", reason: { column: true } | { shared: string }): [string, string][] {
  const target: [string, string][] = [
    ["tn", `=${fold("{r:target}")}`],
    ...Object.entries(valueHelpers("t", `=${strip("{h:tn}")}`)),
    ["opx", EXPLICIT_OP],
    ["op", OP],
  ];
  if (mode === "targets") return [...target, ["bad", TBAD], ["dir", TDIR]];
  const actual = Object.entries(valueHelpers("b", `=${strip(fold("{r:actual}"))}`));
  const tail: [string, string][] = [
    ["cmp", CMP],
    ...(mode === "scored" ? ([["rule", RULE]] as [string, string][]) : []),
    ["need", NEED],
    ["flag", flagFormula(reason)],
  ];
  return [...target, ...actual, ...tail];
}

/** 一级 weight declared in the 一级 cell ("产出指标（50分）" → 50), on the top row of each 一级 group. */
export const LEVEL1_DECLARED =
  `=IFERROR(VALUE(MID(SUBSTITUTE({top:level1},"(","（"),FIND("（",SUBSTITUTE({top:level1},"(","（"))+1,` +
  `FIND("分",SUBSTITUTE({top:level1},"(","（"),FIND("（",SUBSTITUTE({top:level1},"(","（")))` +
  `-FIND("（",SUBSTITUTE({top:level1},"(","（"))-1)),"")`;
export const LEVEL1_CHECK = `=IF(ISNUMBER({h:l1d}),IF(ABS(SUM({g1:weight})-{h:l1d})>0.005,1,0),0)`;

/** The score cell's default: the rule's score where the rule can compute one. */
export const SCORE_DEFAULT = `=IF(ISNUMBER({h:rule}),{h:rule},"")`;

/** 等级 from a total cell (national bands). */
export function gradeFormula(total: string): string {
  const inner = GRADE_BANDS.reduceRight((acc, [min, g]) => `IF(${total}>=${min},"${g}",${acc})`, `"差"`);
  return `=IF(ISNUMBER(${total}),${inner},"")`;
}

/** 执行率 from a budget and a spent expression; error text instead of #DIV/0!. */
export function rateFormula(budget: string, spent: string, budgetCount: string, spentCount: string): string {
  return (
    `=IF(${spentCount}=0,"",IF(${budgetCount}=0,"预算数缺失",IF(${budget}=0,"预算数为0",${spent}/${budget})))`
  );
}

/** The funds score: MIN(rate, 1) × 分值, rounded to 2 (the cap is the national profile's). */
export function fundsScoreFormula(rate: string, weight: string): string {
  return `=IF(AND(ISNUMBER(${rate}),ISNUMBER(${weight})),ROUND(MIN(${rate},1)*${weight},2),"")`;
}

/** Whether parts add up to a total: "" when nothing to compare, else 相符 / 不符. */
export function partsCheck(pairs: [total: string, parts: string][]): string {
  const ok = pairs.map(([t, p]) => `OR(NOT(ISNUMBER(${t})),COUNT(${p})=0,ABS(SUM(${p})-${t})<0.005)`);
  const any = pairs.map(([, p]) => `COUNT(${p})`).join("+");
  return `=IF(${any}=0,"",IF(AND(${ok.join(",")}),"相符","不符"))`;
}

export { FUNDS_WEIGHT };
