// A hook that keeps the active sheet's state current over a Host (Office.js in the add-in, the fake workbook in
// tests and the preview), with the errors of the pane's own actions and of the live loop.
import { useCallback, useEffect, useRef, useState } from "react";
import type { Host, LiveError, SheetState } from "../sheet/host-contract";

export function errorText(e: unknown): string {
  if (e instanceof Error) return e.message;
  return typeof e === "string" ? e : String(e);
}

export interface PaneState {
  state: SheetState | null;
  busy: boolean;
  /** An action of the pane failed (检查本表, 插入, …): why. */
  error: string | null;
  /** The live recompute after a change failed; cleared when the next one succeeds. */
  liveError: LiveError | null;
  refresh: () => Promise<SheetState | null>;
  /** 检查本表: the active sheet, compared with the workbook's targets tables (Host.check). */
  check: () => Promise<SheetState | null>;
  adopt: () => Promise<void>;
  setError: (e: string | null) => void;
  dismissLiveError: () => void;
}

export function usePaneState(host: Host): PaneState {
  const [state, setState] = useState<SheetState | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [liveError, setLiveError] = useState<LiveError | null>(null);
  const alive = useRef(true);

  const run = useCallback(async (job: () => Promise<SheetState>): Promise<SheetState | null> => {
    setBusy(true);
    setError(null);
    try {
      const s = await job();
      if (alive.current) {
        setState(s);
        setLiveError(null);
      }
      return s;
    } catch (e) {
      if (alive.current) setError(errorText(e));
      return null;
    } finally {
      if (alive.current) setBusy(false);
    }
  }, []);

  useEffect(() => {
    alive.current = true;
    const off = host.subscribe(
      (s) => {
        if (!alive.current) return;
        setState(s);
        setLiveError(null);
      },
      (e) => {
        if (alive.current) setLiveError(e);
      },
    );
    void run(() => host.refresh());
    return () => {
      alive.current = false;
      off();
    };
  }, [host, run]);

  const refresh = useCallback(() => run(() => host.refresh()), [host, run]);
  const check = useCallback(() => run(() => host.check()), [host, run]);
  const adopt = useCallback(async () => {
    await run(() => host.adopt());
  }, [host, run]);
  const dismissLiveError = useCallback(() => setLiveError(null), []);

  return { state, busy, error, liveError, refresh, check, adopt, setError, dismissLiveError };
}
