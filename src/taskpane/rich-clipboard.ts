// Copy formatted text (the report) so that a paste into Word or WPS 文字 keeps its headings and tables: text/html
// and text/plain together, through the async Clipboard API with a ClipboardItem where the host allows it; else a
// copy of a selection, with the two flavours set on the copy event (and the selected hidden element as a last
// resort for a webview that ignores them). Office task panes differ: some deny clipboard-write, some lack
// ClipboardItem, older ones have only execCommand("copy").

/** How the text was copied, or null when the host allows neither way. */
export type CopyWay = "clipboard-api" | "selection" | null;

type ItemCtor = new (items: Record<string, Blob>) => ClipboardItem;

/**
 * Copies `html` (a whole HTML document: the text/html flavour) and `text` (text/plain). `fragment` is the same
 * content as an HTML fragment, put into the hidden element the fallback selects; it must be markup we made, every
 * text in it escaped (document/html.ts draftToHtml).
 */
export async function copyRich(html: string, text: string, fragment: string, doc: Document = document): Promise<CopyWay> {
  const win = doc.defaultView;
  const clipboard = win?.navigator?.clipboard;
  const Item = (win as unknown as { ClipboardItem?: ItemCtor } | null)?.ClipboardItem;
  if (clipboard && typeof clipboard.write === "function" && typeof Item === "function") {
    try {
      await clipboard.write([
        new Item({
          "text/html": new Blob([html], { type: "text/html" }),
          "text/plain": new Blob([text], { type: "text/plain" }),
        }),
      ]);
      return "clipboard-api";
    } catch {
      // denied (no clipboard-write permission in this webview) or not focused: the older way below
    }
  }
  return selectionCopy(html, text, fragment, doc) ? "selection" : null;
}

function selectionCopy(html: string, text: string, fragment: string, doc: Document): boolean {
  const win = doc.defaultView;
  if (typeof doc.execCommand !== "function" || !win) return false;
  const box = doc.createElement("div");
  box.setAttribute("aria-hidden", "true");
  box.style.cssText = "position:fixed;left:-10000px;top:0;width:600px;opacity:0;pointer-events:none;white-space:normal";
  box.innerHTML = fragment;
  doc.body.appendChild(box);
  let set = false;
  const onCopy = (e: ClipboardEvent) => {
    if (!e.clipboardData) return;
    e.clipboardData.setData("text/html", html);
    e.clipboardData.setData("text/plain", text);
    e.preventDefault();
    set = true;
  };
  doc.addEventListener("copy", onCopy);
  // (A DOM Selection, not an Office proxy: nothing to load or sync.)
  const selection: Selection | null = win.getSelection();
  // eslint-disable-next-line office-addins/load-object-before-read, office-addins/call-sync-before-read
  const saved = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
  try {
    const range = doc.createRange();
    range.selectNodeContents(box);
    selection?.removeAllRanges();
    selection?.addRange(range);
    const ok = doc.execCommand("copy");
    return ok || set;
  } catch {
    return false;
  } finally {
    doc.removeEventListener("copy", onCopy);
    selection?.removeAllRanges();
    if (saved) selection?.addRange(saved);
    box.remove();
  }
}
