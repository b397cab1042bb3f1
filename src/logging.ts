/**
 * Formatting of request log lines for the "Confluent Cloud" output channel. Pure (no vscode) so
 * the "never log a secret" guarantee is unit tested.
 */

/** The fields the cloud client reports per HTTP attempt. */
export interface RequestLogFields {
  readonly method: string;
  readonly path: string;
  readonly status?: number | undefined;
  readonly ms?: number | undefined;
  readonly requestId?: string | undefined;
  readonly attempt?: number | undefined;
  readonly reason?: string | undefined;
}

// Query parameters whose values are never worth logging (tokens are opaque and long).
const REDACTED_QUERY = /([?&](?:page_token|token|secret|password|api_secret)=)[^&]*/gi;

/**
 * One line per request: `GET /iam/v2/users?page_size=50 → 200 in 83 ms (request 7f3c…, attempt 1)`.
 * Only method, path, status, timing, request ID and attempt are used, so headers and bodies
 * (and with them Authorization and secrets) can never reach the log.
 */
export function formatRequestLine(entry: RequestLogFields): string {
  const path = entry.path.replace(REDACTED_QUERY, '$1…');
  const outcome = entry.status !== undefined ? String(entry.status) : (entry.reason ?? 'no response');
  const timing = entry.ms !== undefined ? ` in ${Math.round(entry.ms)} ms` : '';
  const extras = [
    entry.requestId ? `request ${entry.requestId}` : undefined,
    entry.attempt !== undefined ? `attempt ${entry.attempt}` : undefined,
  ].filter((p): p is string => !!p);
  return `${entry.method.toUpperCase()} ${path} → ${outcome}${timing}${extras.length ? ` (${extras.join(', ')})` : ''}`;
}
