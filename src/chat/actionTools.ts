/**
 * Act tools: create a service account, create or delete an API key, grant or revoke a role.
 * Each one names the exact change in its confirmation, then runs the same command the explorer
 * runs, as automation (`executeCommand(id, target, inputs)`), so validation, single-flight,
 * uncertain-failure lookups, tree updates and the one-time secret view are the commands' own.
 * A created key's secret goes to the secret view only; results carry IDs and names, never it.
 */
import * as l10n from '@vscode/l10n';
import type { Outcome } from '../commands/commandOutcome';
import { ResourceCommand } from '../commands/resourceCommandIds';
import type { ApiKey } from '../cloud/schemas/apiKey';
import type { ServiceAccount } from '../cloud/schemas/serviceAccount';
import { inert, lines } from './chatText';
import { environmentOfCluster } from './clusterEnvironment';
import { organizationHeader, resolveConnection, type OrganizationInput, type ToolConnection } from './toolContext';
import { type ErrorHints, failedOutcomeText, ToolInputError } from './toolErrors';
import { ChatTool } from './toolNames';
import { apiKeyRow } from './listTools';
import type { ChatToolSpec } from './toolSpec';

// Tool results (outcomeText and the run functions) are text for the language model and stay
// English; progress texts and the confirmations a person reads are translated.

export interface CreateServiceAccountInput extends OrganizationInput {
  readonly display_name: string;
  readonly description?: string | undefined;
}

export interface CreateApiKeyInput extends OrganizationInput {
  /** `sa-…` or `u-…`. */
  readonly owner: string;
  /** `lkc-…` for a Kafka cluster key, or `cloud` for a Cloud API key. */
  readonly resource: string;
  readonly environment?: string | undefined;
  readonly display_name?: string | undefined;
  readonly description?: string | undefined;
}

export interface DeleteApiKeyInput extends OrganizationInput {
  readonly key: string;
}

/** Turns a command's outcome into the tool result. */
export function outcomeText<T>(outcome: unknown, hints: ErrorHints, done: (value: T, recovered: boolean) => string): string {
  if (outcome === undefined || outcome === null || typeof outcome !== 'object') {
    return 'Failed: the command stopped with an error that it showed to the user in a notification (or the same command was already running). Ask the user what it said; do not retry blindly.';
  }
  const o = outcome as Outcome<T>;
  if (o.status === 'cancelled') return 'Cancelled: nothing was changed.';
  if (o.status === 'done') return done(o.value, o.recovered === true);
  return failedOutcomeText(o, hints);
}

/** A name for the confirmation, read without side effects; the ID alone when it can't be read. */
async function principalName(connection: ToolConnection, id: string, signal: AbortSignal): Promise<string> {
  try {
    if (id.startsWith('sa-')) return l10n.t('service account {0} {1}', inert(id), inert((await connection.client.serviceAccounts.get(id, { signal })).display_name));
    if (id.startsWith('u-')) {
      const user = await connection.client.users.get(id, { signal });
      return l10n.t('user {0} {1}', inert(id), inert(user.full_name || user.email));
    }
  } catch {
    // The command reports a missing owner precisely; the confirmation still names the ID.
  }
  return inert(id);
}

/** "organization `Acme` (`9bb4…`)" for confirmations. */
function orgName(connection: ToolConnection): string {
  return connection.orgId
    ? l10n.t('organization {0} ({1})', inert(connection.label), inert(connection.orgId))
    : l10n.t('organization {0}', inert(connection.label));
}

const ACCOUNT_ROLE = 'AccountAdmin (or OrganizationAdmin)';

export const createServiceAccountTool: ChatToolSpec<CreateServiceAccountInput> = {
  name: ChatTool.createServiceAccount,
  hints: { role: ACCOUNT_ROLE },
  invocationMessage: (i) => l10n.t('Creating service account {0}', i.display_name),
  confirm: async (input, ctx) => {
    const connection = resolveConnection(ctx, input);
    return {
      title: l10n.t('Create a service account?'),
      message: input.description
        ? l10n.t('Creates service account {0} with description {1} in {2}. It has no role bindings and no API keys yet.', inert(input.display_name), inert(input.description), orgName(connection))
        : l10n.t('Creates service account {0} in {1}. It has no role bindings and no API keys yet.', inert(input.display_name), orgName(connection)),
    };
  },
  run: async (input, ctx, signal) => {
    if (!input.display_name?.trim()) throw new ToolInputError('"display_name" is required.');
    const connection = resolveConnection(ctx, input);
    const outcome = await ctx.executeCommand(ResourceCommand.createServiceAccount, { organization: connection.id }, {
      display_name: input.display_name, description: input.description ?? '',
    });
    const header = await organizationHeader(connection, signal);
    return lines(header, outcomeText<ServiceAccount>(outcome, { role: ACCOUNT_ROLE }, (sa, recovered) =>
      `${recovered ? 'The service account was created despite an error' : 'Created service account'} ${inert(sa.id)} ${inert(sa.display_name)}. It has no role bindings yet; grant one before creating keys for it.`));
  },
};

/** The cluster's environment, looked up when the input leaves it out (the command would scan too). */
async function clusterEnvironment(connection: ToolConnection, clusterId: string, given: string | undefined, signal: AbortSignal): Promise<string> {
  if (given?.trim()) return given.trim();
  const found = await environmentOfCluster(connection, clusterId, signal);
  if (found) return found;
  const org = `organization ${inert(connection.label)}${connection.orgId ? ` (${inert(connection.orgId)})` : ''}`;
  throw new ToolInputError(`no Kafka cluster ${inert(clusterId)} exists in ${org}; list clusters with ${ChatTool.listKafkaClusters}.`);
}

