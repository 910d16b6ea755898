// The isolation itself: a file that needs more heap than the worker has, or more time than the deadline, is one
// answer saying so, and the next file is read by a fresh worker as if nothing had happened. The limits are set low
// here so that an ordinary large workbook reaches them.
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { IsolatedChecker } from "../../src/xlsx/isolate";
import { DEFAULT_LIMITS, type Limits } from "../../src/xlsx/limits";
import { GOOD, GOOD_FIXTURE } from "./corpus";

let dir: string;
let big: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "jixiao-isolate-"));
  big = path.join(dir, "big.xlsx");
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("数据");
  for (let r = 1; r <= 60000; r++) ws.addRow([r, `第${r}行`, r * 2, r * 3, r * 4, r * 5, r * 6, r * 7]);
  await wb.xlsx.writeFile(big);
}, 120_000);

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function sequence(limits: Limits): Promise<[unknown, unknown, unknown]> {
  const checker = new IsolatedChecker(limits);
  try {
    const before = await checker.check(GOOD_FIXTURE, "national");
    const bad = await checker.check(big, "national");
    const after = await checker.check(GOOD_FIXTURE, "national");
    return [before, bad, after];
  } finally {
    await checker.close();
  }
}

const goodAnswer = expect.objectContaining({ ok: true, forms: [expect.objectContaining({ form: expect.objectContaining({ name: GOOD.name }) })] });

test("past the heap cap: one answer, and the next file is read", async () => {
  const limits = { ...DEFAULT_LIMITS, cells: 10_000_000, mergedCells: 10_000_000, heapMb: 64, timeMs: 60_000 };
  const [before, bad, after] = await sequence(limits);
  expect(before).toEqual(goodAnswer);
  expect(bad).toEqual({ ok: false, code: "limit", error: "文件过大或结构异常：读取时内存超过上限（64 MB），已跳过。" });
  expect(after).toEqual(goodAnswer);
}, 120_000);

test("past the deadline: one answer, and the next file is read", async () => {
  const limits = { ...DEFAULT_LIMITS, cells: 10_000_000, mergedCells: 10_000_000, timeMs: 1000 };
  const [before, bad, after] = await sequence(limits);
  expect(before).toEqual(goodAnswer);
  expect(bad).toEqual({ ok: false, code: "limit", error: "文件过大或结构异常：读取和检查超过 1 秒，已跳过。" });
  expect(after).toEqual(goodAnswer);
}, 120_000);

test("within the limits the same file is read", async () => {
  const checker = new IsolatedChecker({ ...DEFAULT_LIMITS, cells: 10_000_000, heapMb: 1536, timeMs: 60_000 });
  try {
    const a = await checker.check(big, "national");
    // a data sheet, no form on it: read all the same, the batch then says no form was found
    expect(a).toEqual({ ok: true, forms: [], sheets: 1 });
  } finally {
    await checker.close();
  }
}, 120_000);

test("files asked for all at once are checked in turn, each with its own deadline from when its turn comes", async () => {
  const checker = new IsolatedChecker({ ...DEFAULT_LIMITS, cells: 10_000_000, mergedCells: 10_000_000, timeMs: 1000 });
  try {
    // the big file runs past its 1-second deadline; the files queued behind it must not be charged for that wait
    const answers = await Promise.all([GOOD_FIXTURE, big, GOOD_FIXTURE, GOOD_FIXTURE].map((f) => checker.check(f, "national")));
    expect(answers).toEqual([
      goodAnswer,
      { ok: false, code: "limit", error: "文件过大或结构异常：读取和检查超过 1 秒，已跳过。" },
      goodAnswer,
      goodAnswer,
    ]);
  } finally {
    await checker.close();
  }
}, 120_000);
