// The reviewer's summary workbook (issue #14 item 3): what `jixiao check FOLDER --xlsx 汇总.xlsx` writes besides its
// report. Three sheets:
//   汇总      one row per form (file, sheet, kind, 单位, 项目, 全年预算数, 全年执行数, 执行率, 总分 填写 / 计算, 等级,
//             errors, warnings, 状态 可接收 / 退回修改, 说明), frozen header, filters, 万元 and % formats, 退回修改 first;
//   问题清单  one row per finding (file with a link to it, sheet, cell, indicator, severity, message, code);
//   退回意见  per file that must go back, a paragraph in Chinese to paste into the reply.
// A form is 可接收 only when its evaluation is ready (complete and without error, docs/rules.md#ready-to-send); a total that is not
// final is shown as 暂计 and its grade as 待完成. Files that could not be read are listed with the reason.
// Everything written comes from files the reviewer did not make: texts lose the characters a cell cannot hold and
// are cut to a cell's 32,767 characters; links are built from the file names so that no name can turn into another
// kind of link. The row model is pure (summaryRows, issueRows, returnOpinions); summaryWorkbook lays it out.

import { promises as fs } from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import ExcelJS from "exceljs";
import type { Evaluation, Finding, Form, Severity } from "../domain/model";
import { kindName, SEVERITY_NAMES } from "../domain/names";
import { openPart } from "../domain/progress";
import { toWan } from "../domain/units";
import { cellText, EXCEL_CELL_MAX } from "../sheet/safe-text";

export interface SummaryForm {
  form: Form;
  evaluation: Evaluation;
}

/** One checked file: its forms, or why it could not be read; `notes` say what else the reviewer should know
 *  (a form that found no targets table, an ambiguous pairing). */
export interface SummaryFile {
  file: string;
  error: string | null;
  forms: SummaryForm[];
  notes?: { sheet?: string; form?: Form; message: string }[];
}

export interface SummaryOptions {
  /** The folder the summary is written into: links to the files are relative to it. */
  dir: string;
}

export const SHEETS = { summary: "汇总", issues: "问题清单", opinions: "退回意见" } as const;
export const ACCEPT = "可接收";
export const RETURN = "退回修改";

// ---------- safe text ----------

// Texts go through src/sheet/safe-text's cellText: characters XML cannot hold become "�", at most 32,767 characters.
export { cellText };
export const CELL_MAX = EXCEL_CELL_MAX;
// eslint-disable-next-line no-control-regex
const XML_ILLEGAL = /[\ud800-\udbff][\udc00-\udfff]|[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\ud800-\udfff]/g;
/** A file name's characters a link cannot hold are dropped; a well-formed surrogate pair is kept. */
const dropIllegal = (ch: string): string => (ch.length === 2 ? ch : "");

