/**
 * One chart refresh without any VS Code: controls → query → pages → chart columns. The panel
 * calls this; the unit tests and the bench call it against the sandbox to count requests.
 */
import type { MetricsQueryRequest } from '../cloud/schemas/metrics';
import type { MetricsQueryApi } from './metricsApi';
import { PRESET_METRICS } from './presets';
import type { Controls, MetricInfo, SeriesMessage } from './protocol';
import { buildChartQuery, runQuery } from './queryBuilder';
import { buildSeries } from './seriesBuilder';
import { resolveInterval } from './timeRange';
import { displayUnitFor } from './units';

export interface ChartTarget {
  readonly clusterId: string;
  readonly principalId?: string | undefined;
}

/** The query a refresh would send now; also what Copy Query copies. */
export function chartQuery(target: ChartTarget, controls: Controls, now: number): MetricsQueryRequest {
  const interval = resolveInterval(controls, now);
  return buildChartQuery({
    clusterId: target.clusterId,
    principalId: target.principalId,
    metric: controls.metric,
    groupBy: controls.groupBy,
    granularity: interval.granularity,
    start: interval.start,
    end: interval.end,
  });
}

/** Descriptor for a metric name; an unknown metric is treated as a gauge without unit. */
export function metricInfo(name: string, known: readonly MetricInfo[]): MetricInfo {
  return known.find((m) => m.name === name) ??
    PRESET_METRICS.find((m) => m.name === name) ?? { name, label: name, description: '', unit: '1', type: 'GAUGE_DOUBLE', labels: [] };
}

export interface LoadOptions {
  readonly known: readonly MetricInfo[];
  readonly now: number;
  readonly signal?: AbortSignal;
  /** Waits for the rate budget before each HTTP request (pages included). */
  readonly beforeRequest?: () => Promise<void>;
}

/** Runs one refresh. Throws whatever the client throws (a CloudApiError, usually). */
export async function loadChart(
  api: MetricsQueryApi,
  target: ChartTarget,
  controls: Controls,
  options: LoadOptions,
): Promise<Omit<SeriesMessage, 'seq'>> {
  const interval = resolveInterval(controls, options.now);
  const request = chartQuery(target, controls, options.now);
  const { rows, requests } = await runQuery(api, request, { signal: options.signal, beforeRequest: options.beforeRequest });
  const info = metricInfo(controls.metric, options.known);
  const built = buildSeries(rows, {
    groupBy: controls.groupBy,
    granularity: interval.granularity,
    type: info.type,
    start: interval.start,
    end: interval.end,
    topN: controls.groupBy === 'none' ? 1 : controls.topN,
    totalLabel: target.principalId ?? target.clusterId,
  });
  return {
    type: 'series',
    metric: controls.metric,
    unit: displayUnitFor(info),
    granularity: interval.granularity,
    start: interval.start,
    end: interval.end,
    timestamps: built.timestamps,
    series: built.series,
    folded: built.folded,
    requests,
  };
}
