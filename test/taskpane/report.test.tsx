/** @jest-environment jsdom */
// 检查 → 生成自评报告 (issue #15 item 4) in the pane: the draft of the active sheet's form shown (an incomplete form's
// with the verdict at the top), copied as rich text (text/html and text/plain in one ClipboardItem; a selection copy
// with both flavours when the Clipboard API is refused), the .docx offered as a download where the host allows it
// and, on a Mac, copying offered instead in Chinese; the report's code is loaded only when asked, the .docx writer
// only on download. (The built pane in Chromium: test/browser/report.test.ts.)
import "./setup";
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { evaluateForm } from "../../src/domain/evaluate";
import { emptyForm } from "../../src/domain/form";
import { DOCX_MIME } from "../../src/document/files";
import { App } from "../../src/taskpane/App";
import { downloadSupport } from "../../src/taskpane/download";
import { Report } from "../../src/taskpane/Report";
import { SEED001 } from "../fixtures/seed-data";
import { FakeHost, sheetState } from "./fake-host";
import { renderIn } from "./render";

// Whether the .docx writer has been evaluated (kept on globalThis: see lazy-parts.test.tsx, which checks that the
// report itself is loaded only when asked).
const loaded = (): string[] => ((globalThis as { __jxLoaded?: string[] }).__jxLoaded ??= []);
jest.mock("../../src/document/docx", () => {
  ((globalThis as { __jxLoaded?: string[] }).__jxLoaded ??= []).push("docx");
  return jest.requireActual("../../src/document/docx");
});

const seed001 = () => sheetState([evaluateForm(SEED001)], { sheet: SEED001.sheet });

function blobText(b: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error);
    r.readAsText(b);
  });
}
function blobBytes(b: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(new Uint8Array(r.result as ArrayBuffer));
    r.onerror = () => reject(r.error);
    r.readAsArrayBuffer(b);
  });
}

/** A Clipboard API that records what was written, or refuses. */
function fakeClipboard(refuse = false) {
  const written: Record<string, Blob>[] = [];
  class Item {
    constructor(public items: Record<string, Blob>) {}
  }
  Object.assign(window, { ClipboardItem: Item });
  Object.defineProperty(navigator, "clipboard", {
    configurable: true,
    value: {
      write: jest.fn(async (items: Item[]) => {
        if (refuse) throw new DOMException("Write permission denied.", "NotAllowedError");
        written.push(...items.map((i) => i.items));
      }),
    },
  });
  return written;
}

afterEach(() => {
  delete (window as { ClipboardItem?: unknown }).ClipboardItem;
  delete (navigator as { clipboard?: unknown }).clipboard;
});

