import type * as vscode from 'vscode';
import type { CloudClient } from '../cloud/cloudClient';
import type { CloudApi } from '../cloud/lazyCloudClient';
import { isConfluentCloudEndpoint } from './endpoints';
import type { OrgProfile } from './orgProfile';

/**
 * Where an organization's credentials live. `demo` is the sandbox embedded in the extension: its
 * random credentials exist only in memory for one window session.
 */
export type OrgSource = 'storage' | 'environment' | 'demo';

/** Options the cloud client is built with; derived so this file follows the client's own type. */
export type CloudClientOptions = ConstructorParameters<typeof CloudClient>[0];

/** Builds a client; injected so tests and the composition root decide how. */
export type CloudClientFactory = (options: CloudClientOptions) => CloudApi;

/** Host settings every client reads on each request (so changing a setting needs no reload). */
export interface ClientSettings {
  readonly timeoutMs: () => number;
  readonly maxResponseBytes?: () => number;
  readonly proxyUrl: () => string | undefined;
  readonly onRequest: NonNullable<CloudClientOptions['onRequest']>;
}

/**
 * One organization the user is connected to: its profile plus the single CloudClient that talks to
 * it. Every tree node under the organization carries the same instance, so commands reach the
 * client through the node they were invoked on.
 */
export class OrgConnection implements vscode.Disposable {
  /** Local ID, stable across sessions; prefixes every tree node ID below this organization. */
  readonly id: string;
  readonly source: OrgSource;
  readonly endpoint: string;
  readonly metricsEndpoint: string;
  readonly client: CloudApi;
  private current: OrgProfile;

  constructor(
    profile: OrgProfile,
    source: OrgSource,
    getSecret: () => Promise<string | undefined>,
    createClient: CloudClientFactory,
    settings: ClientSettings,
  ) {
    this.id = profile.id;
    this.source = source;
    this.endpoint = profile.endpoint;
    this.metricsEndpoint = profile.metricsEndpoint;
    this.current = profile;
    this.client = createClient({
      endpoint: profile.endpoint,
      metricsEndpoint: profile.metricsEndpoint,
      // Read lazily on every request: a key updated in another window applies without a reload.
      getCredentials: async () => {
        const secret = await getSecret();
        return secret ? { key: this.current.apiKey, secret } : undefined;
      },
      timeoutMs: settings.timeoutMs,
      maxResponseBytes: settings.maxResponseBytes,
      proxyUrl: settings.proxyUrl,
      onRequest: settings.onRequest,
    });
  }

  /** The display name the user chose (defaults to the organization's name). */
  get label(): string {
    return this.current.label;
  }

  /** Confluent organization ID, when known. */
  get orgId(): string | undefined {
    return this.current.orgId;
  }

  /** The Cloud API key ID in use (not secret). */
  get apiKey(): string {
    return this.current.apiKey;
  }

  /** The stored profile this connection was built from. */
  get profile(): OrgProfile {
    return this.current;
  }

  /** True for the public Confluent Cloud endpoint, where links into the web console make sense. */
  get isConfluentCloud(): boolean {
    // The demo never links to the web console, whatever its endpoint looks like.
    return this.source !== 'demo' && isConfluentCloudEndpoint(this.endpoint);
  }

  /** Applies a renamed or re-keyed profile; endpoints never change for a connection. */
  updateProfile(profile: OrgProfile): void {
    this.current = profile;
  }

  dispose(): void {
    this.client.dispose();
  }
}
