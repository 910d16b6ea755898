// Forms the add-in made: found through their defined names (prefix "JX<k>_") and the FormMeta kept in the file
// (grid.meta, from the hidden sheet JX_META). The names bound the form's area and anchor its cells; the labels the
// template wrote are read by the same detector as any other form, so a file edited elsewhere still reads.

import type { Form, FormKind, NumField, ReadIssue } from "../../domain/model";
import { FORM_KINDS } from "../../domain/model";
import type { FormMeta } from "../meta";
import { parseRange } from "../address";
import type { SheetView } from "./view";
import { detectForms } from "./detect";
import { numAt, rateAt } from "./cells";

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

function namedCell(view: SheetView, meta: FormMeta, key: string): { r: number; c: number } | null {
  const name = meta.fields[key];
  if (!name) return null;
  const ref = view.grid.names[`${meta.prefix}${name}`] ?? view.grid.names[name];
  const rect = ref ? parseRange(ref) : null;
  return rect ? { r: rect.r0, c: rect.c0 } : null;
}

export function readOurs(view: SheetView): Form[] {
  const forms: Form[] = [];
  for (const meta of metasOf(view.grid.meta)) {
    const rects = Object.entries(view.grid.names)
      .filter(([n]) => n.startsWith(meta.prefix))
      .map(([, ref]) => parseRange(ref))
      .filter((r): r is NonNullable<typeof r> => !!r);
    if (rects.length === 0) continue;
    const r0 = Math.max(0, Math.min(...rects.map((r) => r.r0)) - 3);
    const r1 = Math.min(view.rows - 1, Math.max(...rects.map((r) => r.r1)) + 3);
    const found = detectForms(view, { r0, r1 });
    for (const f of found) {
      f.template = { id: meta.template.id, version: meta.template.version };
      if ((FORM_KINDS as readonly string[]).includes(meta.template.kind) && f.kind !== "multi-project") f.kind = meta.template.kind as FormKind;
      applyNamed(view, meta, f);
      forms.push(f);
    }
  }
  return forms;
}

/** Named cells win over what the labels suggested. */
function applyNamed(view: SheetView, meta: FormMeta, f: Form): void {
  const issues: ReadIssue[] = f.readIssues;
  const text = (key: string): string | null => {
    const at = namedCell(view, meta, key);
    return at ? view.text(at.r, at.c) : null;
  };
  const num = (key: string, what: string): NumField | null => {
    const at = namedCell(view, meta, key);
    return at ? numAt(view, at.r, at.c, what, issues) : null;
  };
  const name = text("name") ?? text("projectName");
  if (name) f.name = name;
  const unit = text("unit");
  if (unit) f.unit = unit;
  if (f.funds) {
    f.funds.budget = num("funds.budget", "全年预算数") ?? f.funds.budget;
    f.funds.spent = num("funds.spent", "全年执行数") ?? f.funds.spent;
    f.funds.initialBudget = num("funds.initialBudget", "年初预算数") ?? f.funds.initialBudget;
    f.funds.weight = num("funds.weight", "分值") ?? f.funds.weight;
    f.funds.enteredScore = num("funds.score", "得分") ?? f.funds.enteredScore;
    const rate = namedCell(view, meta, "funds.rate");
    if (rate) f.funds.enteredRate = rateAt(view, rate.r, rate.c, issues);
  }
  f.enteredTotal = num("total", "总分") ?? f.enteredTotal;
  f.weightTotal = num("weightTotal", "分值合计") ?? f.weightTotal;
  const grade = namedCell(view, meta, "grade");
  if (grade) f.enteredGrade = { value: view.text(grade.r, grade.c), cell: view.a1(grade.r, grade.c) };
}
