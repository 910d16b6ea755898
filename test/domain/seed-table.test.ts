// Every indicator row of the five seeds: the parse of target and actual, the status and, where the seed has
// 分值, the rule score — each written out by hand from the seed and docs/rules.md#scoring.
import { evaluateForm } from "../../src/domain";
import type { Evaluation, Form } from "../../src/domain/model";
import { SEED000, SEED001, SEED002, SEED003, SEED004 } from "../fixtures/seed-data";
import { summary } from "./summary";

type Row = [id: string, target: string, actual: string, status: string, score?: number | null];

function table(form: Form, rows: Row[]): void {
  const ev: Evaluation = evaluateForm(form);
  it(`covers all ${form.indicators.length} rows`, () => expect(rows.map((r) => r[0])).toEqual(form.indicators.map((i) => i.id)));
  it.each(rows)("%s: %s / %s → %s %s", (id, target, actual, status, score) => {
    const r = ev.indicators.find((x) => x.id === id)!;
    expect(summary(r.target)).toBe(target);
    expect(summary(r.actual)).toBe(actual);
    expect(r.status).toBe(status);
    if (score !== undefined) expect(r.score).toBe(score);
  });
}

describe("seed 000 (department-goals, unscored)", () => {
  table(SEED000, [
    ["i1", ">=5次?", ">=9次?", "exceeded", null],
    ["i2", ">=4个?", ">=13个?", "exceeded", null],
    ["i3", "text", "tier:达成", "met", null],
    ["i4", ">=2个", ">=5个?", "exceeded", null],
    ["i5", ">=100%?", "tier:达成", "met", null],
    ["i6", ">=100%?", ">=100%?", "met", null],
    ["i7", ">=100%?", ">=100%?", "met", null],
    ["i8", "text", "text", "met", null],
    ["i9", ">=100%?", ">=100%?", "met", null],
    ["i10", ">=6篇", ">=6篇?", "met", null],
    ["i11", ">=2项", ">=8项?", "exceeded", null],
    ["i12", "text", "tier:达成", "met", null],
    ["i13", ">=100%?", ">=100%?", "met", null],
    ["i14", ">=100%?", ">=100%?", "met", null],
    ["i15", ">=100%?", "tier:达成", "met", null],
    ["i16", ">=30件次?", ">=46件次?", "exceeded", null],
    ["i17", ">=95%?", ">=100%?", "met", null],
    ["i18", ">=100%?", ">=100%?", "met", null],
    ["i19", ">=50次?", ">=103次?", "exceeded", null],
    ["i20", ">=50条?", ">=54条?", "met", null],
    ["i21", ">=100%?", ">=100%?", "met", null],
    ["i22", ">=4名?", ">=4名?", "met", null],
    ["i23", ">=60名?", ">=60名?", "met", null],
    ["i24", "text", "tier:达成", "met", null],
  ]);
});

describe("seed 001 (department, scored)", () => {
  table(SEED001, [
    ["i1", ">=100%?", ">=98%?", "missed", 7.84],
    ["i2", "<=100%?", "<=100%?", "met", 5], // 控制率: kept low, inferred ≤
    ["i3", ">=100%?", ">=98%?", "missed", 4.9],
    ["i4", ">=80%?", ">=70%?", "missed", 4.38],
    ["i5", ">=0%?", ">=0%?", "met", 5],
    ["i6", ">=60%?", ">=54%?", "missed", 2.7],
    ["i7", ">=80%?", ">=80%?", "met", 3],
    ["i8", ">=100%?", ">=100%?", "met", 3],
    ["i9", ">=100%?", ">=100%?", "met", 4],
    ["i10", "<=198万元?", "<=165万元?", "met", 3], // 成本指标: under the cap is met
    ["i11", "<=61万元?", "<=58万元?", "met", 3],
    ["i12", "<=127万元?", "<=119万元?", "met", 3],
    ["i13", "empty", "empty", "not-applicable", null],
    ["i14", "empty", "empty", "not-applicable", null],
    ["i15", "empty", "empty", "not-applicable", null],
    ["i16", "<=0%?", "<=0%?", "met", 15], // 差率: inferred ≤, A = 0 and B = 0
    ["i17", ">=100%?", ">=90%?", "missed", 13.5],
    ["i18", "empty", "empty", "not-applicable", null],
    ["i19", "empty", "empty", "not-applicable", null],
    ["i20", "empty", "empty", "not-applicable", null],
    ["i21", "empty", "empty", "not-applicable", null],
    ["i22", "empty", "empty", "not-applicable", null],
    ["i23", "empty", "empty", "not-applicable", null],
    ["i24", "empty", "empty", "not-applicable", null],
    ["i25", ">=100%?", ">=95%?", "missed", 4.75],
    ["i26", ">=100%?", ">=94%?", "missed", 4.7],
    ["i27", "empty", "empty", "not-applicable", null],
  ]);
});

