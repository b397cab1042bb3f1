import { CloudApiError } from './errors';

/**
 * Why `value` cannot be one path segment, or undefined when it can. `encodeURIComponent` leaves
 * dots alone, and URL parsing resolves `.` and `..` (also spelled `%2E`, `.%2e`, …) as directory
 * steps, so an ID of `..` would turn `DELETE /iam/v2/service-accounts/..` into `DELETE /iam/v2/`.
 * No percent-encoding survives that, so those IDs are refused rather than encoded.
 */
export function unsafeSegmentReason(value: string): string | undefined {
  if (value === '') return 'an empty ID';
  if (/^(\.|%2e){1,2}$/i.test(value)) return `'${value}' is not a valid ID (it would change the request path)`;
  return undefined;
}

/**
 * Encodes `value` as exactly one URL path segment (slashes, `?`, `#` and `%` included), or throws
 * a `policy` CloudApiError when no encoding can keep it one segment. Use for every ID or name
 * placed in a request path or a link.
 */
export function encodePathSegment(value: string, action = 'build the request'): string {
  const reason = unsafeSegmentReason(value);
  if (reason !== undefined) throw new CloudApiError({ reason: 'policy', action, summary: reason });
  return encodeURIComponent(value);
}

/** True when a built path still contains a `.`/`..` step that URL parsing would resolve away. */
export function hasDotSegment(path: string): boolean {
  return path.split(/[/?#]/).some((segment) => /^(\.|%2e){1,2}$/i.test(segment));
}
