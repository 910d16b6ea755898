/**
 * @jest-environment jsdom
 */
// The clipboard HTML: well-formed, nested as written (the HTML parser changes nothing), headings h1–h3, tables with
// borders, the Chinese font stacks inline; and every text from the file escaped, neutralised and capped. (How a
// paste into Word or WPS looks is for the browser tests of the pane.)
import { draftToHtml, draftToHtmlDocument, draftToText, escapeHtml } from "../../src/document/html";
import { FORM_TEXT_CAP } from "../../src/document/safe";
import type { ReportDraft } from "../../src/domain/report/model";
import { draftOf, evaluationsOf, runsText, tables } from "./helpers";
import { BIDI, FORGED, HUGE, SCRIPT, UNSAFE, hostileEvaluation } from "./hostile";

const SEEDS = ["seed000-department-goals", "seed001-department", "seed002-multi-project", "seed003-report", "variant-national-project"];
const ALLOWED = new Set(["DIV", "P", "H1", "H2", "H3", "SPAN", "B", "BR", "TABLE", "THEAD", "TBODY", "TR", "TH", "TD"]);

function parseHtml(html: string): HTMLElement {
  const t = document.createElement("template");
  t.innerHTML = html;
  const root = t.content.firstElementChild as HTMLElement;
  expect(t.content.childNodes).toHaveLength(1);
  return root;
}

/** The tag sequence of the HTML parse equals that of a strict XML parse of the same text: nothing was left open,
 *  closed out of order or moved by the parser's error recovery. */
function expectWellFormed(html: string): void {
  const xml = new DOMParser().parseFromString(html.replace(/<br>/g, "<br/>"), "application/xml");
  expect(xml.getElementsByTagName("parsererror")).toHaveLength(0);
  const xmlTags = Array.from(xml.getElementsByTagName("*")).map((e) => e.tagName.toUpperCase());
  const htmlTags = [parseHtml(html), ...Array.from(parseHtml(html).querySelectorAll("*"))].map((e) => e.tagName);
  expect(htmlTags).toEqual(xmlTags);
  for (const t of htmlTags) expect(ALLOWED).toContain(t);
}

describe.each(SEEDS)("%s", (name) => {
  let draft: ReportDraft;
  let html: string;
  let root: HTMLElement;
  beforeAll(async () => {
    draft = draftOf(await evaluationsOf(name));
    html = draftToHtml(draft);
    root = parseHtml(html);
  });

  test("well-formed, with only the elements a paste keeps", () => expectWellFormed(html));

  test("one h1–h3 per heading of the draft, in order, and the title styled as Word's title", () => {
    const want = draft.blocks.flatMap((b) => (b.type === "heading" ? [`H${b.level} ${runsText(b.runs)}`] : []));
    expect(Array.from(root.querySelectorAll("h1, h2, h3")).map((h) => `${h.tagName} ${h.textContent}`)).toEqual(want);
    const title = root.querySelector("p.MsoTitle") as HTMLElement;
    expect(title.textContent).toBe(runsText(draft.title));
    expect(title.style.fontSize).toBe("22pt");
  });

  test("every table of the draft as a <table> with borders on every cell and its rows", () => {
    const t = tables(draft);
    const els = Array.from(root.querySelectorAll("table"));
    expect(els).toHaveLength(t.length);
    els.forEach((el, k) => {
      expect(el.getAttribute("border")).toBe("1");
      expect(el.style.borderCollapse).toBe("collapse");
      expect(el.querySelectorAll("thead th")).toHaveLength(t[k].columns.length);
      expect(el.querySelectorAll("tbody tr")).toHaveLength(t[k].rows.length);
      for (const cell of Array.from(el.querySelectorAll("th, td"))) expect((cell as HTMLElement).style.border).toBe("1px solid rgb(0, 0, 0)");
    });
  });

  test("the Chinese font stacks inline: 仿宋 for text, 黑体 for 一级 headings, 楷体 for 二级", () => {
    const p = root.querySelector("p:not(.MsoTitle)") as HTMLElement;
    expect(p.style.fontFamily).toContain("仿宋_GB2312");
    expect(p.style.fontFamily).toContain("FangSong");
    expect(p.style.fontSize).toBe("16pt");
    const h1 = root.querySelector("h1") as HTMLElement;
    expect(h1.style.fontFamily).toContain("黑体");
    expect(h1.style.fontFamily).toContain("SimHei");
    const h2 = root.querySelector("h2") as HTMLElement;
    expect(h2.style.fontFamily).toContain("楷体_GB2312");
    // Word reads the East Asian font of a paste from its own property
    expect(html).toContain("mso-fareast-font-family:'仿宋_GB2312'");
    expect(html).toContain("mso-fareast-font-family:'黑体'");
  });

  test("placeholders are marked yellow", () => {
    const marks = Array.from(root.querySelectorAll("span")).filter((s) => s.textContent?.startsWith("【请补充："));
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) expect((m as HTMLElement).style.background).toContain("rgb(255, 255, 0)");
  });
});