describe("the report in the pane", () => {
  test("the 检查 tab offers it: the draft of the sheet's form, with its figures, outline and indicator table", async () => {
    const host = new FakeHost(seed001());
    renderIn(<App host={host} defaultYear={2025} />);
    await screen.findByTestId("form-card");
    await userEvent.click(screen.getByRole("tab", { name: "检查" }));
    await screen.findByTestId("report-panel");
    await userEvent.click(screen.getByRole("button", { name: "生成自评报告" }));
    const draft = await screen.findByTestId("report-draft");
    expect(loaded()).not.toContain("docx"); // not before a download
    // the seed's figures, its outline, its indicator table
    expect(within(draft).getByRole("heading", { level: 2 })).toHaveTextContent("衡阳县人大常委会办公室部门整体支出绩效自评报告");
    expect(within(draft).getAllByRole("heading", { level: 3 }).map((h) => h.textContent)).toEqual([
      "一、部门基本情况",
      "二、部门整体支出情况",
      "三、绩效目标完成情况",
      "四、偏差原因分析及改进措施",
      "五、自评结论",
    ]);
    expect(draft).toHaveTextContent("预算执行率为97.42%");
    const table = within(draft).getAllByRole("table")[0];
    expect(within(table).getAllByRole("columnheader").map((c) => c.textContent)).toContain("年度指标值");
    expect(table).toHaveTextContent("网格化管理规范达标率");
    expect(draft.querySelectorAll("mark").length).toBeGreaterThan(0); // 【请补充：…】 stands out
    // back to the findings
    await userEvent.click(screen.getByRole("button", { name: "返回检查结果" }));
    expect(await screen.findByTestId("findings")).toBeInTheDocument();
  });

  test("an incomplete form's draft says so at the top, before anything else, with what is missing", () => {
    const form = { ...SEED001, indicators: SEED001.indicators.map((i, k) => (k === 0 ? { ...i, actual: "" } : i)) };
    const { unmount } = renderIn(<Report state={sheetState([evaluateForm(form)])} downloads="yes" onBack={() => undefined} />);
    let draft = screen.getByTestId("report-draft");
    let verdict = within(draft).getByTestId("report-verdict");
    expect(verdict).toHaveAttribute("data-tone", "incomplete");
    expect(verdict.textContent).toMatch(/^【草稿，自评表尚未填写完整】/);
    expect(within(verdict).getAllByRole("listitem").map((li) => li.textContent).join("\n")).toContain(SEED001.indicators[0].name);
    expect(draft.querySelector("h3, [data-testid='report-verdict']")).toBe(verdict); // nothing of the outline before it
    unmount();
    // A blank form: the outline only, said so.
    const blank = emptyForm("project", "项目自评", "人大代表履职培训项目", { unit: "某区人大常委会办公室", year: 2021, scored: true });
    renderIn(<Report state={sheetState([evaluateForm(blank)])} downloads="yes" onBack={() => undefined} />);
    draft = screen.getByTestId("report-draft");
    verdict = within(draft).getByTestId("report-verdict");
    expect(verdict).toHaveAttribute("data-tone", "empty");
    expect(verdict.textContent).toMatch(/^【自评表尚未填写】/);
  });

  test("a targets table has no report: said so", () => {
    const t = emptyForm("targets", "目标表", "人大会议", {});
    renderIn(<Report state={sheetState([evaluateForm(t)])} downloads="yes" onBack={() => undefined} />);
    expect(screen.getByTestId("report-none")).toHaveTextContent("目标表");
    expect(screen.queryByTestId("report-copy")).toBeNull();
  });
});

describe("copying the report", () => {
  test("as text/html and text/plain in one ClipboardItem: headings and the table in the HTML", async () => {
    const written = fakeClipboard();
    renderIn(<Report state={seed001()} downloads="yes" onBack={() => undefined} />);
    await userEvent.click(screen.getByRole("button", { name: "复制报告" }));
    await waitFor(() => expect(written).toHaveLength(1));
    expect(Object.keys(written[0]).sort()).toEqual(["text/html", "text/plain"]);
    const html = await blobText(written[0]["text/html"]);
    expect(html).toMatch(/^<!DOCTYPE html><html lang="zh-CN">/);
    expect(html).toContain("<h1");
    expect(html).toMatch(/<table[^>]*>.*网格化管理规范达标率.*<\/table>/s);
    expect(html).toContain("预算执行率为97.42%");
    const text = await blobText(written[0]["text/plain"]);
    expect(text.split("\n")[0]).toBe("衡阳县人大常委会办公室部门整体支出绩效自评报告");
    expect(text).toContain("一、部门基本情况");
    expect(screen.getByTestId("report-note")).toHaveTextContent("报告已复制");
  });

  test("refused by the host: a selection copy with both flavours set on the copy event", async () => {
    fakeClipboard(true);
    const data = new Map<string, string>();
    let selected = "";
    const exec = jest.fn((command: string) => {
      selected = String(window.getSelection());
      const e = new Event("copy", { cancelable: true }) as ClipboardEvent;
      Object.defineProperty(e, "clipboardData", { value: { setData: (t: string, v: string) => data.set(t, v) } });
      document.dispatchEvent(e);
      return command === "copy";
    });
    Object.defineProperty(document, "execCommand", { configurable: true, value: exec });
    try {
      renderIn(<Report state={seed001()} downloads="yes" onBack={() => undefined} />);
      await userEvent.click(screen.getByRole("button", { name: "复制报告" }));
      await waitFor(() => expect(exec).toHaveBeenCalledWith("copy"));
      expect(data.get("text/html")).toMatch(/<table[^>]*>.*网格化管理规范达标率/s);
      expect(data.get("text/plain")).toContain("一、部门基本情况");
      expect(selected).toContain("一、部门基本情况"); // the hidden copy was selected
      expect(document.querySelectorAll("[aria-hidden='true'] table")).toHaveLength(0); // and removed after
      expect(screen.getByTestId("report-note")).toHaveTextContent("报告已复制");
    } finally {
      delete (document as { execCommand?: unknown }).execCommand;
    }
  });

  test("neither way: the officer is told how to copy by hand", async () => {
    fakeClipboard(true);
    Object.defineProperty(document, "execCommand", { configurable: true, value: () => false });
    try {
      renderIn(<Report state={seed001()} downloads="yes" onBack={() => undefined} />);
      await userEvent.click(screen.getByRole("button", { name: "复制报告" }));
      await waitFor(() => expect(screen.getByTestId("report-note")).toHaveTextContent("按 Ctrl+C 复制"));
    } finally {
      delete (document as { execCommand?: unknown }).execCommand;
    }
  });
});

