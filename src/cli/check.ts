// `jixiao check <file or folder>... [--json] [--profile <name>]`: read every workbook, find its forms, evaluate them,
// print what a reviewer would reject. Exit 0 when no finding is an error, 1 when some are, 2 when a file could not
// be read at all (or nothing was given to check). An unreadable file gets one line and the run goes on.

import { promises as fs } from "node:fs";
import * as path from "node:path";
import { evaluateForm } from "../domain/evaluate";
import { PROFILES, getProfile, type Profile } from "../domain/profiles";
import { readForms } from "../sheet/read";
import { readXlsxFile, ReadFileError } from "../xlsx/read";
import { processIo, type Io } from "./io";
import { textReport, summaryLine } from "./report-text";
import { jsonReport } from "./report-json";
import type { CheckedForm, FileResult } from "./results";
import { compareFile, loadTargets, type PairNote, type TargetsTable } from "./pairing";
import { OutputExistsError, writeSummaryFile } from "../xlsx/summary-workbook";

export type { CheckedForm, FileResult };

const WORKBOOK_EXT = new Set([".xlsx", ".xlsm", ".xls", ".et"]);

interface Options {
  inputs: string[];
  json: boolean;
  profile: Profile;
  targets: string[];
  xlsx?: string;
  force: boolean;
}

function parseArgs(args: string[], io: Io): Options | number {
  const inputs: string[] = [];
  let json = false;
  let profileName: string | undefined;
  const targets: string[] = [];
  let xlsx: string | undefined;
  let force = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--json") json = true;
    else if (a === "--profile" || a.startsWith("--profile=")) {
      profileName = a.includes("=") ? a.slice(a.indexOf("=") + 1) : args[++i];
      if (!profileName) {
        io.err("jixiao check：--profile 后面需要写规则名称。");
        return 2;
      }
    } else if (a === "--targets" || a === "--xlsx") {
      const v = args[++i];
      if (!v) {
        io.err(`jixiao check：${a} 后面需要写${a === "--xlsx" ? "汇总工作簿的文件名（.xlsx）" : "绩效目标表的文件或文件夹"}。`);
        return 2;
      }
      if (a === "--xlsx") xlsx = v;
      else targets.push(v);
    } else if (a === "--force") force = true;
    else if (a === "--help" || a === "-h") {
      io.out(CHECK_USAGE);
      return 0;
    } else if (a.startsWith("-") && a !== "-") {
      io.err(`jixiao check：不认识的选项 ${a}。用 jixiao check --help 查看用法。`);
      return 2;
    } else inputs.push(a);
  }
  if (inputs.length === 0) {
    io.err("jixiao check：请给出要检查的文件或文件夹。");
    io.err(CHECK_USAGE);
    return 2;
  }
  if (profileName && !PROFILES[profileName]) {
    io.err(`jixiao check：没有名为「${profileName}」的评分规则；可用：${Object.keys(PROFILES).join("、")}。`);
    return 2;
  }
  if (xlsx !== undefined && !/\.xlsx$/i.test(xlsx)) {
    io.err("jixiao check：--xlsx 的文件名应以 .xlsx 结尾。");
    return 2;
  }
  return { inputs, json, profile: getProfile(profileName), targets, ...(xlsx !== undefined ? { xlsx } : {}), force };
}

export const CHECK_USAGE = [
  "用法：jixiao check <文件或文件夹>... [--json] [--profile <规则名>] [--targets <目标表或文件夹>] [--xlsx <汇总.xlsx> [--force]]",
  "  检查绩效自评表（.xlsx），列出审核时会退回的问题。",
  "  --json              以 JSON 输出（字段见 README）",
  `  --profile <规则名>  评分规则：${Object.keys(PROFILES).join("、")}（默认 national）`,
  "  --targets <路径>    已批复的绩效目标表（文件或文件夹）：按项目编码、项目名称配对，指标值被改动、删减或新增的报 target-changed",
  "  --xlsx <文件>       另写一份给审核人员的汇总工作簿（汇总、问题清单、退回意见）",
  "  --force             --xlsx 的文件已存在时覆盖",
  "  退出码：0 没有错误级问题；1 有错误级问题；2 有文件无法读取。",
].join("\n");

