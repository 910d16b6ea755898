// The pieces of the indicator-row helper formulas (see formulas.ts and project.ts). Each mirrors a part of
// the engine: value.ts (reading a value), score.ts (compare, numericScore, tierScore), text.ts (mentions,
// isEmptyReason). {h:x} is the same row's helper x, {r:x} the row's visible column x.

export const q = (s: string): string => `"${s.replace(/"/g, '""')}"`;

const chain = (expr: string, pairs: [string, string][]): string =>
  pairs.reduce((acc, [a, b]) => `SUBSTITUTE(${acc},${q(a)},${q(b)})`, expr);

/** Full-width digits and signs folded, ">=" → "≥", spaces and thousands commas removed (value.ts fold). */
const FOLD: [string, string][] = [
  ..."０１２３４５６７８９".split("").map((c, i): [string, string] => [c, String(i)]),
  ["．", "."],
  ["％", "%"],
  ["＞", ">"],
  ["＜", "<"],
  ["＝", "="],
  ["≧", "≥"],
  ["≦", "≤"],
  ["⩾", "≥"],
  ["⩽", "≤"],
  [">=", "≥"],
  ["=>", "≥"],
  ["<=", "≤"],
  ["=<", "≤"],
  ["\u3000", ""],
  [" ", ""],
  [",", ""],
];

/** Comparator words (value.ts PREFIX_WORDS and SUFFIX), longest first. */
const OP_WORDS: [string, string][] = (
  [
    ["大于或等于", "≥"], ["小于或等于", "≤"], ["大于等于", "≥"], ["小于等于", "≤"], ["不低于", "≥"], ["不少于", "≥"],
    ["不小于", "≥"], ["不高于", "≤"], ["不超过", "≤"], ["不超出", "≤"], ["不多于", "≤"], ["不大于", "≤"],
    ["控制在", "≤"], ["及以上", "≥"], ["或以上", "≥"], ["及以下", "≤"], ["或以下", "≤"], ["至少", "≥"], ["最少", "≥"],
    ["达到", "≥"], ["高于", ">"], ["多于", ">"], ["大于", ">"], ["超过", ">"], ["低于", "<"], ["少于", "<"],
    ["小于", "<"], ["等于", "="], ["最多", "≤"], ["以上", "≥"], ["之上", "≥"], ["以下", "≤"], ["以内", "≤"],
    ["之内", "≤"], ["超", ">"],
  ] as [string, string][]
).sort((a, b) => b[0].length - a[0].length);

/** Trailing words a number may carry ("95%完成"); alone they are a qualitative target ("达标"), not a placeholder. */
const KEEP_WORDS = ["完成", "左右", "达标"];

/** Removed to leave "number + unit": signs, comparator words, and trailing 完成/左右/达标. */
const STRIP = [
  ...["及时完成", ...KEEP_WORDS],
  ...OP_WORDS.map(([w]) => w),
  ..."≥≤><=".split(""),
].sort((a, b) => b.length - a.length);

export function fold(expr: string): string {
  return chain(`TRIM(${expr}&"")`, FOLD);
}

export function strip(expr: string): string {
  return chain(expr, STRIP.map((w): [string, string] => [w, ""]));
}

const EMPTY_REASONS = ["无", "暂无", "没有", "/", "／", "—", "——", "-", "--", "不适用", "无。", "暂无。", "无偏差", "n/a", "na"];

/** text.ts isEmptyReason: blank, or only 无/暂无/没有/—/… (case-insensitive, spaces ignored). */
export function reasonEmpty(expr: string): string {
  const t = `SUBSTITUTE(SUBSTITUTE(TRIM(${expr}&"")," ",""),"\u3000","")`;
  return `OR(LEN(${t})=0,${EMPTY_REASONS.map((w) => `${t}=${q(w)}`).join(",")})`;
}

