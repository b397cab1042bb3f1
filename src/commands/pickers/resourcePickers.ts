import * as l10n from '@vscode/l10n';
import type * as vscode from 'vscode';
import type { StepResult } from '../../ui/multiStepInput';
import type { OrgConnection } from '../../auth/orgConnection';
import type { ApiKey } from '../../cloud/schemas/apiKey';
import type { Environment } from '../../cloud/schemas/environment';
import type { KafkaCluster } from '../../cloud/schemas/kafkaCluster';
import type { ServiceAccount } from '../../cloud/schemas/serviceAccount';
import type { User } from '../../cloud/schemas/user';
import { clusterDescription, oneLine } from '../../explorer/labels';
import type { StepPosition } from '../forms/formSpec';
import { pickText } from '../../ui/inertText';
import type { QuickInputFactory } from '../../ui/quickInputs';
import { pickPaged } from './pagedPicker';
import { nestedSource, tokenSource } from './pageSource';

/** Where a picker sits in a wizard; a standalone picker has no counter. */
export type PickerPosition = Partial<Pick<StepPosition, 'step' | 'totalSteps'>> & { readonly title: string };

/** What every picker needs: the organization and the page size from the settings. */
export interface PickerContext {
  readonly connection: OrgConnection;
  readonly pageSize: number;
  /** Where the QuickPicks come from (the composition root's {@link QuickInputFactory}). */
  readonly factory?: QuickInputFactory | undefined;
}

/** A Kafka cluster with the environment it lives in (for labels and API key resources). */
export interface ClusterChoice {
  readonly cluster: KafkaCluster;
  readonly environment: Pick<Environment, 'id' | 'display_name'>;
}

/** Owner of an API key. */
export type OwnerChoice =
  | { readonly kind: 'serviceAccount'; readonly serviceAccount: ServiceAccount }
  | { readonly kind: 'user'; readonly user: User };

/** Environments, paged. */
export function pickEnvironment(ctx: PickerContext, at: PickerPosition, placeholder = l10n.t('Select an environment')): Promise<StepResult<Environment>> {
  const { client } = ctx.connection;
  return pickPaged<Environment>({
    ...at, factory: ctx.factory, placeholder,
    emptyLabel: l10n.t('No environments'), loadFailed: (reason) => l10n.t("Couldn't load environments: {0}", reason),
    source: tokenSource((pageToken, signal) => client.environments.listPage({ pageSize: ctx.pageSize, pageToken, signal })),
    toItem: (env) => ({
      label: pickText(env.display_name), description: pickText(env.id),
      detail: env.stream_governance_config?.package
        ? l10n.t({ message: 'Stream Governance {0}', args: [pickText(env.stream_governance_config.package)], comment: ['{0} is the package name as the API spells it (ESSENTIALS)'] })
        : undefined,
    }),
    key: (env) => env.id,
  });
}

/** Service accounts, paged; typing a full display name also asks the server (exact match). */
export function pickServiceAccount(
  ctx: PickerContext, at: PickerPosition, placeholder = l10n.t('Select a service account (an exact name searches the server)'),
): Promise<StepResult<ServiceAccount>> {
  const { client } = ctx.connection;
  return pickPaged<ServiceAccount>({
    ...at, factory: ctx.factory, placeholder,
    emptyLabel: l10n.t('No service accounts'), loadFailed: (reason) => l10n.t("Couldn't load service accounts: {0}", reason),
    source: tokenSource((pageToken, signal) => client.serviceAccounts.listPage({ pageSize: ctx.pageSize, pageToken, signal })),
    search: (text) => tokenSource((pageToken, signal) => client.serviceAccounts.listPage({ pageSize: ctx.pageSize, pageToken, signal, displayName: text })),
    toItem: serviceAccountItem,
    key: (sa) => sa.id,
  });
}

/** Users, paged; typing filters the loaded pages (the API has no name filter). */
export function pickUser(ctx: PickerContext, at: PickerPosition, placeholder = l10n.t('Select a user')): Promise<StepResult<User>> {
  const { client } = ctx.connection;
  return pickPaged<User>({
    ...at, factory: ctx.factory, placeholder,
    emptyLabel: l10n.t('No users'), loadFailed: (reason) => l10n.t("Couldn't load users: {0}", reason),
    source: tokenSource((pageToken, signal) => client.users.listPage({ pageSize: ctx.pageSize, pageToken, signal })),
    toItem: userItem,
    key: (user) => user.id,
  });
}

