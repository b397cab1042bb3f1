import * as l10n from '@vscode/l10n';
import type { OrgConnection } from '../auth/orgConnection';
import { AccessFolderNode } from '../explorer/nodes/accessFolderNode';
import { EnvironmentNode } from '../explorer/nodes/environmentNode';
import { ExplorerNode } from '../explorer/nodes/explorerNode';
import { KafkaClusterNode } from '../explorer/nodes/kafkaClusterNode';
import { ServiceAccountNode } from '../explorer/nodes/serviceAccountNode';
import { UserNode } from '../explorer/nodes/userNode';
import { principalFor } from '../explorer/accessText';

/** What Grant Role… takes from where it was invoked (never asked again). */
export interface GrantPreset {
  readonly principal?: string;
  readonly principal_name?: string;
  readonly scope_kind?: string;
  readonly environment?: string;
  readonly environment_name?: string;
  readonly cluster?: string;
  readonly cluster_name?: string;
  readonly within_cluster?: string;
}

/**
 * A reference that presets a grant, e.g. the "Grant Access…" offered after Create API Key:
 * `{ organization, principal: 'sa-…', cluster: 'lkc-…', environment: 'env-…' }` plus names.
 */
export interface GrantRef extends GrantPreset {
  readonly organization?: string;
}

/**
 * The preset of a grant invoked on a node: a service account or user fixes the principal, an
 * environment or cluster the scope (a cluster still lets the user pick a topic inside it), an
 * Access folder whatever its parent fixes.
 */
export function grantPreset(connection: OrgConnection, arg: unknown): GrantPreset {
  if (arg instanceof AccessFolderNode) return arg.parent ? grantPreset(connection, arg.parent) : {};
  if (arg instanceof ServiceAccountNode) return { principal: `User:${arg.resource.id}`, principal_name: arg.resource.display_name };
  if (arg instanceof UserNode) return { principal: `User:${arg.resource.id}`, principal_name: arg.resource.full_name?.trim() || arg.resource.email };
  if (arg instanceof EnvironmentNode) return { scope_kind: 'environment', environment: arg.resource.id, environment_name: arg.resource.display_name };
  if (arg instanceof KafkaClusterNode) {
    const env = environmentNodeOf(arg);
    return {
      cluster: arg.resource.id, cluster_name: arg.resource.spec.display_name, environment: arg.environmentId,
      ...(env ? { environment_name: env.resource.display_name } : {}), within_cluster: arg.resource.id,
    };
  }
  if (arg instanceof ExplorerNode || typeof arg !== 'object' || arg === null) return {};
  const ref = arg as GrantRef;
  const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
  const principal = text(ref.principal);
  const cluster = text(ref.cluster);
  return {
    ...(principal ? { principal: principalFor(principal), ...(text(ref.principal_name) ? { principal_name: text(ref.principal_name) } : {}) } : {}),
    ...(cluster && text(ref.environment) ? {
      cluster, environment: text(ref.environment), within_cluster: cluster,
      ...(text(ref.cluster_name) ? { cluster_name: text(ref.cluster_name) } : {}),
      ...(text(ref.environment_name) ? { environment_name: text(ref.environment_name) } : {}),
    } : {}),
  };
}

function environmentNodeOf(node: ExplorerNode): EnvironmentNode | undefined {
  let at: ExplorerNode | undefined = node.parent;
  while (at && !(at instanceof EnvironmentNode)) at = at.parent;
  return at;
}

/** The Confluent organization ID of a connection: from its profile, or one request. */
export async function organizationIdOf(connection: OrgConnection, signal?: AbortSignal): Promise<string> {
  if (connection.orgId) return connection.orgId;
  const id = (await connection.client.organizations.listPage({ pageSize: 1, signal })).items[0]?.id;
  if (!id) throw new Error(l10n.t('The API key of {0} sees no organization.', connection.label));
  return id;
}
