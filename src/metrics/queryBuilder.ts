/**
 * Builds the one Metrics API query behind a chart and runs it to the last page. Pure apart from
 * the injected API, so the caps and the request count are unit tested.
 */
import * as l10n from '@vscode/l10n';
import { isAllowed, type Granularity } from './granularity';
import type { MetricsFilter, MetricsQueryRequest } from '../cloud/schemas/metrics';
import type { MetricsQueryApi } from './metricsApi';
import type { GroupBy } from './protocol';
import { isoInterval } from './timeRange';

/**
 * Groups fetched per chart. The API returns groups in label order, not by size, so top-N is ranked
 * on the client among these; 250 covers most clusters while bounding a response at
 * 250 × 400 buckets. Charts say so when a response is cut at this many groups.
 */
export const GROUP_FETCH_LIMIT = 250;

/** Safety stop for a server that keeps handing out page tokens. */
export const MAX_PAGES = 50;

export interface ChartQueryInput {
  readonly clusterId: string;
  /** Narrows every series to one principal (Show Activity). */
  readonly principalId?: string | undefined;
  readonly metric: string;
  readonly groupBy: GroupBy;
  readonly granularity: Granularity;
  /** Epoch ms, already aligned (see resolveInterval). */
  readonly start: number;
  readonly end: number;
}

export function clusterFilter(clusterId: string, principalId?: string): MetricsFilter {
  const cluster: MetricsFilter = { field: 'resource.kafka.id', op: 'EQ', value: clusterId };
  if (principalId === undefined) return cluster;
  return { op: 'AND', filters: [cluster, { field: 'metric.principal_id', op: 'EQ', value: principalId }] };
}

/** The exact request body; also what Copy Query puts on the clipboard (it holds no credentials). */
export function buildChartQuery(input: ChartQueryInput): MetricsQueryRequest {
  const seconds = (input.end - input.start) / 1000;
  if (!(seconds > 0)) throw new RangeError(l10n.t('The interval is empty.'));
  if (!isAllowed(input.granularity, seconds)) {
    throw new RangeError(l10n.t({
      message: "Granularity {0} can't be used for an interval of {1} s.",
      args: [input.granularity, seconds],
      comment: ['{0} is an ISO 8601 duration such as PT1M, {1} a number of seconds'],
    }));
  }
  const request: MetricsQueryRequest = {
    aggregations: [{ metric: input.metric }],
    filter: clusterFilter(input.clusterId, input.principalId),
    granularity: input.granularity,
    intervals: [isoInterval(input.start, input.end)],
  };
  if (input.groupBy !== 'none') {
    request.group_by = [input.groupBy];
    request.limit = GROUP_FETCH_LIMIT;
  }
  return request;
}

export interface QueryResult {
  readonly rows: object[];
  /** HTTP requests made: 1 plus one per extra page. */
  readonly requests: number;
}

/**
 * Runs one query and follows `next_page_token` until the last page. The body is sent unchanged
 * on every page, as the API requires. `beforeRequest` lets the caller wait for its rate budget.
 */
export async function runQuery(
  api: MetricsQueryApi,
  request: MetricsQueryRequest,
  options: { signal?: AbortSignal; beforeRequest?: () => Promise<void> } = {},
): Promise<QueryResult> {
  const rows: object[] = [];
  let pageToken: string | undefined;
  let requests = 0;
  const seen = new Set<string>();
  do {
    options.signal?.throwIfAborted();
    await options.beforeRequest?.();
    const page = await api.query(request, { pageToken, signal: options.signal });
    requests++;
    rows.push(...page.data);
    pageToken = page.meta?.pagination?.next_page_token || undefined;
    // Paging only exists with group_by; a token without it would loop on the same page.
    if (!request.group_by?.length) pageToken = undefined;
    // A server that hands back a token it already gave would loop forever.
    if (pageToken !== undefined && seen.has(pageToken)) pageToken = undefined;
    if (pageToken !== undefined) seen.add(pageToken);
  } while (pageToken !== undefined && requests < MAX_PAGES);
  return { rows, requests };
}
