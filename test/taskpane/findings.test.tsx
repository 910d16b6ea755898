/** @jest-environment jsdom */
import "./setup";
import { act, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe } from "jest-axe";
import { Findings } from "../../src/taskpane/Findings";
import { evaluation, FakeHost, finding, sheetState } from "./fake-host";
import { renderIn } from "./render";

const mixed = () =>
  sheetState([
    evaluation([
      finding({
        severity: "warning",
        code: "over-target-unexplained",
        cell: "H15",
        indicator: "会议次数",
        message: "“会议次数”超出目标值 30% 以上，请说明原因。",
      }),
      finding(),
      finding({
        severity: "info",
        code: "direction-suspicious",
        cell: "F16",
        indicator: null,
        message: "目标方向可能有误。",
      }),
      finding({
        severity: "error",
        code: "total-mismatch",
        cell: undefined,
        indicator: null,
        message: "填写的总分与各项得分之和不符。",
      }),
    ]),
  ]);

function setup(state = mixed()) {
  const host = new FakeHost(state);
  const onCheck = jest.fn();
  const onError = jest.fn();
  const view = renderIn(<Findings host={host} state={state} busy={false} onCheck={onCheck} onError={onError} />);
  return { host, onCheck, onError, view };
}

test("groups findings by severity, errors first, with counts in the headings", () => {
  setup();
  const headings = screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent);
  expect(headings.slice(0, 3)).toEqual(["错误（2）", "警告（1）", "提示（1）"]);
  const errors = within(screen.getByTestId("group-error")).getAllByTestId("finding");
  expect(errors.map((e) => e.getAttribute("data-code"))).toEqual(["deviation-reason-missing", "total-mismatch"]);
  expect(screen.getByText("“培训人次”未达到目标值，请在偏差原因分析及改进措施中说明原因。")).toBeInTheDocument();
});

test("定位 selects the finding's cell on its sheet and marks the finding chosen", async () => {
  const { host } = setup();
  await userEvent.click(screen.getByRole("button", { name: "定位到 H15" }));
  expect(host.called("select")).toEqual([{ method: "select", args: ["项目自评", "H15"] }]);
  const item = screen.getAllByTestId("finding").find((li) => li.getAttribute("data-cell") === "H15");
  expect(item).toHaveAttribute("aria-current", "true");
});

test("a finding without a cell has no 定位 button", () => {
  setup();
  const item = screen.getAllByTestId("finding").find((li) => li.getAttribute("data-code") === "total-mismatch")!;
  expect(within(item).queryByRole("button")).toBeNull();
  expect(within(item).getByText("整表")).toBeInTheDocument();
});

test("定位 is reachable and usable from the keyboard", async () => {
  const { host } = setup();
  const user = userEvent.setup();
  const button = screen.getByRole("button", { name: "定位到 J14" });
  button.focus();
  await user.keyboard("{Enter}");
  expect(host.called("select").at(-1)?.args).toEqual(["项目自评", "J14"]);
});

test("shows a clear all-passed state when a form has no findings", () => {
  setup(sheetState([evaluation([])]));
  expect(screen.getByTestId("all-passed")).toHaveTextContent("全部通过");
  expect(screen.queryAllByTestId("finding")).toHaveLength(0);
});

test("without a form it says so instead of passing", () => {
  setup(sheetState([]));
  expect(screen.queryByTestId("all-passed")).toBeNull();
  expect(screen.getByText("当前工作表没有找到自评表。")).toBeInTheDocument();
});

test("writes the summary into the workbook as its own sheet", async () => {
  const { host } = setup();
  await userEvent.click(screen.getByRole("button", { name: "写入工作表" }));
  const [call] = host.called("writeSummarySheet");
  const [title, rows] = call.args as [string, string[][]];
  expect(title).toBe("检查结果");
  expect(rows.some((r) => r.includes("H15") && r.includes("警告"))).toBe(true);
  expect(screen.getByTestId("findings-note")).toHaveTextContent("检查结果已写入工作表“检查结果”。");
});

test("copies the summary as text through the clipboard", async () => {
  const user = userEvent.setup();
  const writeText = jest.fn().mockResolvedValue(undefined);
  Object.defineProperty(window.navigator, "clipboard", { value: { writeText }, configurable: true });
  setup();
  await user.click(screen.getByRole("button", { name: "复制文本" }));
  expect(writeText).toHaveBeenCalledTimes(1);
  expect(writeText.mock.calls[0][0]).toContain("“会议次数”超出目标值 30% 以上");
  expect(screen.getByTestId("findings-note")).toHaveTextContent("已复制到剪贴板。");
});

test("falls back to execCommand when the clipboard API is refused", async () => {
  const user = userEvent.setup();
  Object.defineProperty(window.navigator, "clipboard", {
    value: { writeText: jest.fn().mockRejectedValue(new Error("denied")) },
    configurable: true,
  });
  const exec = jest.fn().mockReturnValue(true);
  Object.defineProperty(document, "execCommand", { value: exec, configurable: true });
  setup();
  await user.click(screen.getByRole("button", { name: "复制文本" }));
  expect(exec).toHaveBeenCalledWith("copy");
  expect(screen.getByTestId("findings-note")).toHaveTextContent("已复制到剪贴板。");
});

test("shows a failed 定位 as an error instead of throwing", async () => {
  const { host, onError } = setup();
  host.select = async () => {
    throw new Error("找不到工作表");
  };
  await act(async () => {
    await userEvent.click(screen.getByRole("button", { name: "定位到 J14" }));
  });
  expect(onError).toHaveBeenCalledWith("找不到工作表");
});

test("English shows the English messages", () => {
  const state = mixed();
  renderIn(
    <Findings host={new FakeHost(state)} state={state} busy={false} onCheck={() => {}} onError={() => {}} />,
    "en-US",
  );
  expect(screen.getAllByText("Training attendance missed its target: explain why in the reason column.")).toHaveLength(
    4,
  );
  expect(screen.queryByText("“培训人次”未达到目标值，请在偏差原因分析及改进措施中说明原因。")).toBeNull();
  expect(screen.getByRole("button", { name: "Go to J14" })).toBeInTheDocument();
});

test("has no accessibility violations, with findings and when all passed", async () => {
  const { view } = setup();
  expect(await axe(view.container)).toHaveNoViolations();
  view.unmount();
  const passed = setup(sheetState([evaluation([])]));
  expect(await axe(passed.view.container)).toHaveNoViolations();
});
