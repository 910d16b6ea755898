// What checking a file gives: the forms found in it, each with its evaluation, or why the file could not be read;
// and the files of a folder that were not read at all (other formats), with the reason.
// Shared by the check command and the reports that print it.
import type { Evaluation, Form } from "../domain/model";

export interface CheckedForm {
  form: Form;
  evaluation: Evaluation;
}

export interface FileResult {
  file: string;
  error: string | null;
  forms: CheckedForm[];
}

export interface Skipped {
  file: string;
  reason: string;
}
