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

export function renderSections(builder: PlanBuilder, sections: Section[], env: RenderEnv, goal?: number): void {
  for (const sec of sections) {
    builder.breakable(builder.row, 3);
    if (sec.kind === "rows") renderRows(builder, sec, env);
    else if (sec.kind === "list") renderList(builder, sec, env);
    else if (sec.kind === "repeat") renderRepeat(builder, sec, env);
    else {
      const form = env.forms?.[0];
      const fill = form ? blockIndicators(sec, form.indicators, goal) : null;
      renderIndicators(builder, sec, env.opts, bodyRows(sec, env.opts, fill), env.lists);
    }
  }
}

function renderRows(builder: PlanBuilder, sec: RowsSection, env: RenderEnv): void {
  const form = env.forms?.[0];
  for (const rowDef of sec.rows) {
    for (const cell of rowDef.cells) {
      const value = cell.field ? ((form ? fillValue(form, cell.field, cell.from) : null) ?? env.defaults[cell.field] ?? null) : null;
      builder.cell(cell, builder.row, value, {}, env.texts);
    }
    if (rowDef.height) builder.rowHeights[builder.row] = rowDef.height;
    builder.row++;
  }
}

function renderRepeat(builder: PlanBuilder, sec: RepeatSection, env: RenderEnv): void {
  const form = env.forms?.[0];
  const count = form ? Math.max(1, form.goals.length, ...form.indicators.map((i) => i.goal ?? 1)) : sec.count;
  for (let n = 1; n <= count; n++) {
    const inner = JSON.parse(JSON.stringify(sec.sections).split("{n}").join(String(n))) as Section[];
    renderSections(builder, inner, env, n);
  }
}

function renderList(builder: PlanBuilder, sec: ListSection, env: RenderEnv): void {
  renderRows(builder, { kind: "rows", rows: sec.header }, { ...env, forms: null });
  const forms = env.forms;
  const partCount = forms?.[0] ? Math.max(0, ...(forms[0].funds?.sums ?? []).map((g) => g.parts.length)) : 0;
  const count = forms ? Math.max(1, sec.fillFrom === "forms" ? forms.length : partCount) : sec.count;
  const first = builder.row;
  const last = first + count - 1;
  const cols: Record<string, string> = {};
  for (const c of sec.columns) cols[c.key] = builder.col(c.col);
  const ctx0: Ctx = { row: first, cols };
  for (let i = 0; i < count; i++) {
    const row = first + i;
    if (forms && sec.fillFrom === "forms") builder.formRows.push(row);
    if (i > 0) builder.breakable(row, 1);
    for (const column of sec.columns) {
      const value = column.formula ? null : column.counter ? i + 1 : forms ? listValue(sec, forms, i, column.key, column.from) : null;
      builder.cell({ col: column.col, to: column.to, style: column.style }, row, value);
    }
    if (sec.height) builder.rowHeights[row] = sec.height;
  }
  // Per-row formulas and hidden flags: one formula down the whole list.
  for (const c of sec.columns) if (c.formula) builder.run(builder.col(c.col), first, last, c.formula, ctx0);
  for (const flag of sec.flags ?? []) {
    if (flag.header) builder.put(`${builder.helper(flag.helper)}${first - 1}`, { value: flag.header, style: { numFmt: "@" } });
    builder.run(builder.helper(flag.helper), first, last, flag.formula, ctx0);
  }
  builder.row = last + 1;
  const lastCol = sec.columns.filter((c) => !c.col.startsWith("@")).pop();
  builder.field(sec.key, `${builder.col(sec.columns[0].col)}${first}:${lastCol ? (lastCol.to ?? lastCol.col) : "A"}${last}`);
  for (const c of sec.columns) builder.field(`${sec.key}.${c.key}`, `${builder.col(c.col)}${first}:${builder.col(c.col)}${last}`);
  for (const f of sec.flags ?? []) {
    builder.field(`${sec.key}.${f.helper}`, `${builder.helper(f.helper)}${first}:${builder.helper(f.helper)}${last}`);
    for (const p of f.paint) {
      const c = sec.columns.find((x) => x.key === p);
      if (c) builder.flag(`${builder.col(c.col)}${first}:${builder.col(c.to ?? c.col)}${last}`, `={h:${f.helper}}=1`, { row: first, cols }, f.style ?? "error", f.meaning);
    }
  }
  if (sec.total) renderRows(builder, { kind: "rows", rows: [sec.total] }, { ...env, forms: null });
}

function listValue(sec: ListSection, forms: Form[], i: number, key: string, from?: [string, string]): Value {
  if (sec.fillFrom === "parts") {
    const form = forms[0];
    if (!from) return null;
    const group = (form.funds?.sums ?? []).find((x) => from[0].split("|").some((h) => x.label.includes(h)));
    const part = group?.parts[i];
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
    const value = sumValue(form.funds?.sums ?? [], from);
    // A project without a breakdown still has its totals.
    if (value === null && from[1] === "#total" && (key === "budget" || key === "spent")) return fillValue(form, `funds.${key}`);
    return value;
  }
  return fillValue(form, key);
}
