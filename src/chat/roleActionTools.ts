/**
 * Grant Role and Revoke Role for the chat. Like the other act tools they confirm the exact change
 * (principal, role, scope and its CRN pattern) and then run the explorer's commands as automation:
 * `confluentCloud.grantRole({ organization }, { principal, role_name, crn_pattern })` and
 * `confluentCloud.revokeRole({ id, organization }, { confirm: true })`.
 */
import {
  buildCrnPattern, clusterScope, type CrnPattern, environmentScope, kafkaResourceScope, organizationScope, parseCrnPattern, scopeLevel,
} from '../cloud/crn';
import { roleAllowedAt, roleInfo } from '../cloud/roleCatalogue';
import { AccessCommand } from '../commands/accessCommandIds';
import type { RoleBinding } from '../cloud/schemas/roleBinding';
import { describeScope } from './accessTools';
import { outcomeText } from './actionTools';
import { inert, lines } from './chatText';
import { getBinding, principalOf } from './roleBindingSource';
import { organizationHeader, organizationId, resolveConnection, type OrganizationInput, type ToolConnection } from './toolContext';
import { ToolInputError } from './toolErrors';
import { ChatTool } from './toolNames';
import type { ChatToolSpec } from './toolSpec';

const GRANT_ROLE_COMMAND = AccessCommand.grantRole;
const REVOKE_ROLE_COMMAND = AccessCommand.revokeRole;

export interface GrantRoleInput extends OrganizationInput {
  readonly principal: string;
  readonly role: string;
  readonly environment?: string | undefined;
  readonly cluster?: string | undefined;
  readonly topic?: string | undefined;
  readonly consumerGroup?: string | undefined;
  readonly crnPattern?: string | undefined;
}

export interface RevokeRoleInput extends OrganizationInput {
  readonly binding: string;
}

const RBAC_ROLE = 'a role that can manage role bindings (AccountAdmin, OrganizationAdmin, or EnvironmentAdmin/CloudClusterAdmin/ResourceOwner for their scope)';

async function environmentOf(connection: ToolConnection, clusterId: string, signal: AbortSignal): Promise<string> {
  for await (const envPage of connection.client.environments.pages({ pageSize: 100, signal })) {
    for (const env of envPage.items) {
      for await (const page of connection.client.kafkaClusters.pages({ environment: env.id, pageSize: 100, signal })) {
        if (page.items.some((c) => c.id === clusterId)) return env.id;
      }
    }
  }
  throw new ToolInputError(`no Kafka cluster ${inert(clusterId)} was found in any environment.`);
}

/** The one scope the binding is made at, from a CRN pattern or from the scope fields. */
async function grantScope(connection: ToolConnection, input: GrantRoleInput, signal: AbortSignal): Promise<CrnPattern> {
  if (input.crnPattern?.trim()) {
    const parsed = parseCrnPattern(input.crnPattern);
    if (!parsed.ok) throw new ToolInputError(`"crnPattern" is not valid: ${parsed.message}.`);
    if (parsed.pattern.nested) throw new ToolInputError('"crnPattern" must name one scope; a trailing /* is only for listing.');
    return parsed.pattern;
  }
  const org = await organizationId(connection, signal);
  const cluster = input.cluster?.trim();
  const topic = input.topic?.trim();
  const group = input.consumerGroup?.trim();
  if ((topic || group) && !cluster) throw new ToolInputError('"topic" and "consumerGroup" need "cluster".');
  if (topic && group) throw new ToolInputError('pass either "topic" or "consumerGroup", not both.');
  if (!cluster) return input.environment?.trim() ? environmentScope(org, input.environment.trim()) : organizationScope(org);
  const environment = input.environment?.trim() || await environmentOf(connection, cluster, signal);
  if (topic) return kafkaResourceScope(org, environment, cluster, 'topic', topic);
  if (group) return kafkaResourceScope(org, environment, cluster, 'group', group);
  return clusterScope(org, environment, cluster);
}

