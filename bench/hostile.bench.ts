// bench hostile-batch: the hostile corpus of issue #12 (test/hostile/corpus.ts: bombs, forged texts, special files,
// legacy formats, with a good form before and after each case) checked as one folder by the CLI code in one
// process, each file in the isolated worker. Prints the batch's time, the slowest file's time and the peak memory
// of the whole process (the worker threads included). Goal: every file answered in ≤ 10 s, the batch under 1 GB.
// The corpus is written by a child process so that the peak memory reported is the checker's.
import { spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { buildCorpus } from "../test/hostile/corpus";
import { runCheck } from "../src/cli/check";

async function bench(): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "jixiao-hostile-bench-"));
  try {
    const gen = spawnSync(process.execPath, [__filename, "--generate", dir], { stdio: "inherit" });
    if (gen.status !== 0) throw new Error("generation failed");
    let last = process.hrtime.bigint();
    let slowest = { seconds: 0, file: "" };
    let current = "";
    let files = 0;
    const progress = (line: string): void => {
      const m = /^检查 \d+\/\d+：(.*)$/.exec(line);
      if (!m) return;
      const now = process.hrtime.bigint();
      const seconds = Number(now - last) / 1e9;
      if (current && seconds > slowest.seconds) slowest = { seconds, file: current };
      current = m[1];
      last = now;
      files++;
    };
    let bytes = 0;
    const t0 = process.hrtime.bigint();
    last = t0;
    const code = await runCheck([dir], { out: (l) => (bytes += l.length), err: progress });
    const end = process.hrtime.bigint();
    const tail = Number(end - last) / 1e9;
    if (current && tail > slowest.seconds) slowest = { seconds: tail, file: current };
    const seconds = Number(end - t0) / 1e9;
    if (code !== 2 || bytes === 0 || files === 0) throw new Error(`unexpected result (exit ${code}, ${files} files)`);
    const peakMb = process.resourceUsage().maxRSS / 1024;
    console.log(`bench hostile-batch: ${seconds.toFixed(2)} s`);
    console.log(`bench hostile-batch-files: ${files} files`);
    console.log(`bench hostile-batch-slowest-file: ${slowest.seconds.toFixed(2)} s (${path.basename(slowest.file)})`);
    console.log(`bench hostile-batch-peak-rss: ${peakMb.toFixed(0)} MB`);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

async function generate(dir: string): Promise<void> {
  await buildCorpus(dir);
}

const main = process.argv[2] === "--generate" ? generate(process.argv[3]) : bench();
main.catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
