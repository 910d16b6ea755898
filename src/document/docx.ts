// The draft as a Word document (.docx), written with the `docx` library: Word's own heading styles (标题 1–3, so
// the navigation pane and a table of contents see them), 仿宋_GB2312 / 黑体 / 楷体_GB2312 with fallbacks in the
// font table, A4 with the margins of GB/T 9704, "— N —" page numbers in the footer, and the indicator tables as
// real Word tables whose header row repeats on each page.
//
// Import this module on its own (the pane loads it on demand, as its own chunk): it is the only one that pulls in
// `docx`. Works in Node and in the browser: it returns bytes, the caller writes or downloads them.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
  type IRunOptions,
} from "docx";
import type { Block, Inline, ReportDraft, Runs, TableColumn } from "../domain/report/model";
import { safeLines, safeRunText } from "./safe";
import { mergeSpans } from "./table";
import { FONTS, LATIN_FONT, LINE_PT, PAGE_MM, SIZES, type FontSpec } from "./style";

const twip = (pt: number): number => Math.round(pt * 20);
/** Millimetres in twips, rounded (A4 is 11906 × 16838). */
const mmTwip = (mm: number): number => Math.round((mm * 1440) / 25.4);
const half = (pt: number): number => Math.round(pt * 2);

const font = (f: FontSpec) => ({ ascii: LATIN_FONT, hAnsi: LATIN_FONT, eastAsia: f.eastAsia, cs: LATIN_FONT, hint: "eastAsia" });

/** The type area's width in twips: A4 less the left and right margins. */
const TEXT_WIDTH = mmTwip(PAGE_MM.width - PAGE_MM.left - PAGE_MM.right);

const exactLine = (pt: number) => ({ line: twip(pt), lineRule: LineRuleType.EXACT });

/** Neighbouring runs that look the same (our words and the form's text) as one run: fewer elements to write. */
function mergeLook(line: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const r of line) {
    const look = r.role === "form" ? "text" : r.role;
    const prev = out[out.length - 1];
    if (prev && prev.role === look && look === "text") prev.text += r.text;
    else out.push({ text: r.text, role: look });
  }
  return out;
}

/** One run already made safe (safeLines). */
function textRun(r: Inline, base: IRunOptions, breakBefore: boolean): TextRun {
  return new TextRun({
    ...base,
    ...(r.role === "placeholder" ? { highlight: "yellow" as const } : {}),
    ...(r.role === "strong" ? { bold: true } : {}),
    text: r.text,
    ...(breakBefore ? { break: 1 } : {}),
  });
}

/** Runs in one paragraph (headings, cells, captions): the form's line breaks as line breaks. */
function textRuns(runs: Runs, base: IRunOptions = {}): TextRun[] {
  return safeLines(runs).flatMap((line, i) => mergeLook(line).map((r, k) => textRun(r, base, i > 0 && k === 0)));
}

/** Runs as paragraphs, one per line of the form's texts (a justified line ending in a manual break is stretched). */
function paragraphs(runs: Runs, make: (children: TextRun[]) => Paragraph, base: IRunOptions = {}): Paragraph[] {
  return safeLines(runs).map((line) => make(mergeLook(line).map((r) => textRun(r, base, false))));
}

function headingLevel(level: 1 | 2 | 3) {
  return level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3;
}

const NOTICE_RED = "C00000";
const noticeBorder = { style: BorderStyle.SINGLE, size: 12, color: NOTICE_RED, space: 4 };

