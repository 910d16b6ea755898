// Indicator taxonomy (docs/rules.md#taxonomy): the 10号 and 101号 trees, the old names, and where a 二级 belongs.
import { compact } from "./text";

export type Level1 = "产出指标" | "效益指标" | "满意度指标" | "成本指标";

/** 财预〔2020〕10号: 成本 is a 二级 under 产出. */
export const TREE_10: Record<Exclude<Level1, "成本指标">, string[]> = {
  产出指标: ["数量指标", "质量指标", "时效指标", "成本指标"],
  效益指标: ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"],
  满意度指标: ["服务对象满意度指标"],
};

/** 财预〔2021〕101号: 成本 becomes a 一级 with its own 二级. */
export const TREE_101: Record<Level1, string[]> = {
  产出指标: ["数量指标", "质量指标", "时效指标"],
  成本指标: ["经济成本指标", "社会成本指标", "生态环境成本指标"],
  效益指标: ["经济效益指标", "社会效益指标", "生态效益指标"],
  满意度指标: ["服务对象满意度指标"],
};

const LEVEL1_ALIASES: Record<string, Level1> = {
  产出: "产出指标", 产出指标: "产出指标",
  效益: "效益指标", 效益指标: "效益指标", 效果: "效益指标", 效果指标: "效益指标",
  满意度: "满意度指标", 满意度指标: "满意度指标", 服务对象满意度: "满意度指标",
  成本: "成本指标", 成本指标: "成本指标",
};

const LEVEL2_ALIASES: Record<string, string> = {
  进度: "时效指标", 进度指标: "时效指标", 时效: "时效指标",
  环境效益: "生态效益指标", 环境效益指标: "生态效益指标", 生态环境效益: "生态效益指标",
  社会公众或服务对象满意度: "服务对象满意度指标", 社会公众或服务对象满意度指标: "服务对象满意度指标",
  社会公众满意度: "服务对象满意度指标", 满意度: "服务对象满意度指标", 满意度指标: "服务对象满意度指标",
  服务对象满意度: "服务对象满意度指标", 可持续影响: "可持续影响指标", 可持续影响力指标: "可持续影响指标",
  经济成本: "经济成本指标", 社会成本: "社会成本指标", 生态环境成本: "生态环境成本指标", 生态成本指标: "生态环境成本指标",
};

/** Where each canonical 二级 may sit (union of both trees). */
const PARENTS: Record<string, Level1[]> = {};
for (const tree of [TREE_10, TREE_101] as Record<string, string[]>[])
  for (const [l1, l2s] of Object.entries(tree))
    for (const l2 of l2s) {
      const list = (PARENTS[l2] ??= []);
      if (!list.includes(l1 as Level1)) list.push(l1 as Level1);
    }

export interface Level1Cell {
  /** The 一级 name without the weight ("产出指标"). */
  name: string;
  /** The weight declared in the cell ("（50分）" → 50), or null. */
  weight: number | null;
}

/** Reads a 一级 cell: "产出指标（50分）", "产出\n指标\n（50分）", "效益指标(30)". */
export function parseLevel1Cell(raw: string): Level1Cell {
  const c = compact(raw);
  const m = /^(.*?)\((\d+(?:\.\d+)?)分?\)$/.exec(c) ?? /^(.*?)(\d+(?:\.\d+)?)分$/.exec(c);
  if (m) return { name: m[1], weight: Number(m[2]) };
  return { name: c, weight: null };
}

/** The canonical 一级 for a written one, or null when unknown. */
export function canonicalLevel1(raw: string): Level1 | null {
  const name = parseLevel1Cell(raw).name;
  return LEVEL1_ALIASES[name] ?? null;
}

/** The canonical 二级 for a written one ("社会效益" → "社会效益指标", "进度指标" → "时效指标"), or null. */
export function canonicalLevel2(raw: string): string | null {
  const c = compact(raw).replace(/[(（].*[)）]$/, "");
  if (!c) return null;
  if (PARENTS[c]) return c;
  if (LEVEL2_ALIASES[c]) return LEVEL2_ALIASES[c];
  const withSuffix = c.endsWith("指标") ? c : `${c}指标`;
  if (PARENTS[withSuffix]) return withSuffix;
  const base = c.replace(/指标$/, "");
  return LEVEL2_ALIASES[base] ?? null;
}

export interface Placement {
  level1: Level1 | null;
  level2: string | null;
  /** "ok", or what is wrong. */
  problem: "ok" | "unknown-level1" | "unknown-level2" | "wrong-level1";
  /** The 一级 the 二级 belongs under (when wrong or when 一级 is blank). */
  expected: Level1[];
}

/** Checks a 一级/二级 pair against both trees. A blank 一级 is inferred from the 二级. */
export function place(level1Raw: string, level2Raw: string): Placement {
  const l2 = canonicalLevel2(level2Raw);
  const l1Written = compact(level1Raw) !== "";
  const l1 = l1Written ? canonicalLevel1(level1Raw) : null;
  const expected = l2 ? PARENTS[l2] : [];
  if (l1Written && !l1) return { level1: null, level2: l2, problem: "unknown-level1", expected };
  if (compact(level2Raw) !== "" && !l2) return { level1: l1, level2: null, problem: "unknown-level2", expected: [] };
  if (!l2) return { level1: l1, level2: null, problem: "ok", expected: [] };
  if (!l1) return { level1: expected[0] ?? null, level2: l2, problem: "ok", expected };
  return { level1: l1, level2: l2, problem: expected.includes(l1) ? "ok" : "wrong-level1", expected };
}
