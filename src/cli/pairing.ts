// Which approved 绩效目标表 a returned self-evaluation answers to (issue #14 item 2), for
// `jixiao check 自评表 --targets 目标表`: by the source the form remembers (Form.source: the table it was made from),
// else by 项目编码, then by 项目名称; when several tables fit, by the unit too, and otherwise it is reported as
// ambiguous and not compared. Then each paired form gains its target-changed findings (domain/checks/target-changes).
// Pure: works on what the check already read.

import * as path from "node:path";
import type { Form } from "../domain/model";
import { sourceTable, withTargetChanges } from "../domain/checks/target-changes";
import { pairByCodeOrName, type PairedBy } from "../domain/pairing";
import type { FileResult } from "./results";

/** An approved targets table and the file it was read from. */
export interface TargetsTable {
  file: string;
  form: Form;
}

export type { PairedBy };

export interface Pair {
  /** Index of the file in the checked results, and of the form in that file. */
  file: number;
  form: number;
  table: TargetsTable;
  by: PairedBy;
}

/** What the reviewer should know about a form's pairing (no table found, several fit), in Chinese. */
export interface PairNote {
  file: string;
  form: Form;
  message: string;
}

/** Every targets table among read files. */
export function targetsTables(results: FileResult[]): TargetsTable[] {
  return results.flatMap((r) => r.forms.filter((f) => f.form.kind === "targets").map((f) => ({ file: r.file, form: f.form })));
}

const base = (f: string): string => path.basename(f).toLowerCase();

const shownName = (f: Form): string => f.name.trim() || f.code?.trim() || f.sheet;
const listed = (tables: TargetsTable[]): string =>
  tables
    .slice(0, 5)
    .map((t) => `${path.basename(t.file)} 工作表“${t.form.sheet}”`)
    .join("、") + (tables.length > 5 ? ` 等 ${tables.length} 张` : "");

type Found = { table: TargetsTable; by: PairedBy } | { note: string } | null;

/** The table a form remembers it came from: in the same workbook, or in a --targets file of that name. */
function bySource(form: Form, ownFile: string, own: TargetsTable[], given: TargetsTable[]): Found {
  const src = form.source;
  if (!src) return null;
  const pool: TargetsTable[] = [];
  if (!src.file || base(src.file) === base(ownFile)) pool.push(...own);
  if (src.file) pool.push(...given.filter((t) => base(t.file) === base(src.file!)));
  // Tables of several files may share a sheet name: one file at a time, the workbook's own first.
  for (const file of [...new Set(pool.map((t) => t.file))]) {
    const here = pool.filter((t) => t.file === file);
    const table = sourceTable(form, here.map((t) => t.form));
    if (table) return { table: here.find((t) => t.form === table)!, by: "source" };
  }
  return null;
}

/** By 项目编码 when the form has one, else (or when no table has it) by 项目名称 (domain/pairing.ts). */
function byCodeOrName(form: Form, tables: TargetsTable[]): Found {
  const found = pairByCodeOrName(form, tables);
  if (!found) return null;
  if ("table" in found) return found;
  const same = found.ambiguous;
  if (found.by === "code")
    return { note: `有 ${same.length} 张绩效目标表的项目编码都是“${form.code?.trim()}”（${listed(same)}），无法确定对应哪一张，未比对指标值。` };
  return {
    note: `有 ${same.length} 张绩效目标表的项目名称都是“${form.name.trim()}”（${listed(same)}），无法确定对应哪一张，未比对指标值；请只给出对应的那一张，或在自评表中写明项目编码。`,
  };
}

/**
 * Pairs every self-evaluation among `checked` with its targets table among `given` (the --targets files) or, when
 * the form remembers a table in its own workbook, with that one.
 */
export function pairForms(checked: FileResult[], given: TargetsTable[]): { pairs: Pair[]; notes: PairNote[] } {
  const pairs: Pair[] = [];
  const notes: PairNote[] = [];
  checked.forEach((r, fi) => {
    const own = r.forms.filter((f) => f.form.kind === "targets").map((f) => ({ file: r.file, form: f.form }));
    r.forms.forEach((cf, i) => {
      const form = cf.form;
      if (form.kind === "targets") return;
      let found = bySource(form, r.file, own, given);
      if (!found && form.source && given.length > 0 && form.source.file) {
        const where = `${path.basename(form.source.file)}${form.source.sheet ? ` 工作表“${form.source.sheet}”` : ""}`;
        notes.push({ file: r.file, form, message: `表格记录的来源绩效目标表（${where}）不在 --targets 给出的文件中，改按项目编码、项目名称配对。` });
      }
      if (!found && given.length > 0) {
        found = byCodeOrName(form, given);
        if (!found) {
          notes.push({ file: r.file, form, message: `没有找到“${shownName(form)}”对应的绩效目标表（项目编码、项目名称都没有配上），未比对指标值。` });
        }
      }
      if (!found) return;
      if ("note" in found) notes.push({ file: r.file, form, message: found.note });
      else pairs.push({ file: fi, form: i, table: found.table, by: found.by });
    });
  });
  return { pairs, notes };
}

/** The checked results with target-changed findings added to every paired form, and the pairing notes. */
export function compareWithTargets(checked: FileResult[], given: TargetsTable[]): { results: FileResult[]; notes: PairNote[]; pairs: Pair[] } {
  const { pairs, notes } = pairForms(checked, given);
  const results = checked.map((r) => ({ ...r, forms: [...r.forms] }));
  for (const p of pairs) {
    const cf = results[p.file].forms[p.form];
    results[p.file].forms[p.form] = { ...cf, evaluation: withTargetChanges(cf.evaluation, p.table.form) };
  }
  return { results, notes, pairs };
}

/** The targets tables of the --targets files (each read like a checked file); what gives none is listed. */
export async function loadTargets(
  entries: ({ file: string } | { file: string; error: string } | { file: string; skip: string })[],
  read: (file: string) => Promise<FileResult>,
): Promise<{ tables: TargetsTable[]; problems: { file: string; message: string }[] }> {
  const tables: TargetsTable[] = [];
  const problems: { file: string; message: string }[] = [];
  for (const e of entries) {
    if ("skip" in e) continue;
    if ("error" in e) {
      problems.push({ file: e.file, message: `无法读取：${e.error}` });
      continue;
    }
    const r = await read(e.file);
    const found = targetsTables([r]);
    if (r.error) problems.push({ file: e.file, message: `无法读取：${r.error}` });
    else if (found.length === 0) problems.push({ file: e.file, message: "其中没有绩效目标表。" });
    tables.push(...found);
  }
  return { tables, problems };
}

/** One checked file at a time (the check prints each file as it goes): its forms compared, and the notes. */
export function compareFile(result: FileResult, tables: TargetsTable[]): { result: FileResult; notes: PairNote[] } {
  if (result.error !== null) return { result, notes: [] };
  const r = compareWithTargets([result], tables);
  return { result: r.results[0], notes: r.notes };
}
