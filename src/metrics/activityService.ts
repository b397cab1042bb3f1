/**
 * "Last seen" for principals, from the Metrics API: one grouped query per Kafka cluster answers
 * for every principal on it at once, so a tree of 200 service accounts costs one request per
 * cluster, not one per account.
 *
 * Query: `request_count` (every client sends requests, producer or consumer, so it catches
 * activity that byte counts miss) grouped by `metric.principal_id`, GROUPED format, PT1H buckets
 * over the last 7 days (PT1H has no interval cap; 168 buckets per principal, and only buckets with
 * traffic come back). Precision is therefore one hour: "active in the last hour", "active 5 h ago".
 *
 * No vscode import: the service is plain Node so it is unit tested against the sandbox.
 */
import * as l10n from '@vscode/l10n';
import type { CloudClient } from '../cloud/cloudClient';
import { listAllClusters, type ClusterRef } from './clusterSource';
import { runQuery } from './queryBuilder';
import type { RateQueue } from './rateQueue';
import { isoInterval } from './timeRange';

export type LastSeen = 'unknown' | 'none' | { readonly lastActiveAt: number };

/** What the service needs from an OrgConnection. */
export interface ActivityConnection {
  readonly id: string;
  readonly client: Pick<CloudClient, 'metrics' | 'environments' | 'kafkaClusters'>;
}

/** Narrows a lookup to one cluster (an API key's); otherwise every cluster of the organization. */
export interface ActivityScope {
  readonly clusterId?: string | undefined;
}

export interface ActivityOptions {
  readonly queue: RateQueue;
  /** `confluentCloud.activity.enabled`, read on every call so the setting applies at once. */
  readonly enabled: () => boolean;
  readonly now?: () => number;
  /** How long one cluster's answer is reused. */
  readonly ttlMs?: number;
  readonly log?: (message: string) => void;
  /** Lists the clusters of an organization; defaults to walking every environment. */
  readonly listClusters?: (connection: ActivityConnection) => Promise<readonly Pick<ClusterRef, 'id'>[]>;
}

export const ACTIVITY_METRIC = 'io.confluent.kafka.server/request_count';
export const ACTIVITY_WINDOW_MS = 7 * 24 * 3600_000;
const HOUR = 3600_000;
const DEFAULT_TTL_MS = 5 * 60_000;
/** Cluster queries in flight at once, so chart refreshes still get through the shared queue. */
const CONCURRENCY = 2;

interface ClusterEntry {
  at: number;
  /** Principal → end of the newest bucket with traffic (epoch ms). Undefined while loading or after a failure. */
  data?: ReadonlyMap<string, number>;
  failed?: boolean;
  pending?: Promise<void>;
}

interface OrgEntry {
  clusters?: { at: number; value: Promise<readonly Pick<ClusterRef, 'id'>[]>; resolved?: readonly Pick<ClusterRef, 'id'>[] };
  readonly byCluster: Map<string, ClusterEntry>;
}

type Listener = () => void;

export class ActivityService {
  private readonly orgs = new Map<string, OrgEntry>();
  private readonly listeners = new Set<Listener>();
  private readonly waiting: (() => void)[] = [];
  private running = 0;
  private disposed = false;
  private readonly now: () => number;
  private readonly ttl: number;

  constructor(private readonly options: ActivityOptions) {
    this.now = options.now ?? Date.now;
    this.ttl = options.ttlMs ?? DEFAULT_TTL_MS;
  }

