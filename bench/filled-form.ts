// A realistically filled 项目支出绩效自评表 with 20 indicator rows per 二级指标 (180 indicators), for the workbook
// benchmarks: targets and actuals as officers write them (signs, words, units, tiers, dates), every tenth row
// missing its target with its reason written, qualitative rows with the officer's score.
import { emptyForm } from "../src/domain/form";
import type { Form, Indicator } from "../src/domain/model";
import { taxonomyFor } from "../src/domain/templates/categories";

type Row = [name: string, target: string, met: string, missed: string];

const BY_LEVEL2: Record<string, Row> = {
  数量指标: ["培训人次", "≥200人次", "210人次", "180人次"],
  质量指标: ["验收合格率", "≥95%", "98%", "90%"],
  时效指标: ["完成时间", "2024年12月底前", "2024年11月20日", "2025年1月10日"],
  成本指标: ["人均培训成本", "≤500元", "480元", "560元"],
  经济效益指标: ["带动产值", "不低于100万元", "120万元", "80万元"],
  社会效益指标: ["政策知晓率", "90%以上", "92%", "85%"],
  生态效益指标: ["环境改善", "有积极影响", "达成年度指标", "部分达成年度指标并具有一定效果"],
  可持续影响指标: ["长效机制", "建立", "达成", "部分达成：巡查制度已建立，经费机制未出台"],
  服务对象满意度指标: ["服务对象满意度", "≥90%", "95%", "88%"],
};

export function filledProject(perLevel2 = 20): Form {
  const indicators: Indicator[] = [];
  for (const l1 of taxonomyFor(2020))
    for (const l2 of l1.level2) {
      const [name, target, met, missed] = BY_LEVEL2[l2.name];
      for (let i = 0; i < perLevel2; i++) {
        const miss = i % 10 === 3;
        const qualitative = l2.name === "生态效益指标" || l2.name === "可持续影响指标";
        indicators.push({
          id: `i${indicators.length + 1}`,
          level1: l1.name,
          level2: l2.name,
          name: `${name}${i + 1}`,
          target,
          actual: miss ? missed : met,
          weight: 0.5,
          enteredScore: qualitative ? (miss ? 0.35 : 0.45) : null,
          reason: miss ? "受疫情影响部分工作推迟，已于下年度优先安排，并完善进度管理。" : "",
          cells: {},
        });
      }
    }
  return emptyForm("project", "项目支出绩效自评表", "城乡居民技能培训补助项目", {
    unit: "某某市人力资源和社会保障局",
    year: 2024,
    funds: {
      moneyUnit: "万元",
      initialBudget: { value: 1200, raw: "1200" },
      budget: { value: 1250.5, raw: "1250.5" },
      spent: { value: 1190.25, raw: "1190.25" },
      weight: { value: 10, raw: "10" },
      enteredRate: null,
      enteredScore: null,
      sums: [],
    },
    goals: [{ index: 1, text: "完成全年技能培训任务，提高就业率。", actualText: "全年培训任务基本完成，资金执行率95.18%。" }],
    indicators,
    scored: true,
  });
}
