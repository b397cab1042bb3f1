import * as l10n from '@vscode/l10n';
import { rootCertificates } from 'node:tls';
import type { Dispatcher, EnvHttpProxyAgent, Pool } from 'undici';
import { undici } from './undiciModule';
import { CloudApiError } from './errors';
import { isLoopbackHost } from './urlPolicy';

/** Where proxy settings come from; `env` is injectable so tests don't depend on the shell. */
export interface DispatcherOptions {
  /** Explicit proxy (VS Code's `http.proxy`); wins over the environment. */
  proxyUrl?: () => string | undefined;
  env?: NodeJS.ProcessEnv;
  /** Extra trusted CA certificates (PEM), e.g. a corporate root; Node's defaults apply otherwise. */
  ca?: string | readonly string[];
}

/** The action named when the caller gave none; phrased to follow "Couldn't". */
const sendRequest = (): string => l10n.t({ message: 'send request', comment: ['follows "Couldn\'t", as in "Couldn\'t send request: …"'] });

const envValue = (env: NodeJS.ProcessEnv, name: string): string | undefined =>
  env[name] || env[name.toLowerCase()] || undefined;

/**
 * Owns every connection: one keep-alive `Pool` per origin when going direct, or one
 * `EnvHttpProxyAgent` per proxy configuration (it keeps its own per-origin pools and applies
 * `NO_PROXY`). The proxy setting is read per request so changing it takes effect immediately.
 */
export class Dispatchers {
  private readonly pools = new Map<string, Pool>();
  private readonly proxies = new Map<string, EnvHttpProxyAgent>();
  private closed = false;

  constructor(private readonly options: DispatcherOptions = {}) {}

  /** The dispatcher to use for `url`. */
  for(url: URL, action?: string): Dispatcher {
    if (this.closed) throw new CloudApiError({ reason: 'cancelled', action: action ?? sendRequest(), summary: l10n.t('the client was disposed') });
    const env = this.options.env ?? process.env;
    // This machine is always reached directly: a proxy would see plain-http: Authorization headers
    // meant for the local sandbox, and could not reach the user's loopback anyway.
    if (isLoopbackHost(url.hostname)) return this.direct(url);
    const explicit = this.options.proxyUrl?.()?.trim() || undefined;
    const fromEnv = envValue(env, 'HTTPS_PROXY') ?? envValue(env, 'HTTP_PROXY');
    if (explicit || fromEnv) {
      const noProxy = envValue(env, 'NO_PROXY');
      const key = JSON.stringify([explicit, envValue(env, 'HTTPS_PROXY'), envValue(env, 'HTTP_PROXY'), noProxy]);
      let agent = this.proxies.get(key);
      if (!agent) {
        agent = this.createProxyAgent(explicit, env, noProxy, action ?? sendRequest());
        this.proxies.set(key, agent);
      }
      return agent;
    }
    return this.direct(url);
  }

  private direct(url: URL): Pool {
    let pool = this.pools.get(url.origin);
    if (!pool) {
      const ca = this.trustedCa();
      pool = new (undici().Pool)(url.origin, { connections: 8, keepAliveTimeout: 10_000, ...(ca ? { connect: { ca } } : {}) });
      this.pools.set(url.origin, pool);
    }
    return pool;
  }

  private createProxyAgent(explicit: string | undefined, env: NodeJS.ProcessEnv, noProxy: string | undefined, action: string): EnvHttpProxyAgent {
    try {
      if (explicit) new URL(explicit);
      const ca = this.trustedCa();
      return new (undici().EnvHttpProxyAgent)({
        // The extra roots apply to the tunnelled TLS session as well as to direct connections.
        ...(ca ? { connect: { ca }, requestTls: { ca } } : {}),
        httpProxy: explicit ?? envValue(env, 'HTTP_PROXY'),
        httpsProxy: explicit ?? envValue(env, 'HTTPS_PROXY') ?? envValue(env, 'HTTP_PROXY'),
        noProxy: noProxy ?? '',
        // Plain http: (loopback only) goes as an absolute-form request, like curl; https: still uses CONNECT.
        proxyTunnel: false,
      });
    } catch {
      throw new CloudApiError({ reason: 'policy', action, summary: l10n.t('the configured proxy URL is not valid') });
    }
  }

  /** `ca` replaces Node's trust store, so the extra roots are added to the bundled ones. */
  private trustedCa(): string[] | undefined {
    return this.options.ca === undefined ? undefined : [...rootCertificates, ...[this.options.ca].flat()];
  }

  /** Closes every pooled connection; later requests fail as cancelled. */
  async close(): Promise<void> {
    this.closed = true;
    const all = [...this.pools.values(), ...this.proxies.values()];
    this.pools.clear();
    this.proxies.clear();
    await Promise.allSettled(all.map((d) => d.close()));
  }
}