/** API keys, paged; typing filters the loaded pages. */
export function pickApiKey(ctx: PickerContext, at: PickerPosition, placeholder = l10n.t('Select an API key')): Promise<StepResult<ApiKey>> {
  const { client } = ctx.connection;
  return pickPaged<ApiKey>({
    ...at, factory: ctx.factory, placeholder,
    emptyLabel: l10n.t('No API keys'), loadFailed: (reason) => l10n.t("Couldn't load API keys: {0}", reason),
    source: tokenSource((pageToken, signal) => client.apiKeys.listPage({ pageSize: ctx.pageSize, pageToken, signal })),
    toItem: (key) => ({
      label: pickText(key.id),
      description: pickText(oneLine(key.spec.display_name ?? undefined, 60)),
      detail: pickText(`${key.spec.owner.id} → ${key.spec.resource?.id ?? l10n.t('Cloud API key')}`),
    }),
    key: (key) => key.id,
  });
}

/**
 * Kafka clusters across every environment, with a leading choice (the Cloud API key) when given.
 * Environments are read page by page and each one's clusters page by page.
 */
export function pickCluster<T>(
  ctx: PickerContext,
  at: PickerPosition,
  wrap: (choice: ClusterChoice) => T,
  leading?: { item: vscode.QuickPickItem; value: T },
  placeholder = l10n.t('Select a Kafka cluster'),
): Promise<StepResult<T>> {
  const { client } = ctx.connection;
  const environments = tokenSource((pageToken, signal) => client.environments.listPage({ pageSize: ctx.pageSize, pageToken, signal }));
  const clusters = nestedSource(
    environments,
    (env: Environment) => tokenSource((pageToken, signal) => client.kafkaClusters.listPage({ environment: env.id, pageSize: ctx.pageSize, pageToken, signal })),
    (env, cluster): ClusterChoice => ({ cluster, environment: { id: env.id, display_name: env.display_name } }),
  );
  const unwrap = new Map<T, ClusterChoice>();
  return pickPaged<T>({
    ...at, factory: ctx.factory, placeholder,
    emptyLabel: l10n.t('No Kafka clusters'), loadFailed: (reason) => l10n.t("Couldn't load Kafka clusters: {0}", reason),
    source: {
      get done() {
        return clusters.done;
      },
      next: async (signal) => (await clusters.next(signal)).map((choice) => {
        const value = wrap(choice);
        unwrap.set(value, choice);
        return value;
      }),
    },
    leading: leading ? [leading] : undefined,
    toItem: (value) => clusterItem(unwrap.get(value)!),
    key: (value) => unwrap.get(value)?.cluster.id ?? '',
  });
}

/** The row of a cluster: name, ID, and where it runs. */
export function clusterItem({ cluster, environment }: ClusterChoice): vscode.QuickPickItem {
  const { spec } = cluster;
  return {
    label: pickText(spec.display_name),
    description: pickText(cluster.id),
    detail: pickText(`${environment.display_name} (${environment.id}) · ${clusterDescription(spec.cloud, spec.region, spec.config?.kind)}`),
  };
}

export function serviceAccountItem(sa: ServiceAccount): vscode.QuickPickItem {
  return { label: pickText(sa.display_name), description: pickText(sa.id), detail: pickText(oneLine(sa.description ?? undefined)) };
}

export function userItem(user: User): vscode.QuickPickItem {
  return { label: pickText(user.full_name?.trim() || user.email), description: pickText(user.id), detail: pickText(user.email) };
}

/** Human label of an owner: "service account payments (sa-123)". */
export function ownerLabel(owner: OwnerChoice): string {
  return owner.kind === 'serviceAccount'
    ? l10n.t({ message: 'service account {0} ({1})', args: [owner.serviceAccount.display_name, owner.serviceAccount.id], comment: ['the owner of an API key: name, then ID'] })
    : l10n.t({ message: 'user {0} ({1})', args: [owner.user.full_name?.trim() || owner.user.email, owner.user.id], comment: ['the owner of an API key: name or email, then ID'] });
}

/** ID of an owner. */
export function ownerId(owner: OwnerChoice): string {
  return owner.kind === 'serviceAccount' ? owner.serviceAccount.id : owner.user.id;
}

/** The owner of a new API key: a paged picker of service accounts or of users. */
export async function pickOwner(ctx: PickerContext, at: PickerPosition, kind: string | undefined): Promise<StepResult<OwnerChoice>> {
  if (kind === 'user') {
    const result = await pickUser(ctx, at, l10n.t('Select the user who will own the key'));
    return result?.kind === 'value' ? { kind: 'value', value: { kind: 'user', user: result.value } } : result;
  }
  const result = await pickServiceAccount(ctx, at, l10n.t('Owner of the key (an exact name searches the server)'));
  return result?.kind === 'value' ? { kind: 'value', value: { kind: 'serviceAccount', serviceAccount: result.value } } : result;
}
