// bench check-200-files: 200 workbooks (the seed and variant layouts, each written 22–23 times with its own name)
// in a temp folder, checked by the CLI code in one process. Workbooks are written by a child process so that the
// peak memory reported is the checker's. Goal: < 10 s and < 500 MB.
import { spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { FIXTURES, buildWorkbook } from "../test/fixtures/xlsx/generate";
import { runCheck } from "../src/cli/check";

const COUNT = 200;

async function generate(dir: string): Promise<void> {
  const builders = Object.entries(FIXTURES);
  for (let i = 0; i < COUNT; i++) {
    const [name, build] = builders[i % builders.length];
    const wb = buildWorkbook(build);
    wb.worksheets[0].getCell("A1").value = `${wb.worksheets[0].getCell("A1").text || name} ${i + 1}`;
    await wb.xlsx.writeFile(path.join(dir, `${String(i + 1).padStart(3, "0")}-${name}.xlsx`));
  }
}

async function bench(): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "jixiao-bench-"));
  try {
    const gen = spawnSync(process.execPath, [__filename, "--generate", dir], { stdio: "inherit" });
    if (gen.status !== 0) throw new Error("generation failed");
    const files = (await fs.readdir(dir)).filter((f) => f.endsWith(".xlsx"));
    if (files.length !== COUNT) throw new Error(`expected ${COUNT} files, found ${files.length}`);
    let lines = 0;
    const t0 = process.hrtime.bigint();
    const code = await runCheck([dir, "--json"], { out: (l) => (lines += l.length), err: () => undefined });
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    if (code === 2 || lines === 0) throw new Error(`check failed (exit ${code})`);
    const peakMb = process.resourceUsage().maxRSS / 1024;
    console.log(`bench check-200-files: ${seconds.toFixed(2)} s`);
    console.log(`bench check-200-files-peak-rss: ${peakMb.toFixed(0)} MB`);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

const main = process.argv[2] === "--generate" ? generate(process.argv[3]) : bench();
main.catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
