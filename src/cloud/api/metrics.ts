import * as l10n from '@vscode/l10n';
import { CloudApiError } from '../errors';
import { type HttpClient } from '../http';
import { checkIntervals, pinIntervals } from '../metricsIntervals';
import {
  clampPageSize, DEFAULT_MAX_ITEMS, iteratePages, pageTokenFromLink, type Page, type PageOptions, type PagesBounds, type PagesOptions,
  type PagesTruncation,
} from '../pagination';
import type * as z from 'zod/mini';
import { formatPath } from '../parse';
import { encodePathSegment } from '../pathSegment';
import {
  MetricDescriptorList, MetricsAttributesRequest, MetricsAttributesResponse, MetricsFlatResponse, MetricsGroupedResponse,
  MetricsQueryRequest, type MetricDescriptor, type MetricsQueryResponse,
} from '../schemas/metrics';
import { requestParsed } from './rest';

/** `cloud` unless stated; the Metrics API also has `cloud-custom`, … */
export interface DatasetOption {
  dataset?: string;
}

/** Options for one query page. */
export interface MetricsQueryOptions extends DatasetOption {
  pageToken?: string;
  signal?: AbortSignal;
  /** Clock for resolving `now` in interval checks (tests). */
  now?: number;
}

/** Options for `queryAll` (paging is internal); `maxItems` caps the merged `data` rows (default 10,000). */
export type QueryAllOptions = Omit<MetricsQueryOptions, 'pageToken'> & PagesBounds;

/** `queryAll`'s result: every row, plus why it stopped early when it did. */
export type QueryAllResult<R> = R & { truncated?: PagesTruncation };

/** Options for descriptor pages (page size up to 1000 here). */
export interface DescriptorPageOptions extends PageOptions, DatasetOption {
  resourceType?: string;
}


/** Metrics API v2 on the telemetry endpoint. */
export class MetricsApi {
  constructor(private readonly http: HttpClient) {}

  /**
   * One query page. The request is validated before sending (one aggregation, ≥1 interval,
   * granularity caps, GROUPED needs group_by). Marked idempotent: a query is a read-only POST.
   */
  query(request: MetricsQueryRequest & { format: 'GROUPED' }, options?: MetricsQueryOptions): Promise<MetricsGroupedResponse>;
  query(request: MetricsQueryRequest & { format?: 'FLAT' }, options?: MetricsQueryOptions): Promise<MetricsFlatResponse>;
  query(request: MetricsQueryRequest, options?: MetricsQueryOptions): Promise<MetricsQueryResponse>;
  async query(request: MetricsQueryRequest, options: MetricsQueryOptions = {}): Promise<MetricsQueryResponse> {
    const metric = request.aggregations?.[0]?.metric;
    const action = metric === undefined
      ? l10n.t({ message: 'query metrics', comment: ['follows "Couldn\'t"'] })
      : l10n.t({ message: 'query {0}', args: [metric], comment: ['follows "Couldn\'t"; {0} is a metric name such as io.confluent.kafka.server/received_bytes'] });
    const body = validateQuery(request, action, options.now);
    const grouped = body.format === 'GROUPED';
    return requestParsed(this.http, {
      method: 'POST', path: `${datasetPath(options)}/query`, query: { page_token: options.pageToken || undefined },
      body, action, idempotent: true, signal: options.signal,
    }, grouped ? MetricsGroupedResponse : MetricsFlatResponse);
  }

  /**
   * Every page of a query merged into one response. `now` is pinned to absolute times first,
   * because the API requires an identical body on every page and `now` invalidates tokens.
   */
  queryAll(request: MetricsQueryRequest & { format: 'GROUPED' }, options?: QueryAllOptions): Promise<QueryAllResult<MetricsGroupedResponse>>;
  queryAll(request: MetricsQueryRequest & { format?: 'FLAT' }, options?: QueryAllOptions): Promise<QueryAllResult<MetricsFlatResponse>>;
  queryAll(request: MetricsQueryRequest, options?: QueryAllOptions): Promise<QueryAllResult<MetricsQueryResponse>>;
  async queryAll(request: MetricsQueryRequest, options: QueryAllOptions = {}): Promise<QueryAllResult<MetricsQueryResponse>> {
    const now = options.now ?? Date.now();
    const pinned: MetricsQueryRequest = { ...request, intervals: pinIntervals(request.intervals ?? [], now) };
    const { maxItems, ...queryOptions } = options;
    // Same bounds as the control-plane lists: repeated token, row cap, empty pages, abort between pages.
    const pages = iteratePages(async (o: MetricsQueryOptions): Promise<Page<unknown>> => {
      const res = await this.query(pinned, { ...o, now });
      const nextPageToken = res.meta?.pagination?.next_page_token || undefined;
      return { items: res.data, ...(nextPageToken ? { nextPageToken } : {}) };
    }, { ...queryOptions, maxItems: maxItems ?? DEFAULT_MAX_ITEMS }, 'metrics');
    const data: unknown[] = [];
    let truncated: PagesTruncation | undefined;
    for await (const page of pages) {
      data.push(...page.items);
      truncated = page.truncated;
    }
    return { data, ...(truncated ? { truncated } : {}) } as QueryAllResult<MetricsQueryResponse>;
  }

