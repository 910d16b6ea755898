// Our forms print like the official paper forms (issue #13 item 4), checked by printing them through LibreOffice
// (to PDF, then PNG): every kind blank, the long ones at 20 rows per 二级, and forms filled with long reasons.
// Each prints on the pages its plan computes (render/print.ts): the breaks fall where the plan put them, between
// groups; 总分 and 等级 print on the page that ends the table; the helper, 核对 and 来源核对 columns never print;
// the multi-project table fills A3 landscape one page wide (the 2021 one, too wide at 8 pt, runs over two with its
// first columns repeated). Excel's own page layout is not available here: docs/excel-verification.md says what
// was checked only in LibreOffice.
import { execFile } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import type { Form, FormKind } from "../../src/domain/model";
import { buildPlan } from "../../src/sheet/render";
import type { WritePlan } from "../../src/sheet/plan";
import { HELPER_COLUMN } from "../../src/sheet/meta";
import { lettersToCol } from "../../src/sheet/address";
import { layoutPrint, PRINT_METRICS } from "../../src/sheet/render/print";
import { writeXlsxFile } from "../../src/xlsx/write";
import { freshProfile, pageInk, pdfToPng, toPdf } from "../helpers/libreoffice";
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { randomForm, rng } from "../domain/random-forms";

const OUT = join(__dirname, "..", "..", "test-output", "print");
const run = promisify(execFile);

const LONG = "受年初预算调整和政策变化影响，部分采购项目推迟至下半年实施，资金拨付进度滞后于计划，" +
  "导致该指标未能按期达到年度目标；已建立月度调度机制，明年将提前开展前期准备工作。";

/** A random filled form whose every reason is long. */
function longReasons(kind: FormKind, seed: number): Form {
  const f = randomForm(rng(seed), kind);
  f.indicators = f.indicators.map((i, k) => ({ ...i, name: i.name || `指标${k + 1}`, reason: k % 2 ? LONG : `${LONG}${LONG}` }));
  return f;
}

interface Case {
  name: string;
  plan: WritePlan;
  /** The label of the 总分 (or 等级) row that must print on the page ending the table. */
  total?: string;
}

const totalLabel: Partial<Record<FormKind, string>> = { project: "总分", department: "综合评定等级", report: "评价等级" };
const KINDS: FormKind[] = ["project", "department", "department-goals", "report", "targets", "multi-project"];

function cases(): Case[] {
  return [
    ...KINDS.map((k) => ({ name: `${k}-blank`, plan: buildPlan(k, { year: 2024 }), total: totalLabel[k] })),
    ...(["project", "department", "report", "targets"] as FormKind[]).map((k) => ({ name: `${k}-20`, plan: buildPlan(k, { year: 2024, rows: 20 }), total: totalLabel[k] })),
    ...(["project", "department", "report"] as FormKind[]).map((k, i) => ({ name: `${k}-long`, plan: buildPlan(k, { year: 2024 }, longReasons(k, 11 + i)), total: totalLabel[k] })),
    { name: "multi-project-2021", plan: buildPlan("multi-project", { year: 2024, taxonomy: 2021 }) },
  ];
}
const NAMES = ["project", "department", "department-goals", "report", "targets", "multi-project"].map((k) => `${k}-blank`)
  .concat(["project-20", "department-20", "report-20", "targets-20", "project-long", "department-long", "report-long", "multi-project-2021"]);
let CASES: Case[] = [];

/** The digit width (px) this LibreOffice measures column widths with: a 10-character column, saved as flat ODS. */
async function loDigitPx(): Promise<number> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("w");
  ws.getColumn(1).width = 10;
  ws.getCell("A1").value = 1;
  const file = join(OUT, "in", "digit.xlsx");
  await wb.xlsx.writeFile(file);
  const profile = freshProfile();
  try {
    await run("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", "fods", "--outdir", OUT, file], { timeout: 120_000 });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const inches = Number(/column-width="([\d.]+)in"/.exec(readFileSync(join(OUT, "digit.fods"), "utf8"))![1]);
  return (inches * 96) / 10;
}

const pdfs = new Map<string, string>();

async function pageTexts(pdf: string): Promise<string[]> {
  const info = (await run("pdfinfo", [pdf])).stdout;
  const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
  const out: string[] = [];
  for (let i = 1; i <= pages; i++) out.push((await run("pdftotext", ["-f", String(i), "-l", String(i), "-layout", pdf, "-"])).stdout.replace(/\s+/g, ""));
  return out;
}

/** The pages across: more than one only when the columns cannot fit at 8 pt. */
const across = (plan: WritePlan): number => plan.print.across;

beforeAll(async () => {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(join(OUT, "in"), { recursive: true });
  // The plans are laid out for the column widths this LibreOffice prints (7 px a digit in Excel; more where
  // LibreOffice stands DejaVu Sans in for Calibri), then the metric goes back to Excel's.
  PRINT_METRICS.digitPx = await loDigitPx();
  try {
    CASES = cases();
  } finally {
    PRINT_METRICS.digitPx = 7;
  }
  const inputs: string[] = [];
  for (const c of CASES) {
    const file = join(OUT, "in", `${c.name}.xlsx`);
    await writeXlsxFile([c.plan], file);
    inputs.push(file);
  }
  const out = await toPdf(inputs, join(OUT, "pdf"));
  CASES.forEach((c, i) => pdfs.set(c.name, out[i]));
}, 300_000);

