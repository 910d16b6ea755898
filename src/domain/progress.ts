// How a total is told to the officer and the reviewer: final with its grade only when the form is complete;
// otherwise provisional, with what is still missing (docs/rules.md#ready-to-send). One wording for the pane, the CLI
// and the report.
import type { TotalResult } from "./model";

const num = (x: number): string => String(Math.round(x * 100) / 100);

/** "分值合计 30/100" while the weights entered do not reach 100 yet; null once they do. */
export function weightProgress(t: TotalResult): string | null {
  return t.weightEntered < 100 - 0.01 ? `分值合计 ${num(t.weightEntered)}/100` : null;
}

/** What is still open on an incomplete form: "尚有 2 项、20 分未评分", the weight progress, or "表格尚未填完". */
export function openPart(t: TotalResult): string {
  const parts: string[] = [];
  if (t.unscored > 0) parts.push(`尚有 ${t.unscored} 项、${num(t.unscoredWeight)} 分未评分`);
  const w = weightProgress(t);
  if (w) parts.push(w);
  return parts.length ? parts.join("，") : "表格尚未填完";
}

/** "总分 92.5（优）" when final; "暂计 62.5 分（尚有 2 项、20 分未评分）" while not; "尚未评分" with nothing scored. */
export function totalText(t: TotalResult): string {
  if (t.complete && t.computed != null) return `总分 ${num(t.computed)}${t.grade ? `（${t.grade}）` : ""}`;
  if (t.computed == null) return `尚未评分（${openPart(t)}）`;
  return `暂计 ${num(t.computed)} 分（${openPart(t)}）`;
}