  /** Fires when new answers arrived (or the cache was cleared); listeners re-read `lastSeen`. */
  onDidChange(listener: Listener): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => void this.listeners.delete(listener) };
  }

  /**
   * The cached answer, never waiting: `'unknown'` until the clusters in scope have answered (a
   * fetch starts in the background and `onDidChange` fires when it lands). Only nodes the tree
   * actually renders call this, so only their organizations are queried.
   */
  lastSeen(connection: ActivityConnection, principalId: string, scope: ActivityScope = {}): LastSeen {
    if (!this.options.enabled() || this.disposed) return 'unknown';
    void this.refreshStale(connection, scope);
    return this.answer(connection, principalId, scope);
  }

  /** Like `lastSeen` but waits for the answer (one query per cluster in scope at most). */
  async fetchLastSeen(connection: ActivityConnection, principalId: string, scope: ActivityScope = {}): Promise<LastSeen> {
    if (this.disposed) return 'unknown';
    await this.refreshStale(connection, scope);
    return this.answer(connection, principalId, scope);
  }

  /**
   * One sentence for a delete confirmation, e.g. "sa-1 sent no requests in the last 7 days." or
   * "sa-1 was active 3 h ago." Runs on demand even when the tree badges are off, because the
   * user asked for the deletion; `undefined` when the Metrics API couldn't tell.
   */
  async describeStaleness(connection: ActivityConnection, principalId: string, scope: ActivityScope = {}): Promise<string | undefined> {
    let seen: LastSeen;
    try {
      seen = await this.fetchLastSeen(connection, principalId, scope);
    } catch {
      return undefined;
    }
    return stalenessSentence(principalId, seen, this.now(), scope.clusterId);
  }

  /** Forgets every answer (Refresh All, or the setting turned on again). */
  clear(): void {
    this.orgs.clear();
    this.fire();
  }

  dispose(): void {
    this.disposed = true;
    this.listeners.clear();
    this.orgs.clear();
  }

  private org(connection: ActivityConnection): OrgEntry {
    let entry = this.orgs.get(connection.id);
    if (!entry) this.orgs.set(connection.id, (entry = { byCluster: new Map() }));
    return entry;
  }

  private answer(connection: ActivityConnection, principalId: string, scope: ActivityScope): LastSeen {
    const org = this.orgs.get(connection.id);
    const ids = scope.clusterId ? [scope.clusterId] : org?.clusters?.resolved?.map((c) => c.id);
    if (!org || !ids) return 'unknown';
    let latest: number | undefined;
    let complete = true;
    for (const id of ids) {
      const entry = org.byCluster.get(id);
      if (!entry?.data) {
        complete = false;
        continue;
      }
      const t = entry.data.get(principalId);
      if (t !== undefined && (latest === undefined || t > latest)) latest = t;
    }
    if (latest !== undefined) return { lastActiveAt: latest };
    return complete ? 'none' : 'unknown';
  }

  private async refreshStale(connection: ActivityConnection, scope: ActivityScope): Promise<void> {
    const org = this.org(connection);
    let ids: readonly string[];
    if (scope.clusterId) {
      ids = [scope.clusterId];
    } else {
      const now = this.now();
      if (!org.clusters || now - org.clusters.at > this.ttl) {
        const value = (this.options.listClusters ?? ((c) => listAllClusters(c.client)))(connection);
        const holder: NonNullable<OrgEntry['clusters']> = { at: now, value };
        org.clusters = holder;
        value.then((list) => (holder.resolved = list), (error: unknown) => {
          this.options.log?.(`activity: couldn't list clusters: ${error instanceof Error ? error.message : String(error)}`);
          if (org.clusters === holder) org.clusters = undefined;
        });
      }
      try {
        ids = (await org.clusters.value).map((c) => c.id);
      } catch {
        return;
      }
    }
    await Promise.all(ids.map((id) => this.refreshCluster(connection, org, id)));
  }

  private refreshCluster(connection: ActivityConnection, org: OrgEntry, clusterId: string): Promise<void> {
    const now = this.now();
    const current = org.byCluster.get(clusterId);
    if (current?.pending) return current.pending;
    if (current && now - current.at < this.ttl) return Promise.resolve();
    const entry: ClusterEntry = { at: now, ...(current?.data ? { data: current.data } : {}) };
    org.byCluster.set(clusterId, entry);
    entry.pending = this.limited(() => this.query(connection, clusterId, now))
      .then((data) => {
        entry.data = data;
        entry.failed = false;
      }, (error: unknown) => {
        entry.failed = true;
        // Retry after a shorter pause than a success would wait.
        entry.at = now - this.ttl / 2;
        this.options.log?.(`activity: ${clusterId}: ${error instanceof Error ? error.message : String(error)}`);
      })
      .finally(() => {
        entry.pending = undefined;
        if (this.orgs.get(connection.id) === org) this.fire();
      });
    return entry.pending;
  }

  private async query(connection: ActivityConnection, clusterId: string, now: number): Promise<Map<string, number>> {
    return queryClusterActivity(connection.client.metrics, clusterId, now, { beforeRequest: () => this.options.queue.acquire() });
  }

  /** Runs `task` when fewer than CONCURRENCY cluster queries are in flight. */
  private async limited<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= CONCURRENCY) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    try {
      return await task();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }

  private fire(): void {
    for (const l of [...this.listeners]) {
      try {
        l();
      } catch {
        // One faulty listener must not stop the others.
      }
    }
  }
}

/**
 * Principal → end of its newest hourly bucket with a non-zero value (capped at `now`: the current
 * hour's bucket ends in the future). Reads GROUPED and FLAT rows.
 */
/**
 * Principal → last activity on one cluster over the last 7 days: one grouped query (plus pages),
 * each request waiting for `beforeRequest` (the Metrics API budget).
 */
