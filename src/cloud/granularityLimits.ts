/**
 * The Metrics API's limit on interval length per fine granularity. Data only and free of imports:
 * the client checks queries with it and the metrics view offers only granularities that fit, and
 * each of their bundles may carry this copy.
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Longest interval each fine granularity accepts; coarser ones accept any length. */
export const GRANULARITY_MAX_MS: Readonly<Record<string, number>> = {
  PT1M: 6 * HOUR_MS,
  PT5M: DAY_MS,
  PT15M: 4 * DAY_MS,
  PT30M: 7 * DAY_MS,
};
