/** Test doubles shared by the metrics tests: a clock tests move by hand, and a manual timer queue. */

export class FakeClock {
  constructor(public t = 1_700_000_000_000) {}
  readonly now = (): number => this.t;
  advance(ms: number): void {
    this.t += ms;
  }
}

interface Timer {
  id: number;
  at: number;
  fn: () => void;
  every: number | null;
}

/** setTimeout/setInterval driven by a FakeClock: `advance` runs what falls due, in order. */
export class FakeTimers {
  private timers: Timer[] = [];
  private nextId = 1;
  constructor(readonly clock: FakeClock) {}

  setTimeout = (fn: () => void, ms: number): unknown => this.add(fn, ms, null);
  setInterval = (fn: () => void, ms: number): unknown => this.add(fn, ms, ms);
  clearTimeout = (h: unknown): void => {
    this.timers = this.timers.filter((t) => t.id !== h);
  };
  clearInterval = this.clearTimeout;

  get pending(): number {
    return this.timers.length;
  }

  advance(ms: number): void {
    const end = this.clock.t + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.clock.t = Math.max(this.clock.t, due.at);
      if (due.every === null) this.clearTimeout(due.id);
      else due.at += due.every;
      due.fn();
    }
    this.clock.t = end;
  }

  private add(fn: () => void, ms: number, every: number | null): number {
    const id = this.nextId++;
    this.timers.push({ id, at: this.clock.t + ms, fn, every });
    return id;
  }
}
