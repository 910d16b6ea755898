// Text from a file, made safe for a document: control characters (which also make Word's XML invalid) and
// bidirectional overrides (which reorder what a reader sees) are replaced by a visible U+FFFD, and a text read
// from a form is capped so that one huge cell cannot make a huge report.
//
// A shared helper for every output (src/sheet/safe-text.ts) is being written for issue #12; until it is on main
// this small local one serves the report's renderers.
import type { Inline } from "../domain/report/model";

/** At most this many characters of one text read from the form. */
export const FORM_TEXT_CAP = 2000;

// C0 controls except tab and newline, DEL, C1 controls; bidi marks, embeddings, overrides and isolates; the two
// noncharacters XML refuses; and surrogates, kept only as a well-formed pair (no lookbehind: older Safari, which
// runs the add-in on a Mac, has none).
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufffe\uffff]|[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]/g;

/** Unsafe characters shown as U+FFFD; tabs as a space; CR, CRLF and the Unicode line separators as "\n". */
export function neutralise(s: string): string {
  return String(s)
    .replace(/\r\n?|[\u2028\u2029]/g, "\n")
    .replace(/\t/g, " ")
    .replace(UNSAFE, (c) => (c.length === 2 ? c : "\ufffd"));
}

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
