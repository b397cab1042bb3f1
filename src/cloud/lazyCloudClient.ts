import type { CloudClient, CloudClientOptions } from './cloudClient';
import { RateLimitState } from './rateLimit';

/** The API groups of a client: what a connection offers its callers. */
type ApiGroup = 'organizations' | 'environments' | 'kafkaClusters' | 'serviceAccounts' | 'users' | 'invitations'
  | 'apiKeys' | 'roleBindings' | 'metrics';

/** What a connection holds: a client's API groups, its rate-limit state and its lifetime. */
export type CloudApi = Pick<CloudClient, ApiGroup | 'rateLimit' | 'metricsRateLimit' | 'dispose' | 'close'>;

/** Where the client's implementation comes from (the build points it at dist/cloud.js). */
export type CloudClientModule = { readonly CloudClient: new (options: CloudClientOptions) => CloudClient };

/**
 * A client whose implementation (the HTTP stack, the API modules and their zod schemas) loads on
 * the first call, not at activation: an organization row needs none of it until it is expanded.
 * Rate-limit state exists from the start so the status bar can listen before any request.
 * `load` is synchronous, so each group is the real one and calls keep their exact types.
 */
export class LazyCloudClient implements CloudApi {
  readonly rateLimit = new RateLimitState();
  readonly metricsRateLimit = new RateLimitState();
  private client: CloudClient | undefined;
  private closing: Promise<void> | undefined;

  constructor(private readonly options: CloudClientOptions, private readonly load: () => CloudClientModule) {}

  get organizations(): CloudClient['organizations'] { return this.real().organizations; }
  get environments(): CloudClient['environments'] { return this.real().environments; }
  get kafkaClusters(): CloudClient['kafkaClusters'] { return this.real().kafkaClusters; }
  get serviceAccounts(): CloudClient['serviceAccounts'] { return this.real().serviceAccounts; }
  get users(): CloudClient['users'] { return this.real().users; }
  get invitations(): CloudClient['invitations'] { return this.real().invitations; }
  get apiKeys(): CloudClient['apiKeys'] { return this.real().apiKeys; }
  get roleBindings(): CloudClient['roleBindings'] { return this.real().roleBindings; }
  get metrics(): CloudClient['metrics'] { return this.real().metrics; }

  /** True once the implementation was needed. */
  get loaded(): boolean {
    return this.client !== undefined;
  }

  dispose(): void {
    void this.close();
  }

  /** Closes the pooled connections; a client never used has none. Later calls fail as `cancelled`. */
  close(): Promise<void> {
    this.closing ??= this.client?.close() ?? Promise.resolve();
    return this.closing;
  }

  private real(): CloudClient {
    if (!this.client) {
      const { CloudClient: Implementation } = this.load();
      this.client = new Implementation({ ...this.options, rateLimit: this.rateLimit, metricsRateLimit: this.metricsRateLimit });
      // Used after close: the implementation refuses every call as cancelled, like a closed client.
      if (this.closing) void this.client.close();
    }
    return this.client;
  }
}
