// Text that came from a file (cell texts, sheet names, file names, part names) made safe for the place it is shown.
// A file can hold anything: ESC and OSC sequences that clear a terminal, set its title or write the clipboard, BEL,
// a carriage return that overwrites a line, the 8-bit CSI U+009B, bidi overrides that show text in another order,
// newlines that forge a report line of their own ("没有发现问题。"), and strings of hundreds of megabytes.
// Pure functions, usable by every output: the terminal report, --json, the pane, the summary workbook, the report.

/** Where a capped text says it was cut, for outputs that keep the rest of the value (JSON, a workbook cell). */
export const CUT_MARK = "…";

/** Longest text Excel keeps in one cell. */
export const EXCEL_CELL_MAX = 32767;

// C0 controls, DEL, C1 controls (U+0080–U+009F, including CSI U+009B), the bidi embedding, override and isolate
// marks, the Arabic letter mark, LRM/RLM, the line and paragraph separators, and unpaired surrogates. A
// well-formed surrogate pair is matched first and kept by the replacers (no lookbehind: the pane runs in older
// WebKit on a Mac, which has none, and a regular expression it cannot parse would stop the whole pane).
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\ud800-\udbff][\udc00-\udfff]|[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]/g;

/** A replacer that keeps a well-formed surrogate pair and replaces anything else the pattern matched. */
const keepPairs =
  (replace: (ch: string) => string) =>
  (ch: string): string =>
    ch.length === 2 ? ch : replace(ch);

const NAMED: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

function escapeChar(ch: string): string {
  const named = NAMED[ch];
  if (named) return named;
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, "0")}` : `\\u${code.toString(16).toUpperCase().padStart(4, "0")}`;
}

/**
 * Cut a text to at most `max` characters (UTF-16 units), never inside a surrogate pair, ending with "…" when cut.
 */
export function capText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - CUT_MARK.length);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--; // keep a pair whole
  return text.slice(0, end) + CUT_MARK;
}

/**
 * One line of terminal text: every control, bidi and line-breaking character is shown as a visible escape
 * (`\n`, `\x1B`, `\u202E`), so nothing from a file can move the cursor, start an escape sequence or begin a line of
 * its own; long texts are cut to `max` characters with "…" (the cut is made before escaping, so what is shown is
 * at most a few times `max`).
 */
export function terminalText(text: string, max = 200): string {
  return capText(String(text), max).replace(UNSAFE, keepPairs(escapeChar));
}

/** True when the text holds a character `terminalText` would escape. */
export function hasUnsafeChars(text: string): boolean {
  UNSAFE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = UNSAFE.exec(text))) if (m[0].length === 1) break;
  UNSAFE.lastIndex = 0;
  return m !== null;
}

/**
 * A long string kept in a data output (JSON) with the cut marked: `…（已截断，原文 N 字）`. Shorter strings come back
 * as they are. The escaping of JSON itself is left to `jsonText`.
 */
export function markCut(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${capText(text, max)}（已截断，原文 ${text.length} 字）`;
}

/**
 * JSON text that is safe to print on a terminal: JSON.stringify leaves C1 controls (U+009B starts a terminal
 * sequence), bidi marks and U+2028/2029 as raw characters; they are written as \uXXXX escapes, which JSON readers
 * turn back into the same string.
 */
export function jsonText(value: unknown, indent?: number): string {
  const json = JSON.stringify(value, null, indent);
  return json.replace(JSON_RAW, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

// What JSON.stringify writes raw that a terminal acts on (C0 controls inside strings are escaped by JSON.stringify
// itself; the only raw ones in its output are the indentation's newlines).
const JSON_RAW = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

// Characters XML 1.0 does not allow at all (a workbook with them does not open): C0 controls except tab, newline
// and carriage return, unpaired surrogates, U+FFFE and U+FFFF.
// eslint-disable-next-line no-control-regex
const XML_ILLEGAL = /[\ud800-\udbff][\udc00-\udfff]|[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\ud800-\udfff]/g;

/**
 * Text for a cell of a workbook we write (the summary workbook): characters XML cannot hold become "�", and the
 * text is cut to Excel's 32,767 characters with "…".
 */
export function cellText(text: string, max = EXCEL_CELL_MAX): string {
  return capText(String(text).replace(XML_ILLEGAL, keepPairs(() => "\ufffd")), max);
}

// What a document (the report, its clipboard HTML) shows as "�": C0 controls except tab and newline, DEL, C1
// controls, bidi marks, embeddings, overrides and isolates, the two noncharacters XML refuses, unpaired surrogates.
// eslint-disable-next-line no-control-regex
const DOCUMENT_UNSAFE = /[\ud800-\udbff][\udc00-\udfff]|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufffe\uffff\ud800-\udfff]/g;

/**
 * One line of text from a workbook for a dialog or the pane: no control or bidi characters (shown as "�"), line
 * breaks and the spaces around them made one space, at most `max` characters. Never cleans more than a few times
 * what is shown, so a cell of megabytes costs no more than a short one.
 */
export function lineText(text: string, max: number): string {
  return capText(documentText(String(text).slice(0, max * 4 + 16)).replace(/\s*\n\s*/g, " ").trim(), max);
}

/**
 * Text for a document: line breaks of every kind become "\n" (the renderer decides what a line is), a tab a space,
 * and every character that could hide, reorder or break the text a visible "�".
 */
export function documentText(text: string): string {
  return String(text)
    .replace(/\r\n?|[\u2028\u2029]/g, "\n")
    .replace(/\t/g, " ")
    .replace(DOCUMENT_UNSAFE, keepPairs(() => "\ufffd"));
}

/**
 * A sheet name from a project's name, for a form made from a targets table (`jixiao new --from` and the pane's
 * 从绩效目标表生成 name it alike): one line, no control or bidi characters, none of the characters Excel refuses in a
 * sheet name, not starting or ending with "'", at most 28 characters (room for " (2)" when the writer makes it
 * unique); `fallback` when nothing is left.
 */
export function sheetNameFor(name: string, fallback: string): string {
  const clean = documentText(name)
    .replace(/[\ufffd[\]:*?/\\]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^'+|'+$/g, "")
    .trim();
  return capText(clean, 29).replace(/…$/, "").trim() || fallback;
}