test("merged 一级 cells span their rows (rowspan), as the form shows them", async () => {
  const draft = draftOf(await evaluationsOf("seed001-department"));
  const root = parseHtml(draftToHtml(draft));
  const table = Array.from(root.querySelectorAll("table")).find((t) => t.textContent?.includes("总体工作完成率"))!;
  const produce = Array.from(table.querySelectorAll("td")).find((td) => td.textContent === "产出指标")!;
  expect(produce.getAttribute("rowspan")).toBe("12"); // the 12 产出 indicators of seed 001
  // every row still has one cell per column once the spans are counted
  const cols = table.querySelectorAll("thead th").length;
  const covered = new Array(table.querySelectorAll("tbody tr").length).fill(0);
  Array.from(table.querySelectorAll("tbody tr")).forEach((tr, r) => {
    for (const td of Array.from(tr.querySelectorAll("td"))) {
      const span = Number(td.getAttribute("rowspan") ?? 1);
      for (let k = 0; k < span; k++) covered[r + k]++;
    }
  });
  expect(covered.every((n) => n === cols)).toBe(true);
});

describe("text from a hostile file", () => {
  let draft: ReportDraft;
  let html: string;
  let root: HTMLElement;
  let text: string;
  beforeAll(async () => {
    draft = draftOf([await hostileEvaluation()]);
    html = draftToHtmlDocument(draft);
    root = parseHtml(draftToHtml(draft));
    text = draftToText(draft);
  });

  test("markup stays text: no script, no image, no event handler", () => {
    expect(root.querySelector("script, img, [onerror]")).toBeNull();
    expect(root.textContent).toContain(`养老${SCRIPT}`);
    expect(html).not.toContain("<script");
    expect(html).toContain("&lt;script&gt;");
    expectWellFormed(draftToHtml(draft));
  });

  test("control and bidi characters never reach the output; they show as U+FFFD", () => {
    expect(html).not.toMatch(UNSAFE);
    expect(text).not.toMatch(UNSAFE);
    expect(root.textContent).toContain("满意付款\ufffd000,001\ufffd元\ufffd隔离\ufffd");
    expect(BIDI).toMatch(UNSAFE);
  });

  test("a newline in a reason cannot forge a heading or a conclusion", () => {
    const headings = Array.from(root.querySelectorAll("h1, h2, h3")).map((h) => h.textContent);
    expect(headings.filter((h) => h === "四、自评结论")).toHaveLength(1);
    // the forged lines are plain paragraphs inside the deviation section, not a heading
    expect(root.textContent).toContain(FORGED.split("\n")[1]);
  });

  test("a huge cell is capped, and says how much was left out", () => {
    expect(HUGE.length).toBeGreaterThan(FORM_TEXT_CAP);
    expect(root.textContent).not.toContain("长".repeat(FORM_TEXT_CAP + 1));
    expect(root.textContent).toContain(`${"长".repeat(FORM_TEXT_CAP)}……（以下${HUGE.length - FORM_TEXT_CAP}字从略）`);
  });
});

test("escapeHtml escapes the five characters", () => {
  expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
});

test("the plain-text flavour keeps the outline and the tables as tab-separated rows", async () => {
  const draft = draftOf(await evaluationsOf("seed001-department"));
  const text = draftToText(draft);
  expect(text.startsWith("衡阳县人大常委会办公室部门整体支出绩效自评报告\n（2020年度）\n")).toBe(true);
  expect(text).toContain("\n五、自评结论\n");
  expect(text).toContain("总体工作完成率\t100%\t98%\t8\t7.5\t未达成");
});