const NA_WORDS = ["不适用", "不涉及", "无此项", "本项目不涉及", "不适用。"];
const EMPTY_ACTUAL = ["/", "-", "—", "——", "--", "无数据"];
const ACHIEVED = [
  "是", "已完成", "完成", "全部完成", "已全部完成", "圆满完成", "按时完成", "如期完成", "已落实", "已实现", "实现",
  "达成预期指标", "达成年度指标", "达标", "已达标", "合格", "100%完成", "完成100%", "已完成100%",
];
const NOT_ACHIEVED = ["否", "未完成", "没有完成", "不达标", "不合格", "未实现"];
const PREFIX_MISSED = ["未达成", "未达到", "未完成", "没有完成", "未实现"];
const PREFIX_PARTIAL = ["部分达成", "部分达到", "部分完成", "基本达成", "基本完成", "部分实现", "基本实现"];
const PREFIX_MET = ["达成", "已达成", "达到", "已达到"];

const eqAny = (x: string, list: string[]) => `OR(${list.map((w) => `${x}=${q(w)}`).join(",")})`;
const startsAny = (x: string, list: string[]) => `OR(${list.map((w) => `LEFT(${x},${w.length})=${q(w)}`).join(",")})`;
const DIGITS = `{${"0123456789".split("").map(q).join(",")}}`;

/** value.ts tierOf, for an actual without digits (or exactly 100%完成): 达成 / 部分达成 / 未达成 / "". */
export const TIER =
  `=IF(LEN({h:bn})=0,"",IF(AND(SUMPRODUCT(--ISNUMBER(FIND(${DIGITS},{h:bn})))>0,{h:bn}<>"100%完成",{h:bn}<>"完成100%"),"",` +
  `IF(${eqAny("{h:bn}", ACHIEVED)},"达成",IF(${eqAny("{h:bn}", NOT_ACHIEVED)},"未达成",` +
  `IF(${startsAny("{h:bn}", PREFIX_MISSED)},"未达成",IF(${startsAny("{h:bn}", PREFIX_PARTIAL)},"部分达成",` +
  `IF(${startsAny("{h:bn}", PREFIX_MET)},"达成","")))))))`;

const opxFormula = (n: string): string => {
  const first = `LEFT({h:${n}},1)`;
  const words = OP_WORDS.reduceRight((acc, [w, op]) => `IF(ISNUMBER(FIND(${q(w)},{h:${n}})),${q(op)},${acc})`, `""`);
  return `=IF(OR(${first}="≥",${first}="≤",${first}=">",${first}="<",${first}="="),${first},${words})`;
};

/** value.ts numeric(): text before the number ("共", "满意度", "已完成") is accepted only with a comparator or a
 *  unit, never after a range sign (~ 至 到), and without a comparator never with a list separator (，；、). */
const prefixOk = (p: string): string => {
  const pre = `{h:${p}p}`;
  const cmp = `{h:${p === "t" ? "opx" : "bx"}}<>""`;
  const rest = `MID({h:${p}c},{h:${p}s}+{h:${p}w},99)`;
  const unit = `AND(${rest}<>"",ISNUMBER(MATCH(${rest},{list:units},0)))`;
  const range = ["~", "～", "至", "到"].map((c) => `RIGHT(${pre},1)=${q(c)}`).join(",");
  const list = ["，", "；", ";", "、"].map((c) => `ISERROR(FIND(${q(c)},${pre}))`).join(",");
  return `OR(${pre}="",AND(OR(${cmp},${unit}),NOT(OR(${range})),OR(${cmp},AND(${list}))))`;
};

export const LOW = `OR({h:op}="≤",{h:op}="<")`;

const COMPAT = `OR({h:tu}="",{h:bu}="",{h:tu}={h:bu},AND({h:tk}="money",{h:bk}="money"),AND({h:tk}={h:bk},{h:tk}<>"other"))`;

/** The stripped text as value.ts reads a number: a final "。" or "." dropped, "百分之95" → "95%". */
function numberPart(h: string): string {
  const d = `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE({h:${h}}&"¦","。¦",""),".¦",""),"¦","")`;
  return `=IF(ISNUMBER(FIND("百分之",${d})),SUBSTITUTE(${d},"百分之","")&"%",${d})`;
}