function checkRole(role: string, scope: CrnPattern): void {
  const level = scopeLevel(scope);
  if (roleAllowedAt(role, level) === false) {
    throw new ToolInputError(`${inert(role)} can't be granted on ${level === 'cloud-cluster' ? 'a cluster' : `the ${level} level`}; it binds at ${roleInfo(role)!.levels.join(', ')}.`);
  }
}

export const grantRoleTool: ChatToolSpec<GrantRoleInput> = {
  name: ChatTool.grantRole,
  hints: { role: RBAC_ROLE },
  invocationMessage: (i) => `Granting ${i.role} to ${i.principal}`,
  confirm: async (input, ctx, signal) => {
    const connection = resolveConnection(ctx, input);
    const scope = await grantScope(connection, input, signal);
    return {
      title: 'Grant a role?',
      message: `Grants role ${inert(input.role)} to ${inert(principalOf(input.principal))} on ${describeScope(scope)} in organization ${inert(connection.label)}. CRN pattern: ${inert(buildCrnPattern(scope), 400)}.`,
    };
  },
  run: async (input, ctx, signal) => {
    if (!input.principal?.trim() || !input.role?.trim()) throw new ToolInputError('"principal" and "role" are required.');
    const connection = resolveConnection(ctx, input);
    const scope = await grantScope(connection, input, signal);
    checkRole(input.role.trim(), scope);
    const outcome = await ctx.executeCommand(GRANT_ROLE_COMMAND, { organization: connection.id }, {
      principal: principalOf(input.principal), role_name: input.role.trim(), crn_pattern: buildCrnPattern(scope),
    });
    return lines(await organizationHeader(connection, signal), outcomeText<RoleBinding & { existing?: true }>(outcome, { role: RBAC_ROLE }, (rb) => (rb.existing
      ? `${inert(rb.principal)} already has ${inert(rb.role_name)} on ${describeScope(scope)} (binding ${inert(rb.id)}); nothing was changed.`
      : `Granted ${inert(rb.role_name)} to ${inert(rb.principal)} on ${describeScope(scope)} (binding ${inert(rb.id)}). A new binding can take a little while to take effect.`)));
  },
};

export const revokeRoleTool: ChatToolSpec<RevokeRoleInput> = {
  name: ChatTool.revokeRole,
  hints: { role: RBAC_ROLE },
  invocationMessage: (i) => `Revoking role binding ${i.binding}`,
  confirm: async (input, ctx, signal) => {
    const connection = resolveConnection(ctx, input);
    let what = `role binding ${inert(input.binding)}`;
    try {
      const rb = await getBinding(connection, input.binding.trim(), signal);
      const parsed = parseCrnPattern(rb.crn_pattern);
      what = `role ${inert(rb.role_name)} from ${inert(rb.principal)} on ${parsed.ok ? describeScope(parsed.pattern) : inert(rb.crn_pattern, 300)} (binding ${inert(rb.id)})`;
    } catch {
      // Named by ID only; the revoke itself reports a missing binding.
    }
    return { title: 'Revoke a role?', message: `Removes ${what} in organization ${inert(connection.label)}. The principal loses what this binding granted.` };
  },
  run: async (input, ctx, signal) => {
    const id = input.binding?.trim();
    if (!id) throw new ToolInputError('"binding" (rb-…) is required; find it with the access tools.');
    const connection = resolveConnection(ctx, input);
    const rb = await getBinding(connection, id, signal);
    const outcome = await ctx.executeCommand(REVOKE_ROLE_COMMAND, { id: rb.id, organization: connection.id }, { confirm: true });
    return lines(await organizationHeader(connection, signal), outcomeText<unknown>(outcome, { role: RBAC_ROLE }, () =>
      `Revoked ${inert(rb.role_name)} from ${inert(rb.principal)} (binding ${inert(rb.id)}).`));
  },
};
