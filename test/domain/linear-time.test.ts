// The value parser and the name matcher run in time linear in their input, whatever a hostile file puts in a
// cell: doubling an adversarial text (25,000 → 50,000 → 100,000 characters) must not much more than double the work.
// These tests compare ratios of CPU times on the same machine (the best of several runs, so a busy moment does not decide);
// the absolute times are printed by `npm run bench`, never asserted here.
import { clearValueMemo, parseActual, parseTarget } from "../../src/domain/value";
import { mentions } from "../../src/domain/text";

/** CPU microseconds this process spends on `reps` runs: CPU time, not wall time, so that other processes on a
 *  busy machine (other test workers) do not count. */
function time(run: () => void, reps: number): number {
  const t0 = process.cpuUsage();
  for (let k = 0; k < reps; k++) {
    clearValueMemo();
    run();
  }
  const d = process.cpuUsage(t0);
  return d.user + d.system;
}

/**
 * Time at n and at 4n characters (two doublings). Linear work gives about 4, quadratic about 16. Runs alternate
 * between the sizes and the best of each is kept, so a busy moment of the machine does not decide.
 */
function growth(make: (n: number) => string, use: (s: string) => void, n = 25_000): number {
  const small = make(n);
  const large = make(4 * n);
  use(small);
  use(large);
  // repeat each run until the small one takes a few milliseconds: timer resolution must not decide either
  let reps = 1;
  while (reps < 4096 && time(() => use(small), reps) < 10_000) reps *= 2;
  let a = Infinity;
  let b = Infinity;
  for (let i = 0; i < 7; i++) {
    a = Math.min(a, time(() => use(small), reps));
    b = Math.min(b, time(() => use(large), reps));
  }
  return b / Math.max(a, 1);
}

const parseBoth = (s: string): void => {
  parseTarget(s, { name: "培训人次" });
  parseActual(s, { name: "培训人次" });
};

// Two doublings: under 10 passes (about 3 per doubling: linear work with noise); quadratic work gives 16 and more.
const LIMIT = 10;

const ADVERSARIAL: [string, (n: number) => string][] = [
  ["digits then a word that is no unit", (n) => `${"9".repeat(n)}个x`],
  ["digits and dots", (n) => "1.".repeat(n / 2) + "5"],
  ["thousands groups gone wrong", (n) => "1,234".repeat(n / 5) + "5"],
  ["comparator words", (n) => "不低于".repeat(n / 3) + "95%"],
  ["signs", (n) => "≥".repeat(n) + "9"],
  ["spaces", (n) => `9${" ".repeat(n)}x`],
  ["placeholder stars", (n) => `${"*".repeat(n)}y`],
  ["a tier and a long description", (n) => `部分达成：${"建".repeat(n)}3项`],
  ["dates", (n) => `2025年${"12月".repeat(n / 3)}前`],
];

describe("value parser: linear in the length of the text", () => {
  for (const [what, make] of ADVERSARIAL)
    it(what, () => {
      expect(growth(make, parseBoth)).toBeLessThan(LIMIT);
    });

  it("still reads long numbers right", () => {
    const v = parseTarget(`≥${"1".repeat(5)}个`);
    expect(v).toMatchObject({ kind: "number", op: ">=", value: 11111, unit: "个" });
    expect(parseTarget(`${"9".repeat(32_750)}个x`).kind).not.toBe("number");
  });
});

describe("a shared reason naming an indicator: linear in both texts", () => {
  it("a long name against a long reason", () => {
    let k = 0;
    const ratio = growth(
      (n) => "甲乙丙丁戊己庚辛".repeat(n / 8),
      (s) => {
        // a new reason text each call, so nothing is remembered between the timed runs
        mentions(`${s}${k++}`, `${"子丑寅卯辰巳午未".repeat(s.length / 8)}`);
      },
    );
    expect(ratio).toBeLessThan(LIMIT);
  });
});
