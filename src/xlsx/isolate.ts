// Each file is read and checked in a worker thread with its own heap cap and a deadline, so that a file built to
// exhaust memory or time costs one line in the report, never the batch. One worker serves file after file; when a
// file runs past the deadline or the heap cap, that worker is ended and the next file gets a fresh one.
//
// This module is both sides: the batch uses IsolatedChecker; in the worker thread the same file starts the loop
// that runs check-job.ts (loaded there, and only there, so the batch never loads ExcelJS or SheetJS itself).

import * as path from "node:path";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import type { CheckJob, JobAnswer } from "./check-job";
import { LimitError, type Limits } from "./limits";

const ROLE = "jixiao-check-worker";

type FromWorker = { ready: true } | { answer: JobAnswer };

interface Running {
  worker: Worker;
  ready: Promise<void>;
  /** Settles the job in progress when the worker dies. */
  fail: ((why: string) => void) | null;
}

export class IsolatedChecker {
  private running: Running | null = null;
  /** The jobs asked for run one after another: each starts (and its deadline with it) when the one before is done. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly limits: Limits) {}

  /**
   * Reads and checks one file; never throws: any failure is an answer with its one-line reason. Files may be asked
   * for all at once: they are checked in turn, so the worker goes on with the next file while the caller reports
   * the one before.
   */
  check(file: string, profile: string): Promise<JobAnswer> {
    const answer = this.queue.then(() => this.checkNow(file, profile));
    this.queue = answer.catch(() => undefined);
    return answer;
  }

  /** Starts the worker ahead of the first file (a failure to start is reported with that file). */
  warm(): void {
    if (this.running) return;
    try {
      this.start();
    } catch {
      // reported by check()
    }
  }

  private async checkNow(file: string, profile: string): Promise<JobAnswer> {
    const job: CheckJob = { file, profile, limits: this.limits };
    let run: Running;
    try {
      run = this.running ?? this.start();
      await run.ready;
    } catch (e) {
      this.stop();
      return { ok: false, error: `无法启动读取进程（${e instanceof Error ? e.message : String(e)}）。`, code: "internal" };
    }
    return new Promise<JobAnswer>((resolve) => {
      let settled = false;
      const settle = (a: JobAnswer): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        run.worker.off("message", onMessage);
        run.fail = null;
        resolve(a);
      };
      const onMessage = (m: FromWorker): void => {
        if ("answer" in m) settle(m.answer);
      };
      const timer = setTimeout(() => {
        this.stop();
        settle(limitAnswer(`读取和检查超过 ${Math.round(this.limits.timeMs / 1000)} 秒`));
      }, this.limits.timeMs);
      run.fail = (why) => settle(limitAnswer(why));
      run.worker.on("message", onMessage);
      run.worker.postMessage(job);
    });
  }

  /** Ends the worker (the batch calls this once at the end). */
  async close(): Promise<void> {
    this.stop();
  }

  private stop(): void {
    const run = this.running;
    this.running = null;
    if (run) void run.worker.terminate();
  }

  private start(): Running {
    const heap = this.limits.heapMb;
    const { script, evalCode } = workerScript();
    const worker = new Worker(script, {
      eval: evalCode,
      workerData: { [ROLE]: true },
      resourceLimits: { maxOldGenerationSizeMb: heap, maxYoungGenerationSizeMb: Math.max(16, Math.round(heap / 8)), stackSizeMb: 4 },
      stdout: true, // the worker's console says nothing to the user
      stderr: true,
    });
    worker.stdout.resume();
    worker.stderr.resume();
    const run: Running = { worker, ready: Promise.resolve(), fail: null };
    run.ready = new Promise<void>((resolve, reject) => {
      const onReady = (m: FromWorker): void => {
        if ("ready" in m) {
          worker.off("message", onReady);
          resolve();
        }
      };
      worker.on("message", onReady);
      worker.once("error", reject);
      worker.once("exit", (code) => reject(new Error(`exit ${code}`)));
    });
    run.ready.catch(() => undefined);
    worker.on("error", (e: Error & { code?: string }) => {
      if (this.running === run) this.running = null;
      const why =
        e.code === "ERR_WORKER_OUT_OF_MEMORY"
          ? `读取时内存超过上限（${heap} MB）`
          : `读取时出错（${(e.message || String(e)).split("\n")[0].slice(0, 120)}）`;
      run.fail?.(why);
    });
    worker.on("exit", () => {
      if (this.running === run) this.running = null;
      run.fail?.("读取进程意外退出");
    });
    this.running = run;
    return run;
  }
}

function limitAnswer(detail: string): JobAnswer {
  return { ok: false, error: new LimitError(detail).message, code: "limit" };
}

/**
 * The worker's script: this very file once compiled (build/cli, build/bench). Run from the TypeScript sources (the
 * tests), the worker has no compiled file to load, so it compiles each module as it loads it, with TypeScript's own
 * transpiler (a development dependency, present wherever the sources are), and keeps what it compiled in a cache
 * folder (by path, size, modification time and TypeScript version) so the next worker starts without TypeScript.
 */
function workerScript(): { script: string; evalCode: boolean } {
  if (!__filename.endsWith(".ts")) return { script: __filename, evalCode: false };
  const tsPackage = require.resolve("typescript/package.json");
  const code = `
    const fs = require("node:fs");
    const path = require("node:path");
    const os = require("node:os");
    const crypto = require("node:crypto");
    const tsVersion = JSON.parse(fs.readFileSync(${JSON.stringify(tsPackage)}, "utf8")).version;
    const cacheDir = path.join(os.tmpdir(), "jixiao-worker-ts-cache");
    let ts = null;
    require.extensions[".ts"] = (module, filename) => {
      const stat = fs.statSync(filename);
      const key = crypto.createHash("sha1").update([filename, stat.size, stat.mtimeMs, tsVersion].join("|")).digest("hex");
      const cached = path.join(cacheDir, key + ".js");
      let js = null;
      try { js = fs.readFileSync(cached, "utf8"); } catch { js = null; }
      if (js === null) {
        ts = ts || require(${JSON.stringify(path.dirname(tsPackage))});
        const options = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true };
        js = ts.transpileModule(fs.readFileSync(filename, "utf8"), { fileName: filename, compilerOptions: options }).outputText;
        try {
          fs.mkdirSync(cacheDir, { recursive: true });
          const tmp = cached + "." + process.pid + "." + Math.random().toString(36).slice(2);
          fs.writeFileSync(tmp, js);
          fs.renameSync(tmp, cached);
        } catch { /* no cache: compiled again next time */ }
      }
      module._compile(js, filename);
    };
    require(${JSON.stringify(__filename)});
  `;
  return { script: code, evalCode: true };
}

// ---------- the worker side ----------

async function serve(): Promise<void> {
  const port = parentPort;
  if (!port) return;
  const { runCheckJob } = await import("./check-job");
  port.on("message", (job: CheckJob) => {
    void runCheckJob(job).then((answer) => {
      try {
        port.postMessage({ answer } satisfies FromWorker);
      } catch (e) {
        const error = `无法读取（结果无法传回：${e instanceof Error ? e.message : String(e)}）。`;
        port.postMessage({ answer: { ok: false, error, code: "damaged" } } satisfies FromWorker);
      }
    });
  });
  port.postMessage({ ready: true } satisfies FromWorker);
}

if (!isMainThread && (workerData as Record<string, unknown> | null)?.[ROLE]) void serve();
