/** @jest-environment jsdom */
import "./setup";
import { act, screen, waitFor, within } from "@testing-library/react";
import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe } from "jest-axe";
import { App } from "../../src/taskpane/App";
import { evaluation, FakeHost, finding, sheetState } from "./fake-host";

async function setup(host = new FakeHost(sheetState([evaluation([finding()])]))) {
  const onLocaleChange = jest.fn();
  const view = render(<App host={host} defaultYear={2021} onLocaleChange={onLocaleChange} />);
  await waitFor(() => expect(host.called("refresh").length).toBeGreaterThan(0));
  await screen.findByTestId("form-card");
  return { host, view, onLocaleChange };
}

test("opens on the overview of the active sheet, in Chinese", async () => {
  await setup();
  expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("绩效自评助手");
  expect(screen.getByRole("tab", { name: "概览" })).toHaveAttribute("aria-selected", "true");
  expect(screen.getByTestId("overview-total")).toHaveTextContent("87.25");
  expect(screen.getByText(/评分规则：全国口径/)).toBeInTheDocument();
});

test("检查本表 refreshes and shows the findings tab", async () => {
  const { host } = await setup();
  const before = host.called("refresh").length;
  await userEvent.click(screen.getByRole("button", { name: "检查本表" }));
  await waitFor(() => expect(screen.getByRole("tab", { name: "检查" })).toHaveAttribute("aria-selected", "true"));
  expect(host.called("refresh").length).toBe(before + 1);
  expect(screen.getAllByTestId("finding")).toHaveLength(1);
});

test("live updates from the host replace the state (the user typed a reason)", async () => {
  const { host } = await setup();
  expect(screen.getByTestId("overview-errors")).toHaveTextContent("1");
  act(() => host.emit(sheetState([evaluation([])])));
  expect(screen.getByTestId("overview-errors")).toHaveTextContent("0");
});

test("the English switch changes every label and reports the choice", async () => {
  const { onLocaleChange } = await setup();
  const toggle = screen.getByRole("button", { name: /^English/ });
  expect(toggle).toHaveAttribute("aria-pressed", "false");
  await userEvent.click(toggle);
  expect(screen.getByRole("button", { name: /^English/ })).toHaveAttribute("aria-pressed", "true");
  expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Performance self-evaluation");
  expect(screen.getByRole("tab", { name: "Overview" })).toBeInTheDocument();
  expect(screen.getByRole("button", { name: "Check this sheet" })).toBeInTheDocument();
  expect(onLocaleChange).toHaveBeenCalledWith("en-US");
  expect(screen.getByTestId("pane").closest("[lang]")).toHaveAttribute("lang", "en-US");
  await userEvent.click(screen.getByRole("button", { name: /^English/ }));
  expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("绩效自评助手");
});

test("tabs are keyboard operable", async () => {
  await setup();
  const user = userEvent.setup();
  // (Arrow-key movement between tabs is Tabster's and needs a real browser: test/browser checks it.)
  screen.getByRole("tab", { name: "插入" }).focus();
  await user.keyboard("{Enter}");
  expect(screen.getByRole("tab", { name: "插入" })).toHaveAttribute("aria-selected", "true");
  expect(await screen.findByTestId("gallery")).toBeInTheDocument();
  screen.getByRole("tab", { name: "检查" }).focus();
  await user.keyboard(" ");
  expect(screen.getByTestId("findings")).toBeInTheDocument();
});

test("an adoptable form gets a banner, and 绑定本表 adopts it", async () => {
  const host = new FakeHost(sheetState([evaluation([])], { adoptable: true, bound: false }));
  await setup(host);
  expect(screen.getByTestId("adopt-banner")).toHaveTextContent("发现一张不是由助手插入的自评表");
  await userEvent.click(screen.getByRole("button", { name: "绑定本表" }));
  await waitFor(() => expect(screen.queryByTestId("adopt-banner")).toBeNull());
  expect(host.called("adopt")).toHaveLength(1);
});

test("a failing host shows a Chinese error that can be dismissed", async () => {
  const host = new FakeHost(sheetState([evaluation([])]));
  host.refresh = async () => {
    throw new Error("工作簿已关闭");
  };
  render(<App host={host} />);
  expect(await screen.findByTestId("error")).toHaveTextContent("操作失败：工作簿已关闭");
  await userEvent.click(screen.getByRole("button", { name: "关闭" }));
  expect(screen.queryByTestId("error")).toBeNull();
});

