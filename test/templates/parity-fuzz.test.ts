// Parity fuzz: hundreds of random but realistic filled forms (test/domain/random-forms.ts) are rendered with
// buildPlan, recalculated by our own formula engine (src/formula, as the fake workbook does), and every
// derived cell — each row's weight, rule score, need/flag helpers, 执行率 and its score, the totals, the
// grade, the funds checks — is compared with evaluateForm to 0.01. A sample is then recalculated in
// LibreOffice (one soffice batch) and every formula cell compared with our engine's value.
import ExcelJS from "exceljs";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { evaluateForm } from "../../src/domain/evaluate";
import { gradeFor } from "../../src/domain/grade";
import { canonicalLevel1, parseLevel1Cell } from "../../src/domain/taxonomy";
import { emptyForm } from "../../src/domain/form";
import type { Evaluation, Form, FormKind } from "../../src/domain/model";
import { isError, parseCellAddress, Recalculator, type FValue } from "../../src/formula";
import type { WritePlan } from "../../src/sheet/plan";
import { buildPlan } from "../../src/sheet/render";
import { writeWorkbook } from "../../src/xlsx/write";
import { ind } from "../domain/make";
import { randomForm, rng } from "../domain/random-forms";
import { recalcXlsx } from "../helpers/libreoffice";
import { cellValue, near, type Read } from "./read-back";

const KINDS: FormKind[] = ["project", "department", "report"];
// JX_FUZZ_CASES=3000 npx jest test/templates/parity-fuzz for a longer hunt.
const CASES = Number(process.env.JX_FUZZ_CASES) || 360;
const LO_SAMPLE = 21;
const STALE = -987654;

interface Case {
  seed: number;
  kind: FormKind;
  form: Form;
  plan: WritePlan;
}

function makeCase(seed: number): Case {
  const r = rng(seed);
  const kind = KINDS[seed % KINDS.length];
  const form = randomForm(r, kind);
  const taxonomy = form.indicators.some((i) => i.level1 === "成本指标") ? 2021 : 2020;
  return { seed, kind, form, plan: buildPlan(kind, { year: 2024, taxonomy }, form) };
}

const addrOf = (a: string) => {
  const p = parseCellAddress(a.replace(/:.*$/, ""));
  if (!p) throw new Error(`bad address ${a}`);
  return p;
};

/** The plan's cells (and its lists, on a lists sheet under their defined names) recalculated by src/formula. */
function recalcPlan(plan: WritePlan): Recalculator {
  const rc = new Recalculator();
  const sh = plan.sheetName;
  for (const c of plan.cells) {
    const { row, col } = addrOf(c.addr);
    if (c.formula) rc.setCell(sh, row, col, { formula: c.formula, value: null });
    else if (c.value != null && c.value !== "") rc.setValue(sh, row, col, c.value);
  }
  plan.lists.forEach((l, i) => {
    l.values.forEach((v, k) => rc.setValue("JX_LISTS", k, i, v));
    rc.setName(l.name, { sheet: "JX_LISTS", r0: 0, c0: i, r1: Math.max(0, l.values.length - 1), c1: i });
  });
  rc.recalc();
  return rc;
}

const toRead = (v: FValue): Read => (v === null || v === "" ? null : isError(v) ? v.error : v);
const round2 = (x: number) => Math.round((x + Math.sign(x) * 1e-9) * 100) / 100;

