/// <reference types="office-js" />
// The weight of the workbooks we make (issue #13), each line measured, not estimated:
// - insert-payload-max: the largest request of any insert of any kind at 20 rows per 二级指标, as the fake counts it
//   (UTF-8 JSON of every queued action's arguments: cell data, formats, merges, names, validations, conditional
//   formats, print settings). Goal ≤ 1 MB (Excel on the web refuses 5 MB).
// - xlsx-size: the .xlsx of a blank project form at 20 rows per 二级 (what `jixiao new project --rows 20` writes).
//   Goal ≤ 80 KB.
// - lo-load-ratio: LibreOffice's load (with recalculation) of the filled 20-row project form over a plain form with
//   the same indicator rows whose only formulas are, per row, ROUND(MIN(actual/target,1)*weight,2), plus the funds
//   rate, a SUM for 总分 and an IF for 等级 — loaded in turns in one soffice process. Goal ≤ 2.
//   lo-load-ratio-without-helpers: the same with our form stripped of its helper columns (everything else kept: the
//   lists sheet, names, validations, conditional formats, print setup), to tell the helper formulas' share.
//   lo-load-ratio-plain-with-hidden-sheets: the plain form with two nearly empty very hidden sheets added (ours
//   carries two: JX_LISTS and JX_META), to tell what the sheets alone cost.
// - check-own-20: `jixiao check` of our own filled 20-row form, ms per file (20 files in one run). Goal ≤ 30 ms.
import { promises as fs, mkdtempSync, rmSync } from "node:fs";
import ExcelJS from "exceljs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createFakeExcel } from "../src/fake-excel";
import { insertPlan } from "../src/excel/insert";
import { FORM_KINDS } from "../src/domain/model";
import { buildPlan } from "../src/sheet/render";
import { writeXlsxBuffer } from "../src/xlsx/write";
import { plainForm } from "./plain-form";
import { runCheck } from "../src/cli/check";
import { filledProject } from "./filled-form";
import { loLoadTimes } from "./lo-load";
import type { WritePlan } from "../src/sheet/plan";
import { HELPER_COLUMN } from "../src/sheet/meta";
import { lettersToCol } from "../src/sheet/address";

/** A plan without its helper columns (their formulas, headers and the runs that fill them). */
function withoutHelpers(plan: WritePlan): WritePlan {
  const visible = (addr: string): boolean => lettersToCol(addr.replace(/\d+$/, "")) < HELPER_COLUMN;
  return { ...plan, cells: plan.cells.filter((c) => visible(c.addr)), runs: plan.runs.filter((r) => visible(`${r.col}1`)) };
}

/** A copy of `file` with `n` very hidden sheets holding one cell each. */
async function withHiddenSheets(file: string, out: string, n: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  for (let i = 1; i <= n; i++) wb.addWorksheet(`隐藏${i}`, { state: "veryHidden" }).getCell("A1").value = i;
  await wb.xlsx.writeFile(out);
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function insertPayload(): Promise<{ max: number; kind: string }> {
  let max = 0;
  let which = "";
  for (const kind of FORM_KINDS) {
    const fake = createFakeExcel({ payloadLimit: null });
    fake.book.payloadLimit = Number.MAX_SAFE_INTEGER; // count, never refuse
    const undo = fake.install();
    try {
      await insertPlan(buildPlan(kind, { rows: 20, year: 2024, unit: "某某市财政局", project: "示例项目" }), "new-sheet");
      const bytes = fake.maxPayload.request;
      console.log(`bench insert-payload-${kind}: ${(bytes / 1e6).toFixed(3)} MB`);
      if (bytes > max) [max, which] = [bytes, kind];
    } finally {
      undo();
    }
  }
  return { max, kind: which };
}

async function main(): Promise<void> {
  const { max, kind } = await insertPayload();
  console.log(`bench insert-payload-max: ${(max / 1e6).toFixed(3)} MB (${kind})`);

  const blank = await writeXlsxBuffer([buildPlan("project", { rows: 20, year: 2024, unit: "某某市财政局", project: "示例项目" })]);
  console.log(`bench xlsx-size: ${(blank.length / 1024).toFixed(1)} KB`);

  const dir = mkdtempSync(join(tmpdir(), "jx-workbook-bench-"));
  try {
    const form = filledProject(20);
    const ours = join(dir, "ours.xlsx");
    const filled = await writeXlsxBuffer([buildPlan("project", { year: 2024 }, form)]);
    await fs.writeFile(ours, filled);
    console.log(`bench xlsx-size-filled: ${(filled.length / 1024).toFixed(1)} KB`);
    const plain = join(dir, "plain.xlsx");
    await plainForm(form, plain);
    const sheets = join(dir, "plain-sheets.xlsx");
    await withHiddenSheets(plain, sheets, 2);
    const bare = join(dir, "no-helpers.xlsx");
    await fs.writeFile(bare, await writeXlsxBuffer([withoutHelpers(buildPlan("project", { year: 2024 }, form))]));

    const checkDir = join(dir, "check");
    await fs.mkdir(checkDir);
    const N = 20;
    for (let i = 0; i < N; i++) await fs.writeFile(join(checkDir, `f${String(i).padStart(2, "0")}.xlsx`), filled);
    await runCheck([join(dir, "ours.xlsx"), "--json"], { out: () => undefined, err: () => undefined }); // warm up
    const t0 = performance.now();
    let out = 0;
    await runCheck([checkDir, "--json"], { out: (l) => (out += l.length), err: () => undefined });
    const ms = (performance.now() - t0) / N;
    if (!out) throw new Error("check printed nothing");
    console.log(`bench check-own-20: ${ms.toFixed(1)} ms per file`);

    // Loaded in turns in one process; the ratio of each round's pair, then the median: the machine's load drifts,
    // and a pair loaded back to back sees the same load.
    const [a, b, c, d] = await loLoadTimes([ours, plain, bare, sheets], 15);
    const ratio = median(a.map((x, i) => x / b[i]));
    console.log(`bench lo-load-ours: ${median(a)} ms (fastest ${Math.min(...a)})`);
    console.log(`bench lo-load-plain: ${median(b)} ms (fastest ${Math.min(...b)})`);
    console.log(`bench lo-load-ours-without-helpers: ${median(c)} ms (fastest ${Math.min(...c)})`);
    console.log(`bench lo-load-ratio: ${ratio.toFixed(2)}`);
    console.log(`bench lo-load-ratio-without-helpers: ${median(c.map((x, i) => x / b[i])).toFixed(2)}`);
    console.log(`bench lo-load-ratio-plain-with-hidden-sheets: ${median(d.map((x, i) => x / b[i])).toFixed(2)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
