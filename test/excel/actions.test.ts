// Ribbon actions: 插入 (new sheet) and 检查本表 (counts, first problem selected).
import { buildPlan } from "../../src/sheet/render";
import { insertPlan } from "../../src/excel/insert";
import { checkActiveSheet, insertFromRibbon, setActionsHost } from "../../src/excel/actions";
import { rig } from "./helpers";
import { projectForm } from "./forms";

afterEach(() => setActionsHost(null));

test("insertFromRibbon puts the template on a new sheet and leaves the others alone", async () => {
  const { fake, host, undo } = rig();
  setActionsHost(host);
  fake.setCells("Sheet1", "A1", [["用户的表"]]);
  const r = await insertFromRibbon("department");
  await host.idle();
  expect(r.sheet).not.toBe("Sheet1");
  expect(fake.snapshotAll().active).toBe(r.sheet);
  expect(Object.keys(fake.snapshot("Sheet1").cells)).toEqual(["A1"]);
  undo();
});

test("checkActiveSheet counts findings and selects the first problem's cell", async () => {
  const { fake, host, undo } = rig();
  setActionsHost(host);
  const out = await insertPlan(buildPlan("project", {}, projectForm(12)), "new-sheet");
  const state = await host.refresh();
  const all = state.evaluations.flatMap((e) => e.findings);
  const r = await checkActiveSheet();
  expect(r.errors).toBe(all.filter((f) => f.severity === "error").length);
  expect(r.warnings).toBe(all.filter((f) => f.severity === "warning").length);
  expect(r.errors + r.warnings).toBeGreaterThan(0);
  expect(r.first?.sheet).toBe(out.sheet);
  expect(fake.snapshotAll().selection).toBe(r.first?.cell);
  undo();
});

test("checkActiveSheet on a sheet with no form says so instead of reporting it clean", async () => {
  const { fake, host, undo } = rig();
  setActionsHost(host);
  fake.setCells("Sheet1", "A1", [["一张普通的表"], ["没有指标"]]);
  const r = await checkActiveSheet();
  expect(r.errors + r.warnings).toBe(0);
  expect(r.problem).toMatch(/未找到绩效自评表/);
  undo();
});
