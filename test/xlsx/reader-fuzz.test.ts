// The package reader on damaged parts: our own filled form with its parts cut, spliced and salted with hostile
// snippets (stray tags, entities past Unicode, huge refs and merges, bad styles and string indexes) must give grids
// or a clear refusal (ReadFileError / LimitError, in Chinese), never another exception, and stay fast. Deterministic
// (a fixed seed); 300 files here, thousands were run by hand (SEED=… N=… npx jest test/xlsx/reader-fuzz) without a
// failure.
import JSZip from "jszip";
import { readXlsxBuffer, ReadFileError, LimitError } from "../../src/xlsx/read";
import { writeXlsxBuffer } from "../../src/xlsx/write";
import { buildPlan } from "../../src/sheet/render";
import { readForms } from "../../src/sheet/read";
import { zipParts } from "../hostile/corpus";
import { PROJECT_FROM_001 } from "../templates/fixtures/forms";

let seed = Number(process.env.SEED ?? 1);
// a linear congruential generator: the same files on every run
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
const SNIPS = ["<c r=\"A1\">", "</c>", "<row>", "</row>", "<f t=\"shared\" si=\"0\"/>", "<f t=\"shared\" ref=\"A1:XFD1048576\" si=\"0\">A1</f>", "<v>", "</v>", "&amp;", "&#xFFFFFF;", "_x0000_", "t=\"s\"", "t=\"d\"", "s=\"99999\"", "r=\"XFD1048576\"", "r=\"\"", "<is><t>x</t></is>", "<mergeCell ref=\"A1:XFD1048576\"/>", "<", ">", "\"", "'", "<rPh><t>y</t>", "<v>1e308</v>", "<v>-1e308</v>", "<v>NaN</v>"];
const VALUES = ["NaN", "1e308", "-1e308", "-0", "abc", "", "99999999999999999999", "&lt;", "#N/A", "2024-13-45", "1E+400"];
const TYPES = ["s", "d", "e", "b", "str", "inlineStr", "n", "zz", ""];

test("damaged parts give grids or a Chinese refusal, never a crash, each in under 2 s", async () => {
  const buf = await writeXlsxBuffer([buildPlan("project", { year: 2024 }, PROJECT_FROM_001)]);
  const zip = await JSZip.loadAsync(buf);
  const parts = new Map<string, Buffer>();
  for (const n of Object.keys(zip.files)) if (!zip.files[n].dir) parts.set(n, await zip.files[n].async("nodebuffer"));
  const bad: string[] = [];
  for (let i = 0; i < Number(process.env.N ?? 300); i++) {
    const m = new Map(parts);
    const name = pick(["xl/worksheets/sheet1.xml", "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml", "xl/workbook.xml", "xl/worksheets/sheet2.xml", "xl/_rels/workbook.xml.rels"]);
    let x = m.get(name)!.toString("utf8");
    for (let k = 0; k < 1 + Math.floor(rnd() * 5); k++) {
      const at = Math.floor(rnd() * x.length);
      const op = rnd();
      if (op < 0.15) {
        // a cell's value replaced by one that is no number, or by an extreme one
        const v = x.indexOf("<v>", at);
        const end = v < 0 ? -1 : x.indexOf("</v>", v);
        if (end > 0) x = x.slice(0, v + 3) + pick(VALUES) + x.slice(end);
      } else if (op < 0.3) {
        // a cell's type changed
        const t = x.indexOf(' t="', at);
        const end = t < 0 ? -1 : x.indexOf('"', t + 4);
        if (end > 0) x = x.slice(0, t + 4) + pick(TYPES) + x.slice(end);
      } else if (op < 0.45) x = x.slice(0, at) + pick(SNIPS) + x.slice(at);
      else if (op < 0.7) x = x.slice(0, at) + x.slice(at + Math.floor(rnd() * 200));
      else { const b = Math.floor(rnd() * x.length); x = x.slice(0, at) + x.slice(b, b + 300) + x.slice(at); }
    }
    m.set(name, Buffer.from(x, "utf8"));
    const t0 = Date.now();
    try {
      const grids = await readXlsxBuffer(zipParts(m));
      for (const g of grids) readForms(g);
    } catch (e) {
      if (!(e instanceof ReadFileError) && !(e instanceof LimitError)) bad.push(`${i} ${name}: ${(e as Error).stack?.split("\n").slice(0, 3).join(" | ")}`);
    }
    if (Date.now() - t0 > 2000) bad.push(`${i} ${name}: slow ${Date.now() - t0} ms`);
  }
  expect(bad).toEqual([]);
}, 600000);