/** Files to check: the files given, and every workbook under the folders given (recursively, sorted). */
export async function collectFiles(inputs: string[]): Promise<{ files: string[]; fromFolder: boolean }> {
  const files: string[] = [];
  let fromFolder = false;
  for (const input of inputs) {
    let stat;
    try {
      stat = await fs.stat(input);
    } catch {
      files.push(input); // reported as unreadable
      continue;
    }
    if (stat.isDirectory()) {
      fromFolder = true;
      files.push(...(await walk(input)));
    } else files.push(input);
  }
  return { files, fromFolder };
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name, "zh-CN"));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else if (WORKBOOK_EXT.has(path.extname(e.name).toLowerCase()) && !e.name.startsWith("~$")) out.push(p);
  }
  return out;
}

export async function checkFile(file: string, profile: Profile): Promise<FileResult> {
  let grids;
  try {
    grids = await readXlsxFile(file);
  } catch (e) {
    const why = e instanceof ReadFileError ? e.message : `无法读取（${e instanceof Error ? e.message : String(e)}）。`;
    return { file, error: why, forms: [] };
  }
  const forms: CheckedForm[] = [];
  for (const g of grids) {
    for (const form of readForms(g)) forms.push({ form, evaluation: evaluateForm(form, profile) });
  }
  if (forms.length === 0) {
    return { file, error: "没有找到绩效自评表或绩效目标表（未识别到指标表或资金表的表头）。", forms };
  }
  return { file, error: null, forms };
}

export function exitCode(results: FileResult[]): number {
  if (results.length === 0 || results.some((r) => r.error !== null)) return 2;
  return results.some((r) => r.forms.some((f) => f.evaluation.findings.some((x) => x.severity === "error"))) ? 1 : 0;
}

export async function runCheck(args: string[], io: Io = processIo): Promise<number> {
  const opts = parseArgs(args, io);
  if (typeof opts === "number") return opts;
  if (opts.xlsx && !opts.force && (await exists(opts.xlsx))) {
    io.err(`jixiao check：文件已存在，未写入：${opts.xlsx}（如需覆盖，请加 --force）`);
    return 2;
  }
  const summary = opts.xlsx ? path.resolve(opts.xlsx) : null;
  const { files: found, fromFolder } = await collectFiles(opts.inputs);
  // The summary of an earlier run, inside the folder being checked, is not a returned form.
  const files = found.filter((f) => path.resolve(f) !== summary);
  if (files.length === 0) {
    io.err("jixiao check：文件夹里没有 .xlsx 工作簿。");
    return 2;
  }
  let tables: TargetsTable[] = [];
  if (opts.targets.length) {
    const loaded = await loadTargets((await collectFiles(opts.targets)).files, (f) => checkFile(f, opts.profile));
    for (const p of loaded.problems) io.err(`jixiao check：--targets ${p.file}：${p.message}`);
    if (loaded.tables.length === 0) {
      io.err("jixiao check：--targets 给出的文件中没有找到绩效目标表。");
      return 2;
    }
    tables = loaded.tables;
  }
  const results: FileResult[] = [];
  const notes = new Map<FileResult, PairNote[]>();
  for (let i = 0; i < files.length; i++) {
    if (fromFolder) io.err(`检查 ${i + 1}/${files.length}：${files[i]}`);
    const { result: r, notes: mine } = compareFile(await checkFile(files[i], opts.profile), tables);
    results.push(r);
    notes.set(r, mine);
    if (!opts.json) for (const line of textReport(r)) io.out(line);
    for (const n of mine) (opts.json ? io.err : io.out)(`  提示：[${n.form.sheet}] ${n.message}`);
  }
  if (opts.json) io.out(JSON.stringify(jsonReport(results), null, 2));
  else io.out(summaryLine(results));
  if (opts.xlsx) {
    try {
      await writeSummaryFile(results.map((r) => ({ ...r, notes: notes.get(r) ?? [] })), opts.xlsx, { force: opts.force });
    } catch (e) {
      io.err(`jixiao check：${e instanceof OutputExistsError ? e.message : `无法写入汇总工作簿 ${opts.xlsx}：${e instanceof Error ? e.message : String(e)}`}`);
      return 2;
    }
    (opts.json ? io.err : io.out)(`已写入汇总工作簿：${opts.xlsx}`);
  }
  return exitCode(results);
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.stat(file);
    return true;
  } catch {
    return false;
  }
}
