import * as l10n from '@vscode/l10n';
import { CloudApiError } from './errors';
import { GRANULARITY_MAX_MS } from './granularityLimits';

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

const NOW = /^now(?:([+-])(\d+)([smhd]))?(?:\|([smhd]))?$/;
const DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Resolves `now`, `now-2m`, `now-1h|h` (offset then UTC truncation) or an ISO date-time to epoch ms. */
export function parseInstant(text: string, now: number): number | undefined {
  const m = NOW.exec(text);
  if (m) {
    let t = now;
    if (m[1] && m[2] && m[3]) t += (m[1] === '-' ? -1 : 1) * Number(m[2]) * UNIT_MS[m[3] as keyof typeof UNIT_MS];
    if (m[4]) t -= t % UNIT_MS[m[4] as keyof typeof UNIT_MS];
    return t;
  }
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text)) return undefined;
  const t = Date.parse(text);
  return Number.isNaN(t) ? undefined : t;
}

/** ISO-8601 duration in ms (years and months approximated as 365 and 30 days). */
export function parseDuration(text: string): number | undefined {
  const m = DURATION.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) return undefined;
  const n = (i: number): number => Number(m[i] ?? 0);
  return (n(1) * 365 + n(2) * 30 + n(3) * 7 + n(4)) * UNIT_MS.d + n(5) * UNIT_MS.h + n(6) * UNIT_MS.m + n(7) * 1000;
}

/** An interval resolved against a clock: start and end in epoch ms. */
export interface ResolvedInterval {
  startMs: number;
  endMs: number;
}

/** Resolves `start/end`, `start/duration` or `duration/end`; `undefined` when it's none of them. */
export function resolveInterval(interval: string, now = Date.now()): ResolvedInterval | undefined {
  const parts = interval.split('/');
  if (parts.length !== 2) return undefined;
  const [a, b] = parts as [string, string];
  const start = parseInstant(a, now);
  const end = parseInstant(b, now);
  if (start !== undefined && end !== undefined) return { startMs: start, endMs: end };
  const bDur = parseDuration(b);
  if (start !== undefined && bDur !== undefined) return { startMs: start, endMs: start + bDur };
  const aDur = parseDuration(a);
  if (aDur !== undefined && end !== undefined) return { startMs: end - aDur, endMs: end };
  return undefined;
}

function human(ms: number): string {
  if (ms % UNIT_MS.d === 0) return l10n.t({ message: '{0}d', args: [ms / UNIT_MS.d], comment: ['a number of days, written short'] });
  if (ms % UNIT_MS.h === 0) return l10n.t({ message: '{0}h', args: [ms / UNIT_MS.h], comment: ['a number of hours, written short'] });
  return l10n.t({ message: '{0}m', args: [Math.round(ms / UNIT_MS.m)], comment: ['a number of minutes, written short'] });
}

/**
 * Rejects, before anything is sent, intervals the API would refuse: unparsable ones, empty or
 * reversed ones, and ones longer than the granularity allows (PT1M ≤ 6h, PT5M ≤ 1d, PT15M ≤ 4d,
 * PT30M ≤ 7d).
 */
export function checkIntervals(intervals: readonly string[], granularity: string, action: string, now = Date.now()): void {
  const fail = (summary: string, detail?: string): never => {
    throw new CloudApiError({ reason: 'policy', action, summary, detail, pointer: '/intervals' });
  };
  if (intervals.length === 0) fail(l10n.t('at least one interval is required'));
  for (const interval of intervals) {
    const r = resolveInterval(interval, now);
    if (!r) return fail(l10n.t("'{0}' is not an ISO-8601 interval (start/end, start/duration or duration/end)", interval));
    const length = r.endMs - r.startMs;
    if (length <= 0) fail(l10n.t("interval '{0}' ends before it starts", interval));
    const max = GRANULARITY_MAX_MS[granularity];
    if (max !== undefined && length > max) {
      fail(l10n.t({
        message: "granularity {0} allows intervals up to {1}, but '{2}' spans {3}; use a coarser granularity",
        args: [granularity, human(max), interval, human(length)],
        comment: ['{0} is a granularity such as PT1M; {1} and {3} are lengths such as 6h; {2} is the interval as given'],
      }));
    }
  }
}

/** Pins `now` expressions to absolute timestamps so every page of a paged query sends the same body. */
export function pinIntervals(intervals: readonly string[], now = Date.now()): string[] {
  return intervals.map((interval) => {
    if (!interval.includes('now')) return interval;
    const r = resolveInterval(interval, now);
    return r ? `${new Date(r.startMs).toISOString()}/${new Date(r.endMs).toISOString()}` : interval;
  });
}
