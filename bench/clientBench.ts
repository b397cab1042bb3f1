/**
 * Cloud client figures: requests and wall time to list every API key at page size 100, the
 * client's overhead as a ratio to bare undici requests for the same pages in the same run, and
 * heap per parsed item.
 */
import { Pool } from 'undici';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { CloudClient } from '../src/cloud/cloudClient';
import type { ApiKey } from '../src/cloud/schemas/apiKey';
import { median, settledHeap } from './stats';

export interface ClientFigures {
  readonly keys: number;
  readonly requests: number;
  readonly clientMs: number;
  readonly rawMs: number;
  readonly overheadRatio: number;
  readonly bytesPerItem: number;
}

function clientFor(sandbox: Sandbox): CloudClient {
  return new CloudClient({
    endpoint: sandbox.url, metricsEndpoint: sandbox.url,
    getCredentials: async () => ({ key: sandbox.apiKey, secret: sandbox.apiSecret }),
  });
}

async function listWithClient(client: CloudClient): Promise<ApiKey[]> {
  const all: ApiKey[] = [];
  for await (const page of client.apiKeys.pages({ pageSize: 100 })) all.push(...page.items);
  return all;
}

// The same walk with nothing but undici and JSON.parse: the floor the client is compared to.
async function listRaw(pool: Pool, auth: string): Promise<number> {
  let token: string | undefined;
  let count = 0;
  do {
    const query = new URLSearchParams({ page_size: '100', ...(token ? { page_token: token } : {}) });
    const res = await pool.request({ method: 'GET', path: `/iam/v2/api-keys?${query}`, headers: { authorization: auth } });
    const body = (await res.body.json()) as { data: unknown[]; metadata?: { next?: string } };
    count += body.data.length;
    token = body.metadata?.next ? new URL(body.metadata.next).searchParams.get('page_token') ?? undefined : undefined;
  } while (token);
  return count;
}

export async function runClientBench(rounds = 7): Promise<ClientFigures> {
  const sandbox = await startSandbox({ port: 0, rateLimitPerMinute: 1_000_000 });
  const client = clientFor(sandbox);
  const pool = new Pool(sandbox.url, { connections: 1 });
  const auth = `Basic ${Buffer.from(`${sandbox.apiKey}:${sandbox.apiSecret}`).toString('base64')}`;
  try {
    // Warm both paths (connections, JIT) before measuring.
    await listWithClient(client);
    await listRaw(pool, auth);

    sandbox.clearRequests();
    const keys = (await listWithClient(client)).length;
    const requests = sandbox.requests().filter((r) => r.path === '/iam/v2/api-keys').length;

    // Alternate the two so machine noise hits both alike; the ratio is of medians from one run.
    const clientTimes: number[] = [];
    const rawTimes: number[] = [];
    for (let i = 0; i < rounds; i++) {
      let t = performance.now();
      await listWithClient(client);
      clientTimes.push(performance.now() - t);
      t = performance.now();
      await listRaw(pool, auth);
      rawTimes.push(performance.now() - t);
    }

    const before = settledHeap();
    let held: ApiKey[] | undefined = await listWithClient(client);
    const after = settledHeap();
    const bytesPerItem = (after - before) / held.length;
    held = undefined;

    const clientMs = median(clientTimes);
    const rawMs = median(rawTimes);
    return { keys, requests, clientMs, rawMs, overheadRatio: clientMs / rawMs, bytesPerItem };
  } finally {
    await pool.close();
    await client.close();
    await sandbox.close();
  }
}
