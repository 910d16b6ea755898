// The fields bureaus ask for at the foot of a form (docs/rules.md#ready-to-send: optional, never field-missing): 填报人, 联系电话,
// 单位负责人 and 填报日期, each a label and a named field cell the officer types into. A form that already has its
// 填报时间/填报日期 in the header (department, department-goals) leaves `filedOn` out here: one cell per field.
import type { CellDef, RowDef } from "./types";

export type FooterKey = "preparer" | "phone" | "head" | "filedOn";

export const FOOTER_LABELS: Record<FooterKey, string> = {
  preparer: "填报人：",
  phone: "联系电话：",
  head: "单位负责人：",
  filedOn: "填报日期：",
};

/** One footer field: its label across [label, labelTo] and its cell across [field, fieldTo]. */
export interface FooterPlace {
  key: FooterKey;
  label: string;
  labelTo?: string;
  field: string;
  fieldTo?: string;
}

/** Footer rows from places, one row per inner array. */
export function footerRows(rows: FooterPlace[][]): RowDef[] {
  return rows.map((places) => ({
    height: 24,
    cells: places.flatMap((p): CellDef[] => [
      { col: p.label, ...(p.labelTo ? { to: p.labelTo } : {}), text: FOOTER_LABELS[p.key], style: "captionRight" },
      { col: p.field, ...(p.fieldTo ? { to: p.fieldTo } : {}), field: p.key, style: "footerField" },
    ]),
  }));
}
