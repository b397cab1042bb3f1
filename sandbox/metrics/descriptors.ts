// Metric and resource descriptors for the `cloud` dataset, limited to the Kafka metrics the extension
// charts. Label sets decide which `group_by` and filter fields a query may use.

import type { Route } from '../api';
import { badRequest, notFound } from '../failure';
import { readToken, signToken } from './tokens';

export type MetricType = 'GAUGE_INT64' | 'COUNTER_INT64';
export type MetricLabel = 'metric.topic' | 'metric.principal_id' | 'metric.type' | 'metric.consumer_group_id';

export interface MetricDescriptor {
  name: string;
  description: string;
  type: MetricType;
  unit: string;
  labels: MetricLabel[];
  /** Typical per-minute value (counters) or level (gauges) for a mid-sized cluster. */
  magnitude: number;
  /** Share of the value that follows the daily sine. */
  diurnal: number;
}

const P = 'io.confluent.kafka.server/';

export const METRICS: readonly MetricDescriptor[] = [
  { name: `${P}received_bytes`, type: 'COUNTER_INT64', unit: 'By', labels: ['metric.topic', 'metric.principal_id'], magnitude: 4e7, diurnal: 0.5,
    description: 'The delta count of bytes of the customer\'s data received from the network. Each sample is the number of bytes received since the previous data sample. The count is sampled every 60 seconds.' },
  { name: `${P}sent_bytes`, type: 'COUNTER_INT64', unit: 'By', labels: ['metric.topic', 'metric.principal_id'], magnitude: 9e7, diurnal: 0.5,
    description: 'The delta count of bytes of the customer\'s data sent over the network. Each sample is the number of bytes sent since the previous data point. The count is sampled every 60 seconds.' },
  { name: `${P}received_records`, type: 'COUNTER_INT64', unit: '1', labels: ['metric.topic', 'metric.principal_id'], magnitude: 6e4, diurnal: 0.5,
    description: 'The delta count of records received. Each sample is the number of records received since the previous data sample. The count is sampled every 60 seconds.' },
  { name: `${P}sent_records`, type: 'COUNTER_INT64', unit: '1', labels: ['metric.topic', 'metric.principal_id'], magnitude: 1.4e5, diurnal: 0.5,
    description: 'The delta count of records sent. Each sample is the number of records sent since the previous data point. The count is sampled every 60 seconds.' },
  { name: `${P}request_count`, type: 'COUNTER_INT64', unit: '1', labels: ['metric.type', 'metric.principal_id'], magnitude: 2.5e4, diurnal: 0.4,
    description: 'The delta count of requests received over the network. Each sample is the number of requests received since the previous data point. The count is sampled every 60 seconds.' },
  { name: `${P}partition_count`, type: 'GAUGE_INT64', unit: '1', labels: [], magnitude: 240, diurnal: 0,
    description: 'The number of partitions.' },
  { name: `${P}retained_bytes`, type: 'GAUGE_INT64', unit: 'By', labels: ['metric.topic'], magnitude: 3e11, diurnal: 0.05,
    description: 'The current count of bytes retained by the cluster. The count is sampled every 60 seconds.' },
  { name: `${P}active_connection_count`, type: 'GAUGE_INT64', unit: '1', labels: ['metric.principal_id'], magnitude: 420, diurnal: 0.3,
    description: 'The count of active authenticated connections.' },
  { name: `${P}consumer_lag_offsets`, type: 'GAUGE_INT64', unit: '1', labels: ['metric.topic', 'metric.consumer_group_id'], magnitude: 1.2e4, diurnal: 0.6,
    description: 'The lag between a group member\'s committed offset and the partition\'s high watermark.' },
];

const LABEL_DESCRIPTIONS: Record<MetricLabel, string> = {
  'metric.topic': 'Name of the Kafka topic.',
  'metric.principal_id': 'Service account or user id of the client.',
  'metric.type': 'The type of the request (Produce, Fetch, …).',
  'metric.consumer_group_id': 'The id of the consumer group.',
};

export function findMetric(name: string): MetricDescriptor | undefined {
  return METRICS.find((m) => m.name === name);
}

function descriptorView(m: MetricDescriptor): unknown {
  return {
    name: m.name, description: m.description, type: m.type, unit: m.unit,
    lifecycle_stage: 'GENERAL_AVAILABILITY', exportable: true, resources: ['kafka'],
    labels: m.labels.map((key) => ({ key: key.slice('metric.'.length), description: LABEL_DESCRIPTIONS[key], exportable: true })),
  };
}

const KAFKA_RESOURCE = {
  type: 'kafka',
  description: 'A Kafka cluster.',
  labels: [{ key: 'kafka.id', description: 'ID of the Kafka cluster', exportable: true }],
};

function pageSize(raw: string | null): number {
  if (raw === null) return 100;
  const n = /^\d{1,5}$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= 1 && n <= 1000)) throw badRequest('page_size must be between 1 and 1000', 'page_size', 'bad_request');
  return n;
}

function dataset(params: Record<string, string>): void {
  if (params.dataset !== 'cloud') throw notFound(`Unknown dataset '${params.dataset}'`);
}

export const descriptorRoutes: Route[] = [
  {
    method: 'GET', pattern: '/v2/metrics/:dataset/descriptors/metrics', surface: 'metrics',
    handler: (req, ctx) => {
      dataset(req.params);
      const size = pageSize(req.query.get('page_size'));
      const type = req.query.get('resource_type');
      const all = type === null || type === 'kafka' ? METRICS : [];
      const token = req.query.get('page_token');
      let offset = 0;
      if (token !== null) {
        const decoded = readToken(ctx, token);
        if (!Array.isArray(decoded) || decoded[0] !== 'descriptors' || decoded[1] !== type || typeof decoded[2] !== 'number') {
          throw badRequest('The page_token is invalid', 'page_token', 'bad_request');
        }
        offset = decoded[2];
      }
      const page = all.slice(offset, offset + size);
      const more = offset + size < all.length;
      const next = more ? signToken(ctx, ['descriptors', type, offset + size]) : undefined;
      const body: Record<string, unknown> = {
        data: page.map(descriptorView),
        meta: { pagination: { page_size: size, total_size: all.length, ...(next ? { next_page_token: next } : {}) } },
      };
      if (next) body.links = { next: `${ctx.baseUrl}/v2/metrics/cloud/descriptors/metrics?page_size=${size}&page_token=${encodeURIComponent(next)}` };
      return { status: 200, body };
    },
  },
  {
    method: 'GET', pattern: '/v2/metrics/:dataset/descriptors/resources', surface: 'metrics',
    handler: (req) => {
      dataset(req.params);
      const size = pageSize(req.query.get('page_size'));
      return { status: 200, body: { data: [KAFKA_RESOURCE], meta: { pagination: { page_size: size, total_size: 1 } } } };
    },
  },
];