function blockContent(b: Block): (Paragraph | Table)[] {
  switch (b.type) {
    case "heading":
      return [new Paragraph({ heading: headingLevel(b.level), children: textRuns(b.runs) })];
    case "paragraph":
      return paragraphs(b.runs, (children) => new Paragraph({ children }));
    case "notice": {
      // Neighbouring paragraphs with the same borders and indents share one box in Word.
      const boxed = { border: { top: noticeBorder, bottom: noticeBorder, left: noticeBorder, right: noticeBorder }, indent: { left: 0, firstLine: 0 } };
      const red: IRunOptions = { color: NOTICE_RED };
      return [
        new Paragraph({ ...boxed, children: textRuns(b.runs, { ...red, bold: true }) }),
        ...b.items.map((item, k) => new Paragraph({ ...boxed, children: textRuns([{ text: `${k + 1}. `, role: "text" }, ...item], red) })),
      ];
    }
    case "table":
      return [
        new Paragraph({ style: "ReportCaption", keepNext: true, children: textRuns(b.caption) }),
        table(b.columns, b.rows, b.mergeDown),
        ...(b.note ? [new Paragraph({ style: "ReportTableNote", children: textRuns(b.note) })] : []),
      ];
  }
}

const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: "000000" };

function table(columns: TableColumn[], rows: Runs[][], mergeDown?: number[]): Table {
  const widths = columns.map((c) => Math.round((TEXT_WIDTH * c.width) / 100));
  const spans = mergeSpans(rows, mergeDown, columns.length);
  const cell = (children: Paragraph[], k: number, header: boolean, span = 1) =>
    new TableCell({
      children,
      width: { size: widths[k], type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      ...(header ? { shading: { fill: "F2F2F2" } } : {}),
      ...(span > 1 ? { verticalMerge: VerticalMergeType.RESTART } : span === 0 ? { verticalMerge: VerticalMergeType.CONTINUE } : {}),
    });
  const styleOf = (c: TableColumn | undefined) => (c?.align === "center" ? "ReportTableCenter" : "ReportTable");
  const head = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((c, k) =>
      cell([new Paragraph({ style: "ReportTableHead", children: textRuns([{ text: c.header, role: "form" }]) })], k, true),
    ),
  });
  const body = rows.map(
    (row, r) =>
      new TableRow({
        cantSplit: true,
        children: columns.map((c, k) =>
          cell(
            [new Paragraph({ style: styleOf(c), children: spans[r][k] === 0 ? [] : textRuns(row[k] ?? []) })],
            k,
            false,
            spans[r][k],
          ),
        ),
      }),
  );
  return new Table({
    rows: [head, ...body],
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: { left: 80, right: 80, top: 30, bottom: 30 },
    alignment: AlignmentType.CENTER,
    borders: { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder, insideHorizontal: cellBorder, insideVertical: cellBorder },
  });
}

