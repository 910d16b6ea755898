// The page of a ribbon command's message dialog (notify.ts opens it). Text only: never parsed as HTML.
import { fromQuery, type CommandMessage } from "./messages";

export function renderMessage(doc: Document, m: CommandMessage): void {
  doc.body.dataset.tone = m.tone;
  const title = doc.getElementById("title");
  if (title) title.textContent = m.title;
  const fill = (id: string, lines: string[]) => {
    const box = doc.getElementById(id);
    if (!box) return;
    box.replaceChildren(
      ...lines.map((line) => {
        const p = doc.createElement("p");
        p.textContent = line;
        return p;
      }),
    );
  };
  fill("text", m.lines);
  fill("text-en", m.linesEn);
}

/** OK tells the command (the dialog's parent) to close the dialog; outside Office the window closes itself. */
export function closeDialog(): void {
  const ui = typeof Office !== "undefined" ? Office.context?.ui : undefined;
  if (ui && typeof ui.messageParent === "function") ui.messageParent("close");
  else window.close();
}

export function start(doc: Document = document, search: string = window.location.search): void {
  renderMessage(doc, fromQuery(search));
  const ok = doc.getElementById("ok");
  ok?.addEventListener("click", closeDialog);
  doc.addEventListener("keydown", (e) => {
    if (e.key === "Escape" || e.key === "Enter") closeDialog();
  });
  ok?.focus();
}

if (typeof document !== "undefined" && document.getElementById("ok")) {
  if (typeof Office !== "undefined") void Office.onReady(() => start());
  else start();
}
