/** @jest-environment jsdom */
// Ready to send means complete (docs/rules.md#ready-to-send): until a form is complete its total is provisional — the sum of the
// scores there are and what is still open, never a grade —, and nothing says 可以发送 unless every form is
// complete and without error. While the weights entered add up to less than 100 the pane says how far the form is.
import "./setup";
import { act, screen, waitFor, within } from "@testing-library/react";
import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { checkMessage } from "../../src/commands/messages";
import type { Evaluation, Finding, TotalResult } from "../../src/domain/model";
import { App } from "../../src/taskpane/App";
import { Findings } from "../../src/taskpane/Findings";
import { STRINGS } from "../../src/taskpane/i18n";
import { Overview } from "../../src/taskpane/Overview";
import { summaryRows, summaryText } from "../../src/taskpane/summary";
import { evaluation, FakeHost, finding, sheetState } from "./fake-host";
import { renderIn } from "./render";

const total = (over: Partial<TotalResult>): TotalResult => ({
  entered: null,
  computed: null,
  grade: null,
  enteredGrade: null,
  complete: false,
  unscored: 0,
  unscoredWeight: 0,
  weightEntered: 100,
  ...over,
});

/** Every weight entered, two indicators (20 points) not scored yet: 62.5 so far. */
const halfScored = (findings: Finding[] = []): Evaluation =>
  evaluation(findings, {
    total: total({ computed: 62.5, unscored: 2, unscoredWeight: 20 }),
    complete: false,
    ready: false,
  });

/** The officer is typing the first indicator: 执行率 (10) and one indicator (20) entered, 26 points so far. */
const typing = (): Evaluation =>
  evaluation([finding({ code: "actual-missing", cell: "F14" })], {
    total: total({ computed: 26, weightEntered: 30 }),
    complete: false,
    ready: false,
  });

/** A blank form: nothing scored, form-empty stands alone. */
const blank = (): Evaluation =>
  evaluation(
    [
      finding({
        code: "form-empty",
        cell: "C3",
        indicator: null,
        message: "表格还是空的：请填写指标的目标值和实际完成值。",
      }),
    ],
    {
      funds: null,
      total: total({ computed: null, weightEntered: 0 }),
      complete: false,
      ready: false,
    },
  );

const overview = (ev: Evaluation, locale: "zh-CN" | "en-US" = "zh-CN") =>
  renderIn(
    <Overview state={sheetState([ev])} profileLabel="全国口径" busy={false} onCheck={() => {}} onInsert={() => {}} />,
    locale,
  );

const findingsTab = (ev: Evaluation) =>
  renderIn(
    <Findings host={new FakeHost()} state={sheetState([ev])} busy={false} onCheck={() => {}} onError={() => {}} />,
  );

describe("the overview", () => {
  test("a form not yet complete shows its total as provisional, with what is open, and no grade", () => {
    overview(halfScored());
    const t = screen.getByTestId("overview-total");
    expect(t).toHaveTextContent("暂计 62.5 分（尚有 2 项、20 分未评分）");
    for (const g of ["优", "良", "中", "差"]) expect(within(t).queryByText(g)).toBeNull();
    expect(screen.getByTestId("overview-verdict")).toHaveTextContent("尚未填完");
  });

  test("while the weights entered are under 100 it says how far the form is, not '26 差'", () => {
    overview(typing());
    const t = screen.getByTestId("overview-total");
    expect(t).toHaveTextContent("分值合计 30/100");
    expect(t).toHaveTextContent("暂计 26 分");
    expect(t).not.toHaveTextContent("差");
    expect(screen.getByTestId("form-card")).not.toHaveTextContent(/可以发送/);
  });

  test("a blank form is not scored and not ready; the check shows its form-empty finding, never a pass", () => {
    const { unmount } = overview(blank());
    expect(screen.getByTestId("overview-total")).toHaveTextContent("尚未评分（分值合计 0/100）");
    expect(screen.getByTestId("overview-errors")).toHaveTextContent("1");
    expect(screen.getByTestId("overview-verdict")).toHaveTextContent("尚未填完");
    unmount();
    findingsTab(blank());
    expect(screen.queryByTestId("all-passed")).toBeNull();
    expect(screen.getAllByTestId("finding").map((i) => i.getAttribute("data-code"))).toEqual(["form-empty"]);
  });

  test("a complete form shows its total and grade; ready only without error", () => {
    const complete = total({ computed: 91.5, grade: "优", complete: true });
    const { unmount } = overview(evaluation([], { total: complete }));
    expect(screen.getByTestId("overview-total")).toHaveTextContent("91.5优");
    expect(screen.getByTestId("overview-verdict")).toHaveTextContent("可以发送");
    unmount();
    overview(evaluation([finding()], { total: complete, ready: false }));
    expect(screen.getByTestId("overview-verdict")).toHaveTextContent("需要修改");
  });

  test("in English too", () => {
    overview(halfScored(), "en-US");
    expect(screen.getByTestId("overview-total")).toHaveTextContent(
      "Provisional 62.5 (2 indicator(s), 20 points not scored yet)",
    );
    expect(screen.getByTestId("overview-verdict")).toHaveTextContent("Not finished");
  });
});

