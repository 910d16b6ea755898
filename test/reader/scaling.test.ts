// Work proportional to what a file holds (issue #12 item 2, issue #11 item 6): the sheet's extent costs nothing, and
// every pattern the reader applies runs in linear time. These tests compare the reader with itself — a form against
// the same form with one far cell, an input against the same input twice as long — and assert ratios (the smallest
// of several runs, in CPU time), never absolute times: linear work doubles, quadratic work quadruples.
import type { Grid } from "../../src/sheet/grid";
import { makeGrid } from "../../src/sheet/grid";
import { readForms } from "../../src/sheet/read";
import { gridOf, type V } from "./grid-builder";

const FORM: V[][] = [
  ["项目支出绩效自评表"],
  ["（2024年度）"],
  ["项目名称", "道路养护", null, "主管部门", "某县交通局"],
  ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
  [null, "年度资金总额", 100, 100, 96, 10, "96%", 9.6],
  ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
  ["产出指标", "数量指标", "养护里程", "≥100公里", "100公里", 50, 50, null],
  ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "92%", 40, 40, null],
  ["总分", null, null, null, null, 100, 99.6, null],
];

/** CPU time of this process in ms (not wall time: a machine busy with other work does not count against us). */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Per grid, the smallest CPU time of one read (ms) over `runs` samples of at least ~40 ms each (after a warm-up). */
function fastest(grids: Grid[], runs = 5): number[] {
  const once = grids.map((g) => {
    const t0 = cpuMs();
    for (let j = 0; j < 3; j++) readForms(g);
    return (cpuMs() - t0) / 3;
  });
  return grids.map((g, i) => {
    const k = Math.max(3, Math.min(300, Math.ceil(40 / Math.max(once[i], 0.05))));
    let best = Infinity;
    for (let run = 0; run < runs; run++) {
      const t0 = cpuMs();
      for (let j = 0; j < k; j++) readForms(g);
      best = Math.min(best, (cpuMs() - t0) / k);
    }
    return best;
  });
}

const names = (g: Grid) => readForms(g).map((f) => [f.name, f.indicators.length, f.enteredTotal?.value]);

test("a lone value at row 1,048,576 and a merged area J1:XFD1048576 cost what a normal form costs", () => {
  const base = gridOf(FORM);
  const far = gridOf(FORM);
  far.cells.push({ row: 1048575, col: 16383, value: "x" });
  far.rows = 1048576;
  far.cols = 16384;
  const merged = gridOf(FORM);
  merged.merges.push({ r0: 0, c0: 9, r1: 1048575, c1: 16383 });
  const both = makeGrid("S", [...far.cells], { merges: merged.merges });
  // the same form is read in all four
  expect(names(far)).toEqual(names(base));
  expect(names(merged)).toEqual(names(base));
  expect(names(both)).toEqual(names(base));
  const [t0, t1, t2, t3] = fastest([base, far, merged, both]);
  // a reader walking the extent would take a million times longer; allow noise, not growth
  expect(t1 / t0).toBeLessThan(4);
  expect(t2 / t0).toBeLessThan(4);
  expect(t3 / t0).toBeLessThan(4);
});

test("merged areas cost in proportion to their number, not their size (10,000 against 20,000 small merges)", () => {
  const withMerges = (n: number): Grid => {
    const g = gridOf(FORM);
    for (let i = 0; i < n; i++) g.merges.push({ r0: 20 + 2 * i, c0: 0, r1: 21 + 2 * i, c1: 1 });
    g.cells.push({ row: 20 + 2 * n, col: 0, value: "备注" });
    return makeGrid("S", g.cells, { merges: g.merges });
  };
  const [a, b] = fastest([withMerges(10000), withMerges(20000)], 3);
  expect(b / a).toBeLessThan(3);
});

/** Adversarial texts for every place the reader applies a pattern: labels, numbers, titles, goals, totals, reports. */
const ADVERSARIAL: [string, (n: number) => V[][]][] = [
  ["digits then a unit in a target (the quadratic numeric pattern)", (n) => withCell([6, 3], "1".repeat(n) + "个x")],
  ["a long run of spaces after 总分 in a report text", (n) => withCell([10, 0], `总分${" ".repeat(n)}x`)],
  ["总得分 followed by digits without 分", (n) => withCell([10, 0], `自评总得分${"9".repeat(n)}`)],
  ["open brackets in a 一级 cell", (n) => withCell([6, 0], `产出指标${"(".repeat(n)}`)],
  ["a bracketed note that never closes in a header", (n) => withCell([5, 3], `年度指标值(${"a(".repeat(n / 2)}`)],
  ["a title of spaces and 年度", (n) => withCell([1, 0], `（${" ".repeat(n)}年度）`)],
  ["a goal label with a long text", (n) => withCell([10, 0], `年度目标1：${"目标".repeat(n / 2)}`)],
  ["项目名称： with a long value", (n) => withCell([2, 0], `项目名称：${" 填报".repeat(n / 3)}`)],
  ["comparators and digits in a multi-project target", (n) => withCell([6, 3], `≥${"1≥".repeat(n / 2)}`)],
  ["colons and digits in a total cell", (n) => withCell([8, 6], `总分：${"1:".repeat(n / 2)}`)],
  ["dashes in an amount", (n) => withCell([4, 3], "-".repeat(n))],
  ["a percent-like number with many dots", (n) => withCell([4, 6], `${"1.".repeat(n / 2)}%`)],
  ["instructions-like text in a reason", (n) => withCell([6, 7], `（${"1".repeat(n)}字以内`)],
];

function withCell([r, c]: [number, number], text: string): V[][] {
  const rows = FORM.map((row) => [...row]);
  rows[r] ??= [];
  rows[r][c] = text;
  return rows;
}

test.each(ADVERSARIAL)("linear time: %s (50,000 → 100,000 characters)", (_name, build) => {
  const [a, b] = fastest([gridOf(build(50000)), gridOf(build(100000))], 5);
  expect(b / a).toBeLessThan(3);
});
