// 检查: the findings grouped by severity, each with a 定位 button, a clear all-passed state, and the
// 检查结果 summary to write into the workbook or copy as text.
import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { Severity } from "../domain/model";
import type { Host, SheetState } from "../sheet/host-contract";
import { copyText } from "./clipboard";
import { useLocale, useStrings } from "./i18n";
import { CAP, paneText } from "./safe";
import { Notice, Panel, Txt } from "./ui";
import { allFindings, groupBySeverity, messageOf, summaryRows, summaryText, type LocatedFinding } from "./summary";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "12px" },
  bar: { display: "flex", gap: "8px", alignItems: "center", flexWrap: "wrap" },
  group: { display: "flex", flexDirection: "column", gap: "6px" },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorNeutralForeground2 },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "6px" },
  item: {
    display: "grid",
    gridTemplateColumns: "1fr auto",
    gap: "6px",
    padding: "8px",
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderLeftWidth: "4px",
    backgroundColor: tokens.colorNeutralBackground1,
  },
  itemError: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  itemWarning: { borderLeftColor: tokens.colorPaletteDarkOrangeBorder2 },
  itemInfo: { borderLeftColor: tokens.colorNeutralStroke1 },
  locate: { alignSelf: "start" },
  chosen: { outline: `2px solid ${tokens.colorBrandStroke1}` },
  meta: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  message: { overflowWrap: "anywhere" },
});

export interface FindingsProps {
  host: Host;
  state: SheetState | null;
  busy: boolean;
  onCheck: () => void;
  onError: (message: string) => void;
  /** 生成自评报告: opens the report (a part loaded on demand). */
  onReport?: () => void;
}

const SUMMARY_SHEET_TITLE = "检查结果";

export function Findings({ host, state, busy, onCheck, onError, onReport }: FindingsProps) {
  const s = useStrings();
  const en = useLocale() === "en-US";
  const styles = useStyles();
  const [chosen, setChosen] = useState<string | null>(null);
  const [note, setNote] = useState("");
  const findings = allFindings(state);
  const groups = groupBySeverity(findings);
  const hasForms = (state?.evaluations.length ?? 0) > 0;
  // "可以发送" only when every form is complete and has no error (docs/rules.md#ready-to-send).
  const evaluations = state?.evaluations ?? [];
  const allReady = evaluations.every((ev) => ev.ready);
  const unfinished = evaluations.filter((ev) => !ev.complete);
  const hasErrors = findings.some((f) => f.severity === "error");
  const sevClass: Record<Severity, string> = { error: styles.error, warning: styles.warning, info: styles.info };
  const itemClass: Record<Severity, string> = {
    error: styles.itemError,
    warning: styles.itemWarning,
    info: styles.itemInfo,
  };

  const locate = async (f: LocatedFinding, key: string) => {
    setChosen(key);
    if (!f.cell) return;
    try {
      await host.select(f.sheet, f.cell);
    } catch (e) {
      onError(e instanceof Error ? e.message : String(e));
    }
  };

  const writeSheet = async () => {
    try {
      const name = await host.writeSummarySheet(SUMMARY_SHEET_TITLE, summaryRows(state, s, en));
      setNote(s.sheetWritten(name));
    } catch (e) {
      onError(e instanceof Error ? e.message : String(e));
    }
  };

  const copy = async () => {
    const ok = await copyText(summaryText(state, s, en));
    if (ok) setNote(s.copied);
    else onError(s.failed(s.copyText));
  };

  return (
    <section className={styles.root} aria-label={s.tabs.check} data-testid="findings">
      <div className={styles.bar}>
        <Button appearance="primary" onClick={onCheck} disabled={busy}>
          {s.runCheck}
        </Button>
        {busy ? <Txt role="status">{s.checking}</Txt> : null}
      </div>
      {hasForms && !allReady && !hasErrors ? (
        <Notice intent="info" data-testid="not-ready" title={s.notReady}>
          {unfinished.map((ev, i) => (ev.total ? <div key={i}>{s.provisional(ev.total)}</div> : null))}
          {s.notReadyHint}
        </Notice>
      ) : null}
      {!state ? (
        <Txt>{s.notChecked}</Txt>
      ) : !hasForms ? (
        <Txt>{s.noForm}</Txt>
      ) : findings.length === 0 && allReady ? (
        <Notice intent="success" data-testid="all-passed" title={s.allPassed}>
          {s.allPassedHint}
        </Notice>
      ) : (
        groups.map((g) => (
          <div key={g.severity} className={styles.group} data-testid={`group-${g.severity}`}>
            <h2 className={mergeClasses(styles.heading, sevClass[g.severity])}>
              {s.severities[g.severity]}（{g.items.length}）
            </h2>
            <ul className={styles.list}>
              {g.items.map((f, i) => {
                const key = `${g.severity}-${i}-${f.sheet}-${f.cell ?? ""}-${f.code}`;
                return (
                  <li
                    key={key}
                    className={mergeClasses(styles.item, itemClass[g.severity], chosen === key && styles.chosen)}
                    aria-current={chosen === key ? "true" : undefined}
                    data-testid="finding"
                    data-code={f.code}
                    data-cell={f.cell ?? ""}
                  >
                    <div>
                      <div className={styles.message}>{messageOf(f, en)}</div>
                      <div className={styles.meta}>
                        {[f.cell ?? s.noCell, paneText(f.indicator, CAP.name)].filter(Boolean).join(" · ")}
                      </div>
                    </div>
                    {f.cell ? (
                      <Button
                        size="small"
                        className={styles.locate}
                        aria-label={s.locateAt(f.cell)}
                        onClick={() => void locate(f, key)}
                      >
                        {s.locate}
                      </Button>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </div>
        ))
      )}
      {state?.targets?.compared.length || state?.targets?.notes.length ? (
        <div className={styles.group} data-testid="targets-compared">
          {state.targets.compared.map((c, i) => (
            <Txt key={i} size={200} className={styles.meta}>
              {s.targetsCompared(paneText(c.table, CAP.name), paneText(c.sheet, CAP.sheet))}
            </Txt>
          ))}
          {state.targets.notes.map((n, i) => (
            <Notice key={`n${i}`} intent="warning">
              {paneText(n)}
            </Notice>
          ))}
        </div>
      ) : null}
      {hasForms && onReport ? (
        <Panel data-testid="report-panel">
          <h2 className={styles.heading}>{s.report}</h2>
          <Txt size={200}>{s.reportHint}</Txt>
          <div className={styles.bar}>
            <Button appearance="primary" onClick={onReport}>
              {s.reportMake}
            </Button>
          </div>
        </Panel>
      ) : null}
      {hasForms ? (
        <Panel>
          <h2 className={styles.heading}>{s.summary}</h2>
          <Txt size={200}>{s.summaryHint}</Txt>
          <div className={styles.bar}>
            <Button onClick={() => void writeSheet()}>{s.writeSheet}</Button>
            <Button onClick={() => void copy()}>{s.copyText}</Button>
          </div>
        </Panel>
      ) : null}
      <div role="status" aria-live="polite" data-testid="findings-note">
        {note}
      </div>
    </section>
  );
}