// Characters that would end a path segment or start another part of a link (query, fragment, a sheet location
// "Sheet!A1" that ExcelJS would write as a link inside the workbook), spaces, and what no URI may hold.
// eslint-disable-next-line no-control-regex
const LINK_UNSAFE = /[\s%#?!"<>\\^`{|}\u0000-\u001f\u007f]/g;

/**
 * The link to a checked file from the summary written in `dir`: a relative path with "/" between folders, each
 * risky character percent-encoded (a name such as "http:x", "a#b" or "=HYPERLINK(…)" stays a file in that folder);
 * a file on another drive gets a file:// URL.
 */
export function fileLink(file: string, dir: string): string {
  const abs = path.resolve(file);
  const rel = path.relative(path.resolve(dir), abs);
  if (rel === "" || path.isAbsolute(rel)) return pathToFileURL(abs).href;
  const encode = (seg: string): string =>
    seg.replace(XML_ILLEGAL, dropIllegal).replace(LINK_UNSAFE, (ch) => encodeURIComponent(ch).replace(/!/g, "%21"));
  const segs = rel.split(/[\\/]+/).map(encode);
  // "./" first: a first segment with a colon ("c:x", "http:x") must not read as a scheme or a drive.
  return segs[0] === ".." ? segs.join("/") : `./${segs.join("/")}`;
}

// ---------- the rows ----------

export interface SummaryRow {
  file: string;
  sheet: string;
  kind: string;
  unit: string;
  project: string;
  /** 万元 */
  budget: number | null;
  spent: number | null;
  /** fraction */
  rate: number | null;
  totalEntered: number | null;
  totalComputed: number | null;
  /** The computed total is provisional (暂计): the form is not complete yet. */
  provisional: boolean;
  grade: string;
  errors: number;
  warnings: number;
  status: typeof ACCEPT | typeof RETURN;
  note: string;
  /** For sorting within a file: the sheet order and a multi-project row. */
  order: number;
}

const isProjectKind = (f: Form): boolean => f.kind === "project" || f.kind === "multi-project" || f.kind === "targets";

function unitOf(f: Form): string {
  const fields = f.fields ?? {};
  if (!isProjectKind(f)) return (fields.name?.value || f.name || f.unit || "").trim();
  return (fields.implementer?.value || fields.supervisor?.value || f.unit || "").trim();
}

/** An amount of the form in 万元 (target tables write 元). */
function wan(f: Form, x: number | null | undefined): number | null {
  if (x == null || !Number.isFinite(x)) return null;
  const w = toWan(x, f.funds?.moneyUnit ?? "万元");
  return w == null ? x : Number(w.toPrecision(12));
}

const count = (fs: Finding[], s: Severity): number => fs.filter((f) => f.severity === s).length;

function gradeOf(ev: Evaluation): string {
  const t = ev.total;
  if (!t) return "";
  return t.complete && t.grade ? t.grade : "待完成";
}

function formNotes(file: SummaryFile, f: SummaryForm): string[] {
  return (file.notes ?? []).filter((n) => n.form === f.form || (n.form === undefined && n.sheet === f.form.sheet)).map((n) => n.message);
}

function rowOf(file: SummaryFile, f: SummaryForm, order: number): SummaryRow {
  const { form, evaluation: ev } = f;
  const t = ev.total;
  const notes = formNotes(file, f);
  if (t && !t.complete) notes.unshift(`总分暂计（${openPart(t)}）`);
  if (!ev.ready && count(ev.findings, "error") === 0 && !t) notes.unshift("表格尚未填完");
  const where = form.projectRow !== undefined ? `（第 ${form.projectRow} 行）` : "";
  return {
    file: file.file,
    sheet: form.sheet,
    kind: kindName(form.kind),
    unit: unitOf(form),
    project: isProjectKind(form) ? `${form.name.trim()}${where}` : "",
    budget: wan(form, ev.funds?.budget),
    spent: wan(form, ev.funds?.spent),
    rate: ev.funds?.rate ?? null,
    totalEntered: t?.entered ?? null,
    totalComputed: t?.computed ?? null,
    provisional: !!t && !t.complete,
    grade: gradeOf(ev),
    errors: count(ev.findings, "error"),
    warnings: count(ev.findings, "warning"),
    status: ev.ready ? ACCEPT : RETURN,
    note: notes.join("；"),
    order,
  };
}

function unreadableRow(file: SummaryFile): SummaryRow {
  return {
    file: file.file,
    sheet: "",
    kind: "",
    unit: "",
    project: "",
    budget: null,
    spent: null,
    rate: null,
    totalEntered: null,
    totalComputed: null,
    provisional: false,
    grade: "",
    errors: 0,
    warnings: 0,
    status: RETURN,
    note: `无法读取：${file.error ?? ""}`,
    order: 0,
  };
}

const collator = new Intl.Collator("zh-CN", { numeric: true });

/** One row per form (and per unreadable file): 退回修改 first, then by file, then in the file's order. */
export function summaryRows(files: SummaryFile[]): SummaryRow[] {
  const rows: SummaryRow[] = [];
  for (const file of files) {
    if (file.error !== null || file.forms.length === 0) rows.push(unreadableRow({ ...file, error: file.error ?? "没有找到绩效自评表。" }));
    else file.forms.forEach((f, i) => rows.push(rowOf(file, f, i)));
  }
  const rank = (r: SummaryRow): number => (r.status === RETURN ? 0 : 1);
  return rows.sort((a, b) => rank(a) - rank(b) || collator.compare(a.file, b.file) || a.order - b.order);
}

export interface IssueRow {
  file: string;
  sheet: string;
  cell: string;
  indicator: string;
  severity: string;
  message: string;
  code: string;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** One row per finding (and one per unreadable file), by file, then form, then severity. */
export function issueRows(files: SummaryFile[]): IssueRow[] {
  const out: IssueRow[] = [];
  const sorted = [...files].sort((a, b) => collator.compare(a.file, b.file));
  for (const file of sorted) {
    if (file.error !== null || file.forms.length === 0) {
      out.push({ file: file.file, sheet: "", cell: "", indicator: "", severity: SEVERITY_NAMES.error.zh, message: `文件无法读取：${file.error ?? "没有找到绩效自评表。"}`, code: "unreadable" });
      continue;
    }
    for (const { form, evaluation } of file.forms) {
      const fs = [...evaluation.findings].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
      for (const f of fs) {
        out.push({
          file: file.file,
          sheet: f.sheet ?? form.sheet,
          cell: f.cell ?? "",
          indicator: f.indicator ?? "",
          severity: SEVERITY_NAMES[f.severity].zh,
          message: f.message,
          code: f.code,
        });
      }
    }
    for (const n of file.notes ?? []) {
      out.push({ file: file.file, sheet: n.sheet ?? n.form?.sheet ?? "", cell: "", indicator: "", severity: SEVERITY_NAMES.info.zh, message: n.message, code: "note" });
    }
  }
  return out;
}

const CN_DIGITS = "零一二三四五六七八九";

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (the sections of a reply). */
export function cnOrdinal(n: number): string {
  if (n < 10) return CN_DIGITS[n];
  if (n < 20) return `十${n % 10 ? CN_DIGITS[n % 10] : ""}`;
  if (n < 100) return `${CN_DIGITS[Math.floor(n / 10)]}十${n % 10 ? CN_DIGITS[n % 10] : ""}`;
  return String(n);
}

/** Items listed per form in a reply; the rest are counted and left to the 问题清单. */
const ITEMS_MAX = 30;

export interface Opinion {
  file: string;
  unit: string;
  text: string;
}

/** Per file that must go back, a paragraph to paste into the reply: what to fix, form by form. */
export function returnOpinions(files: SummaryFile[]): Opinion[] {
  const out: Opinion[] = [];
  const sorted = [...files].sort((a, b) => collator.compare(a.file, b.file));
  for (const file of sorted) {
    const name = path.basename(file.file);
    if (file.error !== null || file.forms.length === 0) {
      const why = file.error ?? "没有找到绩效自评表";
      out.push({
        file: file.file,
        unit: "",
        text: `《${name}》无法读取（${why.replace(/[。.]$/, "")}）。请核对文件后重新报送：保存为 Excel 工作簿（.xlsx），不要设置打开密码。`,
      });
      continue;
    }
    const back = file.forms.filter((f) => !f.evaluation.ready);
    if (back.length === 0) continue;
    const lines = [`《${name}》经审核，以下问题需修改后重新报送：`];
    back.forEach((f, i) => {
      const { form, evaluation: ev } = f;
      const where = form.projectRow !== undefined ? `第 ${form.projectRow} 行` : "";
      const label = form.name.trim() ? `“${form.name.trim()}”` : "";
      lines.push(`（${cnOrdinal(i + 1)}）工作表“${form.sheet}”${where}${kindName(form.kind)}${label}：`);
      const errors = ev.findings.filter((x) => x.severity === "error");
      errors.slice(0, ITEMS_MAX).forEach((x, k) => lines.push(`${k + 1}. ${x.cell ? `${x.cell} 单元格：` : ""}${x.message}`));
      if (errors.length > ITEMS_MAX) lines.push(`……另有 ${errors.length - ITEMS_MAX} 项错误，详见“问题清单”。`);
      if (errors.length === 0) lines.push(`1. 表格尚未填写完整${ev.total ? `（${openPart(ev.total)}）` : ""}，请填写完整。`);
      const warnings = count(ev.findings, "warning");
      if (warnings > 0) lines.push(`另有 ${warnings} 项提示请一并核对（详见“问题清单”）。`);
    });
    lines.push("请逐项修改后重新报送。");
    out.push({ file: file.file, unit: unitOf(back[0].form), text: lines.join("\n") });
  }
  return out;
}

// ---------- the workbook ----------

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
const RETURN_FONT: Partial<ExcelJS.Font> = { color: { argb: "FFC00000" }, bold: true };
const ACCEPT_FONT: Partial<ExcelJS.Font> = { color: { argb: "FF006100" }, bold: true };
const LINK_FONT: Partial<ExcelJS.Font> = { color: { argb: "FF0563C1" }, underline: true };
export const FORMATS = { wan: "#,##0.00", rate: "0.00%", score: "0.00", provisional: '"暂计 "0.00', count: "0" } as const;

interface Column {
  header: string;
  width: number;
  numFmt?: string;
  wrap?: boolean;
}

function sheetWith(wb: ExcelJS.Workbook, name: string, columns: Column[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", xSplit: 0, ySplit: 1, topLeftCell: "A2", activeCell: "A2" }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width, style: { ...(c.numFmt ? { numFmt: c.numFmt } : {}), alignment: { vertical: "top", wrapText: !!c.wrap } } }));
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  head.height = 30;
  head.eachCell((c) => {
    c.fill = HEADER_FILL;
    c.border = { bottom: { style: "thin" } };
  });
  ws.pageSetup = { ...ws.pageSetup, paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  ws.pageSetup.printTitlesRow = "1:1";
  return ws;
}

function linkCell(cell: ExcelJS.Cell, file: string, dir: string): void {
  const shown = cellText(path.relative(path.resolve(dir), path.resolve(file)) || path.basename(file));
  cell.value = { text: shown, hyperlink: fileLink(file, dir) };
  cell.font = LINK_FONT;
}

/**
 * A row tall enough for its wrapped texts (ExcelJS does not measure, and LibreOffice keeps the height of a row it did
 * not lay out): lines per cell from its width, a CJK character counting two, 15 points a line, at most Excel's 409.
 */
function fitHeight(row: ExcelJS.Row, cells: [text: string, width: number][]): void {
  let lines = 1;
  for (const [text, width] of cells) {
    const per = Math.max(1, Math.floor(width) - 1);
    let n = 0;
    for (const line of text.split("\n")) {
      let w = 0;
      for (const ch of line) w += ch.charCodeAt(0) > 0x2e7f ? 2 : 1;
      n += Math.max(1, Math.ceil(w / per));
    }
    lines = Math.max(lines, n);
  }
  if (lines > 1) row.height = Math.min(409, lines * 15);
}

/** Values into a row from column A on; null leaves a cell empty (column A takes the link). */
function setCells(row: ExcelJS.Row, values: (string | number | null)[]): void {
  values.forEach((v, i) => {
    if (v !== null && v !== "") row.getCell(i + 1).value = v;
  });
}

export const SUMMARY_HEADERS = [
  "文件",
  "工作表",
  "表样",
  "单位",
  "项目",
  "全年预算数（万元）",
  "全年执行数（万元）",
  "执行率",
  "总分（填写）",
  "总分（计算）",
  "等级",
  "错误",
  "警告",
  "状态",
  "说明",
] as const;

export const ISSUE_HEADERS = ["文件", "工作表", "单元格", "指标", "严重程度", "问题", "代码"] as const;
export const OPINION_HEADERS = ["文件", "单位", "退回意见"] as const;

/** The summary workbook of a checked folder. */
export function summaryWorkbook(files: SummaryFile[], opts: SummaryOptions): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "绩效自评助手";
  const dir = opts.dir;

  // 汇总
  const widths = [28, 16, 20, 24, 24, 14, 14, 10, 10, 12, 8, 7, 7, 12, 40];
  const u = undefined;
  const numFmts: (string | undefined)[] = [u, u, u, u, u, FORMATS.wan, FORMATS.wan, FORMATS.rate, FORMATS.score, FORMATS.score, u, FORMATS.count, FORMATS.count];
  const s = sheetWith(
    wb,
    SHEETS.summary,
    SUMMARY_HEADERS.map((h, i) => ({ header: h, width: widths[i], numFmt: numFmts[i], wrap: i === 14 || i === 4 || i === 3 })),
  );
  const rows = summaryRows(files);
  rows.forEach((r, i) => {
    const row = s.getRow(i + 2);
    setCells(row, [
      null,
      cellText(r.sheet),
      cellText(r.kind),
      cellText(r.unit),
      cellText(r.project),
      r.budget,
      r.spent,
      r.rate,
      r.totalEntered,
      r.totalComputed,
      cellText(r.grade),
      r.errors,
      r.warnings,
      r.status,
      cellText(r.note),
    ]);
    linkCell(row.getCell(1), r.file, dir);
    numFmts.forEach((f, c) => {
      if (f) row.getCell(c + 1).numFmt = f;
    });
    if (r.provisional) row.getCell(10).numFmt = FORMATS.provisional;
    row.getCell(15).alignment = { vertical: "top", wrapText: true };
    fitHeight(row, [
      [cellText(r.project), widths[4]],
      [cellText(r.unit), widths[3]],
      [cellText(r.note), widths[14]],
    ]);
    row.getCell(14).font = r.status === RETURN ? RETURN_FONT : ACCEPT_FONT;
  });
  s.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: SUMMARY_HEADERS.length } };

  // 问题清单
  const q = sheetWith(wb, SHEETS.issues, [
    { header: ISSUE_HEADERS[0], width: 28 },
    { header: ISSUE_HEADERS[1], width: 16 },
    { header: ISSUE_HEADERS[2], width: 8 },
    { header: ISSUE_HEADERS[3], width: 20, wrap: true },
    { header: ISSUE_HEADERS[4], width: 9 },
    { header: ISSUE_HEADERS[5], width: 70, wrap: true },
    { header: ISSUE_HEADERS[6], width: 24 },
  ]);
  const issues = issueRows(files);
  issues.forEach((r, i) => {
    const row = q.getRow(i + 2);
    setCells(row, [null, cellText(r.sheet), cellText(r.cell), cellText(r.indicator), r.severity, cellText(r.message), r.code]);
    fitHeight(row, [
      [cellText(r.indicator), 20],
      [cellText(r.message), 70],
    ]);
    linkCell(row.getCell(1), r.file, dir);
  });
  q.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, issues.length + 1), column: ISSUE_HEADERS.length } };

  // 退回意见
  const o = sheetWith(wb, SHEETS.opinions, [
    { header: OPINION_HEADERS[0], width: 28 },
    { header: OPINION_HEADERS[1], width: 24, wrap: true },
    { header: OPINION_HEADERS[2], width: 100, wrap: true },
  ]);
  returnOpinions(files).forEach((r, i) => {
    const row = o.getRow(i + 2);
    setCells(row, [null, cellText(r.unit), cellText(r.text)]);
    fitHeight(row, [
      [cellText(r.unit), 24],
      [cellText(r.text), 100],
    ]);
    linkCell(row.getCell(1), r.file, dir);
  });
  return wb;
}

/** Raised when the summary file exists and may not be overwritten. */
export class OutputExistsError extends Error {
  constructor(readonly file: string) {
    super(`文件已存在，未写入：${file}（如需覆盖，请加 --force）`);
    this.name = "OutputExistsError";
  }
}

/**
 * Writes the summary workbook to `out`. Existing output is never overwritten without `force`: the check and the
 * write happen at once (the file is opened exclusively), so a file that appears meanwhile is not overwritten either.
 */
export async function writeSummaryFile(files: SummaryFile[], out: string, opts: { force?: boolean } = {}): Promise<void> {
  const wb = summaryWorkbook(files, { dir: path.dirname(path.resolve(out)) });
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  try {
    await fs.writeFile(out, buf, { flag: opts.force ? "w" : "wx" });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") throw new OutputExistsError(out);
    throw e;
  }
}
