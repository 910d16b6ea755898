// readWorkbookFile(path): the worksheets of a workbook file as plain Grids (values, formulas with their cached
// results, merges, defined names, each sheet's hidden state, and the add-in's metadata from the sheet JX_META).
// Every visible sheet is read whatever its name, and every hidden one too (the caller reports forms found there),
// except the add-in's own hidden helper sheets JX_LISTS and JX_META, which hold lists and metadata, never a form.
//
// Formats: Office Open XML (.xlsx, .xlsm, .xltx) through our own reader of the package's parts (ooxml.ts,
// sheet-xml.ts, shared-strings.ts, styles.ts); Excel 97–2003 (.xls), WPS 表格 (.et), OpenDocument
// (.ods) and Excel 2003 XML through SheetJS (legacy.ts). The format is found from the file's bytes, not its
// extension, so a renamed file is read as what it is and a file that is no workbook is named for what it is.
//
// Bounds (limits.ts): the first bytes and the size are checked before anything else is read; a zip package is read
// by its directory, part by part, through an inflater that counts what it really produces (zip.ts), and its parts are
// read straight into grids under the limits (ooxml.ts). A file that cannot be read throws ReadFileError with a
// one-line Chinese reason; one past a limit throws LimitError ("文件过大或结构异常：…，已跳过。").

import { promises as fs, constants as fsc } from "node:fs";
import { cellLookup, makeGrid, type Grid } from "../sheet/grid";
import { LISTS_SHEET, META_SHEET, metaForSheet, refValues, storedProfileOf } from "../sheet/meta";
import { DEFAULT_LIMITS, LimitError, formatBytes, type Limits } from "./limits";
import { bufferSource, listEntries, readEntry, storedZip, ZipError, type ByteSource, type InflateBudget } from "./zip";
import { FORMAT_NAMES, oleFormat, sniffHead, zipFormat, type FileFormat } from "./sniff";
import { readOoxml, wantedPart, type OoxmlBook, type OoxmlSheet } from "./ooxml";
import { PASSWORD_ERROR, readWithSheetJS } from "./legacy";

export { LimitError } from "./limits";

export class ReadFileError extends Error {
  constructor(
    message: string,
    readonly messageEn: string,
    readonly code: "not-found" | "empty" | "not-xlsx" | "xls" | "encrypted" | "damaged" | "no-sheets" | "not-file",
  ) {
    super(message);
    this.name = "ReadFileError";
  }
}

const ENCRYPTED = (): ReadFileError =>
  new ReadFileError(
    "文件已加密（设有打开密码），无法读取；请去掉密码另存为 .xlsx 后再检查。",
    "The file is encrypted (password to open); remove the password and save as .xlsx.",
    "encrypted",
  );

const damaged = (why: string, format?: string): ReadFileError =>
  new ReadFileError(
    `文件已损坏，无法打开${format ? `（${format}）` : ""}（${why.split("\n")[0].slice(0, 120)}）。`,
    `The file is damaged (${why.split("\n")[0].slice(0, 120)}).`,
    "damaged",
  );

function wrongFormat(format: FileFormat): ReadFileError {
  const what = FORMAT_NAMES[format];
  const hint = format === "xlsb" ? "请用 Excel 另存为 .xlsx 后再检查。" : "";
  return new ReadFileError(
    format === "unknown" ? "不是 Excel 工作簿（无法识别的格式）。" : `不是 Excel 工作簿，而是${what}。${hint}`,
    `Not a workbook (${format}).`,
    "not-xlsx",
  );
}

/** Files up to this size are read into memory at once (see readWorkbookFile). */
const WHOLE_FILE_BYTES = 4 * 1024 * 1024;

