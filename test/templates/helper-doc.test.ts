// docs/helper-columns.md describes every hidden helper column for a reviewer who audits a sheet: every header the
// templates write into a helper column must appear there (so the page cannot drift from the templates), and every
// helper column that holds a formula has a header above its first formula (issue #13: no column without a name).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { FORM_KINDS } from "../../src/domain/model";
import { buildPlan } from "../../src/sheet/render";
import { HELPER_COLUMN } from "../../src/sheet/meta";
import { lettersToCol } from "../../src/sheet/address";
import { formulaLists } from "../../src/domain/templates/lists";
import { profileConstants } from "../../src/domain/templates/profile-constants";
import { getProfile } from "../../src/domain/profiles";
import type { WritePlan } from "../../src/sheet/plan";

const DOC = readFileSync(join(__dirname, "..", "..", "docs", "helper-columns.md"), "utf8");
const plans = FORM_KINDS.flatMap((k) => [2020, 2021].map((taxonomy) => ({ kind: k, plan: buildPlan(k, { year: 2024, taxonomy: taxonomy as 2020 | 2021 }) })));
const helperCol = (addr: string): string | null => {
  const col = addr.replace(/\d+$/, "");
  return lettersToCol(col) >= HELPER_COLUMN ? col : null;
};

/** Each helper column of a plan: its header texts (cells without a formula) and the rows of its formulas. */
function helperColumnsOf(plan: WritePlan): Map<string, { headers: { row: number; text: string }[]; formulaRows: number[] }> {
  const out = new Map<string, { headers: { row: number; text: string }[]; formulaRows: number[] }>();
  const at = (col: string) => out.get(col) ?? out.set(col, { headers: [], formulaRows: [] }).get(col)!;
  for (const c of plan.cells) {
    const col = helperCol(c.addr);
    if (!col) continue;
    const row = Number(c.addr.slice(col.length));
    if (c.formula) at(col).formulaRows.push(row);
    else if (typeof c.value === "string" && c.value.trim()) at(col).headers.push({ row, text: c.value });
  }
  for (const r of plan.runs) if (helperCol(`${r.col}1`)) at(r.col).formulaRows.push(r.r0);
  return out;
}

test.each(plans.map((p) => [`${p.kind} ${p.plan.meta?.options?.taxonomy ?? ""}`, p.plan] as const))("%s: every helper header is in docs/helper-columns.md", (_name, plan) => {
  const headers = [...helperColumnsOf(plan).values()].flatMap((c) => c.headers.map((h) => h.text));
  expect(headers.length).toBeGreaterThan(0);
  const missing = [...new Set(headers)].filter((h) => !DOC.includes(h));
  expect(missing).toEqual([]);
});

test.each(plans.map((p) => [`${p.kind} ${p.plan.meta?.options?.taxonomy ?? ""}`, p.plan] as const))("%s: every helper column with a formula has a header right above its first one", (_name, plan) => {
  const unnamed: string[] = [];
  for (const [col, c] of helperColumnsOf(plan)) {
    if (!c.formulaRows.length) continue;
    const first = Math.min(...c.formulaRows);
    if (!c.headers.some((h) => h.row === first - 1)) unnamed.push(`${col}${first}`);
  }
  expect(unnamed).toEqual([]);
});

test("every named range on the lists sheet that the formulas use is described", () => {
  const names = [...formulaLists(), ...profileConstants(getProfile())].map((l) => l.name);
  expect(names.length).toBeGreaterThan(20);
  expect(names.filter((n) => !new RegExp(`\\b${n}\\b`).test(DOC))).toEqual([]);
});
