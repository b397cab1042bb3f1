import * as l10n from '@vscode/l10n';
import { CloudApiError, redactText } from './errors';
import { type Dispatchers } from './dispatchers';
import { type RateLimitState } from './rateLimit';
import { hasDotSegment } from './pathSegment';
import { loggablePath, type RequestLogEntry } from './requestLog';
import { errorFromException, errorFromResponse, looksLikeHtml, parseJsonBody, requestIdOf } from './responseError';
import {
  abortableSleep, backoffMs, defaultRetryPolicy, isIdempotent, isRetryable, serverDelayMs,
  type AttemptOutcome, type RetryPolicy,
} from './retry';
import { DEFAULT_MAX_RESPONSE_BYTES, sendFollowingRedirects, type RawResponse } from './send';
import { checkUrlAllowed, parseEndpoint } from './urlPolicy';

/** A Cloud API key pair; the key is the Basic-auth user name, the secret the password. */
export interface Credentials {
  key: string;
  secret: string;
}

/** Shared transport configuration for one API origin. */
export interface HttpClientOptions {
  baseUrl: string;
  dispatchers: Dispatchers;
  /** Called before every attempt so a key rotated mid-session is used at once. */
  getCredentials: () => Promise<Credentials | undefined>;
  /** Per attempt; clamped to 1 ms … 24 days so a huge setting can't overflow the timer. */
  timeoutMs?: () => number;
  /** Largest response body read, in bytes; default 32 MB. Read per request. */
  maxResponseBytes?: () => number;
  retry?: Partial<RetryPolicy>;
  rateLimit?: RateLimitState;
  onRequest?: (entry: RequestLogEntry) => void;
}

/** Query values; arrays become repeated parameters, `undefined` is skipped. */
export type Query = Record<string, string | number | readonly string[] | undefined>;

/** One logical API call (possibly several attempts). */
export interface HttpRequest {
  method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  query?: Query;
  body?: unknown;
  /** Phrase for error messages: "create service account". */
  action: string;
  /** Marks a read-only POST (metrics queries) as safe to repeat after a 5xx or reset. */
  idempotent?: boolean;
  signal?: AbortSignal;
}

/** A successful response with its JSON body (`undefined` when empty, e.g. 204). */
export interface HttpResponse {
  status: number;
  json: unknown;
  requestId?: string;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
/** Node's timers overflow past 2^31 − 1 ms and then fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** A usable per-attempt timeout: junk falls back to the default, huge values stop at the timer limit. */
export function safeTimeoutMs(value: number | undefined): number {
  if (value === undefined || !Number.isFinite(value) || value <= 0) return value === Infinity ? MAX_TIMER_MS : DEFAULT_TIMEOUT_MS;
  return Math.min(MAX_TIMER_MS, Math.max(1, Math.floor(value)));
}

/**
 * Every form in which the credentials could come back in a server's text: the Authorization
 * value, its base64 part (also URL-safe) and the bare secret, which also masks `key:secret`. Longest
 * first, so the whole header is replaced rather than just the secret inside it. The key ID is not
 * secret and stays readable.
 */
export function credentialStrings(creds: Credentials | undefined): string[] {
  if (!creds) return [];
  const pair = `${creds.key}:${creds.secret}`;
  const b64 = Buffer.from(pair).toString('base64');
  return [`Basic ${b64}`, b64, Buffer.from(pair).toString('base64url'), creds.secret];
}

/** Builds `base + path + ?query`, keeping any path prefix of the base URL. */
export function buildUrl(base: URL, path: string, query: Query = {}): URL {
  const url = new URL(base.href.replace(/\/+$/, '') + path);
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined) continue;
    for (const item of Array.isArray(v) ? v : [String(v)]) url.searchParams.append(k, item as string);
  }
  return url;
}

/**
 * The transport: Basic auth, per-attempt timeout tied to the caller's signal, retries per
 * `retry.ts`, rate-limit observation and request logging. Knows nothing about resources.
 */
export class HttpClient {
  private readonly policy: RetryPolicy;

  constructor(private readonly options: HttpClientOptions) {
    this.policy = { ...defaultRetryPolicy, ...options.retry };
  }

