// The Host methods the pane's from-targets step and 检查本表 use (issue #14 items 1 and 2, pane side), as src/excel
// implements them, over the fake workbook holding seed 004's targets table (four projects on one sheet):
// readTargets finds the tables of the visible sheets only, within bounds; insert with a fill Form makes the form on
// a sheet named after the project with "ℹ 按默认分值分配，请核对" in 助手提示, kept by the live loop beside its own
// notes until the officer deletes it; check() adds target-changed findings against the table in the workbook, and the ribbon's
// 检查本表 counts them; the ribbon's 插入 uses the remembered options.
import { draftsFromTargets, DEFAULT_WEIGHT_NOTE, type Draft } from "../../src/domain/from-targets";
import type { Form } from "../../src/domain/model";
import { checkActiveSheet, insertFromRibbon, setActionsHost } from "../../src/excel/actions";
import { SETTING_KEY } from "../../src/excel/insert-options";
import { KEPT_NOTES, NOTES_HEADER } from "../../src/excel/workbook-parts";
import { SHEET_CELLS_MAX } from "../../src/excel/host-targets";
import type { SheetState } from "../../src/sheet/host-contract";
import { readXlsxFile } from "../../src/xlsx/read";
import { fixture } from "../cli/helpers";
import { loadGrid, rig, type Rig } from "../excel/helpers";
import { SEED004 } from "../fixtures/seed-data";

let t: Rig;
beforeEach(async () => {
  t = rig(["封面"]);
  const [grid] = await readXlsxFile(fixture("seed004-targets"));
  loadGrid(t.fake, grid, "目标表");
});
afterEach(async () => {
  setActionsHost(null);
  await t.host.dispose();
  t.undo();
});

/** Cells of a sheet as text, by address. */
const cells = (sheet: string): Record<string, string> =>
  Object.fromEntries(Object.entries(t.fake.snapshot(sheet).cells).map(([a, c]) => [a, String(c.value ?? "")]));

/** The 助手提示 cells under the header, by row. */
function notes(sheet: string): Map<number, string> {
  const all = cells(sheet);
  const header = Object.entries(all).find(([, v]) => v === NOTES_HEADER)?.[0];
  if (!header) throw new Error(`no ${NOTES_HEADER} column on ${sheet}`);
  const col = header.replace(/\d+$/, "");
  const top = Number(header.slice(col.length));
  const out = new Map<number, string>();
  for (const [a, v] of Object.entries(all)) {
    const m = /^([A-Z]+)(\d+)$/.exec(a);
    if (m && m[1] === col && Number(m[2]) > top && v) out.set(Number(m[2]), v);
  }
  return out;
}

const targetChanged = (s: SheetState) => s.evaluations.flatMap((e) => e.findings).filter((f) => f.code === "target-changed");

async function insertDraft(d: Draft): Promise<string> {
  const r = await t.host.insert(d.kind, d.options, "new-sheet", { form: d.fill, notes: d.notes });
  await t.host.idle();
  await t.fake.settle();
  return r.sheet;
}

describe("readTargets", () => {
  test("finds the four projects of seed 004 on the visible sheet, read as the CLI reads them", async () => {
    const { tables, skipped } = await t.host.readTargets();
    expect(tables.map((f) => [f.kind, f.sheet, f.name, f.code])).toEqual(SEED004.map((s) => ["targets", "目标表", s.name, s.code]));
    expect(tables.map((f) => f.indicators.length)).toEqual([9, 9, 9, 9]);
    expect(skipped).toEqual([]);
  });

  test("a hidden sheet is not offered, and a sheet too large to read is named instead of read", async () => {
    const [grid] = await readXlsxFile(fixture("seed004-targets"));
    loadGrid(t.fake, grid, "隐藏的目标表");
    t.fake.book.sheet("隐藏的目标表").visibility = "Hidden";
    const rows = Math.ceil(SHEET_CELLS_MAX / 10) + 10;
    t.fake.addSheet("数据");
    t.fake.setCells("数据", "A1", [["x", null, null, null, null, null, null, null, null, "y"]]);
    t.fake.setCells("数据", `A${rows}`, [["z"]]);
    const { tables, skipped } = await t.host.readTargets();
    expect(new Set(tables.map((f) => f.sheet))).toEqual(new Set(["目标表"]));
    expect(skipped).toEqual([`工作表“数据”过大（${rows * 10} 个单元格），没有在其中查找绩效目标表。`]);
  });
});

