// A seeded generator of random but realistic filled forms (project, department, report) for the parity
// fuzz test (test/templates/parity-fuzz.test.ts): every comparator form of docs/rules.md#value-grammar, full-width digits,
// units, inferred ≤ on cost names, qualitative targets with tiers, 不适用, blank rows, A = 0 with "=",
// B ≥ 2A for ≤, typed scores, budgets of 0, missing totals with parts.
import type { Form, FormKind, Indicator, NumField, SumGroup } from "../../src/domain/model";
import { emptyForm } from "../../src/domain/form";

/** mulberry32: a small seeded PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type R = () => number;
const pick = <T>(r: R, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const chance = (r: R, p: number) => r() < p;
const r2 = (x: number) => Math.round(x * 100) / 100;

const FULL = "０１２３４５６７８９";
const widen = (s: string) => s.replace(/\d/g, (d) => FULL[Number(d)]);

/** Indicator kinds: [level2 (2020 long name), name, unit family]. */
type Fam = "pct" | "count" | "money" | "time" | "none";
const POSITIVE: [string, string, Fam][] = [
  ["数量指标", "培训人次", "count"],
  ["数量指标", "检查次数", "count"],
  ["数量指标", "受益户数", "count"],
  ["质量指标", "验收合格率", "pct"],
  ["质量指标", "资金拨付率", "pct"],
  ["时效指标", "完成时限", "time"],
  ["社会效益指标", "政策知晓率", "pct"],
  ["经济效益指标", "带动产值", "money"],
  ["可持续影响指标", "设施完好率", "pct"],
  ["服务对象满意度指标", "服务对象满意度", "pct"],
  ["成本指标", "预算执行率", "pct"],
  ["数量指标", "发表论文", "count"],
  ["数量指标", "培训期数", "count"],
  ["数量指标", "购置设备", "count"],
  ["经济效益指标", "人均补助", "money"],
  ["成本指标", "资金节约率", "pct"],
];
const REVERSE: [string, string, Fam][] = [
  ["成本指标", "会议人均成本", "money"],
  ["质量指标", "三公经费变动率", "pct"],
  ["成本指标", "培训费用", "money"],
  ["社会效益指标", "投诉件数", "count"],
  ["质量指标", "安全事故", "count"],
  ["质量指标", "预算调整率", "pct"],
  ["成本指标", "设备购置", "money"],
  ["数量指标", "项目支出", "money"],
  ["质量指标", "“三公”经费变动率", "pct"],
  ["成本指标", "人员工资", "money"],
  ["成本指标", "设备维护", "money"],
  ["质量指标", "差错率", "pct"],
  ["数量指标", "闲置设备", "count"],
];
const QUAL: [string, string][] = [
  ["社会效益指标", "社会影响"],
  ["质量指标", "工作质量"],
  ["时效指标", "完成时间"],
  ["生态效益指标", "环境改善"],
  ["可持续影响指标", "长效机制"],
];
const QUAL_TARGETS = ["有积极影响", "效果明显", "全年", "2024年12月底前", "2024年12月", "12月底前", "第3季度", "是", "合规", "达标", "按质按量完成"];
const TIER_ACTUALS = [
  "100%完成", "已完成100%", "达成预期指标", "已达标", "基本达成", "部分完成", "未达到", " 达成 ",
  "达成年度指标", "部分达成年度指标并具有一定效果", "未达成年度指标且效果较差", "达成", "部分达成", "未达成",
  "是", "已完成", "基本完成", "未完成", "否",
];
const UNITS: Record<Fam, string[]> = {
  pct: ["%", "%", "％", "百分比"],
  count: ["个", "次", "人次", "人", "件", "户", "项", "篇", "份", "台", "期", "名", "件次", "亩"],
  money: ["万元", "元", "万", "万元", "元", "万元/年"],
  time: ["天", "月"],
  none: [""],
};
const SIGNS = ["≥", "≤", "＞", "＜", "＝", ">=", "<=", ">", "<", "=", "≧"];
const REASONS = ["", "", "", "无", "暂无", "/", "—", "不适用", "　无　", "N/A", "无。", "--", "受疫情影响推迟，下年度优先安排。", "原因：场地调整；措施：提前谋划。"];

