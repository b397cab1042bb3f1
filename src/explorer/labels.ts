/**
 * Pure label and description formatting for tree nodes. No vscode import, so it is unit tested
 * in plain Node; wording goes through `@vscode/l10n`. Server text goes through `src/ui/inertText.ts`.
 */
import * as l10n from '@vscode/l10n';
import { LABEL_MAX, plainLine } from '../ui/inertText';

const COUNT_COMMENT = '{0} is a number of items, already formatted, e.g. "1,523"';

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
  /** `exact`: the server's exact name search; `contains` (default): a substring of loaded pages. */
  filterMode?: 'exact' | 'contains' | undefined;
  matches?: number | undefined;
  /** Set when loading stopped at `confluentCloud.loadAllLimit` although the server had more. */
  stoppedAtLimit?: boolean | undefined;
}): string {
  const parts: string[] = [];
  if (state.started && state.stoppedAtLimit) {
    parts.push(limitText(state.loaded));
    if (state.filter !== undefined && state.matches !== undefined) parts.push(matchingText(state.matches));
  } else if (state.started) {
    if (state.filter !== undefined) {
      const shown = state.matches ?? state.loaded;
      parts.push(state.complete
        ? matchingText(shown)
        : l10n.t({ message: '{0} matching so far', args: [formatCount(shown)], comment: [COUNT_COMMENT] }));
    } else if (state.total !== undefined && (!state.complete || state.total !== state.loaded)) {
      parts.push(l10n.t({
        message: '{0} of {1}',
        args: [formatCount(state.loaded), formatCount(state.total)],
        comment: ['Items loaded of those that exist: {0} loaded, {1} in total'],
      }));
    } else if (state.complete) {
      parts.push(formatCount(state.loaded));
    } else {
      parts.push(l10n.t({ message: '{0}+', args: [formatCount(state.loaded)], comment: ['{0} items loaded and more on the server'] }));
    }
  }
  // Says how the filter matches: the folders differ (the server's exact name, or a substring).
  if (state.filter !== undefined) {
    const text = plainLine(state.filter, 40);
    parts.push(state.filterMode === 'exact'
      ? l10n.t({ message: 'name = "{0}" (exact)', args: [text], comment: ['{0} is the filter text'] })
      : l10n.t({ message: 'contains "{0}"', args: [text], comment: ['{0} is the filter text'] }));
  }
  return parts.join(' · ');
}

/** "10,000 loaded, stopped at the limit": a folder that holds as many items as it may. */
export function limitText(loaded: number): string {
  return l10n.t({ message: '{0} loaded, stopped at the limit', args: [formatCount(loaded)], comment: [COUNT_COMMENT] });
}

function matchingText(matches: number): string {
  return l10n.t({ message: '{0} matching', args: [formatCount(matches)], comment: [COUNT_COMMENT] });
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

/**
 * Server text for a single-line label or description: hidden characters revealed, whitespace
 * collapsed, shortened; undefined when nothing is left.
 */
export function oneLine(text: string | null | undefined, max = LABEL_MAX): string | undefined {
  if (!text) return undefined;
  return plainLine(text, max) || undefined;
}

/** A required name for a tree label; falls back when the server sent only blanks. */
export function labelText(text: string | null | undefined, fallback: string): string {
  return oneLine(text) ?? fallback;
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
