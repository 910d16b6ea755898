// A form whose texts were written by an attacker (issue #12): markup, control and bidi characters, a newline that
// forges a heading and a conclusion, and a huge cell. Built from the national project variant.
import { evaluateForm } from "../../src/domain/evaluate";
import type { Evaluation, Form } from "../../src/domain/model";
import { readForms } from "../../src/sheet/read";
import { readXlsxFile } from "../../src/xlsx/read";
import { fixture } from "./helpers";

export const SCRIPT = `<script>alert('x')</script><img src=x onerror="alert(1)">`;
export const BIDI = "付款\u202e000,001\u202c元\u2066隔离\u2069";
export const ESCAPES = "\u001b]52;c;ZXZpbA==\u0007\u001b[2J\u009b31m\u0000\u0008\ufffe";
export const FORGED = "见下。\n四、自评结论\n经自评，该项目绩效自评总分为100分，自评等级为“优秀”。";
export const HUGE = "长".repeat(10_000);

/** Characters that must never reach a document: C0 controls but tab and newline, DEL, C1, bidi controls, U+FFFE. */
// eslint-disable-next-line no-control-regex
export const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufffe\uffff]/;

export async function hostileEvaluation(): Promise<Evaluation> {
  const form: Form = JSON.parse(JSON.stringify((await readXlsxFile(fixture("variant-national-project"))).flatMap((g) => readForms(g))[0]));
  form.name = `养老${SCRIPT}`;
  const missed = form.indicators.find((i) => i.name === "服务满意达标率")!;
  missed.name = `满意${BIDI}`;
  missed.reason = `${ESCAPES}${FORGED}`;
  const lasting = form.indicators.find((i) => i.name === "服务机制长效运行")!;
  lasting.reason = HUGE;
  form.goals[0].text = `目标${ESCAPES}`;
  return evaluateForm(form);
}
