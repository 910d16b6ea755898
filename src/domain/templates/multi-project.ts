// 部门预算项目绩效自评表, one row per project (seed 002, docs/rules.md#layout-variants): budget and actual split by funding
// source, 预算支出执行率, per 二级 indicator a pair 年度指标内容 | 完成情况, 项目执行中存在的问题 | 整改情况.
// A wide table: landscape. Derived: each row's 执行率 (error text when the budget is 0), the 合计 row,
// and hidden per-row checks (parts vs 合计; a low 执行率 or an unfinished indicator with no problem written).
import { taxonomyFor, type TaxonomyYear } from "./categories";
import { rateFormula, reasonEmpty } from "./formulas";
import { PROFILE } from "./profile-constants";
import { footerRows } from "./footer";
import type { CellDef, ListColumn, RowDef, TemplateDef } from "./types";

const letter = (i: number): string => (i < 26 ? "" : String.fromCharCode(64 + Math.floor(i / 26))) + String.fromCharCode(65 + (i % 26));

/** 二级 pairs shown per 一级: seed 002 leaves out 成本 and 可持续影响 under the 10号 taxonomy. */
function groups(tax: TaxonomyYear) {
  return taxonomyFor(tax).map((l1) => ({
    label: l1.key === "满意度" ? "满意度指标" : `${l1.key}目标`,
    level2: l1.level2.filter((l2) => tax === 2021 || (l2.code !== "cost" && l2.code !== "sustainable")),
  }));
}

const AMOUNT_KEYS: [key: string, group: string, hint: string][] = [
  ["budget", "预算", "#total"],
  ["budgetGen", "预算", "一般公共预算"],
  ["budgetFund", "预算", "政府性基金"],
  ["budgetOther", "预算", "非财政"],
  ["spent", "支出", "#total"],
  ["spentGen", "支出", "一般公共预算"],
  ["spentFund", "支出", "政府性基金"],
  ["spentOther", "支出", "非财政"],
];

