// Which approved 绩效目标表 a self-evaluation answers to (issue #14 item 2), among the targets tables at hand: the
// rules the CLI (`jixiao check --targets`, cli/pairing.ts) and the pane (检查本表, when the workbook holds the table)
// share. By 项目编码 when the form has one, else — or when no table has it — by 项目名称; when several tables fit,
// by the unit too; and otherwise it is ambiguous, said so, and not compared. (The table a form remembers it came
// from, Form.source, is tried before these by the callers: checks/target-changes.ts sourceTable.) Pure.
import type { Form } from "./model";
import { compact } from "./text";

export type PairedBy = "source" | "code" | "name";

/** A 项目编码 as compared: without spaces, width-folded, upper case. */
export const codeKey = (s: string | undefined): string => compact(s ?? "").toUpperCase();
/** A name as compared: without spaces, width-folded, without a final full stop. */
export const nameKey = (s: string | undefined): string => compact(s ?? "").replace(/[。．.]+$/, "");

function unitKeys(f: Form): Set<string> {
  const keys = [f.unit, f.fields?.supervisor?.value, f.fields?.implementer?.value].map((x) => nameKey(x)).filter((x) => x !== "");
  return new Set(keys);
}

/** Several tables fit: keep those of the form's own unit when that leaves exactly one. */
function byUnit<T extends { form: Form }>(form: Form, tables: T[]): T[] {
  if (tables.length <= 1) return tables;
  const mine = unitKeys(form);
  if (mine.size === 0) return tables;
  const same = tables.filter((t) => [...unitKeys(t.form)].some((k) => mine.has(k)));
  return same.length === 1 ? same : tables;
}

/** The table found, or the tables that fit equally well (never compared), or nothing. */
export type CodeOrName<T> = { table: T; by: "code" | "name" } | { ambiguous: T[]; by: "code" | "name" } | null;

/** The targets table of a form by 项目编码 (when it has one), else by 项目名称; a targets table is never paired. */
export function pairByCodeOrName<T extends { form: Form }>(form: Form, tables: readonly T[]): CodeOrName<T> {
  if (form.kind === "targets") return null;
  const pool = tables.filter((t) => t.form.kind === "targets");
  const code = codeKey(form.code);
  if (code) {
    const same = byUnit(form, pool.filter((t) => codeKey(t.form.code) === code));
    if (same.length === 1) return { table: same[0], by: "code" };
    if (same.length > 1) {
      const named = same.filter((t) => nameKey(t.form.name) === nameKey(form.name));
      if (named.length === 1) return { table: named[0], by: "code" };
      return { ambiguous: same, by: "code" };
    }
  }
  const name = nameKey(form.name);
  if (!name) return null;
  // A table whose 项目编码 differs from the form's is another project, whatever its name.
  const same = byUnit(
    form,
    pool.filter((t) => nameKey(t.form.name) === name && !(code && codeKey(t.form.code) && codeKey(t.form.code) !== code)),
  );
  if (same.length === 1) return { table: same[0], by: "name" };
  if (same.length > 1) return { ambiguous: same, by: "name" };
  return null;
}
