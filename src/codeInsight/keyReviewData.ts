/**
 * Collects the "Review API Keys…" report for every connected organization, within fixed paging
 * caps so a large organization costs a bounded number of requests:
 * - keys: up to {@link MAX_KEY_PAGES} pages of 100 per organization;
 * - owners: service accounts and users listed page by page (up to the caps below) instead of one
 *   request per owner; an owner missing from a *complete* listing is reported as deleted;
 * - activity (only when `confluentCloud.activity.enabled`): one Metrics query per Kafka cluster
 *   the keys are scoped to (up to {@link MAX_ACTIVITY_CLUSTERS}), `request_count` by principal,
 *   daily buckets over the last 30 days.
 * - role bindings: one nested listing of the organization's scope
 *   (`crn://confluent.cloud/organization=<id>/*`, up to {@link MAX_BINDING_PAGES} pages), matched to
 *   the key owners by principal.
 * Host-free (no vscode).
 */
import * as l10n from '@vscode/l10n';
import type { CloudClient } from '../cloud/cloudClient';
import type { ApiKey } from '../cloud/schemas/apiKey';
import { runQuery } from '../metrics/queryBuilder';
import { isoInterval } from '../metrics/timeRange';
import { ACTIVITY_METRIC } from '../metrics/activityService';
import { type OwnerInfo, reviewRow, type ReviewRow } from './keyReviewModel';

export const MAX_KEY_PAGES = 5;
export const MAX_OWNER_PAGES = 20;
export const MAX_ACTIVITY_CLUSTERS = 10;
export const MAX_BINDING_PAGES = 10;
const PAGE = 100;
const DAY = 86_400_000;

export interface ReviewConnection {
  readonly id: string;
  readonly label: string;
  /** The Confluent organization ID, when the connection knows it (else it is asked for once). */
  readonly orgId?: string | undefined;
  readonly client: Pick<CloudClient, 'apiKeys' | 'serviceAccounts' | 'users' | 'metrics'> & Partial<Pick<CloudClient, 'roleBindings' | 'organizations'>>;
}

export interface ReviewOptions {
  readonly policyDays: number;
  readonly activityEnabled: boolean;
  /** Waits for the shared Metrics request budget before each query. */
  readonly beforeMetricsRequest?: () => Promise<void>;
  readonly now?: number;
  readonly signal?: AbortSignal;
}

export interface ReviewReport {
  readonly rows: readonly ReviewRow[];
  /** Per organization, what the caps left out, e.g. "Sandbox Organization: first 500 of 5,000 keys". */
  readonly notes: readonly string[];
  readonly requests: number;
}

async function pagesUpTo<T>(
  fetch: (pageToken: string | undefined) => Promise<{ items: T[]; nextPageToken?: string | undefined; totalSize?: number | undefined }>,
  maxPages: number,
): Promise<{ items: T[]; complete: boolean; totalSize?: number | undefined; requests: number }> {
  const items: T[] = [];
  let token: string | undefined;
  let requests = 0;
  let totalSize: number | undefined;
  do {
    const page = await fetch(token);
    requests++;
    items.push(...page.items);
    totalSize ??= page.totalSize;
    token = page.nextPageToken;
  } while (token && requests < maxPages);
  return { items, complete: !token, totalSize, requests };
}

/** Principal → end of the newest day with traffic, for one cluster. */
async function clusterActivity(client: ReviewConnection['client'], clusterId: string, now: number, beforeRequest?: () => Promise<void>): Promise<Map<string, number>> {
  const end = Math.ceil(now / DAY) * DAY;
  const { rows } = await runQuery(client.metrics, {
    aggregations: [{ metric: ACTIVITY_METRIC }],
    filter: { field: 'resource.kafka.id', op: 'EQ', value: clusterId },
    group_by: ['metric.principal_id'],
    granularity: 'P1D',
    intervals: [isoInterval(end - 30 * DAY, end)],
    limit: 1000,
    format: 'GROUPED',
  }, beforeRequest ? { beforeRequest } : {});
  const out = new Map<string, number>();
  for (const row of rows as Record<string, unknown>[]) {
    const principal = row['metric.principal_id'];
    if (typeof principal !== 'string') continue;
    const points = Array.isArray(row.points) ? row.points as Record<string, unknown>[] : [row];
    for (const p of points) {
      const t = typeof p.timestamp === 'string' ? Date.parse(p.timestamp) : NaN;
      if (!Number.isFinite(t) || !(typeof p.value === 'number' && p.value > 0)) continue;
      const at = Math.min(now, t + DAY);
      if ((out.get(principal) ?? -Infinity) < at) out.set(principal, at);
    }
  }
  return out;
}

/** `DeveloperRead on topic=orders-*`: the role and the innermost part of its scope. */
export function describeBinding(roleName: string, crnPattern: string): string {
  const last = crnPattern.replace(/\/\*$/, '').split('/').pop() ?? crnPattern;
  return last.startsWith('organization=')
    ? l10n.t({ message: '{0} on the organization', args: [roleName], comment: ['{0} is a role name such as OrganizationAdmin'] })
    : l10n.t({ message: '{0} on {1}', args: [roleName, last], comment: ['{0} is a role name, {1} a CRN segment such as topic=orders-*'] });
}

