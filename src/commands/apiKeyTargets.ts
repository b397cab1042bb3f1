import * as l10n from '@vscode/l10n';
import type { OrgConnection } from '../auth/orgConnection';
import { CloudApiError } from '../cloud/errors';
import { environmentClusters } from '../clusterWalk';
import type { KafkaCluster } from '../cloud/schemas/kafkaCluster';
import { ApiKeysFolderNode } from '../explorer/nodes/apiKeysFolderNode';
import { EnvironmentNode } from '../explorer/nodes/environmentNode';
import type { ExplorerNode } from '../explorer/nodes/explorerNode';
import { KafkaClusterNode } from '../explorer/nodes/kafkaClusterNode';
import { ServiceAccountNode } from '../explorer/nodes/serviceAccountNode';
import { UserNode } from '../explorer/nodes/userNode';
import type { ClusterChoice, OwnerChoice } from './pickers/resourcePickers';

/** The resource of a new key: organization-wide (Cloud API key) or one Kafka cluster. */
export type ResourceChoice =
  | { readonly kind: 'cloud' }
  | ({ readonly kind: 'cluster' } & ClusterChoice)
  /** Something other than a Kafka cluster (Schema Registry, ksqlDB), met when rotating a key. */
  | { readonly kind: 'other'; readonly id: string; readonly environment?: string | undefined };

export const CLOUD_RESOURCE: ResourceChoice = { kind: 'cloud' };

/**
 * Preselections for Create API Key, from automation (`inputs`) or a reference argument:
 * `{ organization?, owner?: 'sa-…' | 'u-…', resource?: 'lkc-…' | 'cloud' | null, environment? }`.
 */
export interface ApiKeyPreselection {
  readonly owner?: string | undefined;
  /** A cluster ID, or `cloud`/`null` for a Cloud API key. */
  readonly resource?: string | null | undefined;
  readonly environment?: string | undefined;
}

/** What a tree node fixes in advance: the owner (account, user) or the resource (cluster). */
export function preselectionFromNode(node: ExplorerNode): { owner?: OwnerChoice; resource?: ResourceChoice } {
  if (node instanceof ServiceAccountNode) return { owner: { kind: 'serviceAccount', serviceAccount: node.serviceAccount } };
  if (node instanceof UserNode) return { owner: { kind: 'user', user: node.user } };
  if (node instanceof KafkaClusterNode) return { resource: clusterChoiceOf(node) };
  // "API keys" below an account, user or cluster: the same as its parent.
  if (node instanceof ApiKeysFolderNode && node.parent) return preselectionFromNode(node.parent);
  return {};
}

function clusterChoiceOf(node: KafkaClusterNode): ResourceChoice {
  let env: ExplorerNode | undefined = node.parent;
  while (env && !(env instanceof EnvironmentNode)) env = env.parent;
  const environment = env instanceof EnvironmentNode
    ? { id: env.environment.id, display_name: env.environment.display_name }
    : { id: node.environmentId, display_name: node.environmentId };
  return { kind: 'cluster', cluster: node.cluster, environment };
}

/** Loads an owner by ID: `sa-…` is a service account, `u-…` a user; anything else is tried as both. */
export async function loadOwner(connection: OrgConnection, id: string, signal?: AbortSignal): Promise<OwnerChoice> {
  const { client } = connection;
  if (!id.startsWith('u-')) {
    try {
      return { kind: 'serviceAccount', serviceAccount: await client.serviceAccounts.get(id, { signal }) };
    } catch (error) {
      if (id.startsWith('sa-') || !(error instanceof CloudApiError && error.status === 404)) throw error;
    }
  }
  return { kind: 'user', user: await client.users.get(id, { signal }) };
}

/**
 * Loads a cluster with its environment. Without the environment ID every environment's
 * clusters are searched (automation convenience); undefined when none has it.
 */
export async function loadCluster(connection: OrgConnection, id: string, environmentId: string | undefined, signal?: AbortSignal): Promise<ResourceChoice | undefined> {
  const { client } = connection;
  if (environmentId) {
    const [cluster, environment] = await Promise.all([
      client.kafkaClusters.get(id, environmentId, { signal }),
      client.environments.get(environmentId, { signal }).catch(() => ({ id: environmentId, display_name: environmentId })),
    ]);
    return { kind: 'cluster', cluster, environment: { id: environment.id, display_name: environment.display_name } };
  }
  for await (const { environment: env, clusters } of environmentClusters(client, signal)) {
    const cluster: KafkaCluster | undefined = clusters.find((c) => c.id === id);
    if (cluster) return { kind: 'cluster', cluster, environment: { id: env.id, display_name: env.display_name } };
  }
  return undefined;
}

/** Label of a resource for the secret view and messages. */
export function resourceLabel(resource: ResourceChoice): string {
  if (resource.kind === 'cloud') return l10n.t('Cloud API key (organization-wide)');
  if (resource.kind === 'other') return resource.environment ? l10n.t('Resource {0} in {1}', resource.id, resource.environment) : l10n.t('Resource {0}', resource.id);
  const { cluster, environment } = resource;
  return l10n.t({
    message: 'Kafka cluster {0} ({1}) in {2} · {3} {4}',
    args: [cluster.spec.display_name, cluster.id, environment.display_name, cluster.spec.cloud, cluster.spec.region],
    comment: ['{0} cluster name, {1} its ID, {2} its environment, {3} the cloud provider, {4} the region'],
  });
}
