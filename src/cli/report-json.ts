// The --json shape of issue #5 (fields may be added, never renamed).

import type { Finding, FormKind, IndicatorResult, Severity, Status } from "../domain/model";
import type { CheckedForm, FileResult } from "./results";
import { formatA1 } from "../sheet/address";

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
          budget: ev.funds.budget,
          spent: ev.funds.spent,
          rate: ev.funds.rate,
          weight: ev.funds.weight,
          score: ev.funds.score,
          enteredRate: ev.funds.enteredRate,
          enteredScore: ev.funds.enteredScore,
        }
      : null,
    indicators: ev.indicators.map((r) => ({
      cell: indicatorCell(r),
      level1: r.indicator.level1,
      level2: r.indicator.level2,
      name: r.indicator.name.trim(),
      target: r.indicator.adjustedTarget?.trim() ? r.indicator.adjustedTarget : r.indicator.target,
      actual: r.indicator.actual,
      weight: r.indicator.weight,
      enteredScore: r.indicator.enteredScore,
      score: r.score,
      status: r.status,
    })),
    total: ev.total
      ? {
          entered: ev.total.entered,
          computed: ev.total.computed,
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

export function jsonReport(results: FileResult[]): JsonReport {
  return { files: results.map((r) => ({ file: r.file, error: r.error, forms: r.forms.map(jsonForm) })) };
}
