// buildPlan: a template definition (domain/templates) + options (+ a Form to fill in) → a WritePlan that
// the Excel writer and the .xlsx writer apply. Pure: no Office JavaScript API, no ExcelJS.
import type { Form, FormKind } from "../../domain/model";
import type { TemplateOptions } from "../../domain/templates/options";
import { listNames, taxonomyFor, TIERS } from "../../domain/templates/categories";
import { templateFor } from "../../domain/templates";
import { formulaLists } from "../../domain/templates/lists";
import { bandsText, gradeLegend, profileConstants } from "../../domain/templates/profile-constants";
import { getProfile } from "../../domain/profiles";
import type { IndicatorSection, Section, TemplateDef } from "../../domain/templates/types";
import type { PlanList, WritePlan } from "../plan";
import { PlanBuilder } from "./builder";
import { keyToName } from "../meta";
import { fitRowHeights } from "./heights";
import { renderSections } from "./sections";
import { layoutPrint } from "./print";
import { colToLetters, lettersToCol } from "../address";

export { keyToName };

/**
 * The templates whose "unit" field is the 主管部门 (a project's and a targets table's header, a multi-project form's
 * 部门名称（盖章）): it gets the department option, else the unit. The other templates' "unit" is the 填报单位 itself.
 */
const DEPARTMENT_HEADED: ReadonlySet<FormKind> = new Set<FormKind>(["project", "targets", "multi-project"]);

export function buildPlan(kind: FormKind, options: TemplateOptions = {}, fill?: Form | Form[]): WritePlan {
  const opts = normalise(options);
  const def = templateFor(kind, opts);
  const profile = getProfile(opts.profile);
  const names = listNames(opts.taxonomy);
  const builder = new PlanBuilder();
  const forms = fill ? (Array.isArray(fill) ? fill : [fill]) : null;
  const first = forms?.[0];
  const year = opts.year ?? first?.year ?? new Date().getFullYear() - 1;
  const unit = opts.unit ?? first?.unit ?? "";
  const department = opts.department ?? unit;
  const project = opts.project ?? (kind === "project" || kind === "targets" ? first?.name : undefined) ?? "";
  renderSections(builder, def.sections, {
    opts,
    forms,
    texts: { year: String(year), unit, department, project: project || (kind === "targets" ? "项目" : ""), legend: gradeLegend(profile), bands: bandsText(profile) },
    lists: names,
    defaults: { unit: (DEPARTMENT_HEADED.has(kind) ? department : unit) || null, implementer: unit || null, name: project || null },
  });
  for (const flag of def.flags ?? []) {
    const refs = [flag.field, ...(flag.also ?? [])].map((k) => builder.fields[k] ?? k);
    let when = flag.when;
    if (flag.viaHelper) {
      const key = `flag.${flag.field}`;
      const addr = `${builder.helper(key)}${refs[0].replace(/^[A-Z]+/, "").replace(/:.*$/, "")}`;
      builder.put(addr, { formula: flag.when });
      builder.field(key, addr);
      when = `={${key}}=TRUE`;
    }
    for (const ref of refs) builder.flag(ref, when, {}, flag.style ?? "error", flag.meaning);
  }
  const done = builder.finish();
  const tax = taxonomyFor(opts.taxonomy);
  const lists: PlanList[] = [
    { name: names.level1, values: tax.map((l) => l.name) },
    { name: names.level2, values: tax.flatMap((l) => l.level2.map((x) => x.name)) },
    { name: names.tiers, values: TIERS },
    ...formulaLists(),
    ...profileConstants(profile),
  ];
  const visible = Object.keys(def.widths).sort((a, c) => a.length - c.length || a.localeCompare(c));
  const lastVisible = def.printTo ?? visible[visible.length - 1];
  const rowHeights = fitRowHeights(done.cells, builder.merges, def.widths, builder.rowHeights);
  const columnWidths: Record<string, number> = { ...def.widths };
  for (const c of done.hiddenColumns) columnWidths[c] = 10;
  return {
    template: { id: def.id, kind: def.kind, version: def.version },
    sheetName: def.sheetName,
    cells: done.cells,
    runs: done.runs,
    merges: builder.merges,
    columnWidths,
    rowHeights,
    names: Object.entries(builder.fields).map(([key, ref]) => ({ name: keyToName(key), ref })),
    validations: builder.validations,
    conditionalFormats: done.conditionalFormats,
    lists,
    print: printOf(def, builder, done, lastVisible, rowHeights),
    fields: { ...builder.fields },
    size: done.size,
    hiddenColumns: done.hiddenColumns,
    printArea: `A1:${lastVisible}${done.size.rows}`,
    meta: {
      indicatorColumns: firstIndicatorSection(def.sections)?.columns.map((c) => c.key),
      options: { year, unit, ...(opts.department ? { department: opts.department } : {}), project, rows: opts.rows ?? 2, taxonomy: opts.taxonomy ?? 2020 },
      ...(forms && Object.keys(builder.indicatorRows).length ? { indicatorRows: { ...builder.indicatorRows } } : {}),
      ...(builder.formRows.length ? { formRows: [...builder.formRows] } : {}),
      helpers: builder.helperColumns(),
      widths: { ...def.widths },
      ...(forms?.length === 1 && first?.source && kind !== "multi-project" ? { source: { ...first.source } } : {}),
    },
  };
}

