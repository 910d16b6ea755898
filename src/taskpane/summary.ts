// The 检查结果 summary: the findings of the active sheet as rows (for a sheet of their own) and as text.
import type { Evaluation, Finding, Severity } from "../domain/model";
import type { SheetState } from "../sheet/host-contract";
import type { Strings } from "./i18n";
import { CAP, paneText } from "./safe";

export const SEVERITY_ORDER: readonly Severity[] = ["error", "warning", "info"];

export interface LocatedFinding extends Finding {
  sheet: string;
  /** Index of the evaluation it came from (several forms may share a sheet). */
  form: number;
}

/** Every finding of every form on the sheet, with its sheet filled in, errors first. */
export function allFindings(state: SheetState | null): LocatedFinding[] {
  if (!state) return [];
  const out: LocatedFinding[] = [];
  state.evaluations.forEach((ev, form) => {
    for (const f of ev.findings) out.push({ ...f, sheet: f.sheet ?? ev.form.sheet ?? state.sheet, form });
  });
  const rank = (s: Severity) => SEVERITY_ORDER.indexOf(s);
  return out
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank(a.f.severity) - rank(b.f.severity) || a.i - b.i)
    .map((x) => x.f);
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const n: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) n[f.severity]++;
  return n;
}

export function groupBySeverity<T extends Finding>(findings: readonly T[]): { severity: Severity; items: T[] }[] {
  return SEVERITY_ORDER.map((severity) => ({
    severity,
    items: findings.filter((f) => f.severity === severity),
  })).filter((g) => g.items.length > 0);
}

/** A finding's message as the pane shows it (it may quote cells: made safe, capped). */
export function messageOf(f: Finding, en: boolean): string {
  return paneText(en && f.messageEn ? f.messageEn : f.message, CAP.message);
}

function formLine(ev: Evaluation, s: Strings): string[] {
  const t = ev.total;
  const parts = [s.kinds[ev.form.kind] ?? ev.form.kind, paneText(ev.form.name || ev.form.unit || "", CAP.name)];
  if (ev.funds?.rate != null) parts.push(`${s.rate} ${formatPercent(ev.funds.rate)}`);
  // A total is final, with its grade, only on a complete form; before that it is provisional.
  if (t && !t.complete) parts.push(s.provisional(t));
  else if (t?.computed != null)
    parts.push(`${s.total} ${formatScore(t.computed)}${t.grade ? `（${s.grades[t.grade]}）` : ""}`);
  return parts.filter((p) => p !== "");
}

/** Rows for host.writeSummarySheet: a title row, one line per form, a header, one row per finding. */
export function summaryRows(state: SheetState | null, s: Strings, en = false, now = new Date()): string[][] {
  const findings = allFindings(state);
  const counts = countBySeverity(findings);
  const rows: string[][] = [[s.summaryTitle, `${formatDate(now)}`]];
  for (const ev of state?.evaluations ?? []) rows.push(formLine(ev, s));
  rows.push([`${s.errors} ${counts.error}`, `${s.warnings} ${counts.warning}`, `${s.severities.info} ${counts.info}`]);
  rows.push([]);
  if (findings.length === 0) {
    const ready = (state?.evaluations ?? []).every((ev) => ev.ready);
    rows.push([ready ? s.summaryNoFindings : s.summaryNotReady]);
    return rows;
  }
  rows.push([...s.summaryColumns]);
  for (const f of findings) {
    rows.push([paneText(f.sheet, CAP.sheet), f.cell ?? "", s.severities[f.severity], paneText(f.indicator, CAP.name), messageOf(f, en)]);
  }
  return rows;
}

/** The same summary as plain text (for e-mail or chat). */
export function summaryText(state: SheetState | null, s: Strings, en = false, now = new Date()): string {
  const rows = summaryRows(state, s, en, now);
  return (
    rows
      .map((r) => r.filter((c) => c !== "").join("  "))
      .join("\n")
      .replace(/\n{3,}/g, "\n\n")
      .trim() + "\n"
  );
}

export function formatPercent(fraction: number): string {
  return `${(Math.round(fraction * 10000) / 100).toFixed(2)}%`;
}

export function formatScore(n: number): string {
  return (Math.round(n * 100) / 100).toFixed(2).replace(/\.?0+$/, "");
}

function formatDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
