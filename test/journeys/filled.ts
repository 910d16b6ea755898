// Realistically filled samples of each of our forms, as an officer types them, with the problems a reviewer should
// find planted in them. Cells are addressed through the template's named fields (never fixed positions), so the
// samples follow the template wherever its rows move. Expectations come from the rules (docs/rules.md), written
// here by hand for each planted problem.
import type { FormKind } from "../../src/domain/model";
import type { WritePlan } from "../../src/sheet/plan";
import { parseRange, formatA1 } from "../../src/sheet/address";

export type Typed = string | number;

/** What the officer types into one indicator row. */
export interface Row {
  /** The 二级 indicator whose first free template row takes this indicator ("数量指标"); or a block key and index. */
  level2: string;
  /** Typed only in a block of free rows (no 一级/二级 prefilled). */
  level1?: string;
  name: string;
  target: string;
  actual?: string;
  weight?: number;
  score?: number;
  reason?: string;
  description?: string;
  basis?: string;
}

export interface Sample {
  kind: FormKind;
  /** Single cells by field key ("name", "funds.budget"); a key starting with "?" is typed only where the template
   *  has that field. */
  fields: Record<string, Typed>;
  /** Indicator rows by block ("ind", "ind1" …). */
  rows: Record<string, Row[]>;
  /** List rows by list key ("proj"), each a record of column key → value. */
  lists?: Record<string, Record<string, Typed>[]>;
  /** The findings a reviewer expects: code and the field the cell belongs to, per form (in sheet order). */
  expect: { code: string; at: Where }[][];
}

/** Where a finding points: a field key, or a row of a block and one of its columns. */
export type Where = { field: string } | { block: string; row: Row | number; column: string };

/** The sheet cell of a field key ("funds.budget" → "E6"); for a column range, its row `i`. */
export function cellOfField(plan: WritePlan, key: string, i = 0): string {
  const ref = plan.fields[key];
  if (!ref) throw new Error(`the template of ${plan.template.kind} has no field ${key}`);
  const r = parseRange(ref);
  if (!r) throw new Error(`field ${key} has no range (${ref})`);
  return formatA1(r.r0 + i, r.c0);
}

/** The template's prefilled 二级 label of each body row of an indicator block, by row index. */
export function level2Rows(plan: WritePlan, block: string): string[] {
  const ref = plan.fields[`${block}.level2`];
  const body = parseRange(plan.fields[`${block}.name`] ?? plan.fields[block]);
  if (!body) throw new Error(`no block ${block}`);
  const col = ref ? parseRange(ref)!.c0 : -1;
  const byRow = new Map<number, string>();
  for (const c of plan.cells) {
    const at = parseRange(c.addr);
    if (at && at.c0 === col && typeof c.value === "string" && c.value) byRow.set(at.r0, c.value);
  }
  const out: string[] = [];
  let current = "";
  for (let r = body.r0; r <= body.r1; r++) {
    current = byRow.get(r) ?? current;
    out.push(current);
  }
  return out;
}

/** Every cell the officer types, and the body row each sample row landed on. */
export function typing(plan: WritePlan, sample: Sample): { cells: [string, Typed][]; rowOf: Map<Row, number> } {
  const cells: [string, Typed][] = [];
  const rowOf = new Map<Row, number>();
  for (const [key, v] of Object.entries(sample.fields)) {
    const optional = key.startsWith("?");
    const field = optional ? key.slice(1) : key;
    if (optional && !plan.fields[field]) continue;
    cells.push([cellOfField(plan, field), v]);
  }
  for (const [block, rows] of Object.entries(sample.rows)) {
    const labels = level2Rows(plan, block);
    const used = new Set<number>();
    const short = (l: string) => l.replace(/指标$/, "");
    for (const row of rows) {
      // A row under its prefilled 二级; in a block of free rows (no 二级 written), the next free row, where the
      // officer types the 一级 and 二级 too.
      let i = labels.findIndex((l, k) => !used.has(k) && short(l) === short(row.level2));
      const free = i < 0 ? labels.findIndex((l, k) => !used.has(k) && l === "") : -1;
      if (i < 0) i = free;
      if (i < 0) throw new Error(`no free ${row.level2} row in ${block}`);
      used.add(i);
      rowOf.set(row, i);
      const put = (column: string, v: Typed | undefined) => {
        if (v !== undefined) cells.push([cellOfField(plan, `${block}.${column}`, i), v]);
      };
      if (free >= 0) {
        put("level1", row.level1 ?? "");
        put("level2", row.level2);
      }
      put("name", row.name);
      put("target", row.target);
      put("actual", row.actual);
      put("weight", row.weight);
      put("score", row.score);
      put("reason", row.reason);
      put("description", row.description);
      put("basis", row.basis);
    }
  }
  for (const [key, rows] of Object.entries(sample.lists ?? {}))
    rows.forEach((row, i) => {
      for (const [column, v] of Object.entries(row)) cells.push([cellOfField(plan, `${key}.${column}`, i), v]);
    });
  return { cells, rowOf };
}

/** The cell a planted finding points at. */
export function expectedCell(plan: WritePlan, where: Where, rowOf: Map<Row, number>): string {
  if ("field" in where) return cellOfField(plan, where.field);
  const i = typeof where.row === "number" ? where.row : rowOf.get(where.row);
  if (i === undefined) throw new Error("a planted row was not typed");
  return cellOfField(plan, `${where.block}.${where.column}`, i);
}
