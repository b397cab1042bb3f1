/**
 * What a delete takes with it, fetched before the user confirms: the API keys of a service
 * account or user (the server deletes them too), or the clusters of an environment (and the keys
 * on them, when that is cheap to count). Pure (no vscode): the client is passed in.
 */
import * as l10n from '@vscode/l10n';
import type { CloudClient } from '../cloud/cloudClient';
import type { ApiKey } from '../cloud/schemas/apiKey';
import type { KafkaCluster } from '../cloud/schemas/kafkaCluster';
import { inertMessage } from '../ui/inertText';
import type { DeleteImpact } from './commandOutcome';

/** How many rows of a list the confirmation shows before "and N more". */
export const PREVIEW_ROWS = 10;

/** Keys that go with an owner: the exact count and the first few for the list. */
export interface KeyImpact {
  readonly total: number;
  readonly sample: readonly ApiKey[];
  /** True when counting stopped at the item limit (or on a repeated token): `total` is a floor. */
  readonly atLeast?: boolean | undefined;
}

/** Most items a preview reads: a server paging forever must not hold the dialog open. */
export const PREVIEW_MAX_ITEMS = 10_000;

/**
 * Counts every key owned by an account or user, page by page (the API's largest pages), up to
 * `maxItems`; `pages()` also stops on a repeated token and between pages when `signal` aborts.
 */
export async function keysOwnedBy(client: Pick<CloudClient, 'apiKeys'>, ownerId: string, signal?: AbortSignal, maxItems = PREVIEW_MAX_ITEMS): Promise<KeyImpact> {
  let total = 0;
  let atLeast = false;
  const sample: ApiKey[] = [];
  for await (const page of client.apiKeys.pages({ owner: ownerId, pageSize: 100, signal, maxItems })) {
    total += page.items.length;
    for (const key of page.items) if (sample.length < PREVIEW_ROWS) sample.push(key);
    if (page.truncated) atLeast = true;
  }
  return { total, sample, atLeast };
}

/** Clusters of an environment and, per cluster, its key count (`undefined`: not counted). */
export interface EnvironmentImpact {
  readonly clusters: readonly KafkaCluster[];
  /** True when listing clusters stopped early: there are at least this many. */
  readonly clustersAtLeast?: boolean | undefined;
  readonly keysByCluster: ReadonlyMap<string, { readonly count: number; readonly atLeast: boolean }>;
}

/** Beyond this many clusters, keys are not counted: one request per cluster stops being cheap. */
export const MAX_CLUSTERS_TO_COUNT_KEYS = 10;

/**
 * Every cluster of the environment, plus one request per cluster (for at most
 * {@link MAX_CLUSTERS_TO_COUNT_KEYS}) for its key count: `total_size` when the API sends it,
 * else the size of the first page ("100+" when there is more).
 */
export async function environmentImpact(
  client: Pick<CloudClient, 'kafkaClusters' | 'apiKeys'>, environmentId: string, signal?: AbortSignal, maxItems = PREVIEW_MAX_ITEMS,
): Promise<EnvironmentImpact> {
  const clusters: KafkaCluster[] = [];
  let clustersAtLeast = false;
  for await (const page of client.kafkaClusters.pages({ environment: environmentId, pageSize: 100, signal, maxItems })) {
    clusters.push(...page.items);
    if (page.truncated) clustersAtLeast = true;
  }
  const keysByCluster = new Map<string, { count: number; atLeast: boolean }>();
  if (clusters.length <= MAX_CLUSTERS_TO_COUNT_KEYS) {
    for (const cluster of clusters) {
      const page = await client.apiKeys.listPage({ resource: cluster.id, pageSize: 100, signal });
      keysByCluster.set(cluster.id, page.totalSize !== undefined
        ? { count: page.totalSize, atLeast: false }
        : { count: page.items.length, atLeast: page.nextPageToken !== undefined });
    }
  }
  return { clusters, keysByCluster, clustersAtLeast };
}

