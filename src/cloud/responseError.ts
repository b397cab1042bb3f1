import * as l10n from '@vscode/l10n';
import { CloudApiError, permissionFrom, redactText, tidySentence } from './errors';
import { readFailure } from './schemas/failure';
import { type RawResponse } from './send';

/**
 * Fallback explanations when the body says nothing useful. A function, so each message is looked
 * up in the bundle when an error is built rather than when the module loads.
 */
function statusText(status: number): string | undefined {
  switch (status) {
    case 400: return l10n.t('the request was rejected as invalid');
    case 401: return l10n.t('the API key or secret was rejected; check the organization credentials');
    case 402: return l10n.t('an organization quota has been reached');
    case 403: return l10n.t('permission denied');
    case 404: return l10n.t('not found');
    case 408: return l10n.t('the server timed out waiting for the request');
    case 409: return l10n.t('it conflicts with an existing resource');
    case 422: return l10n.t('the configuration is invalid');
    case 429: return l10n.t('Confluent Cloud is rate limiting requests');
    default: return undefined;
  }
}

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
  // Server text is tidied to follow "Couldn't x: "; our own wording is already written that way.
  // Masked first: lower-casing a leading capital, or cutting the text short, could otherwise hide
  // a secret from the mask.
  const serverText = info?.detail ?? info?.title;
  let summary = serverText ? tidySentence(redactText(serverText, extra.redact)) : '';
  if (!summary && looksLikeHtml(res.text)) summary = l10n.t('the server returned an HTML error page instead of an API response');
  else if (!summary && !parsed.ok) summary = tidySentence(redactText(res.text, extra.redact).replace(/\s+/g, ' ').trim().slice(0, 120));
  if (!summary) {
    summary = statusText(res.status)
      ?? (res.status >= 500 ? l10n.t('Confluent Cloud had a server error') : l10n.t('unexpected HTTP status {0}', res.status));
  }
  if (res.status === 429 && extra.retryAfterSeconds !== undefined) {
    summary = l10n.t({ message: '{0}; try again in {1} s', args: [summary, extra.retryAfterSeconds], comment: ['{0} says why the request failed; {1} is a number of seconds'] });
  }
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
  if (ctx.cancelled) return new CloudApiError({ reason: 'cancelled', action, summary: l10n.t('the request was cancelled') });
  if (ctx.timedOut) {
    const seconds = Math.round(ctx.timeoutMs / 100) / 10;
    return new CloudApiError({
      reason: 'timeout', action,
      summary: l10n.t({ message: '{0} did not answer within {1} s', args: [ctx.host, seconds], comment: ['{0} is a host name; {1} is a number of seconds'] }),
    });
  }
  const code = networkCode(err);
  const cause = describeCode(code);
  return new CloudApiError({
    reason: 'network', action, networkCode: code, redact: ctx.redact,
    summary: cause === undefined
      ? l10n.t({ message: "couldn't reach {0}", args: [ctx.host], comment: ['{0} is a host name'] })
      : l10n.t({ message: "couldn't reach {0}: {1}", args: [ctx.host, cause], comment: ['{0} is a host name; {1} says why, e.g. connection refused'] }),
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

function describeCode(code: string | undefined): string | undefined {
  switch (code) {
    case 'ECONNREFUSED': return l10n.t('connection refused');
    case 'ENOTFOUND': case 'EAI_AGAIN': return l10n.t('host name not found, check the network or proxy');
    case 'ECONNRESET': case 'UND_ERR_SOCKET': return l10n.t('the connection was closed unexpectedly');
    case 'UND_ERR_CONNECT_TIMEOUT': return l10n.t('connecting timed out');
    default: return undefined;
  }
}