function numberText(r: R, fam: Fam): number {
  if (fam === "pct") return pick(r, [100, 95, 98, 90, 85, 60, 0, 5, 99.5, 12.5, 0.5]);
  if (fam === "money") return pick(r, [20, 50, 198, 1110.74, 3.5, 0, 12000, 800, 1500]);
  return pick(r, [1, 2, 4, 6, 10, 12, 30, 45, 200, 0, 1200, 3]);
}

function target(r: R, value: number, unit: string): string {
  const v = value >= 1000 && chance(r, 0.3) ? value.toLocaleString("en-US") : String(value);
  const u = unit;
  switch (Math.floor(r() * 9)) {
    case 0:
      return `${v}${u}`; // inferred
    case 1:
    case 2:
      return `${pick(r, SIGNS)}${v}${u}`;
    case 3:
      return `${v}${u}${pick(r, ["以上", "以下", "以内", "及以上"])}`;
    case 4:
      return `${pick(r, ["不低于", "不少于", "至少", "达到", "不高于", "不超过", "大于等于", "小于等于", "超", "低于", "高于"])}${v}${u}`;
    case 5:
      return `控制在${v}${u}以内`;
    case 6:
      return `${pick(r, [">=", "≥"])}${v}${u}以上`;
    case 7:
      return widen(`${pick(r, ["≥", "≤", "＝", ""])}${v}${u}${pick(r, ["", "", "。"])}`);
    default:
      return `${pick(r, ["\u3000", " ", ""])}${pick(r, SIGNS)}${v}${u}`;
  }
}

function actual(r: R, A: number, unit: string, fam: Fam): string {
  const k = r();
  if (k < 0.05) return "";
  if (k < 0.08) return pick(r, ["/", "不适用"]);
  if (k < 0.12) return pick(r, TIER_ACTUALS);
  const ratio = pick(r, [1, 1, 0.5, 0.9, 0.99, 1.2, 1.3, 1.31, 1.5, 2, 2.5, 0]);
  let B = A === 0 ? pick(r, [0, 0, 1, 3]) : r2(A * ratio);
  let u = chance(r, 0.15) ? "" : unit;
  if (fam === "money" && chance(r, 0.3)) {
    // the same amount in the other money unit
    if (unit === "元") [B, u] = [B / 10000, "万元"];
    else [B, u] = [B * 10000, "元"];
    B = Math.round(B * 10000) / 10000;
  }
  if (chance(r, 0.05)) u = pick(r, ["次", "%", "元"]);
  const num = B >= 1000 && chance(r, 0.3) ? B.toLocaleString("en-US") : u === "%" && chance(r, 0.1) ? `百分之${B}` : String(B);
  const s = `${chance(r, 0.05) ? pick(r, ["≥", "约", "共", "实际"]) : ""}${num}${num.startsWith("百分之") ? "" : u}${chance(r, 0.05) ? pick(r, ["以上", "完成", "左右"]) : ""}`;
  return chance(r, 0.1) ? widen(s) : s;
}

function weight(r: R): number | null {
  if (chance(r, 0.05)) return null;
  return pick(r, [5, 10, 8, 2.5, 3, 15, 4, 6, 1]);
}

let seq = 0;
function indicator(r: R, level1: string): Indicator {
  seq++;
  const base = { id: `i${seq}`, level1, enteredScore: null, reason: pick(r, REASONS), cells: {} };
  const k = r();
  if (k < 0.04) return { ...base, level2: "", name: "", target: "", actual: "", weight: null, reason: "" };
  const w = weight(r);
  let ind: Indicator;
  if (k < 0.2) {
    const [l2, name] = pick(r, QUAL);
    const t = pick(r, QUAL_TARGETS);
    const a = chance(r, 0.2) ? t : chance(r, 0.15) ? pick(r, ["95%", "100%", "80%"]) : pick(r, TIER_ACTUALS);
    ind = { ...base, level2: l2, name, target: t, actual: a, weight: w };
  } else if (k < 0.25) {
    const [l2, name] = pick(r, POSITIVE);
    ind = { ...base, level2: l2, name, target: pick(r, ["不适用", "%", "**", "≥**人次", "XX"]), actual: pick(r, ["不适用", "95%", "3次"]), weight: w };
  } else {
    const [l2, name, fam] = chance(r, 0.6) ? pick(r, POSITIVE) : pick(r, REVERSE);
    const unit = pick(r, UNITS[fam]);
    const A = numberText(r, fam);
    const t = chance(r, 0.08) ? `＝0${unit}` : target(r, A, unit);
    ind = { ...base, level2: l2, name, target: t, actual: actual(r, /^＝0/.test(t) ? 0 : A, unit, fam), weight: w };
  }
  if (w != null && chance(r, 0.2)) ind.enteredScore = r2(r() * w);
  return ind;
}