describe("insert with a fill Form", () => {
  test("the project form is filled from the table, on a sheet named after it, with the default-weight notes", async () => {
    const { tables } = await t.host.readTargets();
    const [draft] = draftsFromTargets([tables[0]]);
    expect(draft.notes).toHaveLength(9); // seed 004 has no weights: every one given by default
    const sheet = await insertDraft(draft);
    expect(sheet).toBe(SEED004[0].name);
    const state = await t.host.refresh();
    const form = state.evaluations[0].form;
    expect(form.name).toBe(SEED004[0].name);
    expect(form.indicators.map((i) => [i.name, i.target])).toEqual((draft.fill as Form).indicators.map((i) => [i.name, i.target]));
    expect(form.indicators.map((i) => i.weight)).toEqual((draft.fill as Form).indicators.map((i) => i.weight));
    // One note per indicator row, marked ℹ, kept by the live recompute that followed the insert: alone where it
    // has nothing to say, after its own note where it has (a target it questions).
    const own = new Set(state.evaluations[0].findings.filter((f) => f.severity !== "info" && f.indicatorId).map((f) => f.indicatorId));
    const written = notes(sheet);
    expect([...written.keys()].sort((a, b) => a - b)).toEqual(form.indicators.map((i) => i.cells.row));
    const alone = form.indicators.filter((i) => !own.has(i.id));
    expect(alone.length).toBeGreaterThan(4);
    for (const i of alone) expect(written.get(i.cells.row!)).toBe(`ℹ ${DEFAULT_WEIGHT_NOTE}`);
    for (const i of form.indicators.filter((x) => own.has(x.id)))
      expect(written.get(i.cells.row!)).toMatch(new RegExp(`^[ℹ⚠] .+；${DEFAULT_WEIGHT_NOTE}$`));
    expect(KEPT_NOTES).toContain(DEFAULT_WEIGHT_NOTE);
  });

  test("the note stays beside what the live loop says as the officer types, until she deletes it", async () => {
    const { tables } = await t.host.readTargets();
    const sheet = await insertDraft(draftsFromTargets([tables[0]])[0]);
    const state = await t.host.refresh();
    const ind = state.evaluations[0].form.indicators.find(
      (i) => /^≥\d+%$/.test(i.target) && notes(sheet).get(i.cells.row!) === `ℹ ${DEFAULT_WEIGHT_NOTE}`,
    )!;
    expect(ind).toBeDefined();
    const off = t.host.subscribe(() => undefined); // the pane listens: the live loop runs
    await t.fake.userEdit(sheet, ind.cells.actual!, "10%");
    await t.fire();
    expect(notes(sheet).get(ind.cells.row!)).toMatch(new RegExp(`^⚠ 指标“${ind.name}”未达到目标.*；${DEFAULT_WEIGHT_NOTE}$`));
    // Every other row now lacks its actual: said there, with the weights note still beside it.
    for (const [row, v] of notes(sheet)) if (row !== ind.cells.row) expect(v).toContain(DEFAULT_WEIGHT_NOTE);
    // The officer has checked the weights of that row and deletes the note: only the live loop's own comes back.
    const notesCol = Object.entries(cells(sheet)).find(([, v]) => v === NOTES_HEADER)![0].replace(/\d+$/, "");
    await t.fake.userEdit(sheet, `${notesCol}${ind.cells.row}`, "");
    await t.fire();
    expect(notes(sheet).get(ind.cells.row!)).toMatch(/^⚠ /);
    expect(notes(sheet).get(ind.cells.row!)).not.toContain(DEFAULT_WEIGHT_NOTE);
    off();
  });

  test("multi-project: one form with a row per project, on one sheet", async () => {
    const { tables } = await t.host.readTargets();
    const [draft] = draftsFromTargets(tables, { kind: "multi-project" });
    const sheet = await insertDraft(draft);
    const state = await t.host.refresh();
    expect(state.sheet).toBe(sheet);
    expect(state.evaluations.map((e) => [e.form.kind, e.form.name])).toEqual(SEED004.map((s) => ["multi-project", s.name]));
  });
});