/** Every derived cell of a plan against the engine; returns the disagreements (empty when all agree). */
function compareWithEngine(c: Case, get: (addr: string) => Read): string[] {
  const { plan, form } = c;
  const f = plan.fields;
  const ev: Evaluation = evaluateForm(form);
  const bad: string[] = [];
  const check = (addr: string | undefined, expected: unknown, what: string) => {
    if (!addr) return;
    const got = get(addr);
    if (!near(got, expected)) bad.push(`${what} at ${addr}: sheet ${JSON.stringify(got)}, engine ${JSON.stringify(expected)}`);
  };
  check(f["funds.rate"], ev.funds?.rate ?? null, "执行率");
  check(f["funds.score"], ev.funds?.score ?? null, "执行率得分");
  const shown = ev.indicators.map((r) => r.indicator.enteredScore ?? r.score).filter((x): x is number => x != null);
  const fundsScore = plan.template.kind === "report" ? null : (ev.funds?.score ?? null);
  const visible = shown.length || fundsScore != null ? round2((fundsScore ?? 0) + shown.reduce((s, x) => s + x, 0)) : null;
  check(f["total"], visible, "总分");
  check(f["grade"], visible == null ? null : gradeFor(visible), "等级");
  check(f["ruleTotal"], ev.total?.computed ?? null, "规则总分");
  const h = plan.meta?.helpers ?? {};
  for (const r of ev.indicators) {
    const row = plan.meta?.indicatorRows?.[r.id];
    if (!row) {
      bad.push(`${r.id} has no row`);
      continue;
    }
    const at = (k: string) => (h[k] ? `${h[k]}${row}` : undefined);
    const name = `${r.id} ${r.indicator.name} [${r.indicator.target} | ${r.indicator.actual}]`;
    check(at("w"), r.effectiveWeight, `${name} 权重`);
    check(at("rule"), r.score, `${name} 规则得分`);
    check(at("need"), r.reasonRequired ? 1 : 0, `${name} 需说明偏差`);
    check(at("flag"), r.needsReason ? 1 : 0, `${name} 偏差原因缺失`);
    // The 一级 weight check sits on the top row of each 一级 group (department: "产出指标（50分）").
    const l1c = at("l1c");
    if (l1c && plan.cells.some((x) => x.addr === l1c && x.formula)) {
      const key = canonicalLevel1(r.indicator.level1) ?? parseLevel1Cell(r.indicator.level1).name;
      const off = ev.findings.some((x) => x.code === "weights-sum-mismatch" && x.message.includes(`“${key}”`));
      check(l1c, off ? 1 : 0, `${name} 一级分值核对`);
    }
  }
  const mismatch = (label: string) => ev.findings.some((x) => x.code === "funds-sum-mismatch" && x.message.startsWith(label));
  const groups: [string, string][] = [
    ["funds.check.income", "按收入性质分"],
    ["funds.check.expense", "按支出性质分"],
    ["funds.check.basic", "基本支出"],
  ];
  for (const [key, label] of groups) if (f[key] && get(f[key]) !== null) check(f[key], mismatch(label) ? "不符" : "相符", `${label} 核对`);
  if (f["funds.check"] && get(f["funds.check"]) !== null) {
    const any = ev.findings.some((x) => x.code === "funds-sum-mismatch");
    check(f["funds.check"], any ? "不符" : "相符", "资金来源核对");
  }
  if (f["flag.funds.rate"]) {
    const low = ev.findings.some((x) => x.code === "deviation-reason-missing" && !x.indicatorId);
    check(f["flag.funds.rate"], low, "执行率低未说明");
  }
  return bad;
}

const cases = Array.from({ length: CASES }, (_, i) => makeCase(i + 1));

describe("random filled forms: our formula engine agrees with evaluateForm", () => {
  test.each(KINDS)("%s: every derived cell of every case", (kind) => {
    const mine = cases.filter((c) => c.kind === kind);
    const failures: string[] = [];
    let rows = 0;
    for (const c of mine) {
      const rc = recalcPlan(c.plan);
      const get = (a: string) => {
        const { row, col: cc } = addrOf(a);
        return toRead(rc.get(c.plan.sheetName, row, cc));
      };
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
      const rc = recalcPlan(c.plan);
      for (const cell of c.plan.cells) {
        if (!cell.formula) continue;
        const { row, col: cc } = addrOf(cell.addr);
        const ours = toRead(rc.get(c.plan.sheetName, row, cc));
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
    expect(failures.slice(0, 15)).toEqual([]);
  });
});

test("the derived cells are really compared: a wrong engine value is caught", () => {
  const c = cases.find((x) => x.kind === "project" && x.form.indicators.some((i) => i.weight))!;
  const rc = recalcPlan(c.plan);
  const get = (a: string) => {
    const { row, col: cc } = addrOf(a);
    const v = toRead(rc.get(c.plan.sheetName, row, cc));
    return typeof v === "number" ? v + 0.5 : v;
  };
  expect(compareWithEngine(c, get).length).toBeGreaterThan(0);
});

describe("regressions the fuzz found", () => {
  const run = (form: Form) => {
    const c: Case = { seed: 0, kind: form.kind, form, plan: buildPlan(form.kind, { year: 2024 }, form) };
    const rc = recalcPlan(c.plan);
    const get = (a: string) => {
      const { row, col: cc } = addrOf(a);
      return toRead(rc.get(c.plan.sheetName, row, cc));
    };
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
    expect([rule("a"), rule("b"), rule("c"), rule("d")]).toEqual([7.99, 5, 4, null]);
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
