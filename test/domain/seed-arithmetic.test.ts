// The seeds' own arithmetic and what a bureau reviewer would reject in them.
import { evaluateForm } from "../../src/domain";
import type { Evaluation, Finding, Form } from "../../src/domain/model";
import { SEED000, SEED001, SEED002, SEED003, SEED004 } from "../fixtures/seed-data";

const codes = (e: Evaluation, code: string): Finding[] => e.findings.filter((f) => f.code === code);
const names = (fs: Finding[]): string[] => fs.map((f) => f.indicator ?? "").sort();

describe("seed 001", () => {
  const e = evaluateForm(SEED001);
  it("execution rate is 1110.2 ÷ 1139.61 = 97.42% (全年预算数, not 年初预算数), score 9.74 of 10", () => {
    expect(e.funds!.rate).toBeCloseTo(0.9742, 4);
    expect(e.funds!.score).toBe(9.74);
    expect(codes(e, "execution-rate-mismatch")).toHaveLength(0);
  });
  it("weights add up to 100 (10 + 50 + 30 + 10) and each 一级 to its declared weight", () => {
    const w = SEED001.indicators.reduce((s, i) => s + (i.weight ?? 0), 0) + (SEED001.funds!.weight!.value ?? 0);
    expect(w).toBe(100);
    expect(codes(e, "weights-sum-mismatch")).toHaveLength(0);
  });
  it("entered 总分 94 is the sum of the entered scores: no total-mismatch; 优秀 matches", () => {
    const sum = SEED001.indicators.reduce((s, i) => s + (i.enteredScore ?? 0), 0) + 9.5;
    expect(sum).toBe(94);
    expect(e.total!.entered).toBe(94);
    expect(codes(e, "total-mismatch")).toHaveLength(0);
    expect(codes(e, "grade-mismatch")).toHaveLength(0);
  });
  it("the rule total is 96.51 (优); the entered 94 is kept beside it", () => {
    expect(e.total!.computed).toBe(96.51);
    expect(e.total!.grade).toBe("优");
    expect(SEED001.enteredTotal!.value).toBe(94);
  });
  it("finds the seven missed indicators and the empty 偏差 cell", () => {
    const missed = e.indicators.filter((r) => r.status === "missed").map((r) => r.indicator.name.trim());
    expect(missed.sort()).toEqual(["总体工作完成率", "执法检查力度", "网络数据管理", "网格化管理规范达标率", "民生实事项目票决率", "群众安全幸福感", "群众法治满意度"].sort());
    const dev = codes(e, "deviation-reason-missing");
    expect(dev).toHaveLength(7);
    expect(dev.every((f) => f.cell === "B45" && f.severity === "error")).toBe(true);
    expect(names(dev)).toEqual(missed.sort());
  });
  it("costs that came in under target are met: no complaint about 代表大会 198万 → 165万", () => {
    const r = e.indicators.find((x) => x.indicator.name.trim() === "代表大会")!;
    expect(r.status).toBe("met");
    expect(e.findings.filter((f) => f.indicator === "代表大会")).toHaveLength(0);
  });
  it("keeps entered scores and flags those that differ from the rule by more than 0.1", () => {
    const diff = codes(e, "score-differs-from-rule");
    expect(names(diff)).toEqual(["代表委员调研", "代表履职能力提升", "总体工作完成率", "执法检查力度", "民生实事项目票决率", "群众安全幸福感", "群众法治满意度", "网格化管理规范达标率", "网络数据管理", "预算执行率"].sort());
    expect(diff.find((f) => f.indicator === "代表履职能力提升")!.message).toContain("2.5");
    expect(SEED001.indicators[10].enteredScore).toBe(2.5);
  });
  it("基本支出 714.91 + 项目支出 387.37 = 1102.28 ≠ 全年执行数 1110.2; sources and 人员+公用 (714.9, within 0.01) are fine", () => {
    const fs = codes(e, "funds-sum-mismatch");
    expect(fs).toHaveLength(1);
    expect(fs[0].message).toContain("1102.28");
    expect(fs[0].message).toContain("1110.2");
  });
});

describe("seed 003", () => {
  const e = evaluateForm(SEED003);
  it("rule total equals the stated 98.25 and grade 优 = 优秀", () => {
    expect(e.total!.computed).toBe(98.25);
    expect(e.total!.entered).toBe(98.25);
    expect(e.total!.grade).toBe("优");
    expect(codes(e, "total-mismatch")).toHaveLength(0);
    expect(codes(e, "grade-mismatch")).toHaveLength(0);
    expect(codes(e, "score-differs-from-rule")).toHaveLength(0);
  });
  it("the 资金使用情况 columns add up to 金额合计", () => {
    expect(codes(e, "funds-sum-mismatch")).toHaveLength(0);
  });
  it("weights add up to 100", () => expect(codes(e, "weights-sum-mismatch")).toHaveLength(0));
});

