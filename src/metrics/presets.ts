/**
 * Metrics offered before (or without) the descriptors endpoint. Names, types and units follow the
 * Metrics API documentation; the descriptors response replaces the descriptions and adds the rest.
 */
import type { MetricInfo } from './protocol';

const KAFKA = 'io.confluent.kafka.server/';

function preset(short: string, label: string, type: string, unit: string, labels: string[], description: string): MetricInfo {
  return { name: KAFKA + short, label, type, unit, labels, description };
}

export const PRESET_METRICS: readonly MetricInfo[] = [
  preset('received_bytes', 'Received bytes', 'COUNTER_INT64', 'By', ['metric.topic', 'metric.principal_id'],
    'Bytes of customer data produced to the cluster.'),
  preset('sent_bytes', 'Sent bytes', 'COUNTER_INT64', 'By', ['metric.topic', 'metric.principal_id'],
    'Bytes of customer data consumed from the cluster.'),
  preset('received_records', 'Received records', 'COUNTER_INT64', '1', ['metric.topic'],
    'Records produced to the cluster.'),
  preset('sent_records', 'Sent records', 'COUNTER_INT64', '1', ['metric.topic'],
    'Records consumed from the cluster.'),
  preset('request_count', 'Requests', 'COUNTER_INT64', '1', ['metric.type', 'metric.principal_id'],
    'Requests received by the cluster.'),
  preset('partition_count', 'Partitions', 'GAUGE_INT64', '1', [],
    'Partitions in the cluster.'),
  preset('retained_bytes', 'Retained bytes', 'GAUGE_INT64', 'By', ['metric.topic', 'metric.partition'],
    'Bytes retained on the cluster, before replication.'),
  preset('active_connection_count', 'Active connections', 'GAUGE_INT64', '1', ['metric.principal_id'],
    'Authenticated connections.'),
  preset('consumer_lag_offsets', 'Consumer lag', 'GAUGE_INT64', '1', ['metric.consumer_group_id', 'metric.topic'],
    'Offsets a consumer group is behind the end of the log.'),
];

/** "io.confluent.kafka.server/received_bytes" → "Received bytes" for metrics without a preset. */
export function metricLabel(name: string): string {
  const known = PRESET_METRICS.find((m) => m.name === name);
  if (known) return known.label;
  const short = name.slice(name.lastIndexOf('/') + 1).replace(/_/g, ' ');
  return short.charAt(0).toUpperCase() + short.slice(1);
}

/**
 * Presets first (in their order, with the server's descriptions), then every other descriptor
 * alphabetically.
 */
export function mergeDescriptors(descriptors: readonly MetricInfo[]): MetricInfo[] {
  const byName = new Map(descriptors.map((d) => [d.name, d]));
  const presets = PRESET_METRICS.map((p) => {
    const d = byName.get(p.name);
    return d ? { ...p, description: d.description || p.description, type: d.type, unit: d.unit, labels: d.labels } : p;
  });
  const presetNames = new Set(PRESET_METRICS.map((p) => p.name));
  const rest = descriptors
    .filter((d) => !presetNames.has(d.name))
    .map((d) => ({ ...d, label: d.label || metricLabel(d.name) }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return [...presets, ...rest];
}
