/**
 * The slice of the cloud client's Metrics API that the panel and the activity service use. Typed
 * as a `Pick` so tests can pass a small fake instead of a whole client.
 */
import type { MetricsApi } from '../cloud/api/metrics';

export type MetricsQueryApi = Pick<MetricsApi, 'query'>;
export type MetricsDescriptorApi = Pick<MetricsApi, 'descriptorsPage'>;
