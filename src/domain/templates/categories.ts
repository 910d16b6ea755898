// The 一级/二级 indicator names the templates prefill and offer in drop-down lists, for the two national
// taxonomies (docs/rules.md#taxonomy). Kept here as the templates' own small list; the reader's synonyms live elsewhere.

export type TaxonomyYear = 2020 | 2021;

export interface Level2Def {
  code: string; // ASCII, used in field keys and defined names
  name: string; // 数量指标
  short: string; // 数量 (seed 003 writes the short form)
}

export interface Level1Def {
  key: "产出" | "效益" | "满意度" | "成本";
  name: string; // 产出指标
  /** Default weight of the 一级 (docs/rules.md#scoring), written into the 一级 cell where the form does so. */
  weight: number;
  level2: Level2Def[];
}

const L2 = (code: string, name: string, short: string): Level2Def => ({ code, name, short });

const QUANTITY = L2("quantity", "数量指标", "数量");
const QUALITY = L2("quality", "质量指标", "质量");
const TIME = L2("time", "时效指标", "时效");
const ECONOMIC = L2("economic", "经济效益指标", "经济效益");
const SOCIAL = L2("social", "社会效益指标", "社会效益");
const ECOLOGICAL = L2("ecological", "生态效益指标", "生态效益");
const SATISFACTION = L2("satisfaction", "服务对象满意度指标", "满意度");

/** 财预〔2020〕10号 附件1. */
const T2020: Level1Def[] = [
  { key: "产出", name: "产出指标", weight: 50, level2: [QUANTITY, QUALITY, TIME, L2("cost", "成本指标", "成本")] },
  {
    key: "效益",
    name: "效益指标",
    weight: 30,
    level2: [ECONOMIC, SOCIAL, ECOLOGICAL, L2("sustainable", "可持续影响指标", "可持续影响")],
  },
  { key: "满意度", name: "满意度指标", weight: 10, level2: [SATISFACTION] },
];

/** 财预〔2021〕101号: 成本 becomes a 一级 indicator. Its default weight (10, taken from 产出) is ours: the
 *  guideline sets none; the officer edits the 一级 cell. */
const T2021: Level1Def[] = [
  {
    key: "成本",
    name: "成本指标",
    weight: 10,
    level2: [
      L2("costEconomic", "经济成本指标", "经济成本"),
      L2("costSocial", "社会成本指标", "社会成本"),
      L2("costEcological", "生态环境成本指标", "生态环境成本"),
    ],
  },
  { key: "产出", name: "产出指标", weight: 40, level2: [QUANTITY, QUALITY, TIME] },
  { key: "效益", name: "效益指标", weight: 30, level2: [ECONOMIC, SOCIAL, ECOLOGICAL] },
  { key: "满意度", name: "满意度指标", weight: 10, level2: [SATISFACTION] },
];

export function taxonomyFor(year: TaxonomyYear | undefined): Level1Def[] {
  return year === 2021 ? T2021 : T2020;
}

/** Weight of the 执行率 (funds) row on scored forms. */
export const FUNDS_WEIGHT = 10;

/** Qualitative tiers (docs/rules.md#value-grammar), offered on the actual column. */
export const TIERS = ["达成年度指标", "部分达成年度指标并具有一定效果", "未达成年度指标且效果较差"];

/** Which 一级 a 二级 name belongs to, for filling tables that have no 一级 column (seed 003). */
export function level1KeyOf(level1: string, level2: string): Level1Def["key"] {
  const s = `${level1}|${level2}`;
  if (/满意/.test(s)) return "满意度";
  if (/效益|效果|可持续/.test(s)) return "效益";
  if (/^成本/.test(level1)) return "成本";
  return "产出";
}

/** Defined names of the lists kept on the hidden lists sheet. */
export function listNames(year: TaxonomyYear | undefined): { level1: string; level2: string; tiers: string; units: string } {
  const y = year === 2021 ? 2021 : 2020;
  return {
    level1: `JX_LIST_L1_${y}`,
    level2: `JX_LIST_L2_${y}`,
    tiers: "JX_LIST_TIERS",
    units: "JX_LIST_UNITS",
  };
}
