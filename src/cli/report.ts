// `jixiao report <自评表.xlsx> [--sheet NAME] [-o 自评报告.docx] [--force] [--profile NAME]`: draft the
// self-evaluation report (自评报告) from a filled form and write it as a Word document. Exit 0 when written, 2 when
// it could not be (unreadable file, no form, a targets table, output exists without --force, …).

import { constants as fsc, promises as fs } from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { evaluateForm } from "../domain/evaluate";
import type { Evaluation, Form } from "../domain/model";
import { PROFILES, getProfile } from "../domain/profiles";
import { draftReport, placeholderCount } from "../domain/report/draft";
import { NO_REPORT } from "../domain/report/phrases";
import type { Grid } from "../sheet/grid";
import { readForms } from "../sheet/read";
import { processIo, type Io } from "./io";

export const REPORT_USAGE = [
  "用法：jixiao report <自评表.xlsx> [-o <自评报告.docx>] [--sheet <工作表名>] [--force] [--profile <规则名>]",
  "  根据填好的绩效自评表起草自评报告（Word 文档）：数字和指标取自表格，表中没有的内容留作【请补充：…】。",
  "  -o, --output <文件>  报告文件（.docx）；默认为自评表同一文件夹下的「<文件名>_自评报告.docx」",
  "  --sheet <工作表名>   工作簿有多张自评表时，指定用哪一张",
  "  -f, --force          报告文件已存在时覆盖它",
  `  --profile <规则名>   评分规则：${Object.keys(PROFILES).join("、")}（默认 national）`,
  "  退出码：0 已生成；2 无法生成（文件无法读取、没有自评表、是绩效目标表、报告文件已存在等）。",
].join("\n");

const PREFIX = "jixiao report：";

/** A name from a file (path, sheet) as the terminal shows it: control and bidi characters escaped, capped. */
export function shown(s: string, max = 120): string {
  // eslint-disable-next-line no-control-regex
  const t = s.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
  return t.length > max ? `${t.slice(0, max)}…` : t;
}

interface Options {
  input: string;
  output: string | null;
  sheet: string | null;
  force: boolean;
  profile: string | undefined;
}

/** The arguments, or an exit code after saying what is wrong (Node's own parser messages are English). */
function parse(args: string[], io: Io): Options | number {
  let values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        output: { type: "string", short: "o" },
        sheet: { type: "string" },
        force: { type: "boolean", short: "f" },
        profile: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (e) {
    const code = (e as { code?: string }).code;
    // (not `instanceof Error`: the parser's errors may come from another realm, as under jest)
    const option = /'([^']+)'/.exec(String((e as { message?: unknown }).message ?? ""))?.[1] ?? "";
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") io.err(`${PREFIX}不认识的选项 ${shown(option)}。用 jixiao report --help 查看用法。`);
    else if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") io.err(`${PREFIX}选项 ${shown(option)} 后面需要写值。`);
    else io.err(`${PREFIX}参数有误。用 jixiao report --help 查看用法。`);
    return 2;
  }
  if (values.help) {
    io.out(REPORT_USAGE);
    return 0;
  }
  if (positionals.length !== 1) {
    io.err(positionals.length === 0 ? `${PREFIX}请给出一个自评表文件（.xlsx）。` : `${PREFIX}一次只能给出一个自评表文件，收到 ${positionals.length} 个。`);
    io.err(REPORT_USAGE);
    return 2;
  }
  for (const [name, v] of [["-o", values.output], ["--sheet", values.sheet], ["--profile", values.profile]] as const) {
    if (v !== undefined && v.trim() === "") {
      io.err(`${PREFIX}选项 ${name} 后面需要写值。`);
      return 2;
    }
  }
  if (values.profile && !PROFILES[values.profile]) {
    io.err(`${PREFIX}没有名为「${shown(values.profile)}」的评分规则；可用：${Object.keys(PROFILES).join("、")}。`);
    return 2;
  }
  return { input: positionals[0], output: values.output ?? null, sheet: values.sheet ?? null, force: !!values.force, profile: values.profile };
}

const isReportable = (f: Form) => f.kind !== "targets";

/** The sheet to report on and its forms, or a message saying why there is none. */
function pickSheet(sheets: { grid: Grid; forms: Form[] }[], wanted: string | null): { grid: Grid; forms: Form[] } | string {
  if (wanted !== null) {
    const hit = sheets.find((s) => s.grid.sheet === wanted) ?? sheets.find((s) => s.grid.sheet.trim() === wanted.trim());
    if (!hit) return `工作簿中没有名为「${shown(wanted)}」的工作表；有：${sheets.map((s) => `「${shown(s.grid.sheet)}」`).join("、")}。`;
    if (hit.forms.length === 0) return `工作表「${shown(hit.grid.sheet)}」中没有找到绩效自评表。`;
    if (!hit.forms.some(isReportable)) return NO_REPORT.targets.replace("{sheet}", () => shown(hit.grid.sheet));
    return hit;
  }
  const withForms = sheets.filter((s) => s.forms.some(isReportable));
  if (withForms.length === 1) return withForms[0];
  if (withForms.length > 1)
    return `工作簿中有 ${withForms.length} 张工作表含自评表：${withForms.map((s) => `「${shown(s.grid.sheet)}」`).join("、")}；请用 --sheet 指定一张。`;
  const targets = sheets.find((s) => s.forms.length > 0);
  if (targets) return NO_REPORT.targets.replace("{sheet}", () => shown(targets.grid.sheet));
  return `${NO_REPORT.noForm}（未识别到指标表或资金表的表头）`;
}

