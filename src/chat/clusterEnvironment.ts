/**
 * The environment of a Kafka cluster named only by its lkc-… ID. Cluster IDs do not say their
 * environment, so this walks the organization's clusters with the shared walk
 * (`src/clusterWalk.ts`: its page size, its paging bounds, its cancellation) and stops at the
 * first page that holds the cluster, so no further page is requested.
 */
import { environmentClusters } from '../clusterWalk';
import type { ToolConnection } from './toolContext';

/** The environment ID of `clusterId`, or undefined when no environment has it. */
export async function environmentOfCluster(connection: ToolConnection, clusterId: string, signal: AbortSignal): Promise<string | undefined> {
  for await (const { environment, clusters } of environmentClusters(connection.client, signal)) {
    if (clusters.some((c) => c.id === clusterId)) return environment.id;
  }
  return undefined;
}
