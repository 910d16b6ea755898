// The other formats in a bureau's folder, read like .xlsx: Excel 97–2003 (.xls), WPS 表格 (.et), OpenDocument
// (.ods) and macro-enabled .xlsm, as LibreOffice writes them (the real program, not our reader's library). No
// genuine WPS file can be made on this machine: WPS saves .et as the same BIFF8 compound file as .xls, so the .et
// here is LibreOffice's .xls under that name. A hidden sheet in an .xls is reported like one in an .xlsx.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, promises as fs, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runCheck } from "../../src/cli/check";
import type { JsonForm, JsonReport } from "../../src/cli/report-json";
import { GOOD_FIXTURE } from "./corpus";

const SEED001 = path.join(__dirname, "..", "fixtures", "xlsx", "seed001-department.xlsx");

async function check(files: string[]): Promise<JsonReport> {
  const out: string[] = [];
  await runCheck(["--json", "--", ...files], { out: (l) => out.push(l), err: () => undefined });
  return JSON.parse(out.join("\n")) as JsonReport;
}

/** soffice --convert-to with a fresh profile; returns when the files are written. */
function soffice(filter: string, inputs: string[], outDir: string): Promise<void> {
  const profile = mkdtempSync(path.join(os.tmpdir(), "jx-lo-formats-"));
  mkdirSync(path.join(profile, "user"), { recursive: true });
  return new Promise<void>((resolve, reject) => {
    execFile(
      "soffice",
      [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", filter, "--outdir", outDir, ...inputs],
      { timeout: 180_000 },
      (err, _stdout, stderr) => {
        rmSync(profile, { recursive: true, force: true });
        if (err) reject(new Error(`soffice failed: ${err.message}\n${stderr}`));
        else resolve();
      },
    );
  });
}

/** What a reviewer compares between two copies of a form: everything but the cells' text formatting. */
function summary(f: JsonForm): unknown {
  return {
    sheet: f.sheet,
    kind: f.kind,
    name: f.name,
    total: f.total,
    funds: f.funds,
    indicators: f.indicators.map((i) => [i.name, i.target, i.actual, i.weight, i.enteredScore, i.status]),
    findings: f.findings.map((x) => [x.code, x.cell]).sort(),
  };
}

let dir: string;
let reference: Map<string, JsonForm[]>;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "jixiao-formats-"));
  const sources = [GOOD_FIXTURE, SEED001];
  await soffice("xls:MS Excel 97", sources, dir);
  await soffice("ods:calc8", sources, dir);
  await soffice("xlsm:Calc MS Excel 2007 VBA XML", sources, dir);
  for (const s of sources) {
    const base = path.basename(s, ".xlsx");
    await fs.copyFile(path.join(dir, `${base}.xls`), path.join(dir, `${base}.et`));
  }
  const ref = await check(sources);
  reference = new Map(sources.map((s, i) => [path.basename(s, ".xlsx"), ref.files[i].forms]));
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

test.each([".xls", ".et", ".ods", ".xlsm"])("%s written by LibreOffice reads like the .xlsx it came from", async (ext) => {
  for (const [base, forms] of reference) {
    const report = await check([path.join(dir, `${base}${ext}`)]);
    expect(report.files[0].error).toBeNull();
    expect(report.files[0].forms.map(summary)).toEqual(forms.map(summary));
  }
});

test("a form on a very hidden sheet of an .xls is reported as hidden", async () => {
  const X = await import("@e965/xlsx");
  const wb = X.read(await fs.readFile(GOOD_FIXTURE), { type: "buffer", cellFormula: true, cellNF: true });
  const copy = X.utils.aoa_to_sheet([]);
  Object.assign(copy, wb.Sheets[wb.SheetNames[0]]);
  X.utils.book_append_sheet(wb, copy, "隐藏的副本");
  wb.Workbook = { ...(wb.Workbook ?? {}), Sheets: [{ Hidden: 0 }, { Hidden: 2 }] };
  const file = path.join(dir, "hidden.xls");
  writeFileSync(file, X.write(wb, { type: "buffer", bookType: "biff8" }) as Buffer);
  const forms = (await check([file])).files[0].forms;
  expect(forms.map((f) => f.sheet)).toEqual(["项目自评", "隐藏的副本"]);
  const warnings = (f: JsonForm) => f.findings.filter((x) => x.message.startsWith("表格位于隐藏工作表")).map((x) => x.severity);
  expect(forms.map(warnings)).toEqual([[], ["warning"]]);
});

test("a password-protected .xls keeps its one clear line", async () => {
  // An .xls whose workbook stream starts with a FILEPASS record (RC4 encryption), as Excel writes one with a password.
  const X = await import("@e965/xlsx");
  const plain = X.write(X.read(await fs.readFile(GOOD_FIXTURE), { type: "buffer" }), { type: "buffer", bookType: "biff8" }) as Buffer;
  const cfb = X.CFB.read(plain, { type: "buffer" });
  const stream = X.CFB.find(cfb, "Workbook")!.content as unknown as Buffer;
  const bof = 4 + Buffer.from(stream).readUInt16LE(2);
  const filepass = Buffer.from([0x2f, 0x00, 0x36, 0x00, 0x01, 0x00, 0x01, 0x00, 0x01, 0x00, ...Array(48).fill(0)]);
  const locked = Buffer.concat([Buffer.from(stream).subarray(0, bof), filepass, Buffer.from(stream).subarray(bof)]);
  X.CFB.utils.cfb_add(cfb, "Workbook", locked);
  const file = path.join(dir, "locked.xls");
  writeFileSync(file, X.CFB.write(cfb, { type: "buffer" }) as Buffer);
  const r = await check([file]);
  expect(r.files[0].error).toMatch(/^文件已加密（设有打开密码）/);
});
