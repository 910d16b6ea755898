// 插入 → 从绩效目标表生成 (issue #14 item 1, pane side): pick the approved 绩效目标表 of the open workbook (any sheet,
// any layout the reader understands), choose the kind of self-evaluation, and insert the form(s) filled from it
// (domain/from-targets). What the officer must check — weights given by default, what could not be carried — is
// shown here after the insert, and the host writes the weights note into the new form's 助手提示 column too.
// A part loaded on demand (parts.ts); the ribbon's 插入 → 从绩效目标表生成 opens the pane here.
import { Button, Checkbox, Field, Radio, RadioGroup, makeStyles, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useRef, useState } from "react";
import { DRAFT_KINDS, draftsFromTargets, type Draft, type DraftKind } from "../domain/from-targets";
import type { Form } from "../domain/model";
import type { Host, InsertResult } from "../sheet/host-contract";
import { useStrings } from "./i18n";
import { useFromTargetsStrings } from "./strings-from-targets";
import { CAP, paneText } from "./safe";
import { Notice, Panel, Txt } from "./ui";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "12px" },
  bar: { display: "flex", gap: "8px", alignItems: "center", flexWrap: "wrap" },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "2px" },
  code: { display: "block", marginLeft: "32px", color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  items: { margin: "4px 0 0", paddingLeft: "18px", display: "flex", flexDirection: "column", gap: "4px" },
});

export interface FromTargetsProps {
  host: Host;
  /** The forms were inserted (the last one is the active sheet). */
  onInserted: (r: InsertResult) => void;
  onBack: () => void;
  onError: (message: string) => void;
}

type Found = { tables: Form[]; skipped: string[] } | null;

interface Made {
  sheets: string[];
  kind: DraftKind;
  /** What to check, per form: its name and how many weights were given by default. */
  weights: { name: string; count: number }[];
  warnings: string[];
}

export function FromTargets({ host, onInserted, onBack, onError }: FromTargetsProps) {
  const s = useStrings();
  const t = useFromTargetsStrings();
  const styles = useStyles();
  const [found, setFound] = useState<Found>(null);
  const [picked, setPicked] = useState<Set<number>>(new Set());
  const [kind, setKind] = useState<DraftKind>("project");
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState<Made | null>(null);
  const [hint, setHint] = useState("");
  // The pane re-renders often: the workbook is read when the step opens and on 重新查找, not on every render.
  const failed = useRef(onError);
  failed.current = onError;

  const look = useCallback(() => {
    let live = true;
    setFound(null);
    host
      .readTargets()
      .then((r) => {
        if (!live) return;
        setFound(r);
        setPicked(new Set(r.tables.length ? [0] : []));
      })
      .catch((e: unknown) => {
        if (!live) return;
        setFound({ tables: [], skipped: [] });
        failed.current(e instanceof Error ? e.message : String(e));
      });
    return () => {
      live = false;
    };
  }, [host]);
  useEffect(look, [look]);

  const toggle = (i: number, on: boolean) => {
    setPicked((p) => {
      const next = new Set(p);
      if (on) next.add(i);
      else next.delete(i);
      return next;
    });
    setHint("");
  };

  const make = async () => {
    const chosen = (found?.tables ?? []).filter((_, i) => picked.has(i));
    if (chosen.length === 0) {
      setHint(t.fromTargetsPick);
      return;
    }
    setBusy(true);
    setMade(null);
    try {
      const drafts: Draft[] = draftsFromTargets(chosen, { kind });
      const sheets: string[] = [];
      let last: InsertResult | null = null;
      // One insert after another: each form goes to a sheet of its own (the host names it after the project).
      for (const d of drafts) {
        last = await host.insert(d.kind, d.options, "new-sheet", { form: d.fill, notes: d.notes });
        sheets.push(last.sheet);
      }
      setMade({
        sheets,
        kind,
        weights: drafts
          .filter((d) => d.notes.length > 0 && !Array.isArray(d.fill))
          .map((d) => ({ name: (d.fill as Form).name, count: d.notes.length })),
        warnings: drafts.flatMap((d) => d.warnings),
      });
      if (last) onInserted(last);
    } catch (e) {
      onError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const tables = found?.tables ?? [];
  return (
    <section className={styles.root} aria-label={s.fromTargets} data-testid="from-targets">
      <div className={styles.bar}>
        <Button onClick={onBack}>{t.fromTargetsBack}</Button>
      </div>
      <Panel>
        <h2 className={styles.heading}>{s.fromTargets}</h2>
        <Txt size={200}>{s.fromTargetsDesc}</Txt>
      </Panel>
      {found === null ? (
        <Txt role="status" data-testid="targets-reading">
          {t.fromTargetsReading}
        </Txt>
      ) : tables.length === 0 ? (
        <Notice
          intent="info"
          data-testid="targets-none"
          actions={<Button onClick={look}>{t.fromTargetsReload}</Button>}
        >
          {t.fromTargetsNone}
        </Notice>
      ) : (
        <Panel>
          <Field label={t.fromTargetsTables}>
            <ul className={styles.list} data-testid="targets-list">
              {tables.map((table, i) => (
                <li key={`${table.sheet}-${table.anchor ?? ""}-${i}`}>
                  <Checkbox
                    checked={picked.has(i)}
                    onChange={(_, d) => toggle(i, d.checked === true)}
                    label={t.fromTargetsTable(
                      paneText(table.name || table.unit || table.sheet, CAP.name),
                      paneText(table.sheet, CAP.sheet),
                      table.indicators.filter((x) => x.name.trim() || x.target.trim()).length,
                    )}
                  />
                  {table.code ? <span className={styles.code}>{t.fromTargetsCode(paneText(table.code, CAP.name))}</span> : null}
                </li>
              ))}
            </ul>
          </Field>
          <Field label={t.fromTargetsKind}>
            <RadioGroup value={kind} onChange={(_, d) => setKind(d.value as DraftKind)}>
              {DRAFT_KINDS.map((k) => (
                <Radio key={k} value={k} label={s.kinds[k]} />
              ))}
            </RadioGroup>
          </Field>
          {kind === "multi-project" ? <Txt size={200}>{t.fromTargetsMulti}</Txt> : null}
          <div className={styles.bar}>
            <Button appearance="primary" onClick={() => void make()} disabled={busy} data-testid="targets-make">
              {busy ? t.fromTargetsMaking : t.fromTargetsMake}
            </Button>
            {hint ? (
              <Txt role="alert" size={200}>
                {hint}
              </Txt>
            ) : null}
          </div>
        </Panel>
      )}
      {found?.skipped.map((m, i) => (
        <Txt key={i} size={200}>
          {paneText(m)}
        </Txt>
      ))}
      {made ? (
        <Notice intent="success" data-testid="targets-made" title={t.fromTargetsDone(made.sheets.length, s.kinds[made.kind], made.sheets.map((x) => `“${paneText(x, CAP.sheet)}”`).join("、"))}>
          <strong>{t.fromTargetsCheck}</strong>
          <ul className={styles.items} data-testid="targets-check">
            {made.weights.map((w, i) => (
              <li key={`w${i}`}>{t.fromTargetsWeights(paneText(w.name, CAP.name), w.count)}</li>
            ))}
            {made.warnings.map((w, i) => (
              <li key={`x${i}`}>{paneText(w)}</li>
            ))}
            <li>{t.fromTargetsBlank}</li>
          </ul>
        </Notice>
      ) : null}
    </section>
  );
}
