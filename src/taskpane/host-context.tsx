// The Host the pane talks to (Office.js in the add-in, the fake workbook in tests and the preview),
// and a hook that keeps the active sheet's state current.
import { createContext, useCallback, useContext, useEffect, useRef, useState } from "react";
import type { Host, SheetState } from "../sheet/host-contract";

export const HostContext = createContext<Host | null>(null);

export function useHost(): Host {
  const host = useContext(HostContext);
  if (!host) throw new Error("HostContext is missing");
  return host;
}

export function errorText(e: unknown): string {
  if (e instanceof Error) return e.message;
  return typeof e === "string" ? e : String(e);
}

export interface PaneState {
  state: SheetState | null;
  /** True once 检查本表 ran (or a live update arrived) since the pane opened. */
  checked: boolean;
  busy: boolean;
  error: string | null;
  refresh: () => Promise<SheetState | null>;
  adopt: () => Promise<void>;
  setError: (e: string | null) => void;
}

export function usePaneState(host: Host): PaneState {
  const [state, setState] = useState<SheetState | null>(null);
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const alive = useRef(true);

  const run = useCallback(async (job: () => Promise<SheetState>): Promise<SheetState | null> => {
    setBusy(true);
    setError(null);
    try {
      const s = await job();
      if (alive.current) {
        setState(s);
        setChecked(true);
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
    const off = host.subscribe((s) => {
      if (!alive.current) return;
      setState(s);
      setChecked(true);
    });
    void run(() => host.refresh());
    return () => {
      alive.current = false;
      off();
    };
  }, [host, run]);

  const refresh = useCallback(() => run(() => host.refresh()), [host, run]);
  const adopt = useCallback(async () => {
    await run(() => host.adopt());
  }, [host, run]);

  return { state, checked, busy, error, refresh, adopt, setError };
}