  /** Sends the request, retrying when safe; resolves only for 2xx, otherwise throws CloudApiError. */
  async request(req: HttpRequest): Promise<HttpResponse> {
    // Last line of defence for paths not built with encodePathSegment: `..` would silently retarget the call.
    if (hasDotSegment(req.path)) throw new CloudApiError({ reason: 'policy', action: req.action, summary: l10n.t('the request path contains a . or .. segment') });
    const url = buildUrl(parseEndpoint(this.options.baseUrl, req.action), req.path, req.query);
    const idempotent = isIdempotent(req.method, req.idempotent);
    // Refuse before even fetching the secret; redirect hops are checked again in send.ts.
    checkUrlAllowed(url, req.action);
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      if (req.signal?.aborted) throw cancelled(req.action);
      const { res, error, outcome, secrets } = await this.attempt(req, url, attempt);
      if (error?.reason === 'timeout' && attempt > 1 && (attempt >= this.policy.maxAttempts || !isRetryable({ kind: 'timeout' }, idempotent))) {
        throw timedOut(req.action, url.host, attempt, Date.now() - started);
      }
      if (res && res.status >= 200 && res.status < 300) return this.success(res, req.action, secrets);
      const waitMs = res ? serverDelayMs(res.headers, res.status === 429) : undefined;
      const retryAfterSeconds = res?.status === 429 && waitMs !== undefined ? Math.ceil(waitMs / 1000) : undefined;
      const failure = error ?? errorFromResponse(res!, req.action, { retryAfterSeconds, redact: secrets });
      // A body over the cap would be just as large next time: fail once, never download it again.
      if (failure.reason === 'cancelled' || failure.reason === 'policy' || failure.reason === 'too-large' || !outcome) throw failure;
      if (attempt >= this.policy.maxAttempts || !isRetryable(outcome, idempotent)) throw failure;
      if (waitMs !== undefined && waitMs > this.policy.maxRetryAfterMs) throw failure;
      try {
        await abortableSleep(waitMs ?? backoffMs(this.policy, attempt), req.signal);
      } catch {
        throw cancelled(req.action);
      }
    }
  }

  private async attempt(req: HttpRequest, url: URL, attempt: number) {
    const started = Date.now();
    let creds: Credentials | undefined;
    try {
      creds = await this.options.getCredentials();
    } catch {
      // The secret store failing is not a network problem; say so without echoing its error.
      throw new CloudApiError({ reason: 'policy', action: req.action, summary: l10n.t("the API key and secret couldn't be read from secure storage") });
    }
    const secrets = credentialStrings(creds);
    const timeoutMs = safeTimeoutMs(this.options.timeoutMs?.());
    const maxBytes = this.options.maxResponseBytes?.() ?? DEFAULT_MAX_RESPONSE_BYTES;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
    const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'application/json' };
    const authorization = creds ? `Basic ${Buffer.from(`${creds.key}:${creds.secret}`).toString('base64')}` : undefined;
    let res: RawResponse | undefined;
    let error: CloudApiError | undefined;
    let outcome: AttemptOutcome | undefined;
    try {
      res = await sendFollowingRedirects(this.options.dispatchers, {
        method: req.method, url, headers, authorization, signal, action: req.action, maxBytes,
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
      });
      this.options.rateLimit?.observe(res.headers);
      outcome = { kind: 'status', status: res.status };
    } catch (err) {
      error = errorFromException(err, req.action, {
        cancelled: req.signal?.aborted === true, timedOut: timeout.aborted, timeoutMs, host: url.host, redact: secrets,
      });
      if (error.reason === 'timeout') outcome = { kind: 'timeout' };
      else if (error.reason === 'network') outcome = { kind: 'network', code: error.networkCode };
    }
    this.log({
      method: req.method, path: loggablePath(res?.url ?? url), status: res?.status, ms: Date.now() - started,
      requestId: res ? requestIdOf(res) : undefined, attempt, reason: error?.reason,
    }, secrets);
    return { res, error, outcome, secrets };
  }

  private success(res: RawResponse, action: string, secrets: readonly string[]): HttpResponse {
    const requestId = requestIdOf(res);
    const parsed = parseJsonBody(res.text);
    if (!parsed.ok) {
      throw new CloudApiError({
        reason: 'malformed', action, status: res.status, requestId, redact: secrets,
        summary: looksLikeHtml(res.text) ? l10n.t('the server returned an HTML page instead of JSON') : l10n.t('the response was not valid JSON'),
      });
    }
    return { status: res.status, json: parsed.value, requestId };
  }

  private log(entry: RequestLogEntry, secrets: readonly string[]): void {
    try {
      this.options.onRequest?.({ ...entry, path: redactText(entry.path, secrets) });
    } catch {
      // Logging must never change the outcome of a request.
    }
  }
}

/** "timed out after 4 attempts over 14.6 s": the total, since each attempt has its own limit. */
function timedOut(action: string, host: string, attempts: number, totalMs: number): CloudApiError {
  const seconds = Math.round(totalMs / 100) / 10;
  return new CloudApiError({
    reason: 'timeout', action,
    summary: l10n.t({
      message: '{0} timed out after {1} attempts over {2} s', args: [host, attempts, seconds],
      comment: ['{0} is a host name; {1} is the number of attempts (2 or more); {2} is a number of seconds'],
    }),
  });
}

function cancelled(action: string): CloudApiError {
  return new CloudApiError({ reason: 'cancelled', action, summary: l10n.t('the request was cancelled') });
}
