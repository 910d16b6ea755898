// The hostile corpus through `jixiao check`, in one batch, with a good form before and after every bad file:
// the good forms' results are those of the good form checked alone, every refused file is one line saying which
// limit or what is wrong, nothing from a file can forge a line or drive the terminal, and --json stays valid and
// complete for the files that were read.
import { existsSync, promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runCheck } from "../../src/cli/check";
import type { JsonForm, JsonReport } from "../../src/cli/report-json";
import { terminalText } from "../../src/sheet/safe-text";
import { DEFAULT_LIMITS } from "../../src/xlsx/limits";
import { FAKE_SUMMARY, FAKE_VERDICT, GOOD, GOOD_FIXTURE, buildCorpus, cases, type Case } from "./corpus";

// The tests keep the production limits but a shorter deadline, so a file that needs it costs less test time.
const LIMITS = { ...DEFAULT_LIMITS, timeMs: 5000 };

// eslint-disable-next-line no-control-regex -- the very characters a file must not get onto the terminal
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

async function check(args: string[]): Promise<{ code: number; lines: string[]; err: string[] }> {
  const lines: string[] = [];
  const err: string[] = [];
  const code = await runCheck(args, { out: (l) => lines.push(...l.split("\n")), err: (l) => err.push(l) }, LIMITS);
  return { code, lines, err };
}

let dir: string;
let order: string[];
let goods: Set<string>;
let corpus: Map<string, Case>;
let reference: JsonForm;
let text: { code: number; lines: string[] };
let json: { code: number; report: JsonReport; raw: string };

const full = (f: string): string => path.join(dir, f);
const shown = (f: string): string => terminalText(full(f), 300);

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "jixiao-hostile-"));
  corpus = new Map(cases().map((c) => [c.file, c]));
  const built = await buildCorpus(dir);
  order = built.order;
  goods = new Set(built.goods);
  const alone = await check([GOOD_FIXTURE, "--json"]);
  reference = (JSON.parse(alone.lines.join("\n")) as JsonReport).files[0].forms[0];
  const args = ["--", ...order.map(full)];
  text = await check(args);
  const j = await check(["--json", ...args]);
  json = { code: j.code, raw: j.lines.join("\n"), report: JSON.parse(j.lines.join("\n")) as JsonReport };
}, 600_000);

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** The lines of one file's answer in the text report: from its own line to the next file's. */
function block(file: string): string[] {
  const start = text.lines.findIndex((l) => l === `■ ${shown(file)}` || l.startsWith(`✗ ${shown(file)}：`));
  if (start < 0) throw new Error(`no answer for ${file}`);
  let end = start + 1;
  while (end < text.lines.length && !/^(■|✗|-) |^共检查/.test(text.lines[end])) end++;
  return text.lines.slice(start, end).filter((l) => l !== "");
}

describe("text report", () => {
  test("every file is answered, in order, and the run ends with its one summary", () => {
    const answered = text.lines.filter((l) => /^(■|✗) /.test(l));
    expect(answered).toHaveLength(order.length);
    const summaries = text.lines.filter((l) => l.startsWith("共检查"));
    expect(summaries).toHaveLength(1);
    expect(text.lines.filter((l) => l !== "").at(-1)).toBe(summaries[0]);
    expect(summaries[0]).toMatch(new RegExp(`^共检查 ${order.length} 个文件`));
    expect(text.code).toBe(2);
  });

  test("the good form before and after each bad file reads exactly as it does alone", () => {
    const ref = block(order[0]).slice(1);
    expect(ref.join("\n")).toContain(GOOD.name);
    for (const g of goods) expect(block(g).slice(1)).toEqual(ref);
  });

  test("each refused file is one line saying why", () => {
    for (const c of corpus.values()) {
      if (c.expect.kind !== "refused") continue;
      const lines = block(c.file);
      expect({ file: c.file, lines }).toEqual({ file: c.file, lines: [expect.stringMatching(c.expect.words)] });
    }
  });

  test("nothing from a file reaches the terminal raw: no control, escape or bidi character, no forged line", () => {
    for (const l of text.lines) {
      expect({ line: l, unsafe: UNSAFE.test(l) }).toEqual({ line: l, unsafe: false });
      expect(l.length).toBeLessThan(1500);
    }
    expect(text.lines).not.toContain(FAKE_VERDICT);
    expect(text.lines).not.toContain(FAKE_SUMMARY);
    // The forged texts are shown, escaped, on the line of the name they were in.
    const forged = block("forged-legacy.xls").join("\n");
    expect(forged).toContain("\\x1B]52;c;");
    expect(forged).toContain("\\n    没有发现问题。\\n共检查 1 个文件");
    expect(block("forged-cells.xlsx")[1]).toMatch(/^ {2}\[项目自评\\n没有发现问题。\\r\\u202E\\x9B\] /);
  });

  test("a long text is cut with …", () => {
    const title = block("long-text.xlsx")[1];
    expect(title).toMatch(/社区养老服务补助A+…$/);
    expect(title.length).toBeLessThan(200);
  });

  test("figures that are not numbers (NaN, 1e309, #N/A) are shown as —, never as NaN or Infinity", () => {
    // The figures the report prints itself; the findings' messages are the engine's words (issue #12 item 5).
    const figures = block("bad-numbers.xlsx").filter((l) => /^ {4}(执行率|总分|预算数)/.test(l));
    expect(figures.length).toBeGreaterThan(0);
    for (const l of figures) expect(l).not.toMatch(/NaN|Infinity/);
    expect(figures.join("\n")).toContain("执行率 —");
  });
});

