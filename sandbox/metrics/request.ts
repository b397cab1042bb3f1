// Validation of Metrics API request bodies shared by query and attributes, plus the group-paging helpers.

import type { ApiRequest, Context } from '../api';
import { badRequest, forbidden } from '../failure';
import { hashString } from '../random';
import { findMetric, type MetricDescriptor } from './descriptors';
import { equalityValues, evaluate, parseFilter, pinnedValues, type Filter } from './filter';
import { combosFor, type Combo } from './series';
import { readToken, signToken } from './tokens';

export const invalid = (detail: string) => badRequest(detail, undefined, 'invalid_request');

export function metricsBody(req: ApiRequest): Record<string, unknown> {
  if (req.params.dataset !== 'cloud') throw invalid(`Unknown dataset '${req.params.dataset}'`);
  const body = req.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalid('The request body must be a JSON object');
  return body as Record<string, unknown>;
}

export function metricByName(name: unknown, field: string): MetricDescriptor {
  if (typeof name !== 'string') throw invalid(`'${field}' must be a metric name`);
  const metric = findMetric(name);
  if (metric === undefined) throw invalid(`Unknown metric '${name.slice(0, 120)}'`);
  return metric;
}

export function filterFields(metric: MetricDescriptor): Set<string> {
  return new Set<string>(['resource.kafka.id', ...metric.labels]);
}

export function groupByLabels(raw: unknown, metric: MetricDescriptor, required: boolean): string[] {
  if (raw === undefined && !required) return [];
  if (!Array.isArray(raw) || (required && raw.length === 0)) throw invalid(`group_by must be ${required ? 'a non-empty' : 'an'} array of labels`);
  const fields = filterFields(metric);
  const labels: string[] = [];
  for (const label of raw as unknown[]) {
    if (typeof label !== 'string' || !fields.has(label)) throw invalid(`'${String(label).slice(0, 80)}' is not a valid group_by label for ${metric.name}`);
    if (labels.includes(label)) throw invalid(`group_by lists '${label}' twice`);
    labels.push(label);
  }
  return labels;
}

export function optionalFilter(raw: unknown, metric: MetricDescriptor): Filter | undefined {
  return raw === undefined ? undefined : parseFilter(raw, filterFields(metric));
}

export function limitOf(raw: unknown): number {
  if (raw === undefined) return 100;
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 1 || raw > 1000) throw invalid('limit must be an integer between 1 and 1000');
  return raw;
}

/** Combos on every cluster the filter can reach. Naming a cluster outside the organization is 403. */
export function scopedCombos(ctx: Context, metric: MetricDescriptor, filter: Filter | undefined): Combo[] {
  if (filter) {
    for (const id of equalityValues(filter, 'resource.kafka.id')) {
      if (!ctx.store.clusters.has(id)) throw forbidden(`The API key is not authorized for the following resources: kafka.id:${id.slice(0, 80)}`);
    }
  }
  const pinned = filter ? pinnedValues(filter, 'resource.kafka.id') : undefined;
  const combos: Combo[] = [];
  for (const clusterId of ctx.store.clusters.keys()) {
    if (pinned && !pinned.has(clusterId)) continue;
    for (const combo of combosFor(ctx, metric, clusterId)) if (!filter || evaluate(filter, combo.labels)) combos.push(combo);
  }
  return combos;
}

export function compareValues(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Identifies a request body, so a token cannot be replayed against a different query. */
export function bodyHash(body: unknown): string {
  return hashString(canonical(body)).toString(36);
}

export interface GroupCursor { after?: string[] }

export function readGroupCursor(ctx: Context, req: ApiRequest, kind: string): GroupCursor {
  const token = req.query.get('page_token');
  if (token === null) return {};
  const decoded = readToken(ctx, token);
  if (!Array.isArray(decoded) || decoded[0] !== kind || !Array.isArray(decoded[2])) {
    throw badRequest('The page_token is invalid or has expired', 'page_token', 'invalid_request');
  }
  if (decoded[1] !== bodyHash(req.body)) {
    throw badRequest('The page_token was issued for a different request body', 'page_token', 'invalid_request');
  }
  return { after: (decoded[2] as unknown[]).map(String) };
}

export function groupToken(ctx: Context, req: ApiRequest, kind: string, last: readonly string[]): string {
  return signToken(ctx, [kind, bodyHash(req.body), last]);
}
