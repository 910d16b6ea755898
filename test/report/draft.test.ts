// The report drafted from each seed (read from the fixture workbooks as the CLI reads them): its numbers, each
// missed or far-exceeded indicator with the reason written on the form (or a placeholder saying it is missing),
// the outline of its kind, and the verdict at the top. Expectations come from the seeds' own figures and from
// the rules (docs/rules.md), worked out here by hand.
import type { Evaluation } from "../../src/domain/model";
import { chineseOrdinal, draftReport, fileStem, placeholderCount } from "../../src/domain/report/draft";
import { PHRASES } from "../../src/domain/report/phrases";
import { draftOf, draftText, evaluationsOf, runsText, section, sections, tables } from "./helpers";

const headings = (d: ReturnType<typeof draftOf>, level: 1 | 2 | 3) =>
  d.blocks.filter((b) => b.type === "heading" && b.level === level).map((b) => (b.type === "heading" ? runsText(b.runs) : ""));

describe("seed 001: 部门整体支出, scored (衡阳县人大常委会办公室, 2020)", () => {
  let evs: Evaluation[];
  let d: ReturnType<typeof draftOf>;
  beforeAll(async () => {
    evs = await evaluationsOf("seed001-department");
    d = draftOf(evs);
  });

  test("the 部门整体 outline, with the unit and year in the title", () => {
    expect(runsText(d.title)).toBe("衡阳县人大常委会办公室部门整体支出绩效自评报告");
    expect(d.subtitle.map(runsText)).toContain("（2020年度）");
    expect(headings(d, 1)).toEqual(["一、部门基本情况", "二、部门整体支出情况", "三、绩效目标完成情况", "四、偏差原因分析及改进措施", "五、自评结论"]);
    // 职能、机构和人员 are not on the form: placeholders
    expect(section(d, "部门基本情况")).toMatch(/【请补充：部门主要职能】/);
    expect(section(d, "部门基本情况")).toMatch(/【请补充：内设机构、编制和实有人员情况】/);
  });

  test("funds as written: 年初 933.5, 全年预算 1139.61, 执行 1110.2, 执行率 97.42%, 执行率得分 9.5 of 10", () => {
    const funds = section(d, "部门整体支出情况");
    expect(funds).toContain("年初预算数933.5万元");
    expect(funds).toContain("全年预算数1139.61万元");
    expect(funds).toContain("全年执行数1110.2万元");
    expect(funds).toContain("预算执行率为97.42%"); // 1110.2 ÷ 1139.61 = 0.97419…
    expect(funds).toContain("执行率分值10分，得分9.5分");
    // the breakdowns the form holds
    expect(funds).toContain("一般公共预算1117.27万元");
    expect(funds).toContain("其他资金22.34万元");
    expect(funds).toContain("人员经费553.2万元");
    expect(funds).toContain("公用经费161.7万元");
  });

  test("the indicator table: every indicator with target, actual, 分值 and 得分 as written, and 总分 100 / 94", () => {
    const t = tables(d).find((x) => runsText(x.caption).includes("绩效指标完成情况"))!;
    expect(t.columns.map((c) => c.header)).toEqual(["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "完成情况"]);
    const rows = t.rows.map((r) => r.map(runsText));
    const row = (name: string) => rows.find((r) => r[2] === name);
    // seed rows: name, target, actual, 分值, 得分
    const seed: [string, string, string, string, string][] = [
      ["总体工作完成率", "100%", "98%", "8", "7.5"],
      ["财政供养人员控制率", "100%", "100%", "5", "5"],
      ["执法检查力度", "100%", "98%", "5", "4.5"],
      ["网络数据管理", "80%", "70%", "5", "4"],
      ["资产利用率", "0%", "0%", "5", "5"],
      ["网格化管理规范达标率", "60%", "54%", "3", "2.5"],
      ["代表委员培训率", "80%", "80%", "3", "3"],
      ["执法检查", "100%", "100%", "3", "3"],
      ["接待群众信访", "100%", "100%", "4", "4"],
      ["代表大会", "198万", "165万", "3", "3"],
      ["代表履职能力提升", "61万", "58万", "3", "2.5"],
      ["代表委员调研", "127万", "119万", "3", "2.5"],
      ["全县重大活动差率", "0%", "0%", "15", "15"],
      ["民生实事项目票决率", "100%", "90%", "15", "13"],
      ["群众安全幸福感", "100%", "95%", "5", "5"],
      ["群众法治满意度", "100%", "94%", "5", "5"],
    ];
    for (const [name, target, actual, weight, score] of seed) expect(row(name)?.slice(3, 7)).toEqual([target, actual, weight, score]);
    // the empty placeholder rows of the form are not indicators
    expect(rows.filter((r) => r[2] !== "—" && r[2] !== "")).toHaveLength(seed.length);
    expect(rows[0].slice(0, 1).concat(rows[0].slice(4, 7))).toEqual(["预算执行率", "97.42%", "10", "9.5"]);
    expect(rows[rows.length - 1]).toEqual(["总分", "", "", "", "", "100", "94", ""]);
  });

  test("by 一级: 产出 50, 效益 30, 满意度 10 as declared in the 一级 cells, with the scores written under each", () => {
    const goals = section(d, "绩效目标完成情况");
    expect(goals).toContain("产出指标共12项，分值50分，得分46.5分"); // 7.5+5+4.5+4+5+2.5+3+3+4+3+2.5+2.5
    expect(goals).toContain("效益指标共2项，分值30分，得分28分"); // 15+13
    expect(goals).toContain("满意度指标共2项，分值10分，得分10分");
    expect(goals).toContain("已完成年度总体目标");
  });

  test("each missed indicator in 偏差原因分析, with the reason missing: the form's 偏差 cell is empty", () => {
    const dev = section(d, "偏差原因分析及改进措施");
    // B < A for ≥ targets (the seed's own figures); the three 成本 costs came in under target and are met (≤).
    const missed = ["总体工作完成率", "执法检查力度", "网络数据管理", "网格化管理规范达标率", "民生实事项目票决率", "群众安全幸福感", "群众法治满意度"];
    const lines = dev.split("\n").filter((l) => /^\d+\. /.test(l));
    expect(lines).toHaveLength(missed.length);
    for (const name of missed) {
      const line = lines.find((l) => l.includes(`${name}：`))!;
      expect(line).toBeDefined();
      expect(line).toContain("未达到年度指标值");
      expect(line).toContain(`【请补充：「${name}」的偏差原因及改进措施（自评表中未填写）】`);
    }
    for (const cost of ["代表大会", "代表履职能力提升", "代表委员调研", "财政供养人员控制率"]) expect(dev).not.toContain(`${cost}：`);
    expect(dev).toContain("网络数据管理：年度指标值为80%，实际完成值为70%");
  });

  test("the conclusion states 总分 94 and 优秀 as entered, and that the rules give 96.51", () => {
    const c = section(d, "自评结论");
    expect(c).toContain("总分为94分，自评等级为“优秀”");
    // 9.5 + the 16 scores written = 94: the parts add up to what the form says
    expect(c).toContain("预算执行率得分9.5分，绩效指标得分84.5分");
    // by docs/rules.md#scoring: 1110.2/1139.61 × 10 = 9.74; 8×.98 + 5 + 5×.98 + 5×70/80 + 5 + 3×54/60 + 3 + 3 + 4
    // + 3 + 3 + 3 + 15 + 15×.9 + 5×.95 + 5×.94 = 86.77; 9.74 + 86.77 = 96.51
    expect(c).toContain("按评分规则计算为96.51分");
    expect(c).not.toContain("暂计");
  });

  test("the verdict at the top: the form is complete but has errors (the missing reasons, 基本+项目 ≠ 执行数)", () => {
    expect(d.verdict).toMatchObject({ empty: false, complete: true, ready: false });
    const notice = d.blocks[0];
    expect(notice.type).toBe("notice");
    if (notice.type !== "notice") return;
    expect(notice.tone).toBe("errors");
    expect(runsText(notice.runs)).toContain("报送前请在自评表中改正");
    const items = notice.items.map(runsText);
    // 714.91 + 387.37 = 1102.28 ≠ 1110.2
    expect(items.some((i) => i.includes("基本支出") && i.includes("项目支出") && i.includes("1110.2"))).toBe(true);
    for (const name of ["总体工作完成率", "群众法治满意度"]) expect(items.some((i) => i.includes(name) && i.startsWith("（B45）"))).toBe(true);
  });
});

describe("seed 003: report tables (忻州市人大常委会办公室, 2021)", () => {
  let d: ReturnType<typeof draftOf>;
  beforeAll(async () => {
    d = draftOf(await evaluationsOf("seed003-report"));
  });
  test("总分 98.25 优秀 as stated, and no notice: the form is ready", () => {
    expect(d.verdict).toMatchObject({ complete: true, ready: true });
    expect(d.blocks.some((b) => b.type === "notice")).toBe(false);
    expect(section(d, "自评结论")).toContain("总分为98.25分，自评等级为“优秀”");
  });
  test("funds: 预算 1343.50, 执行 1343.07, 执行率 99.97%, and the 资金使用情况 by 职能 as a table", () => {
    const funds = section(d, "部门整体支出情况");
    expect(funds).toContain("预算数1343.5万元");
    expect(funds).toContain("执行数1343.07万元");
    expect(funds).toContain("预算执行率为99.97%"); // 1343.07 ÷ 1343.50 = 0.99968
    const t = tables(d).find((x) => runsText(x.caption).includes("资金使用情况"))!;
    const rows = t.rows.map((r) => r.map(runsText));
    expect(rows.find((r) => r[0].startsWith("坚持主体地位"))?.slice(1)).toEqual(expect.arrayContaining(["102.73", "102.3", "84.98"]));
    expect(rows[rows.length - 1][0]).toBe("金额合计");
    expect(rows[rows.length - 1]).toEqual(expect.arrayContaining(["1343.5", "1343.07", "1325.75"]));
  });
  test("the weights and scores of each part (履职完成 60, 履职效果 35, 满意度 5)", () => {
    const g = section(d, "绩效目标完成情况");
    expect(g).toContain("产出指标共7项，分值60分，得分59分"); // 10+10+10+5+9.5+9.5+5
    expect(g).toContain("效益指标共5项，分值35分，得分34.25分"); // 10+9.5+4.75+5+5
    expect(g).toContain("满意度指标共1项，分值5分，得分5分");
  });
  test("the problems and measures written in the report are quoted", () => {
    const dev = section(d, "偏差原因分析及改进措施");
    expect(dev).toContain("由于财政支出的多样性和复杂性");
    expect(dev).toContain("提高对预算绩效管理的认识");
  });
});

describe("seed 002: one row per project (龙岗区人大常委会办公室, 2021)", () => {
  let d: ReturnType<typeof draftOf>;
  const projects = [
    "人大宣传", "信息系统维护与开发", "办公设备购置", "其他一般管理事务", "人大常委会会议、主任会议", "人大会议",
    "“一室五委”调研和活动", "人大代表家站点建设", "人大代表履职", "人大代表学习培训", "换届选举",
  ];
  beforeAll(async () => {
    d = draftOf(await evaluationsOf("seed002-multi-project"));
  });
  test("one report with a section per project, in the sheet's order", () => {
    expect(d.kind).toBe("multi-project");
    const h2 = headings(d, 2);
    expect(h2).toHaveLength(projects.length);
    projects.forEach((p, k) => expect(h2[k]).toMatch(new RegExp(`^（[一二三四五六七八九十]+）${p.replace(/[“”]/g, ".")}$`)));
    expect(h2[9]).toBe("（十）人大代表学习培训");
  });
  test("project 10 at 52.29% with its explanation and 整改情况", () => {
    const p10 = section(d, "人大代表学习培训", 2);
    expect(p10).toContain("预算数5.89万元");
    expect(p10).toContain("执行数3.08万元");
    expect(p10).toContain("预算执行率为52.29%"); // 3.08 ÷ 5.89
    expect(p10).toContain("因疫情影响，无法大规模开展代表学习培训，仅组织了小范围培训。");
    expect(p10).toContain("向未能参训的代表发放学习读本。");
    expect(p10).not.toContain("【请补充：预算执行率偏低的原因");
    const conclusion = section(d, "自评结论");
    expect(conclusion).toContain("人大代表学习培训（52.29%）");
    // the other projects are at or above 90%
    for (const p of projects.filter((x) => x !== "人大代表学习培训")) expect(conclusion).not.toContain(`${p}（`);
  });
  test("the funds table lists each project's budget, spending and rate", () => {
    const t = tables(d)[0];
    const rows = t.rows.map((r) => r.map(runsText));
    expect(rows.map((r) => r[0])).toEqual(projects);
    expect(rows[0]).toEqual(["人大宣传", "130", "129.97", "99.98%"]);
    expect(rows[9]).toEqual(["人大代表学习培训", "5.89", "3.08", "52.29%"]);
    // Σ budgets 1040.55, Σ spent 1016.05 (the 11 rows of the seed)
    expect(section(d, "基本情况")).toContain("预算合计1040.55万元，实际支出合计1016.05万元");
  });
  test("不适用 indicators are shown as such and no grade is invented", () => {
    const p1 = section(d, "人大宣传", 2);
    expect(p1).toContain("不适用");
    expect(draftText(d)).not.toMatch(/自评等级为/);
  });
});

describe("seed 000: 部门整体 by 年度目标, unscored (蔡甸区人大常委会办公室, 2021)", () => {
  let d: ReturnType<typeof draftOf>;
  beforeAll(async () => {
    d = draftOf(await evaluationsOf("seed000-department-goals"));
  });
  test("by goal: six 年度目标 with their own indicator tables, without 分值/得分", () => {
    expect(headings(d, 2).filter((h) => h.includes("年度目标"))).toEqual([1, 2, 3, 4, 5, 6].map((i) => `（${"一二三四五六"[i - 1]}）年度目标${i}`));
    const goalTables = tables(d).filter((t) => runsText(t.caption).includes("年度目标"));
    expect(goalTables).toHaveLength(6);
    for (const t of goalTables) expect(t.columns.map((c) => c.header)).not.toContain("分值");
    expect(section(d, "年度目标6", 2)).toContain("“代表小组开展活动次数”年度指标值为50次，实际完成值为103次");
  });
  test("funds: 1538.98 budget and spending, 100%", () => {
    const f = section(d, "部门整体支出情况");
    expect(f).toContain("预算数1538.98万元，执行数1538.98万元，预算执行率为100%");
  });
  test("every result at or above 130% of its target is in 偏差原因分析, its reason missing (the shared cell says 无)", () => {
    const dev = section(d, "偏差原因分析及改进措施");
    // [name, target, actual] from the seed; far above target = actual ≥ 130% of it
    // (docs/rules.md#when-a-reason-is-required)
    const seed: [string, number, number][] = [
      ["人大常委会召开次数", 5, 9],
      ["听取和审议“一府一委两院”专项工作报告以及计划、预算决算、审计工作报告", 4, 13],
      ["法律法规实施检查项目", 2, 5],
      ["作出相应决议决定", 2, 8],
      ["接待处理群众来访来信", 30, 46],
      ["代表小组开展活动次数", 50, 103],
      ["收集整理意见建议", 50, 54],
      ["信访件办结率", 95, 100],
      ["向选民报告履职情况人数", 60, 60],
    ];
    for (const [name, target, actual] of seed) {
      const listed = dev.includes(`${name}：`);
      expect([name, listed]).toEqual([name, actual / target >= 1.3]);
      if (listed) expect(dev).toContain(`【请补充：「${name}」的偏差原因及改进措施（自评表中未填写）】`);
    }
    expect(dev).toContain("“代表小组开展活动次数”".slice(1, -1) + "：年度指标值为50次，实际完成值为103次，为年度指标值的206%");
  });
  test("no score and no grade: the conclusion counts the results", () => {
    const c = section(d, "自评结论");
    expect(c).toContain("本表不设分值和等级");
    expect(c).toContain("24项绩效指标中，达成18项，超额完成6项");
    expect(c).not.toMatch(/总分|等级为/);
  });
});

describe("seed 004: a targets table has no report", () => {
  test("draftReport says so in Chinese", async () => {
    const r = draftReport(await evaluationsOf("seed004-targets"));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.reason).toBe("targets");
    expect(r.error.message).toMatch(/绩效目标表/);
    expect(r.error.message).toMatch(/不是自评表/);
  });
  test("nothing at all: no form", () => {
    const r = draftReport([]);
    expect(r).toMatchObject({ ok: false, error: { reason: "no-form" } });
  });
});

describe("a project form (10号 附件1)", () => {
  let d: ReturnType<typeof draftOf>;
  beforeAll(async () => {
    d = draftOf(await evaluationsOf("variant-national-project"));
  });
  test("the project outline with its sub-sections", () => {
    expect(runsText(d.title)).toBe("社区养老服务补助项目支出绩效自评报告");
    expect(headings(d, 1)).toEqual(["一、基本情况", "二、绩效目标实现情况", "三、偏差原因分析及改进措施", "四、自评结论", "五、存在的问题及下一步改进措施"]);
    expect(headings(d, 2)).toEqual(["（一）项目概况", "（二）资金投入和使用情况", "（一）总体目标完成情况", "（二）各项指标完成情况"]);
    expect(section(d, "项目概况", 2)).toContain("【请补充：项目背景、立项依据、主要内容和实施情况】");
    expect(section(d, "存在的问题")).toContain("【请补充：自评结果应用及公开情况（结果应用）】");
  });
  test("年初 50, 全年 43.2, 执行 37.24: the rate is on the adjusted budget (86.2%), below 90% and unexplained", () => {
    const funds = section(d, "资金投入和使用情况", 2);
    expect(funds).toContain("年初预算数50万元，全年预算数43.2万元，全年执行数37.24万元，预算执行率为86.2%");
    const dev = section(d, "偏差原因分析");
    expect(dev).toContain("预算执行率：86.2%，低于90%");
    expect(dev).toContain("【请补充：预算执行率偏低的原因及改进措施（自评表中未填写）】");
  });
  test("a missed indicator quotes the reason written in its row; a 部分达成 without one asks for it", () => {
    const dev = section(d, "偏差原因分析");
    expect(dev).toContain("服务满意达标率：年度指标值为≥95%，实际完成值为92%，未达到年度指标值。偏差原因及改进措施：部分服务点人员不足，已补充招聘");
    expect(dev).toContain("服务机制长效运行：年度指标值为长期，实际完成值为部分达成年度指标并具有一定效果，部分达成。");
    expect(dev).toContain("【请补充：「服务机制长效运行」的偏差原因及改进措施（自评表中未填写）】");
  });
  test("what the form does not hold is left as visible placeholders, never invented", () => {
    const text = draftText(d);
    expect(placeholderCount(d)).toBeGreaterThanOrEqual(5);
    const ph = text.match(/【请补充：[^】]*】/g) ?? [];
    expect(ph.length).toBe(placeholderCount(d));
    // every number in the draft's prose is on the form or computed from it
    const numbers = new Set((section(d, "资金投入和使用情况", 2).match(/\d+(\.\d+)?/g) ?? []).map(Number));
    for (const n of numbers) expect([2023, 50, 43.2, 37.24, 86.2, 10, 9, 90]).toContain(n);
  });
});

describe("deterministic", () => {
  test("the same evaluations give the same draft", async () => {
    const a = draftReport(await evaluationsOf("seed001-department"));
    const b = draftReport(await evaluationsOf("seed001-department"));
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
  test("every phrase's slots are named in braces and nothing else is", () => {
    for (const [key, phrase] of Object.entries(PHRASES)) expect([key, phrase.replace(/\{\w+\}/g, "")]).toEqual([key, expect.not.stringMatching(/[{}]/)]);
  });
});

test("headings never skip a level and tables are numbered in order", async () => {
  for (const name of ["seed000-department-goals", "seed001-department", "seed002-multi-project", "seed003-report", "variant-national-project"]) {
    const d = draftOf(await evaluationsOf(name));
    let last = 0;
    for (const b of d.blocks)
      if (b.type === "heading") {
        expect([name, b.level <= last + 1]).toEqual([name, true]);
        last = b.level;
      }
    tables(d).forEach((t, k) => expect(runsText(t.caption).startsWith(`表${k + 1}\u3000`)).toBe(true));
    expect(sections(d).size).toBeGreaterThanOrEqual(4);
  }
});

test("the file name of a report: its title without path, reserved or control characters", async () => {
  const d = draftOf(await evaluationsOf("seed001-department"));
  expect(d.fileStem).toBe("衡阳县人大常委会办公室部门整体支出绩效自评报告");
  expect(fileStem('a/b\\c:d*e?f"g<h>i|j\u202ek\u0007l【请补充：名称】')).toBe("abcdefghijkl请补充：名称");
  expect(fileStem("\u0001/")).toBe("自评报告");
  expect(fileStem("长".repeat(200))).toHaveLength(80);
});

test("Chinese ordinals for headings", () => {
  expect([1, 9, 10, 11, 19, 20, 21, 99, 100].map(chineseOrdinal)).toEqual(["一", "九", "十", "十一", "十九", "二十", "二十一", "九十九", "100"]);
});
