// A form with nothing read into it yet: the one place that lists what every Form starts with.
import type { Form, FormKind } from "./model";

export function emptyForm(kind: FormKind, sheet: string, name = "", over: Partial<Form> = {}): Form {
  return {
    kind,
    sheet,
    name,
    funds: null,
    goals: [],
    indicators: [],
    scored: false,
    enteredTotal: null,
    enteredGrade: null,
    sharedReason: null,
    improvement: null,
    spendingPlan: [],
    readIssues: [],
    ...over,
  };
}