describe("the findings tab", () => {
  test("no finding on an unfinished form is no pass: it says the form is not finished", () => {
    findingsTab(halfScored());
    expect(screen.queryByTestId("all-passed")).toBeNull();
    expect(screen.getByTestId("findings")).not.toHaveTextContent("可以发送了");
    const note = screen.getByTestId("not-ready");
    expect(note).toHaveTextContent("表格尚未填完，还不能发送");
    expect(note).toHaveTextContent("暂计 62.5 分（尚有 2 项、20 分未评分）");
  });

  test("全部通过 … 可以发送了 only when every form is complete and has no error", () => {
    const { unmount } = findingsTab(evaluation([]));
    expect(screen.getByTestId("all-passed")).toHaveTextContent("全部通过");
    expect(screen.getByTestId("all-passed")).toHaveTextContent("可以发送了");
    unmount();
    renderIn(
      <Findings
        host={new FakeHost()}
        state={sheetState([evaluation([]), halfScored()])}
        busy={false}
        onCheck={() => {}}
        onError={() => {}}
      />,
    );
    expect(screen.queryByTestId("all-passed")).toBeNull();
    expect(screen.getByTestId("not-ready")).toBeInTheDocument();
  });

  test("the summary for the workbook or the clipboard says 暂计 and does not call it passed", () => {
    const zh = STRINGS["zh-CN"];
    const rows = summaryRows(sheetState([halfScored()]), zh, false, new Date(2026, 2, 1));
    expect(rows[1]).toContain("暂计 62.5 分（尚有 2 项、20 分未评分）");
    expect(rows[1].join(" ")).not.toMatch(/总分|（[优良中差]）/);
    expect(rows.at(-1)).toEqual(["没有发现问题，但表格尚未填完，还不能发送。"]);
    expect(summaryText(sheetState([typing()]), zh)).toContain("分值合计 30/100");
  });
});

test("in the whole pane: typing the first indicator, then finishing the form", async () => {
  const host = new FakeHost(sheetState([typing()]));
  render(<App host={host} defaultYear={2025} />);
  await waitFor(() => expect(screen.getByTestId("overview-total")).toHaveTextContent("分值合计 30/100"));
  expect(screen.getByTestId("overview-verdict")).toHaveTextContent("尚未填完");
  act(() => host.emit(sheetState([evaluation([], { total: total({ computed: 88, grade: "良", complete: true }) })])));
  await waitFor(() => expect(screen.getByTestId("overview-verdict")).toHaveTextContent("可以发送"));
  expect(screen.getByTestId("overview-total")).toHaveTextContent("88良");
  await userEvent.click(screen.getByRole("tab", { name: "检查" }));
  expect(screen.getByTestId("all-passed")).toHaveTextContent("可以发送了");
});

describe("the 检查本表 ribbon dialog", () => {
  test("no finding on an unfinished form: not passed, the provisional total, a warning", () => {
    const m = checkMessage({
      errors: 0,
      warnings: 0,
      ready: false,
      unfinished: [{ name: "培训项目", total: total({ computed: 62.5, unscored: 2, unscoredWeight: 20 }) }],
    });
    expect(m.tone).toBe("warning");
    expect(m.lines).toEqual(["本表尚未填完，还不能发送。", "「培训项目」暂计 62.5 分（尚有 2 项、20 分未评分）"]);
    expect(m.lines.join("")).not.toMatch(/检查通过|可以发送。$/);
    expect(m.linesEn.join(" ")).toMatch(/not ready to send/);
  });

  test("with errors, the unfinished form's provisional total follows the first problem", () => {
    const m = checkMessage({
      errors: 1,
      warnings: 0,
      ready: false,
      first: { sheet: "项目", cell: "C3", message: "表格还是空的" },
      unfinished: [{ name: "", total: total({ computed: null, weightEntered: 0 }) }],
    });
    expect(m.tone).toBe("error");
    expect(m.lines[0]).toBe("发现 1 个错误、0 个警告。");
    expect(m.lines.at(-1)).toBe("尚未评分（分值合计 0/100）");
  });

  test("passed and 可以发送 only when ready", () => {
    expect(checkMessage({ errors: 0, warnings: 0, ready: true, unfinished: [] })).toMatchObject({
      tone: "ok",
      lines: ["检查通过：本表没有发现问题，可以发送。"],
    });
  });
});
