import * as l10n from '@vscode/l10n';
import type { FailureInfo } from './schemas/failure';

/** Why a cloud call failed, coarse enough for the UI to pick an icon and a remedy. */
export type CloudErrorReason = 'http' | 'network' | 'timeout' | 'cancelled' | 'malformed' | 'schema' | 'policy' | 'too-large';

/** Everything known about a failure; only `reason`, `action` and `summary` are always present. */
export interface CloudApiErrorInit extends FailureInfo {
  reason: CloudErrorReason;
  /** What we were doing, phrased to follow "Couldn't …", e.g. "create service account" (localized). */
  action: string;
  /**
   * Human explanation of what went wrong, without the "Couldn't …" prefix: localized text of ours,
   * or server text already passed through {@link tidySentence}. Only trailing dots and runs of
   * whitespace are trimmed here, so a translation keeps its capitals.
   */
  summary: string;
  status?: number;
  retryAfterSeconds?: number;
  /** RBAC permission named by a 403, e.g. "CreateEnvironment:Organization". */
  permission?: string;
  /** Response field path for schema failures, e.g. "data[3].display_name". */
  field?: string;
  /** Low-level error code for network failures, e.g. "ECONNREFUSED". */
  networkCode?: string;
  /** Strings that must never appear in the message (the API secret). */
  redact?: readonly string[];
}

const MAX_MESSAGE = 300;

/** The only error type the cloud layer throws. `message` is a single line fit for a notification. */
export class CloudApiError extends Error {
  override readonly name = 'CloudApiError';
  readonly reason: CloudErrorReason;
  readonly action: string;
  readonly status?: number;
  readonly code?: string;
  readonly title?: string;
  readonly detail?: string;
  readonly pointer?: string;
  readonly parameter?: string;
  readonly requestId?: string;
  readonly retryAfterSeconds?: number;
  readonly permission?: string;
  readonly field?: string;
  readonly networkCode?: string;

  constructor(init: CloudApiErrorInit) {
    const scrub = (s: string | undefined): string | undefined => (s === undefined ? s : redactText(s, init.redact));
    super(scrub(formatMessage(init)));
    this.reason = init.reason;
    this.action = init.action;
    this.status = init.status;
    this.code = init.code;
    this.title = scrub(init.title);
    this.detail = scrub(init.detail);
    this.pointer = init.pointer;
    this.parameter = init.parameter;
    this.requestId = init.requestId;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.permission = init.permission;
    this.field = init.field;
    this.networkCode = init.networkCode;
  }
}

/** Type guard for callers that catch `unknown`. */
export function isCloudApiError(value: unknown): value is CloudApiError {
  return value instanceof CloudApiError;
}

/** True when the failure only happened because the caller cancelled; UIs usually stay silent. */
export function isCancelled(value: unknown): boolean {
  return isCloudApiError(value) && value.reason === 'cancelled';
}

/** "7f3c1a2b-…" → "7f3c1a2b…": long enough to quote to support, short enough for one line. */
export function shortRequestId(id: string): string {
  return id.length > 8 ? `${id.slice(0, 8)}…` : id;
}

/** Finds an RBAC permission such as `Describe:Environment` in a 403 detail. */
export function permissionFrom(text: string | undefined): string | undefined {
  return text?.match(/\b([A-Z][A-Za-z]+:[A-Z][A-Za-z]+)\b/)?.[1];
}

/** An echoed `Authorization: Basic …` or `Bearer …` value, whoever's credentials it carries. */
// The value must look encoded (a digit, capital or symbol), so prose such as "Basic authentication" survives.
const AUTH_VALUE = /\b(Basic|Bearer)\s+(?=[A-Za-z0-9+/_.~-]*[0-9A-Z+/_.~-])[A-Za-z0-9+/_.~-]{8,}={0,2}/g;

/**
 * Replaces every occurrence of each secret with "***" (strings under 4 characters are ignored),
 * also in the JSON-escaped form a server echoing it inside a string would use (`/` as `\/`), and
 * masks any Basic/Bearer credential value the server quoted back.
 */
export function redactText(text: string, secrets: readonly string[] | undefined): string {
  let out = text;
  for (const s of secrets ?? []) {
    if (s.length < 4) continue;
    out = out.split(s).join('***');
    if (s.includes('/')) out = out.split(s.replace(/\//g, '\\/')).join('***');
  }
  return out.replace(AUTH_VALUE, (_m, scheme: string) => `${scheme} ***`);
}

/** Collapses whitespace and drops trailing dots, so any sentence fits after "Couldn't x: ". */
export function trimSentence(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/[.\s]+$/, '');
}

/** Server details read "A service account … exists." — fit them after "Couldn't x: ". */
export function tidySentence(text: string): string {
  let s = trimSentence(text);
  // Lower-case a leading capital only when it starts an ordinary word, so "API key" stays intact.
  if (/^(A\s|[A-Z][a-z])/.test(s)) s = s[0]!.toLowerCase() + s.slice(1);
  return s;
}

function formatMessage(init: CloudApiErrorInit): string {
  const tags: string[] = [];
  const statusTag = [init.status, init.code ?? init.networkCode].filter((x) => x !== undefined).join(' ');
  if (statusTag) tags.push(statusTag);
  if (init.requestId) {
    tags.push(l10n.t({ message: 'request {0}', args: [shortRequestId(init.requestId)], comment: ['{0} is the start of a request ID to quote to support, e.g. 7f3c1a2b…'] }));
  }
  let msg = l10n.t({
    message: "Couldn't {0}: {1}",
    args: [init.action, trimSentence(init.summary) || l10n.t('unknown error')],
    comment: ["{0} is what was being done, e.g. 'create service account'; {1} says what went wrong"],
  });
  if (init.permission && !msg.includes(init.permission)) {
    msg = l10n.t({ message: '{0} (needs {1})', args: [msg, init.permission], comment: ['{0} is an error message; {1} is the RBAC permission it lacks, e.g. CreateEnvironment:Organization'] });
  }
  if (tags.length) {
    msg = l10n.t({ message: '{0} ({1})', args: [msg, tags.join(', ')], comment: ['{0} is an error message; {1} lists the HTTP status, error code and request ID'] });
  }
  msg = msg.replace(/\s+/g, ' ');
  return msg.length > MAX_MESSAGE ? `${msg.slice(0, MAX_MESSAGE - 1)}…` : msg;
}
