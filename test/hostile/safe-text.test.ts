// Text from a file made safe for each output: terminal, JSON, a workbook cell.
import { capText, cellText, hasUnsafeChars, jsonText, markCut, terminalText } from "../../src/sheet/safe-text";

test("terminal text: every control, escape, bidi and line-breaking character becomes a visible escape", () => {
  const forged = "名\n没有发现问题。\r\u001b[2J\u001b]52;c;eA==\u0007\u009b31m\u202e\u2066\u2028\u200f\u0000\u007f";
  const shown = terminalText(forged);
  expect(shown).toBe("名\\n没有发现问题。\\r\\x1B[2J\\x1B]52;c;eA==\\x07\\x9B31m\\u202E\\u2066\\u2028\\u200F\\x00\\x7F");
  expect(hasUnsafeChars(shown)).toBe(false);
  expect(hasUnsafeChars(forged)).toBe(true);
  expect(terminalText("社区养老服务补助 2024年")).toBe("社区养老服务补助 2024年");
});

test("unpaired surrogates are escaped, pairs kept", () => {
  expect(terminalText("a\ud800b😀")).toBe("a\\uD800b😀");
});

test("long texts are cut with …, never inside a surrogate pair", () => {
  expect(capText("abcdef", 4)).toBe("abc…");
  expect(capText("abc", 4)).toBe("abc");
  expect(capText("ab😀cd", 4)).toBe("ab…");
  expect(terminalText("x".repeat(1000), 50)).toHaveLength(50);
  expect(markCut("x".repeat(100), 10)).toBe(`${"x".repeat(9)}…（已截断，原文 100 字）`);
});

test("JSON text stays valid and the same data, with C1 and bidi characters escaped", () => {
  const value = { name: "a\u009bb\u202ec\u2028d\ne\u001b" };
  const text = jsonText(value, 2);
  for (const ch of ["\u009b", "\u202e", "\u2028", "\u001b"]) expect(text).not.toContain(ch);
  expect(JSON.parse(text)).toEqual(value);
});

test("cell text: XML-illegal characters replaced, cut to Excel's 32,767 characters", () => {
  expect(cellText("a\u0001b\tc\ud800")).toBe("a\ufffdb\tc\ufffd");
  expect(cellText("y".repeat(40000))).toHaveLength(32767);
});
