// Numbers are numbers (issue #12 item 5, issue #11 items 5 and "numbers in every dress"): what a reviewer expects
// from cells that hold an error, NaN, a date, a merged area, a dash or a percentage where an amount, a rate, a weight
// or a score belongs (docs/rules.md#findings read-problem; #funds the funds block; #weights).
import ExcelJS from "exceljs";
import type { Form } from "../../src/domain/model";
import { readForms } from "../../src/sheet/read";
import { readXlsxBuffer } from "../../src/xlsx/read";
import { gridOf, type V } from "./grid-builder";

/** The national project form (财预〔2020〕10号 附件1) with the funds row and two indicators given. */
function project(funds: V[], rows: V[][] = [], total: V[] = ["总分", null, null, null, null, 100, 96, null], merges: string[] = []): Form {
  const g = gridOf(
    [
      ["项目支出绩效自评表"],
      ["（2024年度）"],
      ["项目名称", "道路养护", null, "主管部门", "某县交通局"],
      ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      [null, "年度资金总额", ...funds],
      [null, "其中：当年财政拨款", 100, 100, 96],
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
      ...(rows.length
        ? rows
        : [
            ["产出指标", "数量指标", "养护里程", "≥100公里", "100公里", 50, 50, null],
            ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "92%", 40, 40, null],
          ]),
      total,
    ],
    { r: 0, c: 0 },
    merges,
  );
  const forms = readForms(g);
  expect(forms).toHaveLength(1);
  return forms[0];
}
const issueAt = (f: Form, cell: string) => f.readIssues.filter((i) => i.cell === cell);

test("NaN and infinities in the funds row are read problems on their cells, never a figure", () => {
  const f = project([100, Number.NaN, Number.POSITIVE_INFINITY, 10, null, null]);
  expect(f.funds?.budget).toMatchObject({ value: null, cell: "D5" });
  expect(f.funds?.spent).toMatchObject({ value: null, cell: "E5" });
  expect(issueAt(f, "D5")[0].message).toMatch(/不是有效的数字/);
  expect(issueAt(f, "E5")[0].message).toMatch(/不是有效的数字/);
});

test("an error value where an amount or the 总分 belongs is a read problem; no other cell is taken for the total", () => {
  const f = project([100, 100, { value: "#DIV/0!", type: "error" }, 10, null, null], [], ["总分", null, null, null, null, 100, { value: "#N/A", type: "error" }, null]);
  expect(f.funds?.spent).toMatchObject({ value: null, cell: "E5" });
  expect(issueAt(f, "E5")[0].message).toContain("#DIV/0!");
  // the total is the 得分 cell of the 总分 row: #N/A there, and the 100 of the 分值 cell is the weight total, not the total
  expect(f.enteredTotal).toMatchObject({ value: null, cell: "G10" });
  expect(issueAt(f, "G10")[0].message).toMatch(/总分.*#N\/A/);
  expect(f.weightTotal).toMatchObject({ value: 100, cell: "F10" });
});

test("a date-typed cell where a weight or an amount belongs is a read problem, not the year 2024", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("日期");
  const rows: (string | number | Date | null)[][] = [
    ["项目支出绩效自评表"],
    ["项目名称", "道路养护"],
    ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["年度资金总额", 100, new Date(Date.UTC(2024, 0, 1)), 90, 10, null, null],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
    ["产出指标", "数量指标", "养护里程", "≥100公里", "100公里", new Date(Date.UTC(2024, 0, 1)), 50],
    ["产出指标", "时效指标", "完工时间", "2024年10月31日前", new Date(Date.UTC(2024, 9, 20)), 40, 40],
  ];
  rows.forEach((r, i) => r.forEach((v, j) => v !== null && (ws.getCell(i + 1, j + 1).value = v)));
  const [g] = await readXlsxBuffer(Buffer.from(await wb.xlsx.writeBuffer()));
  const [f] = readForms(g);
  expect(f.funds?.budget).toMatchObject({ value: null, cell: "C4" });
  expect(issueAt(f, "C4")[0].message).toMatch(/是日期（2024\/1\/1）/);
  expect(f.indicators[0]).toMatchObject({ weight: null });
  expect(issueAt(f, "F6")[0].message).toMatch(/日期/);
  // a date where a date belongs (an actual against a deadline) stays the date, as text
  expect(f.indicators[1]).toMatchObject({ actual: "2024/10/20", weight: 40 });
  expect(issueAt(f, "E7")).toEqual([]);
});

test("a number in a merged area belongs to its top-left cell once: 50 over 全年预算数..全年执行数 is not an execution of 100%", () => {
  const f = project([100, 50, null, 10, null, null], [], undefined, ["D5:E5"]);
  expect(f.funds?.budget).toMatchObject({ value: 50, cell: "D5" });
  expect(f.funds?.spent).toMatchObject({ value: null, cell: "E5" });
  expect(issueAt(f, "E5")[0].message).toMatch(/合并.*只算在 D5/);
});

test("dashes, slashes and 无 in the funds cells are blanks, not read problems; 1,580.00万元 is a number with its unit", () => {
  const f = project(["—", "1,580.00万元", "/", "无", null, null]);
  expect(f.readIssues).toEqual([]);
  expect(f.funds?.initialBudget).toMatchObject({ value: null });
  expect(f.funds?.budget).toMatchObject({ value: 1580 });
  expect(f.funds?.spent).toMatchObject({ value: null });
  expect(f.funds?.weight).toMatchObject({ value: null });
});

test("weights as percentages (0.1 shown as 10%) in the funds row and the table are points; 一级 cells declaring a weight", () => {
  const pct = (v: number): V => ({ value: v, numFmt: "0%" });
  const f = project(
    [100, 100, 96, pct(0.1), { value: 0.96, numFmt: "0.00%" }, 9.6],
    [
      ["产出指标（50%）", "数量指标", "养护里程", "≥100公里", "100公里", pct(0.5), 50, null],
      ["满意度指标(40分)", "服务对象满意度指标", "群众满意度", "≥90%", "92%", pct(0.4), 40, null],
    ],
  );
  expect(f.funds?.weight?.value).toBe(10);
  expect(f.funds?.enteredRate?.value).toBeCloseTo(0.96, 9);
  expect(f.indicators.map((i) => [i.level1, i.level1Weight, i.weight])).toEqual([
    ["产出指标", 50, 50],
    ["满意度指标", 40, 40],
  ]);
  expect(f.readIssues).toEqual([]);
});

test("an amount written with 万元 in a form kept in 元 is converted to 元", () => {
  const g = gridOf([
    ["项目名称", "营养餐补助", null, "单位：元"],
    ["预算数", "1,580.00万元", "执行数", "15,000,000.00", "执行率", "94.94%"],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值"],
    ["产出指标", "数量指标", "受益学生人数", "≥5000人", "5230人"],
  ]);
  const [f] = readForms(g);
  expect(f.funds).toMatchObject({ moneyUnit: "元", budget: { value: 15800000 }, spent: { value: 15000000 } });
});
