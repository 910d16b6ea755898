// The --json shape of issue #5 (fields may be added, never renamed). Strings from a file were cut to the limits
// and marked "…（已截断，原文 N 字）" where they ran long (src/xlsx/check-job.ts); printJson escapes the characters
// JSON.stringify leaves raw that a terminal would act on, so the output stays valid JSON and prints safely.

import type { Finding, FormKind, IndicatorResult, Severity, Status } from "../domain/model";
import type { CheckedForm, FileResult, Skipped } from "./results";
import { formatA1 } from "../sheet/address";
import { jsonText } from "../sheet/safe-text";

/** A number, or null when there is none or it is not finite (JSON has no NaN or Infinity). */
const finite = (x: number | null | undefined): number | null => (typeof x === "number" && Number.isFinite(x) ? x : null);

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function sortFindings(findings: Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => ORDER[a.f.severity] - ORDER[b.f.severity] || a.i - b.i)
    .map((x) => x.f);
}

export interface JsonIndicator {
  cell: string | null;
  level1: string;
  level2: string;
  name: string;
  target: string;
  actual: string;
  weight: number | null;
  enteredScore: number | null;
  score: number | null;
  status: Status;
}

export interface JsonFinding {
  code: string;
  severity: Severity;
  cell: string | null;
  indicator: string | null;
  message: string;
  messageEn?: string;
}

export interface JsonForm {
  sheet: string;
  kind: FormKind;
  name: string;
  row?: number;
  funds: {
    budget: number | null;
    spent: number | null;
    rate: number | null;
    weight: number | null;
    score: number | null;
    enteredRate: number | null;
    enteredScore: number | null;
  } | null;
  indicators: JsonIndicator[];
  /** `computed` is provisional and `grade` null until `complete`; `unscored` indicators weigh `unscoredWeight`. */
  total: {
    entered: number | null;
    computed: number | null;
    grade: string | null;
    complete: boolean;
    unscored: number;
    unscoredWeight: number;
  } | null;
  findings: JsonFinding[];
  /** Complete and without an error: ready to send. */
  ready: boolean;
}

export interface JsonReport {
  files: { file: string; error: string | null; forms: JsonForm[] }[];
  /** Files in the folders given that are not workbooks (or Office lock files): not read, listed with the reason. */
  skipped: Skipped[];
}

function indicatorCell(r: IndicatorResult): string | null {
  const c = r.indicator.cells;
  return c.name ?? c.target ?? c.actual ?? (c.row ? formatA1(c.row - 1, 0) : null);
}

function jsonForm({ form, evaluation: ev }: CheckedForm): JsonForm {
  const out: JsonForm = {
    sheet: form.sheet,
    kind: form.kind,
    name: form.name,
    funds: ev.funds
      ? {
          budget: finite(ev.funds.budget),
          spent: finite(ev.funds.spent),
          rate: finite(ev.funds.rate),
          weight: finite(ev.funds.weight),
          score: finite(ev.funds.score),
          enteredRate: finite(ev.funds.enteredRate),
          enteredScore: finite(ev.funds.enteredScore),
        }
      : null,
    indicators: ev.indicators.map((r) => ({
      cell: indicatorCell(r),
      level1: r.indicator.level1,
      level2: r.indicator.level2,
      name: r.indicator.name.trim(),
      target: r.indicator.adjustedTarget?.trim() ? r.indicator.adjustedTarget : r.indicator.target,
      actual: r.indicator.actual,
      weight: finite(r.indicator.weight),
      enteredScore: finite(r.indicator.enteredScore),
      score: finite(r.score),
      status: r.status,
    })),
    total: ev.total
      ? {
          entered: finite(ev.total.entered),
          computed: finite(ev.total.computed),
          grade: ev.total.grade,
          complete: ev.total.complete,
          unscored: ev.total.unscored,
          unscoredWeight: ev.total.unscoredWeight,
        }
      : null,
    findings: sortFindings(ev.findings).map((f) => ({
      code: f.code,
      severity: f.severity,
      cell: f.cell ?? null,
      indicator: f.indicator ?? null,
      message: f.message,
      ...(f.messageEn ? { messageEn: f.messageEn } : {}),
    })),
    ready: ev.ready,
  };
  if (form.projectRow !== undefined) out.row = form.projectRow;
  return out;
}

export function jsonReport(results: FileResult[], skipped: Skipped[] = []): JsonReport {
  return {
    files: results.map((r) => {
      // One form that cannot be turned into JSON must not take the file's other forms, or other files, with it.
      const forms: JsonForm[] = [];
      for (const f of r.forms) {
        try {
          forms.push(jsonForm(f));
        } catch {
          // left out; the file's findings stay with the forms that could be shown
        }
      }
      return { file: r.file, error: r.error, forms };
    }),
    skipped,
  };
}

/** The report as JSON text, safe to print on a terminal. */
export function printJson(report: JsonReport): string {
  return jsonText(report, 2);
}
