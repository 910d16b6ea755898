// `jixiao new [project|department|multi-project] --from 目标表.xlsx [--sheet 名称] [--kind 表样] -o 自评表.xlsx`:
// the self-evaluation forms made from an approved 绩效目标表 (issue #14 item 1). Each project of the targets file
// becomes a sheet of its own in the one output file, or one row of a multi-project form. The drafting is the
// domain's (domain/from-targets.ts); here: read the file, pick the sheet, write, and say what the officer must check.

import * as path from "node:path";
import { draftsFromTargets, type Draft, type DraftKind } from "../domain/from-targets";
import type { Form } from "../domain/model";
import { kindName } from "../domain/names";
import type { TemplateOptions } from "../domain/templates/options";
import { buildPlan } from "../sheet/render";
import type { WritePlan } from "../sheet/plan";
import { readForms } from "../sheet/read";
import { withNotes } from "../sheet/notes";
import { sheetNameFor, terminalText } from "../sheet/safe-text";
import { LimitError, readWorkbookFile, ReadFileError } from "../xlsx/read";
import type { Io } from "./io";
import { writeNewWorkbook } from "./write-new";

export interface NewFromOptions {
  from: string;
  sheet?: string;
  kind: DraftKind;
  out: string;
  force: boolean;
  /** What the officer gave on the command line (year, unit, taxonomy): it wins over the table. */
  options: TemplateOptions;
}

/** A line for the terminal: text from the file cannot move the cursor, start an escape or a line of its own. */
const line = (s: string, max = 400): string => terminalText(s, max);
/** Shown in messages: a name from the file, one line, at most 60 characters. */
const shown = (s: string): string => terminalText(s.replace(/\s+/g, " ").trim(), 60);

/** A drafted form with what the officer typed on the command line (--unit, --department, --year) over what the table says. */
function withOptions(form: Form, options: TemplateOptions): Form {
  const out: Form = { ...form, fields: { ...form.fields } };
  if (options.unit) {
    out.unit = options.unit;
    out.fields!.supervisor = { value: options.unit };
    out.fields!.implementer = { value: options.unit };
    if (form.kind === "department") {
      out.name = options.unit;
      out.fields!.name = { value: options.unit };
    }
  }
  if (options.department) out.fields!.supervisor = { value: options.department };
  if (options.year) {
    out.year = options.year;
    out.fields!.year = { value: String(options.year) };
  }
  return out;
}

/** The plans of the drafts, with the officer's options over the table's and a sheet named after each project. */
export function plansFor(drafts: Draft[], options: TemplateOptions): WritePlan[] {
  return drafts.map((d) => {
    const fill = Array.isArray(d.fill) ? d.fill.map((f) => withOptions(f, options)) : withOptions(d.fill, options);
    const plan = buildPlan(d.kind, { ...d.options, ...options }, fill);
    // The notes (weights given by default) go into the form's 助手提示 column, as the add-in writes them.
    return Array.isArray(fill) ? plan : withNotes({ ...plan, sheetName: sheetNameFor(fill.name, plan.sheetName) }, d.notes);
  });
}

export async function runNewFrom(o: NewFromOptions, io: Io): Promise<number> {
  const err = (s: string): void => io.err(`jixiao new：${s}`);
  let grids;
  try {
    // Bounded like any file the CLI reads (src/xlsx/limits.ts); .xls, .et and .ods are read too.
    grids = await readWorkbookFile(o.from);
  } catch (e) {
    const why = e instanceof ReadFileError || e instanceof LimitError ? e.message : e instanceof Error ? e.message.split("\n")[0] : String(e);
    err(`无法读取绩效目标表 ${line(o.from)}：${line(why)}`);
    return 1;
  }
  if (o.sheet !== undefined) {
    const named = grids.filter((g) => g.sheet === o.sheet);
    if (named.length === 0) {
      err(`${line(o.from)} 中没有名为“${shown(o.sheet)}”的工作表；有：${grids.map((g) => `“${shown(g.sheet)}”`).join("、")}。`);
      return 2;
    }
    grids = named;
  }
  const tables: Form[] = grids.flatMap((g) => readForms(g)).filter((f) => f.kind === "targets");
  if (tables.length === 0) {
    err(`${line(o.from)}${o.sheet !== undefined ? ` 的工作表“${shown(o.sheet)}”` : ""}中没有找到绩效目标表（未识别到指标表的表头：一级指标、二级指标、三级指标、指标值）。`);
    return 1;
  }
  const drafts = draftsFromTargets(tables, { kind: o.kind, file: path.basename(o.from) });
  let bytes: Buffer;
  try {
    // The writer (and ExcelJS with it) is loaded only now, as `jixiao new` does.
    const { writeXlsxBuffer } = await import("../xlsx/write");
    bytes = await writeXlsxBuffer(plansFor(drafts, o.options));
  } catch (e) {
    err(`无法生成自评表：${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
  if (!(await writeNewWorkbook(o.out, bytes, o.force, err))) return 1;
  const forms = drafts.flatMap((d) => (Array.isArray(d.fill) ? d.fill : [d.fill]));
  io.out(
    o.kind === "multi-project"
      ? `已从绩效目标表生成${kindName("multi-project")}（${forms.length} 个项目）：${line(o.out)}`
      : `已从绩效目标表生成 ${forms.length} 张${kindName(o.kind)}：${line(o.out)}`,
  );
  for (const d of drafts) {
    if (!Array.isArray(d.fill)) {
      const f = d.fill;
      const weights = d.notes.length ? `；${d.notes.length} 项指标的分值按默认分值分配，请核对` : "";
      io.out(`  ${shown(f.name) || "（未写名称）"}：${f.indicators.length} 项指标${weights}。`);
    }
    for (const w of d.warnings) io.out(`  提示：${line(w)}`);
  }
  io.out("  全年预算数、全年执行数和实际完成值留空，请填写。");
  return 0;
}
