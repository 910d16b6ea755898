// The hidden helper columns of an indicator table: how a plain spreadsheet (Excel 2016, WPS, LibreOffice 7.4) reads
// a target and an actual as an officer writes them ("≥95%", "6篇以上", "不低于100万元", "部分达成：…") and scores the
// row the way the engine does (domain/value.ts, score.ts, evaluate.ts). docs/helper-columns.md describes every
// column for a reviewer who audits a sheet; each column's header (hidden with it) says what it computes.
//
// Every helper formula is the same down its column (relative references to the row, `$` on fixed cells), so a
// writer stores it once per run: a shared formula in the .xlsx, one copy per column in the add-in.
// Tokens, resolved by sheet/render/builder.ts for each row:
//   {r:target}   the row's cell in the visible column `target`   {h:key}  the row's helper `key`
//   {t:level2}   the column from the table's first row down to this row  {field}  a field's cell (absolute)
// Word lists, units and the profile's parameters are named ranges on the lists sheet (lists.ts): LIST.* and PROFILE.*.
//
// Functions: only those Excel 2016, WPS and LibreOffice 7.4 all evaluate, and array work only inside SUMPRODUCT
// (no IF or IFERROR inside it, which Excel would not evaluate elementwise without Ctrl+Shift+Enter). ASC folds
// full-width characters the way the engine's NFKC does for digits, letters and signs.
import { formulaLists, LIST, SHEET_STOPS, tierInitials } from "./lists";
import { PROFILE } from "./profile-constants";

/** The lengths of a list's words (the longest decides how many trailing characters are looked up). */
function wordLengths(name: string): number[] {
  return (formulaLists().find((l) => l.name === name)?.values ?? []).map((v) => String(v).length);
}

export type HelperMode = "scored" | "status" | "targets";

export interface HelperDef {
  key: string;
  /** The column's header on the sheet (hidden with the column): what it computes, in a few words. */
  header: string;
  formula: string;
}

export const q = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/** A text as the formulas compare it: ASC (full-width → half-width), spaces of both widths removed, and the wildcard
 *  characters * ? ~ turned into ¤ (no word holds one), so that MATCH compares whole texts and needs no escaping. */
export function fold(ref: string): string {
  let f = `ASC(${ref}&"")`;
  for (const ch of ["\u3000", " "]) f = `SUBSTITUTE(${f},${q(ch)},"")`;
  for (const ch of ["*", "?", "~"]) f = `SUBSTITUTE(${f},${q(ch)},"¤")`;
  return f;
}

/** A folded text without its final full stop (exact words are matched so, lists.ts). */
const bare = (x: string): string => `IF(ISNUMBER(FIND(RIGHT(" "&${x},1),${q(SHEET_STOPS.join(""))})),LEFT(${x},LEN(${x})-1),${x})`;
/** Whether a folded text is one of an exact list's words (MATCH: the cheapest lookup; a folded text holds no
 *  wildcard). */
export const inList = (list: string, x: string): string => `ISNUMBER(MATCH(${x},${list},0))`;
/** A unit's row, or an error: looked up only when the text starts as some unit does (one FIND in one cell). */
const unitRow = (x: string): string => `IF(ISNUMBER(FIND(LEFT(${x},1),${LIST.unitInitials})),MATCH(${x},${LIST.units},0),NA())`;
/** The row of the longest word of a list that ends (or starts) a text, 1 when none does (the list's first row is
 *  empty): the whole text first (the usual case: "≥", "不低于", "达成"), then one MATCH per length, longest first, each
 *  asked only when the longer ones failed (IFERROR is lazy in Excel and LibreOffice). */
function longestMatch(list: string, x: string, at: "end" | "start", lengths: number[]): string {
  const cut = (n: number) => (at === "end" ? `RIGHT(${x},${n})` : `LEFT(${x},${n})`);
  const chain = [...lengths].sort((a, b) => a - b).reduce((acc, n) => `IFERROR(MATCH(${cut(n)},${list},0),${acc})`, "1");
  return `IFERROR(MATCH(${x},${list},0),${chain})`;
}
/** Word lengths to try, longest first (never longer than `max`): a longer word is written whole or not at all. */
const lengthsOf = (name: string, max: number): number[] =>
  [...new Set(wordLengths(name).filter((n) => n > 0 && n <= max))].sort((a, b) => b - a);

