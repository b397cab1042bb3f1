/**
 * API key review: keys that are old (created long ago, never rotated), idle (their owner sent no
 * requests to the key's cluster in 7 days, per the Metrics API) or orphaned (the owner or the
 * cluster no longer exists). Bounded: at most KEY_SCAN_MAX keys and IDLE_CLUSTER_MAX Metrics
 * queries per call, through the metrics request budget. Pure apart from the client.
 */
import * as l10n from '@vscode/l10n';
import type { ApiKey } from '../cloud/schemas/apiKey';
import { environmentClusters } from '../clusterWalk';
import { queryClusterActivity } from '../metrics/activityService';
import { fitRows, inert, lines, moreLine, ROWS_BUDGET } from './chatText';
import { apiKeyRow } from './listTools';
import { organizationHeader, resolveConnection, type OrganizationInput, type ToolConnection, type ToolContext } from './toolContext';
import { errorText, ToolInputError } from './toolErrors';
import { ChatTool } from './toolNames';
import { type ChatToolSpec, limitOf } from './toolSpec';

// The review's result (findings, notes, titles) is text for the language model and stays English;
// the progress text is translated.

export const KEY_SCAN_MAX = 5000;
export const IDLE_CLUSTER_MAX = 5;
const DAY = 24 * 3600_000;

export type ReviewCategory = 'orphaned' | 'idle' | 'old';
const CATEGORIES: readonly ReviewCategory[] = ['orphaned', 'idle', 'old'];

export interface KeyReviewInput extends OrganizationInput {
  /** Review only this principal's keys (`sa-…`/`u-…`). */
  readonly owner?: string | undefined;
  /** "Old" means created more than this many days ago (default 90). */
  readonly olderThanDays?: number | undefined;
  /** List only one category, e.g. to page through it. */
  readonly category?: ReviewCategory | undefined;
  readonly limit?: number | undefined;
  readonly pageToken?: string | undefined;
}

/** A flagged key and why. */
export interface Finding {
  readonly key: ApiKey;
  readonly reason: string;
}

export interface ReviewFacts {
  readonly keys: readonly ApiKey[];
  /** Owner IDs known to exist; undefined when not checked. */
  readonly existingOwners?: ReadonlySet<string> | undefined;
  /** Kafka cluster IDs known to exist; undefined when not checked. */
  readonly existingClusters?: ReadonlySet<string> | undefined;
  /** Cluster → principal → last activity (epoch ms), for the clusters that were queried. */
  readonly activity: ReadonlyMap<string, ReadonlyMap<string, number>>;
  readonly now: number;
  readonly olderThanDays: number;
}

/** Sorts keys into the three categories (a key may be in several); oldest first within each. */
export function classifyKeys(facts: ReviewFacts): Record<ReviewCategory, Finding[]> {
  const out: Record<ReviewCategory, Finding[]> = { orphaned: [], idle: [], old: [] };
  const cutoff = facts.now - facts.olderThanDays * DAY;
  for (const key of facts.keys) {
    const owner = key.spec.owner.id;
    const cluster = key.spec.resource?.id;
    if (facts.existingOwners && !facts.existingOwners.has(owner)) out.orphaned.push({ key, reason: `owner ${inert(owner)} no longer exists` });
    else if (facts.existingClusters && cluster?.startsWith('lkc-') && !facts.existingClusters.has(cluster)) out.orphaned.push({ key, reason: `cluster ${inert(cluster)} no longer exists` });
    const seen = cluster ? facts.activity.get(cluster) : undefined;
    if (seen && !seen.has(owner)) out.idle.push({ key, reason: `owner sent no requests to ${inert(cluster)} in 7 days` });
    const createdAt = Date.parse(key.metadata?.created_at ?? '');
    if (Number.isFinite(createdAt) && createdAt < cutoff) out.old.push({ key, reason: `${Math.floor((facts.now - createdAt) / DAY)} days old` });
  }
  const age = (f: Finding): number => Date.parse(f.key.metadata?.created_at ?? '') || Infinity;
  for (const c of CATEGORIES) out[c].sort((a, b) => age(a) - age(b));
  return out;
}

/** Reads pages until `max` items; `truncated` only when the list really goes on. */
async function collect<T>(pages: AsyncIterable<{ items: T[]; nextPageToken?: string }>, max: number): Promise<{ items: T[]; truncated: boolean }> {
  const items: T[] = [];
  for await (const page of pages) {
    items.push(...page.items);
    if (items.length >= max) return { items: items.slice(0, max), truncated: items.length > max || page.nextPageToken !== undefined };
  }
  return { items, truncated: false };
}

/** Principal → last activity on one cluster over the last 7 days (one grouped query). */
function clusterActivity(ctx: ToolContext, connection: ToolConnection, clusterId: string, signal: AbortSignal): Promise<Map<string, number>> {
  return queryClusterActivity(connection.client.metrics, clusterId, ctx.now(), { signal, beforeRequest: () => ctx.metricsQueue.acquire(signal) });
}

type ReviewCursor = { readonly kind: 'review'; readonly key: string; readonly offset: number };

