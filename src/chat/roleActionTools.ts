/**
 * Grant Role and Revoke Role for the chat. Like the other act tools they confirm the exact change
 * (principal, role, scope and its CRN pattern) and then run the explorer's commands as automation:
 * `confluentCloud.grantRole({ organization }, { principal, role_name, crn_pattern })` and
 * `confluentCloud.revokeRole({ id, organization }, { confirm: true })`.
 */
import * as l10n from '@vscode/l10n';
import {
  buildCrnPattern, clusterScope, type CrnPattern, environmentScope, kafkaResourceScope, organizationScope, parseCrnPattern, scopeLevel,
} from '../cloud/crn';
import { roleAllowedAt, roleInfo } from '../cloud/roleCatalogue';
import { AccessCommand } from '../commands/accessCommandIds';
import type { RoleBinding } from '../cloud/schemas/roleBinding';
import { outcomeText } from './actionTools';
import { inert, lines } from './chatText';
import { environmentOfCluster } from './clusterEnvironment';
import { getBinding, principalOf } from './roleBindingSource';
import { organizationHeader, organizationId, resolveConnection, type OrganizationInput, type ToolConnection } from './toolContext';
import { describeScope, describeScopeForPerson } from './scopeText';
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

// Tool results are text for the language model and stay English; progress texts and the
// confirmations a person reads are translated.

const RBAC_ROLE = 'a role that can manage role bindings (AccountAdmin, OrganizationAdmin, or EnvironmentAdmin/CloudClusterAdmin/ResourceOwner for their scope)';

async function environmentOf(connection: ToolConnection, clusterId: string, signal: AbortSignal): Promise<string> {
  const found = await environmentOfCluster(connection, clusterId, signal);
  if (found) return found;
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
  invocationMessage: (i) => l10n.t('Granting {0} to {1}', i.role, i.principal),
  confirm: async (input, ctx, signal) => {
    const connection = resolveConnection(ctx, input);
    const scope = await grantScope(connection, input, signal);
    return {
      title: l10n.t('Grant a role?'),
      message: l10n.t({
        message: 'Grants role {0} to {1} on {2} in organization {3}. CRN pattern: {4}.',
        args: [inert(input.role), inert(principalOf(input.principal)), describeScopeForPerson(scope), inert(connection.label), inert(buildCrnPattern(scope), 400)],
        comment: ['{2} is a scope such as "cluster `lkc-1` in environment `env-1`"'],
      }),
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
  invocationMessage: (i) => l10n.t('Revoking role binding {0}', i.binding),
  confirm: async (input, ctx, signal) => {
    const connection = resolveConnection(ctx, input);
    const org = inert(connection.label);
    let message = l10n.t('Removes role binding {0} in organization {1}. The principal loses what this binding granted.', inert(input.binding), org);
    try {
      const rb = await getBinding(connection, input.binding.trim(), signal);
      const parsed = parseCrnPattern(rb.crn_pattern);
      message = l10n.t({
        message: 'Removes role {0} from {1} on {2} (binding {3}) in organization {4}. The principal loses what this binding granted.',
        args: [inert(rb.role_name), inert(rb.principal), parsed.ok ? describeScopeForPerson(parsed.pattern) : inert(rb.crn_pattern, 300), inert(rb.id), org],
        comment: ['{2} is a scope such as "cluster `lkc-1` in environment `env-1`" or a CRN pattern'],
      });
    } catch {
      // Named by ID only; the revoke itself reports a missing binding.
    }
    return { title: l10n.t('Revoke a role?'), message };
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
