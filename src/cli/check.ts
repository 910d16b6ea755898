// `jixiao check <file or folder>... [--json] [--profile <name>]`: read every workbook, find its forms, evaluate them,
// print what a reviewer would reject. Exit 0 when no finding is an error, 1 when some are, 2 when a file could not
// be read at all (or nothing was given to check, or the arguments are wrong).
//
// A folder is one of the reviewer's: files from dozens of units, some damaged, a few doctored. Each file is read
// and checked in an isolated worker under limits (src/xlsx/isolate.ts): a file that fails costs one line and the
// run goes on to its summary. Files of other formats are listed as skipped; FIFOs, devices and links out of the
// folder are never opened; a folder that cannot be opened is one line.

import { promises as fs } from "node:fs";
import * as path from "node:path";
import { PROFILES, getProfile, type Profile } from "../domain/profiles";
import { terminalText } from "../sheet/safe-text";
import { DEFAULT_LIMITS, type Limits } from "../xlsx/limits";
import { IsolatedChecker } from "../xlsx/isolate";
import { processIo, type Io } from "./io";
import { parseCommandArgs } from "./args";
import { textReport, summaryLine, skippedLine } from "./report-text";
import { jsonReport, printJson } from "./report-json";
import type { CheckedForm, FileResult, Skipped } from "./results";
import { compareFile, loadTargets, type PairNote, type TargetsTable } from "./pairing";

export type { CheckedForm, FileResult };

/** Extensions of the workbooks a folder is searched for (the format itself is then found from the bytes). */
export const WORKBOOK_EXT = new Set([".xlsx", ".xlsm", ".xltx", ".xltm", ".xls", ".xlt", ".et", ".ett", ".ods"]);

interface Options {
  inputs: string[];
  json: boolean;
  /** --profile; null: each workbook's own (the profile it names, applied from our table; national when it names none). */
  profile: Profile | null;
  /** --targets: the approved 绩效目标表 (a file or a folder) the forms are compared with. */
  targets?: string;
  /** --xlsx: the reviewer's summary workbook to write; --force: over an existing file. */
  xlsx?: string;
  force: boolean;
}

export const CHECK_USAGE = [
  "用法：jixiao check <文件或文件夹>... [--json] [--profile <规则名>] [--targets <目标表或文件夹>] [--xlsx <汇总.xlsx> [--force]]",
  "  检查绩效自评表（.xlsx、.xlsm、.xls、.et、.ods），列出审核时会退回的问题。",
  "  --json              以 JSON 输出（字段见 README）",
  `  --profile <规则名>  评分规则：${Object.keys(PROFILES).join("、")}（默认 national）`,
  "  --targets <路径>    已批复的绩效目标表（文件或文件夹）：按项目编码、项目名称配对，指标值被改动、删减或新增的报 target-changed",
  "  --xlsx <文件>       另写一份给审核人员的汇总工作簿（汇总、问题清单、退回意见）",
  "  --force             --xlsx 的文件已存在时覆盖",
  "  --                  其后的参数都是文件名（文件名以 - 开头时使用）",
  "  退出码：0 没有错误级问题；1 有错误级问题；2 有文件无法读取或参数有误。",
].join("\n");

function parseOptions(args: string[], io: Io): Options | number {
  const parsed = parseCommandArgs(args, {
    json: { type: "boolean" },
    profile: { type: "string", value: "评分规则名称" },
    targets: { type: "string", value: "绩效目标表的文件或文件夹" },
    xlsx: { type: "string", value: "汇总工作簿的文件名（.xlsx）" },
    force: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  });
  if (typeof parsed === "string") {
    io.err(`jixiao check：${terminalText(parsed)}用 jixiao check --help 查看用法。`);
    return 2;
  }
  if (parsed.values.help) {
    io.out(CHECK_USAGE);
    return 0;
  }
  const profileName = parsed.values.profile as string | undefined;
  if (profileName !== undefined && !PROFILES[profileName]) {
    io.err(`jixiao check：没有名为「${terminalText(profileName)}」的评分规则；可用：${Object.keys(PROFILES).join("、")}。`);
    return 2;
  }
  if (parsed.positionals.length === 0) {
    io.err("jixiao check：请给出要检查的文件或文件夹。");
    io.err(CHECK_USAGE);
    return 2;
  }
  const { targets, xlsx } = parsed.values as { targets?: string; xlsx?: string };
  if (xlsx !== undefined && !/\.xlsx$/i.test(xlsx)) {
    io.err("jixiao check：--xlsx 的文件名应以 .xlsx 结尾。");
    return 2;
  }
  return { inputs: parsed.positionals, json: !!parsed.values.json, profile: profileName === undefined ? null : getProfile(profileName), targets, xlsx, force: !!parsed.values.force };
}

// ---------- which files ----------

