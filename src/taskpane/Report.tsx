// 检查 → 生成自评报告 (issue #15 item 4): the report drafted from the active sheet's forms (domain/report), shown in
// the pane, copied as rich text for Word and WPS 文字, and downloaded as .docx where the host allows downloads.
// A part loaded on demand (parts.ts, chunk "report"); the .docx writer is a chunk of its own again, fetched only
// when the officer downloads. An incomplete form's draft opens with the verdict (draftReport's notice block).
import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { Fragment, useMemo, useState, type ReactNode } from "react";
import { draftReport, placeholderCount, type Block, type Inline, type ReportDraft, type Runs } from "../domain/report";
import { draftToHtml, draftToHtmlDocument, draftToText } from "../document/html";
import { DOCX_MIME, reportFileName } from "../document/files";
import { safeLines, safeRunText } from "../document/safe";
import { mergeSpans } from "../document/table";
import type { SheetState } from "../sheet/host-contract";
import { saveFile, type DownloadSupport } from "./download";
import { useStrings } from "./i18n";
import { useReportStrings } from "./strings-report";
import { copyRich } from "./rich-clipboard";
import { Notice, Panel, Txt } from "./ui";

/** The .docx writer (and the `docx` library): its own chunk, fetched on the first download. */
const loadDocx = () => import(/* webpackChunkName: "docx" */ "../document/docx");

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "12px", minWidth: 0 },
  bar: { display: "flex", gap: "8px", alignItems: "center", flexWrap: "wrap" },
  doc: {
    display: "flex",
    flexDirection: "column",
    gap: "6px",
    padding: "12px",
    minWidth: 0,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    overflowWrap: "anywhere",
  },
  title: { margin: "0 0 2px", textAlign: "center", fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  subtitle: { margin: 0, textAlign: "center", color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  h1: { margin: "8px 0 0", fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightBold },
  h2: { margin: "6px 0 0", fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  h3: { margin: "4px 0 0", fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, fontStyle: "italic" },
  p: { margin: 0, textIndent: "2em" },
  notice: {
    padding: "6px 8px",
    border: `1px solid ${tokens.colorPaletteRedBorder2}`,
    backgroundColor: tokens.colorPaletteRedBackground1,
    borderRadius: tokens.borderRadiusMedium,
  },
  noticeList: { margin: "4px 0 0", paddingLeft: "20px" },
  placeholder: { backgroundColor: tokens.colorPaletteYellowBackground2, color: tokens.colorNeutralForeground1 },
  figure: { margin: "6px 0", display: "flex", flexDirection: "column", gap: "4px", minWidth: 0 },
  caption: { textAlign: "center", fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200 },
  scroll: { overflowX: "auto", maxWidth: "100%" },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, minWidth: "460px" },
  cell: { border: `1px solid ${tokens.colorNeutralStroke1}`, padding: "2px 4px", verticalAlign: "middle", overflowWrap: "normal" },
  head: { backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightSemibold },
  note: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

export interface ReportProps {
  state: SheetState | null;
  /** Whether the host lets the pane download files (download.ts downloadSupport). */
  downloads: DownloadSupport;
  onBack: () => void;
}

export function Report({ state, downloads, onBack }: ReportProps) {
  const s = useStrings();
  const t = useReportStrings();
  const styles = useStyles();
  const result = useMemo(() => draftReport(state?.evaluations ?? []), [state]);
  const [note, setNote] = useState<{ text: string; intent: "success" | "warning" | "error" } | null>(null);
  const [busy, setBusy] = useState(false);
  const draft = result.ok ? result.draft : null;

  const copy = async () => {
    if (!draft) return;
    const how = await copyRich(draftToHtmlDocument(draft), draftToText(draft), draftToHtml(draft));
    setNote(how ? { text: t.reportCopied, intent: "success" } : { text: t.reportCopyFailed, intent: "warning" });
  };

  const download = async () => {
    if (!draft) return;
    setBusy(true);
    setNote(null);
    try {
      const docx = await loadDocx().catch(() => {
        throw new Error(t.reportDocxMissing);
      });
      const name = reportFileName(draft);
      saveFile(await docx.draftToDocx(draft), name, DOCX_MIME);
      setNote({ text: t.reportDownloaded(name), intent: "success" });
    } catch (e) {
      setNote({ text: t.reportDownloadFailed(e instanceof Error ? e.message : String(e)), intent: "error" });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.root} aria-label={s.report} data-testid="report">
      <div className={styles.bar}>
        <Button onClick={onBack}>{t.reportBack}</Button>
      </div>
      {!draft ? (
        <Notice intent="info" data-testid="report-none">
          {result.ok ? null : result.error.message}
        </Notice>
      ) : (
        <>
          <Panel>
            <div className={styles.bar}>
              <Button appearance="primary" onClick={() => void copy()} data-testid="report-copy">
                {t.reportCopy}
              </Button>
              {downloads !== "no" ? (
                <Button onClick={() => void download()} disabled={busy} data-testid="report-download">
                  {busy ? t.reportDownloading : t.reportDownload}
                </Button>
              ) : null}
            </div>
            {downloads === "no" ? <Txt size={200} data-testid="report-no-download">{t.reportNoDownload}</Txt> : null}
            {downloads === "maybe" ? <Txt size={200} data-testid="report-download-hint">{t.reportDesktopDownload}</Txt> : null}
            {placeholderCount(draft) > 0 ? <Txt size={200}>{t.reportPlaceholders(placeholderCount(draft))}</Txt> : null}
          </Panel>
          <div role="status" aria-live="polite" data-testid="report-note">
            {note ? <Notice intent={note.intent}>{note.text}</Notice> : null}
          </div>
          <DraftView draft={draft} />
        </>
      )}
    </section>
  );
}

/** The draft as the pane shows it: React elements (every text escaped by React, made safe by safeLines). */
function DraftView({ draft }: { draft: ReportDraft }) {
  const t = useReportStrings();
  const styles = useStyles();
  return (
    <article className={styles.doc} aria-label={t.reportDraft} data-testid="report-draft" lang="zh-CN">
      <h2 className={styles.title}>
        <RunsView runs={draft.title} />
      </h2>
      {draft.subtitle.map((line, i) => (
        <p key={`s${i}`} className={styles.subtitle}>
          <RunsView runs={line} />
        </p>
      ))}
      {draft.blocks.map((b, i) => (
        <BlockView key={i} block={b} />
      ))}
    </article>
  );
}

function InlineView({ run }: { run: Inline }) {
  const styles = useStyles();
  if (run.role === "placeholder") return <mark className={styles.placeholder}>{run.text}</mark>;
  if (run.role === "strong") return <strong>{run.text}</strong>;
  return <>{run.text}</>;
}

/** Runs on one line; the line breaks of the form's own texts as <br>. */
function RunsView({ runs }: { runs: Runs }) {
  return (
    <>
      {safeLines(runs).map((line, i) => (
        <Fragment key={i}>
          {i > 0 ? <br /> : null}
          {line.map((r, k) => (
            <InlineView key={k} run={r} />
          ))}
        </Fragment>
      ))}
    </>
  );
}

function BlockView({ block: b }: { block: Block }) {
  const t = useReportStrings();
  const styles = useStyles();
  switch (b.type) {
    case "heading": {
      // The pane's own heading is h1 and the draft's title h2: the draft's levels 1–3 are h3–h5.
      const cls = mergeClasses(b.level === 1 ? styles.h1 : b.level === 2 ? styles.h2 : styles.h3);
      const body = <RunsView runs={b.runs} />;
      return b.level === 1 ? <h3 className={cls}>{body}</h3> : b.level === 2 ? <h4 className={cls}>{body}</h4> : <h5 className={cls}>{body}</h5>;
    }
    case "paragraph":
      return (
        <>
          {safeLines(b.runs).map((line, i) => (
            <p key={i} className={styles.p}>
              {line.map((r, k) => (
                <InlineView key={k} run={r} />
              ))}
            </p>
          ))}
        </>
      );
    case "notice":
      return (
        <div className={styles.notice} role="note" data-testid="report-verdict" data-tone={b.tone}>
          <strong>
            <RunsView runs={b.runs} />
          </strong>
          {b.items.length ? (
            <ol className={styles.noticeList}>
              {b.items.map((item, i) => (
                <li key={i}>
                  <RunsView runs={item} />
                </li>
              ))}
            </ol>
          ) : null}
        </div>
      );
    case "table": {
      const spans = mergeSpans(b.rows, b.mergeDown, b.columns.length);
      const caption: ReactNode = <RunsView runs={b.caption} />;
      return (
        <figure className={styles.figure}>
          <figcaption className={styles.caption}>{caption}</figcaption>
          <div className={styles.scroll} role="region" aria-label={t.reportScroll} tabIndex={0}>
            <table className={styles.table}>
              <thead>
                <tr>
                  {b.columns.map((c, k) => (
                    <th key={k} scope="col" className={mergeClasses(styles.cell, styles.head)} style={{ width: `${c.width}%` }}>
                      {safeRunText(c.header, true)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {b.rows.map((row, r) => (
                  <tr key={r}>
                    {b.columns.map((c, k) =>
                      spans[r][k] === 0 ? null : (
                        <td key={k} rowSpan={spans[r][k] > 1 ? spans[r][k] : undefined} className={styles.cell} style={{ textAlign: c.align }}>
                          <RunsView runs={row[k] ?? []} />
                        </td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {b.note ? (
            <div className={styles.note}>
              <RunsView runs={b.note} />
            </div>
          ) : null}
        </figure>
      );
    }
  }
}
