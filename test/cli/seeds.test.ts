// `jixiao check` over each seed fixture: the findings a reviewer at the finance bureau would expect, one by one.
import { fixture, runJson } from "./helpers";
import type { JsonFinding, JsonForm } from "../../src/cli/report-json";

const codes = (f: JsonForm, code: string): JsonFinding[] => f.findings.filter((x) => x.code === code);

describe("seed 001 (scored department form)", () => {
  let form: JsonForm;
  let code: number;
  beforeAll(async () => {
    const r = await runJson(["check", fixture("seed001-department")]);
    code = r.code;
    expect(r.json.files[0].error).toBeNull();
    expect(r.json.files[0].forms).toHaveLength(1);
    form = r.json.files[0].forms[0];
  });
  test("the seven missed indicators without a reason, each named", () => {
    const missing = codes(form, "deviation-reason-missing");
    expect(missing.map((f) => f.indicator).sort()).toEqual(
      ["总体工作完成率", "执法检查力度", "网络数据管理", "网格化管理规范达标率", "民生实事项目票决率", "群众安全幸福感", "群众法治满意度"].sort(),
    );
    for (const f of missing) expect(f.severity).toBe("error");
    expect(code).toBe(1);
  });
  test("基本支出 + 项目支出 ≠ 全年执行数, and only that breakdown", () => {
    const sums = codes(form, "funds-sum-mismatch");
    expect(sums).toHaveLength(1);
    expect(sums[0].message).toContain("基本支出");
    expect(sums[0].message).toContain("项目支出");
    expect(sums[0].message).toContain("1110.2");
  });
  test("no complaint about the 成本指标 costs that came in under target", () => {
    const costs = form.indicators.filter((i) => i.level2 === "成本指标");
    expect(costs.map((i) => i.name)).toEqual(["代表大会", "代表履职能力提升", "代表委员调研"]);
    for (const c of costs) expect(c.status).toBe("met");
    const aboutCosts = form.findings.filter((f) => costs.some((c) => c.name === f.indicator) && f.code !== "score-differs-from-rule");
    expect(aboutCosts).toEqual([]);
  });
  test("funds, totals and grade in the JSON shape", () => {
    expect(form.kind).toBe("department");
    expect(form.name).toBe("衡阳县人大常委会办公室");
    expect(form.funds).toMatchObject({ budget: 1139.61, spent: 1110.2, weight: 10, enteredScore: 9.5 });
    expect(form.funds!.rate).toBeCloseTo(1110.2 / 1139.61, 4);
    expect(form.total?.entered).toBe(94);
    expect(form.total?.grade).toBe("优");
    expect(form.findings.map((f) => f.severity)).toEqual([...form.findings.map((f) => f.severity)].sort((a, b) => ["error", "warning", "info"].indexOf(a) - ["error", "warning", "info"].indexOf(b)));
  });
});

describe("seed 000 (by 年度目标)", () => {
  let form: JsonForm;
  beforeAll(async () => {
    form = (await runJson(["check", fixture("seed000-department-goals")])).json.files[0].forms[0];
  });
  test("far above target and unexplained (the shared section says only 无)", () => {
    const over = codes(form, "over-target-unexplained").map((f) => f.indicator);
    expect(over).toContain("代表小组开展活动次数"); // 50次 → 103次
    expect(over).toContain("人大常委会召开次数"); // 5次 → 9次
    expect(over).toContain("作出相应决议决定"); // ≥2项 → 8项
    expect(over).toContain("接待处理群众来访来信"); // 30件次 → 46件次
    expect(over).not.toContain("收集整理意见建议"); // 50条 → 54条 is within 130%
    expect(over).not.toContain("信访件办结率");
    const i = form.indicators.find((x) => x.name === "代表小组开展活动次数")!;
    expect(i).toMatchObject({ target: "50次", actual: "103次", status: "exceeded", cell: "D37" });
  });
  test("nothing missed, nothing scored", () => {
    expect(codes(form, "deviation-reason-missing")).toEqual([]);
    expect(form.kind).toBe("department-goals");
    expect(form.total).toBeNull();
  });
});

describe("seed 002 (one row per project)", () => {
  let forms: JsonForm[];
  beforeAll(async () => {
    forms = (await runJson(["check", fixture("seed002-multi-project")])).json.files[0].forms;
  });
  test("eleven project forms", () => {
    expect(forms).toHaveLength(11);
    expect(forms.every((f) => f.kind === "multi-project")).toBe(true);
  });
  test("project 10: 52.29% execution, explained in 项目执行中存在的问题 — no missing-reason finding", () => {
    const p10 = forms.find((f) => f.name === "人大代表学习培训")!;
    expect(p10.funds?.rate).toBeCloseTo(3.08 / 5.89, 4);
    expect(codes(p10, "deviation-reason-missing")).toEqual([]);
  });
  test("不适用 pairs are left out, not flagged", () => {
    const p1 = forms[0];
    expect(p1.indicators.filter((i) => i.status === "not-applicable")).toHaveLength(3);
    expect(p1.findings.filter((f) => f.severity === "error")).toEqual([]);
  });
});

describe("seed 003 (report)", () => {
  test("total 98.25 and 优秀 are consistent", async () => {
    const form = (await runJson(["check", fixture("seed003-report")])).json.files[0].forms[0];
    expect(form.kind).toBe("report");
    expect(form.total).toEqual({ entered: 98.25, computed: 98.25, grade: "优", complete: true, unscored: 0, unscoredWeight: 0 });
    expect(codes(form, "total-mismatch")).toEqual([]);
    expect(codes(form, "grade-mismatch")).toEqual([]);
    expect(codes(form, "funds-sum-mismatch")).toEqual([]);
  });
});

describe("seed 004 (target tables)", () => {
  let forms: JsonForm[];
  beforeAll(async () => {
    forms = (await runJson(["check", fixture("seed004-targets")])).json.files[0].forms;
  });
  const find = (project: string, name: string) => forms.find((f) => f.name === project)!.findings.filter((f) => f.indicator === name);
  test("the broken targets", () => {
    expect(forms.map((f) => f.kind)).toEqual(["targets", "targets", "targets", "targets"]);
    expect(find("车辆保险费", "群众满意度").map((f) => f.code)).toContain("target-invalid"); // "%"
    expect(find("人大代表活动费", "开展社会服务活动次数").map((f) => f.code)).toContain("direction-suspicious"); // a count with ≥90%
    expect(find("车辆保险费", "按总成本控制").map((f) => f.code)).toContain("direction-suspicious"); // a cost with ≥100%
    const rate45 = find("综合事务管理费", "完成率");
    expect(rate45.length).toBeGreaterThan(0); // a 完成率 with "45人"
    expect(rate45[0].message).toContain("45人");
  });
  test("nothing about actuals before the year", () => {
    for (const f of forms) {
      expect(codes(f, "actual-missing")).toEqual([]);
      expect(codes(f, "deviation-reason-missing")).toEqual([]);
    }
  });
});