/** A reason that says nothing (text.ts isEmptyReason): blank, or only 无, 暂无, /, — … with or without a final 。. */
export function reasonEmpty(ref: string): string {
  const x = fold(ref);
  return `OR(LEN(${x})=0,${inList(LIST.emptyReason, bare(x))})`;
}

/** Whether a text speaks of the budget's execution (checks/funds.ts): one of the words, anywhere. The words hold no
 *  * ? ~ (a test says so), so COUNTIF's wildcards around them are safe. */
export const speaksOfExecution = (ref: string): string => `SUMPRODUCT(COUNTIF(${ref},"*"&${LIST.execution}&"*"))>0`;

// ---------- one side: the target or the actual ----------

/** The target's unit row (its unit cell also keeps the comparator word's row, ×1000; -1 when unreadable). */
const TARGET_UNIT = "MOD(MAX(0,N({h:targetUnit})),1000)";

/**
 * The helpers that read one side ("target" or "actual"), each a short formula over the cells before it: the folded
 * text, where its number starts and how many characters it has, the text after the number (its final stop dropped)
 * and the row of the comparator word that ends it (以上, 以内 …), the unit, the text before the number and the
 * comparator there (≥, 不低于 …), and the number itself (in 万元 when both sides are money) or, when the text is not a
 * number, what kind of text it is; the target also keeps the direction it is compared in.
 *
 * Cells are cheap and function calls are not: LibreOffice spends about half a microsecond per call and two per
 * lookup in a list, and a formula cannot name a value it uses twice (no LET before Excel 2021). So every part that
 * a later formula uses more than once has a cell of its own (the tail, its ending word, the text before the number,
 * the comparator there), and the usual cases take short paths: a tail that is a unit alone, nothing before an
 * actual's number (docs/helper-columns.md).
 */
