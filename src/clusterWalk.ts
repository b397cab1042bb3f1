/**
 * Walks every Kafka cluster of an organization: each environment's pages, and each one's
 * cluster pages, yielded as they arrive. Host-free; the metrics pickers, the activity service and
 * the API key commands share it instead of each writing the nested loop.
 */
import type { CloudClient } from './cloud/cloudClient';
import type { Environment } from './cloud/schemas/environment';
import type { KafkaCluster } from './cloud/schemas/kafkaCluster';

/** Pages this many environments/clusters at a time (the control-plane maximum). */
const PAGE_SIZE = 100;

/** One page of one environment's clusters. */
export interface ClusterBatch {
  readonly environment: Environment;
  readonly clusters: readonly KafkaCluster[];
}

/** Every environment's clusters, page by page; stops when `signal` aborts. */
export async function* environmentClusters(client: Pick<CloudClient, 'environments' | 'kafkaClusters'>, signal?: AbortSignal): AsyncGenerator<ClusterBatch> {
  for await (const envPage of client.environments.pages({ pageSize: PAGE_SIZE, signal })) {
    for (const environment of envPage.items) {
      for await (const page of client.kafkaClusters.pages({ environment: environment.id, pageSize: PAGE_SIZE, signal })) {
        yield { environment, clusters: page.items };
      }
    }
  }
}
