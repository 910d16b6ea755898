// Regressions found by the parity fuzz: text before a number (value.ts numeric) and dates.
import { parseActual, parseTarget } from "../../src/domain/value";

test("a date with a month is not the number of months", () => {
  expect(parseTarget("2024年12月").kind).not.toBe("number");
  expect(parseTarget("2024年12月底前").kind).toBe("time");
});

test("text before a number counts with a unit or a comparator, not bare", () => {
  expect(parseActual("共5.2项")).toMatchObject({ kind: "number", value: 5.2, unit: "项" });
  expect(parseActual("已完成100%")).toMatchObject({ kind: "number", value: 100, unit: "%" });
  expect(parseTarget("满意度≥95")).toMatchObject({ kind: "number", op: ">=", value: 95 });
  expect(parseActual("约10").kind).toBe("text");
  expect(parseActual("5-10次").kind).toBe("text");
  expect(parseTarget("≤-5%")).toMatchObject({ kind: "number", op: "<=", value: -5, unit: "%" });
});
