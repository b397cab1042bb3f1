/** One line of the request log handed to `onRequest`. Never contains credentials or page tokens. */
export interface RequestLogEntry {
  method: string;
  /** Path plus query, with token- and secret-like query values replaced by `***`. */
  path: string;
  /** Absent when no response arrived (network error, timeout, cancellation). */
  status?: number;
  ms: number;
  requestId?: string;
  /** 1 for the first try, 2 for the first retry, … */
  attempt: number;
  /** Failure class when the attempt failed. */
  reason?: string;
}

const SENSITIVE_PARAM = /token|secret|password|key$|^key|auth/i;

/** The loggable form of a URL: origin dropped, sensitive query values masked. */
export function loggablePath(url: URL): string {
  const params = [...url.searchParams].map(([k, v]) => `${k}=${SENSITIVE_PARAM.test(k) ? '***' : encodeURIComponent(v)}`);
  return params.length ? `${url.pathname}?${params.join('&')}` : url.pathname;
}
