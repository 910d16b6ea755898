// The hostile corpus of issue #12, built at test time in a temp folder (big inputs as sparse files and as deflate
// streams made by repeating one compressed block, never committed): files a doctoring unit or a damaged disk can
// put in the reviewer's folder, each with what the batch must make of it. The good form is the national project
// fixture; every case but a few is that form with one thing changed.

import { execFileSync } from "node:child_process";
import { existsSync, promises as fs } from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";
import ExcelJS from "exceljs";
import { bufferSource, listEntries, readEntry } from "../../src/xlsx/zip";
import { DEFAULT_LIMITS } from "../../src/xlsx/limits";

/** The good form's file: found from this module's folder up (the module also runs compiled, from build/bench). */
function fixturePath(name: string): string {
  for (let d = __dirname; ; d = path.dirname(d)) {
    const p = path.join(d, "test", "fixtures", "xlsx", name);
    if (existsSync(p)) return p;
    if (path.dirname(d) === d) throw new Error(`fixture ${name} not found`);
  }
}

export const GOOD_FIXTURE = fixturePath("variant-national-project.xlsx");
/** What the good form is known to hold (from its transcription in test/fixtures/xlsx/variants.ts). */
export const GOOD = { name: "社区养老服务补助", sheet: "项目自评", totalEntered: 95 };

/** The lines forged into texts: a fake clean verdict and a fake summary, after escape sequences of every kind. */
export const FAKE_VERDICT = "    没有发现问题。";
export const FAKE_SUMMARY = "共检查 1 个文件、1 张表：错误 0 个，警告 0 个。";
export const FORGED =
  `\n${FAKE_VERDICT}\n${FAKE_SUMMARY}\r\u001b[2J\u001b]0;title\u0007\u001b]52;c;ZXZpbA==\u0007` +
  `\u001b]8;;http://example.invalid\u001b\\\\link\u001b]8;;\u001b\\\\\u009b31m\u202e\u2066\u0007`;
/** The part of FORGED a workbook's XML can hold (XML 1.0 has no ESC or BEL). */
export const FORGED_XML = `\n${FAKE_VERDICT}\n${FAKE_SUMMARY}\r\u009b31m\u202e\u2066`;

export type Expect =
  /** Refused with one line that says why (a part of the reason, as a pattern). */
  | { kind: "refused"; words: RegExp }
  /** Read: the form is found (the good form's name unless said). */
  | { kind: "read"; name?: string | RegExp; warning?: RegExp; errors?: boolean }
  /** Either read or refused by a limit, depending on how fast the reader is on it: answered all the same. */
  | { kind: "answered" }
  /** Not a workbook: listed as skipped (folder runs only). */
  | { kind: "skipped"; words: RegExp };

export interface Case {
  /** File name in the corpus folder. */
  file: string;
  why: string;
  expect: Expect;
  /** Writes the file (or link, FIFO, folder) at `at`. */
  make: (at: string) => Promise<void>;
  /** Only on Linux-like systems (FIFOs, links to devices). */
  posix?: boolean;
}

// ---------- zip helpers ----------

const generous = { ...DEFAULT_LIMITS, zipEntries: 1_000_000, partBytes: 1 << 30, totalBytes: 1 << 30 };

export async function unzip(buf: Buffer): Promise<Map<string, Buffer>> {
  const src = bufferSource(buf);
  const out = new Map<string, Buffer>();
  const budget = { used: 0 };
  for (const e of await listEntries(src, generous)) if (!e.name.endsWith("/")) out.set(e.name, await readEntry(src, e, generous, budget));
  return out;
}

interface RawEntry {
  name: string;
  /** Bytes as stored (deflated when method 8). */
  data: Buffer;
  method: 0 | 8;
  /** The uncompressed size the headers claim (they may lie). */
  size: number;
  crc?: number;
}

/** A zip from entries as given: sizes and CRCs are whatever the caller says (so they can lie). */
export function zipRaw(entries: RawEntry[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc ?? 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x800, 8);
    c.writeUInt16LE(e.method, 10);
    c.writeUInt32LE(e.crc ?? 0, 16);
    c.writeUInt32LE(e.data.length, 20);
    c.writeUInt32LE(e.size >>> 0, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    chunks.push(local, name, e.data);
    central.push(c, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 8);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, cd, end]);
}