export const reviewApiKeysTool: ChatToolSpec<KeyReviewInput> = {
  name: ChatTool.reviewApiKeys,
  hints: { role: 'a role that can list API keys and accounts (AccountAdmin or OrganizationAdmin; MetricsViewer for idle keys)' },
  invocationMessage: (i) => (i.owner ? l10n.t('Reviewing API keys of {0}', i.owner) : l10n.t('Reviewing API keys')),
  run: async (input, ctx, signal) => {
    if (input.category !== undefined && !CATEGORIES.includes(input.category)) throw new ToolInputError('"category" must be orphaned, idle or old.');
    const connection = resolveConnection(ctx, input);
    const olderThanDays = typeof input.olderThanDays === 'number' && input.olderThanDays > 0 ? Math.floor(input.olderThanDays) : 90;
    const limit = limitOf(input, 10);
    const owner = input.owner?.trim() || undefined;
    const { client } = connection;
    const notes: string[] = [];

    const keys = await collect(client.apiKeys.pages({ pageSize: 100, ...(owner ? { owner } : {}), signal }), KEY_SCAN_MAX);
    if (keys.truncated) notes.push(`Reviewed the first ${KEY_SCAN_MAX.toLocaleString('en-US')} keys only; pass "owner" to review one principal's keys.`);

    // Owners: one GET for a single owner, otherwise every account and user (bounded by the pager's cap).
    let existingOwners: Set<string> | undefined;
    try {
      if (owner) {
        const found = await (owner.startsWith('u-') ? client.users.get(owner, { signal }) : client.serviceAccounts.get(owner, { signal })).then(() => true, (e: unknown) => {
          if ((e as { status?: number }).status === 404) return false;
          throw e;
        });
        existingOwners = new Set(found ? [owner] : []);
      } else {
        const [accounts, users] = await Promise.all([
          collect(client.serviceAccounts.pages({ pageSize: 100, signal }), 10_000),
          collect(client.users.pages({ pageSize: 100, signal }), 10_000),
        ]);
        if (!accounts.truncated && !users.truncated) existingOwners = new Set([...accounts.items, ...users.items].map((p) => p.id));
        else notes.push('Too many accounts to check owners; orphaned keys were not looked for.');
      }
    } catch (error) {
      notes.push(`Orphaned keys were not checked: ${errorText(error)}`);
    }

    let existingClusters: Set<string> | undefined;
    const activity = new Map<string, Map<string, number>>();
    try {
      const clusters = new Set<string>();
      for await (const batch of environmentClusters(client, signal)) for (const c of batch.clusters) clusters.add(c.id);
      existingClusters = clusters;
    } catch (error) {
      notes.push(`Clusters were not checked: ${errorText(error)}`);
    }

    // Idle: the clusters with the most keys first, one Metrics query each.
    const perCluster = new Map<string, number>();
    for (const k of keys.items) {
      const id = k.spec.resource?.id;
      if (id?.startsWith('lkc-') && (!existingClusters || existingClusters.has(id))) perCluster.set(id, (perCluster.get(id) ?? 0) + 1);
    }
    const ranked = [...perCluster].sort((a, b) => b[1] - a[1]).map(([id]) => id);
    let metricsFailure: string | undefined;
    for (const clusterId of ranked.slice(0, IDLE_CLUSTER_MAX)) {
      try {
        activity.set(clusterId, await clusterActivity(ctx, connection, clusterId, signal));
      } catch (error) {
        metricsFailure = errorText(error, { role: 'the MetricsViewer role' });
        break;
      }
    }
    if (metricsFailure) notes.push(`Idle keys were not fully checked: ${metricsFailure}`);
    if (ranked.length > IDLE_CLUSTER_MAX) notes.push(`Idle keys were checked on the ${IDLE_CLUSTER_MAX} clusters with the most keys, not on the other ${ranked.length - IDLE_CLUSTER_MAX}.`);
    notes.push('Cloud API keys (organization-wide) are never marked idle: the Metrics API does not see their use.');

    const found = classifyKeys({ keys: keys.items, existingOwners, existingClusters, activity, now: ctx.now(), olderThanDays });
    const key = JSON.stringify([ChatTool.reviewApiKeys, connection.id, owner, olderThanDays, input.category]);
    const offset = input.pageToken
      ? ctx.cursors.get(input.pageToken, (v): v is ReviewCursor => (v as ReviewCursor | undefined)?.kind === 'review' && (v as ReviewCursor).key === key).offset
      : 0;
    const listed = input.category ? [input.category] : CATEGORIES;
    const sections = listed.flatMap((category) => {
      const all = found[category];
      const start = input.category ? offset : 0;
      const candidates = all.slice(start, start + limit).map((f) => `${apiKeyRow(f.key)} — ${f.reason}`);
      const shown = candidates.slice(0, fitRows(candidates, Math.floor(ROWS_BUDGET / listed.length)));
      const remaining = all.length - start - shown.length;
      const more = remaining > 0
        ? (input.category
          ? moreLine(remaining, ctx.cursors.put({ kind: 'review', key, offset: start + shown.length } satisfies ReviewCursor), ChatTool.reviewApiKeys)
          : `${remaining} more: call ${ChatTool.reviewApiKeys} again with "category": "${category}".`)
        : undefined;
      return [`${TITLES[category]} (${all.length}):`, ...shown, more ?? ''];
    });
    return lines(
      await organizationHeader(connection, signal),
      `Reviewed ${keys.items.length.toLocaleString('en-US')} API key${keys.items.length === 1 ? '' : 's'}${owner ? ` owned by ${inert(owner)}` : ''}: ${found.orphaned.length} orphaned, ${found.idle.length} idle, ${found.old.length} older than ${olderThanDays} days.`,
      ...notes,
      ...sections,
    );
  },
};

const TITLES: Record<ReviewCategory, string> = {
  orphaned: 'Orphaned (owner or cluster gone; delete them)',
  idle: 'Idle (no traffic from the owner on the key\'s cluster in 7 days)',
  old: 'Old (candidates for rotation)',
};
