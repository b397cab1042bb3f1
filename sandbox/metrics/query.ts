// POST /v2/metrics/{dataset}/query and /attributes. Groups are sorted lexicographically by their label
// values and paged with `meta.pagination.next_page_token`; a token only works with the body it came from.

import type { ApiRequest, ApiResponse, Context, Route } from '../api';
import { rfc3339 } from '../state';
import type { MetricDescriptor } from './descriptors';
import { GRANULARITIES, checkBuckets, checkCap, parseInterval, type Interval } from './intervals';
import { mentions, type Filter } from './filter';
import {
  compareValues, groupByLabels, groupToken, invalid, limitOf, metricByName, metricsBody, optionalFilter, readGroupCursor, scopedCombos,
} from './request';
import { bucketBase } from './series';

interface Query {
  metric: MetricDescriptor;
  granularity: string;
  intervals: Interval[];
  groupBy: string[];
  filter: Filter;
  limit: number;
  format: 'FLAT' | 'GROUPED';
  order?: 'ASCENDING' | 'DESCENDING';
}

function parseQuery(body: Record<string, unknown>, now: number): Query {
  const aggregations = body.aggregations;
  if (!Array.isArray(aggregations) || aggregations.length !== 1) throw invalid('aggregations must contain exactly one item');
  const aggregation = aggregations[0] as unknown;
  if (typeof aggregation !== 'object' || aggregation === null) throw invalid('aggregations[0] must be an object');
  const { metric: metricName, agg } = aggregation as Record<string, unknown>;
  const metric = metricByName(metricName, 'aggregations[0].metric');
  if (agg !== undefined && agg !== 'SUM' && agg !== 'MIN' && agg !== 'MAX') throw invalid('agg must be SUM, MIN or MAX');

  const granularity = body.granularity;
  if (typeof granularity !== 'string' || !(granularity in GRANULARITIES)) {
    throw invalid(`granularity must be one of ${Object.keys(GRANULARITIES).join(', ')}`);
  }
  if (!Array.isArray(body.intervals) || body.intervals.length === 0) throw invalid('intervals must be a non-empty array');
  const intervals = (body.intervals as unknown[]).map((text) => {
    if (typeof text !== 'string') throw invalid('intervals must be strings');
    const interval = parseInterval(text, now);
    checkCap(granularity, interval);
    return interval;
  });
  checkBuckets(granularity, intervals);

  const groupBy = groupByLabels(body.group_by, metric, false);
  const filter = optionalFilter(body.filter, metric);
  if (filter === undefined || !mentions(filter, 'resource.kafka.id')) {
    throw invalid("The 'cloud' dataset requires a filter on resource.kafka.id");
  }
  const format = body.format ?? 'FLAT';
  if (format !== 'FLAT' && format !== 'GROUPED') throw invalid('format must be FLAT or GROUPED');
  if (format === 'GROUPED' && groupBy.length === 0) throw invalid('format GROUPED requires group_by');

  let order: Query['order'];
  if (body.order_by !== undefined) {
    if (granularity !== 'ALL') throw invalid('order_by is only supported with granularity ALL');
    if (!Array.isArray(body.order_by) || body.order_by.length !== 1) throw invalid('order_by must contain exactly one item');
    const raw = (body.order_by[0] as Record<string, unknown> | null)?.order ?? 'DESCENDING';
    if (raw !== 'ASCENDING' && raw !== 'DESCENDING') throw invalid('order must be ASCENDING or DESCENDING');
    order = raw;
  }
  return { metric, granularity, intervals, groupBy, filter, limit: limitOf(body.limit), format, ...(order ? { order } : {}) };
}

interface Bucket { timestamp: number; from: number; to: number }

function bucketsOf(q: Query): Bucket[] {
  const size = GRANULARITIES[q.granularity];
  const buckets = new Map<number, Bucket>();
  for (const { start, end } of q.intervals) {
    if (size === undefined) {
      buckets.set(start, { timestamp: start, from: start, to: end });
      continue;
    }
    // Buckets are aligned to UTC; partial buckets at the edges cover only the requested part.
    for (let b = Math.floor(start / size) * size; b < end; b += size) {
      if (!buckets.has(b)) buckets.set(b, { timestamp: b, from: Math.max(b, start), to: Math.min(b + size, end) });
    }
  }
  return [...buckets.values()].sort((a, b) => a.timestamp - b.timestamp);
}

interface Group { values: string[]; points: { timestamp: string; value: number }[]; total: number }

