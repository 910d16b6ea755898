// bench check-200-files: 200 workbooks in a temp folder, checked by the CLI code in one process. The folder mixes
// the seed and variant layouts, the unseen layouts, the layout corpus (test/fixtures/layouts, every layout that can be
// written as a file) and our own forms filled at 20 rows per 二级 (project and department, both taxonomies: 180 and
// more indicators each). Workbooks are written by a child process so that the peak memory reported is the checker's.
// Then each group is checked again on its own for its per-file time, and the reader alone is timed on the inputs that
// the scaling tests only compare (a far cell, a whole-sheet merge, 100,000-character texts).
// Goals: ≤ 30 ms per .xlsx file, < 500 MB.
import { spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { FIXTURES, buildWorkbook } from "../test/fixtures/xlsx/generate";
import { UNSEEN } from "../test/reader/unseen-layouts";
import { LAYOUTS } from "../test/fixtures/layouts";
import { Layout } from "../test/fixtures/layouts/build";
import { nationalProject } from "../test/fixtures/layouts/pieces";
import { runCheck } from "../src/cli/check";
import { buildPlan } from "../src/sheet/render";
import { writeWorkbook } from "../src/xlsx/write";
import { emptyForm } from "../src/domain/form";
import type { Form, FormKind, Indicator } from "../src/domain/model";
import { readForms } from "../src/sheet/read";
import type { Grid } from "../src/sheet/grid";
import { readSheetXml } from "../src/xlsx/sheet-xml";
import { NO_STYLES } from "../src/xlsx/styles";
import { DEFAULT_LIMITS } from "../src/xlsx/limits";
import { HELPER_COLUMN } from "../src/sheet/meta";
import { colToLetters } from "../src/sheet/address";

const COUNT = 200;
const GROUPS = ["seeds", "corpus", "ours"] as const;
type Group = (typeof GROUPS)[number];

const LEVEL2: Record<2020 | 2021, [string, string][]> = {
  2020: [
    ["产出指标", "数量指标"],
    ["产出指标", "质量指标"],
    ["产出指标", "时效指标"],
    ["产出指标", "成本指标"],
    ["效益指标", "经济效益指标"],
    ["效益指标", "社会效益指标"],
    ["效益指标", "生态效益指标"],
    ["效益指标", "可持续影响指标"],
    ["满意度指标", "服务对象满意度指标"],
  ],
  2021: [
    ["产出指标", "数量指标"],
    ["产出指标", "质量指标"],
    ["产出指标", "时效指标"],
    ["成本指标", "经济成本指标"],
    ["效益指标", "经济效益指标"],
    ["效益指标", "社会效益指标"],
    ["效益指标", "生态效益指标"],
    ["满意度指标", "服务对象满意度指标"],
  ],
};

/** Our form of `kind`, filled with 20 indicators under every 二级 of the taxonomy. */
function filled(kind: FormKind, taxonomy: 2020 | 2021): Form {
  const places = LEVEL2[taxonomy];
  const indicators: Indicator[] = [];
  places.forEach(([level1, level2], p) => {
    for (let k = 0; k < 20; k++) {
      const n = p * 20 + k + 1;
      const cost = /成本/.test(level2);
      indicators.push({
        id: `i${n}`,
        level1,
        level2,
        name: `${level2.replace("指标", "")}${n}`,
        target: cost ? "≤100万元" : "≥90%",
        actual: cost ? "95万元" : n % 7 === 0 ? "85%" : "95%",
        weight: 0.5,
        enteredScore: null,
        reason: "",
        cells: {},
      });
    }
  });
  return emptyForm(kind, "x", `${kind}-${taxonomy}`, {
    unit: "某县财政局",
    year: 2024,
    funds: {
      moneyUnit: "万元",
      initialBudget: { value: 100, raw: "100" },
      budget: { value: 120, raw: "120" },
      spent: { value: 110, raw: "110" },
      weight: { value: 10, raw: "10" },
      enteredRate: null,
      enteredScore: null,
      sums: [],
    },
    indicators,
    scored: true,
  });
}

interface Source {
  group: Group;
  name: string;
  make(): Promise<ExcelJS.Workbook>;
}

function sources(): Source[] {
  const out: Source[] = [];
  for (const [name, build] of Object.entries({ ...FIXTURES, ...UNSEEN })) out.push({ group: "seeds", name, make: async () => buildWorkbook(build) });
  for (const c of LAYOUTS) {
    if (c.gridOnly) continue;
    out.push({
      group: "corpus",
      name: c.id,
      make: async () => {
        const wb = new ExcelJS.Workbook();
        const L = new Layout(c.id.slice(0, 31));
        c.build(L);
        L.addTo(wb);
        return wb;
      },
    });
  }
  for (const kind of ["project", "department"] as FormKind[])
    for (const taxonomy of [2020, 2021] as const)
      out.push({ group: "ours", name: `${kind}-${taxonomy}-20rows`, make: () => writeWorkbook([buildPlan(kind, { rows: 20, taxonomy }, filled(kind, taxonomy))]) });
  return out;
}

/** 200 files: the sources in turn, each group in its own subfolder. */
async function generate(dir: string): Promise<void> {
  const list = sources();
  for (const g of GROUPS) await fs.mkdir(path.join(dir, g), { recursive: true });
  for (let i = 0; i < COUNT; i++) {
    const s = list[i % list.length];
    const wb = await s.make();
    await wb.xlsx.writeFile(path.join(dir, s.group, `${String(i + 1).padStart(3, "0")}-${s.name}.xlsx`));
  }
}

async function timeCheck(args: string[]): Promise<{ seconds: number; code: number; chars: number }> {
  let chars = 0;
  const t0 = process.hrtime.bigint();
  const code = await runCheck([...args, "--json"], { out: (l) => (chars += l.length), err: () => undefined });
  return { seconds: Number(process.hrtime.bigint() - t0) / 1e9, code, chars };
}

/** The smallest of `runs` timings of reading one grid, in ms. */
function readMs(g: Grid, runs = 5): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    readForms(g);
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return best;
}

