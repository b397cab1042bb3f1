import type { MetricsFlatPoint, MetricsGroup } from './schemas/metrics';

/**
 * True for a GROUPED row (labels plus `points`), false for a FLAT point. Apart from the schemas so
 * code that only reads query results does not build them.
 */
export function isMetricsGroup(row: MetricsFlatPoint | MetricsGroup): row is MetricsGroup {
  return Array.isArray((row as { points?: unknown }).points);
}
