// The profile a workbook's formulas computed with (docs/rules.md#profiles): its name and parameters as named cells on the lists
// sheet (lists.ts PROFILE), read back by the file readers into Grid.meta.profile. A checker applies the named profile
// from its own table and never trusts the parameters: where they differ from it, that is profile-modified (an error).
// When the reviewer checks under another profile (--profile), the cells the formulas computed under the file's profile
// naturally disagree with the rules applied: they are reported once, not as the officer's errors cell by cell.
import type { Finding, FindingCode } from "../model";
import { getProfile, PROFILES, type Profile } from "../profiles";
import { PROFILE, profileConstants } from "./lists";

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
