// A short written form of a parsed value, so that table tests read like the seeds.
import type { ParsedValue } from "../../src/domain/model";

/** "≥5次?" style: comparator, value, unit, "?" when inferred; or the kind ("text", "time", "tier:达成", "na", "ph", "empty"). */
export function summary(v: ParsedValue): string {
  switch (v.kind) {
    case "number":
      return `${v.op}${v.value}${v.unit}${v.inferred ? "?" : ""}`;
    case "tier":
      return `tier:${v.tier}`;
    case "placeholder":
      return "ph";
    default:
      return v.kind;
  }
}
