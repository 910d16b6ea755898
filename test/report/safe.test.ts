// Text from a file made safe for a document: what is replaced, what is kept, and the cap.
import { capText, neutralise, safeLines } from "../../src/document/safe";

test("control, bidi and XML-illegal characters become U+FFFD; line breaks and tabs are normalised", () => {
  expect(neutralise("a\u0000b\u0007c\u001bd\u007fe\u009bf")).toBe("a\ufffdb\ufffdc\ufffdd\ufffde\ufffdf");
  expect(neutralise("x\u202ey\u2066z\u2069\u200f\u061c")).toBe("x\ufffdy\ufffdz\ufffd\ufffd\ufffd");
  expect(neutralise("\ufffe\uffff")).toBe("\ufffd\ufffd");
  expect(neutralise("a\r\nb\rc\u2028d\u2029e\tf")).toBe("a\nb\nc\nd\ne f");
});

test("surrogates survive only as a pair", () => {
  expect(neutralise("表😀")).toBe("表😀");
  expect(neutralise("a\ud83db")).toBe("a\ufffdb");
  expect(neutralise("a\ude00b")).toBe("a\ufffdb");
  expect(neutralise("\ude00\ud83d")).toBe("\ufffd\ufffd");
});

test("Chinese text, full-width signs and ordinary punctuation are left alone", () => {
  const s = "≥95%，“一府一委两院”（50分）——１２３";
  expect(neutralise(s)).toBe(s);
});

test("the cap counts characters, not UTF-16 units, and says how much was cut", () => {
  expect(capText("短")).toBe("短");
  expect(capText("😀".repeat(5), 5)).toBe("😀".repeat(5));
  expect(capText("😀".repeat(7), 5)).toBe(`${"😀".repeat(5)}……（以下2字从略）`);
});

test("safeLines splits at the form's line breaks, caps only the form's text", () => {
  const lines = safeLines([
    { text: "目标：", role: "text" },
    { text: "一\n\n二\u202e", role: "form" },
    { text: "【请补充：x】", role: "placeholder" },
  ]);
  expect(lines).toEqual([
    [{ text: "目标：", role: "text" }, { text: "一", role: "form" }],
    [{ text: "二\ufffd", role: "form" }, { text: "【请补充：x】", role: "placeholder" }],
  ]);
  const long = safeLines([{ text: "长".repeat(3000), role: "text" }]);
  expect(long[0][0].text).toHaveLength(3000);
});
