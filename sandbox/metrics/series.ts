// Deterministic metric values. Each (metric, cluster) has a per-minute base series: a level from a
// hash, a daily sine in UTC and per-minute hash noise. Label dimensions (topics, principals, request
// types, consumer groups) split that base by fixed shares that sum to 1, so grouped values add up to the
// ungrouped total and every number is reproducible from ids and timestamps alone.

import type { Context } from '../api';
import { FIXTURES } from '../fixtures';
import { hashString, unitHash } from '../random';
import type { MetricDescriptor, MetricLabel } from './descriptors';

const DAY = 86_400_000;
const MINUTE = 60_000;

const TOPIC_POOL = [
  'orders', 'orders.v2', 'orders-dlq', 'payments.completed', 'payments.failed', 'clickstream-raw', 'clickstream.enriched',
  'inventory_updates', 'shipments', 'audit-log', 'customer-profiles', 'fraud-scores', 'ledger.entries', 'search-index',
  'notifications.email', 'notifications.sms', 'metrics.host', 'sessions', 'cart-events', 'pricing.rules',
  '_confluent-ksql-default__command_topic', 'connect-configs', 'connect-offsets', 'connect-status', 'schema-changes',
  'a.very.long.topic.name.that.keeps.going.and.going.until.it.hits.the.limit', 'UPPER_CASE_TOPIC', 'topic-ünïcödé', 'retry.5m', 'retry.1h',
];
// Not legal Kafka topic names, but the Metrics API returns label values verbatim and the UI must escape them.
const HOSTILE_TOPICS = ['<img src=x onerror=alert(1)>', '[click](command:workbench.action.quit)', '**bold-topic**', 't'.repeat(249)];
const REQUEST_TYPES = ['ApiVersions', 'Fetch', 'FindCoordinator', 'Heartbeat', 'JoinGroup', 'Metadata', 'OffsetCommit', 'Produce'];
const GROUP_POOL = ['orders-processor', 'payments-reconciler', 'search-indexer', 'fraud-detector', 'email-sender', 'analytics-loader', 'cdc-sink', 'audit-archiver'];
const MAX_PRINCIPALS = 25;

function stableSubset(clusterId: string, pool: readonly string[], count: number): string[] {
  return [...pool].sort((a, b) => unitHash(clusterId, a) - unitHash(clusterId, b)).slice(0, count);
}

/** 10–30 topics per cluster, always including two hostile names; sorted. */
export function topicsFor(clusterId: string): string[] {
  const count = 8 + (hashString(`topics:${clusterId}`) % 21);
  return [...stableSubset(clusterId, TOPIC_POOL, count), ...stableSubset(clusterId, HOSTILE_TOPICS, 2)].sort();
}

export function consumerGroupsFor(clusterId: string): string[] {
  return stableSubset(clusterId, GROUP_POOL, 3 + (hashString(`groups:${clusterId}`) % 6)).sort();
}

/** Owners of API keys on the cluster, as they stand now; the admin user if there are none. */
export function principalsFor(ctx: Context, clusterId: string): string[] {
  const owners = new Set<string>();
  for (const key of ctx.store.apiKeys.values()) if (key.resourceId === clusterId) owners.add(key.ownerId);
  // Fixture owners always make the cut, so tests can name a principal that has traffic.
  const fixtures = [FIXTURES.paymentsServiceAccount.id, FIXTURES.user.id as string].filter((id) => owners.has(id));
  const others = [...owners].filter((id) => !fixtures.includes(id)).sort().slice(0, MAX_PRINCIPALS - fixtures.length);
  const chosen = [...fixtures, ...others].sort();
  return chosen.length > 0 ? chosen : [FIXTURES.adminUser.id];
}

export function labelValues(ctx: Context, clusterId: string, label: MetricLabel): string[] {
  switch (label) {
    case 'metric.topic': return topicsFor(clusterId);
    case 'metric.principal_id': return principalsFor(ctx, clusterId);
    case 'metric.type': return REQUEST_TYPES;
    case 'metric.consumer_group_id': return consumerGroupsFor(clusterId);
  }
}

export interface Combo { labels: Record<string, string>; share: number }

/** Cartesian product of the metric's label values on one cluster, each with its share of the total. */
export function combosFor(ctx: Context, metric: MetricDescriptor, clusterId: string): Combo[] {
  let combos: Combo[] = [{ labels: { 'resource.kafka.id': clusterId }, share: 1 }];
  for (const label of metric.labels) {
    const values = labelValues(ctx, clusterId, label);
    const weights = values.map((v) => 0.15 + unitHash(clusterId, label, v) ** 2);
    const total = weights.reduce((a, b) => a + b, 0);
    combos = combos.flatMap((c) => values.map((v, i) => ({
      labels: { ...c.labels, [label]: v },
      share: c.share * (weights[i] ?? 0) / total,
    })));
  }
  return combos;
}

function perMinute(metric: MetricDescriptor, clusterId: string, t: number): number {
  const level = metric.magnitude * (0.4 + 1.2 * unitHash(clusterId, metric.name));
  if (metric.diurnal === 0) return Math.round(level);
  const phase = 2 * Math.PI * unitHash(clusterId, 'phase');
  const diurnal = 1 + metric.diurnal * Math.sin((2 * Math.PI * (t % DAY)) / DAY + phase);
  const noise = 1 + 0.15 * (2 * unitHash(clusterId, metric.name, Math.floor(t / MINUTE)) - 1);
  return level * diurnal * noise;
}

/**
 * The base value for [from, to): counters are summed per minute, gauges averaged. Minutes from `now`
 * on have no data yet. Long ranges are sampled hourly to stay cheap; still deterministic.
 */
export function bucketBase(metric: MetricDescriptor, clusterId: string, from: number, to: number, now: number): number | undefined {
  const end = Math.min(to, Math.floor(now / MINUTE) * MINUTE);
  const first = Math.ceil(from / MINUTE) * MINUTE;
  if (end <= first) return undefined;
  const step = end - first > 31 * DAY ? 60 * MINUTE : MINUTE;
  let sum = 0;
  let samples = 0;
  for (let t = first; t < end; t += step) {
    sum += perMinute(metric, clusterId, t);
    samples++;
  }
  if (metric.type === 'GAUGE_INT64') return sum / samples;
  return sum * (step / MINUTE);
}
