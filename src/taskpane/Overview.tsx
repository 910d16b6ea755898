// 概览: one card per form on the active sheet: kind, unit, year, 执行率, 总分 and grade, errors and warnings.
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { Evaluation } from "../domain/model";
import type { SheetState } from "../sheet/host-contract";
import { useStrings } from "./i18n";
import { CAP, paneText } from "./safe";
import { countBySeverity, formatPercent, formatScore } from "./summary";
import { Panel, Pill, Txt, type PillColor } from "./ui";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "12px" },
  head: { display: "flex", justifyContent: "space-between", alignItems: "start", gap: "8px" },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  name: { color: tokens.colorNeutralForeground2 },
  facts: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: "12px",
    rowGap: "4px",
    margin: 0,
    alignItems: "center",
  },
  dt: { color: tokens.colorNeutralForeground2 },
  dd: { margin: 0, display: "flex", gap: "6px", alignItems: "center", flexWrap: "wrap" },
  big: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  counts: { display: "flex", gap: "8px", flexWrap: "wrap" },
  actions: { display: "flex", gap: "8px", flexWrap: "wrap" },
});

export interface OverviewProps {
  state: SheetState | null;
  profileLabel: string;
  busy: boolean;
  onCheck: () => void;
  onInsert: () => void;
}

export function Overview({ state, profileLabel, busy, onCheck, onInsert }: OverviewProps) {
  const s = useStrings();
  const styles = useStyles();
  const evaluations = state?.evaluations ?? [];
  return (
    <section className={styles.root} aria-label={s.tabs.overview} data-testid="overview">
      {evaluations.length === 0 ? (
        <Panel>
          <Txt weight="semibold">{s.noForm}</Txt>
          {state?.problem ? <Txt>{paneText(state.problem)}</Txt> : null}
          <Txt>{s.noFormHint}</Txt>
          <div className={styles.actions}>
            <Button appearance="primary" onClick={onInsert}>
              {s.goInsert}
            </Button>
          </div>
        </Panel>
      ) : (
        evaluations.map((ev, i) => <FormCard key={`${ev.form.sheet}-${ev.form.anchor ?? ""}-${i}`} ev={ev} />)
      )}
      <Txt size={200}>
        {s.profileInUse}
        {s.colon}
        {profileLabel}
      </Txt>
      <div className={styles.actions}>
        <Button appearance={evaluations.length ? "primary" : "secondary"} onClick={onCheck} disabled={busy}>
          {busy ? s.checking : s.runCheck}
        </Button>
      </div>
    </section>
  );
}

function FormCard({ ev }: { ev: Evaluation }) {
  const s = useStrings();
  const styles = useStyles();
  const counts = countBySeverity(ev.findings);
  const total = ev.total;
  const rate = ev.funds?.rate;
  // Ready to send only when complete and without error (docs/rules.md#ready-to-send).
  const verdict: { text: string; color: PillColor } = ev.ready
    ? { text: s.verdicts.ready, color: "success" }
    : !ev.complete
      ? { text: s.verdicts.incomplete, color: "neutral" }
      : { text: s.verdicts.errors, color: "danger" };
  return (
    <Panel data-testid="form-card">
      <div className={styles.head}>
        <h2 className={styles.title}>{s.kinds[ev.form.kind] ?? ev.form.kind}</h2>
        <Pill color={verdict.color} data-testid="overview-verdict">
          {verdict.text}
        </Pill>
      </div>
      {ev.form.name ? <Txt className={styles.name}>{paneText(ev.form.name, CAP.name)}</Txt> : null}
      <dl className={styles.facts}>
        <dt className={styles.dt}>{s.unit}</dt>
        <dd className={styles.dd}>{paneText(ev.form.unit, CAP.name) || "—"}</dd>
        <dt className={styles.dt}>{s.year}</dt>
        <dd className={styles.dd}>{ev.form.year ?? "—"}</dd>
        {ev.funds ? (
          <>
            <dt className={styles.dt}>{s.rate}</dt>
            <dd className={styles.dd} data-testid="overview-rate">
              <span className={styles.big}>{rate == null ? "—" : formatPercent(rate)}</span>
            </dd>
          </>
        ) : null}
        {total ? (
          <>
            <dt className={styles.dt}>{s.total}</dt>
            {total.complete ? (
              <dd className={styles.dd} data-testid="overview-total">
                <span className={styles.big}>{total.computed == null ? "—" : formatScore(total.computed)}</span>
                {total.grade ? <Pill color={gradeColor(total.grade)}>{s.grades[total.grade]}</Pill> : null}
              </dd>
            ) : (
              // Not final until the form is complete: the sum so far and what is still open, never a grade.
              <dd className={styles.dd} data-testid="overview-total" data-provisional="true">
                {s.provisional(total)}
              </dd>
            )}
          </>
        ) : null}
        <dt className={styles.dt}>{s.errors}</dt>
        <dd className={styles.dd}>
          <Pill color={counts.error ? "danger" : "success"} data-testid="overview-errors">
            {counts.error}
          </Pill>
        </dd>
        <dt className={styles.dt}>{s.warnings}</dt>
        <dd className={styles.dd}>
          <Pill color={counts.warning ? "warning" : "success"} data-testid="overview-warnings">
            {counts.warning}
          </Pill>
        </dd>
      </dl>
    </Panel>
  );
}

function gradeColor(g: string): PillColor {
  return g === "优" ? "success" : g === "良" ? "brand" : g === "中" ? "warning" : "danger";
}