const LEVEL1_OF = (l2: string): string =>
  /满意/.test(l2) ? "满意度指标" : /效益|可持续/.test(l2) ? "效益指标" : "产出指标";
const SHORT = (l2: string) => l2.replace(/指标$/, "").replace("服务对象满意度", "满意度");

const nf = (value: number | null, cell?: string): NumField => ({ value, raw: value == null ? "" : String(value), ...(cell ? { cell } : {}) });
const lab = (value: number | null, label: string, cell?: string) => ({ ...nf(value, cell), label });

function money(r: R): number | null {
  const k = r();
  if (k < 0.06) return null;
  if (k < 0.12) return 0;
  return r2(10 + r() * 2000);
}

/** Splits a total into n parts (sometimes not adding up, sometimes with a blank part). */
function parts(r: R, total: number | null, n: number): (number | null)[] {
  if (total == null) return Array.from({ length: n }, () => (chance(r, 0.5) ? r2(r() * 500) : null));
  const out: (number | null)[] = [];
  let left = total;
  for (let i = 0; i < n - 1; i++) {
    const p = r2(left * r());
    out.push(chance(r, 0.15) ? null : p);
    left = r2(left - p);
  }
  out.push(chance(r, 0.2) ? r2(left + pick(r, [0, 0.004, 1, -3])) : left);
  return out;
}

function sharedReason(r: R, inds: Indicator[]): string {
  const k = r();
  if (k < 0.3) return "";
  if (k < 0.4) return pick(r, ["无", "暂无", "—"]);
  const named = inds.filter((i) => i.name && chance(r, 0.5)).map((i) => (chance(r, 0.7) ? i.name : i.name.slice(0, 4)));
  return `${named.join("、")}${chance(r, 0.4) ? "；资金执行偏慢" : ""}未达预期，原因是疫情。`;
}

