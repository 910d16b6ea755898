import { STRINGS } from "../../src/taskpane/i18n";
import {
  allFindings,
  countBySeverity,
  formatPercent,
  formatScore,
  summaryRows,
  summaryText,
} from "../../src/taskpane/summary";
import { evaluation, finding, makeForm, sheetState } from "./fake-host";

const zh = STRINGS["zh-CN"];
const when = new Date(2022, 2, 5, 9, 7);

const state = sheetState([
  evaluation([
    finding({ severity: "info", cell: "B3", message: "提示一" }),
    finding({ cell: "J14", message: "错误一" }),
  ]),
  evaluation([finding({ severity: "warning", cell: "H9", sheet: "别的表", message: "警告一" })], {
    form: makeForm({ kind: "targets", sheet: "目标表", name: "目标" }),
    funds: null,
    total: null,
  }),
]);

test("allFindings puts errors first and fills in the sheet of each finding", () => {
  const f = allFindings(state);
  expect(f.map((x) => x.message)).toEqual(["错误一", "警告一", "提示一"]);
  expect(f.map((x) => x.sheet)).toEqual(["项目自评", "别的表", "项目自评"]);
  expect(f.map((x) => x.form)).toEqual([0, 1, 0]);
  expect(countBySeverity(f)).toEqual({ error: 1, warning: 1, info: 1 });
});

test("summary rows: title, one line per form, counts, header, one row per finding", () => {
  const rows = summaryRows(state, zh, false, when);
  expect(rows[0]).toEqual(["检查结果", "2022-03-05 09:07"]);
  expect(rows[1]).toEqual(["项目支出绩效自评表", "人大代表履职培训项目", "执行率 92.50%", "总分 87.25（良）"]);
  expect(rows[2]).toEqual(["项目绩效目标表", "目标"]);
  expect(rows[3]).toEqual(["错误 1", "警告 1", "提示 1"]);
  expect(rows).toContainEqual(["工作表", "单元格", "严重程度", "指标", "说明"]);
  expect(rows.at(-3)).toEqual(["项目自评", "J14", "错误", "培训人次", "错误一"]);
  expect(rows.at(-1)).toEqual(["项目自评", "B3", "提示", "培训人次", "提示一"]);
});

test("summary of a clean sheet says all passed", () => {
  const rows = summaryRows(sheetState([evaluation([])]), zh, false, when);
  expect(rows.at(-1)).toEqual(["全部通过，没有发现问题。"]);
  expect(summaryText(sheetState([evaluation([])]), zh, false, when)).toContain("全部通过");
});

test("summary text has one line per finding and no runs of blank lines", () => {
  const text = summaryText(state, zh, false, when);
  expect(text).toContain("项目自评  J14  错误  培训人次  错误一");
  expect(text).not.toMatch(/\n\n\n/);
  expect(text.endsWith("\n")).toBe(true);
});

test("number formats", () => {
  expect(formatPercent(0.9175)).toBe("91.75%");
  expect(formatPercent(1)).toBe("100.00%");
  expect(formatScore(100)).toBe("100");
  expect(formatScore(90.5)).toBe("90.5");
  expect(formatScore(87.256)).toBe("87.26");
});
