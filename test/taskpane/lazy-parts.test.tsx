/** @jest-environment jsdom */
// The pane's budget (issue #10 item 9): the gallery (templates, drawings, options, its dialog) and the rules tab
// are loaded on demand, not with the overview; once the pane has shown the sheet they are fetched in the
// background, so they still open if the network goes away later. (The built pane: test/browser/lazy-parts.)
import "./setup";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import { evaluation, FakeHost, sheetState } from "./fake-host";

// Which of the two modules have been evaluated (kept on globalThis: a module imported with App itself is
// evaluated before this file's own variables exist).
const loaded = (): string[] => ((globalThis as { __jxLoaded?: string[] }).__jxLoaded ??= []);
jest.mock("../../src/taskpane/Gallery", () => {
  ((globalThis as { __jxLoaded?: string[] }).__jxLoaded ??= []).push("gallery");
  return jest.requireActual("../../src/taskpane/Gallery");
});
jest.mock("../../src/taskpane/Rules", () => {
  ((globalThis as { __jxLoaded?: string[] }).__jxLoaded ??= []).push("rules");
  return jest.requireActual("../../src/taskpane/Rules");
});
jest.mock("../../src/taskpane/FromTargets", () => {
  ((globalThis as { __jxLoaded?: string[] }).__jxLoaded ??= []).push("from-targets");
  return jest.requireActual("../../src/taskpane/FromTargets");
});
jest.mock("../../src/taskpane/Report", () => {
  ((globalThis as { __jxLoaded?: string[] }).__jxLoaded ??= []).push("report");
  return jest.requireActual("../../src/taskpane/Report");
});
jest.mock("../../src/document/docx", () => {
  ((globalThis as { __jxLoaded?: string[] }).__jxLoaded ??= []).push("docx");
  return jest.requireActual("../../src/document/docx");
});

test("the overview shows without the gallery, the rules and 从绩效目标表生成; they are fetched once the pane is idle", async () => {
  render(<App host={new FakeHost(sheetState([evaluation([])]))} defaultYear={2025} />);
  await screen.findByTestId("form-card");
  expect(loaded()).toEqual([]);
  await waitFor(() => expect([...loaded()].sort()).toEqual(["from-targets", "gallery", "rules"]), { timeout: 5000 });
  await userEvent.click(screen.getByRole("tab", { name: "规则" }));
  expect(await screen.findByTestId("rules")).toBeInTheDocument();
  await userEvent.click(screen.getByRole("tab", { name: "插入" }));
  expect(await screen.findByTestId("gallery")).toBeInTheDocument();
  expect(loaded()).toHaveLength(3); // each loaded once
});

test("the report is loaded only when asked (not in the background), and the .docx writer not even then", async () => {
  render(<App host={new FakeHost(sheetState([evaluation([])]))} defaultYear={2025} />);
  await screen.findByTestId("form-card");
  await waitFor(() => expect(loaded()).toContain("rules"), { timeout: 5000 });
  expect(loaded()).not.toContain("report");
  await userEvent.click(screen.getByRole("tab", { name: "检查" }));
  await userEvent.click(await screen.findByRole("button", { name: "生成自评报告" }));
  expect(await screen.findByTestId("report-draft")).toBeInTheDocument();
  expect(loaded()).toContain("report");
  expect(loaded()).not.toContain("docx");
});