function normalise(options: TemplateOptions): TemplateOptions {
  const out: TemplateOptions = { ...options };
  if (out.rows !== undefined) out.rows = Math.max(1, Math.min(20, Math.floor(out.rows) || 2));
  if (out.taxonomy !== 2021) out.taxonomy = 2020;
  return out;
}

function firstIndicatorSection(sections: Section[]): IndicatorSection | undefined {
  for (const section of sections) {
    if (section.kind === "indicators") return section;
    if (section.kind === "repeat") {
      const inner = firstIndicatorSection(section.sections);
      if (inner) return inner;
    }
  }
  return undefined;
}

/**
 * The print settings (render/print.ts): A4, or A3 for the wide multi-project table; a scale that fills the width;
 * page breaks between groups, the totals with the table's end; the table's header repeated (the one table of a
 * project, department or targets form; the multi-project header and its 序号/项目名称 when it runs wider than a page).
 */
function printOf(def: TemplateDef, builder: PlanBuilder, done: ReturnType<PlanBuilder["finish"]>, lastVisible: string, heights: Record<number, number>): WritePlan["print"] {
  const paper = def.kind === "multi-project" ? "A3" : "A4";
  const last = lettersToCol(lastVisible);
  const widths = Array.from({ length: last + 1 }, (_, c) => def.widths[colToLetters(c)] ?? 8.43);
  let minFont = 72;
  for (const cell of done.cells) {
    const match = /^([A-Z]+)\d+$/.exec(cell.addr);
    if (match && lettersToCol(match[1]) <= last && cell.value !== null && cell.value !== "" ) minFont = Math.min(minFont, cell.style?.size ?? 10);
  }
  const one = builder.tables.length === 1 ? builder.tables[0] : null;
  const repeat: [number, number] | undefined = one ? [one.head, one.head] : def.repeatRows ? (def.repeatRows.split(":").map(Number) as [number, number]) : undefined;
  // The rows from the last table's end to the 总分 / 等级 row print together.
  const end = builder.tables.length ? builder.tables[builder.tables.length - 1].last : 0;
  const totals = ["grade", "total"].map((k) => builder.fields[k]).filter(Boolean).map((a) => Number(/\d+/.exec(a)![0]));
  const keepTo = Math.max(0, ...totals);
  const layout = layoutPrint({
    paper,
    landscape: def.landscape,
    widths,
    heights,
    rows: [1, done.size.rows],
    repeat,
    breakAt: builder.breakAt,
    keep: end && keepTo > end ? [end + 1, keepTo] : undefined,
    minFont: minFont === 72 ? 10 : minFont,
  });
  return {
    landscape: def.landscape,
    paper,
    scale: layout.scale,
    breaks: layout.breaks,
    across: layout.across,
    ...(repeat ? { repeatRows: `${repeat[0]}:${repeat[1]}` } : {}),
    ...(layout.wide && def.repeatColumns ? { repeatColumns: def.repeatColumns } : {}),
  };
}
