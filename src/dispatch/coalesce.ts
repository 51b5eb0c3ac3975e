// Bursts of Commits become at most one send per interval (issue 12: at most one host-LMS commit and one report
// per second), and the last value is always sent: the first push goes at once, later ones within the interval
// wait for its end and only the newest of them is sent. DOM-free; the clock is injectable for tests.
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export class Coalescer<T> {
  #last = -Infinity;
  #pending: { value: T } | undefined;
  #timer: unknown;

  constructor(
    private readonly send: (value: T) => void,
    private readonly intervalMs = 1000,
    private readonly clock: Clock = systemClock,
  ) {}

  /** Whether a value waits for the end of the interval. */
  get pending(): boolean {
    return this.#pending !== undefined;
  }

  push(value: T): void {
    this.#pending = { value };
    const wait = this.#last + this.intervalMs - this.clock.now();
    if (wait <= 0) return this.flush();
    this.#timer ??= this.clock.setTimeout(() => {
      this.#timer = undefined;
      this.flush();
    }, wait);
  }

  /** Sends the waiting value now (before an exit, say). */
  flush(): void {
    this.#stopTimer();
    const p = this.#pending;
    if (!p) return;
    this.#pending = undefined;
    this.#last = this.clock.now();
    this.send(p.value);
  }

  /** Drops the waiting value (an exit message that carries newer values replaces it) and returns it. */
  cancel(): T | undefined {
    this.#stopTimer();
    const p = this.#pending;
    this.#pending = undefined;
    return p?.value;
  }

  #stopTimer(): void {
    if (this.#timer !== undefined) this.clock.clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
