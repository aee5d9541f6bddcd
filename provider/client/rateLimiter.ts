/**
 * An adaptive token bucket: starts near the plan's budget, halves its rate on every 429 and creeps back up
 * on success (AIMD, with a slow start far below the budget), and pauses entirely until a server-given Retry-After. Hand-written because the usual
 * libraries (bottleneck, p-limit) either cannot change rate on the fly or are ESM-only, which jest on Node 20
 * cannot load; this is ~60 lines with no timers left running.
 */
export class AdaptiveRateLimiter {
  private rate: number;
  private tokens: number;
  private last = Date.now();
  private pausedUntil = 0;
  private lastThrottleAt = 0;
  private queue: Array<() => void> = [];
  private timer: NodeJS.Timeout | undefined;
  throttles = 0;

  constructor(
    private readonly ceiling: number,
    private readonly floor = Math.max(0.5, ceiling / 10),
  ) {
    this.rate = Math.max(floor, ceiling * 0.9);
    this.tokens = Math.min(1, this.rate);
  }

  get currentRate() {
    return this.rate;
  }

  /** Waits for a turn; rejects with the signal's reason, leaving the queue, when `signal` aborts first. */
  acquire(signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const onAbort = () => {
        this.queue = this.queue.filter((entry) => entry !== turn);
        reject(signal!.reason);
      };
      const turn = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(turn);
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
    this.tokens = Math.min(this.tokens, 0);
    if (retryAfterMs !== undefined && retryAfterMs > 0) this.pausedUntil = Math.max(this.pausedUntil, Date.now() + retryAfterMs);
  }

  private refill(now: number) {
    this.tokens = Math.min(Math.max(1, this.rate), this.tokens + ((now - this.last) / 1000) * this.rate);
    this.last = now;
  }

  private drain = () => {
    this.timer = undefined;
    const now = Date.now();
    this.refill(now);
    while (this.queue.length > 0 && now >= this.pausedUntil && this.tokens >= 1) {
      this.tokens -= 1;
      this.queue.shift()!();
    }
    if (this.queue.length > 0 && !this.timer) {
      const waitForToken = ((1 - this.tokens) / this.rate) * 1000;
      const wait = Math.max(now < this.pausedUntil ? this.pausedUntil - now : 0, waitForToken, 5);
      this.timer = setTimeout(this.drain, wait);
    }
  };
}
