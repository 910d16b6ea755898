// Text from a file, made safe for a document: control characters (which also make Word's XML invalid) and
// bidirectional overrides (which reorder what a reader sees) are replaced by a visible U+FFFD (the shared rule in
// src/sheet/safe-text.ts), and a text read from a form is capped so that one huge cell cannot make a huge report.
import type { Inline } from "../domain/report/model";
import { documentText } from "../sheet/safe-text";

/** At most this many characters of one text read from the form. */
export const FORM_TEXT_CAP = 2000;

/** Unsafe characters shown as U+FFFD; tabs as a space; CR, CRLF and the Unicode line separators as "\n". */
export const neutralise = documentText;

/** Cut to `max` characters (code points) with a note of how much was left out. */
export function capText(s: string, max = FORM_TEXT_CAP): string {
  if (s.length <= max) return s;
  const points = Array.from(s);
  if (points.length <= max) return s;
  return `${points.slice(0, max).join("")}……（以下${points.length - max}字从略）`;
}

/** A run's text ready for a document: neutralised, and capped when it came from the form. */
export function safeRunText(text: string, fromForm: boolean): string {
  const t = neutralise(text);
  return fromForm ? capText(t) : t;
}

/** Runs made safe and split into lines at the line breaks of the texts read from the form: a paragraph holding a
 *  multi-line cell becomes several paragraphs (Word stretches a justified line that ends in a manual break). */
export function safeLines(runs: readonly Inline[]): Inline[][] {
  const lines: Inline[][] = [[]];
  for (const r of runs) {
    safeRunText(r.text, r.role === "form")
      .split("\n")
      .forEach((part, i) => {
        if (i > 0) lines.push([]);
        if (part !== "") lines[lines.length - 1].push({ text: part, role: r.role });
      });
  }
  return lines.filter((l, i) => i === 0 || l.length > 0);
}