describe("printed through LibreOffice", () => {
  test.each(NAMES)("%s: the planned pages, the totals with the table's end, no helper column", async (name) => {
    const c = CASES.find((x) => x.name === name)!;
    const pdf = pdfs.get(c.name)!;
    const pages = await pageTexts(pdf);
    // the pages fall where the plan put them
    expect(pages.length).toBe((c.plan.print.breaks.length + 1) * across(c.plan));
    // no blank page
    expect((await pageInk(pdf)).every((ink) => ink > 0.001)).toBe(true);
    // every page is there as a PNG too (for people to look at)
    expect((await pdfToPng(pdf, 40)).length).toBe(pages.length);
    // the helper headers, 来源核对 and 核对 columns are outside the print area
    for (const t of pages) {
      expect(t).not.toMatch(/规整文本|比较方式|按规则得分|来源核对|核对结果|不适用指标的分值合计|未填完的项数|执行率偏低且未说明/);
    }
    if (c.total) {
      const last = c.plan.meta?.helpers ? lastTableText(c.plan) : null;
      const at = pages.findIndex((t) => t.includes(c.total!));
      expect(at).toBeGreaterThanOrEqual(0);
      // 总分 / 等级 are on the page that ends the table: the last table row's text is there, and no later page
      // holds table rows
      if (last) expect(pages[at]).toContain(last);
      expect(pages.slice(at + 1).every((t) => !t.includes(c.total!))).toBe(true);
    }
  });
});

/** A text of the table's last row that prints (its 一级 or 二级 label, or a filled name). */
function lastTableText(plan: WritePlan): string | null {
  const body = Object.entries(plan.fields)
    .filter(([k]) => /^ind\d*\.name$/.test(k))
    .map(([, ref]) => Number(/(\d+)$/.exec(ref)![1]));
  if (!body.length) return null;
  const row = Math.max(...body);
  // visible cells only: a hidden helper column may hold a header in that row
  const visible = (addr: string): boolean => lettersToCol(addr.replace(/\d+$/, "")) < HELPER_COLUMN;
  const texts = plan.cells.filter((c) => new RegExp(`^[A-Z]+${row}$`).test(c.addr) && visible(c.addr) && typeof c.value === "string" && c.value.length >= 2 && !c.formula);
  return texts.length ? String(texts[0].value).replace(/\s+/g, "").slice(0, 12) : null;
}

describe("the page layout (render/print.ts)", () => {
  test("breaks go between 一级 groups while a group fits a page; the totals never start a page", () => {
    const heights: Record<number, number> = {};
    const breakAt = new Map<number, number>();
    // rows 1–5 a header section, then groups of 10 rows starting at 6, 16, 26 … (一级), 二级 every 5
    for (let r = 6; r <= 60; r++) breakAt.set(r, (r - 6) % 10 === 0 ? 3 : (r - 6) % 5 === 0 ? 2 : 1);
    for (let r = 1; r <= 64; r++) heights[r] = 20;
    const p = layoutPrint({ paper: "A4", landscape: true, widths: [10, 10, 10], heights, rows: [1, 64], breakAt, keep: [61, 63], minFont: 10 });
    expect(p.scale).toBe(100);
    for (const b of p.breaks) expect(breakAt.get(b)).toBe(3);
    // the last page starts at a group and holds 61–63
    expect(p.breaks[p.breaks.length - 1]).toBeLessThanOrEqual(56);
  });

  test("a group longer than a page breaks at a 二级, never leaving a page less than half full for a better break", () => {
    const heights: Record<number, number> = {};
    const breakAt = new Map<number, number>();
    for (let r = 2; r <= 80; r++) breakAt.set(r, r === 2 ? 3 : (r - 2) % 8 === 0 ? 2 : 1);
    for (let r = 1; r <= 80; r++) heights[r] = 20;
    const p = layoutPrint({ paper: "A4", landscape: true, widths: [10], heights, rows: [1, 80], breakAt, minFont: 10 });
    expect(p.breaks.length).toBeGreaterThan(1);
    for (const b of p.breaks) expect(breakAt.get(b)).toBe(2);
  });

  test("no text under 8 pt: a table too wide runs over more pages across instead", () => {
    const wide = layoutPrint({ paper: "A3", landscape: true, widths: Array(60).fill(8), heights: {}, rows: [1, 5], breakAt: new Map(), minFont: 10 });
    expect(wide.scale).toBe(80);
    expect(wide.wide).toBe(true);
    const fits = layoutPrint({ paper: "A3", landscape: true, widths: Array(20).fill(8), heights: {}, rows: [1, 5], breakAt: new Map(), minFont: 10 });
    expect(fits.wide).toBe(false);
    expect(fits.scale).toBe(100);
  });

  test("the plans: A4 for the forms, A3 landscape for the multi-project table, the table's header repeated", () => {
    expect(buildPlan("project", {}).print).toMatchObject({ paper: "A4", landscape: true });
    const m = buildPlan("multi-project", { taxonomy: 2020 }).print;
    expect(m).toMatchObject({ paper: "A3", landscape: true });
    expect(m.scale).toBeGreaterThanOrEqual(80);
    expect(m.repeatColumns).toBeUndefined(); // one page wide
    const p = buildPlan("project", { rows: 20 });
    const head = Number(/\d+/.exec(p.fields["ind.name"])![0]) - 1;
    expect(p.print.repeatRows).toBe(`${head}:${head}`);
    expect(p.print.breaks.length).toBeGreaterThan(3);
  });
});