export async function queryClusterActivity(
  metrics: Parameters<typeof runQuery>[0],
  clusterId: string,
  now: number,
  options: { signal?: AbortSignal; beforeRequest?: () => Promise<void> },
): Promise<Map<string, number>> {
  const end = Math.ceil(now / HOUR) * HOUR;
  const { rows } = await runQuery(metrics, {
    aggregations: [{ metric: ACTIVITY_METRIC }],
    filter: { field: 'resource.kafka.id', op: 'EQ', value: clusterId },
    group_by: ['metric.principal_id'],
    granularity: 'PT1H',
    intervals: [isoInterval(end - ACTIVITY_WINDOW_MS, end)],
    limit: 1000,
    format: 'GROUPED',
  }, options);
  return latestByPrincipal(rows, now);
}

export function latestByPrincipal(rows: readonly object[], now: number): Map<string, number> {
  const out = new Map<string, number>();
  const note = (principal: unknown, timestamp: unknown, value: unknown): void => {
    if (typeof principal !== 'string' || principal === '' || typeof value !== 'number' || !(value > 0)) return;
    const t = typeof timestamp === 'string' ? Date.parse(timestamp) : NaN;
    if (!Number.isFinite(t)) return;
    const endOfBucket = Math.min(now, t + HOUR);
    if ((out.get(principal) ?? -Infinity) < endOfBucket) out.set(principal, endOfBucket);
  };
  for (const row of rows as Record<string, unknown>[]) {
    const principal = row['metric.principal_id'];
    if (Array.isArray(row.points)) {
      for (const p of row.points as Record<string, unknown>[]) note(principal, p?.timestamp, p?.value);
    } else {
      note(principal, row.timestamp, row.value);
    }
  }
  return out;
}

/** How long ago, in the hourly precision of the data: within the hour, in hours (under 2 days), in days. */
function agoOf(seen: { readonly lastActiveAt: number }, now: number): { unit: 'recent' | 'hours' | 'days'; n: number } {
  const ago = Math.max(0, now - seen.lastActiveAt);
  if (ago < HOUR) return { unit: 'recent', n: 0 };
  if (ago < 48 * HOUR) return { unit: 'hours', n: Math.floor(ago / HOUR) };
  return { unit: 'days', n: Math.floor(ago / (24 * HOUR)) };
}

/** "active in the last hour", "active 5 h ago", "active 3 d ago", "no traffic in 7 days"; undefined when unknown. */
export function describeLastSeen(seen: LastSeen, now: number): string | undefined {
  if (seen === 'unknown') return undefined;
  if (seen === 'none') return l10n.t('no traffic in 7 days');
  const { unit, n } = agoOf(seen, now);
  if (unit === 'recent') return l10n.t('active in the last hour');
  if (unit === 'hours') return l10n.t({ message: 'active {0} h ago', args: [n], comment: ['{0} is a number of hours'] });
  return l10n.t({ message: 'active {0} d ago', args: [n], comment: ['{0} is a number of days'] });
}

/**
 * One sentence for a delete confirmation, e.g. "sa-1 sent no requests in the last 7 days." or
 * "sa-1 was active 3 h ago."; undefined when the Metrics API couldn't tell. Each case is a whole
 * sentence so a translator sees it entire.
 */
export function stalenessSentence(principalId: string, seen: LastSeen, now: number, clusterId?: string): string | undefined {
  if (seen === 'unknown') return undefined;
  if (seen === 'none') {
    return clusterId
      ? l10n.t({ message: '{0} sent no requests on {1} in the last 7 days.', args: [principalId, clusterId], comment: ['{0} is a principal ID, {1} a Kafka cluster ID'] })
      : l10n.t({ message: '{0} sent no requests in the last 7 days.', args: [principalId], comment: ['{0} is a principal ID'] });
  }
  const { unit, n } = agoOf(seen, now);
  const args = { principal: principalId, n, cluster: clusterId ?? '' };
  if (clusterId) {
    const comment = ['{principal} is a principal ID, {n} a number, {cluster} a Kafka cluster ID'];
    if (unit === 'recent') return l10n.t({ message: '{principal} was active in the last hour on {cluster}.', args, comment });
    if (unit === 'hours') return l10n.t({ message: '{principal} was active {n} h ago on {cluster}.', args, comment });
    return l10n.t({ message: '{principal} was active {n} d ago on {cluster}.', args, comment });
  }
  const comment = ['{principal} is a principal ID, {n} a number'];
  if (unit === 'recent') return l10n.t({ message: '{principal} was active in the last hour.', args, comment });
  if (unit === 'hours') return l10n.t({ message: '{principal} was active {n} h ago.', args, comment });
  return l10n.t({ message: '{principal} was active {n} d ago.', args, comment });
}
