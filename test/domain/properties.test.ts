// Property tests (fast-check): the parser never throws, scores stay in [0, w], scores are monotone,
// and printing a well-formed target then parsing it again gives the same value.
import fc from "fast-check";
import { compare, formatTarget, numericScore, parseActual, parseTarget, PROVINCIAL_PROFILE } from "../../src/domain";
import type { Comparator } from "../../src/domain/model";

const ALPHABET = [..."≥≤＞＜＝><=%％万元次人个篇以上下内不低于超控制在至少达到全年季度前月底是否达成部分未适用*X×.,，0123456789０１２３ \u3000"];
const messy = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.array(fc.constantFrom(...ALPHABET), { maxLength: 20 }).map((a) => a.join("")),
);
const amount = fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true });
const weight = fc.double({ min: 0.5, max: 100, noNaN: true, noDefaultInfinity: true });
const ops: Comparator[] = [">=", "<=", ">", "<", "="];

it("the parser never throws and always returns a kind", () => {
  fc.assert(
    fc.property(messy, fc.string({ maxLength: 8 }), (s, name) => {
      for (const v of [parseTarget(s, { name }), parseActual(s, { name, unit: name })]) {
        expect(["number", "tier", "text", "time", "na", "placeholder", "empty"]).toContain(v.kind);
        expect(v.raw).toBe(s);
      }
    }),
    { numRuns: 3000 },
  );
});

it("a score is always within [0, w]", () => {
  fc.assert(
    fc.property(fc.constantFrom(...ops), amount, amount, weight, fc.boolean(), (op, A, B, w, ratio) => {
      const s = numericScore(op, A, B, w, ratio ? PROVINCIAL_PROFILE : undefined);
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(w + 0.005);
    }),
  );
});

it("a score from parsed strings is always within [0, w]", () => {
  fc.assert(
    fc.property(messy, messy, weight, (t, a, w) => {
      const o = compare(parseTarget(t), parseActual(a), w);
      if (o.score != null) {
        expect(o.score).toBeGreaterThanOrEqual(0);
        expect(o.score).toBeLessThanOrEqual(w + 0.005);
      }
    }),
  );
});

it("for ≥ targets the score never falls as the actual rises; for ≤ it never rises", () => {
  fc.assert(
    fc.property(amount, amount, amount, weight, fc.boolean(), (A, b1, b2, w, ratio) => {
      const [lo, hi] = b1 <= b2 ? [b1, b2] : [b2, b1];
      const p = ratio ? PROVINCIAL_PROFILE : undefined;
      expect(numericScore(">=", A, hi, w, p)).toBeGreaterThanOrEqual(numericScore(">=", A, lo, w, p));
      expect(numericScore("<=", A, hi, w, p)).toBeLessThanOrEqual(numericScore("<=", A, lo, w, p));
    }),
  );
});

const UNITS = ["%", "次", "人", "人次", "件", "篇", "项", "个", "万元", "元", "天", "月", "名", "户", ""];
const SIGNS = ["≥", "≤", "＞", "＜", "＝", ">=", "<=", "不低于", "不超过", ""];

it("printing a parsed well-formed target and parsing it again gives the same value", () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...SIGNS),
      fc.oneof(fc.integer({ min: 0, max: 100000 }), fc.double({ min: 0, max: 1e5, noNaN: true }).map((x) => Math.round(x * 100) / 100)),
      fc.constantFrom(...UNITS),
      fc.constantFrom("", "以上", "以下"),
      (sign, n, unit, suffix) => {
        const raw = `${sign}${n}${unit}${sign ? "" : suffix}`;
        const a = parseTarget(raw, { name: "活动次数" });
        expect(a.kind).toBe("number");
        const b = parseTarget(formatTarget(a), { name: "活动次数" });
        expect(b).toMatchObject({ kind: a.kind });
        if (a.kind === "number" && b.kind === "number") {
          expect(b.op).toBe(a.op);
          expect(b.value).toBe(a.value);
          expect(b.unit).toBe(a.unit);
          expect(b.inferred).toBe(a.inferred);
        }
      },
    ),
  );
});
