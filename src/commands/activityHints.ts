import type { ApiKey } from '../cloud/schemas/apiKey';
import { type ActivityConnection, type ActivityScope, type LastSeen, stalenessSentence } from '../metrics/activityService';

/**
 * What the delete previews need from the metrics feature: the "last seen" answer for a principal,
 * optionally on one cluster. `ActivityService` implements it; injected through the composition root.
 */
export interface ActivityLookup {
  fetchLastSeen(connection: ActivityConnection, principalId: string, scope?: ActivityScope): Promise<LastSeen>;
}

/** How long a delete preview waits for activity data before showing what it has. */
const ACTIVITY_TIMEOUT_MS = 8000;
/** Clusters asked about per preview (one Metrics query each, cached by the metrics feature). */
const MAX_CLUSTERS = 5;

/** What the Metrics API says about an owner: a sentence, and the clusters it has been silent on. */
export interface OwnerActivity {
  readonly summary?: string | undefined;
  readonly staleClusters: ReadonlySet<string>;
}

/**
 * Asks whether the owner (and its keys' clusters) saw traffic in the last 7 days, so a delete
 * preview can flag keys nobody uses. Best effort: no lookup, no permission or no answer in time
 * all mean "no hint".
 */
export async function ownerActivity(
  lookup: ActivityLookup | undefined,
  connection: ActivityConnection,
  ownerId: string,
  keys: readonly ApiKey[],
  now: () => number = Date.now,
): Promise<OwnerActivity> {
  if (!lookup) return { staleClusters: new Set() };
  const clusters = [...new Set(keys.map((k) => k.spec.resource?.id).filter((id): id is string => !!id?.startsWith('lkc-')))].slice(0, MAX_CLUSTERS);
  const ask = (clusterId?: string): Promise<LastSeen> => withTimeout(
    lookup.fetchLastSeen(connection, ownerId, clusterId ? { clusterId } : {}).catch((): LastSeen => 'unknown'),
  );
  const [overall = 'unknown', ...perCluster] = await Promise.all([ask(), ...clusters.map((id) => ask(id))]);
  const staleClusters = new Set(clusters.filter((_, i) => perCluster[i] === 'none'));
  return { summary: stalenessSentence(ownerId, overall, now()), staleClusters };
}

function withTimeout(promise: Promise<LastSeen>): Promise<LastSeen> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('unknown'), ACTIVITY_TIMEOUT_MS);
    void promise.then((value) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}
