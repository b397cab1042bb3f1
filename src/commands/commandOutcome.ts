/**
 * What the resource commands return, so tests and automation (`executeCommand`) learn what
 * happened without scraping notifications. Never contains an API secret.
 */
import { CloudApiError } from '../cloud/errors';

/** The command finished its job; `value` is the created/updated resource (or a summary). */
export interface Done<T> {
  readonly status: 'done';
  readonly value: T;
  /** Set when a create failed with an uncertain error and a lookup found the item anyway. */
  readonly recovered?: boolean | undefined;
  /** Extra facts, e.g. how many API keys a delete took with it. */
  readonly impact?: DeleteImpact | undefined;
}

/** The user dismissed a step (or automation left a required answer out and no UI could ask). */
export interface Cancelled {
  readonly status: 'cancelled';
}

/** The request failed, or automation supplied an answer that does not validate. */
export interface Failed {
  readonly status: 'failed' | 'invalid';
  /** The same sentence the user saw. */
  readonly message: string;
  readonly httpStatus?: number | undefined;
  readonly code?: string | undefined;
  readonly requestId?: string | undefined;
  /** The input field the failure is about (`display_name`, `email`, …). */
  readonly field?: string | undefined;
  /**
   * For a create that failed with an uncertain error: whether a lookup found the item
   * (`'exists'`), proved it absent (`'absent'`) or could not tell (`'unknown'`).
   */
  readonly lookup?: 'exists' | 'absent' | 'unknown' | undefined;
}

export type Outcome<T> = Done<T> | Cancelled | Failed;

/** What a delete removed besides the item itself. */
export interface DeleteImpact {
  /** API keys deleted along with an account or user (or on an environment's clusters). */
  readonly apiKeys?: number | undefined;
  /** Kafka clusters deleted with an environment. */
  readonly kafkaClusters?: number | undefined;
}

export const CANCELLED: Cancelled = { status: 'cancelled' };

/** A request failure as a result: the sentence the user saw plus the API's status, code and request ID. */
export function failedOutcome(message: string, error: unknown, extra: Pick<Failed, 'field' | 'lookup'> = {}): Failed {
  return {
    status: 'failed', message, ...extra,
    ...(error instanceof CloudApiError ? { httpStatus: error.status, code: error.code, requestId: error.requestId } : {}),
  };
}

export function done<T>(value: T, extra: Omit<Done<T>, 'status' | 'value'> = {}): Done<T> {
  return { status: 'done', value, ...extra };
}
