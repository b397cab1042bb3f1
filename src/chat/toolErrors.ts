/**
 * Failures as tool results the model can act on: the status first ("403: …"), what it means for
 * this request, and what to do next, on one short paragraph. Never a stack, never thrown back into
 * the chat. Pure: no vscode import.
 */
import { CloudApiError, shortRequestId } from '../cloud/errors';
import type { Failed } from '../commands/commandOutcome';
import { inert } from './chatText';

/** An input the model got wrong; the message says what a valid one looks like. */
export class ToolInputError extends Error {
  override readonly name = 'ToolInputError';
}

/** What a tool tells the error mapper about the request, for remedies that fit it. */
export interface ErrorHints {
  /** The role the call needs, e.g. "AccountAdmin (or OrganizationAdmin)". */
  readonly role?: string | undefined;
}

/** One paragraph for a failed tool call. */
export function errorText(error: unknown, hints: ErrorHints = {}): string {
  if (error instanceof ToolInputError) return `Invalid input: ${error.message}`;
  if (error instanceof CloudApiError) return cloudErrorText(error, hints);
  const message = error instanceof Error ? error.message : String(error);
  return `Failed: ${inert(message, 300)}`;
}

function cloudErrorText(error: CloudApiError, hints: ErrorHints): string {
  const request = error.requestId ? ` Request ID ${inert(shortRequestId(error.requestId))}.` : '';
  const detail = inert(error.message, 300);
  switch (error.reason) {
    case 'cancelled': return 'Cancelled before Confluent Cloud answered.';
    case 'timeout': return `Timed out waiting for Confluent Cloud: ${detail}. A read is safe to retry; after a change, check the result before retrying.`;
    case 'network': return `Couldn't reach Confluent Cloud (${inert(error.networkCode ?? 'network error')}): ${detail}. Check the connection, then retry.`;
    case 'policy': return `Not sent: ${detail}.`;
    case 'http': break;
    // Unreadable responses (malformed, schema, oversized): nothing the model can fix.
    default: return `Confluent Cloud sent a response this extension couldn't read: ${detail}.${request}`;
  }
  const status = error.status ?? 0;
  return `${statusSentence(status, error, hints)} Server said: ${detail}.${request}`;
}

function statusSentence(status: number, error: CloudApiError, hints: ErrorHints): string {
  if (status === 401) return '401: the organization\'s Cloud API key was rejected (wrong, expired or deleted). The user must run "Confluent Cloud: Update API Key…"; retrying will not help.';
  if (status === 403) {
    const needs = error.permission ? `the ${inert(error.permission)} permission` : hints.role ?? 'a role that allows this';
    return `403: the signed-in key lacks ${needs}. Don't retry; ask an OrganizationAdmin to grant it or use a key that has it.`;
  }
  if (status === 404) return '404: not found. Check the ID with a list tool of this extension.';
  if (status === 409) return '409: conflict, e.g. the name is already taken. Pick another name or use the existing item.';
  if (status === 402) return '402: the organization\'s quota is used up. Delete unused items or raise the quota.';
  if (status === 400 || status === 422) return `${status}: Confluent Cloud rejected the input${error.pointer ? ` at ${inert(error.pointer)}` : ''}. Fix the input and retry.`;
  if (status === 429) {
    return `429: rate limited by Confluent Cloud${error.retryAfterSeconds !== undefined ? `; retry after ${error.retryAfterSeconds} s` : '; retry in a minute'}.`;
  }
  if (status >= 500) return `${status}: Confluent Cloud failed on its side. A read is safe to retry.`;
  return `${status || 'HTTP'}: the request failed.`;
}

/** The same for a command's failed outcome (already worded by the command, with its status). */
export function failedOutcomeText(outcome: Failed, hints: ErrorHints = {}): string {
  const status = outcome.httpStatus;
  const prefix = outcome.status === 'invalid'
    ? `Invalid input${outcome.field ? ` (${outcome.field})` : ''}:`
    : status === 403
      ? `403: the signed-in key lacks ${hints.role ?? 'a role that allows this'}. Don't retry.`
      : status === 401
        ? '401: the organization\'s Cloud API key was rejected; the user must run "Confluent Cloud: Update API Key…".'
        : status !== undefined ? `${status}:` : 'Failed:';
  const lookup = outcome.lookup === 'absent'
    ? ' It was not created, so it is safe to retry.'
    : outcome.lookup === 'unknown' ? ' It is unknown whether it was created: list before retrying.' : '';
  const request = outcome.requestId ? ` Request ID ${inert(shortRequestId(outcome.requestId))}.` : '';
  return `${prefix} ${inert(outcome.message, 300)}.${lookup}${request}`;
}
