/**
 * The metric picker's list: presets merged with `/descriptors/metrics`. Descriptors change rarely,
 * so they are fetched once per organization and kept for an hour; every request goes through
 * the same rate budget as the charts.
 */
import type { MetricDescriptor } from '../cloud/schemas/metrics';
import type { MetricsDescriptorApi } from './metricsApi';
import { mergeDescriptors, metricLabel } from './presets';
import type { MetricInfo } from './protocol';

const TTL_MS = 60 * 60 * 1000;
/** 1000 per page; Kafka has well under 100 metrics, so this only guards against a paging loop. */
const MAX_PAGES = 5;

/** Descriptor → picker entry. Deprecated metrics and non-Kafka resources are left out. */
export function toMetricInfo(d: MetricDescriptor): MetricInfo | undefined {
  if (d.lifecycle_stage === 'DEPRECATED') return undefined;
  if (d.resources && d.resources.length > 0 && !d.resources.includes('kafka')) return undefined;
  return {
    name: d.name,
    label: metricLabel(d.name),
    description: (d.description ?? '').slice(0, 1000),
    unit: d.unit ?? '1',
    type: d.type ?? 'GAUGE_DOUBLE',
    labels: (d.labels ?? []).map((l) => (l.key.includes('.') ? l.key : `metric.${l.key}`)),
  };
}

export class DescriptorCache {
  private readonly entries = new Map<string, { at: number; value: Promise<MetricInfo[]> }>();

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * The merged list for one organization. A failure is not cached, so the next panel tries again;
   * callers fall back to the presets meanwhile.
   */
  get(key: string, api: MetricsDescriptorApi, beforeRequest: () => Promise<void>): Promise<MetricInfo[]> {
    const hit = this.entries.get(key);
    if (hit && this.now() - hit.at < TTL_MS) return hit.value;
    const value = load(api, beforeRequest);
    this.entries.set(key, { at: this.now(), value });
    value.catch(() => this.entries.delete(key));
    return value;
  }
}

async function load(api: MetricsDescriptorApi, beforeRequest: () => Promise<void>): Promise<MetricInfo[]> {
  const all: MetricInfo[] = [];
  let pageToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    await beforeRequest();
    const res = await api.descriptorsPage({ pageSize: 1000, pageToken, resourceType: 'kafka' });
    for (const d of res.items) {
      const info = toMetricInfo(d);
      if (info) all.push(info);
    }
    pageToken = res.nextPageToken;
    if (!pageToken) break;
  }
  return mergeDescriptors(all);
}
