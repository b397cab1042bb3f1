/**
 * Which Kafka clusters a metrics command can chart: every cluster of an organization (across its
 * environments, streamed page by page), or the clusters a principal's API keys are scoped to.
 * Host-free so the activity service and the tests share it.
 */
import type { CloudClient } from '../cloud/cloudClient';
import { environmentClusters } from '../clusterWalk';

export interface ClusterRef {
  readonly id: string;
  readonly name: string;
  readonly environmentId: string;
  /** Environment name, cloud and region, for pickers. */
  readonly detail: string;
}

/** Pages this many environments/clusters at a time (the control-plane maximum). */
const PAGE_SIZE = 100;

type ClusterClient = Pick<CloudClient, 'environments' | 'kafkaClusters'>;
type KeyClient = Pick<CloudClient, 'apiKeys'>;

/** Every cluster of the organization, yielded as each environment's pages arrive. */
export async function* allClusters(client: ClusterClient, signal?: AbortSignal): AsyncGenerator<ClusterRef[]> {
  for await (const { environment: env, clusters } of environmentClusters(client, signal)) {
    yield clusters.map((c) => ({
      id: c.id,
      name: c.spec.display_name || c.id,
      environmentId: env.id,
      detail: `${env.display_name} · ${c.spec.cloud} ${c.spec.region}`,
    }));
  }
}

/** Collects {@link allClusters}. */
export async function listAllClusters(client: ClusterClient, signal?: AbortSignal): Promise<ClusterRef[]> {
  const out: ClusterRef[] = [];
  for await (const batch of allClusters(client, signal)) out.push(...batch);
  return out;
}

/** A Kafka cluster reference of an API key, told apart from Schema Registry, ksqlDB and Flink. */
export function isKafkaClusterRef(ref: { id: string; kind?: string | null } | null | undefined): boolean {
  if (!ref) return false;
  if (ref.kind) return ref.kind === 'Cluster';
  return ref.id.startsWith('lkc-');
}

/**
 * The Kafka clusters a principal's API keys are scoped to, with their environments. These are
 * the clusters where its traffic can show up in the Metrics API.
 */
export async function principalClusters(
  client: KeyClient,
  principalId: string,
  signal?: AbortSignal,
): Promise<{ id: string; environmentId?: string }[]> {
  const found = new Map<string, { id: string; environmentId?: string }>();
  for await (const page of client.apiKeys.pages({ owner: principalId, pageSize: PAGE_SIZE, signal })) {
    for (const key of page.items) {
      const resource = key.spec.resource;
      if (!resource || !isKafkaClusterRef(resource) || found.has(resource.id)) continue;
      found.set(resource.id, { id: resource.id, ...(resource.environment ? { environmentId: resource.environment } : {}) });
    }
  }
  return [...found.values()];
}

/**
 * Names `refs` (a principal's clusters) for the Show Activity choice and the panel's cluster
 * switcher: one cluster list per environment involved (usually a single page), stopping once
 * every wanted cluster is named. A cluster that can't be read keeps its ID as its name.
 */
export async function nameClusters(
  client: ClusterClient,
  refs: readonly { id: string; environmentId?: string }[],
  signal?: AbortSignal,
): Promise<{ id: string; name: string; environmentId?: string }[]> {
  const names = new Map<string, string>();
  const environments = [...new Set(refs.flatMap((r) => (r.environmentId ? [r.environmentId] : [])))];
  await Promise.all(environments.map(async (environment) => {
    const wanted = new Set(refs.filter((r) => r.environmentId === environment).map((r) => r.id));
    try {
      for await (const page of client.kafkaClusters.pages({ environment, pageSize: PAGE_SIZE, signal })) {
        for (const c of page.items) {
          if (wanted.delete(c.id)) names.set(c.id, c.spec.display_name || c.id);
        }
        if (wanted.size === 0) break;
      }
    } catch {
      // The IDs still identify the clusters; names are a convenience.
    }
  }));
  return refs.map((r) => ({ id: r.id, name: names.get(r.id) ?? r.id, ...(r.environmentId ? { environmentId: r.environmentId } : {}) }));
}
