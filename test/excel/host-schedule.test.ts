// The host's scheduling on its own, with injected timers and rounds that are plain promises (no workbook):
// typing is debounced, one round runs at a time, a change during a round gets one more round, failures are handed
// on. And the change log the rounds read for the fast path.
import { ChangeLog } from "../../src/excel/host-changes";
import { RoundScheduler, type Timers } from "../../src/excel/host-schedule";

/** Timers that run only when the test says so; remembers the delay asked for. */
function manualTimers() {
  let next: { fn: () => void; ms: number } | null = null;
  let armed = 0;
  const timers: Timers = {
    set: (fn, ms) => {
      next = { fn, ms };
      armed++;
      return armed;
    },
    clear: () => {
      next = null;
    },
  };
  return {
    timers,
    get delay() {
      return next?.ms ?? null;
    },
    get armed() {
      return armed;
    },
    fire() {
      const t = next;
      next = null;
      t?.fn();
    },
  };
}

/** A round that waits until the test releases it. */
function gate() {
  let open: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (open = resolve));
  return { done, open: () => open() };
}

function scheduler(run: (id: string) => Promise<void>, debounceMs = 300) {
  const t = manualTimers();
  const failed: unknown[] = [];
  const s = new RoundScheduler({ run, failed: (e) => failed.push(e), timers: t.timers, debounceMs });
  return { s, t, failed };
}

describe("RoundScheduler", () => {
  test("typing is debounced: many changes, one timer, one round per sheet", async () => {
    const ran: string[] = [];
    const { s, t } = scheduler(async (id) => {
      ran.push(id);
    });
    s.schedule("A");
    s.schedule("A");
    s.schedule("B");
    expect(t.delay).toBe(300);
    expect(t.armed).toBe(3); // each change restarts the wait
    expect(ran).toEqual([]);
    t.fire();
    await s.idle();
    expect(ran).toEqual(["A", "B"]);
    expect(t.delay).toBeNull(); // nothing left to do
  });

  test("a sheet switch asks for a round at once (delay 0)", () => {
    const { s, t } = scheduler(async () => undefined);
    s.schedule("A", 0);
    expect(t.delay).toBe(0);
  });

  test("a change during a round waits for it, then gets exactly one more round after the debounce", async () => {
    const ran: string[] = [];
    const first = gate();
    const { s, t } = scheduler(async (id) => {
      ran.push(id);
      if (ran.length === 1) await first.done;
    });
    s.schedule("A");
    t.fire();
    s.schedule("A"); // typed while the first round runs
    s.schedule("B");
    expect(t.delay).toBeNull(); // no second round while one runs
    first.open();
    await s.idle();
    expect(ran).toEqual(["A"]);
    expect(t.delay).toBe(300);
    t.fire();
    await s.idle();
    expect(ran).toEqual(["A", "A", "B"]);
  });

  test("a failing round is handed on, and the other sheets of the batch still run", async () => {
    const ran: string[] = [];
    const boom = new Error("read failed");
    const { s, t, failed } = scheduler(async (id) => {
      ran.push(id);
      if (id === "A") throw boom;
    });
    s.schedule("A");
    s.schedule("B");
    t.fire();
    await s.idle();
    expect(ran).toEqual(["A", "B"]);
    expect(failed).toEqual([boom]);
    // and the loop goes on: the next change runs again
    s.schedule("A");
    t.fire();
    await s.idle();
    expect(ran).toEqual(["A", "B", "A"]);
  });

  test("now() runs at once, idle() waits for it, and its failure is handed on", async () => {
    const g = gate();
    const { s, failed } = scheduler(async () => undefined);
    let finished = false;
    s.now(async () => {
      await g.done;
      finished = true;
      throw new Error("after insert");
    });
    const idle = s.idle().then(() => finished);
    g.open();
    expect(await idle).toBe(true);
    expect(failed).toHaveLength(1);
    expect((failed[0] as Error).message).toBe("after insert");
  });

  test("stop() forgets the waiting timer", async () => {
    const ran: string[] = [];
    const { s, t } = scheduler(async (id) => {
      ran.push(id);
    });
    s.schedule("A");
    s.stop();
    expect(t.delay).toBeNull();
    t.fire();
    await s.idle();
    expect(ran).toEqual([]);
  });
});

describe("ChangeLog", () => {
  const r = (r0: number, c0: number) => ({ r0, c0, r1: r0, c1: c0 });

  test("keeps every edited rectangle of a sheet until its round takes them", () => {
    const log = new ChangeLog();
    log.note("A", r(1, 1));
    log.note("A", r(2, 3));
    log.note("B", r(5, 5));
    expect(log.take("A")).toEqual([r(1, 1), r(2, 3)]);
    expect(log.take("A")).toBeNull(); // taken: nothing known any more
    expect(log.take("B")).toEqual([r(5, 5)]);
  });

  test("a change that is not a plain edit makes the whole sheet unknown until its round", () => {
    const log = new ChangeLog();
    log.note("A", r(1, 1));
    log.note("A", null);
    log.note("A", r(2, 2));
    expect(log.take("A")).toBeNull();
    log.note("A", r(3, 3));
    expect(log.take("A")).toEqual([r(3, 3)]);
  });
});
