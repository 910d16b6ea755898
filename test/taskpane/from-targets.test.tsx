/** @jest-environment jsdom */
// 插入 → 从绩效目标表生成 (issue #14 item 1, pane side): the targets tables the host finds on the workbook's visible
// sheets, a choice of kind (project by default; department; multi-project), the forms inserted filled from them with
// their notes for 助手提示, and what the officer must check shown in the pane. The ribbon opens the pane at this step
// (taskpane.html?start=from-targets). Also 检查本表 with the comparison against the workbook's targets table.
import "./setup";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { DEFAULT_WEIGHT_NOTE, draftsFromTargets } from "../../src/domain/from-targets";
import type { Form } from "../../src/domain/model";
import type { InsertFill } from "../../src/sheet/host-contract";
import { App } from "../../src/taskpane/App";
import { startAt } from "../../src/taskpane/bootstrap";
import { SEED004 } from "../fixtures/seed-data";
import { evaluation, FakeHost, finding, sheetState } from "./fake-host";
import { renderIn } from "./render";

function hostWithTables(tables: Form[] = SEED004, skipped: string[] = []) {
  const host = new FakeHost(sheetState([]));
  host.targets = { tables, skipped };
  return host;
}

/** The inserts the step made: kind, options, where and the fill. */
const inserts = (host: FakeHost) =>
  host.called("insert").map((c) => ({ kind: c.args[0], options: c.args[1], where: c.args[2], fill: c.args[3] as InsertFill }));

async function openStep() {
  await userEvent.click(screen.getByRole("tab", { name: "插入" }));
  await userEvent.click(await screen.findByRole("button", { name: "选择绩效目标表" }));
  return screen.findByTestId("targets-list");
}

test("the ribbon's 插入 → 从绩效目标表生成 opens the pane at this step", async () => {
  expect(startAt("?start=from-targets")).toBe("from-targets");
  expect(startAt("")).toBe("overview");
  expect(startAt("?start=%3Cscript%3E")).toBe("overview");
  const host = hostWithTables();
  renderIn(<App host={host} defaultYear={2025} start="from-targets" />);
  expect(screen.getByRole("tab", { name: "插入" })).toHaveAttribute("aria-selected", "true");
  const list = await screen.findByTestId("targets-list");
  expect(within(list).getAllByRole("checkbox")).toHaveLength(4);
  expect(host.called("readTargets")).toHaveLength(1);
});

test("every table is offered with its sheet and indicators; the first is chosen, project is the default kind", async () => {
  const host = hostWithTables();
  renderIn(<App host={host} defaultYear={2025} />);
  const list = await openStep();
  const boxes = within(list).getAllByRole("checkbox");
  expect(boxes.map((b) => (b as HTMLInputElement).checked)).toEqual([true, false, false, false]);
  expect(list).toHaveTextContent(`${SEED004[0].name}（工作表“${SEED004[0].sheet}”，9 项指标）`);
  expect(list).toHaveTextContent(`项目编码 ${SEED004[0].code}`);
  expect(screen.getByRole("radio", { name: "项目支出绩效自评表" })).toBeChecked();
  expect(screen.getAllByRole("radio").map((r) => r.getAttribute("value"))).toEqual(["project", "department", "multi-project"]);
});