export function multiProject(tax: TaxonomyYear): TemplateDef {
  const gs = groups(tax);
  const pairs = gs.flatMap((g) => g.level2);
  const first = 14; // column O
  const problem = letter(first + pairs.length * 2);
  const fix = letter(first + pairs.length * 2 + 1);
  // Narrow columns, wrapped text: the table prints one A3 page wide with no text under 8 pt (render/print.ts).
  const widths: Record<string, number> = { A: 4, B: 7, C: 10, L: 6.5, M: 14, N: 6 };
  "DEFGHIJK".split("").forEach((c) => (widths[c] = 6.5));
  pairs.forEach((_, i) => {
    widths[letter(first + 2 * i)] = 8.5;
    widths[letter(first + 2 * i + 1)] = 5.5;
  });
  widths[problem] = 11;
  widths[fix] = 9;

  const h3: CellDef[] = [
    { col: "A", down: 3, text: "序号", style: "header" },
    { col: "B", down: 3, text: "部门名称", style: "header" },
    { col: "C", down: 3, text: "项目名称", style: "header" },
    { col: "D", to: "G", text: "项目年度预算金额", style: "header" },
    { col: "H", to: "K", text: "实际支出金额", style: "header" },
    { col: "L", down: 3, text: "预算支出执行率", style: "header" },
    { col: "M", down: 3, text: "年初绩效目标", style: "header" },
    { col: "N", down: 3, text: "绩效目标整体完成情况", style: "header" },
    { col: problem, down: 3, text: "项目执行中存在的问题", style: "header" },
    { col: fix, down: 3, text: "整改情况", style: "header" },
  ];
  const h4: CellDef[] = [
    { col: "D", down: 2, text: "合计", style: "header" },
    { col: "E", to: "F", text: "其中：财政拨款", style: "header" },
    { col: "G", down: 2, text: "非财政资金", style: "header" },
    { col: "H", down: 2, text: "合计", style: "header" },
    { col: "I", to: "J", text: "其中：财政拨款", style: "header" },
    { col: "K", down: 2, text: "非财政资金", style: "header" },
  ];
  const h5: CellDef[] = [
    { col: "E", text: "一般公共预算", style: "header" },
    { col: "F", text: "政府性基金", style: "header" },
    { col: "I", text: "一般公共预算", style: "header" },
    { col: "J", text: "政府性基金", style: "header" },
  ];
  let at = first;
  for (const g of gs) {
    h3.push({ col: letter(at), to: letter(at + g.level2.length * 2 - 1), text: g.label, style: "header" });
    for (const l2 of g.level2) {
      h4.push({ col: letter(at), to: letter(at + 1), text: l2.name, style: "header" });
      h5.push({ col: letter(at), text: "年度指标内容", style: "header" }, { col: letter(at + 1), text: "完成情况", style: "header" });
      at += 2;
    }
  }

  const columns: ListColumn[] = [
    { key: "no", col: "A", counter: true, style: "text" },
    { key: "dept", col: "B", style: "text" },
    { key: "name", col: "C", style: "text" },
    ...AMOUNT_KEYS.map(([key, group, hint], i): ListColumn => ({
      key,
      col: letter(3 + i),
      from: [group === "预算" ? "项目年度预算|预算金额" : "实际支出", hint],
      style: "amount",
    })),
    {
      key: "rate",
      col: "L",
      formula: rateFormula(
        "IF(ISNUMBER({r:budget}),{r:budget},SUM({r:budgetGen}:{r:budgetOther}))",
        "IF(ISNUMBER({r:spent}),{r:spent},SUM({r:spentGen}:{r:spentOther}))",
        "COUNT({r:budget}:{r:budgetOther})",
        "COUNT({r:spent}:{r:spentOther})",
      ),
      style: "derivedPercent",
    },
    { key: "goals.1.text", col: "M", style: "textCell" },
    { key: "goals.1.actual", col: "N", style: "text" },
    ...pairs.flatMap((l2, i): ListColumn[] => [
      { key: `l2.${l2.code}.target`, col: letter(first + 2 * i), from: ["#ind", l2.short], style: "textCell" },
      { key: `l2.${l2.code}.actual`, col: letter(first + 2 * i + 1), from: ["#ind", l2.short], style: "text" },
    ]),
    { key: "sharedReason", col: problem, style: "textCell" },
    { key: "improvement", col: fix, style: "textCell" },
  ];
  const unfinished = pairs
    .flatMap((l2) => ["未", "部分"].map((w) => `ISNUMBER(FIND("${w}",{r:l2.${l2.code}.actual}&""))`))
    .join(",");
  const sumCheck = (t: string, a: string, b: string) =>
    `AND(ISNUMBER({r:${t}}),COUNT({r:${a}}:{r:${b}})>0,ABS(SUM({r:${a}}:{r:${b}})-{r:${t}})>=0.005)`;
  const sumCell = (k: string): CellDef => ({
    col: columns.find((c) => c.key === k)!.col,
    field: `total.${k}`,
    formula: `=IF(COUNT({proj.${k}})=0,"",SUM({proj.${k}}))`,
    style: "derivedAmount",
  });
  const total: RowDef = {
    height: 24,
    cells: [
      { col: "A", to: "C", text: "合计", style: "label" },
      ...AMOUNT_KEYS.map(([k]) => sumCell(k)),
      {
        col: "L",
        field: "total.rate",
        formula: rateFormula("{total.budget}", "{total.spent}", "COUNT({total.budget})", "COUNT({total.spent})"),
        style: "derivedPercent",
      },
      { col: "M", to: fix, style: "label" },
    ],
  };
  return {
    id: "jx.multi-project",
    kind: "multi-project",
    version: 1,
    sheetName: "项目绩效自评汇总表",
    landscape: true,
    widths,
    repeatRows: "2:4",
    repeatColumns: "A:C",
    printTo: fix,
    sections: [
      {
        kind: "rows",
        rows: [
          { height: 30, cells: [{ col: "A", to: fix, text: "{year}年度{department}部门预算项目绩效自评表", style: "title" }] },
        ],
      },
      {
        kind: "list",
        key: "proj",
        count: 10,
        fillFrom: "forms",
        height: 32,
        header: [
          {
            height: 22,
            cells: [
              { col: "A", to: "B", text: "部门名称（盖章）：", style: "caption" },
              { col: "C", to: "K", field: "unit", style: "caption" },
              { col: problem, to: fix, text: "单位：万元", style: "captionRight" },
            ],
          },
          { height: 22, cells: h3 },
          { height: 30, cells: h4 },
          { height: 30, cells: h5 },
        ],
        columns,
        flags: [
          {
            helper: "sumMismatch",
            header: "合计与分项不符（1是）",
            formula: `=IF(OR(${sumCheck("budget", "budgetGen", "budgetOther")},${sumCheck("spent", "spentGen", "spentOther")}),1,0)`,
            paint: ["budget", "spent"],
            meaning: "合计与分项之和不一致",
          },
          {
            helper: "need",
            header: "须说明问题（1是）",
            formula: `=IF(OR(AND(ISNUMBER({r:rate}),{r:rate}<${PROFILE.rate}-0.000000001),${unfinished}),1,0)`,
            paint: [],
            meaning: "",
          },
          {
            helper: "flag",
            header: "问题未说明（1是）",
            formula: `=IF(AND({h:need}=1,${reasonEmpty("{r:sharedReason}")}),1,0)`,
            paint: ["rate", "sharedReason"],
            meaning: "执行率低于规定比例或有指标未完成，请在“项目执行中存在的问题”中说明",
          },
        ],
        total,
      },
      {
        kind: "rows",
        rows: footerRows([
          [
            { key: "preparer", label: "A", labelTo: "B", field: "C", fieldTo: "E" },
            { key: "phone", label: "F", labelTo: "G", field: "H", fieldTo: "J" },
            { key: "head", label: "K", labelTo: "L", field: "M" },
            { key: "filedOn", label: "N", labelTo: "O", field: "P", fieldTo: "Q" },
          ],
        ]),
      },
    ],
  };
}
