// The pane: a Fluent UI v9 shell (zh-CN, English switch) over a Host. No Office globals here.
import { Button, FluentProvider, Tab, TabList, makeStyles, tokens, type Theme } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import type { Host } from "../sheet/host-contract";
import { Findings } from "./Findings";
import { usePaneState } from "./host-context";
import { LocaleContext, stringsFor, type Locale } from "./i18n";
import { lastYear, useInsertPrefs } from "./insert-prefs";
import { Loaded } from "./lazy";
import { downloadSupport } from "./download";
import { Overview } from "./Overview";
import { fromTargetsPart, galleryPart, preloadParts, reportPart, rulesPart } from "./parts";
import { profileLabel } from "./profile-info";
import { CAP, paneText } from "./safe";
import { themeFor } from "./theme";
import { Notice } from "./ui";

const useStyles = makeStyles({
  provider: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground1 },
  root: {
    display: "flex",
    flexDirection: "column",
    gap: "10px",
    padding: "10px 12px 16px",
    minWidth: "280px",
    maxWidth: "640px",
    boxSizing: "border-box",
  },
  header: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: "8px", flexWrap: "wrap" },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  tabs: { marginLeft: "-10px", marginRight: "-10px" },
  status: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, minHeight: "1em" },
});

type TabId = "overview" | "insert" | "check" | "rules";
const TABS: TabId[] = ["overview", "insert", "check", "rules"];

/** Where the pane opens: the overview, or a step the ribbon asked for (taskpane.html?start=from-targets). */
export type StartAt = "overview" | "from-targets";

export interface AppProps {
  host: Host;
  theme?: Theme;
  locale?: Locale;
  onLocaleChange?: (l: Locale) => void;
  /** Default year for new forms (the year being evaluated: last year). */
  defaultYear?: number;
  /** The step to open at (the ribbon's 插入 → 从绩效目标表生成 opens the pane at from-targets). */
  start?: StartAt;
  /** Office's platform ("OfficeOnline", "PC", "Mac", …): whether the report can be downloaded. */
  platform?: string | null;
}

