// bench report-*: the self-evaluation report for each seed fixture — median time to draft it from the evaluated
// forms, to render the clipboard HTML, to write the .docx bytes, and the .docx size; then the same for a sheet of
// 220 projects (seed 002's eleven rows, twenty times). Reading and evaluating the workbook are not counted (see
// check-200-files and engine-10k).
import { performance } from "node:perf_hooks";
import { draftToDocx } from "../src/document/docx";
import { draftToHtml } from "../src/document/html";
import { evaluateForm } from "../src/domain/evaluate";
import type { Evaluation } from "../src/domain/model";
import { draftReport } from "../src/domain/report/draft";
import type { ReportDraft } from "../src/domain/report/model";
import { readForms } from "../src/sheet/read";
import { readXlsxFile } from "../src/xlsx/read";
import * as path from "node:path";

const RUNS = 15;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function time<T>(f: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  let value = await f(); // warm up
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    value = await f();
    ms.push(performance.now() - t0);
  }
  return { ms: median(ms), value };
}

function draftOf(evs: Evaluation[]): ReportDraft {
  const r = draftReport(evs);
  if (!r.ok) throw new Error(r.error.message);
  return r.draft;
}

async function one(name: string, evs: Evaluation[]): Promise<void> {
  const draft = await time(() => draftOf(evs));
  const html = await time(() => draftToHtml(draft.value));
  const docx = await time(() => draftToDocx(draft.value));
  console.log(`bench report-draft-${name}: ${draft.ms.toFixed(2)} ms`);
  console.log(`bench report-html-${name}: ${html.ms.toFixed(2)} ms`);
  console.log(`bench report-docx-${name}: ${docx.ms.toFixed(1)} ms`);
  console.log(`bench report-docx-size-${name}: ${(docx.value.length / 1024).toFixed(1)} KB`);
}

async function bench(): Promise<void> {
  const fixtures = path.join(__dirname, "..", "..", "..", "test", "fixtures", "xlsx");
  const seeds = ["seed000-department-goals", "seed001-department", "seed002-multi-project", "seed003-report", "variant-national-project"];
  let projects: Evaluation[] = [];
  for (const name of seeds) {
    const grids = await readXlsxFile(path.join(fixtures, `${name}.xlsx`));
    const evs = grids.flatMap((g) => readForms(g)).map((f) => evaluateForm(f));
    if (name === "seed002-multi-project") projects = evs;
    await one(name, evs);
  }
  const many = Array.from({ length: 20 }, () => projects).flat();
  await one(`${many.length}-projects`, many);
}

bench().catch((e) => {
  console.error(e);
  process.exit(1);
});
