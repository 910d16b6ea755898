// Helpers for the report tests: a draft from a fixture workbook (read and evaluated as the CLI does), the draft's
// text by section, LibreOffice Writer for .docx → PDF, and a small PNG reader to tell a blank page from a page.
import { execFile } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { basename, join } from "node:path";
import { inflateRawSync, inflateSync } from "node:zlib";
import { evaluateForm } from "../../src/domain/evaluate";
import type { Evaluation } from "../../src/domain/model";
import { draftReport } from "../../src/domain/report/draft";
import type { Block, ReportDraft, Runs } from "../../src/domain/report/model";
import { readForms } from "../../src/sheet/read";
import { readXlsxFile } from "../../src/xlsx/read";
import { freshProfile } from "../helpers/libreoffice";

export const FIX = join(__dirname, "..", "fixtures", "xlsx");
export const fixture = (name: string): string => join(FIX, `${name}.xlsx`);

export async function evaluationsOf(name: string): Promise<Evaluation[]> {
  const grids = await readXlsxFile(fixture(name));
  return grids.flatMap((g) => readForms(g)).map((f) => evaluateForm(f));
}

export function draftOf(evaluations: Evaluation[]): ReportDraft {
  const r = draftReport(evaluations);
  if (!r.ok) throw new Error(`no report: ${r.error.message}`);
  return r.draft;
}

export const runsText = (runs: Runs): string => runs.map((r) => r.text).join("");

export function blockText(b: Block): string {
  if (b.type === "heading" || b.type === "paragraph") return runsText(b.runs);
  if (b.type === "notice") return [runsText(b.runs), ...b.items.map(runsText)].join("\n");
  return [runsText(b.caption), b.columns.map((c) => c.header).join(" | "), ...b.rows.map((r) => r.map(runsText).join(" | ")), b.note ? runsText(b.note) : ""].join("\n");
}

/** The whole draft as text, one block per line. */
export function draftText(d: ReportDraft): string {
  return [runsText(d.title), ...d.subtitle.map(runsText), ...d.blocks.map(blockText)].join("\n");
}

/** The text under each heading of the given level, up to the next heading of that level or higher. */
export function sections(d: ReportDraft, level: 1 | 2 | 3 = 1): Map<string, string> {
  const out = new Map<string, string>();
  let current: string | null = null;
  let lines: string[] = [];
  const close = () => {
    if (current !== null) out.set(current, lines.join("\n"));
  };
  for (const b of d.blocks) {
    if (b.type === "heading" && b.level <= level) {
      close();
      current = b.level === level ? runsText(b.runs) : null;
      lines = [];
    } else if (current !== null) lines.push(blockText(b));
  }
  close();
  return out;
}

/** The section whose heading contains `title`. */
export function section(d: ReportDraft, title: string, level: 1 | 2 | 3 = 1): string {
  for (const [h, text] of sections(d, level)) if (h.includes(title)) return text;
  throw new Error(`no section "${title}" in ${[...sections(d, level).keys()].join(", ")}`);
}

export function tables(d: ReportDraft): Extract<Block, { type: "table" }>[] {
  return d.blocks.filter((b): b is Extract<Block, { type: "table" }> => b.type === "table");
}

// ---------- LibreOffice Writer and poppler ----------

function run(cmd: string, args: string[], timeoutMs = 180_000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${cmd} failed: ${err.message}\n${stderr}`));
      else resolve(String(stdout));
    });
  });
}

/** .docx files → PDF with LibreOffice Writer (one soffice run, a fresh profile); the PDFs in input order. */
export async function docxToPdf(inputs: string[], outDir: string): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const profile = freshProfile();
  try {
    await run("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", "pdf:writer_pdf_Export", "--outdir", outDir, ...inputs]);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const outs = inputs.map((f) => join(outDir, basename(f).replace(/\.docx$/, ".pdf")));
  const have = new Set(readdirSync(outDir).map((f) => join(outDir, f)));
  const missing = outs.filter((o) => !have.has(o));
  if (missing.length) throw new Error(`soffice did not write ${missing.join(", ")}`);
  return outs;
}

export const pdfInfo = (pdf: string): Promise<string> => run("pdfinfo", [pdf]);

/** One page rendered to a PNG; its path. */
export async function pageToPng(pdf: string, page: number, dpi = 40): Promise<string> {
  const prefix = pdf.replace(/\.pdf$/, `-p${page}`);
  await run("pdftoppm", ["-png", "-singlefile", "-f", String(page), "-l", String(page), "-r", String(dpi), pdf, prefix]);
  return `${prefix}.png`;
}

/** Reads an 8-bit, non-interlaced PNG (grey, grey+alpha, RGB or RGBA, as pdftoppm writes them) as grey pixels. */
export function readGreyPng(file: string): { width: number; height: number; pixels: Uint8Array } {
  const buf = readFileSync(file);
  if (buf.readUInt32BE(0) !== 0x89504e47) throw new Error("not a PNG");
  let pos = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString("latin1", pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[data[9]] ?? 0;
      if (data[8] !== 8 || !channels || data[12] !== 0) throw new Error("only 8-bit, non-interlaced, non-palette PNGs");
    } else if (type === "IDAT") idat.push(data);
    else if (type === "IEND") break;
    pos += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const line = new Uint8Array(stride);
  const prev = new Uint8Array(stride);
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const src = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? line[x - channels] : 0;
      const b = prev[x];
      const c = x >= channels ? prev[x - channels] : 0;
      let v = src[x];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      line[x] = v & 0xff;
    }
    for (let x = 0; x < width; x++) {
      const colour = channels >= 3 ? 3 : 1;
      let sum = 0;
      for (let k = 0; k < colour; k++) sum += line[x * channels + k];
      pixels[y * width + x] = Math.round(sum / colour);
    }
    prev.set(line);
  }
  return { width, height, pixels };
}

/** Share of dark pixels (darker than 160) of a PNG: 0 for a blank page. */
export function pngInk(file: string): number {
  const { pixels } = readGreyPng(file);
  let dark = 0;
  for (const p of pixels) if (p < 160) dark++;
  return dark / pixels.length;
}

// ---------- .docx parts ----------

/** The parts of a zip (a .docx) by name, as text. Enough of the zip format for the files docx writes. */
export function unzipText(buf: Uint8Array): Map<string, string> {
  const b = Buffer.from(buf);
  let eocd = b.length - 22;
  while (eocd >= 0 && b.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error("not a zip");
  const count = b.readUInt16LE(eocd + 10);
  let p = b.readUInt32LE(eocd + 16);
  const out = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    if (b.readUInt32LE(p) !== 0x02014b50) throw new Error("bad central directory");
    const method = b.readUInt16LE(p + 10);
    const size = b.readUInt32LE(p + 20);
    const nameLen = b.readUInt16LE(p + 28);
    const extraLen = b.readUInt16LE(p + 30);
    const commentLen = b.readUInt16LE(p + 32);
    const local = b.readUInt32LE(p + 42);
    const name = b.toString("utf8", p + 46, p + 46 + nameLen);
    const dataStart = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
    const data = b.subarray(dataStart, dataStart + size);
    out.set(name, (method === 8 ? inflateRawSync(data) : data).toString("utf8"));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}
