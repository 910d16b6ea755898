// A 项目支出 form with n indicators (every third misses its target with no reason), for filling templates.
import type { Form, Indicator } from "../../src/domain/model";
import { emptyForm } from "../../src/domain/form";

const PLACES: [string, string][] = [
  ["产出指标", "数量指标"],
  ["产出指标", "质量指标"],
  ["产出指标", "时效指标"],
  ["产出指标", "成本指标"],
  ["效益指标", "社会效益指标"],
  ["满意度指标", "服务对象满意度指标"],
];

export function projectForm(n: number): Form {
  const indicators: Indicator[] = Array.from({ length: n }, (_, i) => {
    const [level1, level2] = PLACES[i % PLACES.length];
    const miss = i % 3 === 0;
    return {
      id: `i${i + 1}`,
      level1,
      level2,
      name: `${level2.replace("指标", "")}${i + 1}`,
      target: level2 === "成本指标" ? "≤100万元" : "≥90%",
      actual: level2 === "成本指标" ? (miss ? "120万元" : "95万元") : miss ? "80%" : "95%",
      weight: 1,
      enteredScore: null,
      reason: "",
      cells: {},
    };
  });
  return emptyForm("project", "x", "测试项目", {
    unit: "测试单位",
    year: 2021,
    funds: {
      moneyUnit: "万元",
      initialBudget: { value: 100, raw: "100" },
      budget: { value: 120, raw: "120" },
      spent: { value: 110, raw: "110" },
      weight: { value: 10, raw: "10" },
      enteredRate: null,
      enteredScore: null,
      sums: [],
    },
    goals: [{ index: 1, text: "完成年度任务", actualText: "基本完成" }],
    indicators,
    scored: true,
  });
}
