/** Reports how far an upload is, at most every `intervalMs`, with a rate over the last seconds. */
export class ProgressMeter {
  readonly #now: () => number;
  readonly #intervalMs: number;
  readonly #windowMs: number;
  #samples: Array<[time: number, bytes: number]> = [];
  #lastEmit = -Infinity;

  constructor(now: () => number, intervalMs = 250, windowMs = 5000) {
    this.#now = now;
    this.#intervalMs = intervalMs;
    this.#windowMs = windowMs;
  }

  /** Records the bytes done so far; returns true when it is time to tell the UI (or `force`). */
  sample(bytes: number, force = false): boolean {
    const now = this.#now();
    this.#samples.push([now, bytes]);
    while (this.#samples.length > 2 && this.#samples[0]![0] < now - this.#windowMs) this.#samples.shift();
    if (!force && now - this.#lastEmit < this.#intervalMs) return false;
    this.#lastEmit = now;
    return true;
  }

  /** Bytes per second over the window (0 until two samples are apart in time). */
  rate(): number {
    const first = this.#samples[0];
    const last = this.#samples[this.#samples.length - 1];
    if (!first || !last || last[0] <= first[0]) return 0;
    return Math.max(0, ((last[1] - first[1]) * 1000) / (last[0] - first[0]));
  }

  /** Seconds until `total` at the current rate, or null when the rate is unknown. */
  secondsLeft(done: number, total: number): number | null {
    const rate = this.rate();
    if (rate <= 0) return done >= total ? 0 : null;
    return Math.max(0, Math.round((total - done) / rate));
  }

  /** Forgets the rate (after a pause or a reconnect the old rate means nothing). */
  reset(): void {
    this.#samples = [];
  }
}
