/**
 * Read tools for the organization's inventory: service accounts, users, API keys, environments
 * and Kafka clusters. Each result names the organization, lists at most `limit` rows (one line
 * each, server text inert) and ends with how to ask for the rest.
 */
import * as l10n from '@vscode/l10n';
import type { Page } from '../cloud/pagination';
import type { ApiKey } from '../cloud/schemas/apiKey';
import type { Environment } from '../cloud/schemas/environment';
import type { KafkaCluster } from '../cloud/schemas/kafkaCluster';
import type { ServiceAccount } from '../cloud/schemas/serviceAccount';
import type { User } from '../cloud/schemas/user';
import { countLine, fitRows, inert, lines, moreLine } from './chatText';
import { organizationHeader, resolveConnection, type OrganizationInput, type ToolConnection, type ToolContext } from './toolContext';
import { ChatTool } from './toolNames';
import { type ChatToolSpec, limitOf } from './toolSpec';

// The list results are text for the language model and stay English; progress texts are translated.

/** Input of every list tool. */
export interface ListInput extends OrganizationInput {
  /** Case-insensitive text matched against IDs and names (scans pages on the client). */
  readonly query?: string | undefined;
  readonly limit?: number | undefined;
  readonly pageToken?: string | undefined;
}

export interface ApiKeyListInput extends ListInput {
  /** `sa-…` or `u-…`: only keys this principal owns (filtered by the API). */
  readonly owner?: string | undefined;
  /** `lkc-…`: only keys for this resource (filtered by the API). */
  readonly resource?: string | undefined;
}

export interface ClusterListInput extends ListInput {
  readonly environment?: string | undefined;
}

/** Most items a search looks through, so one call stays bounded in requests and time. */
export const SEARCH_SCAN_MAX = 2000;

type Fetch<T> = (connection: ToolConnection, options: { pageSize: number; pageToken?: string | undefined; signal: AbortSignal }) => Promise<Page<T>>;

/**
 * Where the next call continues: a server page (skipping the rows of it already shown when the
 * size budget cut it short), or an offset into a search's matches.
 */
type Cursor =
  | { readonly kind: 'page'; readonly key: string; readonly token: string | undefined; readonly skip: number; readonly pageSize: number }
  | { readonly kind: 'search'; readonly key: string; readonly offset: number };

function isCursor(value: unknown): value is Cursor {
  return typeof value === 'object' && value !== null && ((value as Cursor).kind === 'page' || (value as Cursor).kind === 'search');
}

interface ListDefinition<T> {
  readonly tool: string;
  readonly noun: string;
  readonly fetch: Fetch<T>;
  readonly text: (item: T) => string[];
  readonly row: (item: T) => string;
  /** Read every page and page over the result here (for short lists stitched from several calls). */
  readonly scanAll?: boolean;
}

/** Identifies a query, so a continuation handle is only valid for the same arguments. */
function queryKey(tool: string, connection: ToolConnection, input: object): string {
  const { pageToken: _token, limit: _limit, ...rest } = input as Record<string, unknown>;
  return JSON.stringify([tool, connection.id, rest]);
}