// Seed 002: per project the seven 二级 pairs 数量 / 质量 / 时效 / 经济 / 社会 / 生态 / 满意度.
const NA: Row[] = ["i4", "i6"].map((id) => [id, "na", "na", "not-applicable", null]);
const DONE = "tier:达成";
const p002 = (quantity: string, quality: string, social: "na" | "text"): Row[] => [
  ["i1", quantity, DONE, "met", null],
  ["i2", quality, DONE, "met", null],
  ["i3", "time", DONE, "met", null],
  NA[0],
  social === "na" ? ["i5", "na", "na", "not-applicable", null] : ["i5", "text", DONE, "met", null],
  NA[1],
  ["i7", ">=95%", DONE, "met", null],
];
const SEED002_ROWS: Row[][] = [
  p002("text", "text", "na"), // 1 人大宣传: "…刊出11个版面" is text (版面 is no unit)
  p002("text", ">=95%", "na"), // 2 three targets in one cell → text; 验收通过率≥95%
  p002("text", "text", "na"), // 3
  p002("text", "text", "na"), // 4
  p002(">=8", "text", "na"), // 5 召开常委会会议的数量≥8
  p002(">=5", "text", "na"), // 6
  p002(">=30", "text", "text"), // 7
  p002(">=233本?", "text", "text"), // 8 …纪念画册233本
  p002("text", "text", "text"), // 9
  p002("text", "text", "text"), // 10
  p002("text", "text", "text"), // 11
];
describe.each(SEED002.map((f, k) => [k + 1, f.name, f, SEED002_ROWS[k]] as const))("seed 002 project %i %s", (_n, _name, form, rows) => {
  table(form, rows);
});

describe("seed 003 (report tables, 权重/得分)", () => {
  table(SEED003, [
    ["i1", ">=6次", ">=6次", "met", 10], // ">=6次以上" doubled comparator
    ["i2", ">=4次", ">=5次?", "met", 10], // 125% < 130%: not "exceeded"
    ["i3", ">=3次", ">=3次", "met", 10],
    ["i4", "<=0%", "<=0%?", "met", 5], // A = 0 with ≤ and B = 0; 变动率 reads ≤ on the actual too
    ["i5", "time", ">=95%?", "missed", 9.5], // 全年 vs 95%: completion degree
    ["i6", "time", ">=95%?", "missed", 9.5],
    ["i7", ">=98%", ">=98%?", "met", 5],
    ["i8", ">=98%", ">=98%?", "met", 10],
    ["i9", "text", ">=95%?", "missed", 9.5],
    ["i10", "text", ">=95%?", "missed", 4.75],
    ["i11", ">=95%", ">=95%?", "met", 5],
    ["i12", "text", ">=100%?", "met", 5],
    ["i13", ">=95%", ">=95%?", "met", 5],
  ]);
});

// Seed 004: target tables, before the year: no actuals, so every status is "unknown" and nothing is scored.
const t004 = (targets: string[]): Row[] => targets.map((t, k) => [`i${k + 1}`, t, "empty", "unknown", null]);
describe("seed 004 (target tables)", () => {
  describe("人大代表活动费", () => table(SEED004[0], t004([">=90%", ">=90%", ">=90%", ">=90%", "text", "text", "text", "text", ">=90%"])));
  describe("车辆保险费", () => table(SEED004[1], t004([">=75%", ">=75%", ">=75%", ">=100%", "text", "text", "text", "text", "ph"])));
  describe("人大会议", () => table(SEED004[2], t004([">=90%", "text", ">=90%", ">=90%", "text", "text", "text", "text", ">=90%"])));
  describe("综合事务管理费", () => table(SEED004[3], t004([">=90%", ">=90%", ">=45人?", ">=90%", "text", "text", "text", "text", ">=90%"])));
});