/** Helper formulas by name; `p` is "t" (target) or "b" (actual). */
export const M = {
  tn: `=${fold("{r:target}")}`,
  tq: `=${strip("{h:tn}")}`,
  tc: numberPart("tq"),
  bn: `=${fold("{r:actual}")}`,
  bq: `=${strip("{h:bn}")}`,
  bc: numberPart("bq"),
  /** Position of the first digit of the stripped text (past its end when there is none). Past the end,
   *  MID gives "" and FIND("", …) is 1 in Excel but an error in LibreOffice: either way the term is 999. */
  start: (p: string) =>
    `=SUMPRODUCT(MIN({K}+999*((({K}>LEN({h:${p}c}))+NOT(ISNUMBER(FIND(MID({h:${p}c},{K},1),"0123456789"))))>0)))`,
  /** The text before the number, without a sign ("-" belongs to the number). */
  prefix: (p: string) =>
    `=IF({h:${p}s}>LEN({h:${p}c}),"",IF(OR(MID(" "&{h:${p}c},{h:${p}s},1)="-",MID(" "&{h:${p}c},{h:${p}s},1)="+"),` +
    `LEFT({h:${p}c},{h:${p}s}-2),LEFT({h:${p}c},{h:${p}s}-1)))`,
  /** Length of the number's digits and dots from the first digit. */
  width: (p: string) =>
    `=IF({h:${p}s}>LEN({h:${p}c}),0,SUMPRODUCT(MIN({K}+99*ISNUMBER(FIND(MID({h:${p}c},{h:${p}s}+{K}-1,1),"0123456789."))*` +
    `({K}<=LEN({h:${p}c})-{h:${p}s}+1)))-1)`,
  /** The number's length when the number counts (its prefix allowed), else 0. */
  lead: (p: string) => `=IF({h:${p}w}=0,0,IF(${prefixOk(p)},{h:${p}w},0))`,
  rest: (p: string) => `=IF({h:${p}l}=0,"",MID({h:${p}c},{h:${p}s}+{h:${p}l},99))`,
  unit: (p: string) => `=IF({h:${p}r}="","",IFERROR(INDEX({list:unitNorm},MATCH({h:${p}r},{list:units},0)),""))`,
  kind: (p: string) => `=IF({h:${p}r}="","none",IFERROR(INDEX({list:unitKind},MATCH({h:${p}r},{list:units},0)),"other"))`,
  wan: (p: string) =>
    `=IF({h:${p}r}="","",IFERROR(IF(VALUE(INDEX({list:unitWan},MATCH({h:${p}r},{list:units},0)))>0,` +
    `VALUE(INDEX({list:unitWan},MATCH({h:${p}r},{list:units},0))),""),""))`,
  value: (p: string) =>
    `=IF({h:${p}l}=0,"",IFERROR(IF(MID(" "&{h:${p}c},{h:${p}s},1)="-",-1,1)*VALUE(MID({h:${p}c},{h:${p}s},{h:${p}l})),""))`,
  ok: (p: string) => `=AND(ISNUMBER({h:${p}v}),OR({h:${p}r}="",ISNUMBER(MATCH({h:${p}r},{list:units},0))))`,
  placeholder:
    `=IF(LEN({h:tn})=0,1,IF(AND({h:tl}=0,OR(AND({h:tc}="",${KEEP_WORDS.map((w) => `ISERROR(FIND(${q(w)},{h:tn}))`).join(",")}),ISNUMBER(MATCH({h:tc},{list:units},0)),ISNUMBER(FIND("*",{h:tc})),` +
    `ISNUMBER(FIND("×",{h:tc})),ISNUMBER(FIND("?",{h:tc})),ISNUMBER(FIND("？",{h:tc})),ISNUMBER(SEARCH("xx",{h:tc})))),1,0))`,
  opx: opxFormula("tn"),
  bx: opxFormula("bn"),
  na: `=IF(OR(${eqAny("{h:tn}", NA_WORDS)},${eqAny("{h:bn}", NA_WORDS)}),1,0)`,
  mode:
    `=IF({h:na}=1,"na",IF(OR(LEN({h:bn})=0,${eqAny("{h:bn}", EMPTY_ACTUAL)}),"miss",IF({h:tph}=1,"",` +
    `IF({h:tier}<>"","tier",IF(AND({h:tok},{h:bok}),IF(${COMPAT},"num",""),IF({h:tn}={h:bn},"eq",` +
    `IF(AND(NOT({h:tok}),{h:bok},{h:bu}="%"),"pct","")))))))`,
  empty: reasonEmpty,
  nm: `=${chain(`TRIM({r:name}&"")`, ["\u3000", " ", "“", "”", '"', "'", "《", "》", "(", ")", "（", "）", "%"].map((c): [string, string] => [c, ""]))}`,
  core:
    `=IF(RIGHT({h:nm},3)="完成率",LEFT({h:nm},LEN({h:nm})-3),IF(OR(RIGHT({h:nm},2)="指标",RIGHT({h:nm},2)="情况"),` +
    `LEFT({h:nm},LEN({h:nm})-2),IF(RIGHT({h:nm},1)="率",LEFT({h:nm},LEN({h:nm})-1),{h:nm})))`,
  /** Target-table checks (checks/targets.ts, roughly): no number where one is needed; suspicious units. */
  bad:
    `=IF(LEN({h:tn})=0,0,IF(OR({h:tph}=1,AND({h:tok},{h:tu}<>"%",{h:tu}<>"",RIGHT(TRIM({r:name}&""),1)="率"),` +
    `AND({h:tok},{h:tu}="%",OR(RIGHT(TRIM({r:name}&""),2)="次数",RIGHT(TRIM({r:name}&""),2)="人数",RIGHT(TRIM({r:name}&""),2)="数量"))),1,0))`,
  dir:
    `=IF(OR(AND(OR(ISNUMBER(FIND("成本",{top:level2}&"")),ISNUMBER(FIND("成本",{r:name}&""))),OR({h:opx}="≥",{h:opx}=">")),` +
    `AND({h:tok},{h:tu}="%",{h:tv}>100,OR({h:op}="≥",{h:op}=">",{h:op}="="))),1,0)`,
};

