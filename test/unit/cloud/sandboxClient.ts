// Starts the team's sandbox and a CloudClient pointed at it, with millisecond retry delays.
import { after, before, beforeEach } from 'node:test';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../../sandbox/server';
import { CloudClient, type CloudClientOptions } from '../../../src/cloud/cloudClient';
import { type RequestLogEntry } from '../../../src/cloud/requestLog';

export interface Harness {
  sandbox: Sandbox;
  client: CloudClient;
  log: RequestLogEntry[];
  /** A second client for the same sandbox with other credentials or options. */
  clientWith(options: Partial<CloudClientOptions>): CloudClient;
  close(): Promise<void>;
  /** Sandbox-side records of Confluent-facing requests whose path starts with `prefix`. */
  hits(prefix: string, method?: string): number;
}

export async function startHarness(options: SandboxOptions = {}): Promise<Harness> {
  const sandbox = await startSandbox({ port: 0, ...options });
  const log: RequestLogEntry[] = [];
  const clients: CloudClient[] = [];
  const clientWith = (extra: Partial<CloudClientOptions>): CloudClient => {
    const c = new CloudClient({
      endpoint: sandbox.url, metricsEndpoint: sandbox.url, env: {},
      getCredentials: async () => ({ key: sandbox.apiKey, secret: sandbox.apiSecret }),
      retry: { maxAttempts: 4, baseMs: 2, capMs: 10, maxRetryAfterMs: 3_000 },
      onRequest: (e) => log.push(e), ...extra,
    });
    clients.push(c);
    return c;
  };
  const client = clientWith({});
  return {
    sandbox, client, log, clientWith,
    hits: (prefix, method) => sandbox.requests().filter((r) => r.path.startsWith(prefix) && (!method || r.method === method)).length,
    close: async () => {
      await Promise.all(clients.map((c) => c.close()));
      await sandbox.close();
    },
  };
}

/**
 * Call at the top of a test file: one sandbox and client for the file, started in `before`, closed
 * in `after`, with state and request log back to the seed before every test.
 */
export function useHarness(options: SandboxOptions = {}): Harness {
  let current: Harness | undefined;
  const get = (): Harness => {
    if (!current) throw new Error('the sandbox harness starts in before()');
    return current;
  };
  before(async () => {
    current = await startHarness(options);
  });
  after(async () => {
    await current?.close();
  });
  beforeEach(() => {
    get().sandbox.reset();
    get().sandbox.clearRequests();
  });
  return {
    get sandbox() {
      return get().sandbox;
    },
    get client() {
      return get().client;
    },
    get log() {
      return get().log;
    },
    clientWith: (extra) => get().clientWith(extra),
    hits: (prefix, method) => get().hits(prefix, method),
    close: () => get().close(),
  };
}