/** Opens a file without following it into a FIFO or device: only a regular file is read. */
export async function readWorkbookFile(file: string, limits: Limits = DEFAULT_LIMITS): Promise<Grid[]> {
  let fh: fs.FileHandle;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; what it is is checked right after.
    fh = await fs.open(file, fsc.O_RDONLY | (fsc.O_NONBLOCK ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new ReadFileError("文件不存在。", "File not found.", "not-found");
    if (code === "EISDIR") throw new ReadFileError("这是一个文件夹，不是 Excel 文件。", "This is a folder.", "not-xlsx");
    if (code === "EACCES" || code === "EPERM") throw new ReadFileError("没有读取这个文件的权限。", "Permission denied.", "damaged");
    throw new ReadFileError(`无法打开文件（${code ?? "未知错误"}）。`, `Cannot open the file (${code}).`, "damaged");
  }
  try {
    const stat = await fh.stat();
    if (stat.isDirectory()) throw new ReadFileError("这是一个文件夹，不是 Excel 文件。", "This is a folder.", "not-xlsx");
    if (!stat.isFile()) throw new ReadFileError(`${specialKind(stat)}，不是普通文件，已跳过。`, "Not a regular file.", "not-file");
    const size = stat.size;
    const src: ByteSource = {
      size,
      read: async (position, length) => {
        const buf = Buffer.alloc(Math.max(0, Math.min(length, size - position)));
        let got = 0;
        while (got < buf.length) {
          const { bytesRead } = await fh.read(buf, got, buf.length - got, position + got);
          if (bytesRead === 0) break;
          got += bytesRead;
        }
        return got === buf.length ? buf : buf.subarray(0, got);
      },
    };
    // A file of the usual size (a form is tens of kilobytes) is read in one go: reading it part by part costs more in
    // waiting than it saves in memory. A larger one is read by its zip directory, part by part, under the limits.
    if (size > 0 && size <= WHOLE_FILE_BYTES) return await readSource(bufferSource(await src.read(0, size)), limits);
    return await readSource(src, limits);
  } finally {
    await fh.close();
  }
}

/** What kind of special file a stat describes, in Chinese. */
export function specialKind(stat: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (stat.isFIFO()) return "这是命名管道（FIFO）";
  if (stat.isSocket()) return "这是套接字";
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return "这是设备文件";
  return "这不是普通文件";
}

export async function readXlsxFile(file: string, limits: Limits = DEFAULT_LIMITS): Promise<Grid[]> {
  return readWorkbookFile(file, limits);
}

export async function readXlsxBuffer(buf: Buffer, _ext = ".xlsx", limits: Limits = DEFAULT_LIMITS): Promise<Grid[]> {
  return readSource(bufferSource(buf), limits);
}

async function readSource(src: ByteSource, limits: Limits): Promise<Grid[]> {
  if (src.size === 0) throw new ReadFileError("文件是空的（0 字节）。", "The file is empty (0 bytes).", "empty");
  const head = await src.read(0, 4096);
  const container = sniffHead(head);
  if (container !== "zip" && container !== "ole" && container !== "spreadsheetml" && container !== "html") {
    throw wrongFormat(container);
  }
  if (src.size > limits.fileBytes) {
    throw new LimitError(`文件有 ${formatBytes(src.size)}（上限 ${formatBytes(limits.fileBytes)}）`);
  }
  if (container === "zip") return readZipPackage(src, limits);
  // The other formats are read whole by SheetJS: their size is bounded like one part of a package.
  if (src.size > limits.partBytes) {
    throw new LimitError(`${FORMAT_NAMES[container === "ole" ? "biff" : container]}有 ${formatBytes(src.size)}（上限 ${formatBytes(limits.partBytes)}）`);
  }
  const whole = await src.read(0, src.size);
  if (container === "ole") {
    const format = oleFormat(whole);
    if (format === "encrypted") throw ENCRYPTED();
    if (format !== "biff") throw wrongFormat(format);
  } else if (container === "spreadsheetml" && /<!DOCTYPE|<!ENTITY/i.test(whole.subarray(0, 65536).toString("latin1"))) {
    throw new LimitError("Excel 2003 XML 表格含有 DTD 声明（可能是 XML 实体攻击）");
  }
  return withSheets(await sheetJS(whole, container === "ole" ? FORMAT_NAMES.biff : FORMAT_NAMES[container], limits));
}

async function sheetJS(buf: Buffer, format: string, limits: Limits): Promise<Grid[]> {
  try {
    return await readWithSheetJS(buf, limits);
  } catch (e) {
    if (e instanceof LimitError) throw e;
    const why = e instanceof Error ? e.message : String(e);
    if (PASSWORD_ERROR.test(why)) throw ENCRYPTED();
    throw damaged(why, format);
  }
}

async function readZipPackage(src: ByteSource, limits: Limits): Promise<Grid[]> {
  const budget: InflateBudget = { used: 0 };
  try {
    const entries = await listEntries(src, limits);
    const mimeEntry = entries.find((e) => e.name === "mimetype");
    const mimetype = mimeEntry && mimeEntry.size < 200 ? (await readEntry(src, mimeEntry, limits, budget)).toString("latin1").trim() : null;
    const format = zipFormat(
      entries.map((e) => e.name),
      mimetype,
    );
    if (format === "ods") {
      const parts = new Map<string, Buffer>();
      for (const e of entries) {
        if (!/^(mimetype|content\.xml|styles\.xml|meta\.xml|META-INF\/manifest\.xml)$/.test(e.name)) continue;
        const data = await readEntry(src, e, limits, budget);
        if (/<!DOCTYPE|<!ENTITY/i.test(data.subarray(0, 4096).toString("latin1"))) {
          throw new LimitError(`「${e.name}」含有 DTD 声明（可能是 XML 实体攻击）`);
        }
        parts.set(e.name, data);
      }
      return withSheets(await sheetJS(storedZip(parts), FORMAT_NAMES.ods, limits));
    }
    if (format !== "xlsx") throw wrongFormat(format);
    const parts = new Map<string, Buffer>();
    for (const e of entries) if (wantedPart(e.name)) parts.set(e.name, await readEntry(src, e, limits, budget));
    return withSheets(gridsOf(readOoxml(parts, limits)));
  } catch (e) {
    if (e instanceof ZipError) throw e.encrypted ? ENCRYPTED() : damaged(e.message);
    throw e;
  }
}

/** The grids of a package read by readOoxml, with the add-in's metadata (JX_META) and stored profile (JX_LISTS). */
function gridsOf(book: OoxmlBook): Grid[] {
  const { names } = book;
  const metas = readMeta(book.sheets.find((s) => s.name === META_SHEET));
  // the scoring profile the workbook's formulas use (named cells on JX_LISTS), for the checker to hold it to its own
  const lists = book.sheets.find((s) => s.name === LISTS_SHEET);
  const at = lists && cellLookup(makeGrid(lists.name, lists.cells));
  const profile = at && storedProfileOf((n) => refValues(names.get(LISTS_SHEET)?.[n], (r, c) => at(r, c)?.value ?? null));
  const grids: Grid[] = [];
  for (const ws of book.sheets) {
    if (ws.hidden && (ws.name === META_SHEET || ws.name === LISTS_SHEET)) continue;
    const g = makeGrid(ws.name, ws.cells, { merges: ws.merges, names: names.get(ws.name) ?? {}, hidden: ws.hidden });
    const mine = metaForSheet(metas, ws.name, g.names);
    if (mine.length) g.meta = { forms: mine };
    if (profile) g.meta = { ...g.meta, profile };
    grids.push(g);
  }
  return grids;
}

function withSheets(grids: Grid[]): Grid[] {
  if (grids.length === 0) throw new ReadFileError("工作簿中没有工作表。", "The workbook has no worksheets.", "no-sheets");
  if (grids.every((g) => g.rows === 0)) throw new ReadFileError("工作簿是空的，没有任何内容。", "The workbook is empty.", "empty");
  return grids;
}

/** The JX_META sheet: A = sheet name, B = JSON of FormMeta, top-down. Unreadable rows are skipped. */
function readMeta(ws: OoxmlSheet | undefined): { sheet: string; meta: { prefix?: unknown } }[] {
  if (!ws) return [];
  const at = cellLookup(makeGrid(ws.name, ws.cells));
  const out: { sheet: string; meta: { prefix?: unknown } }[] = [];
  for (const cell of ws.cells.filter((c) => c.col === 0).sort((x, y) => x.row - y.row)) {
    const a = cell.value;
    const b = at(cell.row, 1)?.value;
    if (typeof a !== "string" || typeof b !== "string") continue;
    try {
      out.push({ sheet: a, meta: JSON.parse(b) });
    } catch {
      // not JSON: a header row or a damaged entry
    }
  }
  return out;
}
