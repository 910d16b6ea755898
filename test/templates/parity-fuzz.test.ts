// Parity fuzz: hundreds of random but realistic filled forms (test/domain/random-forms.ts) are rendered with
// buildPlan, recalculated by our own formula engine (src/formula, as the fake workbook does), and every
// derived cell — each row's weight, rule score, need/flag helpers, 执行率 and its score, the totals, the
// grade, the funds checks — is compared with evaluateForm to 0.01. A sample is then recalculated in
// LibreOffice (one soffice batch) and every formula cell compared with our engine's value.
import ExcelJS from "exceljs";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { emptyForm } from "../../src/domain/form";
import type { Form, FormKind } from "../../src/domain/model";
import type { WritePlan } from "../../src/sheet/plan";
import { buildPlan } from "../../src/sheet/render";
import { planFormulaCells } from "../../src/sheet/render/runs";
import { writeWorkbook } from "../../src/xlsx/write";
import { ind } from "../domain/make";
import { randomForm, rng } from "../domain/random-forms";
import { recalcXlsx } from "../helpers/libreoffice";
import { compareWithEngine as compare, recalcPlan } from "./parity";
import { cellValue, type Read } from "./read-back";

const KINDS: FormKind[] = ["project", "department", "report"];
/** Every profile in turn: the formulas read its parameters from the workbook's named cells. */
const PROFILE_IDS = ["national", "provincial-80", "uncapped"];
// JX_FUZZ_CASES=3000 npx jest test/templates/parity-fuzz for a longer hunt.
const CASES = Number(process.env.JX_FUZZ_CASES) || 360;
const LO_SAMPLE = 21;
const STALE = -987654;

interface Case {
  seed: number;
  kind: FormKind;
  form: Form;
  profile: string;
  plan: WritePlan;
}

function makeCase(seed: number): Case {
  const r = rng(seed);
  const kind = KINDS[seed % KINDS.length];
  const form = randomForm(r, kind);
  const taxonomy = form.indicators.some((i) => i.level1 === "成本指标") ? 2021 : 2020;
  const profile = PROFILE_IDS[Math.floor(seed / KINDS.length) % PROFILE_IDS.length];
  return { seed, kind, form, profile, plan: buildPlan(kind, { year: 2024, taxonomy, profile }, form) };
}

const compareWithEngine = (c: Case, get: (addr: string) => Read): string[] => compare(c.plan, [c.form], get, c.profile);

const cases = Array.from({ length: CASES }, (_, i) => makeCase(i + 1));

describe("random filled forms: our formula engine agrees with evaluateForm", () => {
  test.each(KINDS)("%s: every derived cell of every case", (kind) => {
    const mine = cases.filter((c) => c.kind === kind);
    const failures: string[] = [];
    let rows = 0;
    for (const c of mine) {
      const { get } = recalcPlan(c.plan);
      rows += c.form.indicators.length;
      const bad = compareWithEngine(c, get);
      if (bad.length) failures.push(`seed ${c.seed} (${c.kind}): ${bad.slice(0, 4).join("; ")}`);
    }
    expect(mine.length).toBeGreaterThanOrEqual(CASES / KINDS.length);
    expect(rows).toBeGreaterThan(mine.length * 3);
    expect(failures.slice(0, 15)).toEqual([]);
  });
});

describe("a sample recalculated in LibreOffice agrees with our formula engine and the engine", () => {
  const OUT = join(__dirname, "..", "..", "test-output", "parity-fuzz");
  const sample = cases.filter((_, i) => i % Math.floor(CASES / LO_SAMPLE) === 0).slice(0, LO_SAMPLE);
  const books: ExcelJS.Workbook[] = [];

  beforeAll(async () => {
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(join(OUT, "in"), { recursive: true });
    const inputs: string[] = [];
    for (const c of sample) {
      const wb = await writeWorkbook([c.plan]);
      wb.eachSheet((ws) =>
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            if (cell.type === ExcelJS.ValueType.Formula) cell.value = { formula: cell.formula, result: STALE } as ExcelJS.CellFormulaValue;
          }),
        ),
      );
      const path = join(OUT, "in", `fuzz-${c.seed}.xlsx`);
      await wb.xlsx.writeFile(path);
      inputs.push(path);
    }
    const outs = await recalcXlsx(inputs, join(OUT, "recalc"));
    for (const p of outs) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(p);
      books.push(wb);
    }
  }, 150_000);

  test("every formula cell: LibreOffice = src/formula, and the derived cells = evaluateForm", () => {
    expect(books.length).toBe(sample.length);
    const failures: string[] = [];
    let compared = 0;
    sample.forEach((c, i) => {
      const ws = books[i].getWorksheet(c.plan.sheetName);
      if (!ws) throw new Error(`sheet ${c.plan.sheetName} missing`);
      const { get } = recalcPlan(c.plan);
      for (const cell of planFormulaCells(c.plan)) {
        const ours = get(cell.addr);
        let lo = cellValue(ws, cell.addr);
        if (typeof lo === "boolean" && typeof ours === "number") lo = lo ? 1 : 0;
        const same = typeof ours === "number" ? typeof lo === "number" && Math.abs(lo - ours) <= 1e-6 * Math.max(1, Math.abs(ours)) : lo === ours;
        compared++;
        if (!same) failures.push(`seed ${c.seed} ${cell.addr} ${cell.formula.slice(0, 60)}: LibreOffice ${JSON.stringify(lo)}, ours ${JSON.stringify(ours)}`);
      }
      const bad = compareWithEngine(c, (a) => cellValue(ws, a));
      if (bad.length) failures.push(`seed ${c.seed} (${c.kind}) vs engine: ${bad.slice(0, 4).join("; ")}`);
    });
    expect(compared).toBeGreaterThan(sample.length * 100);
    expect(new Set(sample.map((c) => c.profile)).size).toBe(PROFILE_IDS.length);
    expect(failures.slice(0, 15)).toEqual([]);
  });
});

