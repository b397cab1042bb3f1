/**
 * Turns Metrics API rows into chart columns: one shared time axis with a slot for every bucket,
 * the top-N groups by total, and the rest summed into one "Other" series.
 */
import { GRANULARITY_SECONDS, type Granularity } from './granularity';
import type { ChartSeries, GroupBy } from './protocol';
import { isCounter, toDisplayValue } from './units';

export interface SeriesInput {
  readonly groupBy: GroupBy;
  readonly granularity: Granularity;
  /** Descriptor type: counters become per-second rates, gauges stay as they are. */
  readonly type: string;
  readonly start: number;
  readonly end: number;
  readonly topN: number;
  /** Name of the single series when not grouped, e.g. the cluster id. */
  readonly totalLabel: string;
}

export interface BuiltSeries {
  /** Bucket starts, epoch seconds. */
  readonly timestamps: number[];
  readonly series: ChartSeries[];
  /** Groups summed into the trailing "Other" series (0 when there is none). */
  readonly folded: number;
  /** Distinct groups in the response, before top-N. */
  readonly groups: number;
}

/** Label shown for rows that lack the group label (e.g. traffic without a principal). */
export const MISSING_LABEL = '(none)';

interface Point {
  readonly timestamp: number;
  readonly value: number;
}

function toPoint(timestamp: unknown, value: unknown): Point | undefined {
  const t = typeof timestamp === 'string' ? Date.parse(timestamp) : typeof timestamp === 'number' ? timestamp : NaN;
  return Number.isFinite(t) && typeof value === 'number' && Number.isFinite(value) ? { timestamp: t, value } : undefined;
}

/** Reads FLAT (`{timestamp, value, label}`) and GROUPED (`{label, points: [...]}`) rows alike. */
function* pointsOf(rows: readonly object[], groupBy: GroupBy, totalLabel: string): Generator<[string, Point]> {
  for (const row of rows as readonly Record<string, unknown>[]) {
    const raw = groupBy === 'none' ? totalLabel : row[groupBy];
    const label = typeof raw === 'string' && raw !== '' ? raw : groupBy === 'none' ? totalLabel : MISSING_LABEL;
    if (Array.isArray(row.points)) {
      for (const p of row.points as Record<string, unknown>[]) {
        const point = toPoint(p?.timestamp, p?.value);
        if (point) yield [label, point];
      }
    } else {
      const point = toPoint(row.timestamp, row.value);
      if (point) yield [label, point];
    }
  }
}

export function buildSeries(rows: readonly object[], input: SeriesInput): BuiltSeries {
  const stepSeconds = GRANULARITY_SECONDS[input.granularity];
  const stepMs = stepSeconds * 1000;
  const buckets = Math.max(0, Math.round((input.end - input.start) / stepMs));
  const timestamps = Array.from({ length: buckets }, (_, i) => (input.start + i * stepMs) / 1000);

  const byLabel = new Map<string, (number | null)[]>();
  let lastBucketWithData = -1;
  for (const [label, point] of pointsOf(rows, input.groupBy, input.totalLabel)) {
    const index = Math.floor((point.timestamp - input.start) / stepMs);
    if (index < 0 || index >= buckets) continue;
    let values = byLabel.get(label);
    if (!values) byLabel.set(label, (values = new Array<number | null>(buckets).fill(null)));
    values[index] = (values[index] ?? 0) + point.value;
    lastBucketWithData = Math.max(lastBucketWithData, index);
  }

  const counter = isCounter(input.type);
  const ranked = [...byLabel.entries()].map(([label, values]) => {
    // A counter without a point means no traffic, so 0; but only up to the newest bucket that has
    // data anywhere, because later buckets are usually just not ingested yet (minutes of latency).
    if (counter) for (let i = 0; i <= lastBucketWithData; i++) values[i] ??= 0;
    const display = values.map((v) => (v === null ? null : toDisplayValue(v, input.type, stepSeconds)));
    const total = display.reduce<number>((sum, v) => sum + (v ?? 0), 0);
    return { label, values: display, total };
  });
  ranked.sort((a, b) => b.total - a.total || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));

  const top = ranked.slice(0, input.topN);
  const rest = ranked.slice(input.topN);
  const series: ChartSeries[] = top.map(({ label, values }) => ({ label, values }));
  if (rest.length > 0) {
    const other = new Array<number | null>(buckets).fill(null);
    for (const { values } of rest) {
      values.forEach((v, i) => {
        if (v !== null) other[i] = (other[i] ?? 0) + v;
      });
    }
    series.push({ label: `Other (${rest.length})`, values: other });
  }
  return { timestamps, series, folded: rest.length, groups: ranked.length };
}
