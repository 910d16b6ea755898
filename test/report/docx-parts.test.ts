/**
 * @jest-environment jsdom
 */
// The .docx as Word reads it: every part well-formed XML (a strict parser), Word's heading styles on the headings,
// 仿宋_GB2312 / 黑体 / 楷体_GB2312 with their fallbacks, 三号 text, A4 with the margins of GB/T 9704, a PAGE field
// in the footer, the indicator tables as w:tbl with a repeating header row. Also for a form written by an attacker.
import { TextEncoder as NodeTextEncoder } from "node:util";
import { draftToDocx } from "../../src/document/docx";
import type { ReportDraft } from "../../src/domain/report/model";
import { draftOf, evaluationsOf, runsText, tables, unzipText } from "./helpers";
import { SCRIPT, UNSAFE, hostileEvaluation } from "./hostile";

// jest's jsdom environment lacks TextEncoder, which Node and every browser have.
globalThis.TextEncoder ??= NodeTextEncoder as typeof TextEncoder;

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

function parse(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, "application/xml");
  expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
  return doc;
}

const els = (doc: Document, name: string): Element[] => Array.from(doc.getElementsByTagNameNS(W, name));
const attr = (e: Element | undefined, name: string): string | null => e?.getAttributeNS(W, name) ?? null;

function style(styles: Document, id: string): Element {
  const s = els(styles, "style").find((e) => attr(e, "styleId") === id);
  if (!s) throw new Error(`no style ${id}`);
  return s;
}
const eastAsia = (e: Element) => attr(e.getElementsByTagNameNS(W, "rFonts")[0], "eastAsia");
const size = (e: Element) => attr(e.getElementsByTagNameNS(W, "sz")[0], "val");

describe.each(["seed001-department", "seed002-multi-project", "variant-national-project"])("%s", (name) => {
  let draft: ReportDraft;
  let parts: Map<string, string>;
  let doc: Document;
  beforeAll(async () => {
    draft = draftOf(await evaluationsOf(name));
    parts = unzipText(await draftToDocx(draft));
    doc = parse(parts.get("word/document.xml")!);
  });

  test("every XML part is well-formed", () => {
    const xml = [...parts.keys()].filter((k) => k.endsWith(".xml") || k.endsWith(".rels"));
    expect(xml).toEqual(expect.arrayContaining(["word/document.xml", "word/styles.xml", "word/fontTable.xml", "word/footer1.xml", "[Content_Types].xml"]));
    for (const k of xml) parse(parts.get(k)!);
  });

  test("headings carry Word's heading styles, in the draft's order; the title Word's title style", () => {
    const styled = els(doc, "p")
      .map((p) => [attr(p.getElementsByTagNameNS(W, "pStyle")[0], "val"), els(p as unknown as Document, "t").map((t) => t.textContent).join("")] as const)
      .filter(([s]) => s === "Title" || /^Heading\d$/.test(s ?? ""));
    const want = [
      ["Title", runsText(draft.title)],
      ...draft.blocks.flatMap((b) => (b.type === "heading" ? [[`Heading${b.level}`, runsText(b.runs)]] : [])),
    ];
    expect(styled.map(([s, t]) => [s, t])).toEqual(want);
  });

  test("fonts and sizes: 仿宋_GB2312 三号 text, 黑体 / 楷体_GB2312 / bold 仿宋 headings, 方正小标宋 二号 title", () => {
    const styles = parse(parts.get("word/styles.xml")!);
    const defaults = els(styles, "rPrDefault")[0];
    expect(eastAsia(defaults)).toBe("仿宋_GB2312");
    expect(size(defaults)).toBe("32"); // half-points: 16 pt = 三号
    expect([eastAsia(style(styles, "Heading1")), size(style(styles, "Heading1"))]).toEqual(["黑体", "32"]);
    expect([eastAsia(style(styles, "Heading2")), size(style(styles, "Heading2"))]).toEqual(["楷体_GB2312", "32"]);
    expect([eastAsia(style(styles, "Heading3")), size(style(styles, "Heading3"))]).toEqual(["仿宋_GB2312", "32"]);
    expect([eastAsia(style(styles, "Title")), size(style(styles, "Title"))]).toEqual(["方正小标宋简体", "44"]);
    // outline levels, so the navigation pane and a table of contents see the headings
    expect(["Heading1", "Heading2", "Heading3"].map((h) => attr(style(styles, h).getElementsByTagNameNS(W, "outlineLvl")[0], "val"))).toEqual(["0", "1", "2"]);
  });

  test("the font table names a fallback for each Chinese font and the GB2312 character set", () => {
    const fonts = parse(parts.get("word/fontTable.xml")!);
    const byName = new Map(els(fonts, "font").map((f) => [attr(f, "name"), f]));
    for (const [font, alt] of [["仿宋_GB2312", "仿宋"], ["黑体", "SimHei"], ["楷体_GB2312", "楷体"], ["方正小标宋简体", "宋体"]]) {
      const f = byName.get(font);
      expect(attr(f?.getElementsByTagNameNS(W, "altName")[0], "val")).toBe(alt);
      expect(attr(f?.getElementsByTagNameNS(W, "charset")[0], "val")).toBe("86");
    }
  });

  test("A4 with the GB/T 9704 margins (天头 37 mm, 订口 28 mm, 156 × 225 mm type area)", () => {
    const sect = els(doc, "sectPr")[0];
    const pgSz = sect.getElementsByTagNameNS(W, "pgSz")[0];
    expect([attr(pgSz, "w"), attr(pgSz, "h")]).toEqual(["11906", "16838"]);
    const mar = sect.getElementsByTagNameNS(W, "pgMar")[0];
    const mm = (v: string | null) => Math.round((Number(v) * 25.4) / 1440);
    expect({ top: mm(attr(mar, "top")), bottom: mm(attr(mar, "bottom")), left: mm(attr(mar, "left")), right: mm(attr(mar, "right")) }).toEqual({ top: 37, bottom: 35, left: 28, right: 26 });
  });

  test("page numbers: a PAGE field in the default footer, between dashes", () => {
    const footer = parse(parts.get("word/footer1.xml")!);
    expect(els(footer, "instrText").map((e) => e.textContent?.trim())).toEqual(["PAGE"]);
    expect(els(footer, "t").map((e) => e.textContent).join("")).toBe("—  —");
    const ref = els(doc, "footerReference")[0];
    expect(attr(ref, "type")).toBe("default");
  });

  test("each table a real Word table: one w:tbl per draft table, its header row repeating, one cell per column", () => {
    const tbls = els(doc, "tbl");
    const want = tables(draft);
    expect(tbls).toHaveLength(want.length);
    tbls.forEach((tbl, k) => {
      const rows = Array.from(tbl.getElementsByTagNameNS(W, "tr"));
      expect(rows).toHaveLength(want[k].rows.length + 1);
      expect(rows[0].getElementsByTagNameNS(W, "tblHeader")).toHaveLength(1);
      for (const r of rows) expect(r.getElementsByTagNameNS(W, "tc")).toHaveLength(want[k].columns.length);
      const head = Array.from(rows[0].getElementsByTagNameNS(W, "tc")).map((c) => Array.from(c.getElementsByTagNameNS(W, "t")).map((t) => t.textContent).join(""));
      expect(head).toEqual(want[k].columns.map((c) => c.header));
      expect(tbl.getElementsByTagNameNS(W, "tblBorders")).toHaveLength(1);
    });
  });

  test("placeholders are highlighted", () => {
    const marked = els(doc, "r").filter((r) => r.getElementsByTagNameNS(W, "highlight").length > 0);
    expect(marked.length).toBeGreaterThan(0);
    for (const r of marked) expect(Array.from(r.getElementsByTagNameNS(W, "t")).map((t) => t.textContent).join("")).toMatch(/^【请补充：.*】$/);
  });
});

