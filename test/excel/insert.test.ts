// Insert: two syncs whatever the form's size, names/meta/lists/validations/flags in the file, refusal over content.
import { buildPlan } from "../../src/sheet/render";
import { insertPlan } from "../../src/excel/insert";
import { META_SHEET, LISTS_SHEET } from "../../src/sheet/meta";
import { rig } from "./helpers";
import { projectForm } from "./forms";

describe("insert", () => {
  test("sync count is the same for 10 and 200 indicators, and at most 3", async () => {
    const counts: number[] = [];
    for (const n of [10, 200]) {
      const { fake, host, undo } = rig();
      fake.resetSyncCount();
      await insertPlan(buildPlan("project", {}, projectForm(n)), "new-sheet");
      counts.push(fake.syncCount);
      const state = await host.refresh();
      expect(state.evaluations[0].indicators).toHaveLength(n); // the form really has n rows
      undo();
    }
    expect(counts[0]).toBe(counts[1]);
    expect(counts[0]).toBeLessThanOrEqual(3);
  });

  test("writes names with a unique prefix, hidden meta and list sheets, validations and flags, quietly", async () => {
    const { fake, host, undo } = rig();
    const a = await host.insert("project", { project: "甲" }, "new-sheet");
    const b = await host.insert("project", { project: "乙" }, "new-sheet");
    await host.idle();
    expect(a.sheet).not.toBe(b.sheet);
    const all = fake.snapshotAll();
    const names = Object.keys(all.names);
    expect(names.some((n) => n.startsWith("JX1_"))).toBe(true);
    expect(names.some((n) => n.startsWith("JX2_"))).toBe(true);
    expect(all.names.JX1_NAME).toContain(a.sheet);
    expect(all.names.JX2_NAME).toContain(b.sheet);
    const meta = fake.snapshot(META_SHEET);
    expect(meta.visibility).toBe("VeryHidden");
    expect(fake.snapshot(LISTS_SHEET).visibility).toBe("VeryHidden");
    expect(meta.cells.A1.value).toBe(a.sheet);
    expect(JSON.parse(meta.cells.B2.value as string)).toMatchObject({ prefix: "JX2_", template: { kind: "project" } });
    const sheet = fake.snapshot(a.sheet);
    const plan = buildPlan("project", { project: "甲" });
    expect(sheet.conditionalFormats).toHaveLength(plan.conditionalFormats.length);
    expect(sheet.validations.length).toBeGreaterThan(0);
    for (const v of sheet.validations) {
      const src = String((v.rule.list as { source: string }).source).slice(1);
      expect(all.names[src]).toMatch(/^=JX_LISTS!/);
    }
    expect(sheet.merges.length).toBe(plan.merges.length);
    expect(fake.events.filter((e) => e.kind === "changed")).toHaveLength(0); // events were off while writing
    expect(fake.book.calcSuspendCount).toBeGreaterThanOrEqual(2);
    const state = await host.refresh();
    expect(state.bound).toBe(true);
    expect(state.evaluations[0].form.template?.id).toBe(plan.template.id);
    undo();
  });

  test("text that starts with = + - @ lands as text, never as a formula", async () => {
    const { fake, host, undo } = rig();
    const r = await host.insert("project", { project: "=SUM(1,2)", unit: "@单位" }, "new-sheet");
    const ref = fake.snapshotAll().names.JX1_NAME.split("!")[1].replace(/\$/g, "");
    const cell = fake.cell(r.sheet, ref);
    expect(cell?.formula).toBeUndefined();
    expect(cell?.value).toBe("=SUM(1,2)");
    undo();
  });

  test("inserting over a non-empty selection refuses and changes nothing", async () => {
    const { fake, host, undo } = rig();
    fake.setCells("Sheet1", "E9", [["已有内容"]]);
    await fake.select("Sheet1", "B3");
    const before = JSON.stringify(fake.snapshotAll());
    fake.resetSyncCount();
    const r = await host.insert("project", {}, "selection");
    expect(r.refused).toBe("not-empty");
    expect(r.message).toMatch(/已有内容/);
    expect(JSON.stringify(fake.snapshotAll())).toBe(before);
    expect(fake.syncCount).toBeLessThanOrEqual(2);
    undo();
  });

  test("at an empty selection the form is moved there and its formulas still compute", async () => {
    const { fake, host, undo } = rig();
    await fake.select("Sheet1", "C4");
    const plan = buildPlan("project", {}, projectForm(10));
    const r = await insertPlan(plan, "selection");
    expect(r.refused).toBeUndefined();
    expect(r.sheet).toBe("Sheet1");
    expect(r.address.startsWith("C4:")).toBe(true);
    const names = fake.snapshotAll().names;
    const at = (n: string) => names[n].split("!")[1].replace(/\$/g, "");
    expect(at("JX1_FUNDS_BUDGET")).not.toBe(plan.fields["funds.budget"]);
    const rate = fake.cell("Sheet1", at("JX1_FUNDS_RATE"));
    expect(rate?.formula).toBeTruthy();
    expect(rate?.value).toBeCloseTo(110 / 120, 6);
    const state = await host.refresh();
    expect(state.evaluations[0].indicators).toHaveLength(10);
    expect(state.evaluations[0].funds?.rate).toBeCloseTo(110 / 120, 6);
    undo();
  });
});

