// What a file really is, from its first bytes (and, for zip and OLE containers, the names of the parts inside),
// whatever its extension says: so that a .xls renamed .xlsx is read as the .xls it is, a PDF is called a PDF, and an
// encrypted workbook is told apart from a legacy one.

/** The formats this reader can read, and the ones it can name. */
export type FileFormat =
  | "xlsx" // Office Open XML workbook (.xlsx, .xlsm, .xltx, .xltm)
  | "ods" // OpenDocument spreadsheet
  | "biff" // Excel 97–2003 (.xls) or WPS 表格 (.et): a compound file with a Workbook stream
  | "encrypted" // an OOXML workbook with a password to open (a compound file with EncryptionInfo)
  | "xlsb"
  | "docx"
  | "pptx"
  | "odt"
  | "zip"
  | "doc"
  | "ppt"
  | "ole"
  | "spreadsheetml" // Excel 2003 XML
  | "html"
  | "pdf"
  | "image"
  | "archive"
  | "text"
  | "empty"
  | "unknown";

/** The Chinese name of each format, for messages. */
export const FORMAT_NAMES: Record<FileFormat, string> = {
  xlsx: "Excel 工作簿（.xlsx）",
  ods: "OpenDocument 电子表格（.ods）",
  biff: "Excel 97-2003 工作簿（.xls）或 WPS 表格（.et）",
  encrypted: "加密的 Excel 工作簿",
  xlsb: "Excel 二进制工作簿（.xlsb）",
  docx: "Word 文档（.docx）",
  pptx: "PowerPoint 演示文稿（.pptx）",
  odt: "OpenDocument 文本或演示文稿",
  zip: "压缩包（.zip）",
  doc: "Word 97-2003 文档（.doc）",
  ppt: "PowerPoint 97-2003 演示文稿（.ppt）",
  ole: "Office 97-2003 复合文档（不是工作簿）",
  spreadsheetml: "Excel 2003 XML 表格",
  html: "网页（HTML）",
  pdf: "PDF 文件",
  image: "图片",
  archive: "压缩包",
  text: "文本文件（如 CSV）",
  empty: "空文件",
  unknown: "无法识别的格式",
};

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (head: Buffer, bytes: number[]): boolean => bytes.every((b, i) => head[i] === b);

/** The container from the first bytes: "zip" and "ole" are decided further from what they hold. */
export function sniffHead(head: Buffer): FileFormat {
  if (head.length === 0) return "empty";
  if (head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5 || head[2] === 7)) return "zip";
  if (startsWith(head, OLE_MAGIC)) return "ole";
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46])) return "pdf";
  if (
    startsWith(head, [0x89, 0x50, 0x4e, 0x47]) ||
    startsWith(head, [0xff, 0xd8, 0xff]) ||
    startsWith(head, [0x47, 0x49, 0x46, 0x38]) ||
    startsWith(head, [0x42, 0x4d])
  ) {
    return "image";
  }
  if (
    startsWith(head, [0x52, 0x61, 0x72, 0x21]) ||
    startsWith(head, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]) ||
    startsWith(head, [0x1f, 0x8b])
  ) {
    return "archive";
  }
  const text = head.subarray(0, 2048).toString("utf8").replace(/^\ufeff/, "").trimStart().toLowerCase();
  if (text.startsWith("<?xml") && text.includes("urn:schemas-microsoft-com:office:spreadsheet")) return "spreadsheetml";
  if (/^<(!doctype html|html|table|meta|head|body)\b/.test(text) || (text.startsWith("<?xml") && text.includes("<html"))) return "html";
  if (looksLikeText(head)) return "text";
  return "unknown";
}

function looksLikeText(head: Buffer): boolean {
  const sample = head.subarray(0, 4096);
  if (sample[0] === 0xff && sample[1] === 0xfe) return true; // UTF-16 LE with BOM
  let bad = 0;
  for (const b of sample) if (b === 0 || (b < 0x20 && b !== 9 && b !== 10 && b !== 13)) bad++;
  return bad === 0 && !sample.toString("utf8").includes("\ufffd");
}

