// bench template-<kind>: median time to build a template's write plan and write it into an in-memory ExcelJS
// workbook (what `jixiao new` and the tests do before saving). Goal < 50 ms per kind. A second line per
// kind adds serialising the workbook to .xlsx bytes (zip), for reference.
import { performance } from "node:perf_hooks";
import { FORM_KINDS } from "../src/domain/model";
import { buildPlan } from "../src/sheet/render";
import { writeWorkbook } from "../src/xlsx/write";

const RUNS = 21;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function bench(): Promise<void> {
  for (const kind of FORM_KINDS) {
    const opts = { year: 2024, unit: "某某单位", project: "示例项目" };
    for (let i = 0; i < 3; i++) await writeWorkbook([buildPlan(kind, opts)]); // warm up
    const inMemory: number[] = [];
    const withBytes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      const wb = await writeWorkbook([buildPlan(kind, opts)]);
      const t1 = performance.now();
      await wb.xlsx.writeBuffer();
      const t2 = performance.now();
      inMemory.push(t1 - t0);
      withBytes.push(t2 - t0);
    }
    console.log(`bench template-${kind}: ${median(inMemory).toFixed(1)} ms`);
    console.log(`bench template-${kind}-xlsx-bytes: ${median(withBytes).toFixed(1)} ms`);
  }
}

bench().catch((e) => {
  console.error(e);
  process.exit(1);
});
