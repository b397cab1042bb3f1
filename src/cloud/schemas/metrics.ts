import * as z from 'zod/mini';

/** Query granularities; the first four cap the interval length (see `metricsIntervals.ts`). */
export const Granularity = z.enum(['PT1M', 'PT5M', 'PT15M', 'PT30M', 'PT1H', 'PT4H', 'PT6H', 'PT12H', 'P1D', 'ALL']);
export type Granularity = z.infer<typeof Granularity>;

/** A Metrics API filter: field comparison, AND/OR of filters, or NOT. */
export type MetricsFilter =
  | { field: string; op: 'EQ' | 'GT' | 'GTE'; value: string | number }
  | { op: 'AND' | 'OR'; filters: MetricsFilter[] }
  | { op: 'NOT'; filter: MetricsFilter };

export const MetricsFilter: z.ZodMiniType<MetricsFilter> = z.union([
  z.object({ field: z.string(), op: z.enum(['EQ', 'GT', 'GTE']), value: z.union([z.string(), z.number()]) }),
  z.object({ op: z.enum(['AND', 'OR']), get filters() { return z.array(MetricsFilter); } }),
  z.object({ op: z.literal('NOT'), get filter() { return MetricsFilter; } }),
]);

/** One aggregation; omit `agg` so the server picks the right function per metric. */
export const MetricsAggregation = z.object({ metric: z.string(), agg: z.optional(z.enum(['SUM', 'MIN', 'MAX'])) });
export type MetricsAggregation = z.infer<typeof MetricsAggregation>;

/** `QueryRequest` for `POST /v2/metrics/{dataset}/query`. */
export const MetricsQueryRequest = z.object({
  aggregations: z.array(MetricsAggregation).check(z.length(1)),
  group_by: z.optional(z.array(z.string())),
  granularity: Granularity,
  filter: z.optional(MetricsFilter),
  order_by: z.optional(z.array(z.object({
    metric: z.string(), agg: z.optional(z.enum(['SUM', 'MIN', 'MAX'])), order: z.optional(z.enum(['ASCENDING', 'DESCENDING'])),
  }))),
  intervals: z.array(z.string()).check(z.minLength(1)),
  limit: z.optional(z.number().check(z.int(), z.gte(1), z.lte(1000))),
  format: z.optional(z.enum(['FLAT', 'GROUPED'])),
});
export type MetricsQueryRequest = z.infer<typeof MetricsQueryRequest>;

/** `meta.pagination`; only `next_page_token` matters to us. */
export const MetricsPagination = z.object({
  page_size: z.optional(z.nullable(z.number())),
  total_size: z.optional(z.nullable(z.number())),
  next_page_token: z.optional(z.nullable(z.string())),
});
const MetricsMeta = z.optional(z.nullable(z.object({ pagination: z.optional(z.nullable(MetricsPagination)) })));

/** FLAT row: `{ timestamp, value, "<group_by label>": "…" }`; label keys are kept. */
export const MetricsFlatPoint = z.looseObject({ timestamp: z.string(), value: z.number() });
export type MetricsFlatPoint = z.infer<typeof MetricsFlatPoint>;

/** GROUPED row: label keys plus `points`. */
export const MetricsGroup = z.looseObject({ points: z.array(z.object({ timestamp: z.string(), value: z.number() })) });
export type MetricsGroup = z.infer<typeof MetricsGroup>;

/** `QueryResponse` in FLAT format. */
export const MetricsFlatResponse = z.object({ data: z.array(MetricsFlatPoint), meta: MetricsMeta });
export type MetricsFlatResponse = z.infer<typeof MetricsFlatResponse>;

/** `QueryResponse` in GROUPED format. */
export const MetricsGroupedResponse = z.object({ data: z.array(MetricsGroup), meta: MetricsMeta });
export type MetricsGroupedResponse = z.infer<typeof MetricsGroupedResponse>;

/** Either query response shape; narrow rows with `isMetricsGroup` (metricsRows.ts). */
export type MetricsQueryResponse = MetricsFlatResponse | MetricsGroupedResponse;

/** A metric's label. */
export const MetricLabel = z.object({
  key: z.string(),
  description: z.optional(z.nullable(z.string())),
  exportable: z.optional(z.nullable(z.boolean())),
});
export type MetricLabel = z.infer<typeof MetricLabel>;

/** `MetricDescriptor`; `type`, `unit` and `lifecycle_stage` are extensible strings. */
export const MetricDescriptor = z.object({
  name: z.string(),
  description: z.optional(z.nullable(z.string())),
  type: z.optional(z.nullable(z.string())),
  unit: z.optional(z.nullable(z.string())),
  lifecycle_stage: z.optional(z.nullable(z.string())),
  exportable: z.optional(z.nullable(z.boolean())),
  resources: z.optional(z.nullable(z.array(z.string()))),
  labels: z.optional(z.nullable(z.array(MetricLabel))),
});
export type MetricDescriptor = z.infer<typeof MetricDescriptor>;

/** `ListMetricDescriptorsResponse`. */
export const MetricDescriptorList = z.object({
  data: z.array(MetricDescriptor),
  meta: MetricsMeta,
  links: z.optional(z.nullable(z.object({ next: z.optional(z.nullable(z.string())) }))),
});
export type MetricDescriptorList = z.infer<typeof MetricDescriptorList>;

/** `AttributesRequest` for `POST /v2/metrics/{dataset}/attributes` (label values). */
export const MetricsAttributesRequest = z.object({
  metric: z.string(),
  group_by: z.array(z.string()).check(z.minLength(1)),
  filter: z.optional(MetricsFilter),
  intervals: z.optional(z.array(z.string())),
  limit: z.optional(z.number().check(z.int(), z.gte(1), z.lte(1000))),
});
export type MetricsAttributesRequest = z.infer<typeof MetricsAttributesRequest>;

/** `AttributesResponse`: each row maps group_by labels to values. */
export const MetricsAttributesResponse = z.object({
  data: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))),
  meta: MetricsMeta,
});
export type MetricsAttributesResponse = z.infer<typeof MetricsAttributesResponse>;
