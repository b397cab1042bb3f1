/**
 * Granularities of the Metrics API v2 and the longest interval each one accepts. Shared by the
 * host (to build queries) and the webview (to disable impossible choices), so no vscode import.
 */
import * as l10n from '@vscode/l10n';
import { GRANULARITY_MAX_MS } from '../cloud/granularityLimits';

/** Time-series granularities, finest first. `ALL` is left out: it yields one point, not a chart. */
export const GRANULARITIES = ['PT1M', 'PT5M', 'PT15M', 'PT30M', 'PT1H', 'PT4H', 'PT6H', 'PT12H', 'P1D'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Bucket length in seconds. */
export const GRANULARITY_SECONDS: Readonly<Record<Granularity, number>> = {
  PT1M: MINUTE,
  PT5M: 5 * MINUTE,
  PT15M: 15 * MINUTE,
  PT30M: 30 * MINUTE,
  PT1H: HOUR,
  PT4H: 4 * HOUR,
  PT6H: 6 * HOUR,
  PT12H: 12 * HOUR,
  P1D: DAY,
};

/**
 * The API rejects a query whose interval is longer than this for the granularity (400). Coarser
 * granularities (PT1H and up) accept any interval, hence absent here. The caps are the client's
 * (`GRANULARITY_MAX_MS`, which also refuses such queries before sending), in seconds.
 */
export const MAX_INTERVAL_SECONDS: Readonly<Partial<Record<Granularity, number>>> = Object.fromEntries(
  Object.entries(GRANULARITY_MAX_MS).map(([granularity, ms]) => [granularity, ms / 1000]),
);

/**
 * Short human label for pickers and the chart caption. A function, not a table: the webview
 * loads its translations after this module is evaluated.
 */
export function granularityLabel(granularity: Granularity): string {
  switch (granularity) {
    case 'PT1M': return l10n.t('1 minute');
    case 'PT5M': return l10n.t('5 minutes');
    case 'PT15M': return l10n.t('15 minutes');
    case 'PT30M': return l10n.t('30 minutes');
    case 'PT1H': return l10n.t('1 hour');
    case 'PT4H': return l10n.t('4 hours');
    case 'PT6H': return l10n.t('6 hours');
    case 'PT12H': return l10n.t('12 hours');
    case 'P1D': return l10n.t('1 day');
  }
}

/**
 * Above this many buckets per series the chart gets no more readable (a panel is rarely wider than
 * ~1000 px) while the response and the points-per-query budget (`limit × buckets`) keep growing.
 */
export const MAX_AUTO_POINTS = 400;

export function isGranularity(value: string): value is Granularity {
  return (GRANULARITIES as readonly string[]).includes(value);
}

/** True when the API accepts `granularity` for an interval of `rangeSeconds`. */
export function isAllowed(granularity: Granularity, rangeSeconds: number): boolean {
  const cap = MAX_INTERVAL_SECONDS[granularity];
  return cap === undefined || rangeSeconds <= cap;
}

/**
 * The finest allowed granularity that keeps the series at or under `maxPoints` buckets: 1 h and
 * 6 h → PT1M, 24 h → PT5M, 7 d → PT30M, 30 d → PT4H.
 */
export function autoGranularity(rangeSeconds: number, maxPoints = MAX_AUTO_POINTS): Granularity {
  for (const g of GRANULARITIES) {
    if (isAllowed(g, rangeSeconds) && rangeSeconds / GRANULARITY_SECONDS[g] <= maxPoints) return g;
  }
  return 'P1D';
}

/**
 * Why a granularity can't be used for a range: `tooFine` when the API refuses that many buckets
 * (the interval is over its cap), `tooCoarse` when fewer than two buckets fit (a dot, not a chart).
 */
export type GranularityProblem = 'tooFine' | 'tooCoarse';

/** What is wrong with `granularity` for a range of `rangeSeconds`, or undefined when it is usable. */
export function granularityProblem(granularity: Granularity, rangeSeconds: number): GranularityProblem | undefined {
  if (!isAllowed(granularity, rangeSeconds)) return 'tooFine';
  if (rangeSeconds / GRANULARITY_SECONDS[granularity] < 2) return 'tooCoarse';
  return undefined;
}

/** Every granularity with whether it can be used for the range (and why not); the webview disables the rest. */
export function granularityChoices(rangeSeconds: number): { value: Granularity; label: string; allowed: boolean; problem?: GranularityProblem }[] {
  return GRANULARITIES.map((g) => {
    const problem = granularityProblem(g, rangeSeconds);
    return { value: g, label: granularityLabel(g), allowed: problem === undefined, ...(problem ? { problem } : {}) };
  });
}

/**
 * The granularity to query with: the user's choice when it is still valid for the range,
 * otherwise the automatic one (a range change can invalidate an earlier manual choice).
 */
export function effectiveGranularity(choice: Granularity | 'auto', rangeSeconds: number): Granularity {
  if (choice !== 'auto' && granularityProblem(choice, rangeSeconds) === undefined) {
    return choice;
  }
  return autoGranularity(rangeSeconds);
}
