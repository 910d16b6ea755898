// `jixiao new <kind> -o <file.xlsx> [--year Y] [--unit 名称] [--department 名称] [--project 名称] [--rows N] [--taxonomy 2020|2021] [--force]`
// Writes a blank form that computes itself. Exit codes: 0 written, 1 not written (file exists, cannot write),
// 2 bad arguments. Arguments are parsed by util.parseArgs (args.ts); `--` ends the options.
import { FORM_KINDS, type FormKind } from "../domain/model";
import { kindName } from "../domain/names";
import type { TemplateOptions } from "../domain/templates/options";
import { buildPlan } from "../sheet/render";
import { terminalText } from "../sheet/safe-text";
import { processIo, type Io } from "./io";
import { writeNewWorkbook } from "./write-new";
import { parseCommandArgs } from "./args";
import { DRAFT_KINDS as FROM_KINDS, type DraftKind } from "../domain/from-targets";

export const NEW_USAGE = [
  "用法：jixiao new <表样> -o <文件.xlsx> [--year 年度] [--unit 单位名称] [--department 主管部门] [--project 项目名称] [--rows 行数] [--taxonomy 2020|2021] [--force]",
  "",
  "表样：",
  ...FORM_KINDS.map((k) => `  ${k.padEnd(18)}${kindName(k)}`),
  "",
  "  --year         评价年度（默认上一年）",
  "  --unit         单位名称（实施单位、填报单位；没写 --department 时也作主管部门）",
  "  --department   主管部门（project、targets 的“主管部门”，multi-project 的“部门名称”）",
  "  --project      项目名称（project、targets）",
  "  --rows         每个二级指标预留的三级指标行数（1–20，默认 2）",
  "  --taxonomy     指标体系：2020 = 财预〔2020〕10号（默认），2021 = 财预〔2021〕101号",
  "  --force        文件已存在时覆盖",
  "",
  "从已批复的绩效目标表生成自评表：jixiao new [project|department|multi-project] --from <目标表.xlsx> [--sheet 工作表] -o <自评表.xlsx>",
  "  --from         绩效目标表：带入项目名称、单位、年度、年初预算数（元→万元）、预期目标和全部绩效指标",
  "  --sheet        只读取该工作表中的绩效目标表",
  "  --kind         project（默认，每个项目一张工作表）、department、multi-project（所有项目汇总为一张表）",
].join("\n");

interface Parsed {
  kind: FormKind;
  out: string;
  options: TemplateOptions;
  force: boolean;
  from?: { file: string; sheet?: string };
}

const NEW_OPTIONS = {
  out: { type: "string", short: "o", value: "输出文件名，例如 -o 自评表.xlsx" },
  output: { type: "string", value: "输出文件名，例如 -o 自评表.xlsx" },
  year: { type: "string", value: "四位年份，例如 --year 2024" },
  unit: { type: "string", value: "单位名称" },
  department: { type: "string", value: "主管部门名称" },
  project: { type: "string", value: "项目名称" },
  rows: { type: "string", value: "1 到 20 之间的整数" },
  taxonomy: { type: "string", value: "2020 或 2021" },
  force: { type: "boolean" },
  from: { type: "string", value: "绩效目标表文件名，例如 --from 目标表.xlsx" },
  sheet: { type: "string", value: "工作表名称" },
  kind: { type: "string", value: "表样，例如 --kind multi-project" },
  help: { type: "boolean", short: "h" },
} as const;