/** A zip package by its parts. */
export function zipFormat(names: string[], mimetype: string | null): FileFormat {
  const has = (re: RegExp): boolean => names.some((n) => re.test(n));
  if (mimetype?.startsWith("application/vnd.oasis.opendocument.spreadsheet")) return "ods";
  if (mimetype?.startsWith("application/vnd.oasis.opendocument")) return "odt";
  if (has(/^xl\/workbook\.xml$/i)) return "xlsx";
  if (has(/^xl\/workbook\.bin$/i)) return "xlsb";
  if (has(/^word\//i)) return "docx";
  if (has(/^ppt\//i)) return "pptx";
  if (!mimetype && has(/^content\.xml$/) && has(/^meta-inf\/manifest\.xml$/i)) return "ods";
  return "zip";
}

/**
 * A compound (OLE) file by the names of its streams, read from its directory sectors without a full parse: the
 * names are stored as UTF-16 in 128-byte directory entries. Only a bounded prefix of the file is looked at.
 */
export function oleFormat(buf: Buffer): FileFormat {
  const names = oleStreamNames(buf);
  if (names.size === 0) {
    // A directory that cannot be followed (damaged, or made by a tool that lays it out oddly): look for the names
    // themselves, as UTF-16 text, in the first megabyte.
    const head = buf.subarray(0, 1024 * 1024);
    for (const n of ["EncryptionInfo", "EncryptedPackage", "Workbook", "Book", "WordDocument", "PowerPoint Document"]) {
      if (head.includes(Buffer.from(n, "utf16le"))) names.add(n);
    }
    // Nothing to go by: a damaged compound file. Excel 97–2003 is what a workbook in one would be; its reader then
    // says what is wrong with it.
    if (names.size === 0) return "biff";
  }
  if (names.has("EncryptionInfo") || names.has("EncryptedPackage")) return "encrypted";
  if (names.has("Workbook") || names.has("Book")) return "biff";
  if (names.has("WordDocument")) return "doc";
  if (names.has("PowerPoint Document")) return "ppt";
  return "ole";
}

/** Stream names in the directory of a compound file (version 3 or 4), following the directory's sector chain. */
export function oleStreamNames(buf: Buffer): Set<string> {
  const names = new Set<string>();
  if (buf.length < 512) return names;
  const sectorShift = buf.readUInt16LE(30);
  if (sectorShift !== 9 && sectorShift !== 12) return names;
  const sectorSize = 1 << sectorShift;
  const firstDir = buf.readUInt32LE(48);
  const fatSectors = buf.readUInt32LE(44);
  // The FAT's first 109 sector numbers are in the header (DIFAT); enough for files up to ~7 MB (512-byte sectors)
  // or ~448 MB (4 KB sectors). Past that the directory chain may not be followed to its end, which only loses names.
  const fat: number[] = [];
  for (let i = 0; i < Math.min(fatSectors, 109); i++) {
    const s = buf.readUInt32LE(76 + i * 4);
    const at = (s + 1) * sectorSize;
    if (at + sectorSize > buf.length) break;
    for (let j = 0; j < sectorSize; j += 4) fat.push(buf.readUInt32LE(at + j));
  }
  const seen = new Set<number>();
  for (let s = firstDir; s < 0xfffffffa && !seen.has(s) && seen.size < 4096; s = fat[s] ?? 0xfffffffe) {
    seen.add(s);
    const at = (s + 1) * sectorSize;
    if (at + sectorSize > buf.length) break;
    for (let e = 0; e < sectorSize; e += 128) {
      const len = buf.readUInt16LE(at + e + 64);
      if (len >= 2 && len <= 64) names.add(buf.subarray(at + e, at + e + len - 2).toString("utf16le"));
    }
  }
  return names;
}
