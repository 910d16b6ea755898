// The 主管部门 option (TemplateOptions.department, `jixiao new --department`) and the targets table a form was made
// from (Form.source, kept in the form's JX_META row): written by the .xlsx writer and by the add-in's insert, read
// back by the reader. Cells are found by their labels, never by address.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runNew } from "../../src/cli/new";
import type { Form } from "../../src/domain/model";
import { parseA1 } from "../../src/sheet/address";
import type { CellValue, Grid } from "../../src/sheet/grid";
import { META_SHEET } from "../../src/sheet/meta";
import { buildPlan } from "../../src/sheet/render";
import { readForms } from "../../src/sheet/read";
import { readXlsxBuffer, readXlsxFile } from "../../src/xlsx/read";
import { writeXlsxBuffer } from "../../src/xlsx/write";
import { rig } from "../excel/helpers";
import { projectForm } from "../excel/forms";

const UNIT = "某县卫生健康服务中心";
const DEPARTMENT = "某县卫生健康局";

type Cell = { row: number; col: number; value: CellValue };

/** The first non-blank cell right of the cell whose text is `label` (the label's merge leaves blanks between). */
function rightOfLabel(cells: Cell[], label: string): CellValue {
  const at = cells.find((c) => typeof c.value === "string" && c.value.replace(/\s/g, "") === label);
  if (!at) throw new Error(`no label ${label}`);
  const right = cells.filter((c) => c.row === at.row && c.col > at.col && c.value !== null && c.value !== "").sort((a, b) => a.col - b.col);
  return right[0]?.value ?? null;
}

/** The cells of a fake sheet's snapshot as grid cells. */
function fakeCells(snapshot: { cells: Record<string, { value: unknown }> }): Cell[] {
  return Object.entries(snapshot.cells).map(([addr, cell]) => {
    const ref = parseA1(addr)!;
    return { row: ref.row, col: ref.col, value: cell.value as CellValue };
  });
}

const formSheet = (grids: Grid[]): Grid => grids.find((g) => !g.hidden)!;

