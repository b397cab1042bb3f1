/**
 * What "Copy as Terraform / CLI Command" exports: a tree node, a role binding, or an ID the hover
 * links to (`{ id, organization, kind }`), resolved to one {@link ExportTarget}.
 */
import type { OrgConnection } from '../auth/orgConnection';
import type { OrgRegistry } from '../auth/orgRegistry';
import type { ApiKey } from '../cloud/schemas/apiKey';
import { ResourceNode } from '../explorer/nodes/explorerNode';
import type { ExportTarget, RoleBindingShape } from './terraform';
import type { LookupMatch, ResourceLookup } from './resourceLookup';

function isRoleBinding(value: unknown): value is RoleBindingShape {
  const v = value as Partial<Record<keyof RoleBindingShape, unknown>> | null;
  return typeof v === 'object' && v !== null && typeof v.id === 'string' && typeof v.principal === 'string'
    && typeof v.role_name === 'string' && typeof v.crn_pattern === 'string';
}

/**
 * A role binding in any of the shapes a caller may hand over: the binding itself, or a tree node
 * carrying it as `roleBinding` or `resource` (the role-binding nodes are not part of the tree yet).
 */
export function roleBindingOf(value: unknown): RoleBindingShape | undefined {
  if (isRoleBinding(value)) return value;
  const holder = value as { roleBinding?: unknown; resource?: unknown } | null;
  if (typeof holder !== 'object' || holder === null) return undefined;
  if (isRoleBinding(holder.roleBinding)) return holder.roleBinding;
  if (isRoleBinding(holder.resource)) return holder.resource;
  return undefined;
}

/** The export target for a looked-up resource, or undefined for kinds with no Terraform resource (users). */
export function targetOfMatch(match: LookupMatch): ExportTarget | undefined {
  switch (match.kind) {
    case 'environment': return { kind: 'environment', resource: match.resource };
    case 'kafkaCluster': return { kind: 'kafkaCluster', resource: match.resource };
    case 'serviceAccount': return { kind: 'serviceAccount', resource: match.resource };
    case 'apiKey': return { kind: 'apiKey', resource: match.resource };
    case 'user': return undefined;
  }
}

/** The export target of a tree node. */
export function targetOfNode(node: ResourceNode<{ id: string }>): ExportTarget | undefined {
  const resource: unknown = node.resource;
  switch (node.kind) {
    case 'environment': return { kind: 'environment', resource: resource as Extract<ExportTarget, { kind: 'environment' }>['resource'] };
    case 'kafkaCluster': return { kind: 'kafkaCluster', resource: resource as Extract<ExportTarget, { kind: 'kafkaCluster' }>['resource'] };
    case 'serviceAccount': return { kind: 'serviceAccount', resource: resource as Extract<ExportTarget, { kind: 'serviceAccount' }>['resource'] };
    case 'apiKey': return { kind: 'apiKey', resource: resource as ApiKey };
    // Users have no Terraform resource; role-binding nodes are matched by shape in resolveExportTarget.
    default: return undefined;
  }
}

/** A hover link's arguments. */
interface LinkArgs {
  id: string;
  organization?: string;
  kind?: string;
}

function isLinkArgs(value: unknown): value is LinkArgs {
  return typeof value === 'object' && value !== null && !(value instanceof ResourceNode) && typeof (value as { id?: unknown }).id === 'string';
}

const LOOKUP_KINDS = new Set(['environment', 'kafkaCluster', 'serviceAccount', 'user', 'apiKey']);

/** The connection a link names (by connection ID, organization ID or label). */
export function connectionNamed(registry: OrgRegistry, name: string | undefined): OrgConnection | undefined {
  if (name === undefined) return undefined;
  return registry.list().find((c) => c.id === name || c.orgId === name || c.label === name);
}

/**
 * Resolves the argument of a copy/reveal command: a role binding, a tree node, or link arguments
 * looked up (in the named organization, or in every one). Undefined when nothing matches.
 */
export async function resolveExportTarget(arg: unknown, registry: OrgRegistry, lookup: ResourceLookup): Promise<ExportTarget | undefined> {
  const binding = roleBindingOf(arg);
  if (binding) return { kind: 'roleBinding', resource: binding };
  if (arg instanceof ResourceNode) return targetOfNode(arg);
  const match = isLinkArgs(arg) ? await resolveMatch(arg, registry, lookup) : undefined;
  return match ? targetOfMatch(match) : undefined;
}

/** Looks link arguments up and returns the first match (in the named organization when given). */
export async function resolveMatch(arg: LinkArgs, registry: OrgRegistry, lookup: ResourceLookup): Promise<LookupMatch | undefined> {
  const kind = arg.kind ?? '';
  if (!LOOKUP_KINDS.has(kind)) return undefined;
  const lookupKind = kind as Parameters<ResourceLookup['lookup']>[0];
  const connection = connectionNamed(registry, arg.organization);
  const result = connection ? await lookup.lookupIn(connection, lookupKind, arg.id) : await lookup.lookup(lookupKind, arg.id);
  return result.status === 'found' ? result.matches[0] : undefined;
}