function readerFigures(): void {
  const form = (): Layout => {
    const L = new Layout("S");
    nationalProject(L, 1, "A", { name: "道路养护" });
    return L;
  };
  const base = form().grid();
  const far = form().set("XFD1048576", "x").grid();
  const merged = form().merge("K1:XFD1048576").grid();
  const long = (text: string): Grid => form().set("E14", text).set("A23", text).grid();
  console.log(`bench reader-national-form: ${readMs(base).toFixed(2)} ms`);
  console.log(`bench reader-far-cell-1048576: ${readMs(far).toFixed(2)} ms`);
  console.log(`bench reader-merge-K1-XFD1048576: ${readMs(merged).toFixed(2)} ms`);
  console.log(`bench reader-text-100k-digits: ${readMs(long("1".repeat(100000) + "个x")).toFixed(2)} ms`);
  console.log(`bench reader-text-100k-spaces-after-total: ${readMs(long(`总分${" ".repeat(100000)}x`)).toFixed(2)} ms`);
  console.log(`bench reader-text-100k-brackets: ${readMs(long(`产出指标${"(".repeat(100000)}`)).toFixed(2)} ms`);
  // The package reader on one sheet row of 16,000 helper cells (right of the helper boundary) ending in a shared
  // formula: each cell passed over must not search the row again (it once did: 2.8 s for these 0.4 MB).
  let cells = "";
  for (let c = HELPER_COLUMN + 10; c < HELPER_COLUMN + 16010; c++) cells += `<c r="${colToLetters(c)}1"><v>1</v></c>`;
  const row = `<worksheet><sheetData><row r="1">${cells}<c r="XFD1"><f t="shared" ref="XFD1:XFD2" si="0">A1</f><v>1</v></c></row></sheetData></worksheet>`;
  const t0 = process.hrtime.bigint();
  readSheetXml(row, { strings: [], styles: NO_STYLES, date1904: false, limits: DEFAULT_LIMITS, tally: { cells: 0, merges: 0, mergedCells: 0 }, part: "sheet1.xml" });
  console.log(`bench xlsx-reader-long-helper-row: ${(Number(process.hrtime.bigint() - t0) / 1e6).toFixed(2)} ms (${(row.length / 1e6).toFixed(1)} MB)`);
}

async function bench(): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "jixiao-bench-"));
  try {
    const gen = spawnSync(process.execPath, [__filename, "--generate", dir], { stdio: "inherit" });
    if (gen.status !== 0) throw new Error("generation failed");
    const files = (await Promise.all(GROUPS.map((g) => fs.readdir(path.join(dir, g))))).flat().filter((f) => f.endsWith(".xlsx"));
    if (files.length !== COUNT) throw new Error(`expected ${COUNT} files, found ${files.length}`);
    const all = await timeCheck([dir]);
    if (all.code === 2 || all.chars === 0) throw new Error(`check failed (exit ${all.code})`);
    const peakMb = process.resourceUsage().maxRSS / 1024;
    console.log(`bench check-200-files: ${all.seconds.toFixed(2)} s`);
    console.log(`bench check-200-files-per-file: ${((all.seconds * 1000) / COUNT).toFixed(1)} ms`);
    console.log(`bench check-200-files-peak-rss: ${peakMb.toFixed(0)} MB`);
    for (const g of GROUPS) {
      const n = (await fs.readdir(path.join(dir, g))).length;
      const r = await timeCheck([path.join(dir, g)]);
      console.log(`bench check-per-file-${g}: ${((r.seconds * 1000) / n).toFixed(1)} ms (${n} files)`);
    }
    readerFigures();
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

const main = process.argv[2] === "--generate" ? generate(process.argv[3]) : bench();
main.catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