function computeGroups(ctx: Context, q: Query, now: number): Group[] {
  const buckets = bucketsOf(q);
  const shares = new Map<string, { values: string[]; byCluster: Map<string, number> }>();
  for (const combo of scopedCombos(ctx, q.metric, q.filter)) {
    const values = q.groupBy.map((label) => combo.labels[label] ?? '');
    const key = JSON.stringify(values);
    const entry = shares.get(key) ?? { values, byCluster: new Map<string, number>() };
    const cluster = combo.labels['resource.kafka.id'] ?? '';
    entry.byCluster.set(cluster, (entry.byCluster.get(cluster) ?? 0) + combo.share);
    shares.set(key, entry);
  }
  const baseCache = new Map<string, (number | undefined)[]>();
  const baseOf = (cluster: string) => {
    let series = baseCache.get(cluster);
    if (!series) {
      series = buckets.map((b) => bucketBase(q.metric, cluster, b.from, b.to, now));
      baseCache.set(cluster, series);
    }
    return series;
  };
  const groups: Group[] = [];
  for (const { values, byCluster } of shares.values()) {
    const points: Group['points'] = [];
    let total = 0;
    buckets.forEach((bucket, i) => {
      let value: number | undefined;
      for (const [cluster, share] of byCluster) {
        const base = baseOf(cluster)[i];
        if (base !== undefined) value = (value ?? 0) + base * share;
      }
      if (value === undefined) return;
      const rounded = Math.round(value);
      total += rounded;
      points.push({ timestamp: rfc3339(bucket.timestamp), value: rounded });
    });
    if (points.length > 0) groups.push({ values, points, total });
  }
  return groups.sort((a, b) => compareValues(a.values, b.values));
}

function query(req: ApiRequest, ctx: Context): ApiResponse {
  const body = metricsBody(req);
  const now = Date.now();
  const q = parseQuery(body, now);
  const cursor = readGroupCursor(ctx, req, 'query');
  let groups = computeGroups(ctx, q, now);
  const totalSize = groups.length;
  if (q.order) groups.sort((a, b) => (q.order === 'ASCENDING' ? a.total - b.total : b.total - a.total));
  if (cursor.after) {
    const after = cursor.after;
    groups = groups.filter((g) => compareValues(g.values, after) > 0);
  }
  const page = groups.slice(0, q.limit);
  // Paging needs group_by and is not offered for granularity ALL.
  const last = page[page.length - 1];
  const next = q.groupBy.length > 0 && q.granularity !== 'ALL' && groups.length > q.limit && last
    ? groupToken(ctx, req, 'query', last.values) : undefined;
  const labelsOf = (g: Group) => Object.fromEntries(q.groupBy.map((label, i) => [label, g.values[i] ?? '']));
  const data = q.format === 'GROUPED'
    ? page.map((g) => ({ ...labelsOf(g), points: g.points }))
    : page.flatMap((g) => g.points.map((p) => ({ timestamp: p.timestamp, value: p.value, ...labelsOf(g) })));
  return {
    status: 200,
    body: { data, meta: { pagination: { page_size: q.limit, total_size: totalSize, ...(next ? { next_page_token: next } : {}) } } },
  };
}

function attributes(req: ApiRequest, ctx: Context): ApiResponse {
  const body = metricsBody(req);
  const metric = metricByName(body.metric, 'metric');
  const groupBy = groupByLabels(body.group_by, metric, true);
  const filter = optionalFilter(body.filter, metric);
  if (body.intervals !== undefined) {
    if (!Array.isArray(body.intervals)) throw invalid('intervals must be an array');
    for (const text of body.intervals as unknown[]) parseInterval(typeof text === 'string' ? text : '', Date.now());
  }
  const limit = limitOf(body.limit);
  const cursor = readGroupCursor(ctx, req, 'attributes');
  const seen = new Map<string, string[]>();
  for (const combo of scopedCombos(ctx, metric, filter)) {
    const values = groupBy.map((label) => combo.labels[label] ?? '');
    seen.set(JSON.stringify(values), values);
  }
  let all = [...seen.values()].sort(compareValues);
  const totalSize = all.length;
  if (cursor.after) {
    const after = cursor.after;
    all = all.filter((v) => compareValues(v, after) > 0);
  }
  const page = all.slice(0, limit);
  const last = page[page.length - 1];
  const next = all.length > limit && last ? groupToken(ctx, req, 'attributes', last) : undefined;
  return {
    status: 200,
    body: {
      data: page.map((values) => Object.fromEntries(groupBy.map((label, i) => [label, values[i] ?? '']))),
      meta: { pagination: { page_size: limit, total_size: totalSize, ...(next ? { next_page_token: next } : {}) } },
    },
  };
}

export const queryRoutes: Route[] = [
  { method: 'POST', pattern: '/v2/metrics/:dataset/query', surface: 'metrics', handler: query },
  { method: 'POST', pattern: '/v2/metrics/:dataset/attributes', surface: 'metrics', handler: attributes },
];
