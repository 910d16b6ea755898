// The preview page: the in-browser workbook on the left, the real task pane on the right, plainly
// labelled 预览 (dev only; never part of the add-in bundle).
import { useEffect, useState } from "react";
import type { PreviewBook } from "./book";
import { Grid } from "./Grid";

const POLL_MS = 120;

/** Re-renders when the workbook changes (the pane writes through the fake Excel, which has no push API). */
function useBookVersion(book: PreviewBook): string {
  const [v, setV] = useState(book.version());
  useEffect(() => {
    const t = setInterval(() => setV(book.version()), POLL_MS);
    return () => clearInterval(t);
  }, [book]);
  return v;
}

export function Preview({ book, paneRef }: { book: PreviewBook; paneRef: (el: HTMLDivElement | null) => void }) {
  const version = useBookVersion(book);
  return (
    <div className="pv-page">
      <header className="pv-header">
        <strong className="pv-badge">预览</strong>
        <span>
          绩效自评助手 · 不是
          Excel：左边是浏览器里的模拟工作簿（公式由项目自带的计算引擎重算），右边是真正的任务窗格。数据只保存在本页。
        </span>
      </header>
      <div className="pv-main">
        <section className="pv-left" aria-label="模拟工作簿">
          <Grid book={book} version={version} />
        </section>
        <aside className="pv-pane" aria-label="任务窗格" ref={paneRef} data-testid="pane-frame" />
      </div>
    </div>
  );
}
