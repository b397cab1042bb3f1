/**
 * Short, specific wording for errors shown as tree nodes. Pure (only a type import from the
 * vscode-free cloud layer), so it is unit tested in plain Node.
 */
import { type CloudApiError, isCloudApiError, shortRequestId } from '../cloud/errors';
import { networkCause } from '../auth/networkWording';
import { plainLine, TOOLTIP_MAX } from '../ui/inertText';
import { roleHint } from './requiredRoles';

// A `code` is a short token such as `user_unauthorized`; a server can send a paragraph instead.
const CODE_MAX = 40;

/** What the UI can offer for an error. */
export type ErrorRemedy = 'updateApiKey' | 'retry';

/** An error as the explorer shows it. */
export interface ErrorDescription {
  /** One line: "Couldn't load users: 403 user_unauthorized (request 7f3c1a2b…)". */
  readonly label: string;
  /** The full message and server detail, for the tooltip. */
  readonly detail: string;
  readonly remedy: ErrorRemedy;
}

/**
 * Describes a failure to load something. `what` completes "Couldn't load …", e.g. "users" or
 * "more service accounts".
 */
export function describeLoadError(what: string, error: unknown): ErrorDescription {
  if (!isCloudApiError(error)) {
    const message = error instanceof Error ? error.message : String(error);
    return { label: `Couldn't load ${what}: ${plainLine(message)}`, detail: plainLine(message, TOOLTIP_MAX), remedy: 'retry' };
  }
  const requestId = error.requestId ? ` (request ${plainLine(shortRequestId(error.requestId), 12)})` : '';
  // A 403 says which role would allow it, so the user knows what to ask an admin for.
  const role = error.status === 403 ? roleHint(what, 'list') : undefined;
  const needs = role ? `; needs ${role}` : '';
  return {
    label: `Couldn't load ${what}: ${shortCause(error)}${needs}${requestId}`,
    // Server text, shortened; the tooltip escapes it as Markdown.
    detail: [error.message, role ? `Listing ${what.replace(/^more /, '')} needs ${role}.` : undefined,
      error.detail && error.detail !== error.message ? error.detail : undefined]
      .filter((p): p is string => !!p).map((p) => plainLine(p, TOOLTIP_MAX)).join('\n\n'),
    remedy: error.status === 401 ? 'updateApiKey' : 'retry',
  };
}

function shortCause(error: CloudApiError): string {
  switch (error.reason) {
    case 'http': {
      if (error.status === 429) {
        return `429 too many requests${error.retryAfterSeconds !== undefined ? `, retry in ${error.retryAfterSeconds} s` : ''}`;
      }
      const raw = error.code ?? error.title?.toLowerCase().replace(/\s+/g, '_');
      const code = raw === undefined ? undefined : plainLine(raw, CODE_MAX);
      return [error.status, code].filter((p) => p !== undefined && p !== '').join(' ') || 'HTTP error';
    }
    case 'network':
      return networkCause(error.networkCode);
    case 'timeout':
      return 'timed out';
    case 'cancelled':
      return 'cancelled';
    case 'malformed':
    case 'schema':
      return `unexpected response${error.status ? ` (${error.status})` : ''}`;
    case 'policy':
      return 'blocked by the endpoint policy';
    case 'too-large':
      return 'response too large';
  }
}
