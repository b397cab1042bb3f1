import * as vscode from 'vscode';
import type { ApiKey } from '../cloud/schemas/apiKey';

/** Registered by the metrics feature; answers from the Metrics API's "last seen" data. */
const DESCRIBE_STALENESS = 'confluentCloud._metrics.describeStaleness';

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
 * Asks the metrics feature whether the owner (and its keys' clusters) saw traffic in the last
 * 7 days, so a delete preview can flag keys nobody uses. Best effort: no metrics feature, no
 * permission or no answer in time all mean "no hint".
 */
export async function ownerActivity(connectionId: string, ownerId: string, keys: readonly ApiKey[]): Promise<OwnerActivity> {
  const clusters = [...new Set(keys.map((k) => k.spec.resource?.id).filter((id): id is string => !!id?.startsWith('lkc-')))].slice(0, MAX_CLUSTERS);
  const ask = (clusterId?: string): Promise<string | undefined> => withTimeout(
    Promise.resolve(vscode.commands.executeCommand<string | undefined>(DESCRIBE_STALENESS, connectionId, ownerId, clusterId)).catch(() => undefined),
  );
  const [summary, ...perCluster] = await Promise.all([ask(), ...clusters.map((id) => ask(id))]);
  const staleClusters = new Set(clusters.filter((_, i) => isStale(perCluster[i])));
  return { summary: typeof summary === 'string' ? summary : undefined, staleClusters };
}

// describeStaleness words "no traffic" as "sent no requests … in the last 7 days".
function isStale(text: string | undefined): boolean {
  return typeof text === 'string' && /sent no requests/.test(text);
}

function withTimeout<T>(promise: Promise<T | undefined>): Promise<T | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), ACTIVITY_TIMEOUT_MS);
    void promise.then((value) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}
