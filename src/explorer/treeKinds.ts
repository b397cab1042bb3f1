import * as l10n from '@vscode/l10n';
import type { OrgConnection } from '../auth/orgConnection';
import type { ApiKey } from '../cloud/schemas/apiKey';
import type { Environment } from '../cloud/schemas/environment';
import type { KafkaCluster } from '../cloud/schemas/kafkaCluster';
import type { ServiceAccount } from '../cloud/schemas/serviceAccount';
import type { User } from '../cloud/schemas/user';
import { findCluster } from './findCluster';
import { EnvironmentNode } from './nodes/environmentNode';
import type { OrganizationNode } from './nodes/organizationNode';
import type { FolderItem, PagedFolderNode } from './nodes/pagedFolderNode';
import { kindLabel, type ResourceKind } from './resourceIds';
import { bindingsInside, bindingsOfPrincipal, ROLE_BINDING_TREE } from './roleBindingTree';
import type { Cascade, TreeKind } from './treeKind';

const byId = (id: string) => (item: FolderItem): boolean => item.id === id;
// Folders of a kind only ever hold that kind, so the casts in the cascades are safe.
const asKey = (item: FolderItem): ApiKey => item as ApiKey;
/** An owner's keys go with it (the server deletes them). */
const ownerCascade = (kind: ResourceKind) => (id: string): Cascade => ({
  [kind]: byId(id), apiKey: (item) => asKey(item).spec.owner.id === id, roleBinding: bindingsOfPrincipal(id),
});

/** Go to ID for a kind listed in a folder of the organization: GET by ID, then place it there. */
function inOrganizationFolder<T extends FolderItem>(
  folder: (org: OrganizationNode) => PagedFolderNode<T>,
  get: (client: OrgConnection['client'], id: string, signal: AbortSignal | undefined) => Promise<T>,
): TreeKind<T>['locate'] {
  return async (explorer, connection, id, signal) => folder(explorer.organizationNode(connection)).ensureItem(await get(connection.client, id, signal));
}

export const ENVIRONMENT_TREE: TreeKind<Environment> = {
  kind: 'environment',
  get noun(): string { return kindLabel('environment'); },
  locate: inOrganizationFolder((org) => org.environments, (client, id, signal) => client.environments.get(id, { signal })),
  cascade: (id, loaded) => {
    const clusterIds = new Set(loaded('kafkaCluster').filter((c) => (c as KafkaCluster).spec.environment.id === id).map((c) => c.id));
    return {
      environment: byId(id),
      kafkaCluster: (item) => (item as KafkaCluster).spec.environment.id === id,
      apiKey: (item) => asKey(item).spec.resource?.environment === id || clusterIds.has(asKey(item).spec.resource?.id ?? ''),
      roleBinding: bindingsInside('environment', id),
    };
  },
};

export const KAFKA_CLUSTER_TREE: TreeKind<KafkaCluster> = {
  kind: 'kafkaCluster',
  get noun(): string { return kindLabel('kafkaCluster'); },
  locate: async (explorer, connection, id, signal) => {
    const { environment, cluster } = await findCluster(explorer, connection, id, signal);
    const envNode = await explorer.organizationNode(connection).environments.ensureItem(environment);
    if (!(envNode instanceof EnvironmentNode)) throw new Error(l10n.t({ message: 'Environment {0} has no node.', args: [environment.id], comment: ['{0} is an environment ID'] }));
    return envNode.clusters.ensureItem(cluster);
  },
  cascade: (id) => ({ kafkaCluster: byId(id), apiKey: (item) => asKey(item).spec.resource?.id === id, roleBinding: bindingsInside('cloudCluster', id) }),
};

export const SERVICE_ACCOUNT_TREE: TreeKind<ServiceAccount> = {
  kind: 'serviceAccount',
  get noun(): string { return kindLabel('serviceAccount'); },
  locate: inOrganizationFolder((org) => org.serviceAccounts, (client, id, signal) => client.serviceAccounts.get(id, { signal })),
  cascade: ownerCascade('serviceAccount'),
};

export const USER_TREE: TreeKind<User> = {
  kind: 'user',
  get noun(): string { return kindLabel('user'); },
  locate: inOrganizationFolder((org) => org.users, (client, id, signal) => client.users.get(id, { signal })),
  cascade: ownerCascade('user'),
};

export const API_KEY_TREE: TreeKind<ApiKey> = {
  kind: 'apiKey',
  get noun(): string { return kindLabel('apiKey'); },
  locate: inOrganizationFolder((org) => org.apiKeys, (client, id, signal) => client.apiKeys.get(id, { signal })),
  cascade: (id) => ({ apiKey: byId(id) }),
};

/** The tree side of every kind shown in the explorer, by kind. */
export const TREE_KINDS: { readonly [K in ResourceKind]: TreeKind } = {
  environment: ENVIRONMENT_TREE,
  kafkaCluster: KAFKA_CLUSTER_TREE,
  serviceAccount: SERVICE_ACCOUNT_TREE,
  user: USER_TREE,
  apiKey: API_KEY_TREE,
  roleBinding: ROLE_BINDING_TREE,
};