describe("seed 002", () => {
  const rates: [string, number][] = [
    ["人大宣传", 99.98], ["信息系统维护与开发", 100], ["办公设备购置", 99.76], ["其他一般管理事务", 95.52],
    ["人大常委会会议、主任会议", 100], ["人大会议", 100], ["“一室五委”调研和活动", 100], ["人大代表家站点建设", 99.62],
    ["人大代表履职", 99.98], ["人大代表学习培训", 52.29], ["换届选举", 98.49],
  ];
  it.each(rates)("%s executes at %f%% (to 0.01%%), matching the form", (name, pct) => {
    const f = SEED002.find((x) => x.name === name)!;
    const e = evaluateForm(f);
    expect(Math.round(e.funds!.rate! * 10000) / 100).toBe(pct);
    expect(codes(e, "execution-rate-mismatch")).toHaveLength(0);
  });
  it("project 10 (52.29%) is explained by its 存在的问题 text: no finding", () => {
    expect(codes(evaluateForm(SEED002[9]), "deviation-reason-missing")).toHaveLength(0);
  });
  it("without that text, the low execution needs a reason", () => {
    const f: Form = { ...SEED002[9], sharedReason: { value: "无", cell: "AC17" } };
    const dev = codes(evaluateForm(f), "deviation-reason-missing");
    expect(dev).toHaveLength(1);
    expect(dev[0].cell).toBe("AC17");
    expect(dev[0].message).toContain("52.29%");
  });
  it("不适用 pairs are not applicable and nothing else is flagged", () => {
    for (const f of SEED002) {
      const e = evaluateForm(f);
      expect(e.findings.filter((x) => x.severity !== "info")).toEqual([]);
    }
  });
});

describe("seed 000", () => {
  const e = evaluateForm(SEED000);
  it("finds the six unexplained over-achievements ≥ 130% (50次 → 103次 …); 无 counts as no explanation", () => {
    const over = codes(e, "over-target-unexplained");
    expect(names(over)).toEqual(
      ["人大常委会召开次数", "听取和审议“一府一委两院”专项工作报告以及计划、预算决算、审计工作报告", "法律法规实施检查项目", "作出相应决议决定", "接待处理群众来访来信", "代表小组开展活动次数"].sort(),
    );
    expect(over.find((f) => f.indicator === "代表小组开展活动次数")!.message).toContain("206%");
  });
  it("108% (50条 → 54条) is below the trigger", () => {
    expect(e.indicators.find((r) => r.indicator.name === "收集整理意见建议")!.status).toBe("met");
  });
  it("an explanation naming the indicator in the shared cell clears it", () => {
    const f: Form = { ...SEED000, sharedReason: { value: "代表小组开展活动次数超出目标，因换届年活动增加", cell: "B46" } };
    const over = codes(evaluateForm(f), "over-target-unexplained");
    expect(over).toHaveLength(5);
    expect(names(over)).not.toContain("代表小组开展活动次数");
  });
  it("funds: 1110.74万元 + 428.24 万元 = 1538.98万元 and 100% execution", () => {
    expect(e.funds!.rate).toBe(1);
    expect(codes(e, "funds-sum-mismatch")).toHaveLength(0);
  });
});

describe("seed 004", () => {
  const all = SEED004.map((f) => evaluateForm(f));
  const find = (code: string, name: string) => all.flatMap((e) => codes(e, code)).filter((f) => f.indicator === name);
  it('"%" with no number is target-invalid', () => {
    const fs = codes(all[1], "target-invalid").filter((f) => f.indicator === "群众满意度");
    expect(fs).toHaveLength(1);
    expect(fs[0].severity).toBe("error");
  });
  it("a count with ≥90% is direction-suspicious", () => {
    expect(find("direction-suspicious", "开展社会服务活动次数")).toHaveLength(1);
    expect(find("direction-suspicious", "支付办公经费人数")).toHaveLength(1);
    expect(find("direction-suspicious", "完成续保车辆的数量")).toHaveLength(1);
  });
  it("a 完成率 of 45人 is target-invalid (a rate needs %)", () => {
    const fs = codes(all[3], "target-invalid").filter((f) => f.indicator === "完成率");
    expect(fs).toHaveLength(1);
    expect(fs[0].message).toContain("45人");
  });
  it("a cost with ≥100% (and ≥90%) is direction-suspicious", () => {
    expect(find("direction-suspicious", "按总成本控制")[0].message).toContain("≥100%");
    expect(find("direction-suspicious", "会议人均成本")).toHaveLength(1);
    expect(find("direction-suspicious", "参加培训人均成本")).toHaveLength(1);
  });
  it("spending plans rise and end at 100%; budgets are in 元", () => {
    expect(all.flatMap((e) => codes(e, "spending-plan-invalid"))).toHaveLength(0);
    expect(all[0].funds!.budget).toBe(100000);
    expect(SEED004[0].funds!.moneyUnit).toBe("元");
  });
  it("nothing asks for actuals before the year", () => {
    expect(all.flatMap((e) => codes(e, "actual-missing"))).toHaveLength(0);
  });
});
