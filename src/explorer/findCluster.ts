import * as l10n from '@vscode/l10n';
import type { OrgConnection } from '../auth/orgConnection';
import { isCloudApiError } from '../cloud/errors';
import type { Environment } from '../cloud/schemas/environment';
import type { KafkaCluster } from '../cloud/schemas/kafkaCluster';
import type { ExplorerProvider } from './explorerProvider';

// The cluster API needs the environment, which a bare lkc- ID does not carry: try the
// environments already loaded, then page through the rest, stopping at the first hit.
export async function findCluster(
  explorer: ExplorerProvider,
  connection: OrgConnection,
  id: string,
  signal?: AbortSignal,
): Promise<{ environment: Environment; cluster: KafkaCluster }> {
  const tried = new Set<string>();
  // Read when each request starts: the folder's signal is replaced after a cancel.
  const bounded = (): AbortSignal => {
    const lifetime = explorer.organizationNode(connection).environments.lifetimeSignal;
    return signal ? AbortSignal.any([signal, lifetime]) : lifetime;
  };
  let notFound: unknown;
  const attempt = async (environment: Environment): Promise<KafkaCluster | undefined> => {
    if (tried.has(environment.id)) return undefined;
    tried.add(environment.id);
    try {
      return await connection.client.kafkaClusters.get(id, environment.id, { signal: bounded() });
    } catch (error) {
      if (isCloudApiError(error) && (error.status === 404 || error.status === 403)) {
        notFound ??= error;
        return undefined;
      }
      throw error;
    }
  };
  const folder = explorer.organizationNode(connection).environments;
  // Bounded like every paging loop: at most loadAllLimit environments (pages() also stops on a
  // repeated token), and cancelled with the Environments folder (refresh, collapse, org removed).
  for (const node of folder.loadedChildren()) {
    const cluster = await attempt(node.resource);
    if (cluster) return { environment: node.resource, cluster };
  }
  for await (const page of connection.client.environments.pages({ pageSize: 100, signal: bounded(), maxItems: explorer.loadAllLimit() })) {
    for (const environment of page.items) {
      const cluster = await attempt(environment);
      if (cluster) return { environment, cluster };
    }
  }
  throw notFound ?? new Error(l10n.t({
    message: 'No Kafka cluster {0} in {1}.',
    args: [id, connection.label],
    comment: ['{0} is a cluster ID, {1} the organization\'s name'],
  }));
}