test("a failed live recompute is shown with what to do, and 检查本表 in it clears it once the check works", async () => {
  const { host } = await setup();
  expect(screen.queryByTestId("live-error")).toBeNull();
  act(() =>
    host.fail({
      message: "自动计算没有完成：Excel 正在编辑单元格。请先结束单元格编辑（按 Enter 或 Esc），再点击“检查本表”。",
      messageEn: "The automatic recalculation did not finish: Excel is in cell-edit mode.",
    }),
  );
  const bar = screen.getByTestId("live-error");
  expect(bar).toHaveAttribute("role", "alert");
  expect(bar).toHaveTextContent("自动计算没有完成：Excel 正在编辑单元格");
  const before = host.called("refresh").length;
  await userEvent.click(within(bar).getByRole("button", { name: "检查本表" }));
  await waitFor(() => expect(screen.queryByTestId("live-error")).toBeNull());
  expect(host.called("refresh").length).toBe(before + 1);
});

test("a live error stays while checks keep failing, speaks English on the switch, and goes on the next update", async () => {
  const { host } = await setup();
  act(() => host.fail({ message: "自动计算没有完成：甲。", messageEn: "The automatic recalculation did not finish: A." }));
  await userEvent.click(screen.getByRole("button", { name: /^English/ }));
  expect(screen.getByTestId("live-error")).toHaveTextContent("The automatic recalculation did not finish: A.");
  host.refresh = async () => {
    throw new Error("still broken");
  };
  await userEvent.click(within(screen.getByTestId("live-error")).getByRole("button", { name: "Check this sheet" }));
  expect(await screen.findByTestId("error")).toHaveTextContent("still broken");
  expect(screen.getByTestId("live-error")).toBeInTheDocument();
  act(() => host.emit(sheetState([evaluation([])])));
  expect(screen.queryByTestId("live-error")).toBeNull();
});

test("a live error can be dismissed", async () => {
  const { host } = await setup();
  act(() => host.fail({ message: "自动计算没有完成：甲。", messageEn: "A." }));
  await userEvent.click(within(screen.getByTestId("live-error")).getByRole("button", { name: "关闭" }));
  expect(screen.queryByTestId("live-error")).toBeNull();
});

test("the rules tab shows the profile in use and what a provincial profile changes", async () => {
  const { host } = await setup();
  await userEvent.click(screen.getByRole("tab", { name: "规则" }));
  expect(await screen.findByText("按财政部全国规则评分，没有调整。")).toBeInTheDocument();
  await userEvent.click(screen.getByRole("radio", { name: "省级口径示例（80/70/60 分档）" }));
  await waitFor(() => expect(host.called("setProfile")).toEqual([{ method: "setProfile", args: ["provincial-80"] }]));
  const changes = await screen.findByTestId("profile-changes");
  expect(changes).toHaveTextContent("等级分档：优 ≥ 80，良 ≥ 70，中 ≥ 60");
  expect(changes).toHaveTextContent("A/B × 分值（旧规则）");
  expect(changes).toHaveTextContent("执行率低于此值需说明原因：80%");
});

test("inserting from the gallery announces where it went and refreshes", async () => {
  const { host } = await setup();
  await userEvent.click(screen.getByRole("tab", { name: "插入" }));
  await userEvent.click(await screen.findByRole("button", { name: "插入项目支出绩效自评表" }));
  await waitFor(() => expect(screen.getByTestId("status")).toHaveTextContent("已插入到“项目支出绩效自评表”A1:J30。"));
  expect(host.called("insert")[0].args[1]).toMatchObject({ year: 2021 });
});

// The gallery has its own axe test (gallery.test.tsx).
test("has no accessibility violations on the overview, check and rules tabs", async () => {
  const { view } = await setup();
  for (const name of ["概览", "检查", "规则"]) {
    await userEvent.click(screen.getByRole("tab", { name }));
    if (name === "规则") await screen.findByTestId("rules");
    expect(await axe(view.container)).toHaveNoViolations();
  }
});