/**
 * Lines for the confirmation of deleting an owner with keys. Keys on `staleClusters` (where the
 * Metrics API saw no traffic from the owner for 7 days) are flagged as unused.
 */
export function ownerPreviewLines(impact: KeyImpact, staleClusters: ReadonlySet<string> = new Set()): string[] {
  if (impact.total === 0) return [l10n.t('It owns no API keys.')];
  const total = impact.total.toLocaleString('en-US');
  const lines = [impact.atLeast
    ? l10n.t('Its at least {0} API keys are deleted with it; applications using them stop working:', total)
    : impact.total === 1
      ? l10n.t('Its 1 API key is deleted with it; applications using it stop working:')
      : l10n.t('Its {0} API keys are deleted with it; applications using them stop working:', total)];
  for (const key of impact.sample) {
    const name = key.spec.display_name ? ` "${flat(key.spec.display_name)}"` : '';
    const target = flat(key.spec.resource?.id ?? l10n.t('Cloud API key'));
    const stale = key.spec.resource && staleClusters.has(key.spec.resource.id);
    lines.push(`• ${flat(key.id)}${name} → ${stale ? l10n.t({ message: '{0} (no traffic in 7 days)', args: [target], comment: ['{0} is the cluster an API key is for'] }) : target}`);
  }
  if (impact.total > impact.sample.length) lines.push(moreLine(impact.total - impact.sample.length, impact.atLeast === true));
  return lines;
}

/** Lines for the confirmation of deleting an environment. */
export function environmentPreviewLines(impact: EnvironmentImpact): string[] {
  if (impact.clusters.length === 0) return [l10n.t('It contains no Kafka clusters.')];
  const count = impact.clusters.length.toLocaleString('en-US');
  const lines = [impact.clustersAtLeast
    ? l10n.t('Everything inside is deleted with it, including at least {0} Kafka clusters and their data:', count)
    : impact.clusters.length === 1
      ? l10n.t('Everything inside is deleted with it, including 1 Kafka cluster and their data:')
      : l10n.t('Everything inside is deleted with it, including {0} Kafka clusters and their data:', count)];
  for (const cluster of impact.clusters.slice(0, PREVIEW_ROWS)) {
    const keys = impact.keysByCluster.get(cluster.id);
    const name = flat(cluster.spec.display_name);
    const where = flat(`${cluster.id}, ${cluster.spec.cloud} ${cluster.spec.region}`);
    if (!keys) lines.push(`• ${name} (${where})`);
    else if (keys.atLeast) lines.push(l10n.t({ message: '• {0} ({1}) — {2}+ API keys', args: [name, where, keys.count], comment: ['a cluster, its ID and region, and how many keys are on it'] }));
    else if (keys.count === 1) lines.push(l10n.t({ message: '• {0} ({1}) — 1 API key', args: [name, where], comment: ['a cluster, its ID and region'] }));
    else lines.push(l10n.t({ message: '• {0} ({1}) — {2} API keys', args: [name, where, keys.count], comment: ['a cluster, its ID and region, and how many keys are on it'] }));
  }
  if (impact.clusters.length > PREVIEW_ROWS) lines.push(moreLine(impact.clusters.length - PREVIEW_ROWS, impact.clustersAtLeast === true));
  return lines;
}

/** The impact in the outcome returned to automation. */
export function environmentImpactSummary(impact: EnvironmentImpact): DeleteImpact {
  const counted = [...impact.keysByCluster.values()];
  const complete = counted.length === impact.clusters.length && counted.every((c) => !c.atLeast);
  return { kafkaClusters: impact.clusters.length, apiKeys: complete ? counted.reduce((n, c) => n + c.count, 0) : undefined };
}

// The last row of a shortened list.
function moreLine(rest: number, atLeast: boolean): string {
  return atLeast ? l10n.t('• … and {0}+ more', rest) : l10n.t('• … and {0} more', rest);
}

// Names may hold line breaks, bidi controls and markup; the dialog shows one inert row per item.
function flat(text: string): string {
  return inertMessage(text, 60);
}
