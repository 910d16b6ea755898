// The profile a workbook's formulas computed with (docs/rules.md#profiles): its name and parameters as named cells on the lists
// sheet (PROFILE below), read back by the file readers into Grid.meta.profile. A checker applies the named profile
// from its own table and never trusts the parameters: where they differ from it, that is profile-modified (an error).
// When the reviewer checks under another profile (--profile), the cells the formulas computed under the file's profile
// naturally disagree with the rules applied: they are reported once, not as the officer's errors cell by cell.
import type { Finding, FindingCode } from "../model";
import { getProfile, PROFILES, type Profile } from "../profiles";
import type { WorkbookList } from "./lists";

/** The profile's parameters as named cells (see profileConstants). */
export const PROFILE = {
  name: "JX_P_NAME",
  cap: "JX_P_CAP",
  ratio: "JX_P_RATIO",
  over: "JX_P_OVER",
  rate: "JX_P_RATE",
  mins: "JX_P_MINS",
  grades: "JX_P_GRADES",
} as const;
export type ProfileKey = keyof typeof PROFILE;

/**
 * The profile as named cells: its id, whether the 执行率 score is capped (1/0), whether ≤ targets use the older A/B
 * rule (1/0), the over-achievement trigger, the 执行率 threshold, and the grade bands as two columns read by MATCH:
 * the lowest total of each band (ascending, 差 first) and its wording. Written at insert and rewritten when the
 * officer switches the profile (excel/profile-constants.ts); compared with the named profile by
 * profile-constants.ts when a file is checked.
 */
export function profileConstants(p: Profile): WorkbookList[] {
  // four bands, as every template prints them (the legends index them 1–4), and as the names' ranges are sized
  if (p.gradeBands.length !== 4) throw new Error(`profile ${p.id}: the templates print four grade bands, not ${p.gradeBands.length}`);
  const bands = [...p.gradeBands].reverse(); // lowest band first
  return [
    { name: PROFILE.name, values: [p.id] },
    { name: PROFILE.cap, values: [p.executionCap ? 1 : 0] },
    { name: PROFILE.ratio, values: [p.reverseFormula === "ratio" ? 1 : 0] },
    { name: PROFILE.over, values: [p.overTrigger] },
    { name: PROFILE.rate, values: [p.executionThreshold] },
    { name: PROFILE.mins, values: bands.map((b) => (Number.isFinite(b.min) ? b.min : -1e9)) },
    { name: PROFILE.grades, values: bands.map((b) => b.labels[0]) },
  ];
}

/** The department form's words for the bands (seed 001): "优（S≥90）、良（90＞S≥80）、中（80＞S≥60）、差（S＜60）". */
export function bandsText(p: Profile): string {
  const b = p.gradeBands;
  return b
    .map((x, i) => (i === 0 ? `${x.labels[0]}（S≥${x.min}）` : Number.isFinite(x.min) ? `${x.labels[0]}（${b[i - 1].min}＞S≥${x.min}）` : `${x.labels[0]}（S＜${b[i - 1].min}）`))
    .join("、");
}

/** The printed legend of the grade bands for a profile: "评价等级（优≥90，良80–90，中60–80，差<60）". */
export function gradeLegend(p: Profile): string {
  const b = p.gradeBands;
  const [top, ...rest] = b;
  const parts = [`${top.labels[0]}≥${top.min}`];
  rest.forEach((x, i) => parts.push(Number.isFinite(x.min) ? `${x.labels[0]}${x.min}–${b[i].min}` : `${x.labels[0]}<${b[i].min}`));
  return `评价等级（${parts.join("，")}）`;
}

/** What the lists sheet holds: each PROFILE name's values, row 1 first (absent when the workbook has none). */
export type StoredProfile = Partial<Record<string, (string | number | boolean | null)[]>>;

const LABEL: Record<string, string> = {
  [PROFILE.cap]: "执行率得分封顶",
  [PROFILE.ratio]: "反向指标计分方法",
  [PROFILE.over]: "超额完成须说明的比例",
  [PROFILE.rate]: "执行率须说明的下限",
  [PROFILE.mins]: "等级分数线",
  [PROFILE.grades]: "等级名称",
};

/** The profile a workbook names (its JX_P_NAME), or null when it names none or one we do not know. */
export function storedProfileName(stored: StoredProfile | undefined): string | null {
  const v = stored?.[PROFILE.name]?.[0];
  return typeof v === "string" && PROFILES[v] ? v : null;
}

const same = (a: unknown, b: unknown): boolean =>
  typeof a === "number" || typeof b === "number" ? Math.abs(Number(a) - Number(b)) < 1e-9 : String(a ?? "").trim() === String(b ?? "").trim();

/** The parameters (in Chinese) whose stored values differ from `profile`'s: empty when the file agrees with it. */
export function profileDifferences(stored: StoredProfile, profile: Profile): string[] {
  const out: string[] = [];
  for (const l of profileConstants(profile)) {
    if (l.name === PROFILE.name) continue;
    const got = stored[l.name];
    if (!got) continue;
    if (got.length < l.values.length || l.values.some((v, i) => !same(got[i], v))) out.push(LABEL[l.name] ?? l.name);
  }
  return out;
}

/** Findings whose numbers come from cells the template computes (总分, 等级, 得分 defaults, the 执行率 score): under
 *  another profile than the file's they differ by design. */
const COMPUTED: ReadonlySet<FindingCode> = new Set<FindingCode>(["total-mismatch", "grade-mismatch", "score-differs-from-rule"]);

/**
 * The findings of a form checked under `applied`, given the profile its workbook stores: profile-modified when the
 * stored parameters differ from the profile the workbook names; and, when `applied` is another profile than the named
 * one (the reviewer chose it), the computed cells' disagreements folded into one finding. `formulaCells` are the form's
 * cells that hold a formula (A1).
 */
export function profileFindings(
  findings: Finding[],
  stored: StoredProfile | undefined,
  applied: Profile,
  sheet: string,
  formulaCells: ReadonlySet<string>,
): Finding[] {
  if (!stored) return findings;
  const named = storedProfileName(stored);
  const out = [...findings];
  const claimed = getProfile(named ?? undefined);
  const differs = profileDifferences(stored, claimed);
  if (differs.length) {
    out.push({
      code: "profile-modified",
      severity: "error",
      sheet,
      indicator: null,
      message: `工作簿中的评分参数（${differs.join("、")}）与其所标口径「${claimed.name}」不一致，公式结果不可信；请用本工具重新设置评分口径。`,
      messageEn: `The scoring parameters stored in the workbook (${differs.length}) differ from its named profile "${claimed.nameEn}".`,
    });
  }
  if (named && named !== applied.id) {
    const folded = out.filter((f) => COMPUTED.has(f.code) && f.cell && formulaCells.has(f.cell));
    if (folded.length) {
      const kept = out.filter((f) => !folded.includes(f));
      kept.push({
        code: "profile-modified",
        severity: "warning",
        sheet,
        cell: folded[0].cell,
        indicator: null,
        message: `本表公式按「${getProfile(named).name}」口径计算，此次按「${applied.name}」口径检查：${folded.length} 处自动计算的得分、总分或等级随之不同，未逐一列为错误。`,
        messageEn: `The sheet's formulas computed under "${getProfile(named).nameEn}"; checked under "${applied.nameEn}": ${folded.length} computed cells differ accordingly.`,
      });
      return kept;
    }
  }
  return out;
}
