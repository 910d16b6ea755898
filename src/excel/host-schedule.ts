// When the host recomputes: a change waits for typing to pause (debounce), sheets changed meanwhile are done in
// one go, one round at a time; a change during a round asks for one more round afterwards. A round that fails is
// handed to `failed`, never dropped in silence.

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface ScheduleOptions {
  /** Recomputes one sheet (by id). */
  run(sheetId: string): Promise<void>;
  /** A round, scheduled or started with `now`, threw. */
  failed(error: unknown): void;
  timers: Timers;
  debounceMs: number;
}

export class RoundScheduler {
  private readonly pending = new Set<string>();
  private timer: unknown = null;
  private running: Promise<void> | null = null;
  /** Rounds started at once (after an insert): not debounced, but waited for by idle(). */
  private readonly started = new Set<Promise<void>>();

  constructor(private readonly options: ScheduleOptions) {}

  /** Asks for a round of `sheetId` once nothing has changed for `delay` ms (0: as soon as possible). */
  schedule(sheetId: string, delay = this.options.debounceMs): void {
    this.pending.add(sheetId);
    if (this.running) return; // picked up when the running round ends
    if (this.timer !== null) this.options.timers.clear(this.timer);
    this.timer = this.options.timers.set(() => {
      this.timer = null;
      void this.flush();
    }, delay);
  }

  /** Runs `round` now, outside the debounce; its failure goes to `failed`, and idle() waits for it. */
  now(round: () => Promise<unknown>): void {
    const job: Promise<void> = round()
      .then(
        () => undefined,
        (e: unknown) => this.options.failed(e),
      )
      .finally(() => this.started.delete(job));
    this.started.add(job);
  }

  /** Resolves when no round is running (a debounced one may still be waiting for its timer). */
  async idle(): Promise<void> {
    while (this.running || this.started.size) await Promise.all([this.running, ...this.started]);
  }

  /** Forgets the waiting timer (rounds already running finish). */
  stop(): void {
    if (this.timer !== null) this.options.timers.clear(this.timer);
    this.timer = null;
  }

  private async flush(): Promise<void> {
    if (this.running) return this.running;
    const ids = [...this.pending];
    this.pending.clear();
    this.running = this.runAll(ids);
    try {
      await this.running;
    } finally {
      this.running = null;
    }
    // Changes that arrived during the round: wait for typing to pause again, then one more round.
    const next = this.pending.values().next();
    if (!next.done) this.schedule(next.value);
  }

  private async runAll(ids: string[]): Promise<void> {
    for (const id of ids) {
      try {
        await this.options.run(id);
      } catch (e) {
        this.options.failed(e);
      }
    }
  }
}
