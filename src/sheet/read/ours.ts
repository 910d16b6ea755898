// Forms the add-in made: found through their defined names (prefix "JX<k>_") and the FormMeta kept in the file
// (grid.meta, from the hidden sheet JX_META). The names bound the form's area and anchor its cells: the indicator
// tables are read row by row over their named ranges (a template row with only 一级/二级 stays a blank row, which the
// engine leaves out), and every named field wins over what the labels suggested. The labels the template wrote are
// still read by the same detector as any other form, so a file edited elsewhere (a name lost) still reads.

import type { Form, FormFields, FormKind, NumField, ReadIssue, TextField } from "../../domain/model";
import { FORM_KINDS } from "../../domain/model";
import { sourceOf, type FormMeta } from "../meta";
import { parseRange } from "../address";
import type { Rect } from "../grid";
import type { SheetView } from "./view";
import { detectForms, readPart, type PartOptions } from "./detect";
import { numAt, rateAt } from "./cells";
import type { IndRole } from "./labels";
import { isInstruction } from "./text";

function isFormMeta(x: unknown): x is FormMeta {
  if (!x || typeof x !== "object") return false;
  const o = x as Record<string, unknown>;
  return typeof o.prefix === "string" && !!o.template && typeof o.template === "object" && !!o.fields && typeof o.fields === "object";
}

/** Collect every FormMeta in grid.meta, whatever the wrapping ({forms:[…]}, […], {sheet: meta}, a single meta). */
export function metasOf(meta: unknown, depth = 0): FormMeta[] {
  if (isFormMeta(meta)) return [meta];
  if (depth > 3 || !meta || typeof meta !== "object") return [];
  const vals = Array.isArray(meta) ? meta : Object.values(meta as Record<string, unknown>);
  return vals.flatMap((v) => metasOf(v, depth + 1));
}

function namedRect(view: SheetView, meta: FormMeta, key: string): Rect | null {
  const name = meta.fields[key];
  if (!name) return null;
  const ref = view.grid.names[`${meta.prefix}${name}`] ?? view.grid.names[name];
  return ref ? parseRange(ref) : null;
}

function namedCell(view: SheetView, meta: FormMeta, key: string): { r: number; c: number } | null {
  const rect = namedRect(view, meta, key);
  return rect ? { r: rect.r0, c: rect.c0 } : null;
}

const TABLE_ROLES: IndRole[] = ["level1", "level2", "name", "target", "adjusted", "actual", "weight", "score", "reason", "nature", "unit", "description", "basis"];

/** The named indicator tables ("ind", "ind1", "ind2" … with "ind1.name", "ind1.target" …). */
function namedTables(view: SheetView, meta: FormMeta): NonNullable<PartOptions["tables"]> {
  const out: NonNullable<PartOptions["tables"]> = [];
  for (const key of Object.keys(meta.fields)) {
    const match = /^ind(\d*)$/.exec(key);
    if (!match) continue;
    const body = namedRect(view, meta, key);
    if (!body || body.r1 - body.r0 > 5000) continue;
    const cols: Partial<Record<IndRole, number>> = {};
    for (const role of TABLE_ROLES) {
      const r = namedRect(view, meta, `${key}.${role}`);
      if (r) cols[role] = r.c0;
    }
    if (cols.name === undefined) continue;
    const header = { row: Math.max(0, body.r0 - 1), bodyStart: body.r0, cols, c0: body.c0, c1: body.c1 };
    out.push({ header, r0: body.r0, r1: body.r1, ...(match[1] && meta.template.kind === "department-goals" ? { goal: Number(match[1]) } : {}) });
  }
  return out.sort((a, b) => a.r0 - b.r0);
}

export function readOurs(view: SheetView): Form[] {
  const forms: Form[] = [];
  for (const meta of metasOf(view.grid.meta)) {
    const rects = Object.entries(view.grid.names)
      .filter(([n]) => n.startsWith(meta.prefix))
      .map(([, ref]) => parseRange(ref))
      .filter((r): r is NonNullable<typeof r> => !!r && r.r1 - r.r0 < 100000);
    if (rects.length === 0) continue;
    const firstRow = Math.max(0, Math.min(...rects.map((r) => r.r0)) - 3);
    const lastRow = Math.max(...rects.map((r) => r.r1)) + 3;
    const area = view.within({ r0: firstRow, c0: 0, r1: lastRow, c1: view.cols - 1 });
    const tables = namedTables(view, meta);
    let found: Form[];
    if (tables.length > 0) {
      const form = readPart(area, { tables });
      found = form ? [form] : [];
    } else found = detectForms(area, { split: false });
    for (const f of found) {
      f.template = { id: meta.template.id, version: meta.template.version };
      if ((FORM_KINDS as readonly string[]).includes(meta.template.kind) && f.kind !== "multi-project") f.kind = meta.template.kind as FormKind;
      applyNamed(view, meta, f);
      const source = f.kind === "multi-project" ? undefined : sourceOf(meta.source);
      if (source) f.source = source;
      forms.push(f);
    }
  }
  return forms;
}

