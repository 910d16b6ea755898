// Copy text: the async Clipboard API where the host allows it, else a hidden textarea + execCommand.
export async function copyText(text: string, doc: Document = document): Promise<boolean> {
  try {
    const nav = doc.defaultView?.navigator;
    if (nav?.clipboard?.writeText) {
      await nav.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Office task panes may deny clipboard-write: fall through.
  }
  const area = doc.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  doc.body.appendChild(area);
  try {
    area.select();
    return typeof doc.execCommand === "function" ? doc.execCommand("copy") : false;
  } catch {
    return false;
  } finally {
    area.remove();
  }
}
