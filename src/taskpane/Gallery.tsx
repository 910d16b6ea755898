// 插入: the six templates with a picture and a description, and the options they are made with.
// Inserting at the selection over a non-empty area asks first (or goes to a new sheet).
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Radio,
  RadioGroup,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { FORM_KINDS, type FormKind } from "../domain/model";
import type { Host, InsertResult } from "../sheet/host-contract";
import { useStrings } from "./i18n";
import { toOptions, useInsertPrefs, type InsertOptions, type InsertPrefsState, type Where } from "./insert-prefs";
import { TemplatePicture } from "./pictures";
import { Panel, Txt } from "./ui";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "12px" },
  summaryRow: { display: "flex", justifyContent: "space-between", alignItems: "center", gap: "8px" },
  fields: { display: "flex", flexDirection: "column", gap: "8px" },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "8px" },
  card: { padding: "8px", display: "grid", gridTemplateColumns: "auto 1fr", columnGap: "10px", alignItems: "start" },
  picture: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusSmall,
    "--jx-pic-bg": tokens.colorNeutralBackground1,
    "--jx-pic-ink": tokens.colorNeutralForeground3,
    "--jx-pic-accent": tokens.colorBrandBackground2,
  },
  body: { display: "flex", flexDirection: "column", gap: "4px", minWidth: 0 },
  name: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  desc: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  row: { display: "flex", gap: "8px", flexWrap: "wrap" },
});

export interface GalleryProps {
  host: Host;
  defaultYear: number;
  /** The remembered insert options (App keeps them for the session); the gallery's own when not given. */
  prefs?: InsertPrefsState;
  onInserted: (r: InsertResult, kind: FormKind) => void;
  onError: (message: string) => void;
  /** 从绩效目标表生成: the step that makes forms from the workbook's targets tables (none: not offered). */
  onFromTargets?: () => void;
}

type Pending = { kind: FormKind; options: InsertOptions; message?: string } | null;

export function Gallery({ host, defaultYear, prefs: given, onInserted, onError, onFromTargets }: GalleryProps) {
  const s = useStrings();
  const styles = useStyles();
  const own = useInsertPrefs(host, defaultYear);
  const { prefs, change, load, remember } = given ?? own;
  const { year: yearText, unit, department, project, rows: rowsText, taxonomy, where } = prefs;
  const [busy, setBusy] = useState<FormKind | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const [open, setOpen] = useState(false);
  useEffect(load, [load]);

  const doInsert = async (kind: FormKind, options: InsertOptions, at: Where) => {
    setBusy(kind);
    try {
      const r = await host.insert(kind, options, at);
      // The host never writes over a non-empty area: it refuses, and the officer chooses a new sheet instead.
      if (r.refused) setPending({ kind, options, message: r.message });
      else {
        await remember(options, where);
        onInserted(r, kind);
      }
    } catch (e) {
      onError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };

  const start = (kind: FormKind) => doInsert(kind, toOptions(prefs, defaultYear), where);

  const toNewSheet = () => {
    const p = pending;
    setPending(null);
    if (p) void doInsert(p.kind, p.options, "new-sheet");
  };

  return (
    <section className={styles.root} aria-label={s.tabs.insert} data-testid="gallery">
      {onFromTargets ? (
        <Panel data-testid="from-targets-entry">
          <h2 className={styles.heading}>{s.fromTargets}</h2>
          <Txt className={styles.desc}>{s.fromTargetsDesc}</Txt>
          <div className={styles.row}>
            <Button appearance="primary" onClick={onFromTargets}>
              {s.fromTargetsOpen}
            </Button>
          </div>
        </Panel>
      ) : null}
      <Panel>
        <div className={styles.summaryRow}>
          <h2 className={styles.heading}>{s.options}</h2>
          <Button
            size="small"
            appearance="subtle"
            aria-expanded={open}
            aria-controls="jx-options"
            onClick={() => setOpen(!open)}
          >
            {s.change}
          </Button>
        </div>
        <Txt size={200} data-testid="options-summary">
          {s.optionsSummary(
            yearText,
            rowsText,
            taxonomy === 2021 ? s.taxonomy2021 : s.taxonomy2020,
            where === "new-sheet" ? s.whereNewSheet : s.whereSelection,
          )}
        </Txt>
        {open ? (
          <div id="jx-options" className={styles.fields}>
            <Field label={s.optYear}>
              <Input
                type="number"
                min={1990}
                max={2100}
                value={yearText}
                onChange={(_, d) => change({ year: d.value })}
              />
            </Field>
            <Field label={s.optUnit}>
              <Input value={unit} maxLength={200} onChange={(_, d) => change({ unit: d.value })} />
            </Field>
            <Field label={s.optDepartment}>
              <Input value={department} maxLength={200} onChange={(_, d) => change({ department: d.value })} />
            </Field>
            <Field label={s.optProject}>
              <Input value={project} maxLength={200} onChange={(_, d) => change({ project: d.value })} />
            </Field>
            <Field label={s.optRows} hint={s.optRowsHint}>
              <Input type="number" min={1} max={10} value={rowsText} onChange={(_, d) => change({ rows: d.value })} />
            </Field>
            <Field label={s.optTaxonomy}>
              <RadioGroup
                value={String(taxonomy)}
                onChange={(_, d) => change({ taxonomy: d.value === "2021" ? 2021 : 2020 })}
              >
                <Radio value="2020" label={s.taxonomy2020} />
                <Radio value="2021" label={s.taxonomy2021} />
              </RadioGroup>
            </Field>
            <Field label={s.optWhere}>
              <RadioGroup
                value={where}
                onChange={(_, d) => change({ where: d.value === "selection" ? "selection" : "new-sheet" })}
              >
                <Radio value="new-sheet" label={s.whereNewSheet} />
                <Radio value="selection" label={s.whereSelection} />
              </RadioGroup>
            </Field>
          </div>
        ) : null}
      </Panel>
      <ul className={styles.list}>
        {FORM_KINDS.map((kind) => (
          <li key={kind}>
            <Panel className={styles.card} data-testid={`template-${kind}`}>
              <TemplatePicture kind={kind} className={styles.picture} />
              <div className={styles.body}>
                <h3 className={styles.name}>{s.kinds[kind]}</h3>
                <Txt className={styles.desc}>{s.kindDescriptions[kind]}</Txt>
                <div className={styles.row}>
                  <Button
                    size="small"
                    appearance="primary"
                    aria-label={s.insertNamed(s.kinds[kind])}
                    disabled={busy !== null}
                    onClick={() => void start(kind)}
                  >
                    {busy === kind ? "…" : s.insert}
                  </Button>
                </div>
              </div>
            </Panel>
          </li>
        ))}
      </ul>
      <Dialog open={pending !== null} onOpenChange={(_, d) => (d.open ? null : setPending(null))}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{s.confirmTitle}</DialogTitle>
            <DialogContent>
              {pending?.message ? <p>{pending.message}</p> : null}
              <p>{s.confirmBody}</p>
            </DialogContent>
            <DialogActions fluid>
              <Button appearance="primary" onClick={toNewSheet}>
                {s.confirmNewSheet}
              </Button>
              <Button appearance="subtle" onClick={() => setPending(null)}>
                {s.cancel}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