/** The font table: each Chinese font with the name Word falls back to, and the GB2312 character set. */
function fontTableXml(): string {
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
  const entry = (name: string, alt: string | null, charset: string, family: string, pitch: string) =>
    `<w:font w:name="${esc(name)}">${alt ? `<w:altName w:val="${esc(alt)}"/>` : ""}<w:charset w:val="${charset}"/><w:family w:val="${family}"/><w:pitch w:val="${pitch}"/></w:font>`;
  const fonts = [
    entry(LATIN_FONT, null, "00", "roman", "variable"),
    ...Object.values(FONTS).map((f) => entry(f.eastAsia, f.altName, "86", "modern", "fixed")),
  ];
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${fonts.join("")}</w:fonts>`
  );
}

function headingStyle(f: FontSpec, bold: boolean, outlineLevel: number, before: number) {
  return {
    run: { font: font(f), size: half(SIZES.heading), bold, color: "000000" },
    paragraph: { spacing: { ...exactLine(LINE_PT), before: twip(before), after: 0 }, indent: { firstLine: twip(SIZES.body * 2) }, keepNext: true, outlineLevel },
  };
}

export function buildDocument(draft: ReportDraft): Document {
  const title = draft.title.map((r) => safeRunText(r.text, r.role === "form")).join("");
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: textRuns(draft.title) }),
    ...draft.subtitle.map((s) => new Paragraph({ style: "ReportSubtitle", children: textRuns(s) })),
    ...draft.blocks.flatMap(blockContent),
  ];
  const body = { font: font(FONTS.fangsong), size: half(SIZES.body) };
  return new Document({
    title,
    creator: "绩效自评助手",
    description: "根据绩效自评表起草的自评报告",
    styles: {
      default: {
        document: {
          run: body,
          paragraph: { spacing: { ...exactLine(LINE_PT), before: 0, after: 0 }, alignment: AlignmentType.JUSTIFIED, indent: { firstLine: twip(SIZES.body * 2) } },
        },
        title: {
          run: { font: font(FONTS.title), size: half(SIZES.title), bold: false, color: "000000" },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { line: twip(36), lineRule: LineRuleType.AT_LEAST, before: 0, after: twip(6) }, indent: { firstLine: 0 } },
        },
        heading1: headingStyle(FONTS.heiti, false, 0, 12),
        heading2: headingStyle(FONTS.kaiti, false, 1, 6),
        heading3: headingStyle(FONTS.fangsong, true, 2, 6),
      },
      paragraphStyles: [
        { id: "ReportSubtitle", name: "报告副标题", basedOn: "Normal", run: body, paragraph: { alignment: AlignmentType.CENTER, indent: { firstLine: 0 } } },
        {
          id: "ReportCaption",
          name: "报告表题",
          basedOn: "Normal",
          run: { font: font(FONTS.heiti), size: half(SIZES.caption) },
          paragraph: { alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, spacing: { before: twip(12), after: twip(4), line: twip(20), lineRule: LineRuleType.AT_LEAST }, keepNext: true },
        },
        {
          id: "ReportTable",
          name: "报告表格",
          basedOn: "Normal",
          run: { font: font(FONTS.fangsong), size: half(SIZES.table) },
          paragraph: { indent: { firstLine: 0 }, spacing: { line: twip(SIZES.table * 1.3), lineRule: LineRuleType.AT_LEAST }, alignment: AlignmentType.LEFT },
        },
        { id: "ReportTableCenter", name: "报告表格居中", basedOn: "ReportTable", paragraph: { alignment: AlignmentType.CENTER } },
        {
          id: "ReportTableHead",
          name: "报告表头",
          basedOn: "ReportTable",
          run: { font: font(FONTS.heiti), size: half(SIZES.table) },
          paragraph: { alignment: AlignmentType.CENTER },
        },
        {
          id: "ReportTableNote",
          name: "报告表注",
          basedOn: "Normal",
          run: { font: font(FONTS.fangsong), size: half(SIZES.table) },
          paragraph: { indent: { firstLine: 0 }, spacing: { before: twip(4), line: twip(18), lineRule: LineRuleType.AT_LEAST } },
        },
        {
          id: "ReportFooter",
          name: "报告页脚",
          basedOn: "Normal",
          run: { font: font(FONTS.song), size: half(SIZES.footer) },
          paragraph: { alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, spacing: { line: twip(SIZES.footer * 1.2), lineRule: LineRuleType.AT_LEAST } },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: mmTwip(PAGE_MM.width), height: mmTwip(PAGE_MM.height) },
            margin: {
              top: mmTwip(PAGE_MM.top),
              bottom: mmTwip(PAGE_MM.bottom),
              left: mmTwip(PAGE_MM.left),
              right: mmTwip(PAGE_MM.right),
              header: mmTwip(PAGE_MM.header),
              footer: mmTwip(PAGE_MM.footer),
            },
          },
        },
        footers: {
          default: new Footer({ children: [new Paragraph({ style: "ReportFooter", children: [new TextRun({ children: ["— ", PageNumber.CURRENT, " —"] })] })] }),
        },
        children,
      },
    ],
  });
}

/** The .docx file's bytes. */
export async function draftToDocx(draft: ReportDraft): Promise<Uint8Array> {
  const buf = await Packer.toArrayBuffer(buildDocument(draft), false, [{ path: "word/fontTable.xml", data: fontTableXml() }]);
  return new Uint8Array(buf);
}