export function App({
  host,
  theme = themeFor(null),
  locale: initial = "zh-CN",
  onLocaleChange,
  defaultYear,
  start = "overview",
  platform = null,
}: AppProps) {
  const [locale, setLocale] = useState<Locale>(initial);
  const s = stringsFor(locale);
  const styles = useStyles();
  const pane = usePaneState(host);
  const [tab, setTab] = useState<TabId>(start === "from-targets" ? "insert" : "overview");
  // The step within 插入 (the templates, or 从绩效目标表生成) and within 检查 (the findings, or the report).
  const [insertStep, setInsertStep] = useState<"gallery" | "from-targets">(start === "from-targets" ? "from-targets" : "gallery");
  const [checkStep, setCheckStep] = useState<"findings" | "report">("findings");
  const [profile, setProfile] = useState(host.profile);
  const [status, setStatus] = useState("");
  const top = useRef<HTMLElement>(null);
  // A new tab starts at its top (the gallery is long; the overview is short).
  useEffect(() => {
    top.current?.scrollIntoView?.({ block: "start" });
  }, [tab]);
  const year = defaultYear ?? lastYear();
  const insertPrefs = useInsertPrefs(host, year);
  // Once the pane has shown the sheet (or why not), fetch the parts loaded on demand while nothing else happens.
  const settled = pane.state !== null || pane.error !== null;
  useEffect(() => {
    if (!settled) return;
    return whenIdle(() => void preloadParts());
  }, [settled]);

  const switchLocale = (en: boolean) => {
    const l: Locale = en ? "en-US" : "zh-CN";
    setLocale(l);
    onLocaleChange?.(l);
  };
  const fail = (m: string) => pane.setError(m);
  const check = async () => {
    const st = await pane.check();
    if (st) {
      setCheckStep("findings");
      setTab("check");
    }
  };
  const selectTab = (t: TabId) => {
    setTab(t);
    setInsertStep("gallery");
    setCheckStep("findings");
  };

  const state = pane.state;
  const showAdopt = Boolean(state?.adoptable && !state.bound);

  return (
    <FluentProvider theme={theme} lang={locale} className={styles.provider}>
      <LocaleContext.Provider value={locale}>
        <main className={styles.root} data-testid="pane" ref={top}>
          <header className={styles.header}>
            <h1 className={styles.title}>{s.appTitle}</h1>
            <Button
              size="small"
              appearance="subtle"
              aria-pressed={locale === "en-US"}
              aria-label={s.languageSwitch}
              onClick={() => switchLocale(locale !== "en-US")}
            >
              {locale === "en-US" ? "中文" : "English"}
            </Button>
          </header>
          {pane.error ? (
            <Notice
              intent="error"
              data-testid="error"
              dismiss={
                <Button
                  appearance="transparent"
                  size="small"
                  aria-label={s.dismiss}
                  onClick={() => pane.setError(null)}
                >
                  <span aria-hidden="true">×</span>
                </Button>
              }
            >
              {s.failed(pane.error)}
            </Notice>
          ) : null}
          {pane.liveError ? (
            <Notice
              intent="error"
              data-testid="live-error"
              dismiss={
                <Button appearance="transparent" size="small" aria-label={s.dismiss} onClick={pane.dismissLiveError}>
                  <span aria-hidden="true">×</span>
                </Button>
              }
              actions={
                <Button appearance="primary" onClick={() => void check()} disabled={pane.busy}>
                  {s.runCheck}
                </Button>
              }
            >
              {locale === "en-US" ? pane.liveError.messageEn : pane.liveError.message}
            </Notice>
          ) : null}
          {state?.problem && state.evaluations.length > 0 ? <Notice intent="warning">{paneText(state.problem)}</Notice> : null}
          {showAdopt ? (
            <Notice
              intent="info"
              data-testid="adopt-banner"
              title={s.adoptTitle}
              actions={
                <Button appearance="primary" onClick={() => void pane.adopt()} disabled={pane.busy}>
                  {s.adopt}
                </Button>
              }
            >
              {s.adoptBody}
            </Notice>
          ) : null}
          <TabList
            className={styles.tabs}
            selectedValue={tab}
            onTabSelect={(_, d) => selectTab(d.value as TabId)}
            size="small"
          >
            {TABS.map((t) => (
              <Tab key={t} id={`tab-${t}`} value={t} aria-controls={`panel-${t}`}>
                {s.tabs[t]}
              </Tab>
            ))}
          </TabList>
          <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
            {tab === "overview" ? (
              <Overview
                state={state}
                profileLabel={profileLabel(profile, locale)}
                busy={pane.busy}
                onCheck={() => void check()}
                onInsert={() => setTab("insert")}
              />
            ) : tab === "insert" && insertStep === "from-targets" ? (
              <Loaded
                from={fromTargetsPart}
                props={{
                  host,
                  onError: fail,
                  onBack: () => setInsertStep("gallery"),
                  onInserted: (r) => {
                    setStatus(s.inserted(paneText(r.sheet, CAP.sheet), r.address));
                    void pane.refresh();
                  },
                }}
              />
            ) : tab === "insert" ? (
              <Loaded
                from={galleryPart}
                props={{
                  host,
                  defaultYear: year,
                  prefs: insertPrefs,
                  onError: fail,
                  onFromTargets: () => setInsertStep("from-targets"),
                  onInserted: (r) => {
                    setStatus(s.inserted(paneText(r.sheet, CAP.sheet), r.address));
                    setTab("overview");
                    void pane.refresh();
                  },
                }}
              />
            ) : tab === "check" && checkStep === "report" ? (
              <Loaded
                from={reportPart}
                props={{ state, downloads: downloadSupport(platform), onBack: () => setCheckStep("findings") }}
              />
            ) : tab === "check" ? (
              <Findings
                host={host}
                state={state}
                busy={pane.busy}
                onCheck={() => void pane.check()}
                onError={fail}
                onReport={() => setCheckStep("report")}
              />
            ) : (
              <Loaded
                from={rulesPart}
                props={{
                  host,
                  profile,
                  onError: fail,
                  onProfileChanged: (n: string) => {
                    setProfile(n);
                    void pane.refresh();
                  },
                }}
              />
            )}
          </div>
          <div className={styles.status} role="status" aria-live="polite" data-testid="status">
            {status}
          </div>
        </main>
      </LocaleContext.Provider>
    </FluentProvider>
  );
}

/** Runs `job` a moment after the pane has shown, once the browser is idle (where it can tell); returns a cancel. */
function whenIdle(job: () => void): () => void {
  const w = globalThis as {
    requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number;
    cancelIdleCallback?: (h: number) => void;
  };
  let idle: number | null = null;
  const t = setTimeout(() => {
    if (w.requestIdleCallback) idle = w.requestIdleCallback(job, { timeout: 3000 });
    else job();
  }, 500);
  return () => {
    clearTimeout(t);
    if (idle !== null) w.cancelIdleCallback?.(idle);
  };
}
