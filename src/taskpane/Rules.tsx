// 规则: the rule profile in use, a choice of profile, and what it changes against the national rules.
import { Field, Radio, RadioGroup, makeStyles, tokens } from "@fluentui/react-components";
import { Panel, Txt } from "./ui";
import { useState } from "react";
import type { Host } from "../sheet/host-contract";
import { useLocale, useStrings } from "./i18n";
import { profileInfos } from "./profile-info";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "12px" },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: "18px", display: "flex", flexDirection: "column", gap: "4px" },
  dim: { color: tokens.colorNeutralForeground2 },
});

export interface RulesProps {
  host: Host;
  profile: string;
  onProfileChanged: (name: string) => void;
  onError: (message: string) => void;
}

export function Rules({ host, profile, onProfileChanged, onError }: RulesProps) {
  const s = useStrings();
  const locale = useLocale();
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const infos = profileInfos(locale);
  const current = infos.find((p) => p.id === profile) ?? infos[0];

  const choose = async (name: string) => {
    setBusy(true);
    try {
      await host.setProfile(name);
      onProfileChanged(name);
    } catch (e) {
      onError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.root} aria-label={s.tabs.rules} data-testid="rules">
      <Field label={s.profile}>
        <RadioGroup value={current?.id ?? profile} disabled={busy} onChange={(_, d) => void choose(d.value)}>
          {infos.map((p) => (
            <Radio key={p.id} value={p.id} label={p.label} />
          ))}
        </RadioGroup>
      </Field>
      {current ? (
        <Panel>
          <h2 className={styles.heading}>{s.profileChanges}</h2>
          {current.changes.length === 0 ? (
            <Txt>{s.profileSameAsNational}</Txt>
          ) : (
            <ul className={styles.list} data-testid="profile-changes">
              {current.changes.map((c) => (
                <li key={c.key}>
                  {c.label}：<strong>{c.value}</strong>
                  <span className={styles.dim}> （{c.nationalLabel}）</span>
                </li>
              ))}
            </ul>
          )}
        </Panel>
      ) : null}
    </section>
  );
}
