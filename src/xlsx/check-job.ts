// The work done for one file inside the isolated worker (isolate.ts): read the workbook under the limits, find its
// forms on every sheet, evaluate them, mark the forms found on hidden sheets, and cut every text in the results to
// the limits so that what crosses back to the batch — and what the reports can print — is bounded too.

import type { Evaluation, Form } from "../domain/model";
import { evaluateForm } from "../domain/evaluate";
import { getProfile } from "../domain/profiles";
import { readForms } from "../sheet/read";
import { markCut } from "../sheet/safe-text";
import type { Grid } from "../sheet/grid";
import { LimitError, type Limits } from "./limits";
import { ReadFileError, readWorkbookFile } from "./read";

export interface CheckJob {
  file: string;
  profile: string;
  limits: Limits;
}

export interface JobForm {
  form: Form;
  evaluation: Evaluation;
}

export type JobAnswer =
  | { ok: true; forms: JobForm[]; sheets: number }
  | { ok: false; error: string; code: string };

/** The warning on a form found on a hidden sheet (a read-problem finding of severity warning). */
export function hiddenSheetMessage(sheet: string, hidden: "hidden" | "veryHidden", viaNames: boolean): string {
  const how = hidden === "veryHidden" ? "深度隐藏，只能用宏或修改文件内容才能显示" : "隐藏";
  const names = viaNames ? "文件里的定义名称和 JX_META 记录指向这张隐藏的表；" : "";
  return `表格位于隐藏工作表「${sheet}」（${how}）：${names}打开文件时看不到这张表，请向填报单位确认以哪张表为准。`;
}

function formsOf(grid: Grid): Form[] {
  const forms = readForms(grid);
  if (grid.hidden) {
    for (const form of forms) {
      const message = hiddenSheetMessage(grid.sheet, grid.hidden, !!form.template);
      form.readIssues.unshift({ message, messageEn: `The form is on a ${grid.hidden} sheet "${grid.sheet}".` });
    }
  }
  return forms;
}

export async function runCheckJob(job: CheckJob): Promise<JobAnswer> {
  try {
    const grids = await readWorkbookFile(job.file, job.limits);
    const profile = getProfile(job.profile);
    const forms: JobForm[] = [];
    for (const grid of grids) for (const form of formsOf(grid)) forms.push({ form, evaluation: evaluateForm(form, profile) });
    capStrings(forms, job.limits);
    return { ok: true, forms, sheets: grids.length };
  } catch (e) {
    if (e instanceof LimitError) return { ok: false, error: e.message, code: "limit" };
    if (e instanceof ReadFileError) return { ok: false, error: e.message, code: e.code };
    return { ok: false, error: `无法读取（${e instanceof Error ? e.message.split("\n")[0].slice(0, 200) : String(e)}）。`, code: "damaged" };
  }
}

/**
 * Every string in the results cut to `limits.textChars` (marked "…（已截断，原文 N 字）"), and all of them together
 * held to `limits.outputChars`: a 32,767-character cell quoted in three messages cannot make the report large.
 */
export function capStrings(root: unknown, limits: Limits): void {
  const seen = new Set<object>();
  let total = 0;
  const cap = (s: string): string => {
    const out = markCut(s, limits.textChars);
    total += out.length;
    if (total > limits.outputChars) throw new LimitError(`检查结果的文字超过 ${limits.outputChars} 个字符`);
    return out;
  };
  const stack: unknown[] = [root];
  while (stack.length) {
    const node = stack.pop();
    if (!node || typeof node !== "object" || seen.has(node)) continue;
    seen.add(node);
    const obj = node as Record<string, unknown>;
    for (const key of Object.keys(obj)) {
      const v = obj[key];
      if (typeof v === "string") obj[key] = cap(v);
      else if (v && typeof v === "object") stack.push(v);
    }
  }
}
