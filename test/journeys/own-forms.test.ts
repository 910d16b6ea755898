// The journeys officers and reviewers make with our own forms, end to end:
//   jixiao new → fill as an officer would → recalculate (LibreOffice, as Excel does on save) → jixiao check --json;
//   insert into the workbook (the fake Excel) → type → the live read → the pane's state.
// A blank form of every kind and taxonomy gives exactly form-empty; each filled sample gives exactly the findings
// planted in it (test/journeys/samples.ts says why each one is a finding), and nothing else.
import ExcelJS from "exceljs";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { FORM_KINDS, type FormKind } from "../../src/domain/model";
import { buildPlan } from "../../src/sheet/render";
import type { WritePlan } from "../../src/sheet/plan";
import { insertPlan } from "../../src/excel/insert";
import { writeWorkbook } from "../../src/xlsx/write";
import { recalcXlsx } from "../helpers/libreoffice";
import { rig } from "../excel/helpers";
import { expectedCell, typing, type Sample } from "./filled";
import { SAMPLES } from "./samples";

const OUT = join(__dirname, "..", "..", "test-output", "journeys");
const OPTIONS = { year: 2025, taxonomy: 2020 as const };

interface JsonOut {
  files: { file: string; error: string | null; forms: { kind: string; findings: { code: string; cell: string | null }[]; ready: boolean }[] }[];
}

async function checkJson(...files: string[]): Promise<JsonOut> {
  const out: string[] = [];
  await main(["check", ...files, "--json"], { out: (l) => out.push(l), err: () => undefined });
  return JSON.parse(out.join("\n")) as JsonOut;
}

const found = (findings: { code: string; cell?: string | null }[]): string[] => findings.map((f) => `${f.code}@${f.cell ?? "—"}`).sort();

function planned(plan: WritePlan, sample: Sample, rowOf: ReturnType<typeof typing>["rowOf"]): string[][] {
  return sample.expect.map((form) => form.map((e) => `${e.code}@${expectedCell(plan, e.at, rowOf)}`).sort());
}

beforeAll(() => {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(join(OUT, "in"), { recursive: true });
});

describe("jixiao new → jixiao check: a blank form is form-empty and nothing else", () => {
  const cases: [FormKind, 2020 | 2021][] = FORM_KINDS.flatMap((k) => [[k, 2020] as [FormKind, 2020], [k, 2021] as [FormKind, 2021]]);
  it.each(cases)("%s, taxonomy %s", async (kind, taxonomy) => {
    const file = join(OUT, "in", `blank-${kind}-${taxonomy}.xlsx`);
    const out: string[] = [];
    expect(await main(["new", kind, "-o", file, "--taxonomy", String(taxonomy), "--force"], { out: (l) => out.push(l), err: (l) => out.push(l) })).toBe(0);
    const json = await checkJson(file);
    const forms = json.files[0].forms;
    expect(forms.length).toBeGreaterThan(0);
    for (const f of forms) {
      expect(f.findings.map((x) => x.code)).toEqual(["form-empty"]);
      expect(f.ready).toBe(false);
    }
  });
});

describe("filled as an officer would, through .xlsx and LibreOffice: exactly the planted findings", () => {
  const prepared = new Map<string, { expected: string[][]; path: string }>();

  beforeAll(async () => {
    const inputs: string[] = [];
    const expected: string[][][] = [];
    for (const sample of SAMPLES) {
      const plan = buildPlan(sample.kind, OPTIONS);
      const { cells, rowOf } = typing(plan, sample);
      const wb = await writeWorkbook([plan]);
      const ws = wb.getWorksheet(plan.sheetName) as ExcelJS.Worksheet;
      // What she types replaces whatever the cell held, a formula included (a score typed over the rule's).
      for (const [addr, v] of cells) ws.getCell(addr).value = v;
      const file = join(OUT, "in", `filled-${sample.kind}.xlsx`);
      await wb.xlsx.writeFile(file);
      inputs.push(file);
      expected.push(planned(plan, sample, rowOf));
    }
    const recalculated = await recalcXlsx(inputs, join(OUT, "recalc"));
    recalculated.forEach((path, i) => prepared.set(SAMPLES[i].kind, { expected: expected[i], path }));
  }, 180_000);

  it.each(SAMPLES.map((s) => [s.kind, s] as [string, Sample]))("%s", async (kind) => {
    const { expected, path } = prepared.get(kind)!;
    const json = await checkJson(path);
    expect(json.files[0].error).toBeNull();
    const forms = json.files[0].forms;
    expect(forms.map((f) => found(f.findings))).toEqual(expected);
  });
});

describe("inserted into the workbook and typed into: the live read gives exactly the planted findings", () => {
  it.each(SAMPLES.map((s) => [s.kind, s] as [string, Sample]))("%s", async (_kind, sample) => {
    const r = rig();
    try {
      const plan = buildPlan(sample.kind, OPTIONS);
      const { cells, rowOf } = typing(plan, sample);
      const out = await insertPlan(plan, "new-sheet");
      const origin = out.address.split(":")[0];
      expect(origin).toBe("A1"); // a new sheet: the plan's addresses are the sheet's
      for (const [addr, v] of cells) await r.fake.userEdit(out.sheet, addr, v);
      const state = await r.host.refresh();
      expect(state.evaluations.map((e) => found(e.findings))).toEqual(planned(plan, sample, rowOf));
    } finally {
      r.undo();
    }
  });
});