describe("downloading the .docx", () => {
  test("where downloads work: a Blob of the Word type, named after the report, PK-zipped with word/document.xml", async () => {
    const blobs: Blob[] = [];
    const clicked: { href: string; download: string }[] = [];
    Object.assign(URL, { createObjectURL: jest.fn((b: Blob) => (blobs.push(b), `blob:jx/${blobs.length}`)), revokeObjectURL: jest.fn() });
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });
    try {
      renderIn(<Report state={seed001()} downloads="yes" onBack={() => undefined} />);
      await userEvent.click(screen.getByRole("button", { name: "下载 Word 文档（.docx）" }));
      await waitFor(() => expect(clicked).toHaveLength(1), { timeout: 10_000 });
      expect(loaded()).toContain("docx");
      expect(clicked[0]).toEqual({ href: "blob:jx/1", download: "衡阳县人大常委会办公室部门整体支出绩效自评报告.docx" });
      expect(blobs[0].type).toBe(DOCX_MIME);
      const bytes = await blobBytes(blobs[0]);
      expect(String.fromCharCode(bytes[0], bytes[1])).toBe("PK");
      expect(Buffer.from(bytes).includes(Buffer.from("word/document.xml"))).toBe(true);
      await waitFor(() => expect(screen.getByTestId("report-note")).toHaveTextContent("已生成“衡阳县人大常委会办公室部门整体支出绩效自评报告.docx”"));
      expect(document.querySelectorAll("a[download]")).toHaveLength(0); // the link is gone again
    } finally {
      click.mockRestore();
    }
  });

  test("Excel for Mac and iPad: no download button, copying offered in Chinese; desktop Windows: a hint", () => {
    expect(downloadSupport("Mac")).toBe("no");
    expect(downloadSupport("iOS")).toBe("no");
    expect(downloadSupport("PC")).toBe("maybe");
    expect(downloadSupport("OfficeOnline")).toBe("yes");
    const { unmount } = renderIn(<Report state={seed001()} downloads="no" onBack={() => undefined} />);
    expect(screen.queryByRole("button", { name: /下载/ })).toBeNull();
    expect(screen.getByTestId("report-no-download")).toHaveTextContent("Mac 版和 iPad 版 Excel 的任务窗格不能下载文件。请点“复制报告”");
    unmount();
    renderIn(<Report state={seed001()} downloads="maybe" onBack={() => undefined} />);
    expect(screen.getByRole("button", { name: "下载 Word 文档（.docx）" })).toBeEnabled();
    expect(screen.getByTestId("report-download-hint")).toHaveTextContent("桌面版 Excel 可能不允许从任务窗格下载文件");
  });

  test("the pane on a Mac (Office's platform) opens the report without the download", async () => {
    renderIn(<App host={new FakeHost(seed001())} defaultYear={2025} platform="Mac" />);
    await screen.findByTestId("form-card");
    await userEvent.click(screen.getByRole("tab", { name: "检查" }));
    await userEvent.click(await screen.findByRole("button", { name: "生成自评报告" }));
    await screen.findByTestId("report-draft");
    expect(screen.getByTestId("report-no-download")).toBeInTheDocument();
    await act(async () => undefined);
  });
});
