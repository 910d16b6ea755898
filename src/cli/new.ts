// `jixiao new <kind> -o <file.xlsx> [--year Y] [--unit 名称] [--project 名称] [--rows N] [--taxonomy 2020|2021] [--force]`
// Writes a blank form that computes itself. Exit codes: 0 written, 1 not written (file exists, cannot write),
// 2 bad arguments.
import * as fs from "node:fs";
import * as path from "node:path";
import { FORM_KINDS, type FormKind } from "../domain/model";
import { kindName } from "../domain/names";
import type { TemplateOptions } from "../domain/templates/options";
import { buildPlan } from "../sheet/render";
import { writeXlsxFile } from "../xlsx/write";
import { processIo, type Io } from "./io";
import { FROM_KINDS, runNewFrom } from "./new-from";
import type { DraftKind } from "../domain/from-targets";

export const NEW_USAGE = [
  "用法：jixiao new <表样> -o <文件.xlsx> [--year 年度] [--unit 单位名称] [--project 项目名称] [--rows 行数] [--taxonomy 2020|2021] [--force]",
  "",
  "表样：",
  ...FORM_KINDS.map((k) => `  ${k.padEnd(18)}${kindName(k)}`),
  "",
  "  --year       评价年度（默认上一年）",
  "  --unit       单位名称 / 主管部门",
  "  --project    项目名称（project、targets）",
  "  --rows       每个二级指标预留的三级指标行数（1–20，默认 2）",
  "  --taxonomy   指标体系：2020 = 财预〔2020〕10号（默认），2021 = 财预〔2021〕101号",
  "  --force      文件已存在时覆盖",
  "",
  "从绩效目标表生成自评表：jixiao new [project|department|multi-project] --from <目标表.xlsx> [--sheet 工作表] -o <自评表.xlsx>",
  "  --from       已批复的绩效目标表：带入项目名称、单位、年度、年初预算数（元→万元）、预期目标和全部绩效指标",
  "  --sheet      只读取该工作表中的绩效目标表",
  "  --kind       project（默认，每个项目一张工作表）、department、multi-project（所有项目汇总在一张表）",
].join("\n");

interface Parsed {
  kind: FormKind;
  out: string;
  options: TemplateOptions;
  force: boolean;
  from?: { file: string; sheet?: string };
}

function parse(args: string[]): Parsed | string {
  let kind: string | undefined;
  let out: string | undefined;
  let force = false;
  let from: string | undefined;
  let sheet: string | undefined;
  let kindOption: string | undefined;
  const options: TemplateOptions = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = (): string | undefined => (i + 1 < args.length ? args[++i] : undefined);
    switch (a) {
      case "-o":
      case "--out":
      case "--output":
        out = value();
        if (!out) return "-o 后面要写输出文件名，例如 -o 自评表.xlsx。";
        break;
      case "--year": {
        const y = Number(value());
        if (!Number.isInteger(y) || y < 2000 || y > 2100) return "--year 应为四位年份，例如 --year 2024。";
        options.year = y;
        break;
      }
      case "--unit": {
        const u = value();
        if (!u) return "--unit 后面要写单位名称。";
        options.unit = u;
        break;
      }
      case "--project": {
        const p = value();
        if (!p) return "--project 后面要写项目名称。";
        options.project = p;
        break;
      }
      case "--rows": {
        const n = Number(value());
        if (!Number.isInteger(n) || n < 1 || n > 20) return "--rows 应为 1 到 20 之间的整数。";
        options.rows = n;
        break;
      }
      case "--taxonomy": {
        const t = value();
        if (t !== "2020" && t !== "2021") return "--taxonomy 只能是 2020（财预〔2020〕10号）或 2021（财预〔2021〕101号）。";
        options.taxonomy = t === "2021" ? 2021 : 2020;
        break;
      }
      case "--force":
        force = true;
        break;
      case "--from":
        from = value();
        if (!from) return "--from 后面要写绩效目标表文件名，例如 --from 目标表.xlsx。";
        break;
      case "--sheet":
        sheet = value();
        if (sheet === undefined) return "--sheet 后面要写工作表名称。";
        break;
      case "--kind":
        kindOption = value();
        if (!kindOption) return "--kind 后面要写表样，例如 --kind multi-project。";
        break;
      default:
        if (a.startsWith("-")) return `不认识的参数「${a}」。`;
        if (kind) return `多余的参数「${a}」。`;
        kind = a;
    }
  }
  if (kindOption && kind && kindOption !== kind) return `表样写了两次且不一致：「${kind}」和 --kind「${kindOption}」。`;
  kind = kind ?? kindOption ?? (from ? "project" : undefined);
  if (sheet !== undefined && !from) return "--sheet 只与 --from 一起使用。";
  if (from && !(FROM_KINDS as readonly string[]).includes(kind ?? "")) return `从绩效目标表只能生成 ${FROM_KINDS.join("、")}，不能生成「${kind}」。`;
  if (!kind) return "请指明要生成的表样。";
  if (!(FORM_KINDS as readonly string[]).includes(kind)) return `没有「${kind}」这种表样。`;
  if (!out) return "请用 -o 指明输出文件，例如 -o 自评表.xlsx。";
  if (!/\.xlsx$/i.test(out)) return "输出文件应以 .xlsx 结尾。";
  return { kind: kind as FormKind, out, options, force, ...(from ? { from: { file: from, ...(sheet !== undefined ? { sheet } : {}) } } : {}) };
}

export async function runNew(args: string[], io: Io = processIo): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    io.out(NEW_USAGE);
    return 0;
  }
  const p = parse(args);
  if (typeof p === "string") {
    io.err(`jixiao new：${p}`);
    io.err(NEW_USAGE);
    return 2;
  }
  if (p.from) return runNewFrom({ from: p.from.file, sheet: p.from.sheet, kind: p.kind as DraftKind, out: p.out, force: p.force, options: p.options }, io);
  const file = path.resolve(p.out);
  if (fs.existsSync(file) && !p.force) {
    io.err(`jixiao new：文件已存在，未写入：${p.out}（如需覆盖，请加 --force）`);
    return 1;
  }
  if (!fs.existsSync(path.dirname(file))) {
    io.err(`jixiao new：文件夹不存在：${path.dirname(p.out) || "."}`);
    return 1;
  }
  try {
    await writeXlsxFile([buildPlan(p.kind, p.options)], file);
  } catch (e) {
    io.err(`jixiao new：无法写入 ${p.out}：${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
  io.out(`已生成${kindName(p.kind)}：${p.out}`);
  return 0;
}