/** numericScore (score.ts) before clamping and rounding; A, B folded to 万元 when both are money. */
export const NUM_SCORE =
  `IF(${LOW},IF({h:B}<={h:A},{h:w},IF({h:A}<=0,0,IF({h:B}>=2*{h:A},0,(2-{h:B}/{h:A})*{h:w}))),` +
  `IF({h:A}=0,IF({h:op}="=",IF({h:B}<=0,{h:w},0),IF({h:B}>=0,{h:w},0)),` +
  `IF({h:B}>={h:A},{h:w},IF({h:A}>0,MAX({h:B},0)/{h:A}*{h:w},0))))`;

/** tierScore: 达成 → w; 部分达成 → 0.8w − 0.01; 未达成 → 0.6w − 0.01 (tops of the half-open bands). */
export const TIER_SCORE =
  `IF({h:tier}="达成",ROUND({h:w},2),IF({h:tier}="部分达成",MAX(0,ROUND(ROUND(0.8*{h:w},2)-0.01,2)),` +
  `MAX(0,ROUND(ROUND(0.6*{h:w},2)-0.01,2))))`;

/** The rule's score by comparison mode (score.ts compare). */
export const RULE_TAIL =
  `IF({h:mode}="miss",0,IF({h:mode}="num",ROUND(MIN(MAX(${NUM_SCORE},0),{h:w}),2),IF({h:mode}="tier",${TIER_SCORE},` +
  `IF({h:mode}="eq",{h:w},IF({h:mode}="pct",ROUND(MIN(MAX({h:bv},0)/100,1)*{h:w},2),"")))))`;

/** text.ts mentions(shared, name): the whole name, its core when 2–4 characters, or any 4 of its characters. */
export function mentionFormula(shared: string): string {
  const sh = `SUBSTITUTE(SUBSTITUTE(TRIM(${shared}&"")," ",""),"\u3000","")`;
  return (
    `=IF(LEN({h:nm})=0,0,IF(ISNUMBER(FIND({h:nm},${sh})),1,IF(AND(LEN({h:core})>=2,LEN({h:core})<=4),` +
    `IF(ISNUMBER(FIND({h:core},${sh})),1,0),IF(SUMPRODUCT(ISNUMBER(FIND(MID({h:nm},{K},4),${sh}))*({K}<=LEN({h:nm})-3))>0,1,0))))`
  );
}

/** 一级 weight declared in the 一级 cell ("产出指标（50分）" → 50). */
const L1 = `SUBSTITUTE({top:level1}&"","(","（")`;
export const LEVEL1 = {
  declared: `=IFERROR(VALUE(MID(${L1},FIND("（",${L1})+1,FIND("分",${L1},FIND("（",${L1}))-FIND("（",${L1})-1)),"")`,
};
