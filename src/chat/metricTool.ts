/**
 * One Metrics API query for the chat: a metric on one Kafka cluster over a preset range,
 * optionally grouped by a label, answered as a small Markdown table. Every request waits for the
 * same request budget as the metrics panel and the activity badges (the RateQueue built in the
 * composition root), so a chat session can't push the panel into 429s.
 */
import * as l10n from '@vscode/l10n';
import { isMetricsGroup } from '../cloud/metricsRows';
import type { MetricsFilter, MetricsQueryRequest } from '../cloud/schemas/metrics';
import type { Granularity } from '../metrics/granularity';
import { PRESET_METRICS } from '../metrics/presets';
import type { RangePreset } from '../metrics/protocol';
import { runQuery } from '../metrics/queryBuilder';
import { isoInterval, resolveInterval } from '../metrics/timeRange';
import { displayUnitFor, formatShort, isCounter } from '../metrics/units';
import { inert, lines } from './chatText';
import { organizationHeader, resolveConnection, type OrganizationInput } from './toolContext';
import { ToolInputError } from './toolErrors';
import { ChatTool } from './toolNames';
import { type ChatToolSpec, limitOf } from './toolSpec';

// The result (summary and table) is text for the language model and stays English; the progress
// text is translated.

export const METRIC_GROUP_BY = ['none', 'metric.topic', 'metric.principal_id', 'metric.type', 'metric.consumer_group_id'] as const;
export type MetricGroupBy = (typeof METRIC_GROUP_BY)[number];

export interface MetricQueryInput extends OrganizationInput {
  readonly cluster: string;
  /** Full name (`io.confluent.kafka.server/received_bytes`) or the part after the slash. */
  readonly metric: string;
  readonly range?: RangePreset | undefined;
  readonly groupBy?: MetricGroupBy | undefined;
  /** Narrows to one principal (`sa-…`/`u-…`). */
  readonly principal?: string | undefined;
  /** Narrows to one topic. */
  readonly topic?: string | undefined;
  /** Groups shown (default 15). */
  readonly limit?: number | undefined;
}

/** A bucket size per range that keeps an ungrouped table at about 12–24 rows. */
const GRANULARITY: Readonly<Record<RangePreset, Granularity>> = { '1h': 'PT5M', '6h': 'PT15M', '24h': 'PT1H', '7d': 'PT12H' };
/** Groups fetched before ranking (the API returns them in label order, not by size). */
const GROUP_FETCH = 250;

function fullName(metric: string): string {
  const m = metric.trim();
  return m.includes('/') ? m : `io.confluent.kafka.server/${m}`;
}

/** Code spans in table cells: a `|` would end the cell, so it is escaped (GFM keeps it literal). */
function cell(text: string): string {
  return inert(text, 80).replace(/\|/g, '\\|');
}

