// What every check sees, and how a finding is made.
import type { Evaluation, Finding, FindingCode, Form, Indicator, IndicatorResult } from "../model";
import { SEVERITY, text } from "../messages";
import type { Profile } from "../profiles";

export interface CheckContext {
  form: Form;
  profile: Profile;
  results: IndicatorResult[];
  /** Indicator rows that are entirely blank (unused placeholder rows): never reported. */
  blank: Set<string>;
  funds: Evaluation["funds"];
}

type Params = Record<string, string | number | null | undefined>;

export function finding(
  ctx: CheckContext,
  code: FindingCode,
  key: string,
  params: Params,
  where: { cell?: string; indicator?: Indicator; name?: string; severity?: Finding["severity"] } = {},
): Finding {
  const t = text(key, params);
  const f: Finding = { code, severity: where.severity ?? SEVERITY[code], sheet: ctx.form.sheet, message: t.message, messageEn: t.messageEn };
  if (where.cell) f.cell = where.cell;
  if (where.name) f.indicator = where.name;
  if (where.indicator) {
    f.indicator = where.indicator.name.trim() || where.indicator.level2.trim() || null;
    f.indicatorId = where.indicator.id;
  }
  return f;
}

type CellKey = keyof Indicator["cells"];

/** The indicator's cell for a field, falling back to any cell it has. */
export function cellOf(ind: Indicator, ...keys: CellKey[]): string | undefined {
  for (const k of keys) {
    const c = ind.cells[k];
    if (typeof c === "string" && c) return c;
  }
  for (const k of ["actual", "target", "name", "score"] as CellKey[]) {
    const c = ind.cells[k];
    if (typeof c === "string" && c) return c;
  }
  return undefined;
}

/** Display name: the 三级 name, trimmed; the 二级 when there is none. */
export function nameOf(ind: Indicator): string {
  return ind.name.replace(/[\s\u3000]+/g, "") || ind.level2.replace(/[\s\u3000]+/g, "");
}

export const fmt = (x: number | null | undefined): string =>
  x == null ? "" : String(Math.round(x * 100) / 100);
