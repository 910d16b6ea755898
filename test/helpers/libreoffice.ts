// LibreOffice headless for tests: recalculate .xlsx files (a FRESH profile whose Calc settings say
// "always recalculate on load": by default LibreOffice keeps the cached values of files it did not write),
// convert to PDF, and look at the PDF (text via pdftotext, pages via pdftoppm). Batch many files per call:
// each soffice start costs about a second.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

function run(cmd: string, args: string[], timeoutMs = 180_000): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${cmd} failed: ${err.message}\n${stderr}`));
      else resolve({ stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

/** A new LibreOffice user profile that recalculates every formula on load. */
export function freshProfile(): string {
  const dir = mkdtempSync(join(tmpdir(), "jx-lo-profile-"));
  mkdirSync(join(dir, "user"), { recursive: true });
  writeFileSync(join(dir, "user", "registrymodifications.xcu"), RECALC_ALWAYS);
  return dir;
}

/** Convert files with soffice (one process, one fresh profile); returns the output paths, in input order. */
export async function convert(inputs: string[], to: "xlsx" | "pdf", outDir: string): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const profile = freshProfile();
  const filter = to === "xlsx" ? "xlsx:Calc MS Excel 2007 XML" : "pdf:calc_pdf_Export";
  try {
    await run("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", filter, "--outdir", outDir, ...inputs]);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const outs = inputs.map((f) => join(outDir, basename(f).replace(/\.[^.]+$/, `.${to}`)));
  const have = new Set(readdirSync(outDir).map((f) => join(outDir, f)));
  const missing = outs.filter((o) => !have.has(o));
  if (missing.length) throw new Error(`soffice did not write ${missing.join(", ")}`);
  return outs;
}

/** Recalculate .xlsx files in LibreOffice and save them again (as xlsx) into outDir. */
export function recalcXlsx(inputs: string[], outDir: string): Promise<string[]> {
  return convert(inputs, "xlsx", outDir);
}

/** Render .xlsx files to PDF (recalculated first, same fresh-profile rule). */
export function toPdf(inputs: string[], outDir: string): Promise<string[]> {
  return convert(inputs, "pdf", outDir);
}

export async function pdfText(pdf: string): Promise<string> {
  return (await run("pdftotext", ["-layout", pdf, "-"])).stdout;
}

/** Render every page to PNG (for people to look at) and return the PNG paths. */
export async function pdfToPng(pdf: string, dpi = 60): Promise<string[]> {
  const prefix = pdf.replace(/\.pdf$/, "");
  await run("pdftoppm", ["-png", "-r", String(dpi), pdf, prefix]);
  const dir = join(prefix, "..");
  const stem = basename(prefix);
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${stem}-`) && f.endsWith(".png"))
    .sort()
    .map((f) => join(dir, f));
}

/** Share of dark pixels on each page (0 = blank page), from a grey render. */
export async function pageInk(pdf: string, dpi = 30): Promise<number[]> {
  const prefix = pdf.replace(/\.pdf$/, "") + "-ink";
  await run("pdftoppm", ["-gray", "-r", String(dpi), pdf, prefix]);
  const dir = join(prefix, "..");
  const stem = basename(prefix);
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${stem}-`) && f.endsWith(".pgm"))
    .sort()
    .map((f) => inkOfPgm(readFileSync(join(dir, f))));
}

/** Parse a binary PGM (P5) and return the share of pixels darker than 160. */
export function inkOfPgm(buf: Buffer): number {
  const header: string[] = [];
  let i = 0;
  while (header.length < 4) {
    while (/\s/.test(String.fromCharCode(buf[i]))) i++;
    if (buf[i] === 0x23) {
      while (buf[i] !== 0x0a) i++;
      continue;
    }
    let tok = "";
    while (!/\s/.test(String.fromCharCode(buf[i]))) tok += String.fromCharCode(buf[i++]);
    header.push(tok);
  }
  i++; // one whitespace after maxval
  if (header[0] !== "P5") throw new Error("not a binary PGM");
  const w = Number(header[1]);
  const h = Number(header[2]);
  let dark = 0;
  for (let p = 0; p < w * h; p++) if (buf[i + p] < 160) dark++;
  return dark / (w * h);
}