/** Named cells win over what the labels suggested; a problem the labels found on a replaced cell goes with it. */
function applyNamed(view: SheetView, meta: FormMeta, form: Form): void {
  const issues: ReadIssue[] = [];
  const replaced = new Set<string>();
  const text = (key: string): TextField | null => {
    const at = namedCell(view, meta, key);
    if (!at) return null;
    const cellText = view.text(at.r, at.c);
    return { value: isInstruction(cellText) ? "" : cellText, cell: view.a1(at.r, at.c) };
  };
  const swap = <T extends { cell?: string }>(old: T | null | undefined, next: T | null): T | null | undefined => {
    if (!next) return old;
    if (old?.cell && old.cell !== next.cell) replaced.add(old.cell);
    return next;
  };
  const num = (key: string, what: string, points = false): NumField | null => {
    const at = namedCell(view, meta, key);
    return at ? numAt(view, at.r, at.c, what, issues, points ? { points: true } : { moneyUnit: form.funds?.moneyUnit }) : null;
  };

  const fields: FormFields = { ...(form.fields ?? {}) };
  const multi = form.kind === "multi-project";
  const name = multi ? null : (text("name") ?? text("projectName"));
  const unit = multi ? null : text("unit");
  if (name) fields.name = name;
  if (unit) {
    if (name) fields.supervisor = unit;
    else fields.name = unit;
  }
  const put = (k: keyof FormFields, ...keys: string[]) => {
    for (const key of keys) {
      const v = text(key);
      if (v) {
        fields[k] = v;
        return;
      }
    }
  };
  put("implementer", "implementer");
  put("preparer", "preparer");
  put("phone", "phone");
  put("head", "head");
  put("filedOn", "filedOn", "date");
  put("attribute", "attribute");
  put("period", "period");
  put("longTermGoal", "longTermGoal");
  form.fields = fields;
  if (name) form.name = name.value;
  else if (unit && !name) form.name = unit.value || form.name;
  if (unit?.value) form.unit = unit.value;

  if (form.funds) {
    const fu = form.funds;
    fu.budget = swap(fu.budget, num("funds.budget", "全年预算数")) ?? fu.budget;
    fu.spent = swap(fu.spent, num("funds.spent", "全年执行数")) ?? fu.spent;
    fu.initialBudget = swap(fu.initialBudget, num("funds.initialBudget", "年初预算数")) ?? fu.initialBudget;
    fu.weight = swap(fu.weight, num("funds.weight", "执行率分值", true)) ?? fu.weight;
    fu.enteredScore = swap(fu.enteredScore, num("funds.score", "执行率得分", true)) ?? fu.enteredScore;
    const rate = namedCell(view, meta, "funds.rate");
    if (rate) fu.enteredRate = swap(fu.enteredRate, rateAt(view, rate.r, rate.c, issues)) ?? fu.enteredRate;
    const reason = text("funds.reason");
    if (reason) fu.reason = reason;
    // our templates name their columns exactly: 全年预算数 and 年初预算数 are what they say
    fu.explicit = { budget: !!namedCell(view, meta, "funds.budget"), initialBudget: !!namedCell(view, meta, "funds.initialBudget") };
  }
  // goals: "goal.text" / "goal.actual" (one goal) and "goals.N.text" (one per 年度目标)
  const goalText = text("goal.text");
  const goalActual = text("goal.actual");
  if (goalText || goalActual) {
    const goal = form.goals[0] ?? { index: 1, text: "" };
    if (goalText) {
      goal.text = goalText.value;
      goal.cell = goalText.cell;
    }
    if (goalActual) {
      goal.actualText = goalActual.value;
      goal.actualCell = goalActual.cell;
    }
    form.goals = [goal, ...form.goals.slice(1)];
  }
  for (const key of Object.keys(meta.fields)) {
    const match = /^goals\.(\d+)\.text$/.exec(key);
    if (!match) continue;
    const t = text(key);
    if (!t) continue;
    const index = Number(match[1]);
    const goalLabel = form.goals.find((x) => x.index === index);
    if (goalLabel) {
      goalLabel.text = t.value;
      goalLabel.cell = t.cell;
    } else form.goals.push({ index, text: t.value, cell: t.cell });
  }
  form.goals.sort((a, b) => a.index - b.index);
  form.enteredTotal = swap(form.enteredTotal, num("total", "总分", true)) ?? form.enteredTotal;
  form.weightTotal = swap(form.weightTotal, num("weightTotal", "分值合计", true)) ?? form.weightTotal;
  const grade = namedCell(view, meta, "grade");
  if (grade) form.enteredGrade = swap(form.enteredGrade, { value: view.text(grade.r, grade.c), cell: view.a1(grade.r, grade.c) }) ?? null;
  form.sharedReason = swap(form.sharedReason, text("sharedReason")) ?? form.sharedReason;
  form.improvement = swap(form.improvement, text("improvement")) ?? form.improvement;
  const seen = new Set<string>();
  form.readIssues = [...form.readIssues.filter((i) => !i.cell || !replaced.has(i.cell)), ...issues].filter((i) => {
    const key = `${i.cell}|${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
