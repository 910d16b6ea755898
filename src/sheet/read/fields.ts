// The header and footer fields of a form (Form.fields): 项目名称 / 单位名称, 主管部门, 实施单位, 年度; 填报人, 联系电话,
// 单位负责人, 填报日期; for targets tables 项目属性, 项目期, 中长期目标. A field is there when its label is, and then
// keeps its cell even when blank — the cell right of the label (or the label's own cell when the value is written
// inline, "项目名称：…"), so that a finding about a missing value points at the cell to type in. The year written
// in the title ("（2024年度）", or "（    年度）" still blank) has the title cell as its cell.

import type { FormFields, TextField } from "../../domain/model";
import type { SheetView } from "./view";
import { labelKey, MAX_LABEL, normLabel, trimText } from "./text";

/** The fields, and "unitName": a 单位名称 / 填报单位 label, the form's name when it has no 项目名称. */
type Key = keyof FormFields | "unitName";

/** Labels by field, on labelKey (a trailing "（盖章）" or "(万元)" dropped). */
const LABELS: [RegExp, Key][] = [
  [/^(项目名称|项目全称)$/, "name"],
  [/^(单位名称|部门名称|部门\(单位\)名称|单位\(部门\)名称|部门\(单位\)|预算单位|预算部门|填报单位|申报单位|评价单位|部门整体名称)$/, "unitName"],
  [/^(主管部门|项目主管部门|主管单位|项目主管单位|主管部门\(单位\))$/, "supervisor"],
  [/^(实施单位|项目实施单位|实施部门|项目单位|项目承担单位)$/, "implementer"],
  [/^(填报人|填表人|经办人|联系人|部门联系人|填报联系人)$/, "preparer"],
  [/^(联系电话|电话|联络电话|联系方式)$/, "phone"],
  [/^(单位负责人|部门负责人|单位主要负责人|单位领导|单位领导审签|负责人)$/, "head"],
  [/^(填报日期|填报时间|填表日期|填表时间|报告日期|报送日期)$/, "filedOn"],
  [/^(项目属性)$/, "attribute"],
  [/^(项目期|项目周期|实施周期|项目实施周期)$/, "period"],
  [/^(中长期目标|中长期绩效目标|项目中长期目标)$/, "longTermGoal"],
  [/^(年度|评价年度|自评年度|所属年度)$/, "year"],
];

const NEXT_LABEL = /(?:填报日期|填报时间|填表日期|填表时间|填表人|填报人|联系人|联系电话|单位负责人|主管部门|实施单位|项目名称|单位名称|金额单位|单位)[ \t\u3000]{0,3}[:：]/;

/** Which field a label names, and whether it stands alone or carries its value ("项目名称：道路养护"). */
export function fieldLabel(text: string): { key: Key; inline: string | null } | null {
  if (!text || text.length > MAX_LABEL) return null;
  const flat = normLabel(text);
  const colon = flat.search(/[:：]/);
  const head = colon >= 0 ? flat.slice(0, colon) : flat;
  const label = labelKey(head.replace(/\((盖章|签字|签章|公章)\)$/, ""));
  for (const [pattern, key] of LABELS) {
    if (!pattern.test(label)) continue;
    if (colon < 0) return { key, inline: null };
    // keep the value's own spacing: take it from the original text after the first colon
    const at = text.search(/[:：]/);
    let rest = trimText(text.slice(at + 1));
    // another label on the same line ("… 填报时间：2021.6.8"): the value ends before it
    const next = NEXT_LABEL.exec(rest);
    if (next) rest = rest.slice(0, next.index);
    return { key, inline: trimText(rest.split(/\s{2,}|\u3000{2,}/)[0]) };
  }
  return null;
}

/** The title's year: "（2024年度）", "2024年度…自评表", "（    年度）" (blank: ""), else null. */
export function titleYear(text: string): { year: string } | null {
  if (text.length > MAX_LABEL * 2) return null;
  const cellText = text.normalize("NFKC");
  const match = /(20\d\d)[ \t]{0,12}年度?/.exec(cellText);
  if (match && (/年度/.test(cellText) || /[(（][ \t]{0,12}20\d\d/.test(cellText))) return { year: match[1] };
  if (/[(（][ \t\u3000]{0,20}年度[ \t\u3000]{0,3}[)）]/.test(text)) return { year: "" };
  return null;
}

export interface FieldsRead {
  fields: FormFields;
  /** 单位名称 / 部门名称 / 填报单位: the name of a form without 项目名称, and the unit of one with it. */
  unitName?: TextField;
}

/** Read the fields in rows [r0, r1] of the view. */
export function readFields(view: SheetView, firstRow: number, lastRow: number, skip: Set<number> = new Set()): FieldsRead {
  const fields: Partial<Record<Key, TextField>> = {};
  const seen = new Set<string>();
  const isLabel = (t: string): boolean => fieldLabel(t) !== null;
  const rows = view.contentRows(firstRow, lastRow);
  for (const row of rows) {
    if (skip.has(row)) continue;
    for (const [col, cellText] of view.rowCells(row, undefined, undefined, true)) {
      const field = fieldLabel(cellText);
      if (!field || fields[field.key]) continue;
      const key = `${row},${col}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (field.inline !== null && field.inline !== "") fields[field.key] = { value: field.inline, cell: view.a1(row, col) };
      else fields[field.key] = valueRight(view, row, col, isLabel, field.inline !== null);
    }
  }
  if (!fields.year) {
    for (const rowIndex of rows.slice(0, 8)) {
      if (fields.year) break;
      for (const [colIndex, label] of view.rowCells(rowIndex, undefined, undefined, true)) {
        const year = titleYear(label);
        if (year) {
          fields.year = { value: year.year, cell: view.a1(rowIndex, colIndex) };
          break;
        }
      }
    }
  }
  const { unitName, ...rest } = fields;
  const out: FormFields = rest;
  if (!out.name && unitName) out.name = unitName;
  return unitName ? { fields: out, unitName } : { fields: out };
}

/** The value right of a label: the next own cell that is not a label; blank → the cell right of the label. */
function valueRight(view: SheetView, row: number, col: number, isLabel: (t: string) => boolean, inlineColon: boolean): TextField {
  const merge = view.mergeAt(row, col);
  const next = (merge?.c1 ?? col) + 1;
  const right = view.rowCells(row, next, undefined, true)[0];
  if (right && !isLabel(right[1])) {
    // only when it follows the label closely (an empty cell or two between at most)
    if (right[0] - next <= 2) return { value: right[1], cell: view.a1(row, right[0]) };
  }
  if (next < view.cols || !inlineColon) {
    if (next <= view.bounds.c1) return { value: "", cell: view.a1(row, next) };
  }
  return { value: "", cell: view.a1(row, col) };
}