function side(p: "target" | "actual", mode: HelperMode): HelperDef[] {
  const h = (k: string) => `{h:${p}${k}}`;
  const raw = `{r:${p}}`;
  const [X, S, W, U, T, E0, B] = ["Text", "Start", "Digits", "Unit", "Tail", "Ending", "Before"].map(h);
  const none = `${S}>LEN(${X})`;
  const run = `MID(${X},${S},16)`;
  const rest = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", ".", ","].reduce((acc, ch) => `SUBSTITUTE(${acc},${q(ch)},"")`, run);
  // What follows the number, its final stop dropped: [unit][以上/以下 …][完成/左右 …]. Most tails are a unit alone.
  const unitText = `LEFT(${T},LEN(${T})-LEN(INDEX(${LIST.after},${E0})))`;
  // The target's unit cell keeps the comparator word's row too (×1000): its direction may be written there.
  const [E, u] = p === "target" ? [`INT(${U}/1000)`, `MOD(${U},1000)`] : [E0, U];
  // 百分之95 is 95% (the text cell drops 百分之): no other unit may follow.
  const percentWords = `IF(ISNUMBER(FIND("百分之",${raw}&"")),MATCH("%",${LIST.units},0),0)`;
  const slowUnit = `IF(${unitText}="",${percentWords},IFERROR(${unitRow(unitText)},-1))`;
  const unit =
    p === "target"
      ? `IF(${none},"",IF(${T}="",1000+${percentWords},IFERROR(1000+${unitRow(T)},IF(${slowUnit}<0,-1,${E0}*1000+${slowUnit}))))`
      : `IF(${none},"",IF(${T}="",${percentWords},IFERROR(${unitRow(T)},${slowUnit})))`;
  // Before the number: a sign belongs to it; then a comparator sign or word (≥, 不低于 …), then any other text.
  const c = `MID(" "&${X},${S},1)`;
  const beforeLead = longestMatch(LIST.before, B, "end", lengthsOf(LIST.before, 5));
  const lead = p === "target" ? "MOD({h:targetLead},1000)" : "{h:actualLead}";
  const pre = `LEFT(${B},LEN(${B})-LEN(INDEX(${LIST.before},${lead})))`;
  const written = `INDEX(${LIST.beforeOp},${lead})&INDEX(${LIST.afterOp},${E})`;
  // value.ts numeric(): text before the number counts only with a comparator or a unit, never after a range sign,
  // and without a comparator never with a list separator.
  const separator = [",", ";", "､", "、"].map((ch) => `ISNUMBER(FIND(${q(ch)},${pre}))`).join(",");
  const preOk =
    `IF(${pre}="",TRUE,AND(OR(${written}<>"",${u}>0),ISNUMBER(FIND(RIGHT(${pre},1),"~至到"))=FALSE,` +
    `OR(${written}<>"",NOT(OR(${separator})))))`;
  // An actual usually has nothing before its number: then nothing is looked up.
  const ok = p === "target" ? `IF({h:targetLead}<1000,TRUE,${preOk})` : `IF(${S}=1,TRUE,${preOk})`;
  // The other side's unit, for 万元 (a targets table has no actual: its target is never converted).
  const uo = p === "target" ? (mode === "targets" ? '""' : "{h:actualUnit}") : TARGET_UNIT;
  const wan = (x: string) => `INDEX(${LIST.unitWan},MAX(1,N(${x})))`;
  const number =
    `IF(${c}="-",-1,1)*VALUE(SUBSTITUTE(MID(${X},${S},${W}),",",""))*` +
    `IF(${u}>0,INDEX(${LIST.unitScale},${u})*IF(AND(${wan(u)}>0,${wan(uo)}>0),${wan(u)},1),1)`;
  const P = p === "target" ? "指标值" : "完成值";
  const defs: HelperDef[] = [
    {
      key: `${p}Text`,
      header: `${P}：规整文本`,
      formula: `=SUBSTITUTE(${fold(raw)},"百分之","")`,
    },
    // The first three characters are tried one by one (most texts), else all ten digits are looked for at once.
    {
      key: `${p}Start`,
      header: `${P}：第一个数字的位置（无数字时大于长度）`,
      formula:
        `=IF(ISNUMBER(--LEFT(${X},1)),1,IF(ISNUMBER(--MID(${X},2,1)),2,IF(ISNUMBER(--MID(${X},3,1)),3,` +
        `SUMPRODUCT(MIN(FIND({0,1,2,3,4,5,6,7,8,9},${X}&1234567890))))))`,
    },
    { key: `${p}Digits`, header: `${P}：数字的字数`, formula: `=IF(${none},0,FIND(LEFT(${rest}&"¤",1),${run}&"¤")-1)` },
    { key: `${p}Tail`, header: `${P}：数字后的文字（去掉句末标点）`, formula: `=${bare(`MID(${X},${S}+${W},99)`)}` },
    {
      key: `${p}Ending`,
      header: `${P}：结尾比较词序号（1无）`,
      // A tail that is a unit alone (most are) ends in no such word: no unit ends with one (a test keeps it so).
      formula: `=IF(OR(${T}="",ISNUMBER(${unitRow(T)})),1,${longestMatch(LIST.after, T, "end", lengthsOf(LIST.after, 4))})`,
    },
    {
      key: `${p}Unit`,
      header: p === "target" ? "指标值：结尾比较词序号×1000＋单位序号（0无，-1不认识）" : "完成值：单位序号（0无，-1不认识）",
      formula: `=${unit}`,
    },
    { key: `${p}Before`, header: `${P}：数字前的文字（不含正负号）`, formula: `=IF(${none},"",LEFT(${X},${S}-1-OR(${c}="-",${c}="+")))` },
  ];
  if (p === "target")
    defs.push({
      // The comparator just before the number (its row in the list, 1 for none) and, ×1000, whether text stands before it.
      key: "targetLead",
      header: "指标值：数字前比较符序号（1无；＋1000：其前还有文字）",
      formula: `=IF(${B}="",1,${beforeLead}+1000*(LEN(${B})>LEN(INDEX(${LIST.before},${beforeLead}))))`,
    });
  else defs.push({ key: "actualLead", header: "完成值：数字前比较符序号（1无）", formula: `=IF(${B}="",1,${beforeLead})` });
  defs.push({
    key: `${p}Value`,
    header: `${P}：读出的数值（两边都是金额时为万元）或类别`,
    formula: `=IF(AND(NOT(${none}),N(${U})>=0),IF(${ok},IFERROR(${number},"text"),"text"),${p === "target" ? targetKind(X) : actualKind(X)})`,
  });
  if (p === "target") defs.push({ key: "costGroup", header: "成本类分组（2一级为成本，1二级含成本）", formula: COST_GROUP });
  if (p === "target")
    defs.push({
      key: "direction",
      header: "比较方向（写明或推断）",
      formula: `=IF(ISNUMBER({h:targetValue}),IF(LEFT(${written},1)<>"",LEFT(${written},1),${INFERRED}),"")`,
    });
  return defs;
}

