/** @jest-environment jsdom */
import "./setup";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe } from "jest-axe";
import { FORM_KINDS } from "../../src/domain/model";
import { Gallery } from "../../src/taskpane/Gallery";
import { STRINGS } from "../../src/taskpane/i18n";
import { FakeHost } from "./fake-host";
import { renderIn } from "./render";

// Tabster may mark the surface aria-hidden for a moment while its modalizer settles in jsdom: find
// the dialog's buttons regardless (the browser test checks the real dialog).
async function dialogButton(name: string) {
  const dialog = await screen.findByRole("dialog", { hidden: true });
  return within(dialog).getByRole("button", { name, hidden: true });
}

function setup(host: FakeHost = new FakeHost()) {
  const onInserted = jest.fn();
  const onError = jest.fn();
  const view = renderIn(<Gallery host={host} defaultYear={2021} onInserted={onInserted} onError={onError} />);
  return { host, onInserted, onError, view };
}

test("shows all six templates, each with a picture and a Chinese description", () => {
  setup();
  for (const kind of FORM_KINDS) {
    const card = screen.getByTestId(`template-${kind}`);
    expect(within(card).getByRole("heading", { level: 3 })).toHaveTextContent(STRINGS["zh-CN"].kinds[kind]);
    expect(card).toHaveTextContent(STRINGS["zh-CN"].kindDescriptions[kind]);
    const svg = card.querySelector(`svg[data-kind="${kind}"]`);
    expect(svg).not.toBeNull();
    expect(svg!.querySelectorAll("rect").length).toBeGreaterThan(8);
  }
});

test("the pictures differ between templates", () => {
  setup();
  const drawings = FORM_KINDS.map((k) => screen.getByTestId(`template-${k}`).querySelector("svg")!.innerHTML);
  expect(new Set(drawings).size).toBe(FORM_KINDS.length);
});

test("inserts into a new sheet with the chosen options", async () => {
  const user = userEvent.setup();
  const { host, onInserted } = setup();
  await user.click(screen.getByRole("button", { name: "更改选项" }));
  expect(screen.getByRole("button", { name: "更改选项" })).toHaveAttribute("aria-expanded", "true");
  await user.type(screen.getByLabelText("单位名称"), "某区财政局");
  const rows = screen.getByLabelText("每个二级指标的行数");
  await user.clear(rows);
  await user.type(rows, "3");
  const year = screen.getByLabelText("年度");
  await user.clear(year);
  await user.type(year, "2022");
  await user.click(screen.getByLabelText("财预〔2021〕101号"));
  await user.click(screen.getByRole("button", { name: "插入部门整体支出绩效自评表" }));
  await waitFor(() => expect(onInserted).toHaveBeenCalled());
  const [kind, options, where] = host.called("insert")[0].args;
  expect(kind).toBe("department");
  expect(options).toEqual({ year: 2022, rows: 3, taxonomy: 2021, unit: "某区财政局" });
  expect(screen.getByTestId("options-summary")).toHaveTextContent("2022年度 · 每组 3 行 · 财预〔2021〕101号 · 新工作表");
  expect(where).toBe("new-sheet");
});

test("at a refused selection, 取消 leaves the workbook alone", async () => {
  const user = userEvent.setup();
  const host = new FakeHost();
  host.areaEmpty = false;
  setup(host);
  await user.click(screen.getByRole("button", { name: "更改选项" }));
  await user.click(screen.getByLabelText("当前选中位置"));
  await user.click(screen.getByRole("button", { name: "插入项目支出绩效自评表" }));
  const dialog = await screen.findByRole("dialog", { hidden: true });
  expect(dialog).toHaveTextContent("没有在所选位置插入");
  expect(dialog).toHaveTextContent("所选位置（B2:K31）已有内容。");
  await user.click(await dialogButton("取消"));
  await waitFor(() => expect(screen.queryByRole("dialog", { hidden: true })).toBeNull());
  expect(host.called("insert")).toHaveLength(1); // the refused attempt only
});

test("at a non-empty selection nothing is overwritten; 插入到新工作表 goes to a new sheet", async () => {
  const user = userEvent.setup();
  const host = new FakeHost();
  host.areaEmpty = false;
  setup(host);
  await user.click(screen.getByRole("button", { name: "更改选项" }));
  await user.click(screen.getByLabelText("当前选中位置"));
  await user.click(screen.getByRole("button", { name: "插入项目绩效目标表" }));
  const dialog = await screen.findByRole("dialog", { hidden: true });
  expect(dialog).toHaveTextContent("没有在所选位置插入");
  expect(dialog).toHaveTextContent("所选位置（B2:K31）已有内容。");
  expect(screen.queryByRole("button", { name: /覆盖/, hidden: true })).toBeNull();
  await user.click(await dialogButton("插入到新工作表"));
  await waitFor(() => expect(host.called("insert")).toHaveLength(2));
  expect(host.called("insert")[0].args[2]).toBe("selection");
  expect(host.called("insert")[1].args[0]).toBe("targets");
  expect(host.called("insert")[1].args[2]).toBe("new-sheet");
});

test("an empty selection is written without asking", async () => {
  const user = userEvent.setup();
  const host = new FakeHost();
  host.areaEmpty = true;
  setup(host);
  await user.click(screen.getByRole("button", { name: "更改选项" }));
  await user.click(screen.getByLabelText("当前选中位置"));
  await user.click(screen.getByRole("button", { name: "插入项目绩效目标表" }));
  await waitFor(() => expect(host.called("insert")).toHaveLength(1));
  expect(screen.queryByRole("dialog")).toBeNull();
  expect(host.called("insert")[0].args[2]).toBe("selection");
});

test("a failed insert is reported, not thrown", async () => {
  const user = userEvent.setup();
  const host = new FakeHost();
  host.failInsert = "工作表受保护，无法写入。";
  const { onError } = setup(host);
  await user.click(screen.getByRole("button", { name: "插入整体支出绩效自评报告表" }));
  await waitFor(() => expect(onError).toHaveBeenCalledWith("工作表受保护，无法写入。"));
});

test("has no accessibility violations, with the options open", async () => {
  const { view } = setup();
  await userEvent.click(screen.getByRole("button", { name: "更改选项" }));
  expect(screen.getByLabelText("年度")).toBeInTheDocument();
  expect(await axe(view.container)).toHaveNoViolations();
});
