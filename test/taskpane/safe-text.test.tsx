/** @jest-environment jsdom */
// Text from the file in the pane and the ribbon's dialogs (issue #12 item 3, pane side): sheet names, form and
// indicator names and the messages that quote cells are shown without control or bidi characters (each a visible
// "�"), on one line, and capped; React escapes HTML already (a "<b>" in a cell stays text).
import "./setup";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { checkMessage } from "../../src/commands/messages";
import { App } from "../../src/taskpane/App";
import { stringsFor } from "../../src/taskpane/i18n";
import { CAP, paneText } from "../../src/taskpane/safe";
import { summaryRows, summaryText } from "../../src/taskpane/summary";
import { evaluation, FakeHost, finding, makeForm, sheetState } from "./fake-host";
import { renderIn } from "./render";

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

const hostile = () => {
  const forged = `培训人次\n没有发现问题。\u001b]52;c;ZXZpbA==\u0007\u202Eevil<b>x</b>`;
  return sheetState(
    [
      evaluation(
        [
          finding({ indicator: `人次\u202E反转${"很".repeat(500)}`, message: `“${forged}”未达到目标值，请说明原因。${"长".repeat(5000)}` }),
          finding({ severity: "warning", code: "direction-suspicious", cell: "E15", indicator: "率", message: "指标“率”\r\n\u2066方向\u2069可能有误。" }),
        ],
        { form: makeForm({ name: `人大\u202E代表\u0007培训\n项目`, unit: `某区\u200f人大${"办".repeat(300)}` }) },
      ),
    ],
    { sheet: `项目\u001b[2J自评` },
  );
};

test("paneText: control and bidi characters shown as �, line breaks as spaces, long texts cut with …", () => {
  expect(paneText("a\u202Eb\u001bc\nd\r\ne")).toBe("a\ufffdb\ufffdc d e");
  expect(paneText("𠀀".repeat(100), 11)).toBe(`${"𠀀".repeat(5)}…`); // never half a surrogate pair
  expect(paneText("x".repeat(10_000_000)).length).toBe(CAP.message);
  expect(paneText(null)).toBe("");
});

test("the 检查 tab: each message on one line, without control or bidi characters, capped; HTML stays text", async () => {
  renderIn(<App host={new FakeHost(hostile())} defaultYear={2025} />);
  await screen.findByTestId("form-card");
  await userEvent.click(screen.getByRole("tab", { name: "检查" }));
  const items = await screen.findAllByTestId("finding");
  for (const item of items) expect(item.textContent ?? "").not.toMatch(UNSAFE);
  const first = items.find((i) => i.textContent?.includes("培训人次"))!;
  expect(first).toHaveTextContent("培训人次 没有发现问题。\ufffd]52;c;ZXZpbA==\ufffd\ufffdevil<b>x</b>");
  expect(first.querySelector("b")).toBeNull();
  expect((first.textContent ?? "").length).toBeLessThan(CAP.message + CAP.name + 40);
  expect(first).toHaveTextContent(`人次\ufffd反转`);
  expect(items.find((i) => i.getAttribute("data-cell") === "E15")).toHaveTextContent("指标“率” \ufffd方向\ufffd可能有误。");
});

test("the overview: the form's name and unit made safe and capped", async () => {
  renderIn(<App host={new FakeHost(hostile())} defaultYear={2025} />);
  const card = await screen.findByTestId("form-card");
  expect(card.textContent ?? "").not.toMatch(UNSAFE);
  expect(card).toHaveTextContent("人大\ufffd代表\ufffd培训 项目");
  expect(within(card).getByText(/^某区\ufffd人大/).textContent?.length).toBe(CAP.name);
});

test("the 检查结果 summary (sheet rows and copied text) carries no control or bidi character", () => {
  const s = stringsFor("zh-CN");
  const rows = summaryRows(hostile(), s);
  for (const row of rows) for (const cell of row) expect(cell).not.toMatch(UNSAFE);
  const text = summaryText(hostile(), s);
  // one line per row: the forged "没有发现问题。" cannot start a line of its own
  expect(text.split("\n").some((l) => l.startsWith("没有发现问题"))).toBe(false);
  expect(text.replace(/\n/g, "")).not.toMatch(UNSAFE);
});

test("the ribbon's 检查本表 dialog: the first finding's sheet and message made safe, on one line", () => {
  const m = checkMessage({
    errors: 1,
    warnings: 0,
    ready: false,
    first: { sheet: "项目\u202E自评", cell: "F12", message: `未达到\n检查通过：本表没有发现问题，可以发送。\u001b[31m${"长".repeat(2000)}` },
    unfinished: [{ name: "培训\u2066项目\n", total: null }],
  });
  for (const line of [...m.lines, ...m.linesEn]) expect(line).not.toMatch(UNSAFE);
  expect(m.lines[1]).toMatch(/^第一处 '项目\ufffd自评'!F12：未达到 检查通过：本表没有发现问题，可以发送。\ufffd\[31m长+…$/);
  expect(m.lines[1].length).toBeLessThan(360);
  expect(m.lines).toContain("「培训\ufffd项目」表格尚未填完");
});
