// Renders stored records as API objects: envelope, metadata with full `self` URLs and CRNs, and the
// typed references (`related` + `resource_name`) that API keys and clusters point through.

import type { Context } from './api';
import { clusterCrn, environmentCrn, invitationCrn, organizationCrn, serviceAccountCrn, userCrn, apiKeyCrn } from './crn';
import { applyItemDrift } from './drift';
import { roleBindingResourceName } from './roleBindingCrn';
import type { ApiKey, Cluster, Environment, Invitation, Organization, RoleBinding, ServiceAccount, Stamped, User } from './state';

type Json = Record<string, unknown>;

function metadata(self: string, resourceName: string, stamped: Stamped): Json {
  return { self, resource_name: resourceName, created_at: stamped.createdAt, updated_at: stamped.updatedAt };
}

function envelope(ctx: Context, apiVersion: string, kind: string, id: string, path: string, crn: string, stamped: Stamped, rest: Json): Json {
  return applyItemDrift(ctx, { api_version: apiVersion, kind, id, metadata: metadata(`${ctx.baseUrl}${path}`, crn, stamped), ...rest }, id);
}

export function organizationView(ctx: Context, org: Organization): Json {
  return envelope(ctx, 'org/v2', 'Organization', org.id, `/org/v2/organizations/${org.id}`, organizationCrn(org.id), org,
    { display_name: org.displayName, jit_enabled: org.jitEnabled });
}

export function environmentView(ctx: Context, env: Environment): Json {
  return envelope(ctx, 'org/v2', 'Environment', env.id, `/org/v2/environments/${encodeURIComponent(env.id)}`,
    environmentCrn(ctx.store.orgId, env.id), env, {
      display_name: env.displayName,
      ...(env.streamGovernance === undefined ? {} : { stream_governance_config: { package: env.streamGovernance } }),
    });
}

export function clusterView(ctx: Context, cluster: Cluster): Json {
  const host = `${cluster.endpointId}.${cluster.region}.${cluster.cloud.toLowerCase()}.confluent.cloud`;
  const env = cluster.environmentId;
  return envelope(ctx, 'cmk/v2', 'Cluster', cluster.id, `/cmk/v2/clusters/${encodeURIComponent(cluster.id)}`,
    clusterCrn(ctx.store.orgId, env, cluster.id), cluster, {
      spec: {
        display_name: cluster.displayName,
        availability: cluster.availability,
        cloud: cluster.cloud,
        region: cluster.region,
        config: cluster.kind === 'Dedicated' ? { kind: 'Dedicated', cku: cluster.cku ?? 2 } : { kind: cluster.kind },
        kafka_bootstrap_endpoint: `SASL_SSL://${host}:9092`,
        http_endpoint: `https://${host}:443`,
        api_endpoint: `https://${cluster.endpointId.replace('pkc-', 'pkac-')}.${cluster.region}.${cluster.cloud.toLowerCase()}.confluent.cloud`,
        environment: { id: env, related: `${ctx.baseUrl}/org/v2/environments/${env}`, resource_name: environmentCrn(ctx.store.orgId, env) },
      },
      status: { phase: cluster.phase, ...(cluster.kind === 'Dedicated' ? { cku: cluster.cku ?? 2 } : {}) },
    });
}

export function serviceAccountView(ctx: Context, sa: ServiceAccount): Json {
  return envelope(ctx, 'iam/v2', 'ServiceAccount', sa.id, `/iam/v2/service-accounts/${encodeURIComponent(sa.id)}`,
    serviceAccountCrn(ctx.store.orgId, sa.id), sa, { display_name: sa.displayName, description: sa.description });
}

export function userView(ctx: Context, user: User): Json {
  return envelope(ctx, 'iam/v2', 'User', user.id, `/iam/v2/users/${encodeURIComponent(user.id)}`,
    userCrn(ctx.store.orgId, user.id), user, { email: user.email, full_name: user.fullName, auth_type: user.authType });
}

export function invitationView(ctx: Context, inv: Invitation): Json {
  const org = ctx.store.orgId;
  return envelope(ctx, 'iam/v2', 'Invitation', inv.id, `/iam/v2/invitations/${encodeURIComponent(inv.id)}`,
    invitationCrn(org, inv.id), inv, {
      email: inv.email,
      auth_type: inv.authType,
      status: inv.status,
      accepted_at: inv.status === 'INVITE_STATUS_ACCEPTED' ? inv.updatedAt : null,
      expires_at: inv.expiresAt,
      user: { id: inv.userId, related: `${ctx.baseUrl}/iam/v2/users/${inv.userId}`, resource_name: userCrn(org, inv.userId) },
      creator: { id: inv.creatorId, related: `${ctx.baseUrl}/iam/v2/users/${inv.creatorId}`, resource_name: userCrn(org, inv.creatorId) },
    });
}

export function ownerRef(ctx: Context, ownerId: string): Json {
  const isServiceAccount = ownerId.startsWith('sa-');
  const org = ctx.store.orgId;
  return {
    id: ownerId,
    related: `${ctx.baseUrl}/iam/v2/${isServiceAccount ? 'service-accounts' : 'users'}/${encodeURIComponent(ownerId)}`,
    resource_name: isServiceAccount ? serviceAccountCrn(org, ownerId) : userCrn(org, ownerId),
    api_version: 'iam/v2',
    kind: isServiceAccount ? 'ServiceAccount' : 'User',
  };
}

export function resourceRef(ctx: Context, resourceId: string | null): Json | null {
  if (resourceId === null) return null;
  const cluster = ctx.store.clusters.get(resourceId);
  const env = cluster?.environmentId ?? '';
  return {
    id: resourceId,
    environment: env,
    related: `${ctx.baseUrl}/cmk/v2/clusters/${encodeURIComponent(resourceId)}`,
    resource_name: clusterCrn(ctx.store.orgId, env, resourceId),
    api_version: 'cmk/v2',
    kind: 'Cluster',
  };
}

export function apiKeyView(ctx: Context, key: ApiKey, secret?: string): Json {
  return envelope(ctx, 'iam/v2', 'ApiKey', key.id, `/iam/v2/api-keys/${encodeURIComponent(key.id)}`,
    apiKeyCrn(ctx.store.orgId, key.ownerId, key.id), key, {
      spec: {
        ...(secret === undefined ? {} : { secret }),
        display_name: key.displayName,
        description: key.description,
        owner: ownerRef(ctx, key.ownerId),
        resource: resourceRef(ctx, key.resourceId),
      },
    });
}

export function roleBindingView(ctx: Context, rb: RoleBinding): Json {
  return envelope(ctx, 'iam/v2', 'RoleBinding', rb.id, `/iam/v2/role-bindings/${encodeURIComponent(rb.id)}`,
    roleBindingResourceName(ctx.store.orgId, rb.id), rb, { principal: rb.principal, role_name: rb.roleName, crn_pattern: rb.crnPattern });
}