/** Where the report goes: -o as given, else next to the form. */
function outputPath(opts: Options): string {
  if (opts.output) return path.resolve(opts.output);
  const input = path.resolve(opts.input);
  const stem = path.basename(input).replace(/\.[^.]+$/, "");
  return path.join(path.dirname(input), `${stem}_自评报告.docx`);
}

/**
 * Writes the bytes to `out` without ever leaving half a file there: first a temporary file beside it, then a
 * hard link (which fails if `out` exists) or, with --force, a rename over it.
 */
async function writeNew(out: string, bytes: Uint8Array, force: boolean): Promise<void> {
  const tmp = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.${Date.now()}.tmp`);
  await fs.writeFile(tmp, bytes, { flag: "wx" });
  try {
    if (force) await fs.rename(tmp, out);
    else {
      try {
        await fs.link(tmp, out);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === "EEXIST") throw e;
        // file systems without hard links: copy, still refusing an existing file
        await fs.copyFile(tmp, out, fsc.COPYFILE_EXCL);
      }
    }
  } finally {
    await fs.rm(tmp, { force: true });
  }
}

export async function runReport(args: string[], io: Io = processIo): Promise<number> {
  const opts = parse(args, io);
  if (typeof opts === "number") return opts;
  const out = outputPath(opts);
  if (path.extname(out).toLowerCase() !== ".docx") {
    io.err(`${PREFIX}报告文件名应以 .docx 结尾：${shown(out)}`);
    return 2;
  }
  // Refuse early, before the work, when the output cannot be written.
  const outStat = await fs.lstat(out).catch(() => null);
  if (outStat?.isDirectory()) {
    io.err(`${PREFIX}${shown(out)} 是一个文件夹，请给出报告的文件名。`);
    return 2;
  }
  if (outStat && !opts.force) {
    io.err(`${PREFIX}${shown(out)} 已存在，未覆盖；要覆盖请加 --force。`);
    return 2;
  }
  const dirStat = await fs.stat(path.dirname(out)).catch(() => null);
  if (!dirStat?.isDirectory()) {
    io.err(`${PREFIX}报告要写入的文件夹不存在：${shown(path.dirname(out))}`);
    return 2;
  }

  let grids: Grid[];
  try {
    // The file readers and the .docx writer load only when a report is made: `jixiao --help` stays light.
    const { readXlsxFile } = await import("../xlsx/read");
    grids = await readXlsxFile(opts.input);
  } catch (e) {
    const why = e instanceof Error && e.name === "ReadFileError" ? e.message : `无法读取（${e instanceof Error ? e.message : String(e)}）。`;
    io.err(`${PREFIX}${shown(opts.input)}：${why}`);
    return 2;
  }
  const sheets = grids.map((grid) => ({ grid, forms: readForms(grid) }));
  const picked = pickSheet(sheets, opts.sheet);
  if (typeof picked === "string") {
    io.err(`${PREFIX}${shown(opts.input)}：${picked}`);
    return 2;
  }
  const profile = getProfile(opts.profile);
  const evaluations: Evaluation[] = picked.forms.map((f) => evaluateForm(f, profile));
  const result = draftReport(evaluations);
  if (!result.ok) {
    io.err(`${PREFIX}${shown(opts.input)}：${result.error.message}`);
    return 2;
  }
  const { draftToDocx } = await import("../document/docx");
  const bytes = await draftToDocx(result.draft);
  try {
    await writeNew(out, bytes, opts.force);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EEXIST") io.err(`${PREFIX}${shown(out)} 已存在，未覆盖；要覆盖请加 --force。`);
    else io.err(`${PREFIX}无法写入 ${shown(out)}（${code ?? (e instanceof Error ? e.message : String(e))}）。`);
    return 2;
  }
  const v = result.draft.verdict;
  io.out(`已生成自评报告：${shown(out)}（工作表「${shown(picked.grid.sheet)}」，${(bytes.length / 1024).toFixed(1)} KB）`);
  if (v.empty) io.out("注意：自评表尚未填写，报告只有提纲。");
  else if (!v.complete) io.out(`注意：自评表尚未填写完整（${v.missing + v.errors} 处问题，已列在报告开头），报告中的得分和结论不是最终结果。`);
  else if (!v.ready) io.out(`注意：自评表还有 ${v.errors} 个错误（已列在报告开头），报送前请改正。`);
  const placeholders = placeholderCount(result.draft);
  if (placeholders) io.out(`报告中有 ${placeholders} 处【请补充：…】需要手工填写。`);
  return 0;
}
