/**
 * The only contract between the metrics panel host and its webview. Both sides import this file
 * and validate every message they receive with these schemas, because a webview is a separate,
 * less trusted context and messages cross it as plain JSON.
 */
// A namespace import lets esbuild drop the parts of zod this file doesn't use: the webview bundle
// is ~35 KB of zod this way and ~430 KB with the `{ z }` object export.
import * as z from 'zod/mini';
import { GRANULARITIES } from './granularity';
import { UNIT_KINDS } from './units';

export const RANGE_PRESETS = ['1h', '6h', '24h', '7d'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

/** Labels a chart can be split by. `none` draws one line for the whole cluster (or principal). */
export const GROUP_BY_OPTIONS = ['none', 'metric.topic', 'metric.principal_id'] as const;
export type GroupBy = (typeof GROUP_BY_OPTIONS)[number];

/** Auto-refresh periods in seconds; 0 is off. Nothing below a minute: the API's data is per minute. */
export const AUTO_REFRESH_OPTIONS = [0, 60, 300, 900] as const;

export const MAX_TOP_N = 50;
const MAX_LABEL = 1000;
const MAX_SERIES = 1000;
const MAX_POINTS = 10_000;

/** More clusters than this are not offered in the Show Activity cluster switcher. */
export const MAX_CLUSTER_CHOICES = 100;

const label = z.string().check(z.maxLength(MAX_LABEL));
const id = z.string().check(z.minLength(1), z.maxLength(255));

/** A cluster the panel can switch to: the clusters a principal has API keys on. */
const clusterChoiceSchema = z.object({ id, name: label, environmentId: z.optional(id) });
export type ClusterChoice = z.infer<typeof clusterChoiceSchema>;
const clusterChoices = z.array(clusterChoiceSchema).check(z.maxLength(MAX_CLUSTER_CHOICES));

const rangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('preset'), preset: z.enum(RANGE_PRESETS) }),
  // Epoch milliseconds; the host checks order and bounds again before querying.
  z.object({ kind: z.literal('custom'), start: z.number(), end: z.number() }),
]);
export type TimeRange = z.infer<typeof rangeSchema>;

export const controlsSchema = z.object({
  metric: z.string().check(z.minLength(1), z.maxLength(200)),
  range: rangeSchema,
  granularity: z.union([z.literal('auto'), z.enum(GRANULARITIES)]),
  groupBy: z.enum(GROUP_BY_OPTIONS),
  topN: z.int().check(z.gte(1), z.lte(MAX_TOP_N)),
  autoRefreshSeconds: z.union(AUTO_REFRESH_OPTIONS.map((n) => z.literal(n))),
});
/** Everything the user chose; also the persisted panel state (with the target ids, no secrets). */
export type Controls = z.infer<typeof controlsSchema>;

/** Persisted with `setState` and given back to the serializer after a reload. Ids only. */
export const panelStateSchema = z.object({
  connectionId: id,
  orgId: z.optional(id),
  clusterId: id,
  /** Names are kept only to title the restored panel before anything is fetched. */
  clusterName: z.optional(label),
  environmentId: z.optional(id),
  principalId: z.optional(id),
  principalLabel: z.optional(label),
  /** The clusters an activity panel can switch between, so a restored panel keeps its switcher. */
  clusters: z.optional(clusterChoices),
  controls: controlsSchema,
});
export type PanelState = z.infer<typeof panelStateSchema>;

const metricInfoSchema = z.object({
  name: z.string().check(z.maxLength(300)),
  label,
  description: label,
  unit: z.string().check(z.maxLength(50)),
  type: z.string().check(z.maxLength(50)),
  /** Label keys the metric can be grouped or filtered by, e.g. "metric.topic". */
  labels: z.array(z.string().check(z.maxLength(200))),
});
export type MetricInfo = z.infer<typeof metricInfoSchema>;

const targetSchema = z.object({
  clusterId: id,
  clusterName: label,
  environmentId: z.optional(id),
  orgLabel: label,
  principal: z.optional(z.object({ id, label })),
  /** For a principal: the clusters it has API keys on, offered in the cluster switcher. */
  clusters: z.optional(clusterChoices),
});
/** What the panel charts: a cluster, optionally narrowed to one principal's traffic. */
export type PanelTarget = z.infer<typeof targetSchema>;

