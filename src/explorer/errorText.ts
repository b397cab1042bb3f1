/**
 * Short, specific wording for errors shown as tree nodes. Pure (only a type import from the
 * vscode-free cloud layer), so it is unit tested in plain Node; its wording goes through
 * `@vscode/l10n`.
 */
import * as l10n from '@vscode/l10n';
import { type CloudApiError, isCloudApiError, shortRequestId } from '../cloud/errors';
import { networkCause } from '../auth/networkWording';
import { plainLine, TOOLTIP_MAX } from '../ui/inertText';
import { roleHint, roleHintForKind } from './requiredRoles';
import type { ResourceKind } from './resourceIds';

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
 * What could not be loaded: a plural noun as shown ("users", in the user's language), whether it
 * was a further page ("Couldn't load more users"), and the kind, which picks the role a 403 names
 * whatever language the noun is in.
 */
export interface LoadSubject {
  readonly noun: string;
  readonly more?: boolean | undefined;
  readonly kind?: ResourceKind | undefined;
}

/**
 * Describes a failure to load something: a {@link LoadSubject}, or an English plural noun
 * ("users", "more service accounts") that also names the role a 403 asks for.
 */
export function describeLoadError(what: string | LoadSubject, error: unknown): ErrorDescription {
  const subject = typeof what === 'string' ? subjectOf(what) : what;
  if (!isCloudApiError(error)) {
    const message = error instanceof Error ? error.message : String(error);
    return { label: couldNotLoad(subject, plainLine(message)), detail: plainLine(message, TOOLTIP_MAX), remedy: 'retry' };
  }
  const requestId = error.requestId ? plainLine(shortRequestId(error.requestId), 12) : undefined;
  // A 403 says which role would allow it, so the user knows what to ask an admin for.
  const role = error.status !== 403 ? undefined
    : typeof what === 'string' ? roleHint(what, 'list')
      : what.kind !== undefined ? roleHintForKind(what.kind, 'list') : undefined;
  const cause = shortCause(error);
  const reason = role === undefined
    ? cause
    : l10n.t({ message: '{0}; needs {1}', args: [cause, role], comment: ['{0} is why loading failed, e.g. "403 forbidden"; {1} is e.g. "the OrganizationAdmin role"'] });
  const withRequest = requestId === undefined
    ? reason
    : l10n.t({ message: '{0} (request {1})', args: [reason, requestId], comment: ['{0} is why loading failed; {1} is a shortened request ID'] });
  return {
    label: couldNotLoad(subject, withRequest),
    // Server text, shortened; the tooltip escapes it as Markdown.
    detail: [error.message,
      role ? l10n.t({ message: 'Listing {0} needs {1}.', args: [subject.noun, role], comment: ['{0} is a plural noun such as "users"; {1} is e.g. "the AccountAdmin role"'] }) : undefined,
      error.detail && error.detail !== error.message ? error.detail : undefined]
      .filter((p): p is string => !!p).map((p) => plainLine(p, TOOLTIP_MAX)).join('\n\n'),
    remedy: error.status === 401 ? 'updateApiKey' : 'retry',
  };
}

// An English phrase as callers of the string form pass it: "more users" is a further page.
function subjectOf(what: string): LoadSubject {
  return what.startsWith('more ') ? { noun: what.slice('more '.length), more: true } : { noun: what };
}

function couldNotLoad(subject: LoadSubject, reason: string): string {
  return subject.more
    ? l10n.t({ message: "Couldn't load more {0}: {1}", args: [subject.noun, reason], comment: ['{0} is a plural noun such as "users"; {1} is why'] })
    : l10n.t({ message: "Couldn't load {0}: {1}", args: [subject.noun, reason], comment: ['{0} is a plural noun such as "users"; {1} is why'] });
}

function shortCause(error: CloudApiError): string {
  switch (error.reason) {
    case 'http': {
      if (error.status === 429) {
        return error.retryAfterSeconds !== undefined
          ? l10n.t({ message: '429 too many requests, retry in {0} s', args: [error.retryAfterSeconds], comment: ['{0} is a number of seconds'] })
          : l10n.t('429 too many requests');
      }
      const raw = error.code ?? error.title?.toLowerCase().replace(/\s+/g, '_');
      const code = raw === undefined ? undefined : plainLine(raw, CODE_MAX);
      return [error.status, code].filter((p) => p !== undefined && p !== '').join(' ') || l10n.t('HTTP error');
    }
    case 'network':
      return networkCause(error.networkCode);
    case 'timeout':
      return l10n.t('timed out');
    case 'cancelled':
      return l10n.t('cancelled');
    case 'malformed':
    case 'schema':
      return error.status
        ? l10n.t({ message: 'unexpected response ({0})', args: [error.status], comment: ['{0} is an HTTP status code'] })
        : l10n.t('unexpected response');
    case 'policy':
      return l10n.t('blocked by the endpoint policy');
    case 'too-large':
      return l10n.t('response too large');
  }
}