/** A target that is not a number (value.ts): "" blank, "na" 不适用, "ph" a placeholder ("%", "**", "≥**人次", "XX":
 *  marks, a unit alone, or a comparator and a unit), else "text" (qualitative: 全年, 有积极影响 …). */
function targetKind(X: string): string {
  const marks = `OR(${["¤", "×", "_"].map((ch) => `ISNUMBER(FIND(${q(ch)},${X}))`).join(",")},ISNUMBER(SEARCH("x",${X})))`;
  const unitOr = (x: string) => `OR(${x}="",ISNUMBER(${unitRow(x)}))`;
  const after = (n: number) => `AND(ISNUMBER(MATCH(LEFT(${X},${n}),${LIST.before},0)),${unitOr(`MID(${X},${n + 1},99)`)})`;
  return (
    `IF(OR(${X}="",${inList(LIST.emptyActual, X)}),"",IF(${inList(LIST.notApplicable, bare(X))},"na",` +
    `IF(OR(${marks},${unitOr(X)},${after(1)},${after(2)}),"ph","text")))`
  );
}

/** An actual that is not a number: "" blank (or /, —), "na", else "text" (the tier column says which tier, if any). */
function actualKind(X: string): string {
  return `IF(OR(${X}="",${inList(LIST.emptyActual, X)}),"",IF(${inList(LIST.notApplicable, bare(X))},"na","text"))`;
}

/** Whether the row stands under a cost group (direction.ts): 2 when its 一级 starts with 成本, plus 1 when its 二级 holds
 *  成本. A merged 一级/二级 keeps its text in its top cell only: a blank level takes the row above's bit (the
 *  header row above the first body row holds text, which N() reads as 0). One look at the row above, no rescan. */
const COST_GROUP =
  `=IF(TRIM({r:level1}&"")<>"",2*(LEFT(${fold("{r:level1}")},2)="成本"),2*INT(N({up:costGroup})/2))+` +
  `IF(TRIM({r:level2}&"")<>"",--ISNUMBER(FIND("成本",${fold("{r:level2}")})),MOD(N({up:costGroup}),2))`;

/** The comparator inferred from the name when none is written (direction.ts): ≥ for success rates, ≤ for costs and
 *  what is kept low (by name, or a 成本 二级 / a 一级 starting with 成本), else ≥. */
const NAME = fold("{r:name}");
const INFERRED =
  `IF(SUMPRODUCT(--ISNUMBER(FIND(${LIST.positive},${NAME})))>0,"≥",IF(SUMPRODUCT(--ISNUMBER(FIND(${LIST.low},${NAME})))` +
  `+SUMPRODUCT(--(RIGHT(${NAME},LEN(${LIST.lowEnd}))=${LIST.lowEnd}))>0,"≤",` +
  `IF({h:costGroup}>0,"≤","≥")))`;

