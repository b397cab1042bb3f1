/**
 * Pure label and description formatting for tree nodes. No vscode import, so it is unit tested
 * in plain Node.
 */

/** Formats a count for display with the user's locale grouping, e.g. `1,523`. */
export function formatCount(n: number): string {
  return n.toLocaleString();
}

/**
 * Description of a paged folder: how many items are loaded and, when the API reported it, how many
 * exist (`50 of 1,523`); plus the active filter.
 */
export function folderDescription(state: {
  loaded: number;
  total?: number | undefined;
  complete: boolean;
  started: boolean;
  filter?: string | undefined;
  matches?: number | undefined;
}): string {
  const parts: string[] = [];
  if (state.started) {
    if (state.filter !== undefined) {
      const shown = state.matches ?? state.loaded;
      parts.push(state.complete ? `${formatCount(shown)} matching` : `${formatCount(shown)} matching so far`);
    } else if (state.total !== undefined && (!state.complete || state.total !== state.loaded)) {
      parts.push(`${formatCount(state.loaded)} of ${formatCount(state.total)}`);
    } else if (state.complete) {
      parts.push(formatCount(state.loaded));
    } else {
      parts.push(`${formatCount(state.loaded)}+`);
    }
  }
  if (state.filter !== undefined) parts.push(`filter: "${state.filter}"`);
  return parts.join(' · ');
}

/** `2024-03-01` from an RFC 3339 timestamp; undefined when absent or unparsable. */
export function formatDate(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return undefined;
  return date.toISOString().slice(0, 10);
}

/** `AUTH_TYPE_SSO` → `SSO`; unknown values are shown as they are. */
export function formatAuthType(authType: string | undefined): string | undefined {
  if (!authType) return undefined;
  return authType.startsWith('AUTH_TYPE_') ? authType.slice('AUTH_TYPE_'.length) : authType;
}

/** Cluster description: `AWS · us-east-2 · Basic`, skipping missing parts. */
export function clusterDescription(cloud?: string, region?: string, type?: string): string {
  return [cloud?.toUpperCase(), region, type].filter((p): p is string => !!p).join(' · ');
}

/** Collapses whitespace and truncates text for single-line descriptions. */
export function oneLine(text: string | undefined, max = 80): string | undefined {
  if (!text) return undefined;
  const flat = text.replace(/\s+/g, ' ').trim();
  if (!flat) return undefined;
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Below this share of the limit (or this many requests) the rate limit is worth showing. */
const LOW_SHARE = 0.2;
const LOW_ABSOLUTE = 10;

/** True when the remaining request budget (`X-RateLimit-Remaining`) is low enough to warn about. */
export function isRateLimitLow(snapshot: { remaining?: number | undefined; limit?: number | undefined } | undefined): boolean {
  if (snapshot?.remaining === undefined) return false;
  if (snapshot.remaining <= LOW_ABSOLUTE) return true;
  return snapshot.limit !== undefined && snapshot.limit > 0 && snapshot.remaining / snapshot.limit < LOW_SHARE;
}
