/**
 * Candidates for ID completion: what the explorer already loaded, plus the first page of each
 * list per organization (one request per list, cached for five minutes), so completing costs at
 * most a handful of requests per organization however much is typed. Host-free (no vscode).
 */
import type { LookupConnection, ResourceLookup } from './resourceLookup';

export interface Candidate {
  readonly id: string;
  readonly name: string;
  /** The environment, for clusters (CRN completion narrows by it). */
  readonly environmentId?: string | undefined;
}

export type CandidateKind = 'environment' | 'kafkaCluster' | 'serviceAccount' | 'user';

/** Items the explorer has loaded for a connection, by kind (service accounts, users, …). */
export type LoadedItems = (connectionId: string, kind: CandidateKind) => readonly Candidate[];

const TTL_MS = 5 * 60_000;
const PAGE = 100;

export class CompletionSource {
  private readonly cache = new Map<string, { at: number; value: Promise<Candidate[]> }>();

  constructor(
    private readonly lookup: ResourceLookup,
    private readonly loaded: LoadedItems = () => [],
    private readonly now: () => number = Date.now,
  ) {}

  /** Loaded items first, then the fetched page, without duplicates. */
  async candidates(connection: LookupConnection, kind: CandidateKind): Promise<Candidate[]> {
    const fetched = await this.fetched(connection, kind).catch(() => [] as Candidate[]);
    const seen = new Set<string>();
    const out: Candidate[] = [];
    for (const c of [...this.loaded(connection.id, kind), ...fetched]) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      out.push(c);
    }
    return out;
  }

  clear(): void {
    this.cache.clear();
  }

  private fetched(connection: LookupConnection, kind: CandidateKind): Promise<Candidate[]> {
    const key = `${connection.id}\u0000${kind}`;
    const hit = this.cache.get(key);
    if (hit && this.now() - hit.at < TTL_MS) return hit.value;
    const value = this.fetch(connection, kind);
    const holder = { at: this.now(), value };
    this.cache.set(key, holder);
    value.catch(() => {
      if (this.cache.get(key) === holder) this.cache.delete(key);
    });
    return value;
  }

  private async fetch(connection: LookupConnection, kind: CandidateKind): Promise<Candidate[]> {
    const { client } = connection;
    switch (kind) {
      case 'serviceAccount':
        return (await client.serviceAccounts.listPage({ pageSize: PAGE })).items.map((s) => ({ id: s.id, name: s.display_name }));
      case 'user':
        return (await client.users.listPage({ pageSize: PAGE })).items.map((u) => ({ id: u.id, name: u.full_name || u.email }));
      case 'environment':
        return (await client.environments.listPage({ pageSize: PAGE })).items.map((e) => ({ id: e.id, name: e.display_name }));
      case 'kafkaCluster':
        return [...(await this.lookup.clusters(connection)).values()].map((c) => ({ id: c.id, name: c.spec.display_name, environmentId: c.spec.environment.id }));
    }
  }
}
