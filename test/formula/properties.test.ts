import fc from "fast-check";
import { displayText, parseNumericText } from "../../src/formula";
import { book, calc, ev } from "./helpers";

describe("properties", () => {
  test("+ - * chains follow the usual precedence and left associativity", () => {
    const op = fc.constantFrom("+", "-", "*");
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -999, max: 999 }), { minLength: 2, maxLength: 6 }), fc.array(op, { minLength: 5, maxLength: 5 }), (nums, ops) => {
        const expr = nums.map((n, i) => (i ? ops[i - 1] : "") + `(${n})`).join("");
        const want = new Function(`return ${expr};`)() as number;
        expect(calc(`=${expr}`)).toBe(want === 0 ? 0 : want);
      }),
    );
  });

  test("ROUND lands within half a unit of the last digit kept and has no more digits", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 4 }), (x, d) => {
        const r = calc(`=ROUND(${x},${d})`) as number;
        expect(Math.abs(r - x)).toBeLessThanOrEqual(0.5 * 10 ** -d + 1e-9);
        expect(Number(r.toFixed(d))).toBe(r);
      }),
    );
  });

  test("a number shown as text reads back as the same 15-digit number", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e300, max: 1e300, noNaN: true }), (x) => {
        const back = parseNumericText(displayText(x));
        expect(back).toBe(x === 0 ? 0 : Number(x.toPrecision(15)));
      }),
    );
  });

  test("COUNTIF of a text equals a case-insensitive count, SUMIF the matching sum", () => {
    const word = fc.constantFrom("达成", "未达成", "不适用", "a", "A", "b");
    fc.assert(
      fc.property(fc.array(fc.tuple(word, fc.integer({ min: 0, max: 100 })), { minLength: 1, maxLength: 12 }), word, (rows, w) => {
        const cells: Record<string, string | number> = {};
        rows.forEach(([t, n], i) => {
          cells[`A${i + 1}`] = t;
          cells[`B${i + 1}`] = n;
        });
        const rc = book({ S: cells });
        const hits = rows.filter(([t]) => t.toLowerCase() === w.toLowerCase());
        const range = `A1:A${rows.length}`;
        expect(ev(rc, `=COUNTIF(${range},"${w}")`)).toBe(hits.length);
        expect(ev(rc, `=SUMIF(${range},"${w}",B1:B${rows.length})`)).toBe(hits.reduce((s, [, n]) => s + n, 0));
        expect(ev(rc, `=SUMPRODUCT((${range}="${w}")*B1:B${rows.length})`)).toBe(hits.reduce((s, [, n]) => s + n, 0));
      }),
    );
  });
});