function parse(args: string[]): Parsed | string {
  const parsed = parseCommandArgs(args, NEW_OPTIONS);
  if (typeof parsed === "string") return parsed;
  const v = parsed.values as Record<string, string | undefined>;
  const options: TemplateOptions = {};
  if (parsed.positionals.length > 1) return `多余的参数「${parsed.positionals[1]}」。`;
  if (v.kind !== undefined && parsed.positionals[0] !== undefined && v.kind !== parsed.positionals[0])
    return `表样写了两次且不一致：「${parsed.positionals[0]}」和 --kind「${v.kind}」。`;
  const from = v.from;
  if (from === "") return "--from 后面要写绩效目标表文件名，例如 --from 目标表.xlsx。";
  if (v.sheet !== undefined && from === undefined) return "--sheet 只与 --from 一起使用。";
  const kind = parsed.positionals[0] ?? v.kind ?? (from !== undefined ? "project" : undefined);
  if (from !== undefined && !(FROM_KINDS as readonly string[]).includes(kind ?? ""))
    return `从绩效目标表只能生成 ${FROM_KINDS.join("、")}，不能生成「${kind}」。`;
  const out = v.out ?? v.output;
  if (out === "") return "-o 后面要写输出文件名，例如 -o 自评表.xlsx。";
  if (v.year !== undefined) {
    const y = Number(v.year);
    if (!Number.isInteger(y) || y < 2000 || y > 2100) return "--year 应为四位年份，例如 --year 2024。";
    options.year = y;
  }
  if (v.unit !== undefined) {
    if (!v.unit) return "--unit 后面要写单位名称。";
    options.unit = v.unit;
  }
  if (v.department !== undefined) {
    if (!v.department) return "--department 后面要写主管部门名称。";
    options.department = v.department;
  }
  if (v.project !== undefined) {
    if (!v.project) return "--project 后面要写项目名称。";
    options.project = v.project;
  }
  if (v.rows !== undefined) {
    const n = Number(v.rows);
    if (!/^\d+$/.test(v.rows) || n < 1 || n > 20) return "--rows 应为 1 到 20 之间的整数。";
    options.rows = n;
  }
  if (v.taxonomy !== undefined) {
    if (v.taxonomy !== "2020" && v.taxonomy !== "2021") return "--taxonomy 只能是 2020（财预〔2020〕10号）或 2021（财预〔2021〕101号）。";
    options.taxonomy = v.taxonomy === "2021" ? 2021 : 2020;
  }
  if (!kind) return "请指明要生成的表样。";
  if (!(FORM_KINDS as readonly string[]).includes(kind)) return `没有「${kind}」这种表样。`;
  if (!out) return "请用 -o 指明输出文件，例如 -o 自评表.xlsx。";
  if (!/\.xlsx$/i.test(out)) return "输出文件应以 .xlsx 结尾。";
  const source = from !== undefined ? { from: { file: from, ...(v.sheet !== undefined ? { sheet: v.sheet } : {}) } } : {};
  return { kind: kind as FormKind, out, options, force: !!parsed.values.force, ...source };
}

export async function runNew(args: string[], io: Io = processIo): Promise<number> {
  const help = parseCommandArgs(args, NEW_OPTIONS);
  if (typeof help !== "string" && help.values.help) {
    io.out(NEW_USAGE);
    return 0;
  }
  const p = parse(args);
  if (typeof p === "string") {
    io.err(`jixiao new：${terminalText(p)}`);
    io.err(NEW_USAGE);
    return 2;
  }
  if (p.from) {
    // Loaded only now: reading the targets file brings the file readers and ExcelJS.
    const { runNewFrom } = await import("./new-from");
    return runNewFrom({ from: p.from.file, sheet: p.from.sheet, kind: p.kind as DraftKind, out: p.out, force: p.force, options: p.options }, io);
  }
  let bytes: Buffer;
  try {
    // The writer (and ExcelJS with it) is loaded only now, so `jixiao --help` starts as fast as Node itself.
    const { writeXlsxBuffer } = await import("../xlsx/write");
    bytes = await writeXlsxBuffer([buildPlan(p.kind, p.options)]);
  } catch (e) {
    io.err(`jixiao new：无法生成表格：${terminalText(e instanceof Error ? e.message : String(e))}`);
    return 1;
  }
  if (!(await writeNewWorkbook(p.out, bytes, p.force, (line) => io.err(`jixiao new：${line}`)))) return 1;
  io.out(`已生成${kindName(p.kind)}：${terminalText(p.out)}`);
  return 0;
}
