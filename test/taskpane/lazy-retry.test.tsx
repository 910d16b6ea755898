/** @jest-environment jsdom */
// A part loaded on demand that cannot be fetched (the network dropped) says so in Chinese, leaves the workbook
// alone, and loads when 重试 is clicked once the network is back.
import "./setup";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import { evaluation, FakeHost, sheetState } from "./fake-host";

// The network, as the gallery's module sees it (on globalThis: the mock may run before this file's variables exist).
interface Net {
  offline: boolean;
  attempts: number;
}
const net = (): Net => ((globalThis as { __jxNet?: Net }).__jxNet ??= { offline: true, attempts: 0 });
jest.mock("../../src/taskpane/Gallery", () => {
  const n = ((globalThis as { __jxNet?: Net }).__jxNet ??= { offline: true, attempts: 0 });
  n.attempts++;
  if (n.offline) throw new Error("Loading chunk gallery failed.");
  return jest.requireActual("../../src/taskpane/Gallery");
});

test("offline: the gallery says it could not load; 重试 loads it once the network is back", async () => {
  // React reports an error its boundary caught on the console; here that is the expected chunk failure.
  const logged = jest.spyOn(console, "error").mockImplementation(() => undefined);
  const host = new FakeHost(sheetState([evaluation([])]));
  render(<App host={host} defaultYear={2025} />);
  await screen.findByTestId("form-card");
  await userEvent.click(screen.getByRole("tab", { name: "插入" }));
  const failed = await screen.findByTestId("part-failed");
  expect(failed).toHaveTextContent("这部分界面没有加载成功。");
  expect(failed).toHaveTextContent("网络恢复后点“重试”");
  expect(screen.queryByTestId("gallery")).toBeNull();
  const before = net().attempts;

  net().offline = false;
  await userEvent.click(screen.getByRole("button", { name: "重试" }));
  expect(await screen.findByTestId("gallery")).toBeInTheDocument();
  expect(net().attempts).toBeGreaterThan(before);
  expect(screen.queryByTestId("part-failed")).toBeNull();
  expect(host.called("insert")).toHaveLength(0);
  expect(logged.mock.calls.flat().join(" ")).toMatch(/Loading chunk gallery failed/);
  logged.mockRestore();
});