/** One thing found among the inputs: a file to read, or one not read and why (an error counts as unreadable). */
export type Entry = { file: string } | { file: string; error: string } | { file: string; skip: string };

function specialKind(stat: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (stat.isFIFO()) return "命名管道（FIFO）";
  if (stat.isSocket()) return "套接字";
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return "设备文件";
  return "特殊文件";
}

function isWorkbookName(name: string): boolean {
  return WORKBOOK_EXT.has(path.extname(name).toLowerCase());
}

/** A thing that is not read: an error when its name says workbook (the reviewer expects it checked), else a skip. */
function notRead(file: string, why: string): Entry {
  return isWorkbookName(file) ? { file, error: why } : { file, skip: why };
}

/**
 * Files to check: the files given (whatever their extension: the user named them), and every workbook under the
 * folders given, recursively, sorted; relative paths resolve against the working folder (`npm run jixiao` runs
 * from the folder the user is in, see scripts/jixiao.js).
 */
export async function collectFiles(inputs: string[]): Promise<{ entries: Entry[]; fromFolder: boolean }> {
  const entries: Entry[] = [];
  let fromFolder = false;
  for (const input of inputs) {
    let stat;
    try {
      stat = await fs.stat(input); // a link the user named is followed
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      entries.push({ file: input, error: code === "ENOENT" || code === "ENOTDIR" ? "文件不存在。" : `无法打开（${code ?? "未知错误"}）。` });
      continue;
    }
    if (stat.isDirectory()) {
      fromFolder = true;
      const root = await fs.realpath(input);
      await walk(input, root, root, entries, new Set([root]));
    } else if (stat.isFile()) entries.push({ file: input });
    else entries.push({ file: input, error: `这是${specialKind(stat)}，不是普通文件，已跳过。` });
  }
  return { entries, fromFolder };
}

const within = (root: string, real: string): boolean => real === root || real.startsWith(root.endsWith(path.sep) ? root : root + path.sep);

