import { canonicalLevel1, canonicalLevel2, parseLevel1Cell, place, TREE_10, TREE_101 } from "../../src/domain";

it("parses the weight in a 一级 cell", () => {
  expect(parseLevel1Cell("产出指标（50分）")).toEqual({ name: "产出指标", weight: 50 });
  expect(parseLevel1Cell("产出\n指标\n（50分）")).toEqual({ name: "产出指标", weight: 50 });
  expect(parseLevel1Cell("效益指标(30)")).toEqual({ name: "效益指标", weight: 30 });
  expect(parseLevel1Cell("满意度指标")).toEqual({ name: "满意度指标", weight: null });
});
it("knows both trees", () => {
  expect(TREE_10.产出指标).toContain("成本指标");
  expect(TREE_101.成本指标).toEqual(["经济成本指标", "社会成本指标", "生态环境成本指标"]);
  expect(place("成本指标", "社会成本指标").problem).toBe("ok");
  expect(place("产出指标", "成本指标").problem).toBe("ok");
});
it.each([
  ["进度指标", "时效指标"], ["环境效益指标", "生态效益指标"], ["社会公众或服务对象满意度指标", "服务对象满意度指标"],
  ["社会效益", "社会效益指标"], ["数量", "数量指标"], ["满意度", "服务对象满意度指标"], ["可持续影响", "可持续影响指标"],
])("alias %s → %s", (a, b) => expect(canonicalLevel2(a)).toBe(b));
it("效果指标 is 效益指标", () => expect(canonicalLevel1("效果指标")).toBe("效益指标"));
it("finds a 二级 under the wrong 一级 and infers a blank 一级", () => {
  expect(place("满意度指标", "数量指标")).toMatchObject({ problem: "wrong-level1", expected: ["产出指标"] });
  expect(place("", "社会效益")).toMatchObject({ problem: "ok", level1: "效益指标" });
  expect(place("绩效指标", "数量指标").problem).toBe("unknown-level1");
});
