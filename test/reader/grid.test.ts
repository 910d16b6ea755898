// The reader over hand-made grids: no fixed positions, merged cells, blank total rows, sheets that hold no form.
import type { Grid } from "../../src/sheet/grid";
import { makeGrid } from "../../src/sheet/grid";
import { readForms } from "../../src/sheet/read";
import { gridOf, setCell } from "./grid-builder";

const grid = (rows: (string | number | null)[][], at = { r: 0, c: 0 }, merges: string[] = [], sheet = "S"): Grid => gridOf(rows, at, merges, sheet);

const TABLE: (string | number | null)[][] = [
  ["项目支出绩效自评表"],
  ["项目名称", "道路养护"],
  ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
  [null, "年度资金总额", null, null, null, 10, null, null],
  [null, "其中：当年财政拨款", 100, 90, 81],
  [null, "其他资金", 0, 10, 9],
  ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
  ["产出指标", "数量指标", "养护里程", "≥100公里", "100公里", 45, 45, null],
  [null, "质量指标", "完好率", "≥95%", "96%", 45, 45, null],
  ["总分", null, null, null, null, 100, 99, null],
];

test("the same table anywhere on the sheet reads the same, with cells where they are", () => {
  const a = readForms(grid(TABLE))[0];
  const b = readForms(grid(TABLE, { r: 7, c: 3 }))[0];
  expect(a.name).toBe("道路养护");
  expect(b.name).toBe("道路养护");
  expect(b.indicators.map((i) => i.name)).toEqual(a.indicators.map((i) => i.name));
  expect(a.indicators[0].cells.name).toBe("C8");
  expect(b.indicators[0].cells.name).toBe("F15");
  expect(b.enteredTotal).toMatchObject({ value: 99, cell: "J17" });
});

test("a blank 年度资金总额 row stays the total; its parts are read for the engine to add up", () => {
  const f = readForms(grid(TABLE))[0];
  expect(f.funds?.budget).toMatchObject({ value: null, cell: "D4" });
  expect(f.funds?.weight?.value).toBe(10);
  const g = f.funds!.sums.find((s) => s.label === "全年预算数")!;
  expect(g.parts.map((p) => p.value)).toEqual([90, 10]);
});

test("columns in another order with synonyms: 指标名称, 权重, 目标值, 业绩值, 得分, 原因", () => {
  const f = readForms(
    grid([
      ["指标名称", "得分", "业绩值", "权重", "目标值", "二级指标", "一级指标", "原因"],
      ["专项调研", 10, "6次", 10, "≥6次", "数量指标", "产出指标", null],
      ["满意度", 4, "80%", 5, "≥90%", "满意度指标", "满意度指标", "宣传不足"],
    ]),
  )[0];
  expect(f.indicators).toHaveLength(2);
  expect(f.indicators[1]).toMatchObject({ name: "满意度", target: "≥90%", actual: "80%", weight: 5, enteredScore: 4, reason: "宣传不足", level2: "满意度指标" });
});

test("merged 一级/二级 cells fill down; a sheet with no form gives no forms", () => {
  const f = readForms(
    grid(
      [
        ["一级指标", "二级指标", "三级指标", "指标值", "完成值"],
        ["产出指标", "数量指标", "A", "1次", "1次"],
        [null, null, "B", "2次", "2次"],
        [null, "质量指标", "C", "100%", "100%"],
      ],
      { r: 0, c: 0 },
      ["A2:A4", "B2:B3"],
    ),
  )[0];
  expect(f.indicators.map((i) => `${i.level1}/${i.level2}/${i.name}`)).toEqual(["产出指标/数量指标/A", "产出指标/数量指标/B", "产出指标/质量指标/C"]);
  expect(readForms(grid([["会议纪要"], ["今天开会讨论了预算"]]))).toEqual([]);
});

test("a form the add-in made is found through its names and metadata", () => {
  const g = grid(TABLE, { r: 2, c: 0 });
  g.names = { JX1_NAME: "$B$4", JX1_IND: "$A$10:$H$11", JX1_FUNDS_BUDGET: "$D$6" };
  g.meta = { forms: [{ template: { id: "project-10", kind: "project", version: 3 }, prefix: "JX1_", fields: { name: "NAME", indicators: "IND", "funds.budget": "FUNDS_BUDGET" } }] };
  setCell(g, 5, 3, 100);
  const [f] = readForms(g);
  expect(f.template).toEqual({ id: "project-10", version: 3 });
  expect(f.kind).toBe("project");
  expect(f.name).toBe("道路养护");
  expect(f.funds?.budget).toMatchObject({ value: 100, cell: "D6" });
  expect(f.indicators).toHaveLength(2);
});

test("never throws on odd grids", () => {
  const odd: Grid = makeGrid(
    "x",
    [
      { row: 0, col: 0, value: "三级指标" },
      { row: 0, col: 1, value: "指标值" },
      { row: 0, col: 2, value: "分值" },
      { row: 1, col: 1, value: true },
      { row: 1, col: 2, value: "abc" },
    ],
    { merges: [{ r0: 0, c0: 0, r1: 9999, c1: 9999 }] },
  );
  expect(() => readForms(odd)).not.toThrow();
});
