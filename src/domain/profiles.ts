// Profiles (docs/rules.md#profiles): the national rules and provincial variants, as data.
import type { Grade } from "./model";

export interface GradeBand {
  grade: Grade;
  /** Lowest total in the band (inclusive). */
  min: number;
  /** Every wording a form may use for this band, the first being the one we write. */
  labels: string[];
}

export interface Profile {
  id: string;
  /** Chinese name shown to the user. */
  name: string;
  nameEn: string;
  /** 执行率 score capped at its 分值. */
  executionCap: boolean;
  /** ≤ targets: "linear-2A" = (2 − B/A) × w between A and 2A; "ratio" = A/B × w (older rule). */
  reverseFormula: "linear-2A" | "ratio";
  /** Actual ÷ target at or above which a result must be explained (1.3 = 130%). */
  overTrigger: number;
  /** 执行率 below this (fraction) needs a reason. */
  executionThreshold: number;
  /** Highest band first. */
  gradeBands: GradeBand[];
  /** Decimals for scores. */
  rounding: number;
  /** Entered score may differ from the rule's by at most this before it is flagged. */
  scoreTolerance: number;
  /** Parts may differ from their total by this much per part (money rounding): 0.005 × parts, at least 0.01. */
  sumTolerancePerPart: number;
  /** A deadline target met late scores this share of its weight (0: a late completion earns nothing). */
  lateScore: number;
  /** Default 一级 weights. */
  defaultWeights: { execution: number; output: number; benefit: number; satisfaction: number };
}

const LABELS: Record<Grade, string[]> = {
  优: ["优", "优秀"],
  良: ["良", "良好"],
  中: ["中", "中等", "较差", "合格", "一般"],
  差: ["差", "不合格"],
};

const bands = (a: number, b: number, c: number): GradeBand[] => [
  { grade: "优", min: a, labels: LABELS.优 },
  { grade: "良", min: b, labels: LABELS.良 },
  { grade: "中", min: c, labels: LABELS.中 },
  { grade: "差", min: -Infinity, labels: LABELS.差 },
];

export const NATIONAL_PROFILE: Profile = {
  id: "national",
  name: "全国口径（财预〔2020〕10号）",
  nameEn: "National (MOF 2020 No. 10)",
  executionCap: true,
  reverseFormula: "linear-2A",
  overTrigger: 1.3,
  executionThreshold: 0.9,
  gradeBands: bands(90, 80, 60),
  rounding: 2,
  scoreTolerance: 0.1,
  sumTolerancePerPart: 0.005,
  lateScore: 0,
  defaultWeights: { execution: 10, output: 50, benefit: 30, satisfaction: 10 },
};

/** A provincial variant: a higher over-achievement trigger, a lower 执行率 threshold, the older A/B rule, 80/70/60 bands. */
export const PROVINCIAL_PROFILE: Profile = {
  ...NATIONAL_PROFILE,
  id: "provincial-80",
  name: "省级口径示例（80/70/60 分档）",
  nameEn: "Provincial example (80/70/60 bands)",
  reverseFormula: "ratio",
  overTrigger: 1.5,
  executionThreshold: 0.8,
  gradeBands: bands(80, 70, 60),
};

/** A variant that does not cap the 执行率 score (over-spending scores above its 分值 and is then flagged). */
export const UNCAPPED_PROFILE: Profile = {
  ...NATIONAL_PROFILE,
  id: "uncapped",
  name: "执行率不封顶口径",
  nameEn: "Execution score not capped",
  executionCap: false,
};

export const PROFILES: Record<string, Profile> = {
  [NATIONAL_PROFILE.id]: NATIONAL_PROFILE,
  [PROVINCIAL_PROFILE.id]: PROVINCIAL_PROFILE,
  [UNCAPPED_PROFILE.id]: UNCAPPED_PROFILE,
};

/** The named profile, or the national one. */
export function getProfile(name?: string): Profile {
  return (name && PROFILES[name]) || NATIONAL_PROFILE;
}
