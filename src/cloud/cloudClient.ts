import { ApiKeysApi } from './api/apiKeys';
import { EnvironmentsApi } from './api/environments';
import { InvitationsApi } from './api/invitations';
import { KafkaClustersApi } from './api/kafkaClusters';
import { MetricsApi } from './api/metrics';
import { OrganizationsApi } from './api/organizations';
import { RoleBindingsApi } from './api/roleBindings';
import { ServiceAccountsApi } from './api/serviceAccounts';
import { UsersApi } from './api/users';
import { Dispatchers } from './dispatchers';
import { HttpClient, type Credentials } from './http';
import { RateLimitState } from './rateLimit';
import { type RequestLogEntry } from './requestLog';
import { type RetryPolicy } from './retry';

/** Everything the host hands in; functions are read per request so settings apply live. */
export interface CloudClientOptions {
  /** Control plane (org, cmk, iam), e.g. https://api.confluent.cloud. */
  endpoint: string;
  /** Metrics API, e.g. https://api.telemetry.confluent.cloud. */
  metricsEndpoint: string;
  /** Called per request so a rotated key applies at once; `undefined` sends no credentials. */
  getCredentials: () => Promise<Credentials | undefined>;
  /** Timeout of each attempt in ms; default 30 000. A request may make several attempts. */
  timeoutMs?: () => number;
  /** Largest response body read, in bytes (default 32 MB); larger ones fail once as `too-large`. */
  maxResponseBytes?: () => number;
  /** VS Code's `http.proxy`; `HTTPS_PROXY`/`HTTP_PROXY`/`NO_PROXY` are honoured as well. */
  proxyUrl?: () => string | undefined;
  /** One entry per HTTP attempt; contains no secrets. */
  onRequest?: (entry: RequestLogEntry) => void;
  retry?: Partial<RetryPolicy>;
  /** Environment to read proxy variables from (defaults to `process.env`). */
  env?: NodeJS.ProcessEnv;
  /** Where control-plane rate-limit headers are recorded (a new state when not given). */
  rateLimit?: RateLimitState;
  /** Where Metrics API rate-limit headers are recorded (a new state when not given). */
  metricsRateLimit?: RateLimitState;
}

/** The Confluent Cloud client: one per organization connection. Host-free (no `vscode`). */
export class CloudClient {
  readonly organizations: OrganizationsApi;
  readonly environments: EnvironmentsApi;
  readonly kafkaClusters: KafkaClustersApi;
  readonly serviceAccounts: ServiceAccountsApi;
  readonly users: UsersApi;
  readonly invitations: InvitationsApi;
  readonly apiKeys: ApiKeysApi;
  readonly roleBindings: RoleBindingsApi;
  readonly metrics: MetricsApi;
  /** Latest `X-RateLimit-*` headers from the control plane. */
  readonly rateLimit: RateLimitState;
  /** Latest `RateLimit-*` headers from the Metrics API, kept apart because its limits differ. */
  readonly metricsRateLimit: RateLimitState;
  private readonly dispatchers: Dispatchers;

  constructor(options: CloudClientOptions) {
    this.rateLimit = options.rateLimit ?? new RateLimitState();
    this.metricsRateLimit = options.metricsRateLimit ?? new RateLimitState();
    this.dispatchers = new Dispatchers({ proxyUrl: options.proxyUrl, env: options.env });
    const shared = {
      dispatchers: this.dispatchers, getCredentials: options.getCredentials, timeoutMs: options.timeoutMs,
      maxResponseBytes: options.maxResponseBytes, retry: options.retry, onRequest: options.onRequest,
    };
    const control = new HttpClient({ ...shared, baseUrl: options.endpoint, rateLimit: this.rateLimit });
    const telemetry = new HttpClient({ ...shared, baseUrl: options.metricsEndpoint, rateLimit: this.metricsRateLimit });
    this.organizations = new OrganizationsApi(control);
    this.environments = new EnvironmentsApi(control);
    this.kafkaClusters = new KafkaClustersApi(control);
    this.serviceAccounts = new ServiceAccountsApi(control);
    this.users = new UsersApi(control);
    this.invitations = new InvitationsApi(control);
    this.apiKeys = new ApiKeysApi(control);
    this.roleBindings = new RoleBindingsApi(control);
    this.metrics = new MetricsApi(telemetry);
  }

  /** Closes every pooled connection in the background (fits `vscode.Disposable`). */
  dispose(): void {
    void this.dispatchers.close();
  }

  /** Like `dispose()`, but resolves once the sockets are closed. Later calls fail as `cancelled`. */
  close(): Promise<void> {
    return this.dispatchers.close();
  }
}