test("生成自评表: one project form per chosen table, filled as draftsFromTargets drafts it, each on a sheet of its own", async () => {
  const host = hostWithTables();
  renderIn(<App host={host} defaultYear={2025} />);
  const list = await openStep();
  await userEvent.click(within(list).getAllByRole("checkbox")[2]);
  await userEvent.click(screen.getByRole("button", { name: "生成自评表" }));
  const made = await screen.findByTestId("targets-made");
  const expected = draftsFromTargets([SEED004[0], SEED004[2]]);
  expect(inserts(host)).toEqual(
    expected.map((d) => ({ kind: "project", options: d.options, where: "new-sheet", fill: { form: d.fill, notes: d.notes } })),
  );
  expect(expected.every((d) => d.notes.length === 9 && d.notes.every((n) => n.note === DEFAULT_WEIGHT_NOTE))).toBe(true);
  // What to check, in the pane: the default weights of each form, and what is left blank.
  expect(made).toHaveTextContent(`已生成 2 张项目支出绩效自评表：“${SEED004[0].name}”、“${SEED004[2].name}”。`);
  const check = within(made).getByTestId("targets-check");
  expect(check).toHaveTextContent(`“${SEED004[0].name}”：9 项指标的分值按默认分值分配`);
  expect(check).toHaveTextContent(`“${SEED004[2].name}”：9 项指标的分值按默认分值分配`);
  expect(check).toHaveTextContent("请核对");
  expect(check).toHaveTextContent("全年预算数、全年执行数和实际完成值留空，请填写。");
  expect(screen.getByTestId("status")).toHaveTextContent(`已插入到“${SEED004[2].name}”`);
  // The pane refreshed onto the new sheet.
  expect(host.called("refresh").length).toBeGreaterThanOrEqual(2);
});

test("multi-project: one insert with a row per chosen table, and what the summary form cannot carry is said", async () => {
  const host = hostWithTables();
  renderIn(<App host={host} defaultYear={2025} />);
  const list = await openStep();
  for (const box of within(list).getAllByRole("checkbox").slice(1)) await userEvent.click(box);
  await userEvent.click(screen.getByRole("radio", { name: "部门预算项目绩效自评表（多项目汇总）" }));
  expect(screen.getByText("多项目汇总表：所选的每个项目一行。")).toBeInTheDocument();
  await userEvent.click(screen.getByRole("button", { name: "生成自评表" }));
  const made = await screen.findByTestId("targets-made");
  const [draft] = draftsFromTargets(SEED004, { kind: "multi-project" });
  expect(inserts(host)).toEqual([{ kind: "multi-project", options: draft.options, where: "new-sheet", fill: { form: draft.fill, notes: [] } }]);
  expect(draft.warnings.length).toBeGreaterThan(0);
  for (const w of draft.warnings) expect(made).toHaveTextContent(w);
});

test("department: the kind is passed on", async () => {
  const host = hostWithTables([SEED004[1]]);
  renderIn(<App host={host} defaultYear={2025} />);
  await openStep();
  await userEvent.click(screen.getByRole("radio", { name: "部门整体支出绩效自评表" }));
  await userEvent.click(screen.getByRole("button", { name: "生成自评表" }));
  await screen.findByTestId("targets-made");
  expect(inserts(host).map((i) => [i.kind, (i.fill.form as Form).kind])).toEqual([["department", "department"]]);
});

test("nothing chosen: asked to choose, nothing inserted", async () => {
  const host = hostWithTables();
  renderIn(<App host={host} defaultYear={2025} />);
  const list = await openStep();
  await userEvent.click(within(list).getAllByRole("checkbox")[0]);
  await userEvent.click(screen.getByRole("button", { name: "生成自评表" }));
  expect(await screen.findByRole("alert")).toHaveTextContent("请至少选择一张绩效目标表。");
  expect(host.called("insert")).toHaveLength(0);
});

test("no targets table in the workbook: said how to get one; 重新查找 looks again; sheets too large are named", async () => {
  const host = hostWithTables([], ["工作表“数据”过大（900000 个单元格），没有在其中查找绩效目标表。"]);
  renderIn(<App host={host} defaultYear={2025} start="from-targets" />);
  expect(await screen.findByTestId("targets-none")).toHaveTextContent("本工作簿的可见工作表中没有找到绩效目标表。");
  expect(screen.getByText("工作表“数据”过大（900000 个单元格），没有在其中查找绩效目标表。")).toBeInTheDocument();
  host.targets = { tables: [SEED004[3]], skipped: [] };
  await userEvent.click(screen.getByRole("button", { name: "重新查找" }));
  expect(await screen.findByTestId("targets-list")).toHaveTextContent(SEED004[3].name);
  expect(host.called("readTargets")).toHaveLength(2);
});

