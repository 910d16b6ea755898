// Grades (docs/rules.md#total-and-grade): 优/良/中/差 by the profile's bands; both wordings accepted.
import type { Grade } from "./model";
import { NATIONAL_PROFILE, type Profile } from "./profiles";
import { compact } from "./text";

export function gradeFor(total: number, profile: Profile = NATIONAL_PROFILE): Grade {
  for (const b of profile.gradeBands) if (total >= b.min - 1e-9) return b.grade;
  return "差";
}

/** The grade a written label means ("优秀" → 优, "较差" → 中 as seed 001 uses it), or null. */
export function parseGrade(text: string | null | undefined, profile: Profile = NATIONAL_PROFILE): Grade | null {
  const t = compact(text ?? "").replace(/[级等]$/, "");
  if (!t) return null;
  for (const b of profile.gradeBands) if (b.labels.includes(t)) return b.grade;
  return null;
}

/** The label to write: short (优) or long (优秀 / 良好 / 较差 / 差, the wording of seed 001). */
export function gradeLabel(grade: Grade, wording: "short" | "long" = "short"): string {
  if (wording === "short") return grade;
  return { 优: "优秀", 良: "良好", 中: "较差", 差: "差" }[grade];
}
