import { CloudApiError, permissionFrom } from './errors';
import { readFailure } from './schemas/failure';
import { type RawResponse } from './send';

/** Fallback explanations when the body says nothing useful. */
const STATUS_TEXT: Record<number, string> = {
  400: 'the request was rejected as invalid',
  401: 'the API key or secret was rejected; check the organization credentials',
  402: 'an organization quota has been reached',
  403: 'permission denied',
  404: 'not found',
  408: 'the server timed out waiting for the request',
  409: 'it conflicts with an existing resource',
  422: 'the configuration is invalid',
  429: 'Confluent Cloud is rate limiting requests',
};

/** The request id header; the new error format can also carry it in the body. */
export function requestIdOf(res: Pick<RawResponse, 'headers'>): string | undefined {
  const v = res.headers['x-request-id'];
  return (Array.isArray(v) ? v[0] : v) || undefined;
}

/** Parses JSON leniently: `undefined` for an empty body, a `SyntaxError` marker for junk. */
export function parseJsonBody(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** True when a body is an HTML page (a proxy or load-balancer error page). */
export function looksLikeHtml(text: string): boolean {
  return /^\s*(<!doctype html|<html|<head|<body)/i.test(text);
}

/** Builds the error for a non-2xx response, from whatever the body offers. */
export function errorFromResponse(
  res: RawResponse, action: string, extra: { retryAfterSeconds?: number; redact?: readonly string[] } = {},
): CloudApiError {
  const parsed = parseJsonBody(res.text);
  const info = parsed.ok ? readFailure(parsed.value) : undefined;
  const requestId = requestIdOf(res) ?? info?.requestId;
  let summary = info?.detail ?? info?.title;
  if (!summary && looksLikeHtml(res.text)) summary = `the server returned an HTML error page instead of an API response`;
  else if (!summary && !parsed.ok) summary = res.text.replace(/\s+/g, ' ').trim().slice(0, 120);
  if (!summary) summary = STATUS_TEXT[res.status] ?? (res.status >= 500 ? 'Confluent Cloud had a server error' : `unexpected HTTP status ${res.status}`);
  if (res.status === 429 && extra.retryAfterSeconds !== undefined) summary += `; try again in ${extra.retryAfterSeconds} s`;
  return new CloudApiError({
    reason: 'http', action, summary, status: res.status, requestId,
    code: info?.code, title: info?.title, detail: info?.detail, pointer: info?.pointer, parameter: info?.parameter,
    permission: res.status === 403 ? permissionFrom(info?.detail ?? info?.title) : undefined,
    retryAfterSeconds: extra.retryAfterSeconds, redact: extra.redact,
  });
}

/** Maps a thrown transport error to a CloudApiError, telling cancellation from timeout. */
export function errorFromException(
  err: unknown, action: string, ctx: { cancelled: boolean; timedOut: boolean; timeoutMs: number; host: string; redact?: readonly string[] },
): CloudApiError {
  if (err instanceof CloudApiError) return err;
  if (ctx.cancelled) return new CloudApiError({ reason: 'cancelled', action, summary: 'the request was cancelled' });
  if (ctx.timedOut) {
    return new CloudApiError({ reason: 'timeout', action, summary: `${ctx.host} did not answer within ${Math.round(ctx.timeoutMs / 100) / 10} s` });
  }
  const code = networkCode(err);
  return new CloudApiError({
    reason: 'network', action, networkCode: code, redact: ctx.redact,
    summary: `couldn't reach ${ctx.host}${describeCode(code)}`,
  });
}

/** The most specific `code` on an error or its cause chain. */
export function networkCode(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

function describeCode(code: string | undefined): string {
  switch (code) {
    case 'ECONNREFUSED': return ': connection refused';
    case 'ENOTFOUND': case 'EAI_AGAIN': return ': host name not found, check the network or proxy';
    case 'ECONNRESET': case 'UND_ERR_SOCKET': return ': the connection was closed unexpectedly';
    case 'UND_ERR_CONNECT_TIMEOUT': return ': connecting timed out';
    default: return '';
  }
}
