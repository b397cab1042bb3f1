import type { OrgConnection } from '../auth/orgConnection';
import { isCloudApiError } from '../cloud/errors';
import type { Environment } from '../cloud/schemas/environment';
import type { KafkaCluster } from '../cloud/schemas/kafkaCluster';
import type { ExplorerProvider } from './explorerProvider';
import { EnvironmentNode } from './nodes/environmentNode';
import type { ResourceNode } from './nodes/explorerNode';
import type { FolderItem } from './nodes/pagedFolderNode';
import { detectResourceKind } from './resourceIds';

/**
 * Finds a resource by ID and returns its node, placed in the tree: in its folder if the loaded
 * pages contain it, otherwise pinned at the top of that folder (whose first page is loaded too,
 * so the folder opens in a normal state). Throws the client's 404 when it does not exist.
 */
export async function locateResource(
  explorer: ExplorerProvider,
  connection: OrgConnection,
  rawId: string,
  signal?: AbortSignal,
): Promise<ResourceNode<FolderItem>> {
  const id = rawId.trim();
  const org = explorer.organizationNode(connection);
  const { client } = connection;
  switch (detectResourceKind(id)) {
    case 'environment':
      return org.environments.ensureItem(await client.environments.get(id, { signal }));
    case 'serviceAccount':
      return org.serviceAccounts.ensureItem(await client.serviceAccounts.get(id, { signal }));
    case 'user':
      return org.users.ensureItem(await client.users.get(id, { signal }));
    case 'apiKey':
      return org.apiKeys.ensureItem(await client.apiKeys.get(id, { signal }));
    case 'kafkaCluster': {
      const { environment, cluster } = await findCluster(explorer, connection, id, signal);
      const envNode = await org.environments.ensureItem(environment);
      if (!(envNode instanceof EnvironmentNode)) throw new Error(`Environment ${environment.id} has no node.`);
      return envNode.clusters.ensureItem(cluster);
    }
  }
}

// The cluster API needs the environment, which a bare lkc- ID does not carry: try the
// environments already loaded, then page through the rest, stopping at the first hit.
async function findCluster(
  explorer: ExplorerProvider,
  connection: OrgConnection,
  id: string,
  signal?: AbortSignal,
): Promise<{ environment: Environment; cluster: KafkaCluster }> {
  const tried = new Set<string>();
  let notFound: unknown;
  const attempt = async (environment: Environment): Promise<KafkaCluster | undefined> => {
    if (tried.has(environment.id)) return undefined;
    tried.add(environment.id);
    try {
      return await connection.client.kafkaClusters.get(id, environment.id, { signal });
    } catch (error) {
      if (isCloudApiError(error) && (error.status === 404 || error.status === 403)) {
        notFound ??= error;
        return undefined;
      }
      throw error;
    }
  };
  const loaded = explorer.organizationNode(connection).environments.loadedChildren();
  for (const node of loaded) {
    const cluster = await attempt(node.resource);
    if (cluster) return { environment: node.resource, cluster };
  }
  for await (const page of connection.client.environments.pages({ pageSize: 100, signal })) {
    for (const environment of page.items) {
      const cluster = await attempt(environment);
      if (cluster) return { environment, cluster };
    }
  }
  throw notFound ?? new Error(`No Kafka cluster ${id} in ${connection.label}.`);
}