/**
 * Same rule as `z.array(z.nullable(z.number()))` with a length cap, as one plain loop: a chart
 * carries up to 100 × 400 values, and per-element schema calls cost ~20 ms of the 100 ms budget
 * from data arrival to first paint.
 */
const pointValues = z.custom<(number | null)[]>(
  (v) => Array.isArray(v) && v.length <= MAX_POINTS && v.every((x) => x === null || (typeof x === 'number' && Number.isFinite(x))),
  'expected up to 10000 numbers or nulls',
);
const timestampValues = z.custom<number[]>(
  (v) => Array.isArray(v) && v.length <= MAX_POINTS && v.every((x) => typeof x === 'number' && Number.isFinite(x)),
  'expected up to 10000 timestamps',
);

const seriesSchema = z.object({ label, values: pointValues });
export type ChartSeries = z.infer<typeof seriesSchema>;

const unitSchema = z.object({ kind: z.enum(UNIT_KINDS), noun: z.string().check(z.maxLength(50)) });

/** Host → webview. */
export const toWebviewSchema = z.discriminatedUnion('type', [
  // `state` is what the webview keeps with setState so the serializer can restore the panel.
  z.object({ type: z.literal('init'), target: targetSchema, state: panelStateSchema, metrics: z.array(metricInfoSchema) }),
  z.object({ type: z.literal('metrics'), metrics: z.array(metricInfoSchema) }),
  // The panel now charts another cluster (the switcher was used); controls and chart stay.
  z.object({ type: z.literal('target'), target: targetSchema, state: panelStateSchema }),
  z.object({ type: z.literal('loading'), seq: z.int() }),
  z.object({
    type: z.literal('series'),
    seq: z.int(),
    metric: z.string(),
    unit: unitSchema,
    granularity: z.enum(GRANULARITIES),
    start: z.number(),
    end: z.number(),
    /** Bucket start times in epoch seconds (uPlot's x unit). */
    timestamps: timestampValues,
    series: z.array(seriesSchema).check(z.maxLength(MAX_SERIES)),
    /** Groups beyond top-N that were summed into the last series, 0 when none. */
    folded: z.int(),
    /** HTTP requests this refresh took (1 + extra pages). */
    requests: z.int(),
  }),
  z.object({ type: z.literal('error'), seq: z.int(), message: label }),
  z.object({
    type: z.literal('status'),
    state: z.enum(['idle', 'queued', 'rateLimited']),
    message: z.optional(label),
  }),
]);
export type ToWebview = z.infer<typeof toWebviewSchema>;
export type SeriesMessage = Extract<ToWebview, { type: 'series' }>;

/** Webview → host. */
export const fromWebviewSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('setControls'), controls: controlsSchema }),
  z.object({ type: z.literal('refresh') }),
  z.object({ type: z.literal('exportCsv') }),
  z.object({ type: z.literal('copyQuery') }),
  // The host only follows it to a cluster it offered.
  z.object({ type: z.literal('switchCluster'), clusterId: id }),
]);
export type FromWebview = z.infer<typeof fromWebviewSchema>;

/** Validates a message from the host; `undefined` for anything malformed (it is dropped). */
export function parseToWebview(value: unknown): ToWebview | undefined {
  const result = toWebviewSchema.safeParse(value);
  return result.success ? result.data : undefined;
}

/** Validates a message from the webview; `undefined` for anything malformed (it is dropped). */
export function parseFromWebview(value: unknown): FromWebview | undefined {
  const result = fromWebviewSchema.safeParse(value);
  return result.success ? result.data : undefined;
}


export const DEFAULT_CONTROLS: Controls = {
  metric: 'io.confluent.kafka.server/received_bytes',
  range: { kind: 'preset', preset: '6h' },
  granularity: 'auto',
  groupBy: 'none',
  topN: 10,
  autoRefreshSeconds: 0,
};
