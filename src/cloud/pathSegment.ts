import * as l10n from '@vscode/l10n';
import { CloudApiError } from './errors';

/**
 * Why `value` cannot be one path segment, or undefined when it can. `encodeURIComponent` leaves
 * dots alone, and URL parsing resolves `.` and `..` (even spelled `%2E`) as directory steps, so an
 * ID of `..` would turn `DELETE /iam/v2/service-accounts/..` into `DELETE /iam/v2/`. No encoding
 * survives that, so those IDs are refused. IDs spelled as encoded dots (`%2e%2E`) would be sent
 * safely as `%252e…`, but one decoding step anywhere on the way (a proxy, a gateway) turns them
 * into the same attack, and no real ID looks like that, so they are refused too. An empty ID would
 * address the collection itself.
 */
export function unsafeSegmentReason(value: string): string | undefined {
  if (value === '') return l10n.t('the ID is empty');
  if (/^(\.|%2e){1,2}$/i.test(value)) return l10n.t("'{0}' is not a valid ID (it would change the request path)", value);
  return undefined;
}

/**
 * Encodes `value` as exactly one URL path segment (slashes, `?`, `#` and `%` included), or throws
 * a `policy` CloudApiError when no encoding can keep it one segment. Use for every ID or name
 * placed in a request path or a link.
 */
export function encodePathSegment(value: string, action?: string): string {
  const reason = unsafeSegmentReason(value);
  if (reason !== undefined) {
    action ??= l10n.t({ message: 'build the request', comment: ['follows "Couldn\'t", as in "Couldn\'t build the request: …"'] });
    throw new CloudApiError({ reason: 'policy', action, summary: reason });
  }
  return encodeURIComponent(value);
}

/** True when a built path still contains a `.`/`..` step that URL parsing would resolve away. */
export function hasDotSegment(path: string): boolean {
  return path.split(/[/?#]/).some((segment) => /^(\.|%2e){1,2}$/i.test(segment));
}
