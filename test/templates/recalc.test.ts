// Proof that the templates compute: each template is filled with a seed's figures, written to .xlsx with
// stale cached results, recalculated in LibreOffice (fresh profile, recalc always), read back, and every
// derived cell compared with the TypeScript engine to 0.01. The same files (and the blank templates) are
// rendered to PDF and PNG: no empty page, the title is there. PNGs land in test-output/templates/ to look at.
import ExcelJS from "exceljs";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { FORM_KINDS, type Form } from "../../src/domain/model";
import { buildPlan } from "../../src/sheet/render";
import type { WritePlan } from "../../src/sheet/plan";
import { writeWorkbook } from "../../src/xlsx/write";
import { pageInk, pdfText, pdfToPng, recalcXlsx, toPdf } from "../helpers/libreoffice";
import { FILLS } from "./fixtures/forms";
import { cellValue } from "./read-back";
import { compareWithEngine } from "./parity";

const OUT = join(__dirname, "..", "..", "test-output", "templates");
const STALE = -987654;

interface Case {
  file: string;
  title: string;
  plans: WritePlan[];
  forms: Form[][]; // per plan, the forms it was filled with
}

const cases: Case[] = FILLS.map((f) => {
  const groups = f.kind === "multi-project" ? [f.forms] : f.forms.map((x) => [x]);
  return { file: f.file, title: f.title, plans: groups.map((g) => buildPlan(f.kind, {}, g.length === 1 ? g[0] : g)), forms: groups };
});
const blanks: Case[] = FORM_KINDS.map((k) => ({
  file: `blank-${k}`,
  title: "",
  plans: [buildPlan(k, { year: 2024, unit: "某某市财政局", project: "示例项目", taxonomy: k === "department" ? 2021 : 2020 })],
  forms: [],
}));

const books = new Map<string, ExcelJS.Workbook>();
const pdfs = new Map<string, string>();

beforeAll(async () => {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(join(OUT, "in"), { recursive: true });
  const inputs: string[] = [];
  for (const c of [...cases, ...blanks]) {
    const wb = await writeWorkbook(c.plans);
    // Stale cached results: if LibreOffice did not recalculate, the comparisons below fail.
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula) cell.value = { formula: cell.formula, result: STALE } as ExcelJS.CellFormulaValue;
        }),
      ),
    );
    const path = join(OUT, "in", `${c.file}.xlsx`);
    await wb.xlsx.writeFile(path);
    inputs.push(path);
  }
  const [recalc, pdf] = await Promise.all([
    recalcXlsx(inputs.slice(0, cases.length), join(OUT, "recalc")),
    toPdf(inputs, join(OUT, "pdf")),
  ]);
  for (const [i, path] of recalc.entries()) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    books.set(cases[i].file, wb);
  }
  [...cases, ...blanks].forEach((c, i) => pdfs.set(c.file, pdf[i]));
}, 150_000);

function sheetOf(wb: ExcelJS.Workbook, k: number): ExcelJS.Worksheet {
  const meta = wb.getWorksheet("JX_META");
  const name = String(cellValue(meta!, `A${k}`));
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`sheet ${name} missing`);
  return ws;
}

const col = (range: string) => range.replace(/\d+.*$/, "");

describe.each(cases)("$file recalculated in LibreOffice agrees with the engine", (c) => {
  test("no formula is left stale or in error", () => {
    const wb = books.get(c.file)!;
    let formulas = 0;
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type !== ExcelJS.ValueType.Formula) return;
          formulas++;
          const v = cellValue(ws, cell.address);
          expect([cell.address, v]).not.toEqual([cell.address, STALE]);
          if (typeof v === "string") expect([cell.address, v]).not.toEqual([cell.address, expect.stringMatching(/^#/)]);
        }),
      ),
    );
    expect(formulas).toBeGreaterThan(20);
  });

  test("funds, indicator rules, reasons, 得分, totals and the 等级 cell match evaluateForm", () => {
    const wb = books.get(c.file)!;
    let rows = 0;
    const failures: string[] = [];
    c.plans.forEach((plan, p) => {
      const ws = sheetOf(wb, p + 1);
      failures.push(...compareWithEngine(plan, c.forms[p], (a) => cellValue(ws, a)));
      rows += c.forms[p].reduce((n, f) => n + f.indicators.length, 0);
    });
    expect(failures).toEqual([]);
    expect(rows).toBeGreaterThan(3);
  });
});

describe("text stays text", () => {
  test("values starting with = + - @ are still text after recalculation", () => {
    const c = cases.find((x) => x.file === "project-edge")!;
    const ws = sheetOf(books.get(c.file)!, 1);
    const f = c.plans[0].fields;
    expect(cellValue(ws, f["name"])).toBe("=SUM(1,2) 项目");
    expect(cellValue(ws, f["unit"])).toBe("+测试单位");
    expect(cellValue(ws, f["goal.text"])).toBe("-完成年度任务");
    expect(cellValue(ws, f["goal.actual"])).toBe("@已完成");
    const reasonCol = col(f["ind.reason"]);
    const row = c.plans[0].meta!.indicatorRows!.i5;
    expect(cellValue(ws, `${reasonCol}${row}`)).toBe("=场地费上涨");
    expect(ws.getCell(f["name"]).type).not.toBe(ExcelJS.ValueType.Formula);
  });
});

test("a zero budget shows a message in the rate cell, not #DIV/0!", () => {
  const c = cases.find((x) => x.file === "multi-project-002")!;
  const plan = c.plans[0];
  const ws = sheetOf(books.get(c.file)!, 1);
  const row = plan.meta!.formRows![plan.meta!.formRows!.length - 1];
  expect(cellValue(ws, `${col(plan.fields["proj.budget"])}${row}`)).toBe(0);
  expect(cellValue(ws, `${col(plan.fields["proj.rate"])}${row}`)).toBe("预算数为0");
});

describe.each([...cases, ...blanks])("$file renders to PDF", (c) => {
  test("every page has ink, the title is printed, PNGs are written", async () => {
    const pdf = pdfs.get(c.file)!;
    const ink = await pageInk(pdf);
    expect(ink.length).toBeGreaterThan(0);
    for (const share of ink) expect(share).toBeGreaterThan(0.003);
    const text = (await pdfText(pdf)).replace(/\s+/g, "");
    const title = c.title || titleOf(c.plans[0]);
    expect(text).toContain(title.replace(/\s+/g, ""));
    const pngs = await pdfToPng(pdf, 60);
    expect(pngs.length).toBe(ink.length);
  });
});

function titleOf(plan: WritePlan): string {
  const a1 = plan.cells.find((x) => x.addr === "A1");
  return String(a1?.value ?? "");
}