export function zipParts(parts: Map<string, Buffer>): Buffer {
  return zipRaw([...parts].map(([name, data]) => ({ name, data: zlib.deflateRawSync(data), method: 8 as const, size: data.length })));
}

/**
 * A raw deflate stream that inflates to `prefix`, then `repeat` × `count` bytes, then `suffix`, made in
 * milliseconds: the repeated run is compressed once (a stream of non-final blocks that refer only inside
 * themselves) and that block sequence is written `count` times.
 */
export function deflateBomb(prefix: string, repeat: Buffer, count: number, suffix: string): Buffer {
  const sync = { finishFlush: zlib.constants.Z_SYNC_FLUSH };
  const head = zlib.deflateRawSync(Buffer.from(prefix), sync);
  const block = zlib.deflateRawSync(repeat, sync);
  const tail = zlib.deflateRawSync(Buffer.from(suffix));
  return Buffer.concat([head, ...Array<Buffer>(count).fill(block), tail]);
}

async function good(): Promise<Buffer> {
  return fs.readFile(GOOD_FIXTURE);
}

/** The good workbook with parts changed (a function of the part's text, or new bytes), re-zipped. */
async function patched(change: Record<string, ((xml: string) => string) | Buffer>): Promise<Buffer> {
  const parts = await unzip(await good());
  for (const [name, how] of Object.entries(change)) {
    if (Buffer.isBuffer(how)) parts.set(name, how);
    else parts.set(name, Buffer.from(how(parts.get(name)?.toString("utf8") ?? ""), "utf8"));
  }
  return zipParts(parts);
}

const xmlEscape = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/\r/g, "&#13;").replace(/\n/g, "&#10;");

const addMerges = (xml: string, refs: string[]): string =>
  xml.replace(/<mergeCells count="(\d+)">/, (_, n: string) => `<mergeCells count="${Number(n) + refs.length}">${refs.map((r) => `<mergeCell ref="${r}"/>`).join("")}`);

