// Entry of the preview (dev only; built by webpack.preview.config.js into dist-preview/, never into dist/).
// Installs the fake Excel/Office globals, then runs the real pane bootstrap and the real src/excel host over it.
import { createRoot } from "react-dom/client";
import { createExcelHost } from "../excel/host";
import { createFakeExcel } from "../fake-excel";
import { boot } from "../taskpane/bootstrap";
import { bookOverFake } from "./book";
import { Preview } from "./Preview";

declare global {
  interface Window {
    /** For the browser tests and for poking around in the console. */
    __jxPreview?: { fake: ReturnType<typeof createFakeExcel> };
  }
}

const fake = createFakeExcel({ sheets: ["Sheet1"] });
fake.install(window as unknown as Record<string, unknown>);
window.__jxPreview = { fake };
const book = bookOverFake(fake);

let booted = false;
const paneRef = (el: HTMLDivElement | null) => {
  if (!el || booted) return;
  booted = true;
  void boot(el, { makeHost: () => createExcelHost() });
};

createRoot(document.getElementById("preview")!).render(<Preview book={book} paneRef={paneRef} />);