  /** One page of metric descriptors (one request). */
  async descriptorsPage(options: DescriptorPageOptions = {}): Promise<Page<MetricDescriptor>> {
    const action = l10n.t({ message: 'list metric descriptors', comment: ['follows "Couldn\'t"'] });
    const res = await requestParsed(this.http, {
      method: 'GET', path: `${datasetPath(options)}/descriptors/metrics`, action, signal: options.signal,
      query: { page_size: clampPageSize(options.pageSize, 1000), page_token: options.pageToken || undefined, resource_type: options.resourceType },
    }, MetricDescriptorList);
    const nextPageToken = res.meta?.pagination?.next_page_token || pageTokenFromLink(res.links?.next);
    const totalSize = res.meta?.pagination?.total_size ?? undefined;
    return { items: res.data, ...(nextPageToken ? { nextPageToken } : {}), ...(totalSize !== undefined ? { totalSize } : {}) };
  }

  /** Every descriptor page in order. */
  descriptors(options: PagesOptions<DatasetOption & { resourceType?: string }> = {}): AsyncGenerator<Page<MetricDescriptor>> {
    return iteratePages((o: DescriptorPageOptions) => this.descriptorsPage(o), options, 'metric descriptors');
  }

  /** Label values (e.g. the topics seen on a cluster): one page of `{ "metric.topic": "…" }` rows. */
  async attributes(
    request: MetricsAttributesRequest, options: Omit<MetricsQueryOptions, 'now'> = {},
  ): Promise<Page<Record<string, string | number | null>>> {
    const labels = request.group_by?.join(', ');
    const action = labels
      ? l10n.t({ message: 'list values of {0}', args: [labels], comment: ['follows "Couldn\'t"; {0} lists metric labels such as metric.topic'] })
      : l10n.t({ message: 'list values of labels', comment: ['follows "Couldn\'t"'] });
    parseRequest(MetricsAttributesRequest, request, action);
    const body = request;
    const res = await requestParsed(this.http, {
      method: 'POST', path: `${datasetPath(options)}/attributes`, query: { page_token: options.pageToken || undefined },
      body, action, idempotent: true, signal: options.signal,
    }, MetricsAttributesResponse);
    const nextPageToken = res.meta?.pagination?.next_page_token || undefined;
    return { items: res.data, ...(nextPageToken ? { nextPageToken } : {}) };
  }
}

function datasetPath(options: DatasetOption): string {
  return `/v2/metrics/${encodePathSegment(options.dataset ?? 'cloud', l10n.t({ message: 'query metrics', comment: ['follows "Couldn\'t"'] }))}`;
}

function parseRequest(schema: z.ZodMiniType, value: unknown, action: string): void {
  const result = schema.safeParse(value);
  if (result.success) return;
  const field = formatPath(result.error.issues[0]?.path ?? []);
  throw new CloudApiError({
    reason: 'policy', action, field,
    summary: l10n.t({ message: 'the request is invalid at {0}', args: [field], comment: ['{0} is a request field path, e.g. aggregations[0].metric'] }),
  });
}

/** Validates a query request locally; throws a `policy` CloudApiError naming the problem. */
export function validateQuery(request: MetricsQueryRequest, action: string, now?: number): MetricsQueryRequest {
  // Validate, but send the caller's object: fields newer than our schema must survive.
  parseRequest(MetricsQueryRequest, request, action);
  const body = request;
  if (body.format === 'GROUPED' && !body.group_by?.length) {
    throw new CloudApiError({ reason: 'policy', action, field: 'group_by', summary: l10n.t('the GROUPED format needs at least one group_by label') });
  }
  checkIntervals(body.intervals, body.granularity, action, now);
  return body;
}
