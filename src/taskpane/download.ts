// Saving a file the pane made (the report's .docx): a Blob and an <a download>. Hosts differ (README, 自评报告):
// Excel on the web downloads it like any web page; desktop Excel on Windows (WebView2) usually shows its download
// bar in the pane; Excel for Mac and iPad (WKWebView) ignore it. The pane cannot tell whether the file arrived, so
// it offers copying beside it, and says so.

/** Where the host lets the pane download: "yes", "maybe" (desktop Excel on Windows) or "no" (Mac, iPad). */
export type DownloadSupport = "yes" | "maybe" | "no";

/** From Office's platform (Office.context.platform: "OfficeOnline", "PC", "Mac", "iOS", …); none outside Office. */
export function downloadSupport(platform: string | null | undefined): DownloadSupport {
  switch (platform) {
    case "PC":
    case "Universal":
      return "maybe";
    case "Mac":
    case "iOS":
    case "Android":
      return "no";
    default:
      return "yes"; // Excel on the web, and a plain browser (the preview)
  }
}

/** Offers `bytes` as a file named `name`. The object URL is released a minute later (a download may be slow). */
export function saveFile(bytes: Uint8Array, name: string, type: string, doc: Document = document): void {
  const win = doc.defaultView ?? window;
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type });
  const url = win.URL.createObjectURL(blob);
  const a = doc.createElement("a");
  a.href = url;
  a.download = name;
  a.rel = "noopener";
  a.style.display = "none";
  doc.body.appendChild(a);
  try {
    a.click();
  } finally {
    a.remove();
    win.setTimeout(() => win.URL.revokeObjectURL(url), 60_000);
  }
}
