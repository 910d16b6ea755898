// The plain hand-made form the workbook benchmark compares ours with (see plainForm).
import type { Form } from "../src/domain/model";
import { buildPlan } from "../src/sheet/render";
import { writeWorkbook } from "../src/xlsx/write";
import type { WritePlan } from "../src/sheet/plan";
import { HELPER_COLUMN } from "../src/sheet/meta";
import { lettersToCol } from "../src/sheet/address";

/**
 * The plain hand-made form: our own layout (the same rows, texts, merges, styles and widths) without our machinery
 * (no helper columns, conditional formats, validations, names or hidden sheets), numbers where ours has texts, and
 * only the simple formulas a person would type: per row ROUND(MIN(actual/target,1)*weight,2), the funds rate and
 * its score, a SUM for 总分 and an IF for 等级.
 */
export async function plainForm(form: Form, file: string): Promise<void> {
  const plan = buildPlan("project", { year: 2024 }, form);
  const f = plan.fields;
  const col = (key: string) => f[key].replace(/\d.*$/, "");
  const [T, A, W, S] = ["ind.target", "ind.actual", "ind.weight", "ind.score"].map(col);
  const num = (s: unknown): number => Number(/\d+(\.\d+)?/.exec(String(s ?? ""))?.[0] ?? 1) || 1;
  const rows = Object.values(plan.meta!.indicatorRows!);
  const first = Math.min(...rows);
  const last = Math.max(...rows);
  const keep = new Set([f["funds.rate"], f["funds.score"], f["total"], f["grade"]]);
  const cells = plan.cells
    .filter((c) => lettersToCol(c.addr.replace(/\d+$/, "")) < HELPER_COLUMN)
    .map((c) => {
      const row = Number(/\d+$/.exec(c.addr)![0]);
      const letter = c.addr.replace(/\d+$/, "");
      const out = { ...c };
      if (c.formula && !keep.has(c.addr)) {
        delete out.formula;
        out.value = typeof c.value === "string" ? c.value : null;
      }
      if (row >= first && row <= last && (letter === T || letter === A)) out.value = num(c.value);
      if (row >= first && row <= last && letter === S) out.formula = `=ROUND(MIN(${A}${row}/${T}${row},1)*${W}${row},2)`;
      return out;
    });
  const set = (addr: string, formula: string) => (cells.find((c) => c.addr === addr)!.formula = formula);
  const [budget, spent, weight, rate] = ["funds.budget", "funds.spent", "funds.weight", "funds.rate"].map((k) => f[k]);
  set(rate, `=IF(${budget}=0,"",${spent}/${budget})`);
  set(f["funds.score"], `=ROUND(MIN(${rate},1)*${weight},2)`);
  set(f["total"], `=SUM(${f["funds.score"]},${S}${first}:${S}${last})`);
  set(f["grade"], `=IF(${f["total"]}>=90,"优",IF(${f["total"]}>=80,"良",IF(${f["total"]}>=60,"中","差")))`);
  const plain: WritePlan = { ...plan, cells, runs: [], conditionalFormats: [], validations: [], lists: [], names: [], hiddenColumns: [] };
  const wb = await writeWorkbook([plain]);
  for (const ws of [...wb.worksheets]) if (ws.name !== plan.sheetName) wb.removeWorksheet(ws.id);
  (wb.definedNames as unknown as { model: unknown[] }).model = [];
  await wb.xlsx.writeFile(file);
}
