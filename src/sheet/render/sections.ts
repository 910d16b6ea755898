// Lays out the non-indicator sections of a template: fixed rows, repeated groups and lists.
import type { Form } from "../../domain/model";
import type { TemplateOptions } from "../../domain/templates/options";
import type { ListSection, RepeatSection, RowsSection, Section } from "../../domain/templates/types";
import type { Ctx, PlanBuilder } from "./builder";
import { fillValue, sumValue, type Value } from "./fill";
import { blockIndicators, bodyRows, renderIndicators } from "./indicators";

export interface RenderEnv {
  opts: TemplateOptions;
  forms: Form[] | null; // the Forms to fill in (one, or one per row of a list)
  texts: Record<string, string>;
  lists: { level1: string; level2: string; tiers: string };
  /** Field values from the options (unit, project name) when no Form gives one. */
  defaults: Record<string, Value>;
}

export function renderSections(b: PlanBuilder, sections: Section[], env: RenderEnv, goal?: number): void {
  for (const sec of sections) {
    b.breakable(b.row, 3);
    if (sec.kind === "rows") renderRows(b, sec, env);
    else if (sec.kind === "list") renderList(b, sec, env);
    else if (sec.kind === "repeat") renderRepeat(b, sec, env);
    else {
      const form = env.forms?.[0];
      const fill = form ? blockIndicators(sec, form.indicators, goal) : null;
      renderIndicators(b, sec, env.opts, bodyRows(sec, env.opts, fill), env.lists);
    }
  }
}

function renderRows(b: PlanBuilder, sec: RowsSection, env: RenderEnv): void {
  const form = env.forms?.[0];
  for (const r of sec.rows) {
    for (const c of r.cells) {
      const v = c.field ? ((form ? fillValue(form, c.field, c.from) : null) ?? env.defaults[c.field] ?? null) : null;
      b.cell(c, b.row, v, {}, env.texts);
    }
    if (r.height) b.rowHeights[b.row] = r.height;
    b.row++;
  }
}

function renderRepeat(b: PlanBuilder, sec: RepeatSection, env: RenderEnv): void {
  const form = env.forms?.[0];
  const count = form ? Math.max(1, form.goals.length, ...form.indicators.map((i) => i.goal ?? 1)) : sec.count;
  for (let n = 1; n <= count; n++) {
    const inner = JSON.parse(JSON.stringify(sec.sections).split("{n}").join(String(n))) as Section[];
    renderSections(b, inner, env, n);
  }
}

function renderList(b: PlanBuilder, sec: ListSection, env: RenderEnv): void {
  renderRows(b, { kind: "rows", rows: sec.header }, { ...env, forms: null });
  const forms = env.forms;
  const partCount = forms?.[0] ? Math.max(0, ...(forms[0].funds?.sums ?? []).map((g) => g.parts.length)) : 0;
  const n = forms ? Math.max(1, sec.fillFrom === "forms" ? forms.length : partCount) : sec.count;
  const first = b.row;
  const last = first + n - 1;
  const cols: Record<string, string> = {};
  for (const c of sec.columns) cols[c.key] = b.col(c.col);
  const ctx0: Ctx = { row: first, cols };
  for (let i = 0; i < n; i++) {
    const row = first + i;
    if (forms && sec.fillFrom === "forms") b.formRows.push(row);
    if (i > 0) b.breakable(row, 1);
    for (const c of sec.columns) {
      const v = c.formula ? null : c.counter ? i + 1 : forms ? listValue(sec, forms, i, c.key, c.from) : null;
      b.cell({ col: c.col, to: c.to, style: c.style }, row, v);
    }
    if (sec.height) b.rowHeights[row] = sec.height;
  }
  // Per-row formulas and hidden flags: one formula down the whole list.
  for (const c of sec.columns) if (c.formula) b.run(b.col(c.col), first, last, c.formula, ctx0);
  for (const f of sec.flags ?? []) {
    if (f.header) b.put(`${b.helper(f.helper)}${first - 1}`, { value: f.header, style: { numFmt: "@" } });
    b.run(b.helper(f.helper), first, last, f.formula, ctx0);
  }
  b.row = last + 1;
  const lastCol = sec.columns.filter((c) => !c.col.startsWith("@")).pop();
  b.field(sec.key, `${b.col(sec.columns[0].col)}${first}:${lastCol ? (lastCol.to ?? lastCol.col) : "A"}${last}`);
  for (const c of sec.columns) b.field(`${sec.key}.${c.key}`, `${b.col(c.col)}${first}:${b.col(c.col)}${last}`);
  for (const f of sec.flags ?? []) {
    b.field(`${sec.key}.${f.helper}`, `${b.helper(f.helper)}${first}:${b.helper(f.helper)}${last}`);
    for (const p of f.paint) {
      const c = sec.columns.find((x) => x.key === p);
      if (c) b.flag(`${b.col(c.col)}${first}:${b.col(c.to ?? c.col)}${last}`, `={h:${f.helper}}=1`, { row: first, cols }, f.style ?? "error", f.meaning);
    }
  }
  if (sec.total) renderRows(b, { kind: "rows", rows: [sec.total] }, { ...env, forms: null });
}

function listValue(sec: ListSection, forms: Form[], i: number, key: string, from?: [string, string]): Value {
  if (sec.fillFrom === "parts") {
    const form = forms[0];
    if (!from) return null;
    const g = (form.funds?.sums ?? []).find((x) => from[0].split("|").some((h) => x.label.includes(h)));
    const part = g?.parts[i];
    if (!part) return null;
    return from[1] === "#label" ? part.label : part.value;
  }
  const form = forms[i];
  if (!form) return null;
  if (from?.[0] === "#ind") {
    const hints = from[1].split("|");
    const ind = form.indicators.find((x) => hints.some((h) => x.level2.includes(h)));
    if (!ind) return null;
    return key.endsWith(".actual") ? ind.actual : ind.target;
  }
  if (from) {
    const v = sumValue(form.funds?.sums ?? [], from);
    // A project without a breakdown still has its totals.
    if (v === null && from[1] === "#total" && (key === "budget" || key === "spent")) return fillValue(form, `funds.${key}`);
    return v;
  }
  return fillValue(form, key);
}
