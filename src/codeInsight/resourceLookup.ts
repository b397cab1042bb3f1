/**
 * Resolves IDs found in documents against every connected organization, with a cache per
 * organization + ID, one request in flight per ID, and a cap on concurrent requests, so hovers,
 * links and diagnostics over many open files cost a few requests, not one per keystroke.
 * Host-free (no vscode): unit tested against the sandbox.
 */
import * as l10n from '@vscode/l10n';
import type { CloudClient } from '../cloud/cloudClient';
import { isCloudApiError } from '../cloud/errors';
import type { ApiKey } from '../cloud/schemas/apiKey';
import type { Environment } from '../cloud/schemas/environment';
import type { KafkaCluster } from '../cloud/schemas/kafkaCluster';
import type { ServiceAccount } from '../cloud/schemas/serviceAccount';
import type { User } from '../cloud/schemas/user';

/** What the lookup needs from an OrgConnection. */
export interface LookupConnection {
  readonly id: string;
  readonly label: string;
  readonly orgId?: string | undefined;
  readonly client: Pick<CloudClient, 'environments' | 'kafkaClusters' | 'serviceAccounts' | 'users' | 'apiKeys'>;
}

/** The kinds that can be fetched by ID. */
export type LookupKind = 'environment' | 'kafkaCluster' | 'serviceAccount' | 'user' | 'apiKey';

export type LookupResource =
  | { readonly kind: 'environment'; readonly resource: Environment }
  | { readonly kind: 'kafkaCluster'; readonly resource: KafkaCluster }
  | { readonly kind: 'serviceAccount'; readonly resource: ServiceAccount }
  | { readonly kind: 'user'; readonly resource: User }
  | { readonly kind: 'apiKey'; readonly resource: ApiKey };

export type LookupMatch = LookupResource & { readonly connection: LookupConnection };

/**
 * `found`: in at least one organization. `missing`: every organization answered 404 (it does
 * not exist anywhere the user is connected). `unknown`: some organization could not tell (no
 * permission, network, no organizations at all), so nothing may be claimed.
 */
export type LookupResult =
  | { readonly status: 'found'; readonly matches: readonly LookupMatch[] }
  | { readonly status: 'missing'; readonly checked: readonly LookupConnection[] }
  | { readonly status: 'unknown'; readonly reason: string };

type PerOrg = { found: LookupResource } | { missing: true } | { unknown: string };

interface Entry {
  at: number;
  value?: PerOrg;
  pending?: Promise<PerOrg>;
}

export interface LookupOptions {
  readonly now?: () => number;
  /** How long an answer is reused; default 5 minutes (1 minute for "does not exist"). */
  readonly ttlMs?: number;
  readonly missingTtlMs?: number;
  /** Requests in flight at once across all lookups; default 4. */
  readonly maxConcurrent?: number;
  /** Environments walked to find a cluster whose environment is not known; default 50. */
  readonly maxEnvironments?: number;
}

const DEFAULT_TTL = 5 * 60_000;
const DEFAULT_MISSING_TTL = 60_000;

export class ResourceLookup {
  private readonly entries = new Map<string, Entry>();
  private readonly clusterIndex = new Map<string, { at: number; value: Promise<Map<string, KafkaCluster>> }>();
  private readonly waiting: (() => void)[] = [];
  private running = 0;
  private readonly now: () => number;
  /** HTTP requests this lookup started (tests and the request-budget figures read it). */
  requestsStarted = 0;

  constructor(
    private readonly connections: () => readonly LookupConnection[],
    private readonly options: LookupOptions = {},
  ) {
    this.now = options.now ?? Date.now;
  }

  /** Looks the ID up in every organization (cached answers are reused). */
  async lookup(kind: LookupKind, id: string, hint: { environmentId?: string | undefined } = {}): Promise<LookupResult> {
    const all = this.connections();
    if (all.length === 0) return { status: 'unknown', reason: l10n.t('no organization is connected') };
    const answers = await Promise.all(all.map(async (connection) => ({ connection, answer: await this.inOrg(connection, kind, id, hint) })));
    return combine(answers);
  }

  /** The cached answer without sending anything; undefined when something is not cached yet. */
  peek(kind: LookupKind, id: string): LookupResult | undefined {
    const all = this.connections();
    if (all.length === 0) return undefined;
    const answers: { connection: LookupConnection; answer: PerOrg }[] = [];
    for (const connection of all) {
      const entry = this.fresh(this.key(connection, kind, id));
      if (!entry?.value) return undefined;
      answers.push({ connection, answer: entry.value });
    }
    return combine(answers);
  }

  /** Whether `lookup` would send a request for this ID. */
  isCached(kind: LookupKind, id: string): boolean {
    return this.connections().every((c) => this.fresh(this.key(c, kind, id))?.value !== undefined);
  }

  /** Looks the ID up in one organization only. */
  async lookupIn(connection: LookupConnection, kind: LookupKind, id: string, hint: { environmentId?: string | undefined } = {}): Promise<LookupResult> {
    return combine([{ connection, answer: await this.inOrg(connection, kind, id, hint) }]);
  }

  /** Every Kafka cluster of an organization (cached), for cluster lookups and completion. */
  clusters(connection: LookupConnection): Promise<Map<string, KafkaCluster>> {
    const cached = this.clusterIndex.get(connection.id);
    if (cached && this.now() - cached.at < (this.options.ttlMs ?? DEFAULT_TTL)) return cached.value;
    const value = this.buildClusterIndex(connection);
    const holder = { at: this.now(), value };
    this.clusterIndex.set(connection.id, holder);
    value.catch(() => {
      if (this.clusterIndex.get(connection.id) === holder) this.clusterIndex.delete(connection.id);
    });
    return value;
  }

