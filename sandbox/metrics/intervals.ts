// ISO-8601 intervals as the Metrics API accepts them: `start/end`, `start/duration`, `duration/end`,
// where an instant may also be `now` with offsets and truncation (`now-2m|m`). Granularities, their
// bucket sizes and the longest interval each allows.

import { badRequest } from '../failure';

export const GRANULARITIES: Record<string, number | undefined> = {
  PT1M: 60_000, PT5M: 300_000, PT15M: 900_000, PT30M: 1_800_000, PT1H: 3_600_000,
  PT4H: 14_400_000, PT6H: 21_600_000, PT12H: 43_200_000, P1D: 86_400_000, ALL: undefined,
};

const HOUR = 3_600_000;
const DAY = 86_400_000;

/** Longest interval per granularity; the others accept any length. */
export const GRANULARITY_CAPS: Record<string, number> = { PT1M: 6 * HOUR, PT5M: DAY, PT15M: 4 * DAY, PT30M: 7 * DAY };

export interface Interval { start: number; end: number }

const invalid = (detail: string) => badRequest(detail, undefined, 'invalid_request');

export function parseDuration(text: string): number | undefined {
  const m = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) return undefined;
  const [, w, d, h, min, s] = m;
  return (Number(w ?? 0) * 7 + Number(d ?? 0)) * DAY + Number(h ?? 0) * HOUR + Number(min ?? 0) * 60_000 + Number(s ?? 0) * 1000;
}

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: HOUR, d: DAY };

function parseNow(text: string, now: number): number | undefined {
  const m = /^now((?:[-+]\d+[smhd])*)(?:\|([smhd]))?$/.exec(text);
  if (!m) return undefined;
  let t = now;
  for (const part of (m[1] ?? '').matchAll(/([-+])(\d+)([smhd])/g)) {
    const ms = Number(part[2]) * (UNIT_MS[part[3] ?? 's'] ?? 0);
    t += part[1] === '-' ? -ms : ms;
  }
  const unit = m[2];
  if (unit !== undefined) {
    const size = UNIT_MS[unit] ?? 1;
    t = Math.floor(t / size) * size;
  }
  return t;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/;

function parseInstant(text: string, now: number): number | undefined {
  if (text.startsWith('now')) return parseNow(text, now);
  if (!INSTANT.test(text)) return undefined;
  const t = Date.parse(text);
  return Number.isFinite(t) ? t : undefined;
}

export function parseInterval(text: string, now: number): Interval {
  const parts = text.split('/');
  if (parts.length !== 2) throw invalid(`Interval '${text.slice(0, 80)}' must be start/end, start/duration or duration/end`);
  const [a = '', b = ''] = parts;
  let start: number | undefined;
  let end: number | undefined;
  if (a.startsWith('P')) {
    const duration = parseDuration(a);
    end = parseInstant(b, now);
    if (duration !== undefined && end !== undefined) start = end - duration;
  } else {
    start = parseInstant(a, now);
    if (b.startsWith('P')) {
      const duration = parseDuration(b);
      if (duration !== undefined && start !== undefined) end = start + duration;
    } else {
      end = parseInstant(b, now);
    }
  }
  if (start === undefined || end === undefined) throw invalid(`Interval '${text.slice(0, 80)}' is not a valid ISO-8601 interval`);
  if (end <= start) throw invalid(`Interval '${text.slice(0, 80)}' ends before it starts`);
  return { start, end };
}

/**
 * Most time buckets one query may span (all intervals together). The API's own caps keep PT1M–PT30M
 * queries to a few hundred buckets; the coarse granularities accept any interval, so without a cap a
 * query over 1970→2100 at PT1H would build a million buckets and stall every other request.
 */
export const MAX_BUCKETS = 10_000;

/** Buckets `interval` covers at `granularity`, counted arithmetically (nothing is built). */
export function bucketCount(granularity: string, interval: Interval): number {
  const size = GRANULARITIES[granularity];
  if (size === undefined) return 1;
  return Math.ceil(interval.end / size) - Math.floor(interval.start / size);
}

/** Refuses a query whose intervals would span more than MAX_BUCKETS buckets, before any work is done. */
export function checkBuckets(granularity: string, intervals: readonly Interval[]): void {
  const total = intervals.reduce((sum, interval) => sum + bucketCount(granularity, interval), 0);
  if (total > MAX_BUCKETS) {
    throw invalid(`The intervals span ${total} ${granularity} buckets; at most ${MAX_BUCKETS} are allowed per query. Use a coarser granularity or a shorter interval`);
  }
}

export function checkCap(granularity: string, interval: Interval): void {
  const cap = GRANULARITY_CAPS[granularity];
  if (cap !== undefined && interval.end - interval.start > cap) {
    throw invalid(`Granularity ${granularity} supports intervals of at most ${cap / HOUR} hours`);
  }
}
