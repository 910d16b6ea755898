// The reader over the five seed fixtures (laid out as the bureaus' sheets): what a reviewer expects to be read.
import * as path from "node:path";
import type { Form } from "../../src/domain/model";
import { readXlsxFile } from "../../src/xlsx/read";
import { readForms } from "../../src/sheet/read";

const FIX = path.join(__dirname, "..", "fixtures", "xlsx");

async function formsOf(name: string): Promise<Form[]> {
  const grids = await readXlsxFile(path.join(FIX, `${name}.xlsx`));
  return grids.flatMap(readForms);
}

const byName = (f: Form, name: string) => f.indicators.find((i) => i.name.trim() === name);

describe("seed 000: by 年度目标, unscored", () => {
  let f: Form;
  beforeAll(async () => {
    const forms = await formsOf("seed000-department-goals");
    expect(forms).toHaveLength(1);
    f = forms[0];
  });
  test("kind, name, year, funds with units inside the cells", () => {
    expect(f.kind).toBe("department-goals");
    expect(f.name).toBe("武汉市蔡甸区人民代表大会常务委员会办公室");
    expect(f.year).toBe(2021);
    expect(f.funds?.budget).toMatchObject({ value: 1538.98, raw: "1538.98万元", cell: "C6" });
    expect(f.funds?.spent.value).toBe(1538.98);
    expect(f.funds?.enteredRate?.value).toBe(1);
    const kinds = f.funds?.sums.find((g) => g.label === "按支出性质分");
    expect(kinds?.parts.map((p) => [p.label, p.value])).toEqual([["基本支出", 1110.74], ["项目支出", 428.24]]);
  });
  test("six goals, 24 indicators, each in its goal block, 一级 filled down", () => {
    expect(f.goals.map((g) => g.index)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(f.indicators).toHaveLength(24);
    expect(f.scored).toBe(false);
    const i = byName(f, "代表小组开展活动次数")!;
    expect(i).toMatchObject({ goal: 6, level1: "产出指标", level2: "数量指标", target: "50次", actual: "103次" });
    expect(i.cells.name).toBe("D37");
    // row 15: 一级 and 二级 blank in the sheet, filled down
    expect(byName(f, "“公检法”办案质量管理情况完成率")).toMatchObject({ goal: 2, level1: "产出指标", level2: "数量指标" });
    expect(f.indicators.filter((x) => x.goal === 3)).toHaveLength(4);
  });
  test("the shared 偏差 section reads 无", () => {
    expect(f.sharedReason?.value).toBe("无");
    expect(f.improvement?.value).toBe("无");
  });
});

describe("seed 001: scored department form", () => {
  let f: Form;
  beforeAll(async () => {
    [f] = await formsOf("seed001-department");
  });
  test("funds header, total row and both breakdowns", () => {
    expect(f.kind).toBe("department");
    expect(f.name).toBe("衡阳县人大常委会办公室");
    expect(f.year).toBe(2020);
    const fu = f.funds!;
    expect([fu.initialBudget?.value, fu.budget.value, fu.spent.value, fu.weight?.value, fu.enteredScore?.value]).toEqual([933.5, 1139.61, 1110.2, 10, 9.5]);
    expect(fu.enteredRate?.value).toBeCloseTo(0.9742, 6);
    const g = (label: string) => fu.sums.find((s) => s.label === label)!;
    expect(g("按收入性质分").parts.map((p) => p.value)).toEqual([1117.27, null, null, 22.34]);
    expect(g("按支出性质分").total.value).toBe(1110.2);
    expect(g("按支出性质分").parts.map((p) => p.value)).toEqual([714.91, 387.37]);
    expect(g("基本支出").parts.map((p) => p.label)).toEqual(["人员经费", "公用经费"]);
  });
  test("一级 weights from the merged cells, placeholder rows skipped, full-width spaces trimmed", () => {
    expect(f.indicators).toHaveLength(16);
    expect(f.indicators.every((i) => i.name !== "")).toBe(true);
    const i = byName(f, "代表大会")!;
    expect(i).toMatchObject({ level1: "产出指标", level1Weight: 50, level2: "成本指标", target: "198万", actual: "165万", weight: 3, enteredScore: 3 });
    expect(byName(f, "群众法治满意度")).toMatchObject({ level1: "满意度指标", level1Weight: 10, weight: 5, enteredScore: 5 });
    expect(byName(f, "民生实事项目票决率")?.level1Weight).toBe(30);
  });
  test("total from the 得分 column, grade, and the empty shared reason below its label", () => {
    expect(f.enteredTotal).toMatchObject({ value: 94, cell: "H43" });
    expect(f.weightTotal).toMatchObject({ value: 100, cell: "G43" });
    expect(f.enteredGrade).toMatchObject({ value: "优秀", cell: "C43" });
    expect(f.sharedReason).toEqual({ value: "", cell: "B45" });
    expect(f.goals[0].actualText).toBe("已完成年度总体目标");
  });
});

describe("seed 002: one form per project row", () => {
  let forms: Form[];
  beforeAll(async () => {
    forms = await formsOf("seed002-multi-project");
  });
  test("eleven projects with funds split by source", () => {
    expect(forms).toHaveLength(11);
    expect(forms.every((f) => f.kind === "multi-project" && f.unit === "区人大办")).toBe(true);
    const p10 = forms.find((f) => f.name === "人大代表学习培训")!;
    expect(p10.projectRow).toBe(15);
    expect(p10.funds?.budget.value).toBe(5.89);
    expect(p10.funds?.spent.value).toBe(3.08);
    expect(p10.funds?.enteredRate?.value).toBeCloseTo(0.5229, 6);
    expect(p10.funds?.sums[0].parts.map((p) => p.label)).toEqual(["一般公共预算", "政府性基金", "非财政资金"]);
    expect(p10.sharedReason?.value).toContain("因疫情影响");
    expect(p10.improvement?.value).toBe("向未能参训的代表发放学习读本。");
  });
  test("二级 pairs become indicators; 不适用 kept; a trailing comparator splits name and target", () => {
    const p1 = forms[0];
    expect(p1.indicators).toHaveLength(7);
    expect(p1.indicators.filter((i) => i.target === "不适用")).toHaveLength(3);
    const sat = p1.indicators.find((i) => i.level2 === "服务对象满意度指标")!;
    expect(sat).toMatchObject({ level1: "满意度指标", name: "区人大代表和人民群众对人大宣传的满意程度", target: "≥95%", actual: "已完成" });
    const social = forms[6].indicators.find((i) => i.level2 === "社会效益指标")!;
    expect(social.target).toContain("有效保障人大代表联系人民群众");
    expect(social.actual).toBe("已完成");
  });
});

describe("seed 003: report with tables", () => {
  let f: Form;
  beforeAll(async () => {
    [f] = await formsOf("seed003-report");
  });
  test("kind, name from the title, 金额合计 and its columns", () => {
    expect(f.kind).toBe("report");
    expect(f.name).toBe("忻州市人民代表大会常务委员会办公室");
    expect(f.funds?.budget.value).toBe(1343.5);
    expect(f.funds?.spent.value).toBe(1343.07);
    expect(f.funds?.sums).toHaveLength(4);
    expect(f.funds?.sums[0].parts).toHaveLength(5);
    expect(f.funds?.sums[0].parts[3].label).toBe("坚持主体地位，不断夯实代表发挥作用基础。");
  });
  test("three tables, 一级 from the 二级 names, total and grade from the text", () => {
    expect(f.indicators).toHaveLength(13);
    expect(byName(f, "专项调研")).toMatchObject({ level1: "产出指标", level2: "数量", target: ">=6次以上", weight: 10, enteredScore: 10 });
    expect(byName(f, "预期达到的效果")?.level1).toBe("效益指标");
    expect(f.indicators[12].level1).toBe("满意度指标");
    expect(f.enteredTotal?.value).toBe(98.25);
    expect(f.enteredGrade?.value).toBe("优秀");
    expect(f.sharedReason?.value).toContain("财政支出的多样性");
  });
});

describe("seed 004: target tables, one form per project", () => {
  let forms: Form[];
  beforeAll(async () => {
    forms = await formsOf("seed004-targets");
  });
  test("four projects with code, budget in 元, spending plan and goal", () => {
    expect(forms.map((f) => f.name)).toEqual(["人大代表活动费", "车辆保险费", "人大会议", "综合事务管理费"]);
    expect(forms.every((f) => f.kind === "targets")).toBe(true);
    const car = forms[1];
    expect(car.code).toBe("13030321EDVATPNRXMPQI");
    expect(car.purpose).toBe("四辆公车2021年续保");
    expect(car.funds).toMatchObject({ moneyUnit: "元", budget: { value: 16000 } });
    expect(car.spendingPlan.map((p) => [p.label, p.value.value])).toEqual([["3月底", null], ["6月底", 1], ["10月底", 1], ["12月底", 1]]);
    expect(car.goals[0].text).toBe("1.保证四辆公车完成2021年续保");
  });
  test("indicators with description and basis; the broken targets as written", () => {
    const car = forms[1];
    expect(car.indicators).toHaveLength(9);
    expect(byName(car, "群众满意度")).toMatchObject({ target: "%", description: "群众对公车使用的整体满意度", basis: "年度工作计划", level1: "满意度指标" });
    expect(byName(forms[3], "完成率")?.target).toBe("45人");
    expect(byName(car, "按总成本控制")).toMatchObject({ level2: "成本指标", target: "≥100%" });
  });
});