function isCloudResource(resource: string): boolean {
  return /^(cloud|null|none)$/i.test(resource.trim());
}

/** What a new key is for, in the confirmation. */
function keyResourceText(resource: string, environment?: string): string {
  if (isCloudResource(resource)) return l10n.t('the Cloud APIs (a Cloud API key, organization-wide)');
  return environment
    ? l10n.t('Kafka cluster {0} in environment {1}', inert(resource.trim()), inert(environment))
    : l10n.t('Kafka cluster {0}', inert(resource.trim()));
}

const KEY_ROLE = 'a role that can create API keys for this owner (AccountAdmin, OrganizationAdmin or ResourceKeyAdmin)';

export const createApiKeyTool: ChatToolSpec<CreateApiKeyInput> = {
  name: ChatTool.createApiKey,
  hints: { role: KEY_ROLE },
  invocationMessage: (i) => l10n.t('Creating an API key for {0}', i.owner),
  confirm: async (input, ctx, signal) => {
    const connection = resolveConnection(ctx, input);
    const owner = await principalName(connection, input.owner.trim(), signal);
    const resource = keyResourceText(input.resource, input.environment);
    return {
      title: l10n.t('Create an API key?'),
      message: input.display_name
        ? l10n.t({
          message: 'Creates an API key owned by {0} for {1} in {2}, named {3}. The key acts with the owner\'s role bindings. Its secret is shown once, in a separate editor tab; it is never sent to the chat.',
          args: [owner, resource, orgName(connection), inert(input.display_name)],
          comment: ['{0} is the owner ("service account `sa-1` `payments`"), {1} the resource ("Kafka cluster `lkc-1`"), {2} the organization'],
        })
        : l10n.t({
          message: 'Creates an API key owned by {0} for {1} in {2}. The key acts with the owner\'s role bindings. Its secret is shown once, in a separate editor tab; it is never sent to the chat.',
          args: [owner, resource, orgName(connection)],
          comment: ['{0} is the owner ("service account `sa-1` `payments`"), {1} the resource ("Kafka cluster `lkc-1`"), {2} the organization'],
        }),
    };
  },
  run: async (input, ctx, signal) => {
    const owner = input.owner?.trim();
    const resource = input.resource?.trim();
    if (!owner) throw new ToolInputError('"owner" (sa-… or u-…) is required.');
    if (!resource) throw new ToolInputError('"resource" is required: an lkc-… cluster ID, or "cloud" for a Cloud API key.');
    const connection = resolveConnection(ctx, input);
    const cloud = isCloudResource(resource);
    const environment = cloud ? undefined : await clusterEnvironment(connection, resource, input.environment, signal);
    const outcome = await ctx.executeCommand(ResourceCommand.createApiKey, { organization: connection.id }, {
      owner, resource: cloud ? null : resource, ...(environment ? { environment } : {}),
      display_name: input.display_name ?? '', description: input.description ?? '',
    });
    return lines(await organizationHeader(connection, signal), outcomeText<ApiKey>(outcome, { role: KEY_ROLE }, (key, recovered) => {
      const summary = apiKeyRow({ ...key, spec: { ...key.spec, secret: undefined } }).slice(2);
      return recovered
        ? `The API key was created despite an error, but its secret never arrived, so it can't be used: ${summary}. The user was offered to delete it.`
        : `Created API key ${summary}. The secret is shown once in the "API Key Secret" editor tab, not here: ask the user to copy it from there and store it safely.`;
    }));
  },
};

export const deleteApiKeyTool: ChatToolSpec<DeleteApiKeyInput> = {
  name: ChatTool.deleteApiKey,
  hints: { role: KEY_ROLE.replace('create', 'delete') },
  invocationMessage: (i) => l10n.t('Deleting API key {0}', i.key),
  confirm: async (input, ctx, signal) => {
    const connection = resolveConnection(ctx, input);
    const id = inert(input.key.trim());
    const org = orgName(connection);
    let message = l10n.t('Deletes API key {0} in {1}. Applications using it stop working immediately. This cannot be undone.', id, org);
    try {
      const key = await connection.client.apiKeys.get(input.key.trim(), { signal });
      const owner = inert(key.spec.owner.id);
      const resource = key.spec.resource ? l10n.t('resource {0}', inert(key.spec.resource.id)) : l10n.t('the Cloud APIs');
      message = key.spec.display_name
        ? l10n.t('Deletes API key {0} {1}, owned by {2}, for {3}, in {4}. Applications using it stop working immediately. This cannot be undone.', id, inert(key.spec.display_name), owner, resource, org)
        : l10n.t('Deletes API key {0}, owned by {1}, for {2}, in {3}. Applications using it stop working immediately. This cannot be undone.', id, owner, resource, org);
    } catch {
      // Named by ID only; the delete itself reports a missing key.
    }
    return { title: l10n.t('Delete an API key?'), message };
  },
  run: async (input, ctx, signal) => {
    const id = input.key?.trim();
    if (!id) throw new ToolInputError('"key" (the API key ID) is required.');
    const connection = resolveConnection(ctx, input);
    // Read first: a wrong ID is answered here as a 404 the model can act on.
    const key = await connection.client.apiKeys.get(id, { signal });
    const outcome = await ctx.executeCommand(ResourceCommand.deleteApiKey, { id: key.id, organization: connection.id }, { confirm: true });
    return lines(await organizationHeader(connection, signal), outcomeText<{ id: string }>(outcome, { role: KEY_ROLE.replace('create', 'delete') }, (_v, recovered) =>
      `Deleted API key ${inert(key.id)} (owner ${inert(key.spec.owner.id)})${recovered ? ' (confirmed after an error)' : ''}.`));
  },
};
