/**
 * An adaptive pacer: starts near the plan's budget, halves its rate on every 429 and creeps back up
 * on success (AIMD, with a slow start far below the budget), and pauses entirely until a server-given Retry-After. Hand-written because the usual
 * libraries (bottleneck, p-limit) either cannot change rate on the fly or are ESM-only, which jest on Node 20
 * cannot load; this is ~60 lines with no timers left running.
 */
export class AdaptiveRateLimiter {
  private rate: number;
  /** When the next call may go: calls are spaced 1/rate apart, with no credit saved up while idle. */
  private nextAt = 0;
  private pausedUntil = 0;
  private lastThrottleAt = 0;
  private queue: Array<() => void> = [];
  /** Turns of calls that continue an operation under way: served before `queue`. */
  private urgent: Array<() => void> = [];
  private timer: NodeJS.Timeout | undefined;
  throttles = 0;

  constructor(
    private readonly ceiling: number,
    private readonly floor = Math.max(0.5, ceiling / 10),
  ) {
    this.rate = Math.max(floor, ceiling * 0.9);
  }

  get currentRate() {
    return this.rate;
  }

  private get waiting() {
    return this.urgent.length + this.queue.length;
  }

  /**
   * Waits for a turn; rejects with the signal's reason, leaving the queue, when `signal` aborts first. `urgent`
   * turns (a call continuing an operation under way) go before the others, in their own order.
   */
  acquire(signal?: AbortSignal, urgent = false): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const onAbort = () => {
        this.queue = this.queue.filter((entry) => entry !== turn);
        this.urgent = this.urgent.filter((entry) => entry !== turn);
        reject(signal!.reason);
      };
      const turn = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      // The first call after a pause goes no earlier than now: time spent idle is not saved up.
      if (this.waiting === 0) this.nextAt = Math.max(this.nextAt, Date.now());
      (urgent ? this.urgent : this.queue).push(turn);
      this.drain();
    });
  }

  onSuccess(): void {
    // Far below the budget and a second without 429s: grow multiplicatively (slow start), so a passing 429
    // storm does not leave the client crawling; near the budget, creep up additively.
    const calm = Date.now() - this.lastThrottleAt > 1000;
    const grown = calm && this.rate < this.ceiling / 2 ? this.rate * 1.5 : this.rate + Math.max(0.05, this.ceiling * 0.02);
    this.rate = Math.min(this.ceiling, grown);
  }

  onThrottle(retryAfterMs?: number): void {
    this.throttles += 1;
    this.lastThrottleAt = Date.now();
    this.rate = Math.max(this.floor, this.rate / 2);
    this.nextAt = Math.max(this.nextAt, Date.now() + 1000 / this.rate);
    if (retryAfterMs !== undefined && retryAfterMs > 0) this.pausedUntil = Math.max(this.pausedUntil, Date.now() + retryAfterMs);
  }

  /**
   * Releases waiting calls 1/rate apart. Zoom counts calls per second, so a burst of calls saved up while idle would
   * cross its limit at a second's boundary: idle time earns no credit (see acquire). While calls wait, a timer that
   * fires late may catch up by half an interval, so a busy event loop does not slow the steady rate.
   */
  private drain = () => {
    this.timer = undefined;
    const now = Date.now();
    const interval = 1000 / this.rate;
    this.nextAt = Math.max(this.nextAt, now - interval / 2);
    while (this.waiting > 0 && now >= this.pausedUntil && this.nextAt <= now) {
      this.nextAt += interval;
      (this.urgent.shift() ?? this.queue.shift())!();
    }
    if (this.waiting > 0 && !this.timer) {
      const wait = Math.max(this.pausedUntil - now, this.nextAt - now, 1);
      this.timer = setTimeout(this.drain, wait);
    }
  };
}
