import * as l10n from '@vscode/l10n';
import type { OrgConnection } from '../auth/orgConnection';
import { parseCrnPattern } from '../cloud/crn';
import { isCancelled } from '../cloud/errors';
import { type NameSource, parsePrincipal, type PrincipalRef } from './accessText';

/** Finds a name among the nodes already loaded in the tree (undefined when none is). */
export type LoadedName = (kind: 'environment' | 'kafkaCluster' | 'serviceAccount' | 'user', id: string) => string | undefined;

type NameKind = Parameters<LoadedName>[0];

/** Most name lookups one page of bindings starts at once. */
const CONCURRENCY = 6;

/**
 * The names Access rows show, per organization: environments, clusters, service accounts and
 * users by ID. A name comes from what the tree has loaded, or else from one GET by ID, cached
 * (misses too, so a deleted principal is asked once). Never lists a collection to find a name.
 */
export class AccessNames implements NameSource {
  private readonly names = new Map<string, string | null>();
  private readonly pending = new Map<string, Promise<void>>();
  private orgId: Promise<string> | undefined;

  constructor(private readonly connection: OrgConnection, private readonly loaded: LoadedName) {}

  environment(id: string): string | undefined {
    return this.known('environment', id);
  }

  cluster(id: string): string | undefined {
    return this.known('kafkaCluster', id);
  }

  principal(ref: PrincipalRef): string | undefined {
    if (ref.kind === 'serviceAccount') return this.known('serviceAccount', ref.id);
    if (ref.kind === 'user') return this.known('user', ref.id);
    return undefined;
  }

  /**
   * Fetches, by ID, every name these bindings mention that is neither loaded nor cached: at most
   * one GET per distinct ID for the life of the organization's tree. Failures leave the ID shown.
   */
  async resolve(bindings: readonly { principal: string; crn_pattern: string }[], signal?: AbortSignal): Promise<void> {
    const wanted: (() => Promise<void>)[] = [];
    const queued = new Set<string>();
    const want = (kind: NameKind, id: string, get: () => Promise<string>): void => {
      const k = key(kind, id);
      if (id === '' || queued.has(k) || this.known(kind, id) !== undefined || this.names.has(k) || this.pending.has(k)) return;
      queued.add(k);
      const run = (): Promise<void> => {
        const promise = get().then(
          (name) => void this.names.set(k, name),
          // A cancelled lookup (the folder collapsed) is asked again next time; a failure is not.
          (error: unknown) => void (isCancelled(error) ? undefined : this.names.set(k, null)),
        ).finally(() => this.pending.delete(k));
        this.pending.set(k, promise);
        return promise;
      };
      wanted.push(run);
    };
    const { client } = this.connection;
    for (const binding of bindings) {
      const parsed = parseCrnPattern(binding.crn_pattern);
      if (parsed.ok) {
        const { environment, cloudCluster } = parsed.pattern;
        if (environment) want('environment', environment, async () => (await client.environments.get(environment, { signal })).display_name);
        if (environment && cloudCluster) {
          want('kafkaCluster', cloudCluster, async () => (await client.kafkaClusters.get(cloudCluster, environment, { signal })).spec.display_name);
        }
      }
      const ref = parsePrincipal(binding.principal);
      if (ref.kind === 'serviceAccount') want('serviceAccount', ref.id, async () => (await client.serviceAccounts.get(ref.id, { signal })).display_name);
      if (ref.kind === 'user') {
        want('user', ref.id, async () => {
          const user = await client.users.get(ref.id, { signal });
          return user.full_name?.trim() || user.email;
        });
      }
    }
    // Only a few at a time: a page of 100 bindings by 100 principals must not burst 100 requests.
    const queue = [...wanted];
    const worker = async (): Promise<void> => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        if (signal?.aborted) return;
        await next();
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, queue.length) }, worker));
    // Lookups another page started are awaited too, so every row of this page has its names.
    await Promise.all(this.pendingFor(bindings));
  }

  /** The Confluent organization ID: from the profile, or one request (cached). */
  organizationId(signal?: AbortSignal): Promise<string> {
    const known = this.connection.orgId;
    if (known) return Promise.resolve(known);
    this.orgId ??= this.connection.client.organizations.listPage({ pageSize: 1, signal }).then((page) => {
      const id = page.items[0]?.id;
      if (!id) throw new Error(l10n.t('The API key sees no organization.'));
      return id;
    });
    this.orgId.catch(() => {
      this.orgId = undefined;
    });
    return this.orgId;
  }

  /** Remembers a name learnt elsewhere (a create or rename), so rows show it without a request. */
  remember(kind: NameKind, id: string, name: string): void {
    this.names.set(key(kind, id), name);
  }

  /** Forgets everything (the organization's tree was refreshed). */
  clear(): void {
    this.names.clear();
  }

  private known(kind: NameKind, id: string): string | undefined {
    const cached = this.names.get(key(kind, id));
    if (cached !== undefined) return cached ?? undefined;
    return this.loaded(kind, id);
  }

  private pendingFor(bindings: readonly { principal: string; crn_pattern: string }[]): Promise<void>[] {
    const out: Promise<void>[] = [];
    for (const b of bindings) {
      const parsed = parseCrnPattern(b.crn_pattern);
      const ref = parsePrincipal(b.principal);
      const keys = [
        parsed.ok && parsed.pattern.environment ? key('environment', parsed.pattern.environment) : undefined,
        parsed.ok && parsed.pattern.cloudCluster ? key('kafkaCluster', parsed.pattern.cloudCluster) : undefined,
        ref.kind === 'serviceAccount' || ref.kind === 'user' ? key(ref.kind, ref.id) : undefined,
      ];
      for (const k of keys) {
        const p = k ? this.pending.get(k) : undefined;
        if (p) out.push(p);
      }
    }
    return out;
  }
}

function key(kind: NameKind, id: string): string {
  return `${kind}:${id}`;
}