  /** Forgets every answer (a refresh, or organizations changed). */
  clear(): void {
    this.entries.clear();
    this.clusterIndex.clear();
  }

  /** Forgets one ID in every organization (after a delete or rotate). */
  forget(kind: LookupKind, id: string): void {
    for (const c of this.connections()) this.entries.delete(this.key(c, kind, id));
  }

  private key(connection: LookupConnection, kind: LookupKind, id: string): string {
    return `${connection.id}\u0000${kind}\u0000${id}`;
  }

  private fresh(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.pending) return entry;
    const ttl = entry.value && 'missing' in entry.value ? this.options.missingTtlMs ?? DEFAULT_MISSING_TTL : this.options.ttlMs ?? DEFAULT_TTL;
    // A failure is not an answer worth keeping for long: retry after a short pause.
    const limit = entry.value && 'unknown' in entry.value ? Math.min(ttl, 15_000) : ttl;
    return this.now() - entry.at < limit ? entry : undefined;
  }

  private inOrg(connection: LookupConnection, kind: LookupKind, id: string, hint: { environmentId?: string | undefined }): Promise<PerOrg> {
    const key = this.key(connection, kind, id);
    const entry = this.fresh(key);
    if (entry?.pending) return entry.pending;
    if (entry?.value) return Promise.resolve(entry.value);
    const next: Entry = { at: this.now() };
    next.pending = this.fetch(connection, kind, id, hint).then((value) => {
      next.value = value;
      next.at = this.now();
      next.pending = undefined;
      return value;
    });
    this.entries.set(key, next);
    return next.pending;
  }

  private async fetch(connection: LookupConnection, kind: LookupKind, id: string, hint: { environmentId?: string | undefined }): Promise<PerOrg> {
    const { client } = connection;
    try {
      switch (kind) {
        case 'environment':
          return { found: { kind, resource: await this.limited(connection, () => client.environments.get(id)) } };
        case 'serviceAccount':
          return { found: { kind, resource: await this.limited(connection, () => client.serviceAccounts.get(id)) } };
        case 'user':
          return { found: { kind, resource: await this.limited(connection, () => client.users.get(id)) } };
        case 'apiKey':
          return { found: { kind, resource: await this.limited(connection, () => client.apiKeys.get(id)) } };
        case 'kafkaCluster': {
          if (hint.environmentId) {
            const environmentId = hint.environmentId;
            try {
              return { found: { kind, resource: await this.limited(connection, () => client.kafkaClusters.get(id, environmentId)) } };
            } catch (error) {
              // Wrong environment in the hint: fall back to the organization's cluster index.
              if (!(isCloudApiError(error) && (error.status === 404 || error.status === 403))) throw error;
            }
          }
          const cluster = (await this.clusters(connection)).get(id);
          return cluster ? { found: { kind, resource: cluster } } : { missing: true };
        }
      }
    } catch (error) {
      if (isCloudApiError(error) && error.status === 404) return { missing: true };
      return { unknown: error instanceof Error ? error.message : String(error) };
    }
  }

  private async buildClusterIndex(connection: LookupConnection): Promise<Map<string, KafkaCluster>> {
    const index = new Map<string, KafkaCluster>();
    const max = this.options.maxEnvironments ?? 50;
    const environments: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.limited(connection, () => connection.client.environments.listPage({ pageSize: 100, ...(token ? { pageToken: token } : {}) }));
      environments.push(...page.items.map((e) => e.id));
      token = page.nextPageToken;
    } while (token && environments.length < max);
    for (const environment of environments.slice(0, max)) {
      let clusterToken: string | undefined;
      do {
        const page = await this.limited(connection, () => connection.client.kafkaClusters.listPage({ environment, pageSize: 100, ...(clusterToken ? { pageToken: clusterToken } : {}) }));
        for (const c of page.items) index.set(c.id, c);
        clusterToken = page.nextPageToken;
      } while (clusterToken);
    }
    return index;
  }

  private async limited<T>(connection: LookupConnection, task: () => Promise<T>): Promise<T> {
    const max = this.options.maxConcurrent ?? 4;
    if (this.running >= max) await new Promise<void>((resolve) => this.waiting.push(resolve));
    // An organization removed while this waited (or between cluster-index pages) gets nothing more.
    if (!this.connections().some((c) => c.id === connection.id)) {
      this.waiting.shift()?.();
      throw new Error(`${connection.label} is no longer connected`);
    }
    this.running++;
    this.requestsStarted++;
    try {
      return await task();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}

function combine(answers: readonly { connection: LookupConnection; answer: PerOrg }[]): LookupResult {
  const matches: LookupMatch[] = [];
  let unknown: string | undefined;
  for (const { connection, answer } of answers) {
    if ('found' in answer) matches.push({ ...answer.found, connection });
    else if ('unknown' in answer) unknown ??= `${connection.label}: ${answer.unknown}`;
  }
  if (matches.length) return { status: 'found', matches };
  if (unknown !== undefined) return { status: 'unknown', reason: unknown };
  return { status: 'missing', checked: answers.map((a) => a.connection) };
}

/** The display name of any looked-up resource. */
export function displayNameOf(match: LookupResource): string | undefined {
  switch (match.kind) {
    case 'environment': return match.resource.display_name;
    case 'kafkaCluster': return match.resource.spec.display_name;
    case 'serviceAccount': return match.resource.display_name;
    case 'user': return match.resource.full_name || match.resource.email;
    case 'apiKey': return match.resource.spec.display_name || undefined;
  }
}

/** The CRN (`metadata.resource_name`) of a looked-up resource. */
export function crnOf(match: LookupResource): string | undefined {
  return match.resource.metadata?.resource_name ?? undefined;
}