describe("--json", () => {
  const entry = (file: string) => {
    const e = json.report.files.find((f) => f.file === full(file));
    if (!e) throw new Error(`no entry for ${file}`);
    return e;
  };

  test("valid JSON with an entry for every file given, in order", () => {
    expect(json.report.files.map((f) => f.file)).toEqual(order.map(full));
    expect(json.code).toBe(2);
    expect(json.raw).not.toMatch(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  });

  test("the good forms keep their results", () => {
    for (const g of goods) expect(entry(g)).toEqual({ file: full(g), error: null, forms: [reference] });
    expect(reference).toMatchObject({ sheet: GOOD.sheet, name: GOOD.name, total: { entered: GOOD.totalEntered } });
  });

  test("each case: refused with its reason, or read with its form", () => {
    for (const c of corpus.values()) {
      const e = entry(c.file);
      const x = c.expect;
      if (x.kind === "refused") {
        expect({ file: c.file, error: e.error, forms: e.forms }).toEqual({ file: c.file, error: expect.stringMatching(x.words), forms: [] });
      } else if (x.kind === "read") {
        expect({ file: c.file, error: e.error }).toEqual({ file: c.file, error: null });
        const name = x.name ?? GOOD.name;
        const names = e.forms.map((f) => f.name);
        expect({ file: c.file, names }).toEqual({ file: c.file, names: expect.arrayContaining([typeof name === "string" ? name : expect.stringMatching(name)]) });
        if (x.warning) {
          const warned = e.forms.flatMap((f) => f.findings).filter((f) => x.warning!.test(f.message));
          expect(warned.map((f) => f.severity)).toEqual(["warning"]);
        }
      } else if (x.kind === "answered") {
        expect(e.error === null ? e.forms.length > 0 : /^文件过大或结构异常：/.test(e.error)).toBe(true);
      }
    }
  });

  test("texts from the file are kept whole in JSON (escaped, not lost), long ones cut and marked", () => {
    const forged = entry("forged-cells.xlsx").forms[0];
    expect(forged.name).toContain(`\n${FAKE_VERDICT}\n${FAKE_SUMMARY}\r\u009b31m\u202e\u2066`);
    const long = entry("long-text.xlsx").forms[0].name;
    expect(long).toMatch(/…（已截断，原文 32008 字）$/);
    expect(long.length).toBeLessThan(LIMITS.textChars + 30);
  });

  test("the visible JX_LISTS sheet is read with its errors; the very hidden copy is reported as hidden", () => {
    const forms = entry("jx-lists-dodge.xlsx").forms;
    expect(forms.map((f) => f.sheet)).toEqual(["JX_LISTS", "副本"]);
    expect(forms[0].findings.map((f) => f.code)).toEqual(reference.findings.map((f) => f.code));
    expect(forms[0].findings.some((f) => f.severity === "error")).toBe(true);
    const hidden = forms[1].findings.filter((f) => f.message.startsWith("表格位于隐藏工作表"));
    expect(hidden).toEqual([expect.objectContaining({ code: "read-problem", severity: "warning", message: expect.stringContaining("深度隐藏") })]);
    expect(forms[0].findings.filter((f) => f.message.startsWith("表格位于隐藏工作表"))).toEqual([]);
  });

  test("NaN, 1e309 and #N/A never come out as numbers", () => {
    const f = entry("bad-numbers.xlsx").forms[0];
    const numbers = [f.funds?.budget, f.funds?.spent, f.funds?.rate, f.total?.computed, ...f.indicators.map((i) => i.score)];
    for (const n of numbers) expect(n === null || Number.isFinite(n)).toBe(true);
  });

  test("no zip entry name is ever written to disk", () => {
    expect(existsSync("/tmp/jixiao-zip-slip.txt")).toBe(false);
    expect(existsSync("/etc/cron.d/jixiao-zip-slip")).toBe(false);
  });
});
