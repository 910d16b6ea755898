/** @jest-environment jsdom */
// One name for each thing (issue #10 item 7): every kind and severity name the pane, its gallery, its summary and
// the ribbon's dialogs show comes from the one table in src/domain/names.ts. The table is replaced here by other
// names: anything still spelled out elsewhere shows up as the old word.
import "./setup";
import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { checkMessage, insertAction } from "../../src/commands/messages";
import { FORM_KINDS, type FormKind } from "../../src/domain/model";
import { App } from "../../src/taskpane/App";
import { STRINGS } from "../../src/taskpane/i18n";
import { summaryRows } from "../../src/taskpane/summary";
import { evaluation, FakeHost, finding, sheetState } from "./fake-host";

jest.mock("../../src/domain/names", () => {
  const actual = jest.requireActual("../../src/domain/names");
  const kinds = Object.fromEntries(
    Object.entries(actual.KIND_NAMES as Record<string, { zh: string; en: string }>).map(([k, v]) => [
      k,
      { zh: `${v.zh}（试）`, en: `${v.en} (trial)` },
    ]),
  );
  return {
    ...actual,
    KIND_NAMES: kinds,
    SEVERITY_NAMES: { error: { zh: "必改", en: "Blocker" }, warning: { zh: "留意", en: "Caution" }, info: { zh: "备注", en: "Remark" } },
    kindName: (k: string) => kinds[k].zh,
  };
});

const KIND = (k: FormKind, en = false) => {
  const base = jest.requireActual("../../src/domain/names").KIND_NAMES[k];
  return en ? `${base.en} (trial)` : `${base.zh}（试）`;
};

const state = () =>
  sheetState([
    evaluation([
      finding(),
      finding({ severity: "warning", code: "over-target-unexplained", cell: "H15" }),
      finding({ severity: "info", code: "direction-suspicious", cell: "F16" }),
    ]),
  ]);

test("the pane names kinds and severities from the table, in Chinese and in English", async () => {
  const user = userEvent.setup();
  render(<App host={new FakeHost(state())} defaultYear={2025} />);
  const card = await screen.findByTestId("form-card");
  expect(within(card).getByRole("heading", { level: 2 })).toHaveTextContent(KIND("project"));
  expect(card).toHaveTextContent(/必改\s*1/);
  expect(card).toHaveTextContent(/留意\s*1/);
  expect(card).not.toHaveTextContent(/错误|警告/);

  await user.click(screen.getByRole("tab", { name: "检查" }));
  expect(screen.getByTestId("group-error")).toHaveTextContent("必改（1）");
  expect(screen.getByTestId("group-warning")).toHaveTextContent("留意（1）");
  expect(screen.getByTestId("group-info")).toHaveTextContent("备注（1）");

  await user.click(screen.getByRole("tab", { name: "插入" }));
  await screen.findByTestId("gallery");
  for (const k of FORM_KINDS) {
    const tile = screen.getByTestId(`template-${k}`);
    expect(within(tile).getByRole("heading", { level: 3 })).toHaveTextContent(KIND(k));
    expect(within(tile).getByRole("button", { name: `插入${KIND(k)}` })).toBeInTheDocument();
  }

  await user.click(screen.getByRole("button", { name: /^English/ }));
  for (const k of FORM_KINDS) {
    expect(screen.getByRole("button", { name: `Insert ${KIND(k, true)}` })).toBeInTheDocument();
  }
  await user.click(screen.getByRole("tab", { name: "Overview" }));
  const en = await screen.findByTestId("form-card");
  expect(within(en).getByRole("heading", { level: 2 })).toHaveTextContent(KIND("project", true));
  expect(en).toHaveTextContent(/Blockers\s*1/);
  expect(en).toHaveTextContent(/Cautions\s*1/);
  await user.click(screen.getByRole("tab", { name: "Check" }));
  expect(screen.getByTestId("group-error")).toHaveTextContent("Blocker");
  await act(async () => {}); // let the background load of the lazy parts settle
});

test("the summary written to the workbook uses the same names", () => {
  const rows = summaryRows(state(), STRINGS["zh-CN"], false, new Date(2026, 2, 1));
  expect(rows[1][0]).toBe(KIND("project"));
  expect(rows[2]).toEqual(["必改 1", "留意 1", "备注 1"]);
  expect(rows.slice(4).map((r) => r[2])).toEqual(["严重程度", "必改", "留意", "备注"]);
  const en = summaryRows(state(), STRINGS["en-US"], true, new Date(2026, 2, 1));
  expect(en[2]).toEqual(["Blockers 1", "Cautions 1", "Remark 1"]);
});

test("the ribbon's dialogs use the same names", () => {
  const m = checkMessage({ errors: 2, warnings: 1, ready: false });
  expect(m.lines[0]).toBe("发现 2 个必改、1 个留意。");
  expect(m.linesEn[0]).toBe("Found 2 blocker(s) and 1 caution(s).");
  for (const k of FORM_KINDS) {
    expect(insertAction(k)).toEqual({ zh: `插入${KIND(k)}`, en: `Inserting the ${KIND(k, true)}` });
  }
});
