// Regressions found by the parity fuzz (test/templates/parity-fuzz.test.ts): a blank total row is the sum
// of its own parts (全年预算数, 全年执行数; never 年初预算数), and a 不适用 row without a 分值 has no weight.
import { evaluateForm } from "../../src/domain/evaluate";
import type { SumGroup } from "../../src/domain/model";
import { form, funds, ind, nf } from "./make";

const group = (label: string, cell: string, parts: (number | null)[]): SumGroup => ({
  label,
  total: { value: null, raw: "", cell, label },
  parts: parts.map((v, i) => ({ ...nf(v), label: ["当年财政拨款", "上年结转资金", "其他资金"][i] })),
});

test("a blank 全年执行数 is the sum of its parts, as the sheet's rate formula computes it", () => {
  const f = form({ funds: { ...funds(200, null), spent: nf(null, "", "F6"), sums: [group("全年执行数", "F6", [100, 50, 30])] } });
  const r = evaluateForm(f).funds!;
  expect(r.spent).toBe(180);
  expect(r.rate).toBeCloseTo(0.9, 9);
  expect(r.score).toBe(9);
});

test("a blank 全年预算数 is never read from the 年初预算数 parts", () => {
  const f = form({
    funds: { ...funds(null, 90), budget: nf(null, "", "E6"), sums: [group("年初预算数", "D6", [300, 0, 0]), group("全年预算数", "E6", [80, 20, null])] },
  });
  expect(evaluateForm(f).funds!.budget).toBe(100);
  const onlyInitial = form({ funds: { ...funds(null, 90), budget: nf(null, "", "E6"), sums: [group("年初预算数", "D6", [300, 0, 0])] } });
  expect(evaluateForm(onlyInitial).funds!.budget).toBeNull();
  expect(evaluateForm(onlyInitial).funds!.rate).toBeNull();
});

test("a 不适用 row without a 分值 has no weight (a row with one weighs 0 and the rest are rescaled)", () => {
  const f = form({
    indicators: [
      ind({ id: "a", name: "投诉件数", target: "不少于12户", actual: "不适用", weight: null }),
      ind({ id: "b", name: "节能减排", target: "不适用", actual: "不适用", weight: 10 }),
      ind({ id: "c", name: "培训人次", target: "≥200人次", actual: "200人次", weight: 30 }),
    ],
  });
  const ev = evaluateForm(f);
  expect(ev.indicators.map((r) => r.effectiveWeight)).toEqual([null, 0, 30]);
  // 30 of 30 points, scaled by 100 / (100 − 10)
  expect(ev.total!.computed).toBe(33.33);
});
