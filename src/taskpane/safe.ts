// Text that came from the workbook (sheet names, project and indicator names, messages quoting cells), as the pane
// shows it (issue #12 item 3): React already escapes HTML, so what is left is what could hide or reorder the text —
// control characters and bidi overrides, each shown as a visible "�" (the shared rule of sheet/safe-text.ts) —,
// line breaks, which become spaces, and length: a long text is cut with "…".
import { lineText } from "../sheet/safe-text";

/** Caps for what the pane shows. */
export const CAP = { name: 80, sheet: 40, message: 600 } as const;

/** One line of text from the workbook, safe to show, at most `max` characters. */
export function paneText(text: string | null | undefined, max: number = CAP.message): string {
  return text == null ? "" : lineText(text, max);
}
