/** @jest-environment jsdom */
// The real pane over the real host over the fake workbook: when the recompute after the officer's edit fails, the
// pane says so in Chinese with what to do, and its 检查本表 clears the message once the sheet can be read again.
import "./setup";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import { createExcelHost } from "../../src/excel/host";
import { createFakeExcel } from "../../src/fake-excel";

test("a failed live recompute reaches the officer, and a later check clears it", async () => {
  const fake = createFakeExcel();
  const undo = fake.install();
  const log = jest.spyOn(console, "error").mockImplementation(() => undefined);
  let pending: (() => void) | null = null;
  const host = createExcelHost({ timers: { set: (fn) => (pending = fn), clear: () => (pending = null) } });
  try {
    const out = await host.insert("project", { year: 2021, unit: "某单位", project: "某项目" }, "new-sheet");
    await host.idle();
    render(<App host={host} defaultYear={2021} />);
    await screen.findByTestId("form-card");
    await fake.settle();

    fake.book.payloadLimit = 1000;
    await fake.userEdit(out.sheet, "A1", "新的标题");
    const fire = pending as (() => void) | null;
    expect(fire).not.toBeNull();
    fire?.();
    await host.idle();
    const bar = await screen.findByTestId("live-error");
    expect(bar).toHaveTextContent(
      "自动计算没有完成：工作表的内容超出了 Excel 一次读写的上限。请检查工作表后再试，或点击“检查本表”。",
    );
    expect(log).toHaveBeenCalledWith(
      "jixiao: live recompute failed",
      expect.objectContaining({ code: "ResponsePayloadSizeLimitExceeded" }),
    );

    fake.book.payloadLimit = null;
    await userEvent.click(within(bar).getByRole("button", { name: "检查本表" }));
    await waitFor(() => expect(screen.queryByTestId("live-error")).toBeNull());
    expect(screen.queryByTestId("error")).toBeNull();
  } finally {
    log.mockRestore();
    await host.dispose();
    undo();
  }
});