describe("the 主管部门 option", () => {
  test("jixiao new project --unit --department: 主管部门 and 实施单位 each in its cell, read back into Form.fields", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "jx-dept-")), "project.xlsx");
    const said: string[] = [];
    const io = { out: (l: string) => said.push(l), err: (l: string) => said.push(l) };
    expect(await runNew(["project", "-o", file, "--unit", UNIT, "--department", DEPARTMENT, "--year", "2024"], io)).toBe(0);
    const grid = formSheet(await readXlsxFile(file));
    expect(rightOfLabel(grid.cells, "主管部门")).toBe(DEPARTMENT);
    expect(rightOfLabel(grid.cells, "实施单位")).toBe(UNIT);
    const [form] = readForms(grid);
    expect(form.fields?.supervisor?.value).toBe(DEPARTMENT);
    expect(form.fields?.implementer?.value).toBe(UNIT);
  });

  test("without --department the 主管部门 cell gets the unit, as before", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "jx-dept-")), "project.xlsx");
    expect(await runNew(["project", "-o", file, "--unit", UNIT], { out: () => undefined, err: () => undefined })).toBe(0);
    const grid = formSheet(await readXlsxFile(file));
    expect(rightOfLabel(grid.cells, "主管部门")).toBe(UNIT);
    expect(rightOfLabel(grid.cells, "实施单位")).toBe(UNIT);
  });

  test("--department with nothing after it is refused in Chinese, exit 2", async () => {
    const err: string[] = [];
    expect(await runNew(["project", "-o", "x.xlsx", "--department", ""], { out: () => undefined, err: (l) => err.push(l) })).toBe(2);
    expect(err[0]).toContain("--department 后面要写主管部门名称");
  });

  test("--help explains --department in Chinese", async () => {
    const out: string[] = [];
    expect(await runNew(["--help"], { out: (l) => out.push(l), err: () => undefined })).toBe(0);
    expect(out.join("\n")).toMatch(/--department\s+主管部门/);
  });

  test("the add-in's insert: 主管部门 and 实施单位 in the fake workbook, read back by the pane's host", async () => {
    const { fake, host, undo } = rig();
    try {
      const made = await host.insert("project", { unit: UNIT, department: DEPARTMENT, project: "乡村医生培训" }, "new-sheet");
      const cells = fakeCells(fake.snapshot(made.sheet));
      expect(rightOfLabel(cells, "主管部门")).toBe(DEPARTMENT);
      expect(rightOfLabel(cells, "实施单位")).toBe(UNIT);
      const state = await host.refresh();
      const form = state.evaluations[0].form;
      expect(form.fields?.supervisor?.value).toBe(DEPARTMENT);
      expect(form.fields?.implementer?.value).toBe(UNIT);
      expect(JSON.parse(fake.snapshot(META_SHEET).cells.B1.value as string).options).toMatchObject({ unit: UNIT, department: DEPARTMENT });
    } finally {
      undo();
    }
  });

  test("a multi-project form: the title and 部门名称（盖章） say the department; each row's 部门名称 is its form's 主管部门", async () => {
    const forms: Form[] = ["甲", "乙"].map((n, i) => ({
      ...projectForm(3),
      name: `项目${n}`,
      fields: { name: { value: `项目${n}` }, supervisor: { value: `主管部门${i + 1}` } },
    }));
    const plan = buildPlan("multi-project", { year: 2024, unit: UNIT, department: DEPARTMENT }, forms);
    const grid = formSheet(await readXlsxBuffer(await writeXlsxBuffer([plan])));
    expect(grid.cells.some((c) => c.value === `2024年度${DEPARTMENT}部门预算项目绩效自评表`)).toBe(true);
    expect(rightOfLabel(grid.cells, "部门名称（盖章）：")).toBe(DEPARTMENT);
    const header = grid.cells.find((c) => c.value === "部门名称")!;
    const under = (name: string) => {
      const row = grid.cells.find((c) => c.value === name && c.row > header.row)!.row;
      return grid.cells.find((c) => c.row === row && c.col === header.col)?.value;
    };
    expect([under("项目甲"), under("项目乙")]).toEqual(["主管部门1", "主管部门2"]);
    const read = readForms(grid);
    expect(read.map((f) => [f.name, f.unit])).toEqual([
      ["项目甲", "主管部门1"],
      ["项目乙", "主管部门2"],
    ]);
  });
});

describe("Form.source in the form's JX_META row", () => {
  const made = (): Form => ({
    ...projectForm(4),
    source: { file: "2024年绩效目标表.xlsx", sheet: "目标表（乡村医生）", code: "5301-2024-017", name: "乡村医生培训" },
  });

  test("through the .xlsx writer and reader", async () => {
    const form = made();
    const grids = await readXlsxBuffer(await writeXlsxBuffer([buildPlan("project", { year: 2024 }, form)]));
    const [read] = readForms(formSheet(grids));
    expect(read.source).toEqual(form.source);
  });

  test("through the add-in's insert into the fake workbook and the pane's read", async () => {
    const form = made();
    const { host, undo } = rig();
    try {
      await host.insert("project", { year: 2024 }, "new-sheet", { form, notes: [] });
      const state = await host.refresh();
      expect(state.evaluations[0].form.source).toEqual(form.source);
    } finally {
      undo();
    }
  });

  test("a form made blank has no source; a stored source that is not text is left out", async () => {
    const grids = await readXlsxBuffer(await writeXlsxBuffer([buildPlan("project", { year: 2024 })]));
    expect(readForms(formSheet(grids))[0].source).toBeUndefined();
    const grid = formSheet(grids);
    const meta = JSON.parse(JSON.stringify(grid.meta)) as Record<string, unknown>;
    const rows = JSON.stringify(meta).replace(/"prefix":"JX1_"/, `"source":{"file":12,"sheet":{"x":1},"name":"  "},"prefix":"JX1_"`);
    expect(readForms({ ...grid, meta: JSON.parse(rows) as Record<string, unknown> })[0].source).toBeUndefined();
  });
});