test("a failed read or insert is shown as an error, and nothing claims success", async () => {
  const host = hostWithTables();
  host.failInsert = "工作簿受保护，无法添加工作表。";
  renderIn(<App host={host} defaultYear={2025} start="from-targets" />);
  await screen.findByTestId("targets-list");
  await userEvent.click(screen.getByRole("button", { name: "生成自评表" }));
  expect(await screen.findByTestId("error")).toHaveTextContent("工作簿受保护，无法添加工作表。");
  expect(screen.queryByTestId("targets-made")).toBeNull();
});

test("the workbook cannot be read: the error is shown, and the step offers to look again", async () => {
  const host = hostWithTables();
  host.failTargets = "读取绩效目标表所需的程序没有加载成功，可能是网络中断了；网络恢复后再试一次。";
  renderIn(<App host={host} defaultYear={2025} start="from-targets" />);
  expect(await screen.findByTestId("error")).toHaveTextContent("读取绩效目标表所需的程序没有加载成功");
  expect(screen.getByTestId("targets-none")).toBeInTheDocument();
  host.failTargets = null;
  await userEvent.click(screen.getByRole("button", { name: "重新查找" }));
  expect(await screen.findByTestId("targets-list")).toHaveTextContent(SEED004[0].name);
});

test("names from the file are shown without control or bidi characters, and capped", async () => {
  const evil = { ...SEED004[0], name: `人大\u202E代表\u001b[2J活动费${"长".repeat(300)}`, sheet: "目标\u2066表" };
  renderIn(<App host={hostWithTables([evil])} defaultYear={2025} start="from-targets" />);
  const list = await screen.findByTestId("targets-list");
  const text = list.textContent ?? "";
  // eslint-disable-next-line no-control-regex
  expect(text).not.toMatch(/[\u0000-\u001f\u202a-\u202e\u2066-\u2069]/);
  expect(text).toContain("人大\ufffd代表\ufffd[2J活动费");
  expect(text).toContain("…（工作表“目标\ufffd表”");
  expect(text.length).toBeLessThan(200);
});

describe("检查本表 with the workbook's targets table", () => {
  test("runs Host.check, shows the target-changed finding and which table it was compared with", async () => {
    const changed = finding({
      code: "target-changed",
      cell: "E13",
      indicator: "培训人次",
      message: "指标“培训人次”的指标值由批复的“≥1200人次”降为“≥1000人次”：请按批复的绩效目标表填写。",
    });
    const host = new FakeHost(sheetState([evaluation([])]));
    host.checked = sheetState([evaluation([changed])], {
      targets: { compared: [{ form: "人大会议", table: "人大会议", sheet: "目标表", by: "name" }], notes: [] },
    });
    renderIn(<App host={host} defaultYear={2025} />);
    await screen.findByTestId("form-card");
    await userEvent.click(screen.getByRole("button", { name: "检查本表" }));
    await waitFor(() => expect(screen.getByRole("tab", { name: "检查" })).toHaveAttribute("aria-selected", "true"));
    expect(host.called("check")).toHaveLength(1);
    const items = screen.getAllByTestId("finding");
    expect(items.map((i) => i.getAttribute("data-code"))).toEqual(["target-changed"]);
    expect(items[0]).toHaveTextContent("由批复的“≥1200人次”降为“≥1000人次”");
    expect(screen.getByTestId("targets-compared")).toHaveTextContent("已与工作表“目标表”中的绩效目标表“人大会议”比对指标值。");
  });

  test("several tables fit: not compared, and the pane says so", async () => {
    const host = new FakeHost(sheetState([evaluation([])]));
    const note = "本工作簿中有 2 张绩效目标表的项目名称都是“人大会议”（工作表“目标表”、工作表“副本”），无法确定对应哪一张，未比对指标值。";
    host.checked = sheetState([evaluation([])], { targets: { compared: [], notes: [note] } });
    renderIn(<App host={host} defaultYear={2025} />);
    await screen.findByTestId("form-card");
    await userEvent.click(screen.getByRole("button", { name: "检查本表" }));
    expect(await screen.findByText(note)).toBeInTheDocument();
  });
});
