/**
 * Explain-access tools: the role bindings of one principal across the organization, and who can
 * reach an environment, a Kafka cluster or a topic, with the bindings inherited from enclosing
 * scopes and prefix patterns marked as such. Reads `client.roleBindings`; never changes anything.
 */
import * as l10n from '@vscode/l10n';
import {
  buildCrnPattern, clusterScope, covers, type CrnPattern, environmentScope, kafkaResourceScope, organizationScope,
  parseCrnPattern, scopeLevel, withNested,
} from '../cloud/crn';
import { fitRows, inert, lines, moreLine } from './chatText';
import { environmentOfCluster } from './clusterEnvironment';
import { listBindings, principalOf, type RoleBindingLike } from './roleBindingSource';
import { organizationHeader, organizationId, resolveConnection, type OrganizationInput, type ToolConnection, type ToolContext } from './toolContext';
import { describeScope } from './scopeText';
import { ToolInputError } from './toolErrors';
import { ChatTool } from './toolNames';
import { type ChatToolSpec, limitOf } from './toolSpec';

// Tool results below are text for the language model and stay English; progress texts are translated.

export interface PrincipalAccessInput extends OrganizationInput {
  /** `sa-…`, `u-…`, `pool-…`, `group-…`, or an already typed `User:…`/`Group:…`. */
  readonly principal: string;
  readonly limit?: number | undefined;
  readonly pageToken?: string | undefined;
}

export interface ResourceAccessInput extends OrganizationInput {
  readonly environment?: string | undefined;
  readonly cluster?: string | undefined;
  /** A topic name in `cluster`. */
  readonly topic?: string | undefined;
  readonly limit?: number | undefined;
  readonly pageToken?: string | undefined;
}

const LEVEL_ORDER = ['organization', 'environment', 'cloud-cluster', 'schema-registry', 'topic', 'group', 'transactional-id', 'subject'];

function parsed(binding: RoleBindingLike): CrnPattern | undefined {
  const result = parseCrnPattern(binding.crn_pattern);
  return result.ok ? result.pattern : undefined;
}

function levelRank(binding: RoleBindingLike): number {
  const p = parsed(binding);
  return p ? LEVEL_ORDER.indexOf(scopeLevel(p)) : LEVEL_ORDER.length;
}

function scopeText(binding: RoleBindingLike): string {
  const p = parsed(binding);
  return p ? describeScope(p) : `pattern ${inert(binding.crn_pattern, 300)}`;
}

type OffsetCursor = { readonly kind: 'access'; readonly key: string; readonly offset: number };

function offsetFrom(ctx: ToolContext, input: { pageToken?: string | undefined }, key: string): number {
  if (!input.pageToken) return 0;
  return ctx.cursors.get(input.pageToken, (v): v is OffsetCursor => (v as OffsetCursor | undefined)?.kind === 'access' && (v as OffsetCursor).key === key).offset;
}

/** Shows rows[offset…offset+limit) and the continuation. */
function pageOf(ctx: ToolContext, tool: string, key: string, rows: readonly string[], offset: number, limit: number): string[] {
  const candidates = rows.slice(offset, offset + limit);
  const shown = candidates.slice(0, fitRows(candidates));
  const remaining = rows.length - offset - shown.length;
  const next = remaining > 0 ? ctx.cursors.put({ kind: 'access', key, offset: offset + shown.length } satisfies OffsetCursor) : undefined;
  return [...shown, moreLine(remaining, next, tool) ?? ''];
}

