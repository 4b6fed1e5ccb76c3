/** A fake wall clock with timers, for the scheduler's seams. Time moves only when the test says. */
export class FakeClock {
  private t: number;
  private seq = 0;
  private timers = new Map<number, { at: number; fn: () => void }>();

  constructor(startIso: string) {
    this.t = Date.parse(startIso);
  }

  readonly now = (): Date => new Date(this.t);
  readonly setTimer = (fn: () => void, ms: number): number => {
    const id = ++this.seq;
    this.timers.set(id, { at: this.t + Math.max(0, ms), fn });
    return id;
  };
  readonly clearTimer = (handle: unknown): void => {
    this.timers.delete(handle as number);
  };

  get pendingTimers(): number {
    return this.timers.size;
  }

  /** Lets promise callbacks (run completions) settle. */
  async settle(): Promise<void> {
    for (let i = 0; i < 5; i++) await new Promise<void>(resolve => setImmediate(resolve));
  }

  /** Moves time forward to `iso`, firing each timer at its own time, in order. */
  async advanceTo(iso: string): Promise<void> {
    const target = Date.parse(iso);
    for (;;) {
      let next: [number, { at: number; fn: () => void }] | null = null;
      for (const entry of this.timers)
        if (entry[1].at <= target && (!next || entry[1].at < next[1].at)) next = entry;
      if (!next) break;
      this.timers.delete(next[0]);
      this.t = Math.max(this.t, next[1].at);
      next[1].fn();
      await this.settle();
    }
    this.t = target;
    await this.settle();
  }

  /**
   * The computer sleeps: the wall clock jumps to `iso` and no timer fires while asleep (a timer
   * does not count time asleep); on waking the pending timer fires once, late.
   */
  async sleepUntil(iso: string): Promise<void> {
    this.t = Date.parse(iso);
    const pending = [...this.timers];
    this.timers.clear();
    for (const [, timer] of pending) timer.fn();
    await this.settle();
  }
}