async function viaExcelJS(edit: (wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await good()) as unknown as ExcelJS.Buffer);
  edit(wb, wb.worksheets[0]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The good form as the legacy formats, written by SheetJS (the only tool here that writes .xls). */
async function legacy(bookType: "biff8" | "ods"): Promise<Buffer> {
  const X = await import("@e965/xlsx");
  const wb = X.read(await good(), { type: "buffer", cellFormula: true, cellNF: true });
  return X.write(wb, { type: "buffer", bookType }) as Buffer;
}

const write = (data: Buffer | string) => (at: string) => fs.writeFile(at, data);

// ---------- the cases ----------

export function cases(): Case[] {
  const list: Case[] = [
    {
      file: "merge-bomb.xlsx",
      why: 'one extra <mergeCell ref="J1:XFD1048576"/> (and A21:XFD1048576 below the form): clipped, never expanded',
      expect: { kind: "read" },
      make: async (at) => fs.writeFile(at, await patched({ "xl/worksheets/sheet1.xml": (x) => addMerges(x, ["J1:XFD1048576", "A21:XFD1048576"]) })),
    },
    {
      file: "zip-bomb.xlsx",
      why: "a 4 MB zip whose sheet inflates to 4 GiB of spaces while its header claims 5 KB",
      expect: { kind: "refused", words: /文件过大或结构异常：.*解压后超过/ },
      make: async (at) => {
        const parts = await unzip(await good());
        const bomb = deflateBomb("<worksheet><sheetData>", Buffer.alloc(1 << 20, " "), 4096, "</sheetData></worksheet>");
        const raw = [...parts].map(([name, data]) =>
          name === "xl/worksheets/sheet1.xml"
            ? { name, data: bomb, method: 8 as const, size: 5540 }
            : { name, data: zlib.deflateRawSync(data), method: 8 as const, size: data.length },
        );
        await fs.writeFile(at, zipRaw(raw));
      },
    },
    {
      file: "huge-string.xlsx",
      why: "a 300 MB shared string (a 300 KB file)",
      expect: { kind: "refused", words: /文件过大或结构异常：.*sharedStrings\.xml.*解压后超过/ },
      make: async (at) => {
        const parts = await unzip(await good());
        const sst = parts.get("xl/sharedStrings.xml")!.toString("utf8");
        const cut = sst.indexOf("<t>社区养老服务补助</t>") + 3;
        const bomb = deflateBomb(sst.slice(0, cut), Buffer.alloc(1 << 20, "A"), 300, sst.slice(cut));
        const raw = [...parts].map(([name, data]) =>
          name === "xl/sharedStrings.xml"
            ? { name, data: bomb, method: 8 as const, size: 300 << 20 }
            : { name, data: zlib.deflateRawSync(data), method: 8 as const, size: data.length },
        );
        await fs.writeFile(at, zipRaw(raw));
      },
    },
    {
      file: "long-text.xlsx",
      why: "a project name of 32,000 characters (within Excel's cell limit): read, and cut in the report",
      expect: { kind: "read", name: /^社区养老服务补助A+/ },
      make: async (at) =>
        fs.writeFile(at, await patched({ "xl/sharedStrings.xml": (x) => x.replace("<t>社区养老服务补助</t>", `<t>社区养老服务补助${"A".repeat(32000)}</t>`) })),
    },
    {
      file: "digits-32750.xlsx",
      why: "14 target cells of 32,750 digits followed by 个x (9.5 KB): linear parsing reads it, a quadratic one hits the deadline",
      expect: { kind: "read" },
      make: async (at) =>
        fs.writeFile(
          at,
          await viaExcelJS((_wb, ws) => {
            for (let r = 13; r <= 19; r++) {
              ws.getCell(`D${r}`).value = `${"9".repeat(32750)}个x`;
              ws.getCell(`E${r}`).value = `${"8".repeat(32750)}个x`;
            }
          }),
        ),
    },
    {
      file: "far-cell.xlsx",
      why: "one value at row 1,048,576 of an otherwise normal form",
      expect: { kind: "answered" },
      make: async (at) => fs.writeFile(at, await viaExcelJS((_wb, ws) => void (ws.getCell("A1048576").value = "末行"))),
    },
    {
      file: "merges-20000.xlsx",
      why: "20,000 small merges inside the filled part of the sheet",
      expect: { kind: "refused", words: /文件过大或结构异常：合并单元格区域超过/ },
      make: async (at) =>
        fs.writeFile(
          at,
          await patched({
            "xl/worksheets/sheet1.xml": (x) => {
              const withCell = x.replace("</sheetData>", '<row r="20100"><c r="C20100" t="inlineStr"><is><t>x</t></is></c></row></sheetData>');
              return addMerges(withCell, Array.from({ length: 20000 }, (_, i) => `A${i + 30}:B${i + 30}`));
            },
          }),
        ),
    },
    {
      file: "entries-100000.xlsx",
      why: "100,000 tiny zip entries beside the form",
      expect: { kind: "refused", words: /文件过大或结构异常：压缩包内(有 \d+ 个文件|的文件超过 \d+ 个)/ },
      make: async (at) => {
        const parts = await unzip(await good());
        const raw: RawEntry[] = [...parts].map(([name, data]) => ({ name, data: zlib.deflateRawSync(data), method: 8, size: data.length }));
        for (let i = 0; i < 100_000; i++) raw.push({ name: `x/${i}`, data: Buffer.alloc(0), method: 0, size: 0 });
        await fs.writeFile(at, zipRaw(raw));
      },
    },
    {
      file: "full-sheet.xlsx",
      why: "a second sheet of 1,048,576 × 9 numbers",
      expect: { kind: "refused", words: /文件过大或结构异常：.*(解压后超过|单元格超过)/ },
      make: async (at) => {
        const parts = await unzip(await good());
        const row = `<row>${"<c><v>1</v></c>".repeat(9)}</row>`;
        const sheet2 = deflateBomb('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>', Buffer.from(row.repeat(4096)), 256, "</sheetData></worksheet>");
        parts.set("xl/workbook.xml", Buffer.from(parts.get("xl/workbook.xml")!.toString().replace("</sheets>", '<sheet sheetId="2" name="数据" r:id="rId9"/></sheets>')));
        parts.set(
          "xl/_rels/workbook.xml.rels",
          Buffer.from(parts.get("xl/_rels/workbook.xml.rels")!.toString().replace("</Relationships>", '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>')),
        );
        const raw: RawEntry[] = [...parts].map(([name, data]) => ({ name, data: zlib.deflateRawSync(data), method: 8, size: data.length }));
        raw.push({ name: "xl/worksheets/sheet2.xml", data: sheet2, method: 8, size: 0 });
        await fs.writeFile(at, zipRaw(raw));
      },
    },
    {
      file: "many-cells.xlsx",
      why: "40,000 rows × 9 cells on a second sheet: past the cell limit, under the part limit",
      expect: { kind: "refused", words: /文件过大或结构异常：单元格超过/ },
      make: async (at) =>
        fs.writeFile(
          at,
          await viaExcelJS((wb) => {
            const ws = wb.addWorksheet("数据");
            for (let r = 1; r <= 40000; r++) ws.addRow([1, 2, 3, 4, 5, 6, 7, 8, 9]);
          }),
        ),
    },
    {
      file: "forged-cells.xlsx",
      why: "a project name and a sheet name holding newlines, a fake verdict and summary, CR, U+009B and bidi overrides",
      expect: { kind: "read", name: /社区养老服务补助/ },
      make: async (at) =>
        fs.writeFile(
          at,
          await patched({
            "xl/sharedStrings.xml": (x) => x.replace("<t>社区养老服务补助</t>", `<t xml:space="preserve">社区养老服务补助${xmlEscape(FORGED_XML)}</t>`),
            // Excel keeps sheet names to 31 characters: a newline, a forged line and a bidi override fit.
            "xl/workbook.xml": (x) => x.replace('name="项目自评"', `name="项目自评${xmlEscape("\n没有发现问题。\r\u202e\u009b")}"`),
          }),
        ),
    },
    {
      file: "forged-legacy.xls",
      why: "an Excel 97–2003 file whose project name holds ESC, OSC 52, OSC 8, BEL and a forged summary",
      expect: { kind: "read", name: /社区养老服务补助/ },
      make: async (at) => {
        const X = await import("@e965/xlsx");
        const wb = X.read(await good(), { type: "buffer", cellFormula: true, cellNF: true });
        const ws = wb.Sheets[wb.SheetNames[0]];
        ws["B3"] = { t: "s", v: `社区养老服务补助${FORGED}` };
        await fs.writeFile(at, X.write(wb, { type: "buffer", bookType: "biff8" }) as Buffer);
      },
    },
    {
      file: `forged-name\n${FAKE_SUMMARY}\u001b]0;x\u0007.xlsx`,
      why: "a file name with a newline, a fake summary and an OSC title sequence",
      expect: { kind: "read" },
      make: async (at) => fs.copyFile(GOOD_FIXTURE, at),
      posix: true,
    },
    {
      file: "jx-lists-dodge.xlsx",
      why: "the real form on a visible sheet named JX_LISTS, a copy on a very hidden sheet",
      expect: { kind: "read", warning: /表格位于隐藏工作表「副本」/ },
      make: async (at) =>
        fs.writeFile(
          at,
          await viaExcelJS((wb, ws) => {
            ws.name = "JX_LISTS";
            const copy = wb.addWorksheet("副本", { state: "veryHidden" });
            ws.eachRow((row, r) => row.eachCell((c, col) => (copy.getCell(r, col).value = c.value)));
            for (const m of (ws.model as unknown as { merges: string[] }).merges) copy.mergeCells(m);
          }),
        ),
    },
    {
      file: "meta-hidden.xlsx",
      why: "a form made by the add-in (its defined names and JX_META row point at it) on a very hidden sheet, the real form on a visible one",
      expect: { kind: "read", name: GOOD.name, warning: /定义名称和 JX_META 记录指向这张隐藏的表/ },
      make: async (at) => {
        const { buildPlan } = await import("../../src/sheet/render");
        const { writeWorkbook } = await import("../../src/xlsx/write");
        const wb = await writeWorkbook([buildPlan("project", { project: "隐藏的副本", unit: "某区民政局", year: 2023 })]);
        wb.worksheets[0].state = "veryHidden";
        const real = new ExcelJS.Workbook();
        await real.xlsx.load((await good()) as unknown as ExcelJS.Buffer);
        const from = real.worksheets[0];
        const ws = wb.addWorksheet(GOOD.sheet);
        from.eachRow((row, r) => row.eachCell((c, col) => (ws.getCell(r, col).value = c.value)));
        for (const m of (from.model as unknown as { merges: string[] }).merges) ws.mergeCells(m);
        await fs.writeFile(at, Buffer.from(await wb.xlsx.writeBuffer()));
      },
    },
    {
      file: "bad-numbers.xlsx",
      why: "NaN as the budget, 1e309 as the spending, #N/A as the total, a date where an amount belongs",
      expect: { kind: "read" },
      make: async (at) =>
        fs.writeFile(
          at,
          await patched({
            "xl/worksheets/sheet1.xml": (x) =>
              x
                .replace('<c r="D6"><v>43.2</v></c>', '<c r="D6"><v>NaN</v></c>')
                .replace('<c r="E6"><v>37.24</v></c>', '<c r="E6"><v>1e309</v></c>')
                .replace('<c r="H20"><v>95</v></c>', '<c r="H20" t="e"><v>#N/A</v></c>')
                .replace('<c r="D7"><v>43.2</v></c>', '<c r="D7" s="1"><v>45292</v></c>'),
            "xl/styles.xml": (x) => x.replace(/<cellXfs count="(\d+)">(<xf [^>]*\/>|<xf [^>]*>.*?<\/xf>)/, (m) => `${m}<xf numFmtId="14" applyNumberFormat="1"/>`),
          }),
        ),
    },
    {
      file: "empty.xlsx",
      why: "0 bytes",
      expect: { kind: "refused", words: /空的/ },
      make: write(Buffer.alloc(0)),
    },
    {
      file: "random.xlsx",
      why: "random bytes",
      expect: { kind: "refused", words: /不是 Excel 工作簿/ },
      make: write(Buffer.from(Array.from({ length: 10000 }, (_, i) => (i * 7919 + 13) % 251).map((b) => (b < 32 ? b + 128 : b)))),
    },
    {
      file: "truncated.xlsx",
      why: "the good file cut in half",
      expect: { kind: "refused", words: /损坏/ },
      make: async (at) => {
        const g = await good();
        await fs.writeFile(at, g.subarray(0, g.length >> 1));
      },
    },
    {
      file: "encrypted.xlsx",
      why: "a compound file with EncryptionInfo and EncryptedPackage streams (a password-protected .xlsx)",
      expect: { kind: "refused", words: /已加密/ },
      make: write(Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024), Buffer.from("EncryptionInfo", "utf16le"), Buffer.alloc(64), Buffer.from("EncryptedPackage", "utf16le")])),
    },
    {
      file: "billion-laughs.xlsx",
      why: "nested entity definitions in the shared strings",
      expect: { kind: "refused", words: /DTD/ },
      make: async (at) => {
        const ents = ['<!ENTITY l0 "ha">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`)].join("");
        await fs.writeFile(
          at,
          await patched({ "xl/sharedStrings.xml": (x) => x.replace("?>", `?><!DOCTYPE sst [${ents}]>`).replace("<t>社区养老服务补助</t>", "<t>&l9;</t>") }),
        );
      },
    },
    {
      file: "xxe.xlsx",
      why: "an external entity pointing at /etc/passwd in the workbook part",
      expect: { kind: "refused", words: /DTD/ },
      make: async (at) =>
        fs.writeFile(
          at,
          await patched({ "xl/workbook.xml": (x) => x.replace("?>", '?><!DOCTYPE workbook [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>').replace('name="项目自评"', 'name="&xxe;"') }),
        ),
    },
    {
      file: "zip-slip.xlsx",
      why: "extra entries named ../../../../tmp/jixiao-zip-slip.txt and /etc/cron.d/x: never written anywhere",
      expect: { kind: "read" },
      make: async (at) => {
        const parts = await unzip(await good());
        parts.set("../../../../tmp/jixiao-zip-slip.txt", Buffer.from("pwned"));
        parts.set("/etc/cron.d/jixiao-zip-slip", Buffer.from("* * * * * root true"));
        await fs.writeFile(at, zipParts(parts));
      },
    },
    {
      file: "external-links.xlsx",
      why: "an external link part and formulas into another workbook",
      expect: { kind: "read" },
      make: async (at) =>
        fs.writeFile(
          at,
          await patched({
            "xl/externalLinks/externalLink1.xml": Buffer.from('<?xml version="1.0"?><externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><externalBook r:id="rId1" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></externalLink>'),
            "xl/externalLinks/_rels/externalLink1.xml.rels": Buffer.from('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" Target="file:///\\\\evil.invalid\\share\\x.xlsx" TargetMode="External"/></Relationships>'),
            "xl/worksheets/sheet1.xml": (x) => x.replace('<c r="H6"><v>9</v></c>', '<c r="H6"><f>[1]Sheet1!A1</f><v>9</v></c>'),
          }),
        ),
    },
    {
      file: "duplicate-names.xlsx",
      why: "two entries named xl/worksheets/sheet1.xml (readers disagree on which one counts)",
      expect: { kind: "refused", words: /同名文件/ },
      make: async (at) => {
        const parts = await unzip(await good());
        const raw: RawEntry[] = [...parts].map(([name, data]) => ({ name, data: zlib.deflateRawSync(data), method: 8, size: data.length }));
        raw.push({ name: "xl/worksheets/sheet1.xml", data: zlib.deflateRawSync(Buffer.from("<worksheet/>")), method: 8, size: 12 });
        await fs.writeFile(at, zipRaw(raw));
      },
    },
    {
      file: "xls-renamed.xlsx",
      why: "an Excel 97–2003 file renamed .xlsx: read as what it is, not called encrypted",
      expect: { kind: "read" },
      make: async (at) => fs.writeFile(at, await legacy("biff8")),
    },
    {
      file: "legacy.xls",
      why: "the good form as Excel 97–2003",
      expect: { kind: "read" },
      make: async (at) => fs.writeFile(at, await legacy("biff8")),
    },
    {
      file: "wps.et",
      why: "the good form as a WPS .et (a BIFF8 compound file: no genuine WPS file can be made here)",
      expect: { kind: "read" },
      make: async (at) => fs.writeFile(at, await legacy("biff8")),
    },
    {
      file: "open.ods",
      why: "the good form as OpenDocument",
      expect: { kind: "read" },
      make: async (at) => fs.writeFile(at, await legacy("ods")),
    },
    {
      file: "pdf-renamed.xlsx",
      why: "a PDF named .xlsx: the message names the format found",
      expect: { kind: "refused", words: /PDF/ },
      make: write("%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
    },
    {
      file: "-x.xlsx",
      why: "a file whose name starts with '-' (passed after --)",
      expect: { kind: "read" },
      make: async (at) => fs.copyFile(GOOD_FIXTURE, at),
    },
    {
      file: "notes.csv",
      why: "a CSV file in the folder",
      expect: { kind: "skipped", words: /不是工作簿格式（\.csv 文件）/ },
      make: write("项目,预算\n社区养老,43.2\n"),
    },
    {
      file: "fifo.xlsx",
      why: "a FIFO named .xlsx (opening it would wait forever)",
      expect: { kind: "refused", words: /命名管道/ },
      make: async (at) => void execFileSync("mkfifo", [at]),
      posix: true,
    },
    {
      file: "zero.xlsx",
      why: "a symbolic link to /dev/zero (reading it never ends)",
      expect: { kind: "refused", words: /符号链接指向所检查的文件夹之外|这是设备文件/ },
      make: async (at) => fs.symlink("/dev/zero", at),
      posix: true,
    },
    {
      file: "sparse-1.5g.xlsx",
      why: "a 1.5 GB sparse file: told it is not a workbook from its first bytes",
      expect: { kind: "refused", words: /不是 Excel 工作簿/ },
      make: async (at) => {
        await fs.writeFile(at, "");
        await fs.truncate(at, 1.5 * 1024 * 1024 * 1024);
      },
    },
    {
      file: "sparse-zip-1.5g.xlsx",
      why: "a 1.5 GB sparse file that starts like a zip: refused by its size before it is read",
      expect: { kind: "refused", words: /文件过大或结构异常：文件有 1\.5 GB/ },
      make: async (at) => {
        await fs.writeFile(at, Buffer.from([0x50, 0x4b, 0x03, 0x04]));
        await fs.truncate(at, 1.5 * 1024 * 1024 * 1024);
      },
    },
  ];
  return list;
}

/** Builds every case into `dir`, in order, with a copy of the good form before and after each. Returns the names. */
export async function buildCorpus(dir: string, only: Case[] = cases()): Promise<{ order: string[]; goods: string[] }> {
  const order: string[] = [];
  const goods: string[] = [];
  const usable = only.filter((c) => !c.posix || process.platform !== "win32");
  for (let i = 0; i <= usable.length; i++) {
    const name = `good-${String(i).padStart(2, "0")}.xlsx`;
    await fs.copyFile(GOOD_FIXTURE, path.join(dir, name));
    goods.push(name);
    order.push(name);
    if (i < usable.length) {
      await usable[i].make(path.join(dir, usable[i].file));
      order.push(usable[i].file);
    }
  }
  return { order, goods };
}