export function randomForm(r: R, kind: FormKind): Form {
  const n = 3 + Math.floor(r() * 12);
  const form = emptyForm(kind, "S", `项目${Math.floor(r() * 1000)}`, { scored: true, year: 2024, unit: "某某局" });
  let inds = Array.from({ length: n }, () => indicator(r, ""));
  inds = inds.map((i) => ({ ...i, level1: i.level2 || i.name ? LEVEL1_OF(i.level2) : "" }));
  inds.sort((a, b) => ["产出指标", "效益指标", "满意度指标", ""].indexOf(a.level1) - ["产出指标", "效益指标", "满意度指标", ""].indexOf(b.level1));
  const budget = money(r);
  const spent = budget == null || budget === 0 ? (chance(r, 0.5) ? r2(r() * 300) : null) : chance(r, 0.05) ? null : r2(budget * pick(r, [1, 0.95, 0.9, 0.899, 0.5, 1.1, 0]));
  if (kind === "project") {
    const blankTotal = chance(r, 0.15);
    const groups: [string, number | null, string][] = [
      ["年初预算数", budget, "D6"],
      ["全年预算数", budget, "E6"],
      ["全年执行数", spent, "F6"],
    ];
    const sums: SumGroup[] = groups
      .filter(() => chance(r, 0.6))
      .map(([label, total, cell]) => {
        const ps = parts(r, total, 3);
        const t = blankTotal ? null : total;
        return { label, total: lab(t, label, cell), parts: ["当年财政拨款", "上年结转资金", "其他资金"].map((l, i) => lab(ps[i], l)) };
      });
    form.funds = {
      moneyUnit: "万元",
      initialBudget: nf(blankTotal ? null : budget, "D6"),
      budget: nf(blankTotal ? null : budget, "E6"),
      spent: nf(blankTotal ? null : spent, "F6"),
      weight: nf(10, "G6"),
      enteredRate: null,
      enteredScore: null,
      sums,
    };
  } else if (kind === "department") {
    const inc = parts(r, budget, 4);
    const out = parts(r, spent, 2);
    const basic = parts(r, out[0], 2);
    form.funds = {
      moneyUnit: "万元",
      initialBudget: nf(budget),
      budget: nf(budget, "D6"),
      spent: nf(spent, "E6"),
      weight: nf(10, "G6"),
      enteredRate: null,
      enteredScore: null,
      sums: [
        { label: "按收入性质分", total: lab(budget, "预算数", "D6"), parts: ["一般公共预算", "政府性基金拨款", "纳入管理的非税收入拨款", "其他资金"].map((l, i) => lab(inc[i], l)) },
        { label: "按支出性质分", total: lab(spent, "执行数", "E6"), parts: [lab(out[0], "基本支出"), lab(out[1], "项目支出")] },
        { label: "基本支出", total: lab(out[0], "基本支出"), parts: [lab(basic[0], "人员经费"), lab(basic[1], "公用经费")] },
      ],
    };
    if (chance(r, 0.3)) {
      // 财预〔2021〕101号: 成本 is a 一级 indicator of its own (its rows then infer ≤ from the 一级).
      inds = inds.map((i) => (/成本/.test(i.level2) ? { ...i, level1: "成本指标", level2: pick(r, ["经济成本指标", "社会成本指标"]) } : i));
      inds.sort((a, b) => Number(b.level1 === "成本指标") - Number(a.level1 === "成本指标"));
    }
    const declared = chance(r, 0.7);
    const l1w = new Map([...new Set(inds.map((i) => i.level1))].map((l) => [l, declared && l ? sumL1(inds, l, r) : null]));
    inds = inds.map((i) => ({ ...i, level1Weight: l1w.get(i.level1) ?? null }));
    form.sharedReason = { value: sharedReason(r, inds) };
  } else {
    const m = 1 + Math.floor(r() * 4);
    const b = Array.from({ length: m }, () => (chance(r, 0.1) ? null : r2(r() * 500)));
    const s = b.map((x) => (x == null ? (chance(r, 0.5) ? r2(r() * 50) : null) : r2(x * pick(r, [1, 0.8, 0.95, 0]))));
    const total = (xs: (number | null)[]) => (xs.some((x) => x != null) ? r2(xs.reduce<number>((a, x) => a + (x ?? 0), 0)) : null);
    const names = b.map((_, i) => `职能${i + 1}`);
    const grp = (label: string, xs: (number | null)[]): SumGroup => ({ label, total: lab(total(xs), "金额合计"), parts: xs.map((x, i) => lab(x, names[i])) });
    form.funds = {
      moneyUnit: "万元",
      initialBudget: null,
      budget: nf(total(b)),
      spent: nf(total(s)),
      weight: null,
      enteredRate: null,
      enteredScore: null,
      sums: [grp("预算数(万元)", b), grp("预算数 其中：财政拨款", b), grp("执行数(万元)", s), grp("执行数 其中：财政拨款", s)],
    };
    inds = inds.map((i) => ({ ...i, level1: "", level2: i.level2 ? SHORT(i.level2) : i.name ? "数量" : "" }));
    form.sharedReason = { value: sharedReason(r, inds) };
  }
  // Only the project form has a reason column; the others explain in one shared cell.
  form.indicators = inds.map((i, k) => ({ ...i, id: `i${k + 1}`, reason: kind === "project" ? i.reason : "" }));
  return form;
}

/** A declared 一级 weight: the sum of its rows' weights, or sometimes off by some points. */
function sumL1(inds: Indicator[], level1: string, r: R): number {
  const s = inds.filter((i) => i.level1 === level1).reduce((a, i) => a + (i.weight ?? 0), 0);
  return chance(r, 0.8) ? s : s + 5;
}
