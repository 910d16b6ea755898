// The draft as HTML for the clipboard (and for showing it): headings h1–h3, paragraphs, real <table>s with
// borders, and inline styles only, so that a paste into Word or WPS 文字 keeps the headings, the fonts and the
// table. Also the draft as plain text, the clipboard's other flavour. Pure functions: no DOM, no docx.
//
// Every text is escaped for HTML and neutralised (control and bidi characters); text read from the form is capped.
import type { Block, Inline, ReportDraft, Runs } from "../domain/report/model";
import { safeLines, safeRunText } from "./safe";
import { mergeSpans } from "./table";
import { FONTS, LINE_PT, SIZES, cssFontDecl } from "./style";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** HTML-escaped: & < > " ' (safe in text and in quoted attributes). */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const BODY = `${cssFontDecl(FONTS.fangsong)};font-size:${SIZES.body}pt;line-height:${LINE_PT}pt`;
const STYLE = {
  title: `margin:0 0 6pt 0;text-align:center;${cssFontDecl(FONTS.title)};font-size:${SIZES.title}pt;line-height:36pt;font-weight:normal`,
  subtitle: `margin:0;text-align:center;${BODY}`,
  h1: `margin:12pt 0 0 0;text-indent:2em;${cssFontDecl(FONTS.heiti)};font-size:${SIZES.heading}pt;line-height:${LINE_PT}pt;font-weight:normal`,
  h2: `margin:6pt 0 0 0;text-indent:2em;${cssFontDecl(FONTS.kaiti)};font-size:${SIZES.heading}pt;line-height:${LINE_PT}pt;font-weight:normal`,
  h3: `margin:6pt 0 0 0;text-indent:2em;${cssFontDecl(FONTS.fangsong)};font-size:${SIZES.heading}pt;line-height:${LINE_PT}pt;font-weight:bold`,
  p: `margin:0;text-indent:2em;text-align:justify;${BODY}`,
  notice: `margin:6pt 0;padding:4pt 6pt;border:1.5pt solid #c00000;background:#fff2f2;${BODY};color:#c00000`,
  noticeItem: `margin:0;padding-left:2em;${BODY};color:#c00000`,
  caption: `margin:12pt 0 4pt 0;text-align:center;${cssFontDecl(FONTS.heiti)};font-size:${SIZES.caption}pt;line-height:20pt`,
  table: `width:100%;border-collapse:collapse;border:1px solid #000;${cssFontDecl(FONTS.fangsong)};font-size:${SIZES.table}pt;line-height:16pt`,
  th: `border:1px solid #000;padding:2pt 4pt;text-align:center;vertical-align:middle;${cssFontDecl(FONTS.heiti)};font-weight:normal;background:#f2f2f2`,
  td: `border:1px solid #000;padding:2pt 4pt;vertical-align:middle`,
  note: `margin:4pt 0 0 0;${cssFontDecl(FONTS.fangsong)};font-size:${SIZES.table}pt;line-height:18pt`,
  placeholder: "background:#ffff00",
} as const;

/** One run already made safe (safeLines): escaped, placeholders marked, strong text bold. */
function runHtml(r: Inline): string {
  const t = escapeHtml(r.text);
  if (r.role === "placeholder") return `<span style="${STYLE.placeholder}">${t}</span>`;
  if (r.role === "strong") return `<b>${t}</b>`;
  return t;
}

/** Runs as one line of HTML, the form's line breaks as <br>. */
const runsHtml = (runs: Runs): string => safeLines(runs).map((line) => line.map(runHtml).join("")).join("<br>");

/** Runs as paragraphs: one per line of the form's texts. */
const paragraphsHtml = (runs: Runs, style: string): string =>
  safeLines(runs)
    .map((line) => `<p style="${style}">${line.map(runHtml).join("")}</p>`)
    .join("");

function blockHtml(b: Block): string {
  switch (b.type) {
    case "heading":
      return `<h${b.level} style="${STYLE[`h${b.level}`]}">${runsHtml(b.runs)}</h${b.level}>`;
    case "paragraph":
      return paragraphsHtml(b.runs, STYLE.p);
    case "notice":
      return (
        `<div style="${STYLE.notice}"><p style="margin:0"><b>${runsHtml(b.runs)}</b></p>` +
        b.items.map((i, k) => `<p style="${STYLE.noticeItem}">${k + 1}. ${runsHtml(i)}</p>`).join("") +
        `</div>`
      );
    case "table": {
      const head = b.columns
        .map((c) => `<th style="${STYLE.th};width:${c.width}%">${escapeHtml(safeRunText(c.header, true))}</th>`)
        .join("");
      const spans = mergeSpans(b.rows, b.mergeDown, b.columns.length);
      const body = b.rows
        .map((row, r) => {
          const cells = b.columns.map((c, k) => {
            const span = spans[r][k];
            if (span === 0) return "";
            const rowspan = span > 1 ? ` rowspan="${span}"` : "";
            return `<td${rowspan} style="${STYLE.td};text-align:${c.align}">${runsHtml(row[k] ?? [])}</td>`;
          });
          return `<tr>${cells.join("")}</tr>`;
        })
        .join("");
      return (
        `<p style="${STYLE.caption}">${runsHtml(b.caption)}</p>` +
        `<table border="1" cellspacing="0" cellpadding="4" style="${STYLE.table}"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>` +
        (b.note ? `<p style="${STYLE.note}">${runsHtml(b.note)}</p>` : "")
      );
    }
  }
}

/** The draft as an HTML fragment (a <div> with inline styles). */
export function draftToHtml(draft: ReportDraft): string {
  const parts = [
    `<p class="MsoTitle" style="${STYLE.title}">${runsHtml(draft.title)}</p>`,
    ...draft.subtitle.map((s) => `<p style="${STYLE.subtitle}">${runsHtml(s)}</p>`),
    ...draft.blocks.map(blockHtml),
  ];
  return `<div lang="zh-CN" style="${BODY}">${parts.join("")}</div>`;
}

/** The draft as a whole HTML document (the clipboard's text/html flavour, or a file). */
export function draftToHtmlDocument(draft: ReportDraft): string {
  const title = escapeHtml(safeRunText(draft.title.map((r) => r.text).join(""), true));
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head><body>${draftToHtml(draft)}</body></html>`;
}

const plainRuns = (runs: Runs): string => runs.map((r) => safeRunText(r.text, r.role === "form")).join("");

/** The draft as plain text (the clipboard's text/plain flavour): tables as tab-separated rows. */
export function draftToText(draft: ReportDraft): string {
  const lines: string[] = [plainRuns(draft.title), ...draft.subtitle.map(plainRuns), ""];
  for (const b of draft.blocks) {
    if (b.type === "heading") lines.push(plainRuns(b.runs));
    else if (b.type === "paragraph") lines.push(...plainRuns(b.runs).split("\n").map((l) => `\u3000\u3000${l}`));
    else if (b.type === "notice") lines.push(plainRuns(b.runs), ...b.items.map((i, k) => `\u3000\u3000${k + 1}. ${plainRuns(i).replace(/\n/g, " ")}`), "");
    else {
      const cell = (runs: Runs) => plainRuns(runs).replace(/\s*\n\s*/g, " ");
      lines.push(plainRuns(b.caption), b.columns.map((c) => c.header).join("\t"), ...b.rows.map((row) => row.map(cell).join("\t")));
      if (b.note) lines.push(plainRuns(b.note));
      lines.push("");
    }
  }
  return `${lines.join("\n").trimEnd()}\n`;
}
