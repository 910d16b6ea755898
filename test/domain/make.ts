// Builders for small synthetic forms in the domain tests.
import type { Form, Indicator, NumField } from "../../src/domain/model";
import { emptyForm } from "../../src/domain/form";

export const nf = (value: number | null, raw = value == null ? "" : String(value), cell?: string): NumField =>
  cell ? { value, raw, cell } : { value, raw };

let seq = 0;
export function ind(p: Partial<Indicator> & { name: string; target: string; actual: string }): Indicator {
  seq++;
  return {
    id: p.id ?? `i${seq}`,
    level1: "产出指标",
    level2: "数量指标",
    weight: null,
    enteredScore: null,
    reason: "",
    cells: { row: seq, target: `D${seq}`, actual: `E${seq}`, weight: `F${seq}`, score: `G${seq}`, reason: `H${seq}` },
    ...p,
  };
}

export function form(p: Partial<Form> = {}): Form {
  return emptyForm("project", "S", "测试项目", { scored: true, ...p });
}

/** A scored project form: 执行率 10 + indicators adding to 90. */
export function funds(budget: number | null, spent: number | null, extra: Partial<NonNullable<Form["funds"]>> = {}): NonNullable<Form["funds"]> {
  return {
    moneyUnit: "万元",
    initialBudget: null,
    budget: nf(budget, budget == null ? "" : String(budget), "D5"),
    spent: nf(spent, spent == null ? "" : String(spent), "E5"),
    weight: nf(10, "10", "F5"),
    enteredRate: null,
    enteredScore: null,
    sums: [],
    ...extra,
  };
}