/** A project form inserted on a new sheet, its first indicator row typed as an officer would (name, target, actual,
 *  weight 10) and recomputed: the sheet, that row and a field's column letter. */
async function firstRowTyped(r: ReturnType<typeof rig>, [name, target, actual]: [string, string, string]) {
  const plan = buildPlan("project", { year: 2024 });
  const out = await insertPlan(plan, "new-sheet");
  const row = Number(/\d+/.exec(plan.fields["ind.name"])![0]);
  const col = (k: string) => plan.fields[k].replace(/\d+.*$/, "");
  for (const [key, value] of [["ind.name", name], ["ind.target", target], ["ind.actual", actual], ["ind.weight", 10]] as const)
    await r.fake.userEdit(out.sheet, `${col(key)}${row}`, value);
  await r.host.refresh();
  await r.fake.settle();
  return { out, row, col };
}

describe("a qualitative row after insert", () => {
  test("its 得分 stays blank, the note asks for her score with the band; her number stands and counts", async () => {
    const r = rig();
    try {
      const { out, row, col } = await firstRowTyped(r, ["长效机制", "建立长效机制", "部分达成：制度已建立"]);
      const notesRef = Object.entries(r.fake.snapshotAll().names).find(([n]) => /^JX\d+_NOTES$/.test(n))![1];
      const notes = notesRef.replace(/^.*!/, "").replace(/\$/g, "").replace(/\d.*$/, "");
      const score = `${col("ind.score")}${row}`;
      expect(r.fake.cell(out.sheet, score)?.value ?? "").toBe("");
      // 部分达成 needs a reason too: both in one note, the reason first
      expect(r.fake.cell(out.sheet, `${notes}${row}`)?.value).toMatch(/^⚠ .*原因.*；请填写得分：部分达成 6–7\.99$/);
      await r.fake.userEdit(out.sheet, `${col("ind.reason")}${row}`, "经费未出台，明年落实");
      await r.host.refresh();
      await r.fake.settle();
      expect(r.fake.cell(out.sheet, `${notes}${row}`)?.value).toBe("ℹ 请填写得分：部分达成 6–7.99");
      await r.fake.userEdit(out.sheet, score, 7);
      const state = await r.host.refresh();
      await r.fake.settle();
      expect(r.fake.cell(out.sheet, score)).toMatchObject({ value: 7 });
      expect(r.fake.cell(out.sheet, score)?.formula).toBeUndefined();
      expect(r.fake.cell(out.sheet, `${notes}${row}`)?.value ?? "").not.toContain("请填写得分");
      const ir = state.evaluations[0].indicators.find((i) => i.indicator.name === "长效机制")!;
      expect(ir.score).toBe(7);
    } finally {
      r.undo();
    }
  });
});

describe("a long reason typed after insert", () => {
  test("the row grows to show it (the add-in sets the height: autofit ignores merged cells); never shrinks", async () => {
    const r = rig();
    try {
      const { out, row, col } = await firstRowTyped(r, ["培训人次", "≥1000人次", "600人次"]);
      const height = () => r.fake.book.sheet(out.sheet).rowHeights.get(row - 1) ?? 15;
      const before = height();
      const long = "受疫情影响，部分培训班次推迟至下半年举办，参训人数未达到年度目标；下一年度将提前安排培训计划并加强宣传动员。".repeat(2);
      await r.fake.userEdit(out.sheet, `${col("ind.reason")}${row}`, long);
      await r.host.refresh();
      await r.fake.settle();
      const grown = height();
      expect(grown).toBeGreaterThan(before + 20);
      // shorter again: the row keeps its height (she may have set it herself)
      await r.fake.userEdit(out.sheet, `${col("ind.reason")}${row}`, "培训推迟。");
      await r.host.refresh();
      await r.fake.settle();
      expect(height()).toBe(grown);
    } finally {
      r.undo();
    }
  });
});

describe("insert failure", () => {
  test("a write that fails half-way leaves no new sheet and no names behind", async () => {
    const { fake, undo } = rig();
    const plan = buildPlan("project", {});
    plan.names.push({ name: "BAD NAME", ref: "A1" }); // Excel rejects a name with a space: the batch fails
    const before = fake.snapshotAll();
    await expect(insertPlan(plan, "new-sheet")).rejects.toMatchObject({ code: "InvalidArgument" });
    const after = fake.snapshotAll();
    expect(after.sheets.filter((s) => s.visibility === "Visible").map((s) => s.name)).toEqual(before.sheets.map((s) => s.name));
    expect(Object.keys(after.names).filter((n) => n.startsWith("JX1_"))).toEqual([]);
    expect(fake.book.enableEvents).toBe(true);
    undo();
  });
});