async function runList<T>(def: ListDefinition<T>, input: ListInput, ctx: ToolContext, signal: AbortSignal, caveat?: string): Promise<string> {
  const connection = resolveConnection(ctx, input);
  const limit = limitOf(input);
  const key = queryKey(def.tool, connection, input);
  const cursor = input.pageToken ? ctx.cursors.get(input.pageToken, (v): v is Cursor => isCursor(v) && v.key === key) : undefined;
  const header = await organizationHeader(connection, signal);
  const query = input.query?.trim().toLowerCase();

  if (!query && !def.scanAll) {
    const token = cursor?.kind === 'page' ? cursor.token : undefined;
    const skip = cursor?.kind === 'page' ? cursor.skip : 0;
    // A continuation keeps the page size it started with: page tokens may be bound to it.
    const pageSize = cursor?.kind === 'page' ? cursor.pageSize : limit;
    const page = await def.fetch(connection, { pageSize, pageToken: token, signal });
    const rows = page.items.slice(skip, skip + limit).map(def.row);
    const fit = fitRows(rows);
    let next: string | undefined;
    if (skip + fit < page.items.length) next = ctx.cursors.put({ kind: 'page', key, token, skip: skip + fit, pageSize } satisfies Cursor);
    else if (page.nextPageToken) next = ctx.cursors.put({ kind: 'page', key, token: page.nextPageToken, skip: 0, pageSize } satisfies Cursor);
    return lines(
      header,
      caveat,
      rows.length === 0 && !cursor ? `No ${def.noun}.` : countLine(fit, page.totalSize, def.noun),
      ...rows.slice(0, fit),
      moreLine(undefined, next, def.tool),
    );
  }

  // A search reads pages of 100 until it has scanned SEARCH_SCAN_MAX items, then pages over its matches.
  const offset = cursor?.kind === 'search' ? cursor.offset : 0;
  const matches: T[] = [];
  let scanned = 0;
  let token: string | undefined;
  let exhausted = false;
  let total: number | undefined;
  while (scanned < SEARCH_SCAN_MAX) {
    const page = await def.fetch(connection, { pageSize: 100, pageToken: token, signal });
    total ??= page.totalSize;
    scanned += page.items.length;
    for (const item of page.items) if (!query || def.text(item).some((t) => t.toLowerCase().includes(query))) matches.push(item);
    token = page.nextPageToken;
    if (!token) {
      exhausted = true;
      break;
    }
  }
  const candidates = matches.slice(offset, offset + limit).map(def.row);
  const shown = candidates.slice(0, fitRows(candidates));
  const remaining = matches.length - offset - shown.length;
  const next = remaining > 0 ? ctx.cursors.put({ kind: 'search', key, offset: offset + shown.length } satisfies Cursor) : undefined;
  return lines(
    header,
    caveat,
    `${matches.length} ${def.noun}${query ? ` match ${inert(input.query)}` : ''}${exhausted ? '' : ` among the first ${scanned.toLocaleString('en-US')}${total !== undefined ? ` of ${total.toLocaleString('en-US')}` : ''} (search stopped there; narrow the query or use a filter)`}.`,
    shown.length ? `Showing ${offset + 1}–${offset + shown.length}:` : undefined,
    ...shown,
    moreLine(remaining, next, def.tool),
  );
}

function created(meta: { created_at?: string | null } | null | undefined): string {
  const at = meta?.created_at;
  return at ? `, created ${at.slice(0, 10)}` : '';
}

const serviceAccounts: ListDefinition<ServiceAccount> = {
  tool: ChatTool.listServiceAccounts,
  noun: 'service accounts',
  fetch: (c, o) => c.client.serviceAccounts.listPage(o),
  text: (sa) => [sa.id, sa.display_name, sa.description ?? ''],
  row: (sa) => `- ${inert(sa.id)} ${inert(sa.display_name)}${sa.description ? ` — ${inert(sa.description)}` : ''}${created(sa.metadata)}`,
};

const users: ListDefinition<User> = {
  tool: ChatTool.listUsers,
  noun: 'users',
  fetch: (c, o) => c.client.users.listPage(o),
  text: (u) => [u.id, u.email, u.full_name ?? ''],
  row: (u) => `- ${inert(u.id)} ${inert(u.full_name || '(no name)')} ${inert(u.email)}${u.auth_type === 'AUTH_TYPE_SSO' ? ' (SSO)' : ''}${created(u.metadata)}`,
};

/** One line per key: ID, name, owner, resource, age. Never the secret. */
export function apiKeyRow(key: ApiKey): string {
  const resource = key.spec.resource ? `resource ${inert(key.spec.resource.id)}` : 'Cloud API key (organization-wide)';
  const name = key.spec.display_name ? ` ${inert(key.spec.display_name)}` : '';
  return `- ${inert(key.id)}${name}: owner ${inert(key.spec.owner.id)}, ${resource}${created(key.metadata)}`;
}

const environments: ListDefinition<Environment> = {
  tool: ChatTool.listEnvironments,
  noun: 'environments',
  fetch: (c, o) => c.client.environments.listPage(o),
  text: (e) => [e.id, e.display_name],
  row: (e) => `- ${inert(e.id)} ${inert(e.display_name)}${e.stream_governance_config ? ` (Stream Governance ${inert(e.stream_governance_config.package)})` : ''}`,
};

/** One line per cluster. */
export function clusterRow(c: KafkaCluster): string {
  const kind = c.spec.config?.kind ? `, ${inert(c.spec.config.kind)}` : '';
  return `- ${inert(c.id)} ${inert(c.spec.display_name)} in ${inert(c.spec.environment.id)}: ${inert(c.spec.cloud)} ${inert(c.spec.region)}${kind}, ${inert(c.status.phase)}`;
}

export const listServiceAccountsTool: ChatToolSpec<ListInput> = {
  name: ChatTool.listServiceAccounts,
  invocationMessage: (i) => (i.query ? l10n.t('Searching service accounts for "{0}"', i.query) : l10n.t('Listing service accounts')),
  run: (input, ctx, signal) => runList(serviceAccounts, input, ctx, signal),
};

