// What the engine's verdict (docs/rules.md#ready-to-send) means for the report: is the form blank, complete, ready
// to send, and which of its error findings to list at the top. The report restates the verdict; it never judges on
// its own.
import type { Evaluation, Finding, FindingCode } from "../model";

/** Findings that make a form incomplete (docs/rules.md#ready-to-send), listed first. A missing reason makes an
 *  unscored form incomplete; on a scored form it is an error like the others. */
const INCOMPLETE: readonly FindingCode[] = ["form-empty", "field-missing", "actual-missing", "score-missing"];

export interface FormVerdict {
  empty: boolean;
  complete: boolean;
  ready: boolean;
  /** Error findings that make the form incomplete, in the engine's order. */
  missing: Finding[];
  /** The other error findings. */
  errors: Finding[];
}

function incompleteCode(ev: Evaluation, f: Finding): boolean {
  if (INCOMPLETE.includes(f.code)) return true;
  return !ev.form.scored && f.code === "deviation-reason-missing";
}

export function verdictOf(ev: Evaluation): FormVerdict {
  const errorFindings = ev.findings.filter((f) => f.severity === "error");
  const missing = errorFindings.filter((f) => incompleteCode(ev, f));
  const errors = errorFindings.filter((f) => !incompleteCode(ev, f));
  const empty = ev.findings.some((f) => f.code === "form-empty");
  return { empty, complete: ev.complete && !empty, ready: ev.ready, missing, errors };
}
