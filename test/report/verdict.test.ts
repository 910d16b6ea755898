// The report reflects the verdict (docs/rules.md#ready-to-send): a blank form gives an outline that says so; an
// incomplete form gives a draft that says so at the top, lists what is missing, and shows a provisional total, never
// a grade.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { evaluateForm } from "../../src/domain/evaluate";
import type { Form } from "../../src/domain/model";
import { draftReport } from "../../src/domain/report/draft";
import { readForms } from "../../src/sheet/read";
import { readXlsxFile } from "../../src/xlsx/read";
import { draftOf, draftText, fixture, runsText, section } from "./helpers";

async function formsOf(name: string): Promise<Form[]> {
  return (await readXlsxFile(fixture(name))).flatMap((g) => readForms(g));
}

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe("an incomplete project form", () => {
  // The national project variant with the actual of 服务满意达标率 (分值 15) erased and the officer's score of
  // the qualitative 服务机制长效运行 (分值 10, 部分达成) erased: two indicators without a score.
  let form: Form;
  let d: ReturnType<typeof draftOf>;
  beforeAll(async () => {
    form = clone((await formsOf("variant-national-project"))[0]);
    const rate = form.indicators.find((i) => i.name === "服务满意达标率")!;
    rate.actual = "";
    const lasting = form.indicators.find((i) => i.name === "服务机制长效运行")!;
    lasting.enteredScore = null;
    d = draftOf([evaluateForm(form)]);
  });

  test("the engine calls it incomplete", () => {
    expect(d.verdict).toMatchObject({ empty: false, complete: false, ready: false });
  });

  test("the draft says so at the top, before anything else, and lists what is missing with its cells", () => {
    const first = d.blocks[0];
    expect(first.type).toBe("notice");
    if (first.type !== "notice") return;
    expect(first.tone).toBe("incomplete");
    expect(runsText(first.runs)).toContain("自评表尚未填写完整");
    expect(runsText(first.runs)).toContain("不是最终结果");
    const items = first.items.map(runsText);
    const rate = form.indicators.find((i) => i.name === "服务满意达标率")!;
    expect(items.some((i) => i.includes("服务满意达标率") && i.startsWith(`（${rate.cells.actual}）`))).toBe(true);
    expect(items.some((i) => i.includes("服务机制长效运行"))).toBe(true);
  });

  test("a provisional total, and no grade", () => {
    const c = section(d, "自评结论");
    // 执行率 37.24 ÷ 43.2 × 10 = 8.62; scored: 20 + 10 + 5 + 20 + 10 = 65 → 73.62; open: 2 indicators, 15 + 10 points
    expect(c).toContain("暂计73.62分（尚有 2 项、25 分未评分）");
    expect(c).not.toMatch(/自评等级为|优秀|良好/);
    expect(draftText(d)).not.toMatch(/自评等级为/);
  });

  test("the indicator without an actual is named where deviations are discussed", () => {
    expect(section(d, "偏差原因分析")).toContain("以下指标尚未填写实际完成值，无法判断是否存在偏差：服务满意达标率");
  });
});

describe("a blank form", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "jx-report-blank-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("made by jixiao new: an outline that says the form is not filled in, no conclusion", async () => {
    const file = join(dir, "blank.xlsx");
    const silent = { out: () => undefined, err: () => undefined };
    expect(await main(["new", "project", "-o", file, "--year", "2025", "--unit", "某区民政局", "--project", "测试项目"], silent)).toBe(0);
    const forms = (await readXlsxFile(file)).flatMap((g) => readForms(g));
    expect(forms).toHaveLength(1);
    const ev = evaluateForm(forms[0]);
    const r = draftReport([ev]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const d = r.draft;
    expect(d.verdict).toMatchObject({ empty: true, complete: false, ready: false });
    const first = d.blocks[0];
    expect(first.type === "notice" && first.tone).toBe("empty");
    expect(first.type === "notice" && runsText(first.runs)).toContain("自评表尚未填写");
    const text = draftText(d);
    expect(text).not.toMatch(/自评等级为|总分为/);
    expect(runsText(d.title)).toBe("测试项目项目支出绩效自评报告");
    // nothing is claimed that the blank form does not show
    const dev = section(d, "偏差原因分析");
    expect(dev).not.toMatch(/均达到|不低于/);
    expect(dev).toContain("尚未填写绩效指标");
  });
});

describe("an incomplete multi-project sheet", () => {
  test("a project without its spending: its rate is not claimed to be fine", async () => {
    const forms = clone(await formsOf("seed002-multi-project"));
    forms[4].funds!.spent = { value: null, raw: "", cell: forms[4].funds!.spent.cell };
    forms[4].funds!.sums = [];
    const d = draftOf(forms.map((f) => evaluateForm(f)));
    const c = section(d, "自评结论");
    expect(c).toContain(`预算执行率无法计算的项目（预算数或执行数未填写）：${forms[4].name}`);
    expect(c).not.toContain("各项目预算执行率均不低于");
    expect(c).toContain("其余项目预算执行率均不低于90%");
    const p5 = section(d, forms[4].name, 2);
    expect(p5).toContain("预算执行率无法计算");
    expect(p5).not.toContain("预算执行率不低于");
  });
  test("the missing actual is listed under its project's name", async () => {
    const forms = clone(await formsOf("seed002-multi-project"));
    forms[2].indicators[0].actual = "";
    const d = draftOf(forms.map((f) => evaluateForm(f)));
    expect(d.verdict.complete).toBe(false);
    const first = d.blocks[0];
    expect(first.type === "notice" && first.tone).toBe("incomplete");
    if (first.type !== "notice") return;
    expect(first.items.map(runsText).some((i) => i.startsWith("「办公设备购置」"))).toBe(true);
  });
});
