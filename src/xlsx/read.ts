// readXlsxFile(path): the worksheets of an .xlsx file as plain Grids (values, formulas with their cached results,
// merges, defined names, and the add-in's metadata from the hidden sheet JX_META). A file that cannot be read
// throws ReadFileError with a one-line Chinese reason.

import { promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { Grid } from "../sheet/grid";
import { plain, toGrid } from "./sheet-grid";
import { LISTS_SHEET, META_SHEET, metaForSheet } from "../sheet/meta";
import { sheetOf } from "../sheet/address";

export class ReadFileError extends Error {
  constructor(
    message: string,
    readonly messageEn: string,
    readonly code: "not-found" | "empty" | "not-xlsx" | "xls" | "encrypted" | "damaged" | "no-sheets",
  ) {
    super(message);
    this.name = "ReadFileError";
  }
}

const ZIP = [0x50, 0x4b];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export async function readXlsxFile(file: string): Promise<Grid[]> {
  let buf: Buffer;
  try {
    buf = await fs.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new ReadFileError("文件不存在。", "File not found.", "not-found");
    if (code === "EISDIR") throw new ReadFileError("这是一个文件夹，不是 Excel 文件。", "This is a folder.", "not-xlsx");
    throw new ReadFileError(`无法打开文件（${code ?? "未知错误"}）。`, `Cannot open the file (${code}).`, "damaged");
  }
  return readXlsxBuffer(buf, path.extname(file).toLowerCase());
}

export async function readXlsxBuffer(buf: Buffer, ext = ".xlsx"): Promise<Grid[]> {
  if (buf.length === 0) throw new ReadFileError("文件是空的（0 字节）。", "The file is empty (0 bytes).", "empty");
  if (OLE.every((b, i) => buf[i] === b)) {
    const encrypted = buf.includes(Buffer.from("EncryptionInfo", "utf16le"));
    if (encrypted || ext !== ".xls") {
      throw new ReadFileError(
        "文件已加密（设有打开密码），无法读取；请去掉密码另存为 .xlsx 后再检查。",
        "The file is encrypted (password to open); remove the password and save as .xlsx.",
        "encrypted",
      );
    }
    throw new ReadFileError(
      "这是旧版 Excel 97-2003 工作簿（.xls），请用 Excel 或 WPS 另存为 .xlsx 后再检查。",
      "This is a legacy .xls workbook; save it as .xlsx first.",
      "xls",
    );
  }
  if (!(buf[0] === ZIP[0] && buf[1] === ZIP[1])) {
    throw new ReadFileError(
      "不是 Excel 工作簿（.xlsx）文件。",
      "Not an Excel workbook (.xlsx).",
      "not-xlsx",
    );
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch (e) {
    const why = e instanceof Error ? e.message.split("\n")[0].slice(0, 80) : String(e);
    throw new ReadFileError(`文件已损坏，无法打开（${why}）。`, `The file is damaged (${why}).`, "damaged");
  }
  const sheets = wb.worksheets;
  if (sheets.length === 0) throw new ReadFileError("工作簿中没有工作表。", "The workbook has no worksheets.", "no-sheets");
  const names = definedNames(wb);
  const metas = readMeta(wb);
  const grids: Grid[] = [];
  for (const ws of sheets) {
    if (ws.name === META_SHEET || ws.name === LISTS_SHEET) continue;
    const g = toGrid(ws, names.get(ws.name) ?? {});
    const mine = metaForSheet(metas, ws.name, g.names);
    if (mine.length) g.meta = { forms: mine };
    grids.push(g);
  }
  if (grids.every((g) => g.rows === 0)) throw new ReadFileError("工作簿是空的，没有任何内容。", "The workbook is empty.", "empty");
  return grids;
}

/** Defined names grouped by the sheet they point into: sheet → name → "$D$14". */
function definedNames(wb: ExcelJS.Workbook): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  const model = (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model ?? [];
  for (const dn of model) {
    for (const ref of dn.ranges ?? []) {
      const sheet = sheetOf(ref);
      if (!sheet) continue;
      const rec = out.get(sheet) ?? {};
      rec[dn.name] = ref.slice(ref.lastIndexOf("!") + 1);
      out.set(sheet, rec);
    }
  }
  return out;
}

/** The hidden JX_META sheet: A = sheet name, B = JSON of FormMeta. Unreadable rows are skipped. */
function readMeta(wb: ExcelJS.Workbook): { sheet: string; meta: { prefix?: unknown } }[] {
  const ws = wb.getWorksheet(META_SHEET);
  if (!ws) return [];
  const out: { sheet: string; meta: { prefix?: unknown } }[] = [];
  ws.eachRow((row) => {
    const a = plain(row.getCell(1).value);
    const b = plain(row.getCell(2).value);
    if (typeof a !== "string" || typeof b !== "string") return;
    try {
      out.push({ sheet: a, meta: JSON.parse(b) });
    } catch {
      // not JSON: a header row or a damaged entry
    }
  });
  return out;
}
