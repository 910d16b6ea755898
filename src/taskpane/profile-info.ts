// What a rule profile (src/domain/profiles.ts) changes against the national one, in words for the pane.
// Known settings get a sentence; a setting added later still shows up, by its key.
import { NATIONAL_PROFILE, PROFILES, type Profile } from "../domain/profiles";
import type { Locale } from "./i18n";

export interface ProfileChange {
  key: string;
  label: string;
  value: string;
  nationalLabel: string;
}

export interface ProfileInfo {
  id: string;
  label: string;
  changes: ProfileChange[];
}

type Fmt = (v: unknown, en: boolean) => string;

const pct: Fmt = (v) => (typeof v === "number" ? `${Math.round(v * 1000) / 10}%` : String(v));
const yesNo: Fmt = (v, en) => (v ? (en ? "capped at its weight" : "封顶（不超过分值）") : en ? "not capped" : "不封顶");
const reverse: Fmt = (v, en) =>
  v === "ratio"
    ? en
      ? "A/B × weight (older rule)"
      : "A/B × 分值（旧规则）"
    : en
      ? "(2 − B/A) × weight, 0 at 2A"
      : "(2 − B/A) × 分值，B ≥ 2A 得 0 分";
const bands: Fmt = (v) =>
  Array.isArray(v)
    ? v
        .filter((b) => Number.isFinite(b?.min))
        .map((b) => `${b.grade} ≥ ${b.min}`)
        .join("，")
    : String(v);
const weights: Fmt = (v, en) => {
  const w = v as Profile["defaultWeights"];
  return en
    ? `execution ${w.execution}, output ${w.output}, benefit ${w.benefit}, satisfaction ${w.satisfaction}`
    : `执行率 ${w.execution}，产出 ${w.output}，效益 ${w.benefit}，满意度 ${w.satisfaction}`;
};
const plain: Fmt = (v) => (typeof v === "object" ? JSON.stringify(v) : String(v));

const KNOWN: Record<string, { zh: string; en: string; fmt: Fmt }> = {
  executionCap: { zh: "执行率得分", en: "Execution-rate score", fmt: yesNo },
  reverseFormula: { zh: "反向指标（≤）计分", en: "Scoring of ≤ targets", fmt: reverse },
  overTrigger: { zh: "超过目标多少需说明原因", en: "Over-achievement needing a reason", fmt: pct },
  executionThreshold: { zh: "执行率低于此值需说明原因", en: "Execution rate needing a reason below", fmt: pct },
  gradeBands: { zh: "等级分档", en: "Grade bands", fmt: bands },
  rounding: { zh: "得分保留小数位", en: "Score decimals", fmt: plain },
  scoreTolerance: { zh: "填写得分允许误差", en: "Tolerance for entered scores", fmt: plain },
  sumTolerancePerPart: { zh: "分项合计允许误差（每项）", en: "Tolerance per part in sums", fmt: plain },
  defaultWeights: { zh: "默认一级权重", en: "Default level-1 weights", fmt: weights },
};

const SKIP = new Set(["id", "name", "nameEn"]);

export function describeProfile(profile: Profile, national: Profile, locale: Locale): ProfileInfo {
  const en = locale === "en-US";
  const p = profile as unknown as Record<string, unknown>;
  const n = national as unknown as Record<string, unknown>;
  const changes: ProfileChange[] = [];
  for (const key of Object.keys(p)) {
    if (SKIP.has(key) || JSON.stringify(p[key]) === JSON.stringify(n[key])) continue;
    const k = KNOWN[key];
    const fmt = k?.fmt ?? plain;
    changes.push({
      key,
      label: k ? (en ? k.en : k.zh) : key,
      value: fmt(p[key], en),
      nationalLabel: `${en ? "national: " : "全国："}${fmt(n[key], en)}`,
    });
  }
  return { id: profile.id, label: en ? profile.nameEn : profile.name, changes };
}

export function profileInfos(locale: Locale): ProfileInfo[] {
  return Object.values(PROFILES).map((p) => describeProfile(p, NATIONAL_PROFILE, locale));
}

export function profileLabel(id: string, locale: Locale): string {
  const p = PROFILES[id];
  return p ? (locale === "en-US" ? p.nameEn : p.name) : id;
}