/** value.ts: the tier an actual states. A tier word first (looked up only when the actual starts like one: 未, 部, 基,
 *  达, 已 …) followed by nothing or punctuation ("部分达成：…"), or, when the actual is not a number (100%完成 and
 *  完成100% excepted), one of the words (exact) or a tier word first. */
function tierFormula(): string {
  const Y = "{h:actualText}";
  const t = bare(Y);
  const k = "{h:actualTierWord}";
  const rest = `MID(${Y},LEN(INDEX(${LIST.tierWord},${k}))+1,1)`;
  const lead = `AND(INDEX(${LIST.tierLead},${k})=1,ISNUMBER(FIND(${rest}&"¤",${q(`:,;｡。､、(¤`)})))`;
  const exactTier = `IF(${inList(LIST.achieved, t)},"达成",IF(${inList(LIST.notAchieved, t)},"未达成",INDEX(${LIST.tierOf},${k})&""))`;
  // A number is no tier, unless it is 100%完成 or 完成100% (words of the 达成 list).
  return `=IF(${Y}="","",IF(${lead},INDEX(${LIST.tierOf},${k})&"",IF(ISNUMBER({h:actualValue}),IF(OR(${t}="100%完成",${t}="完成100%"),"达成",""),${exactTier})))`;
}

/** The row of the tier word the actual starts with (1 for none), looked up only when its first character starts one. */
function tierWordFormula(): string {
  const Y = "{h:actualText}";
  return `=IF(ISNUMBER(FIND(LEFT(${Y},1),${q(tierInitials().join(""))})),${longestMatch(LIST.tierWord, Y, "start", lengthsOf(LIST.tierWord, 8).filter((n) => n >= 2))},1)`;
}

// ---------- the row ----------

/**
 * How the row compares (score.ts compare): "" nothing to compare, "na" 不适用, "miss" no actual, "num" two numbers in
 * compatible units, "pct" a percentage against a qualitative target, or the tier (达成 / 部分达成 / 未达成; an actual
 * that repeats the target is 达成). A row without a name, target, actual or weight is not an indicator row.
 */
function modeFormula(): string {
  const T = "{h:targetValue}";
  const A = "{h:actualValue}";
  const unit = (s: "target" | "actual", list: string) => {
    const u = s === "target" ? TARGET_UNIT : "N({h:actualUnit})";
    return `IF(${u}>0,INDEX(${list},${u}),"")`;
  };
  const bu = unit("actual", LIST.unitNorm);
  // Units compare when either is missing or they share a class (the same unit, both money, or one kind: lists.ts).
  const tc = unit("target", LIST.unitClass);
  const bc = unit("actual", LIST.unitClass);
  const compatible = `OR(${tc}="",${bc}="",${tc}=${bc})`;
  return (
    `=IF(AND(${fold("{r:name}")}="",{h:targetText}="",{h:actualText}="",NOT(ISNUMBER({r:weight}))),"",` +
    `IF(OR(${T}="na",${A}="na"),"na",IF(${A}="","miss",IF(OR(${T}="",${T}="ph"),"",` +
    `IF({h:tier}<>"",{h:tier},IF(AND(ISNUMBER(${T}),ISNUMBER(${A})),IF(${compatible},"num",""),` +
    `IF({h:targetText}={h:actualText},"达成",IF(AND(NOT(ISNUMBER(${T})),ISNUMBER(${A}),${bu}="%"),"pct",""))))))))`
  );
}

/** A and B for the rule: the values as read (both in 万元 when both sides are money). */
const A_ = "{h:targetValue}";
const B_ = "{h:actualValue}";
const W_ = "{r:weight}";
const LOW = `OR({h:direction}="≤",{h:direction}="<")`;

/** score.ts numericScore, before rounding: ≥ ＞ = → B ≥ A gives w, else B/A·w; ≤ ＜ → B ≤ A gives w, else
 *  (2 − B/A)·w up to 2A (or A/B·w when the profile says so); A = 0 with "=": w when B ≤ 0. */
const NUM_SCORE =
  `IF(${LOW},IF(${B_}<=${A_},${W_},IF(${A_}<=0,0,IF(${PROFILE.ratio}=1,${A_}/${B_}*${W_},IF(${B_}>=2*${A_},0,(2-${B_}/${A_})*${W_})))),` +
  `IF(${A_}=0,IF({h:direction}="=",IF(${B_}<=0,${W_},0),IF(${B_}>=0,${W_},0)),IF(${B_}>=${A_},${W_},IF(${A_}>0,MAX(${B_},0)/${A_}*${W_},0))))`;

/** The rule's score (evaluate.ts): numbers and percentages by the rule, rounded to 2; "" for a qualitative row (the
 *  officer scores it inside its band), for 不适用, without an actual, or where the rule cannot say. */
const RULE =
  `=IF(AND(ISNUMBER(${W_}),${W_}>0),IF({h:mode}="num",ROUND(MIN(MAX(${NUM_SCORE},0),${W_}),2),` +
  `IF({h:mode}="pct",ROUND(MIN(MAX({h:actualValue},0)/100,1)*${W_},2),"")),"")`;

/** Whether the row needs a 偏差原因 (evaluate.ts reasonRequired): missed, at or above the over-achievement trigger
 *  (the profile's), 部分达成 or 未达成, or a percentage under 100. */
const NEED =
  `IF({h:mode}="num",IF(${LOW},--(${B_}>${A_}),IF(AND({h:direction}="=",${A_}=0),--(${B_}>0),` +
  `--OR(${B_}<${A_},AND(${A_}>0,${B_}>=${PROFILE.over}*${A_}-0.000000001)))),` +
  `IF(OR({h:mode}="部分达成",{h:mode}="未达成"),1,IF({h:mode}="pct",--({h:actualValue}<100),0)))`;

/** text.ts mentions(shared, name): the whole name, its core when 2–4 characters long, or any 4 of its characters
 *  in a row. The shared text is folded once, in its own cell ({sharedReasonText}). */
function mentions(): string {
  const strip = ["“", "”", '"', "'", "《", "》", "(", ")", "%"];
  const nm = strip.reduce((acc, ch) => `SUBSTITUTE(${acc},${q(ch)},"")`, fold("{r:name}"));
  const sh = "{sharedReasonText}";
  const core =
    `IF(RIGHT(${nm},3)="完成率",LEFT(${nm},LEN(${nm})-3),IF(OR(RIGHT(${nm},2)="指标",RIGHT(${nm},2)="情况"),LEFT(${nm},LEN(${nm})-2),` +
    `IF(RIGHT(${nm},1)="率",LEFT(${nm},LEN(${nm})-1),${nm})))`;
  const runs = `SUMPRODUCT(ISNUMBER(FIND(MID(${nm},${LIST.nameSteps}+1,4),${sh}))*(${LIST.nameSteps}+4<=LEN(${nm})))>0`;
  return (
    `AND(LEN(${nm})>0,LEN(${sh})>0,OR(ISNUMBER(FIND(${nm},${sh})),IF(AND(LEN(${core})>=2,LEN(${core})<=4),ISNUMBER(FIND(${core},${sh})),${runs})))`
  );
}

/** 偏差说明: 0 none needed, 1 needed and written, 2 needed and missing (painted). */
function reasonFormula(reason: { column: true } | { shared: string }): string {
  const missing = "column" in reason ? reasonEmpty("{r:reason}") : `OR(${reasonEmpty(`{${reason.shared}}`)},NOT(${mentions()}))`;
  return `=IF(${NEED}=1,IF(${missing},2,1),0)`;
}

/** Target tables (checks/targets.ts, the part a formula can say): no number where one is needed, a rate without %,
 *  a count with %, a cost with ≥, a % target above 100. */
const TARGET_CHECK =
  `=IF({h:targetText}="",0,IF(OR({h:targetValue}="ph",AND(ISNUMBER({h:targetValue}),${TARGET_UNIT}>0,` +
  `INDEX(${LIST.unitNorm},MAX(1,${TARGET_UNIT}))<>"%",RIGHT(TRIM({r:name}&""),1)="率"),` +
  `AND(ISNUMBER({h:targetValue}),INDEX(${LIST.unitNorm},MAX(1,${TARGET_UNIT}))="%",` +
  `OR(RIGHT(TRIM({r:name}&""),2)="次数",RIGHT(TRIM({r:name}&""),2)="人数",RIGHT(TRIM({r:name}&""),2)="数量")),` +
  `AND(OR({h:costGroup}>0,ISNUMBER(FIND("成本",${fold("{r:name}")}))),OR({h:direction}="≥",{h:direction}=">")),` +
  `AND(ISNUMBER({h:targetValue}),INDEX(${LIST.unitNorm},MAX(1,${TARGET_UNIT}))="%",{h:targetValue}>100,OR({h:direction}="≥",{h:direction}=">",{h:direction}="="))),1,0))`;

/** The helper columns of a table, in order, for its mode and where its reasons are written. */
export function helperColumns(mode: HelperMode, reason: { column: true } | { shared: string }): HelperDef[] {
  if (mode === "targets") return [...side("target", mode), { key: "check", header: "指标值可疑（1是）", formula: TARGET_CHECK }];
  return [
    ...side("target", mode),
    ...side("actual", mode),
    { key: "actualTierWord", header: "完成值：开头档次词序号（1无）", formula: tierWordFormula() },
    { key: "tier", header: "完成值所写档次", formula: tierFormula() },
    { key: "mode", header: "比较方式", formula: modeFormula() },
    ...(mode === "scored" ? [{ key: "rule", header: "按规则得分", formula: RULE }] : []),
    { key: "deviation", header: "偏差说明（0不需 1已写 2缺）", formula: reasonFormula(reason) },
  ];
}

/** The 一级 weight written in the 一级 cell ("产出指标（50分）" → 50), and whether the group's 三级 weights add up to
 *  it: on the top row of each 一级 group only ({g1:weight} is the group's 分值 cells). */
const L1 = `SUBSTITUTE(ASC({r:level1}&""),"(","（")`;
export const LEVEL1_HELPERS: HelperDef[] = [
  {
    key: "level1Declared",
    header: "一级所标分值",
    formula: `=IFERROR(VALUE(MID(${L1},FIND("（",${L1})+1,FIND("分",${L1},FIND("（",${L1}))-FIND("（",${L1})-1)),"")`,
  },
  {
    key: "level1Check",
    header: "一级分值不符（1是）",
    formula: `=IF(AND(ISNUMBER({h:level1Declared}),COUNT({g1:weight})>0),IF(ABS(SUM({g1:weight})-{h:level1Declared})>0.010000001,1,0),0)`,
  },
];

/** The 得分 cell's default: the rule's score where the rule gives one (a qualitative row stays blank for hers). */
export const SCORE_DEFAULT = `=IF(ISNUMBER({h:rule}),{h:rule},"")`;

/**
 * Headers of the helper columns that hold one cell each (not a column of rows): written just above the cell, hidden
 * with its column, like the indicator helpers' headers. Keyed by the helper's key (a template's "@key" column, or
 * "flag.<field>" for a flag computed in a helper cell).
 */
export const HELPER_CELL_HEADERS: Record<string, string> = {
  // formulas.ts naWeightFormula: the 分值 of the rows whose 比较方式 is "na", left out of 总分's scale.
  naWeight: "不适用指标的分值合计",
  // formulas.ts incompleteFormula: blank required cells, missing amounts, open rows, nothing compared yet.
  incomplete: "未填完的项数（0为填完）",
  // The shared 偏差 text folded once (fold above), so no row folds it again.
  sharedReasonText: "共用偏差说明：规整文本",
  // formulas.ts partsCheck on the targets table's 预算数 and its sources.
  fundsCheck: "资金来源核对（相符/不符）",
  // formulas.ts rateUnexplained: the 执行率 flag, computed once here and painted from here.
  "flag.funds.rate": "执行率偏低且未说明（TRUE是）",
};
