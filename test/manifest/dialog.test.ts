/** @jest-environment jsdom */
// The command dialog page and the messages it shows.
import * as fs from "node:fs";
import * as path from "node:path";
import { renderMessage, start } from "../../src/commands/dialog";
import { cellRef, checkMessage, errorMessage, fromQuery, toQuery } from "../../src/commands/messages";
import { ROOT } from "./manifest-xml";

function loadPage() {
  const html = fs.readFileSync(path.join(ROOT, "src/commands/dialog.html"), "utf8");
  document.documentElement.innerHTML = html.replace(/<script[\s\S]*?<\/script>/g, "");
}

test("a message survives the query string, Chinese, punctuation and all", () => {
  const m = checkMessage({ errors: 1, warnings: 0, ready: false, first: { sheet: "A&B", cell: "C3", message: "得分=分值?#%" } });
  expect(fromQuery(toQuery(m))).toEqual(m);
});

test("the dialog shows text, never HTML", () => {
  loadPage();
  renderMessage(document, { tone: "error", title: "标题", lines: ["<img src=x onerror=alert(1)>", "二"], linesEn: ["two"] });
  expect(document.querySelectorAll("#text p")).toHaveLength(2);
  expect(document.querySelector("#text img")).toBeNull();
  expect(document.querySelector("#text p")?.textContent).toBe("<img src=x onerror=alert(1)>");
  expect(document.getElementById("title")?.textContent).toBe("标题");
  expect(document.body.dataset.tone).toBe("error");
});

test("OK and Enter ask the parent to close the dialog", () => {
  loadPage();
  const messageParent = jest.fn();
  (globalThis as unknown as { Office: unknown }).Office = { context: { ui: { messageParent } } };
  try {
    start(document, `?${toQuery(checkMessage({ errors: 0, warnings: 0, ready: true }))}`);
    expect(document.getElementById("text")?.textContent).toBe("检查通过：本表没有发现问题，可以发送。");
    (document.getElementById("ok") as HTMLButtonElement).click();
    document.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter" }));
    expect(messageParent).toHaveBeenCalledTimes(2);
    expect(messageParent).toHaveBeenCalledWith("close");
  } finally {
    delete (globalThis as unknown as { Office?: unknown }).Office;
  }
});

test("cell references quote sheet names the way Excel does", () => {
  expect(cellRef("Sheet1", "A1")).toBe("Sheet1!A1");
  expect(cellRef("项目自评", "F12")).toBe("项目自评!F12");
  expect(cellRef("1月", "A1")).toBe("'1月'!A1");
  expect(cellRef("it's", "A1")).toBe("'it''s'!A1");
});

test("an error while editing a cell tells the user what to do", () => {
  const m = errorMessage({ code: "InvalidOperationInCellEditMode", message: "busy" }, "检查本表", "Checking");
  expect(m.lines).toContain("请先结束单元格编辑（按 Enter 或 Esc），再试一次。");
  const plain = errorMessage("oops", "检查本表", "Checking");
  expect(plain.lines).toEqual(["检查本表没有完成，工作表未作改动。", "原因：oops"]);
});

test("a sheet with no form is not reported as clean", () => {
  const m = checkMessage({ errors: 0, warnings: 0, ready: false, problem: "本表没有可识别的自评表。" });
  expect(m.tone).toBe("warning");
  expect(m.lines).toEqual(["没有检查：本表没有可识别的自评表。"]);
});