export const listUsersTool: ChatToolSpec<ListInput> = {
  name: ChatTool.listUsers,
  invocationMessage: (i) => (i.query ? l10n.t('Searching users for "{0}"', i.query) : l10n.t('Listing users')),
  run: (input, ctx, signal) => runList(users, input, ctx, signal),
};

export const listApiKeysTool: ChatToolSpec<ApiKeyListInput> = {
  name: ChatTool.listApiKeys,
  invocationMessage: (i) => {
    if (i.owner && i.resource) return l10n.t('Listing API keys of {0} for {1}', i.owner, i.resource);
    if (i.owner) return l10n.t('Listing API keys of {0}', i.owner);
    return i.resource ? l10n.t('Listing API keys for {0}', i.resource) : l10n.t('Listing API keys');
  },
  run: (input, ctx, signal) => {
    const filter = { owner: input.owner?.trim() || undefined, resource: input.resource?.trim() || undefined };
    const def: ListDefinition<ApiKey> = {
      tool: ChatTool.listApiKeys,
      noun: 'API keys',
      fetch: (c, o) => c.client.apiKeys.listPage({ ...o, ...filter }),
      text: (k) => [k.id, k.spec.display_name ?? '', k.spec.description ?? '', k.spec.owner.id, k.spec.resource?.id ?? ''],
      row: apiKeyRow,
    };
    const scope = [filter.owner && `owned by ${inert(filter.owner)}`, filter.resource && `for ${inert(filter.resource)}`].filter(Boolean).join(' ');
    return runList(def, input, ctx, signal, scope ? `API keys ${scope}. Secrets are never listed (Confluent Cloud returns them only once, at creation).` : 'Secrets are never listed (Confluent Cloud returns them only once, at creation).');
  },
};

export const listEnvironmentsTool: ChatToolSpec<ListInput> = {
  name: ChatTool.listEnvironments,
  invocationMessage: () => l10n.t('Listing environments'),
  run: (input, ctx, signal) => runList(environments, input, ctx, signal),
};

export const listKafkaClustersTool: ChatToolSpec<ClusterListInput> = {
  name: ChatTool.listKafkaClusters,
  invocationMessage: (i) => (i.environment ? l10n.t('Listing Kafka clusters in {0}', i.environment) : l10n.t('Listing Kafka clusters')),
  run: (input, ctx, signal) => {
    const environment = input.environment?.trim();
    const def: ListDefinition<KafkaCluster> = {
      tool: ChatTool.listKafkaClusters,
      noun: 'Kafka clusters',
      fetch: environment
        ? (c, o) => c.client.kafkaClusters.listPage({ ...o, environment })
        : (c, o) => clustersOfAllEnvironments(c, o),
      text: (c) => [c.id, c.spec.display_name, c.spec.environment.id, c.spec.cloud, c.spec.region],
      row: clusterRow,
      // Across environments the list is stitched from one call per environment; organizations have few clusters.
      scanAll: !environment,
    };
    return runList(def, input, ctx, signal);
  },
};

/**
 * Clusters across every environment as one paged list. The token is "environment page token,
 * environment index, cluster page token"; environments without clusters are skipped, so a page
 * is empty only at the end.
 */
async function clustersOfAllEnvironments(
  connection: ToolConnection, options: { pageSize: number; pageToken?: string | undefined; signal: AbortSignal },
): Promise<Page<KafkaCluster>> {
  let [envToken = '', indexText = '0', clusterToken = ''] = options.pageToken ? (JSON.parse(options.pageToken) as string[]) : [];
  let index = Number(indexText);
  for (;;) {
    const envPage = await connection.client.environments.listPage({ pageSize: 100, pageToken: envToken || undefined, signal: options.signal });
    const env = envPage.items[index];
    if (!env) return { items: [] };
    const page = await connection.client.kafkaClusters.listPage({
      environment: env.id, pageSize: options.pageSize, pageToken: clusterToken || undefined, signal: options.signal,
    });
    let next: string[] | undefined;
    if (page.nextPageToken) next = [envToken, String(index), page.nextPageToken];
    else if (index + 1 < envPage.items.length) next = [envToken, String(index + 1), ''];
    else if (envPage.nextPageToken) next = [envPage.nextPageToken, '0', ''];
    if (page.items.length > 0 || !next) return { items: page.items, ...(next ? { nextPageToken: JSON.stringify(next) } : {}) };
    [envToken = '', indexText = '0', clusterToken = ''] = next;
    index = Number(indexText);
  }
}
