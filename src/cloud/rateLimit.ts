/** The latest rate-limit headers seen from one API. `resetSeconds` is relative to `observedAt`. */
export interface RateLimitSnapshot {
  limit?: number;
  remaining?: number;
  resetSeconds?: number;
  /** Epoch milliseconds of the response that carried the headers. */
  observedAt: number;
}

/** Response headers as undici hands them over (lower-cased names). */
export type HeaderBag = Record<string, string | string[] | undefined>;

/** First numeric value of a header that may repeat (the Metrics API sends one set per scope). */
export function numericHeader(headers: HeaderBag, ...names: string[]): number | undefined {
  for (const name of names) {
    const raw = headers[name];
    const values = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).flatMap((v) => v.split(','));
    for (const v of values) {
      const n = Number(v.trim());
      if (v.trim() !== '' && Number.isFinite(n)) return n;
    }
  }
  return undefined;
}

/**
 * Observable rate-limit state: `current()` plus a tiny listener set, so the host can show a
 * status-bar hint without the cloud layer knowing about VS Code events.
 */
export class RateLimitState {
  private snapshot: RateLimitSnapshot | undefined;
  private readonly listeners = new Set<(s: RateLimitSnapshot) => void>();

  /** The latest snapshot, or `undefined` before any response carried the headers. */
  current(): RateLimitSnapshot | undefined {
    return this.snapshot;
  }

  /** Subscribes to changes; returns the unsubscribe function. */
  onDidChange(listener: (s: RateLimitSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** Records `X-RateLimit-*` (control plane) or `RateLimit-*` (Metrics API) headers, if present. */
  observe(headers: HeaderBag, now = Date.now()): void {
    const limit = numericHeader(headers, 'x-ratelimit-limit', 'ratelimit-limit');
    const remaining = numericHeader(headers, 'x-ratelimit-remaining', 'ratelimit-remaining');
    const resetSeconds = numericHeader(headers, 'x-ratelimit-reset', 'ratelimit-reset');
    if (limit === undefined && remaining === undefined && resetSeconds === undefined) return;
    const next: RateLimitSnapshot = { limit, remaining, resetSeconds, observedAt: now };
    this.snapshot = next;
    for (const l of [...this.listeners]) {
      try {
        l(next);
      } catch {
        // A faulty listener must not break the request that reported the headers.
      }
    }
  }
}
