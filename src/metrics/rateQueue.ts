/**
 * A token bucket in front of the Metrics API. The API allows a small number of requests per
 * minute per IP address (60, later 300), shared with anything else on the same network, so the
 * extension spends a fixed budget of its own and queues the rest instead of collecting 429s.
 *
 * Shape: a burst of `perMinute / 5` tokens refilled at the remaining `perMinute × 4/5` per minute,
 * so no 60-second window ever sees more than `perMinute` requests.
 */
import * as l10n from '@vscode/l10n';

/** Time source, injectable so tests don't sleep. */
export interface QueueClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: QueueClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export const DEFAULT_PER_MINUTE = 50;

interface Waiter {
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
  readonly signal?: AbortSignal;
  readonly onAbort: () => void;
}

export class RateQueue {
  readonly capacity: number;
  /** Tokens per millisecond. */
  private readonly rate: number;
  private tokens: number;
  private updatedAt: number;
  private readonly waiters: Waiter[] = [];
  private timer: unknown;
  private disposed = false;
  /** Nothing is handed out before this time: the API said it is rate limiting us. */
  private heldUntil = 0;

  constructor(
    perMinute = DEFAULT_PER_MINUTE,
    private readonly clock: QueueClock = systemClock,
  ) {
    if (!(perMinute >= 1)) throw new RangeError('perMinute must be at least 1');
    this.capacity = Math.max(1, Math.floor(perMinute / 5));
    this.rate = (perMinute - this.capacity) / 60_000 || perMinute / 60_000;
    this.tokens = this.capacity;
    this.updatedAt = clock.now();
  }

  /** Requests waiting for a token. */
  get pending(): number {
    return this.waiters.length;
  }

  /** True when a call to `acquire` now would wait. */
  get wouldWait(): boolean {
    this.refill();
    return this.waiters.length > 0 || this.tokens < 1 || this.held();
  }

  /**
   * The API answered 429 even after the client's own retries: stop handing out tokens for `ms`
   * (its Retry-After), then let a single request through before the bucket refills, so queued
   * charts don't pile on more 429s. The only retry layer stays the client's; this just honours
   * its outcome.
   */
  holdFor(ms: number): void {
    if (!(ms > 0) || this.disposed) return;
    this.refill();
    this.tokens = Math.min(this.tokens, 1);
    this.heldUntil = Math.max(this.heldUntil, this.clock.now() + ms);
    this.schedule();
  }

  /**
   * Resolves when the caller may send one request (first come, first served). Rejects with the
   * signal's reason if it is aborted while waiting, and the token is not spent.
   */
  acquire(signal?: AbortSignal): Promise<void> {
    if (this.disposed) return Promise.reject(new Error(l10n.t('The request queue was closed.')));
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    this.refill();
    if (this.waiters.length === 0 && this.tokens >= 1 && !this.held()) {
      this.tokens -= 1;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        signal,
        onAbort: () => {
          const i = this.waiters.indexOf(waiter);
          if (i >= 0) this.waiters.splice(i, 1);
          reject(abortReason(signal));
          this.schedule();
        },
      };
      signal?.addEventListener('abort', waiter.onAbort, { once: true });
      this.waiters.push(waiter);
      this.schedule();
    });
  }

  /** Rejects everything still waiting; later calls fail at once. */
  dispose(): void {
    this.disposed = true;
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    for (const w of this.waiters.splice(0)) {
      w.signal?.removeEventListener('abort', w.onAbort);
      w.reject(new Error(l10n.t('The request queue was closed.')));
    }
  }

  private refill(): void {
    const now = this.clock.now();
    // While held the bucket does not refill; refilling starts when the hold ends.
    const from = Math.max(this.updatedAt, Math.min(now, this.heldUntil));
    this.tokens = Math.min(this.capacity, this.tokens + (now - from) * this.rate);
    this.updatedAt = now;
  }

  private held(): boolean {
    return this.clock.now() < this.heldUntil;
  }

  /** Hands out tokens to waiters in order, then sleeps until the next token if any are left. */
  private schedule(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.refill();
    while (this.waiters.length > 0 && this.tokens >= 1 && !this.held()) {
      this.tokens -= 1;
      const w = this.waiters.shift()!;
      w.signal?.removeEventListener('abort', w.onAbort);
      w.resolve();
    }
    if (this.waiters.length > 0 && !this.disposed) {
      const wait = this.held()
        ? this.heldUntil - this.clock.now() + Math.max(0, Math.ceil((1 - this.tokens) / this.rate))
        : Math.max(1, Math.ceil((1 - this.tokens) / this.rate));
      this.timer = this.clock.setTimeout(() => {
        this.timer = undefined;
        this.schedule();
      }, wait);
    }
  }
}

/** The signal's reason as an Error (callers check `signal.aborted`, not the error's type). */
function abortReason(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  return reason instanceof Error ? reason : new Error(l10n.t('The request was cancelled.'));
}
