// Proof that the templates compute: each template is filled with a seed's figures, written to .xlsx with
// stale cached results, recalculated in LibreOffice (fresh profile, recalc always), read back, and every
// derived cell compared with the TypeScript engine to 0.01. The same files (and the blank templates) are
// rendered to PDF and PNG: no empty page, the title is there. PNGs land in test-output/templates/ to look at.
import ExcelJS from "exceljs";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { evaluateForm } from "../../src/domain/evaluate";
import { gradeFor } from "../../src/domain/grade";
import { FORM_KINDS, type Evaluation, type Form } from "../../src/domain/model";
import { buildPlan } from "../../src/sheet/render";
import type { WritePlan } from "../../src/sheet/plan";
import { writeWorkbook } from "../../src/xlsx/write";
import { pageInk, pdfText, pdfToPng, recalcXlsx, toPdf } from "../helpers/libreoffice";
import { FILLS } from "./fixtures/forms";
import { cellValue, near } from "./read-back";

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

const round2 = (x: number) => Math.round((x + Math.sign(x) * 1e-9) * 100) / 100;
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

  test("funds, indicator rules, reasons, totals and grade match evaluateForm", () => {
    const wb = books.get(c.file)!;
    let compared = 0;
    c.plans.forEach((plan, p) => {
      const ws = sheetOf(wb, p + 1);
      const f = plan.fields;
      const evs: Evaluation[] = c.forms[p].map((form) => evaluateForm(form));
      const check = (addr: string | undefined, expected: unknown, what: string) => {
        if (!addr) return;
        const got = cellValue(ws, addr);
        if (!near(got, expected)) throw new Error(`${c.file} ${what} at ${addr}: sheet ${JSON.stringify(got)}, engine ${JSON.stringify(expected)}`);
        compared++;
      };
      if (plan.template.kind === "multi-project") {
        plan.meta!.formRows!.forEach((row, i) => {
          const ev = evs[i];
          check(`${col(f["proj.rate"])}${row}`, ev.funds?.rate ?? null, `${ev.form.name} 执行率`);
          const explainMissing = ev.findings.some((x) => x.code === "deviation-reason-missing");
          check(`${col(f["proj.flag"])}${row}`, explainMissing ? 1 : 0, `${ev.form.name} 问题未说明`);
        });
        return;
      }
      const ev = evs[0];
      check(f["funds.rate"], ev.funds?.rate ?? null, "执行率");
      check(f["funds.score"], ev.funds?.score ?? null, "执行率得分");
      // 总分 adds the 得分 column as the sheet shows it (entered score, else the rule's): what the engine's
      // total-mismatch check re-adds; the hidden rule total is the engine's computed total.
      const shown = ev.indicators.map((r) => r.indicator.enteredScore ?? r.score).filter((x): x is number => x != null);
      const visible = shown.length || ev.funds?.score != null ? round2((ev.funds?.score ?? 0) + shown.reduce((s, x) => s + x, 0)) : null;
      check(f["total"], visible, "总分");
      check(f["grade"], visible == null ? null : gradeFor(visible), "等级");
      check(f["ruleTotal"], ev.total?.computed ?? null, "规则总分");
      const helper = (h: string) => Object.entries(f).find(([k]) => k.endsWith(`.${h}`) && /^ind\d*\./.test(k))?.[1];
      for (const r of ev.indicators) {
        const row = plan.meta?.indicatorRows?.[r.id];
        expect(row).toBeDefined();
        const at = (h: string) => (helper(h) ? `${col(helper(h)!)}${row}` : undefined);
        const name = r.indicator.name.trim() || r.id;
        if (helper("rule")) {
          check(at("w"), r.effectiveWeight, `${name} 权重`);
          check(at("rule"), r.score, `${name} 规则得分`);
        }
        check(at("need"), r.reasonRequired ? 1 : 0, `${name} 需说明偏差`);
        check(at("flag"), r.needsReason ? 1 : 0, `${name} 偏差原因缺失`);
      }
      const mismatch = (label: string) => ev.findings.some((x) => x.code === "funds-sum-mismatch" && x.message.startsWith(label));
      const groups: [string, string][] = [
        ["funds.check.income", "按收入性质分"],
        ["funds.check.expense", "按支出性质分"],
        ["funds.check.basic", "基本支出"],
        ["funds.check", ev.form.funds?.sums[0]?.label ?? ""],
      ];
      for (const [key, label] of groups)
        if (f[key] && cellValue(ws, f[key]) !== null) check(f[key], mismatch(label) ? "不符" : "相符", `${label} 核对`);
      if (f["plan.check"]) {
        const bad = ev.findings.some((x) => x.code === "spending-plan-invalid");
        check(f["plan.check"], bad ? "应逐期递增且12月底为100%" : "合规", "资金支出计划");
      }
    });
    expect(compared).toBeGreaterThan(3);
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
