import { numericHeader, type HeaderBag } from './rateLimit';

/** How hard to retry. Injectable so tests can run with millisecond delays. */
export interface RetryPolicy {
  /** Total attempts including the first one. */
  maxAttempts: number;
  /** First backoff ceiling; doubles per retry. */
  baseMs: number;
  /** Upper bound of any computed backoff. */
  capMs: number;
  /** A server asking us to wait longer than this makes us give up instead of hanging. */
  maxRetryAfterMs: number;
  /** Source of jitter in [0, 1); `Math.random` unless a test pins it. */
  random?: () => number;
}

/** Defaults: 4 attempts, 0.5 s → 8 s full-jitter backoff, honour Retry-After up to a minute. */
export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 4, baseMs: 500, capMs: 8_000, maxRetryAfterMs: 60_000 };

/** Full-jitter backoff for retry number `retry` (1 = first retry): uniform in [0, min(cap, base·2^(retry-1))]. */
export function backoffMs(policy: RetryPolicy, retry: number): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, retry - 1));
  return Math.floor((policy.random ?? Math.random)() * ceiling);
}

/**
 * `Retry-After` as delay-seconds or an HTTP date, in milliseconds from `now`. Zero, negative
 * numbers and dates not in the future are no hint at all (`undefined`, so normal backoff applies):
 * taken literally they would mean retrying at once, in a tight loop.
 */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const v = value.trim();
  if (/^[+-]?\d+(\.\d+)?$/.test(v)) {
    const ms = Math.ceil(Number(v) * 1000);
    return ms > 0 ? ms : undefined;
  }
  // Only HTTP-date shapes ("Wed, 21 Oct 2015 07:28:00 GMT"); Date.parse reads "-5" as a year.
  if (!/[a-z]{3}/i.test(v)) return undefined;
  const date = Date.parse(v);
  return Number.isNaN(date) || date <= now ? undefined : date - now;
}

/**
 * How long the server asked us to wait: `Retry-After`, else — for a 429 only — `X-RateLimit-Reset`
 * (relative seconds, not an epoch), else `undefined` meaning "use backoff". Every response carries
 * the rate-limit headers, and on a 5xx the window reset says nothing about when to try again.
 */
export function serverDelayMs(headers: HeaderBag, rateLimited: boolean, now = Date.now()): number | undefined {
  const ra = headers['retry-after'];
  const fromRetryAfter = parseRetryAfter(Array.isArray(ra) ? ra[0] : ra, now);
  if (fromRetryAfter !== undefined) return fromRetryAfter;
  if (!rateLimited) return undefined;
  const reset = numericHeader(headers, 'x-ratelimit-reset', 'ratelimit-reset');
  return reset !== undefined && reset > 0 ? Math.ceil(reset * 1000) : undefined;
}

const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
const RETRYABLE_STATUS = new Set([408, 500, 502, 503, 504]);
/** Connection failures that happen before a single request byte could reach the server. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT',
]);

/** Whether the method may safely be repeated, or the caller declared the POST read-only. */
export function isIdempotent(method: string, declared?: boolean): boolean {
  return declared === true || IDEMPOTENT.has(method.toUpperCase());
}

/** What a single attempt ended with, as far as retrying is concerned. */
export type AttemptOutcome =
  | { kind: 'status'; status: number }
  | { kind: 'network'; code?: string }
  | { kind: 'timeout' };

/**
 * Whether an attempt may be repeated. A 429 was not processed, and a refused connection never
 * carried the request, so both are safe for any method. Anything that may have reached the
 * server (5xx, reset, timeout) is only repeated for idempotent calls so a POST is never duplicated.
 */
export function isRetryable(outcome: AttemptOutcome, idempotent: boolean): boolean {
  switch (outcome.kind) {
    case 'status':
      return outcome.status === 429 || (idempotent && RETRYABLE_STATUS.has(outcome.status));
    case 'network':
      return (outcome.code !== undefined && NOT_SENT_CODES.has(outcome.code)) || idempotent;
    case 'timeout':
      return idempotent;
  }
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal!.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