describe("check(): the targets table in the workbook", () => {
  test("a lowered target and a dropped indicator are target-changed errors, with both values; refresh alone does not look", async () => {
    const { tables } = await t.host.readTargets();
    const sheet = await insertDraft(draftsFromTargets([tables[0]])[0]);
    let state = await t.host.check();
    expect(targetChanged(state)).toEqual([]);
    // The form remembers the table it was made from (Form.source, kept in its JX_META row): paired by it.
    expect(state.targets?.compared).toEqual([{ form: SEED004[0].name, table: SEED004[0].name, sheet: "目标表", by: "source" }]);

    const inds = state.evaluations[0].form.indicators;
    const numeric = inds.find((i) => /^\D*\d/.test(i.target))!;
    const lowered = numeric.target.replace(/\d+(\.\d+)?/, (n) => String(Number(n) / 2));
    await t.fake.userEdit(sheet, numeric.cells.target!, lowered);
    await t.fire();
    state = await t.host.check();
    const found = targetChanged(state);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: "error", cell: numeric.cells.target });
    expect(found[0].message).toContain(numeric.target);
    expect(found[0].message).toContain(lowered);
    expect(state.evaluations[0].ready).toBe(false);

    // The live recomputes that follow keep the comparison (the officer types elsewhere).
    const seen: SheetState[] = [];
    const off = t.host.subscribe((s) => seen.push(s));
    await t.fake.userEdit(sheet, inds[0].cells.actual!, "1");
    await t.fire();
    off();
    expect(targetChanged(seen[seen.length - 1])).toHaveLength(1);
  });

  test("the ribbon's 检查本表 counts target-changed errors too", async () => {
    setActionsHost(t.host);
    const { tables } = await t.host.readTargets();
    const sheet = await insertDraft(draftsFromTargets([tables[1]])[0]);
    const state = await t.host.refresh();
    const ind = state.evaluations[0].form.indicators[0];
    await t.fake.userEdit(sheet, ind.cells.name!, "一项没有批复的指标");
    await t.fire();
    const others = (await t.host.refresh()).evaluations[0].findings.filter((f) => f.severity === "error" && f.code !== "target-changed");
    const r = await checkActiveSheet();
    expect(r.errors).toBe(others.length + 2); // the renamed one: an approved indicator dropped, an unapproved one added
  });

  test("two tables of the project's name, a form that does not remember its table: not compared, and said so", async () => {
    const [grid] = await readXlsxFile(fixture("seed004-targets"));
    loadGrid(t.fake, grid, "目标表（副本）");
    const { tables } = await t.host.readTargets();
    const draft = draftsFromTargets([tables[0]])[0];
    const sheet = await insertDraft({ ...draft, fill: { ...(draft.fill as Form), source: undefined } });
    await t.fake.userEdit(sheet, (await t.host.refresh()).evaluations[0].form.indicators[0].cells.target!, "1");
    await t.fire();
    const state = await t.host.check();
    expect(targetChanged(state)).toEqual([]);
    expect(state.targets?.compared).toEqual([]);
    expect(state.targets?.notes).toEqual([
      `本工作簿中有 2 张绩效目标表的项目名称都是“${SEED004[0].name}”（工作表“目标表”、工作表“目标表（副本）”），无法确定对应哪一张，未比对指标值。`,
    ]);
  });

  test("two tables of the project's name, a form that remembers its table: compared with that one", async () => {
    const [grid] = await readXlsxFile(fixture("seed004-targets"));
    loadGrid(t.fake, grid, "目标表（副本）");
    const { tables } = await t.host.readTargets();
    await insertDraft(draftsFromTargets([tables[0]])[0]);
    const state = await t.host.check();
    expect(state.targets?.compared).toEqual([{ form: SEED004[0].name, table: SEED004[0].name, sheet: "目标表", by: "source" }]);
    expect(state.targets?.notes ?? []).toEqual([]);
  });
});

describe("the ribbon's 插入", () => {
  test("uses the options the pane remembered in the workbook", async () => {
    setActionsHost(t.host);
    await t.host.writeSetting(SETTING_KEY, JSON.stringify({ year: 2019, unit: "某区财政局", rows: 3, taxonomy: 2020, where: "selection" }));
    const r = await insertFromRibbon("project");
    await t.host.idle();
    const state = await t.host.refresh();
    expect(state.sheet).toBe(r.sheet);
    expect(r.sheet).not.toBe("封面"); // always a new sheet, whatever 插入位置 was
    const form = state.evaluations[0].form;
    expect(form.year).toBe(2019);
    expect(form.fields?.implementer?.value ?? form.unit).toBe("某区财政局");
  });

  test("without anything remembered: last year", async () => {
    setActionsHost(t.host);
    await insertFromRibbon("project");
    await t.host.idle();
    expect((await t.host.refresh()).evaluations[0].form.year).toBe(new Date().getFullYear() - 1);
  });
});