test("seed 001's 一级 cells are merged down the table (w:vMerge), as on the form", async () => {
  const parts = unzipText(await draftToDocx(draftOf(await evaluationsOf("seed001-department"))));
  const doc = parse(parts.get("word/document.xml")!);
  const tbl = els(doc, "tbl").find((t) => t.textContent?.includes("总体工作完成率"))!;
  const firstCells = Array.from(tbl.getElementsByTagNameNS(W, "tr")).map((tr) => tr.getElementsByTagNameNS(W, "tc")[0]);
  const merge = firstCells.map((c) => attr(c.getElementsByTagNameNS(W, "vMerge")[0], "val") ?? (c.getElementsByTagNameNS(W, "vMerge").length ? "continue" : "-"));
  // header, 预算执行率, then 产出 ×12 (restart + 11 continue), 效益 ×2, 满意度 ×2, 总分
  expect(merge).toEqual(["-", "-", "restart", ...Array(11).fill("continue"), "restart", "continue", "restart", "continue", "-"]);
});

test("a hostile form gives a valid document: markup as text, no control or bidi characters, the huge cell capped", async () => {
  const draft = draftOf([await hostileEvaluation()]);
  const parts = unzipText(await draftToDocx(draft));
  for (const [k, xml] of parts) if (k.endsWith(".xml")) parse(xml);
  const doc = parse(parts.get("word/document.xml")!);
  const text = els(doc, "t").map((t) => t.textContent).join("\n");
  expect(text).toContain(`养老${SCRIPT}`);
  expect(text).not.toMatch(UNSAFE);
  expect(parts.get("word/document.xml")).not.toMatch(UNSAFE);
  expect(text).not.toContain("长".repeat(2001));
  expect(text).toContain("字从略）");
  // the forged lines are body paragraphs, never headings
  const headings = els(doc, "p").filter((p) => /^Heading/.test(attr(p.getElementsByTagNameNS(W, "pStyle")[0], "val") ?? ""));
  expect(headings.filter((h) => h.textContent === "四、自评结论")).toHaveLength(1);
  // the document's title property is neutralised too
  expect(parts.get("docProps/core.xml")).not.toMatch(UNSAFE);
});
