// Shows a CommandMessage in a small Office dialog (dialog.html) and resolves when the user closes it.
// A ribbon function has no UI of its own; without this an error would vanish into the console.
import { toQuery, type CommandMessage } from "./messages";

/** Closes a forgotten dialog so the command can complete (Office allows a function command a few minutes). */
export const DIALOG_TIMEOUT_MS = 4 * 60 * 1000;

export function dialogUrl(m: CommandMessage, base: string = window.location.href): string {
  return `${new URL("dialog.html", base).href}?${toQuery(m)}`;
}

export function showMessage(m: CommandMessage, timeoutMs = DIALOG_TIMEOUT_MS): Promise<void> {
  return new Promise<void>((resolve) => {
    const ui = typeof Office !== "undefined" ? Office.context?.ui : undefined;
    if (!ui || typeof ui.displayDialogAsync !== "function") {
      console.error(`[绩效自评助手] ${m.lines.join(" ")}`);
      resolve();
      return;
    }
    const height = Math.min(60, 26 + 5 * m.lines.length);
    ui.displayDialogAsync(dialogUrl(m), { height, width: 32, displayInIframe: true }, (result) => {
      if (result.status !== Office.AsyncResultStatus.Succeeded) {
        console.error(`[绩效自评助手] ${m.lines.join(" ")} (dialog: ${result.error?.message ?? "failed"})`);
        resolve();
        return;
      }
      const dialog = result.value;
      let done = false;
      const finish = (close: boolean) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        if (close) dialog.close();
        resolve();
      };
      const timer = setTimeout(() => finish(true), timeoutMs);
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => finish(true));
      // Closed with its X, or the page failed to load: nothing left to close.
      dialog.addEventHandler(Office.EventType.DialogEventReceived, () => finish(false));
    });
  });
}
