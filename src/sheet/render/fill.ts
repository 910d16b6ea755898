// Values a Form puts into a template's field cells (tests fill templates with the seeds' figures; the
// pane may prefill a form from one it read). Unknown keys give nothing: the cell stays blank.
import type { Form, NumField, SumGroup } from "../../domain/model";

export type Value = string | number | null;

const num = (f: NumField | null | undefined): Value => (f ? f.value : null);

export function fillValue(form: Form, key: string, from?: [string, string]): Value {
  if (from) return sumValue(form.funds?.sums ?? [], from);
  const goal = /^goals\.(\d+)\.(text|actual)$/.exec(key);
  if (goal) {
    const goalLabel = form.goals.find((x) => x.index === Number(goal[1])) ?? form.goals[Number(goal[1]) - 1];
    return goalLabel ? (goal[2] === "text" ? goalLabel.text : (goalLabel.actualText ?? null)) : null;
  }
  const plan = /^plan\.(\d+)$/.exec(key);
  if (plan) return num(form.spendingPlan[Number(plan[1]) - 1]?.value);
  const fields = form.fields ?? {};
  switch (key) {
    case "name":
      return fields.name?.value || form.name;
    case "unit":
      return fields.supervisor?.value || form.unit || null;
    case "dept": // a multi-project row's 部门名称: what a project form calls its 主管部门
      return fields.supervisor?.value || form.unit || null;
    case "implementer":
      return fields.implementer?.value || form.unit || null;
    case "preparer":
    case "phone":
    case "head":
    case "filedOn":
    case "attribute":
    case "period":
    case "longTermGoal":
      return fields[key]?.value || null;
    case "code":
      return form.code ?? null;
    case "purpose":
      return form.purpose ?? null;
    case "funds.initialBudget":
      return num(form.funds?.initialBudget);
    case "funds.budget":
      return num(form.funds?.budget);
    case "funds.spent":
      return num(form.funds?.spent);
    case "funds.weight":
      return form.funds?.weight ? form.funds.weight.value : null;
    case "goal.text":
      return form.goals[0]?.text ?? null;
    case "goal.actual":
      return form.goals[0]?.actualText ?? null;
    case "sharedReason":
      return form.sharedReason?.value ?? null;
    case "improvement":
      return form.improvement?.value ?? null;
    default:
      return null;
  }
}

/** A part (or total) of a funds sum group found by label hints ("一般公共预算", "当年财政拨款|本年财政拨款"). */
export function sumValue(sums: SumGroup[], [groupHint, partHint]: [string, string]): Value {
  const has = (label: string, hint: string) => hint.split("|").some((h) => label.replace(/\s|\u3000/g, "").includes(h));
  for (const group of sums) {
    if (!has(group.label, groupHint) && !has(group.total.label, groupHint)) continue;
    if (partHint === "#total") return group.total.value;
    const p = group.parts.find((x) => has(x.label, partHint));
    if (p) return p.value;
  }
  return null;
}