export const queryMetricTool: ChatToolSpec<MetricQueryInput> = {
  name: ChatTool.queryMetric,
  hints: { role: 'the MetricsViewer role (and a Cloud API key, not a cluster key)' },
  invocationMessage: (i) => l10n.t({ message: 'Querying {0} on {1}', args: [i.metric, i.cluster], comment: ['{0} is a metric name, {1} a Kafka cluster ID'] }),
  run: async (input, ctx, signal) => {
    const cluster = input.cluster?.trim();
    if (!cluster) throw new ToolInputError('"cluster" (lkc-…) is required.');
    if (!input.metric?.trim()) throw new ToolInputError('"metric" is required, e.g. "received_bytes" or "request_count".');
    const range: RangePreset = input.range ?? '1h';
    if (!(range in GRANULARITY)) throw new ToolInputError('"range" must be 1h, 6h, 24h or 7d.');
    const groupBy: MetricGroupBy = input.groupBy ?? 'none';
    if (!METRIC_GROUP_BY.includes(groupBy)) throw new ToolInputError(`"groupBy" must be one of ${METRIC_GROUP_BY.join(', ')}.`);
    const connection = resolveConnection(ctx, input);
    const metric = fullName(input.metric);
    const known = PRESET_METRICS.find((m) => m.name === metric);
    const source = { name: metric, type: known?.type ?? 'GAUGE_DOUBLE', unit: known?.unit ?? '1' };
    const counter = isCounter(source.type);
    // Totals and per-bucket values are shown as amounts (bytes, records), not rates.
    const unit = displayUnitFor({ ...source, type: 'GAUGE' });

    const { start, end, granularity } = resolveInterval({ range: { kind: 'preset', preset: range }, granularity: GRANULARITY[range] }, ctx.now());
    const filters: MetricsFilter[] = [{ field: 'resource.kafka.id', op: 'EQ', value: cluster }];
    if (input.principal?.trim()) filters.push({ field: 'metric.principal_id', op: 'EQ', value: input.principal.trim() });
    if (input.topic?.trim()) filters.push({ field: 'metric.topic', op: 'EQ', value: input.topic.trim() });
    const request: MetricsQueryRequest = {
      aggregations: [{ metric }],
      filter: filters.length === 1 ? filters[0]! : { op: 'AND', filters },
      granularity,
      intervals: [isoInterval(start, end)],
      ...(groupBy !== 'none' ? { group_by: [groupBy], limit: GROUP_FETCH, format: 'GROUPED' as const } : {}),
    };
    const { rows, requests } = await runQuery(connection.client.metrics, request, { signal, beforeRequest: () => ctx.metricsQueue.acquire(signal) });

    const what = `${inert(metric)} on ${inert(cluster)}, last ${range} (${new Date(start).toISOString().slice(0, 16)}Z to ${new Date(end).toISOString().slice(0, 16)}Z, ${granularity} buckets${input.principal ? `, principal ${inert(input.principal)}` : ''}${input.topic ? `, topic ${inert(input.topic)}` : ''})`;
    const header = await organizationHeader(connection, signal);
    const fmt = (v: number): string => formatShort(v, unit);
    if (groupBy === 'none') {
      const points = (rows as { timestamp?: string; value?: number }[])
        .filter((p): p is { timestamp: string; value: number } => typeof p.timestamp === 'string' && typeof p.value === 'number')
        .sort((a, b) => a.timestamp.localeCompare(b.timestamp));
      if (points.length === 0) return lines(header, `${what}: no data points (no traffic, or the metric does not exist for this cluster).`);
      const values = points.map((p) => p.value);
      const summary = counter
        ? `Total ${fmt(values.reduce((a, b) => a + b, 0))}, peak bucket ${fmt(Math.max(...values))}.`
        : `Average ${fmt(values.reduce((a, b) => a + b, 0) / values.length)}, max ${fmt(Math.max(...values))}, last ${fmt(values[values.length - 1]!)}.`;
      return lines(header, `${what}.`, summary, '| bucket start (UTC) | value |', '|---|---|',
        ...points.map((p) => `| ${p.timestamp.slice(0, 16)}Z | ${fmt(p.value)} |`), `(${requests} Metrics API request${requests === 1 ? '' : 's'})`);
    }

    const groups = rows.map((row) => {
      const r = row as Record<string, unknown>;
      const label = typeof r[groupBy] === 'string' ? r[groupBy] : '(none)';
      const values = isMetricsGroup(row as never)
        ? (r.points as { value: number }[]).map((p) => p.value)
        : typeof r.value === 'number' ? [r.value] : [];
      const total = values.reduce((a, b) => a + b, 0);
      return { label, total, peak: values.length ? Math.max(...values) : 0, last: values[values.length - 1] ?? 0, avg: values.length ? total / values.length : 0 };
    });
    const merged = new Map<string, (typeof groups)[number]>();
    for (const g of groups) {
      const prev = merged.get(g.label);
      merged.set(g.label, prev ? { ...g, total: prev.total + g.total, peak: Math.max(prev.peak, g.peak) } : g);
    }
    const ranked = [...merged.values()].sort((a, b) => (counter ? b.total - a.total : b.avg - a.avg));
    const limit = limitOf(input, 15);
    const shown = ranked.slice(0, limit);
    if (shown.length === 0) return lines(header, `${what}: no data for any ${groupBy}.`);
    const table = counter
      ? ['| ' + groupBy + ' | total | peak bucket |', '|---|---|---|', ...shown.map((g) => `| ${cell(g.label)} | ${fmt(g.total)} | ${fmt(g.peak)} |`)]
      : ['| ' + groupBy + ' | average | max | last |', '|---|---|---|---|', ...shown.map((g) => `| ${cell(g.label)} | ${fmt(g.avg)} | ${fmt(g.peak)} | ${fmt(g.last)} |`)];
    const rest = ranked.length - shown.length;
    return lines(
      header,
      `${what}, by ${groupBy}: ${ranked.length} group${ranked.length === 1 ? '' : 's'}${rows.length >= GROUP_FETCH ? ` (the API returned its limit of ${GROUP_FETCH}; there may be more)` : ''}, largest first.`,
      ...table,
      rest > 0 ? `${rest} more groups: call ${ChatTool.queryMetric} again with a larger "limit" (at most 50) or a "topic"/"principal" filter.` : undefined,
      `(${requests} Metrics API request${requests === 1 ? '' : 's'})`,
    );
  },
};