function roleCounts(bindings: readonly RoleBindingLike[]): string {
  const counts = new Map<string, number>();
  for (const b of bindings) counts.set(b.role_name, (counts.get(b.role_name) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([role, n]) => `${inert(role)} ×${n}`).join(', ');
}

const TRUNCATED = 'Only the first 1,000 bindings were read; the list may be incomplete.';

export const principalAccessTool: ChatToolSpec<PrincipalAccessInput> = {
  name: ChatTool.principalAccess,
  hints: { role: 'a role that can read role bindings (AccountAdmin, OrganizationAdmin)' },
  invocationMessage: (i) => l10n.t('Reading the role bindings of {0}', i.principal),
  run: async (input, ctx, signal) => {
    if (!input.principal?.trim()) throw new ToolInputError('"principal" is required, e.g. "sa-abc123" or "u-abc123".');
    const connection = resolveConnection(ctx, input);
    const principal = principalOf(input.principal);
    const org = await organizationId(connection, signal);
    const { bindings, truncated } = await listBindings(connection, { crnPattern: buildCrnPattern(withNested(organizationScope(org))), principal }, signal);
    const sorted = [...bindings].sort((a, b) => levelRank(a) - levelRank(b) || a.crn_pattern.localeCompare(b.crn_pattern));
    const rows = sorted.map((b) => `- ${inert(b.role_name)} on ${scopeText(b)} (binding ${inert(b.id)})`);
    const key = JSON.stringify([ChatTool.principalAccess, connection.id, principal]);
    const offset = offsetFrom(ctx, input, key);
    const who = `${inert(principal)}${await principalLabel(connection, principal, signal)}`;
    return lines(
      await organizationHeader(connection, signal),
      bindings.length === 0
        ? `${who} has no role bindings in this organization, so it can do nothing that needs RBAC (API keys alone grant no access).`
        : `${who} has ${bindings.length} role binding${bindings.length === 1 ? '' : 's'}: ${roleCounts(bindings)}. A binding on a scope also applies to everything inside it.`,
      truncated && TRUNCATED,
      ...pageOf(ctx, ChatTool.principalAccess, key, rows, offset, limitOf(input)),
    );
  },
};

/** " (`payments-service`)" for a service account or user, read best effort; "" otherwise. */
async function principalLabel(connection: ToolConnection, principal: string, signal: AbortSignal): Promise<string> {
  const id = principal.replace(/^User:/, '');
  try {
    if (id.startsWith('sa-')) return ` (${inert((await connection.client.serviceAccounts.get(id, { signal })).display_name)})`;
    if (id.startsWith('u-')) {
      const user = await connection.client.users.get(id, { signal });
      return ` (${inert(user.full_name || user.email)})`;
    }
  } catch {
    // The bindings are the answer; a name that can't be read (deleted, no permission) is left out.
  }
  return '';
}

/** The scope the question is about, from the input (the cluster's environment looked up if omitted). */
async function targetScope(connection: ToolConnection, input: ResourceAccessInput, signal: AbortSignal): Promise<CrnPattern> {
  const org = await organizationId(connection, signal);
  const cluster = input.cluster?.trim();
  const topic = input.topic?.trim();
  let environment = input.environment?.trim();
  if (topic && !cluster) throw new ToolInputError('"topic" needs "cluster" (the lkc-… ID of the topic\'s cluster).');
  if (!cluster) {
    if (!environment) throw new ToolInputError('pass "cluster" (lkc-…), optionally with "topic", or "environment" (env-…).');
    return environmentScope(org, environment);
  }
  environment ||= await environmentOfCluster(connection, cluster, signal);
  if (!environment) throw new ToolInputError(`no Kafka cluster ${inert(cluster)} was found in any environment; list clusters with ${ChatTool.listKafkaClusters}.`);
  return topic ? kafkaResourceScope(org, environment, cluster, 'topic', topic.replace(/\*+$/, '')) : clusterScope(org, environment, cluster);
}

/** How a binding reaches the target: on it, from an enclosing scope, through a prefix, or only inside it. */
function relation(binding: CrnPattern, target: CrnPattern): 'direct' | 'inherited' | 'prefix' | 'inside' {
  if (!covers(binding, target)) return 'inside';
  const same = buildCrnPattern(binding) === buildCrnPattern(target);
  if (same) return 'direct';
  return binding.resource?.prefix && scopeLevel(binding) === scopeLevel(target) ? 'prefix' : 'inherited';
}

const RELATION_ORDER = { direct: 0, prefix: 1, inherited: 2, inside: 3 } as const;

export const resourceAccessTool: ChatToolSpec<ResourceAccessInput> = {
  name: ChatTool.resourceAccess,
  hints: { role: 'a role that can read role bindings (AccountAdmin, OrganizationAdmin)' },
  invocationMessage: (i) => {
    const where = i.cluster ?? i.environment;
    if (i.topic) return l10n.t('Reading who has access to topic {0} in {1}', i.topic, where ?? l10n.t('the resource'));
    return where !== undefined ? l10n.t('Reading who has access to {0}', where) : l10n.t('Reading who has access to the resource');
  },
  run: async (input, ctx, signal) => {
    const connection = resolveConnection(ctx, input);
    const target = await targetScope(connection, input, signal);
    const org = target.organization;
    // Enclosing scopes are read exactly; the cluster (or environment) with everything inside it.
    const queries = [buildCrnPattern(organizationScope(org))];
    if (target.cloudCluster !== undefined) {
      queries.push(buildCrnPattern(environmentScope(org, target.environment!)));
      queries.push(buildCrnPattern(withNested(clusterScope(org, target.environment!, target.cloudCluster))));
    } else {
      queries.push(buildCrnPattern(withNested(environmentScope(org, target.environment!))));
    }
    const seen = new Map<string, { binding: RoleBindingLike; rel: ReturnType<typeof relation>; rank: number }>();
    let truncated = false;
    for (const crnPattern of queries) {
      const result = await listBindings(connection, { crnPattern }, signal);
      truncated ||= result.truncated;
      for (const binding of result.bindings) {
        const p = parsed(binding);
        if (!p || seen.has(binding.id)) continue;
        const rel = relation(p, target);
        // For a topic, bindings on other resources of its cluster are noise.
        if (rel === 'inside' && target.resource) continue;
        seen.set(binding.id, { binding, rel, rank: LEVEL_ORDER.indexOf(scopeLevel(p)) });
      }
    }
    const entries = [...seen.values()].sort((a, b) => RELATION_ORDER[a.rel] - RELATION_ORDER[b.rel] || a.rank - b.rank || a.binding.principal.localeCompare(b.binding.principal));
    const how = (e: (typeof entries)[number]): string => {
      if (e.rel === 'direct') return 'directly';
      if (e.rel === 'prefix') return `through the prefix binding on ${scopeText(e.binding)}`;
      if (e.rel === 'inherited') return `inherited from ${scopeText(e.binding)}`;
      return `only on ${scopeText(e.binding)} inside it`;
    };
    const rows = entries.map((e) => `- ${inert(e.binding.principal)} ${inert(e.binding.role_name)} ${how(e)} (binding ${inert(e.binding.id)})`);
    const principals = new Set(entries.filter((e) => e.rel !== 'inside').map((e) => e.binding.principal));
    const inside = entries.filter((e) => e.rel === 'inside').length;
    const key = JSON.stringify([ChatTool.resourceAccess, connection.id, buildCrnPattern(target)]);
    return lines(
      await organizationHeader(connection, signal),
      `Access to ${describeScope(target)}: ${principals.size} principal${principals.size === 1 ? '' : 's'} through ${entries.length - inside} binding${entries.length - inside === 1 ? '' : 's'}${inside ? `, plus ${inside} binding${inside === 1 ? '' : 's'} on resources inside it` : ''}.`,
      'OrganizationAdmin and EnvironmentAdmin bindings reach everything below them; prefix bindings reach every name that starts with the prefix.',
      truncated && TRUNCATED,
      ...pageOf(ctx, ChatTool.resourceAccess, key, rows, offsetFrom(ctx, input, key), limitOf(input)),
    );
  },
};
