// Units of measure seen in 绩效 targets (docs/rules.md#value-grammar), their kinds, and money normalisation to 万元.

export type UnitKind = "percent" | "money" | "count" | "time" | "other" | "none";

/** Written form → normalised unit. Longest first when matching. */
const ALIASES: Record<string, string> = {
  "%": "%",
  "％": "%",
  百分比: "%",
  百分点: "个百分点",
  个百分点: "个百分点",
  "‰": "‰",
  "‱": "‱",
  万元: "万元",
  万: "万元",
  元: "元",
  亿元: "亿元",
  千元: "千元",
  "万元/年": "万元/年",
  "元/人·月": "元/人·月",
  "元/人.月": "元/人·月",
  "元/人/月": "元/人·月",
  "元/人": "元/人",
  "元/次": "元/次",
  "元/天": "元/天",
  "元/平方米": "元/平方米",
  "元/亩": "元/亩",
  "万元/亩": "万元/亩",
  "元/户": "元/户",
  "元/吨": "元/吨",
  "元/公里": "元/公里",
  "元/月": "元/月",
  "元/年": "元/年",
  "元/人·天": "元/人·天",
  "元/人.天": "元/人·天",
  "元/人/天": "元/人·天",
  "元/人・天": "元/人·天",
  "元/人•天": "元/人·天",
  "元/人·日": "元/人·天",
  "元/人/日": "元/人·天",
  "元/人・月": "元/人·月",
  "元/人•月": "元/人·月",
  "元/人·年": "元/人·年",
  "元/人.年": "元/人·年",
  "元/人/年": "元/人·年",
  "元/人·次": "元/人次",
  "元/人次": "元/人次",
};

const COUNT_UNITS = [
  "个", "次", "人", "名", "人次", "件", "件次", "篇", "项", "份", "台", "本", "户", "亩", "期", "条", "场", "场次",
  "批", "套", "辆", "所", "家", "座", "册", "张", "栋", "处", "部", "支", "位", "起", "万人", "万人次", "家次", "个次",
  "课时", "学时", "平方米", "公里", "米", "吨", "千瓦时",
  "斤", "公斤", "千克", "克", "针次", "剂次", "剂", "人日", "株", "棵", "头", "只", "羽", "尾", "公顷",
  "平方公里", "平方千米", "立方米", "千米", "单", "宗", "例", "节", "门", "首", "集", "幅", "块", "间",
];
/** Written with a 万 inside: kept in the unit list for the template formulas (which read them as their own
 * unit, comparable only with the same), while the parser reads 万 as a multiplier ("2万人次" = 20000 人次). */
const WAN_COUNT_UNITS = ["万人", "万人次"];
/** Multipliers written before a count unit ("2万亩", "1.5亿次"). */
export const MULTIPLIERS: Record<string, number> = { 万: 1e4, 亿: 1e8, 千万: 1e7, 百万: 1e6 };
/** Units a multiplier may stand before, longest first (for the parser's look-ahead). */
export const MULTIPLIABLE: string[] = [...COUNT_UNITS].sort((a, b) => b.length - a.length);
const TIME_UNITS = ["天", "日", "月", "个月", "年", "小时", "周", "个工作日", "工作日", "分钟"];

for (const u of [...COUNT_UNITS, ...TIME_UNITS, ...WAN_COUNT_UNITS]) ALIASES[u] = u;

/** Every written unit, longest first, for the parser's regular expression. */
export const UNIT_WORDS: string[] = Object.keys(ALIASES).sort((a, b) => b.length - a.length);

const KIND = new Map<string, UnitKind>();
for (const u of COUNT_UNITS) KIND.set(u, "count");
for (const u of TIME_UNITS) KIND.set(u, "time");
for (const u of ["万元", "元", "亿元", "千元"]) KIND.set(u, "money");
for (const u of ["%", "个百分点"]) KIND.set(u, "percent");
// "‰" and the 万 units reach only the template formulas' unit list: the parser turns "3‰" into 0.3 % and
// "2万人" into 20000 人. As "other" they compare only with the very same unit in a sheet.

/** The normalised unit of a written one ('' when unknown or blank). */
export function normaliseUnit(written: string | undefined | null): string {
  if (!written) return "";
  const w = written.normalize("NFKC").replace(/\s/g, "");
  return ALIASES[w] ?? "";
}

export function unitKind(unit: string): UnitKind {
  if (!unit) return "none";
  return KIND.get(unit) ?? (unit.startsWith("元/") || unit.startsWith("万元/") ? "other" : "other");
}

/** An amount in 万元 when the unit is money ("元" → ÷10000), else undefined. */
export function toWan(value: number, unit: string): number | undefined {
  switch (unit) {
    case "万元":
      return value;
    case "元":
      return value / 10000;
    case "千元":
      return value / 10;
    case "亿元":
      return value * 10000;
    default:
      return undefined;
  }
}