async function walk(shown: string, real: string, root: string, out: Entry[], seen: Set<string>): Promise<void> {
  let dirents;
  try {
    dirents = await fs.readdir(real, { withFileTypes: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "EACCES" || code === "EPERM" ? "没有打开这个文件夹的权限" : `无法打开这个文件夹（${code ?? "未知错误"}）`;
    out.push({ file: shown, error: `${why}，其中的文件没有检查。` });
    return;
  }
  dirents.sort((a, b) => a.name.localeCompare(b.name, "zh-CN"));
  for (const d of dirents) {
    const file = path.join(shown, d.name);
    const realFile = path.join(real, d.name);
    if (d.isDirectory()) {
      await walk(file, realFile, root, out, seen);
    } else if (d.isSymbolicLink()) {
      let target: string;
      let stat;
      try {
        target = await fs.realpath(realFile);
        stat = await fs.stat(target);
      } catch {
        out.push(notRead(file, "符号链接指向的文件不存在，已跳过。"));
        continue;
      }
      if (!within(root, target)) {
        out.push(notRead(file, "符号链接指向所检查的文件夹之外，已跳过。"));
      } else if (stat.isDirectory()) {
        if (!seen.has(target)) {
          seen.add(target);
          await walk(file, target, root, out, seen);
        }
      } else if (!stat.isFile()) {
        out.push(notRead(file, `符号链接指向${specialKind(stat)}，不是普通文件，已跳过。`));
      } else fileEntry(file, d.name, out);
    } else if (d.isFile()) {
      fileEntry(file, d.name, out);
    } else {
      out.push(notRead(file, `这是${specialKind(d)}，不是普通文件，已跳过。`));
    }
  }
}

function fileEntry(file: string, name: string, out: Entry[]): void {
  if (name.startsWith("~$")) out.push({ file, skip: "Office 打开文件时留下的临时文件，未检查。" });
  else if (isWorkbookName(name)) out.push({ file });
  else {
    const ext = path.extname(name);
    out.push({ file, skip: `不是工作簿格式（${ext ? `${ext} 文件` : "没有扩展名"}），未检查。` });
  }
}

// ---------- checking ----------

export function exitCode(results: FileResult[]): number {
  if (results.length === 0 || results.some((r) => r.error !== null)) return 2;
  return results.some((r) => r.forms.some((f) => f.evaluation.findings.some((x) => x.severity === "error"))) ? 1 : 0;
}

/** One file through the isolated checker: its forms, or why it could not be read. */
export async function checkWith(checker: IsolatedChecker, file: string, profile: Profile | null): Promise<FileResult> {
  const answer = await checker.check(file, profile?.id ?? "");
  if (!answer.ok) return { file, error: answer.error, forms: [] };
  if (answer.forms.length === 0) {
    return { file, error: "没有找到绩效自评表或绩效目标表（未识别到指标表或资金表的表头）。", forms: [] };
  }
  return { file, error: null, forms: answer.forms };
}

/** Checks one file on its own (a worker for this file alone). */
export async function checkFile(file: string, profile: Profile | null, limits: Limits = DEFAULT_LIMITS): Promise<FileResult> {
  const checker = new IsolatedChecker(limits);
  try {
    return await checkWith(checker, file, profile);
  } finally {
    await checker.close();
  }
}

export async function runCheck(args: string[], io: Io = processIo, limits: Limits = DEFAULT_LIMITS): Promise<number> {
  const opts = parseOptions(args, io);
  if (typeof opts === "number") return opts;
  if (opts.xlsx && !opts.force && (await exists(opts.xlsx))) {
    io.err(`jixiao check：文件已存在，未写入：${terminalText(opts.xlsx)}（如需覆盖，请加 --force）`);
    return 2;
  }
  // The checking worker starts now, while the files are being listed (it takes tens of milliseconds to start).
  const checker = new IsolatedChecker(limits);
  checker.warm();
  try {
    return await checkAll(opts, io, checker);
  } finally {
    await checker.close();
  }
}

async function checkAll(opts: Options, io: Io, checker: IsolatedChecker): Promise<number> {
  const collected = await collectFiles(opts.inputs);
  const { fromFolder } = collected;
  // The summary of an earlier run, inside the folder being checked, is not a returned form.
  const summary = opts.xlsx ? path.resolve(opts.xlsx) : null;
  const entries = collected.entries.filter((e) => path.resolve(e.file) !== summary);
  const toRead = entries.filter((e) => !("error" in e) && !("skip" in e)).length;
  if (toRead === 0 && !entries.some((e) => "error" in e)) {
    for (const e of entries) if ("skip" in e && !opts.json) io.out(skippedLine(e));
    io.err("jixiao check：没有找到要检查的工作簿（.xlsx、.xlsm、.xls、.et、.ods）。");
    return 2;
  }
  const results: FileResult[] = [];
  const skipped: Skipped[] = [];
  const notes = new Map<FileResult, PairNote[]>();
  let tables: TargetsTable[] = [];
  if (opts.targets !== undefined) {
    const given = (await collectFiles([opts.targets])).entries;
    const loaded = await loadTargets(given, (f) => checkWith(checker, f, opts.profile));
    for (const p of loaded.problems) io.err(`jixiao check：--targets ${terminalText(p.file, 300)}：${terminalText(p.message)}`);
    if (loaded.tables.length === 0) {
      io.err("jixiao check：--targets 给出的文件中没有找到绩效目标表。");
      return 2;
    }
    tables = loaded.tables;
  }
  // Every file is asked for at once: the worker checks them in turn without waiting for this loop, which reports
  // each answer in the files' order.
  const answers = new Map(entries.flatMap((e) => ("skip" in e || "error" in e ? [] : [[e, checkWith(checker, e.file, opts.profile)] as const])));
  let n = 0;
  for (const e of entries) {
    let r: FileResult;
    if ("skip" in e) {
      skipped.push({ file: e.file, reason: e.skip });
      if (!opts.json) io.out(skippedLine({ file: e.file, skip: e.skip }));
      continue;
    }
    if ("error" in e) r = { file: e.file, error: e.error, forms: [] };
    else {
      n++;
      if (fromFolder) io.err(`检查 ${n}/${toRead}：${terminalText(e.file, 300)}`);
      r = await answers.get(e)!;
    }
    const compared = compareFile(r, tables);
    r = compared.result;
    results.push(r);
    notes.set(r, compared.notes);
    if (!opts.json) for (const line of textReport(r)) io.out(line);
    for (const p of compared.notes) (opts.json ? io.err : io.out)(`  提示：[${terminalText(p.form.sheet)}] ${terminalText(p.message, 400)}`);
  }
  await checker.close(); // the worker is not needed for the summary
  if (opts.json) io.out(printJson(jsonReport(results, skipped)));
  else io.out(summaryLine(results, skipped));
  if (opts.xlsx) {
    try {
      // The workbook writer (and ExcelJS with it) is loaded only when a summary is asked for.
      const { OutputExistsError, writeSummaryFile } = await import("../xlsx/summary-workbook");
      try {
        await writeSummaryFile(results.map((r) => ({ ...r, notes: notes.get(r) ?? [] })), opts.xlsx, { force: opts.force });
      } catch (e) {
        if (e instanceof OutputExistsError) {
          io.err(`jixiao check：${terminalText(e.message)}`);
          return 2;
        }
        throw e;
      }
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      io.err(`jixiao check：无法写入汇总工作簿 ${terminalText(opts.xlsx)}${code ? `（${code}）` : `：${terminalText(e instanceof Error ? e.message : String(e))}`}`);
      return 2;
    }
    (opts.json ? io.err : io.out)(`已写入汇总工作簿：${terminalText(opts.xlsx)}`);
  }
  return exitCode(results);
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.lstat(file);
    return true;
  } catch {
    return false;
  }
}