test("the derived cells are really compared: a wrong engine value is caught", () => {
  const c = cases.find((x) => x.kind === "project" && x.form.indicators.some((i) => i.weight))!;
  const { get } = recalcPlan(c.plan);
  const off = (a: string) => {
    const v = get(a);
    return typeof v === "number" ? v + 0.5 : v;
  };
  expect(compareWithEngine(c, off).length).toBeGreaterThan(0);
});

describe("regressions the fuzz found", () => {
  const run = (form: Form) => {
    const c: Case = { seed: 0, kind: form.kind, form, profile: "national", plan: buildPlan(form.kind, { year: 2024 }, form) };
    const { get } = recalcPlan(c.plan);
    return { c, get, rule: (id: string) => get(`${c.plan.meta!.helpers!.rule}${c.plan.meta!.indicatorRows![id]}`) };
  };

  test("a qualitative target 达标 is a target, not a placeholder: tiers, equal text and % completion score", () => {
    const form = emptyForm("project", "S", "项目", {
      scored: true,
      indicators: [
        ind({ id: "a", level2: "质量指标", name: "工作质量", target: "达标", actual: "部分达成", weight: 10 }),
        ind({ id: "b", level2: "质量指标", name: "验收", target: "达标", actual: "达标", weight: 5 }),
        ind({ id: "c", level2: "质量指标", name: "整改", target: "达标", actual: "80%", weight: 5 }),
        ind({ id: "d", level2: "质量指标", name: "占位", target: "≥%", actual: "80%", weight: 5 }),
      ],
    });
    const { c, get, rule } = run(form);
    // 部分达成 and a repeated target are qualitative (the officer scores them); % against 达标 is completion.
    expect([rule("a"), rule("b"), rule("c"), rule("d")]).toEqual([null, null, 4, null]);
    expect(compareWithEngine(c, get)).toEqual([]);
  });

  test("text before the number (共, 约, 已完成, a name), signs, a final 。, 百分之 and dates read as the engine reads them", () => {
    const row = (id: string, target: string, actual: string) => ind({ id, level2: "数量指标", name: `指标${id}`, target, actual, weight: 10 });
    const form = emptyForm("project", "S", "项目", {
      scored: true,
      indicators: [
        row("a", "≥6项", "共5.4项"),
        row("b", "有积极影响", "已完成80%"),
        row("c", "≥10", "约8"),
        row("d", "满意度≥90%", "约81%"),
        row("e", "≤-5%", "-2.5%"),
        row("f", "2024年12月", "90%"),
        row("g", "5-10次", "8次"),
        row("h", "≥９５％。", "96%"),
        row("i", "≥90%", "百分之81"),
      ],
    });
    const { c, get, rule } = run(form);
    expect(["a", "b", "c", "d", "e", "f", "g", "h", "i"].map(rule)).toEqual([9, 8, null, 9, 0, 9, null, 10, 9]);
    expect(compareWithEngine(c, get)).toEqual([]);
  });

  test("a blank 全年执行数 with its parts: the sheet and the engine both use the parts", () => {
    const part = (label: string, value: number | null) => ({ value, raw: value == null ? "" : String(value), label });
    const form = emptyForm("project", "S", "项目", {
      scored: true,
      funds: {
        moneyUnit: "万元",
        initialBudget: null,
        budget: { value: 200, raw: "200", cell: "E6" },
        spent: { value: null, raw: "", cell: "F6" },
        weight: { value: 10, raw: "10", cell: "G6" },
        enteredRate: null,
        enteredScore: null,
        sums: [{ label: "全年执行数", total: { ...part("全年执行数", null), cell: "F6" }, parts: [part("当年财政拨款", 120), part("上年结转资金", null), part("其他资金", 30)] }],
      },
    });
    const { c, get } = run(form);
    expect(get(c.plan.fields["funds.rate"])).toBeCloseTo(0.75, 9);
    expect(compareWithEngine(c, get)).toEqual([]);
  });
});
