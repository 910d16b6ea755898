// Parts of the pane that are used rarely are built as chunks of their own and loaded on demand, so the JavaScript
// taskpane.html loads before the overview shows stays small (bench pane-js-gzip, budget 200 KB gzip). Once the pane
// has shown its first state, every part is fetched in the background, so the parts still open when the network
// goes away later; a part that cannot be fetched says so and offers to try again.
import { Button } from "@fluentui/react-components";
import { Component, lazy, Suspense, useState, type ComponentType, type LazyExoticComponent, type ReactNode } from "react";
import { useStrings } from "./i18n";
import { Notice, Txt } from "./ui";

type Module<P> = { default: ComponentType<P> };

export interface Part<P extends object> {
  /** Fetches the chunk (once; again after a failure). Never rejects. */
  preload(): Promise<boolean>;
  /** The component for a given attempt: a new attempt after a failure makes a fresh React.lazy. */
  component(attempt: number): LazyExoticComponent<ComponentType<P>>;
}

export function part<P extends object>(load: () => Promise<Module<P>>): Part<P> {
  let pending: Promise<Module<P>> | null = null;
  const get = () =>
    (pending ??= load().catch((e: unknown) => {
      pending = null; // the next attempt asks webpack again (it forgets a chunk that failed to load)
      throw e;
    }));
  let current = { attempt: 0, C: lazy(get) };
  return {
    preload: () => get().then(
      () => true,
      () => false,
    ),
    component(attempt) {
      if (attempt !== current.attempt) current = { attempt, C: lazy(get) };
      return current.C;
    },
  };
}

interface BoundaryProps {
  children: ReactNode;
  failed: (retry: () => void) => ReactNode;
  onRetry: () => void;
}

class Boundary extends Component<BoundaryProps, { error: boolean }> {
  override state = { error: false };
  static getDerivedStateFromError() {
    return { error: true };
  }
  override render() {
    return this.state.error ? this.props.failed(this.props.onRetry) : this.props.children;
  }
}

/** Renders a part once its chunk is there: "正在加载…" meanwhile, a retry notice when it cannot be fetched. */
export function Loaded<P extends object>({ from, props }: { from: Part<P>; props: P }) {
  const s = useStrings();
  const [attempt, setAttempt] = useState(0);
  const C = from.component(attempt) as unknown as ComponentType<P>;
  return (
    <Boundary
      key={attempt}
      onRetry={() => setAttempt((a) => a + 1)}
      failed={(retry) => (
        <Notice
          intent="warning"
          data-testid="part-failed"
          title={s.partFailed}
          actions={<Button onClick={retry}>{s.retry}</Button>}
        >
          {s.partFailedHint}
        </Notice>
      )}
    >
      <Suspense
        fallback={
          <Txt role="status" data-testid="part-loading">
            {s.loadingPart}
          </Txt>
        }
      >
        <C {...props} />
      </Suspense>
    </Boundary>
  );
}
