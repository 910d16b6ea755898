// Units of measure seen in 绩效 targets (DOMAIN §3), their kinds, and money normalisation to 万元.

export type UnitKind = "percent" | "money" | "count" | "time" | "other" | "none";

/** Written form → normalised unit. Longest first when matching. */
const ALIASES: Record<string, string> = {
  "%": "%",
  "％": "%",
  百分比: "%",
  百分点: "个百分点",
  个百分点: "个百分点",
  "‰": "‰",
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
};

const COUNT_UNITS = [
  "个", "次", "人", "名", "人次", "件", "件次", "篇", "项", "份", "台", "本", "户", "亩", "期", "条", "场", "场次",
  "批", "套", "辆", "所", "家", "座", "册", "张", "栋", "处", "部", "支", "位", "起", "万人", "万人次", "家次", "个次",
  "课时", "学时", "平方米", "公里", "米", "吨", "千瓦时",
];
const TIME_UNITS = ["天", "日", "月", "个月", "年", "小时", "周", "个工作日", "工作日", "分钟"];

for (const u of [...COUNT_UNITS, ...TIME_UNITS]) ALIASES[u] = u;

/** Every written unit, longest first, for the parser's regular expression. */
export const UNIT_WORDS: string[] = Object.keys(ALIASES).sort((a, b) => b.length - a.length);

const KIND = new Map<string, UnitKind>();
for (const u of COUNT_UNITS) KIND.set(u, "count");
for (const u of TIME_UNITS) KIND.set(u, "time");
for (const u of ["万元", "元", "亿元", "千元"]) KIND.set(u, "money");
for (const u of ["%", "‰", "个百分点"]) KIND.set(u, "percent");

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

/** Whether two normalised units can be compared directly (same unit, or both money). */
export function sameDimension(a: string, b: string): boolean {
  if (a === b) return true;
  if (!a || !b) return true; // one side without a unit: read in the other's unit
  return unitKind(a) === "money" && unitKind(b) === "money";
}