/** Principal (`User:sa-…`) → its bindings, or undefined when the client has no role-binding API or it failed. */
async function bindingsByPrincipal(connection: ReviewConnection, signal: AbortSignal | undefined): Promise<{ map?: Map<string, string[]>; requests: number; note?: string }> {
  const { roleBindings, organizations } = connection.client;
  if (!roleBindings) return { requests: 0 };
  let requests = 0;
  try {
    let orgId = connection.orgId;
    if (!orgId && organizations) {
      requests++;
      orgId = (await organizations.listPage({ pageSize: 1, signal })).items[0]?.id;
    }
    if (!orgId) return { requests };
    const listing = await pagesUpTo((pageToken) => roleBindings.listPage({ crnPattern: `crn://confluent.cloud/organization=${orgId}/*`, pageSize: PAGE, ...(pageToken ? { pageToken } : {}), signal }), MAX_BINDING_PAGES);
    requests += listing.requests;
    const map = new Map<string, string[]>();
    for (const b of listing.items) {
      const list = map.get(b.principal) ?? [];
      list.push(describeBinding(b.role_name, b.crn_pattern));
      map.set(b.principal, list);
    }
    return { map, requests, ...(listing.complete ? {} : { note: l10n.t('{0}: the first {1} role bindings', connection.label, listing.items.length.toLocaleString()) }) };
  } catch (error) {
    return { requests, note: l10n.t('{0}: role bindings unavailable ({1})', connection.label, error instanceof Error ? error.message : String(error)) };
  }
}

/** Builds the report for one organization. */
export async function reviewOrganization(connection: ReviewConnection, options: ReviewOptions): Promise<ReviewReport> {
  const now = options.now ?? Date.now();
  const { client } = connection;
  const signal = options.signal;
  const keys = await pagesUpTo((pageToken) => client.apiKeys.listPage({ pageSize: PAGE, ...(pageToken ? { pageToken } : {}), signal }), MAX_KEY_PAGES);
  const accounts = await pagesUpTo((pageToken) => client.serviceAccounts.listPage({ pageSize: PAGE, ...(pageToken ? { pageToken } : {}), signal }), MAX_OWNER_PAGES);
  const users = await pagesUpTo((pageToken) => client.users.listPage({ pageSize: PAGE, ...(pageToken ? { pageToken } : {}), signal }), MAX_OWNER_PAGES);
  let requests = keys.requests + accounts.requests + users.requests;
  const notes: string[] = [];
  if (!keys.complete) {
    const shown = keys.items.length.toLocaleString();
    notes.push(keys.totalSize
      ? l10n.t('{0}: the first {1} of {2} keys', connection.label, shown, keys.totalSize.toLocaleString())
      : l10n.t('{0}: the first {1} keys', connection.label, shown));
  }

  const bindings = await bindingsByPrincipal(connection, signal);
  requests += bindings.requests;
  if (bindings.note) notes.push(bindings.note);

  const names = new Map<string, string>();
  for (const sa of accounts.items) names.set(sa.id, sa.display_name);
  for (const u of users.items) names.set(u.id, u.full_name || u.email);
  const owner = (key: ApiKey): OwnerInfo => {
    const id = key.spec.owner.id;
    const complete = id.startsWith('sa-') ? accounts.complete : id.startsWith('u-') ? users.complete : false;
    const held = bindings.map ? bindings.map.get(`User:${id}`) ?? [] : undefined;
    return { name: names.get(id), deleted: complete && !names.has(id), roleBindings: held };
  };

  const activity = new Map<string, Map<string, number> | undefined>();
  if (options.activityEnabled) {
    const clusters = [...new Set(keys.items.map((k) => k.spec.resource?.id).filter((id): id is string => !!id?.startsWith('lkc-')))];
    if (clusters.length > MAX_ACTIVITY_CLUSTERS) notes.push(l10n.t('{0}: activity for {1} of {2} clusters', connection.label, MAX_ACTIVITY_CLUSTERS, clusters.length));
    for (const clusterId of clusters.slice(0, MAX_ACTIVITY_CLUSTERS)) {
      try {
        requests++;
        activity.set(clusterId, await clusterActivity(client, clusterId, now, options.beforeMetricsRequest));
      } catch {
        activity.set(clusterId, undefined);
      }
    }
  }
  const lastActivity = (key: ApiKey): number | null | undefined => {
    const cluster = key.spec.resource?.id;
    const data = cluster ? activity.get(cluster) : undefined;
    if (!data) return undefined;
    return data.get(key.spec.owner.id) ?? null;
  };

  const rows = keys.items.map((key) => reviewRow({
    organization: connection.label, organizationId: connection.id, key, owner: owner(key), lastActivity: lastActivity(key),
    policyDays: options.policyDays, now,
  }));
  return { rows, notes, requests };
}

/** The report across organizations; one organization's failure is a note, not a failed report. */
export async function reviewAll(connections: readonly ReviewConnection[], options: ReviewOptions): Promise<ReviewReport> {
  const rows: ReviewRow[] = [];
  const notes: string[] = [];
  let requests = 0;
  for (const connection of connections) {
    try {
      const report = await reviewOrganization(connection, options);
      rows.push(...report.rows);
      notes.push(...report.notes);
      requests += report.requests;
    } catch (error) {
      notes.push(`${connection.label}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { rows, notes, requests };
}
