// Hostile servers on 127.0.0.1: oversized bodies, endless paging, dot-segment IDs, echoed credentials,
// zero or negative Retry-After, and timeouts. Each case used to hang, loop, leak or misreport.
import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { describe, it } from 'node:test';
import { CloudClient } from '../../../src/cloud/cloudClient';
import { iteratePages, type Page, type PageOptions } from '../../../src/cloud/pagination';
import { failure, useHttpFixture } from './httpFixture';
import { json, type TestServer } from './servers';

const KEY = 'HOSTILEKEY01';
const SECRET = 'hostile-secret-0123456789';
const BASIC = `Basic ${Buffer.from(`${KEY}:${SECRET}`).toString('base64')}`;
const { server, client, track } = useHttpFixture({ key: KEY, secret: SECRET });
const MB = 1024 * 1024;
/** Pages a test consumes at most, so a client without bounds fails the assertions instead of looping. */
const GUARD = 150;

/** Every page `pages` yields, stopping after GUARD + 1 so an unbounded client fails instead of looping. */
async function collect<T>(pages: AsyncIterable<Page<T>>): Promise<Page<T>[]> {
  const seen: Page<T>[] = [];
  for await (const page of pages) {
    seen.push(page);
    if (seen.length > GUARD) break;
  }
  return seen;
}

/** Streams `chunk` until the client hangs up (or `limit` bytes); resolves with the bytes written. */
function streamForever(res: ServerResponse, limit = 64 * MB): Promise<number> {
  const chunk = Buffer.alloc(64 * 1024, 'x');
  let written = 0;
  return new Promise((resolve) => {
    res.on('close', () => resolve(written));
    const pump = (): void => {
      while (!res.destroyed && written < limit) {
        written += chunk.length;
        if (!res.write(chunk)) {
          res.once('drain', pump);
          return;
        }
      }
      if (!res.destroyed) res.end();
    };
    pump();
  });
}

/** A CloudClient whose both endpoints are `s`, with fast retries. */
function cloudClient(s: TestServer, extra: Partial<ConstructorParameters<typeof CloudClient>[0]> = {}): CloudClient {
  const c = new CloudClient({
    endpoint: s.url, metricsEndpoint: s.url, env: {}, getCredentials: async () => ({ key: KEY, secret: SECRET }),
    retry: { maxAttempts: 4, baseMs: 2, capMs: 10, maxRetryAfterMs: 3_000 }, ...extra,
  });
  return track(c);
}

void describe('hostile servers: response size cap', { timeout: 20_000 }, () => {
  void it('refuses a declared Content-Length over the cap without reading it, once', async () => {
    const s = await server((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(600 * MB) });
      res.write('{"data":[');
      // Never finishes: the client must give up on the header alone.
    });
    const { http, log } = client(s.url, { maxResponseBytes: () => 32 * MB });
    const err = await failure(http.request({ method: 'GET', path: '/iam/v2/service-accounts', action: 'list service accounts' }));
    assert.equal(err.reason, 'too-large');
    assert.equal(err.message, "Couldn't list service accounts: response too large (over 32 MB) (200)");
    assert.equal(s.requests.length, 1, 'never retried');
    assert.equal(log.length, 1);
  });

  void it('stops reading a streamed body without Content-Length at the cap and closes the connection', async () => {
    let written: Promise<number> | undefined;
    const s = await server((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }); // chunked, no length
      written = streamForever(res);
    });
    const { http } = client(s.url, { maxResponseBytes: () => 1 * MB });
    const started = Date.now();
    const err = await failure(http.request({ method: 'GET', path: '/org/v2/environments', action: 'list environments' }));
    assert.equal(err.reason, 'too-large');
    assert.match(err.message, /response too large \(over 1 MB\)/);
    assert.equal(s.requests.length, 1, 'a too-large body is never downloaded again');
    const sent = await written!;
    assert.ok(sent < 16 * MB, `the server could push only ${sent} bytes before the connection closed`);
    assert.ok(Date.now() - started < 10_000);
  });

  void it('also caps error bodies, and still accepts a body right at the cap', async () => {
    const body = JSON.stringify({ pad: 'y'.repeat(MB - 20) });
    const ok = await server((_req, res) => json(res, 200, JSON.parse(body)));
    const { http } = client(ok.url, { maxResponseBytes: () => Buffer.byteLength(body) });
    assert.equal((await http.request({ method: 'GET', path: '/', action: 'read' })).status, 200);
    const bad = await server((_req, res) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      void streamForever(res);
    });
    const { http: http2 } = client(bad.url, { maxResponseBytes: () => MB });
    const err = await failure(http2.request({ method: 'GET', path: '/', action: 'read' }));
    assert.equal(err.reason, 'too-large');
    assert.equal(bad.requests.length, 1);
  });

  void it('plumbs maxResponseBytes through CloudClient', async () => {
    const s = await server((_req, res) => json(res, 200, { data: [], metadata: {}, pad: 'z'.repeat(4096) }));
    const c = cloudClient(s, { maxResponseBytes: () => 1024 });
    const err = await failure(c.environments.listPage());
    assert.equal(err.reason, 'too-large');
    assert.match(err.message, /response too large \(over 1 KB\)/);
  });
});

/** A list server that hands out a fresh next token on every page, forever. */
async function endlessList(pageItems = (n: number) => [{ id: `sa-${n}` }]): Promise<TestServer> {
  return server((req, res) => {
    const n = Number(new URL(req.url!, 'http://x').searchParams.get('page_token')?.slice(1) ?? 0);
    const size = Number(new URL(req.url!, 'http://x').searchParams.get('page_size') ?? 10);
    const items = Array.from({ length: size }, (_v, i) => pageItems(n * size + i)).flat()
      .map((it) => ({ ...it, display_name: it.id, description: '', metadata: { resource_name: `crn://x/${it.id}` } }));
    json(res, 200, { api_version: 'iam/v2', kind: 'ServiceAccountList', data: items, metadata: { next: `/iam/v2/service-accounts?page_token=t${n + 1}` } });
  });
}

void describe('hostile servers: paging bounds', { timeout: 20_000 }, () => {
  void it('pages() stops at maxItems against an endless-token server and says so on the last page', async () => {
    const s = await endlessList();
    const c = cloudClient(s);
    const pages = await collect(c.serviceAccounts.pages({ pageSize: 100, maxItems: 1_000 }));
    assert.equal(s.requests.length, 10);
    assert.equal(pages.reduce((n, p) => n + p.items.length, 0), 1_000);
    assert.deepEqual(pages.at(-1)!.truncated, { reason: 'max-items', loaded: 1_000, maxItems: 1_000 });
    assert.ok(pages.slice(0, -1).every((p) => p.truncated === undefined));
  });

  void it('pages() defaults to 10,000 items: 100 requests at page size 100', async () => {
    const s = await endlessList();
    const c = cloudClient(s);
    const last = (await collect(c.serviceAccounts.pages({ pageSize: 100 }))).at(-1);
    assert.equal(s.requests.length, 100);
    assert.equal(last?.truncated?.reason, 'max-items');
    assert.equal(last?.truncated?.loaded, 10_000);
  });

  void it('pages() cuts the last page to the cap', async () => {
    const s = await endlessList();
    const c = cloudClient(s);
    const sizes = (await collect(c.serviceAccounts.pages({ pageSize: 100, maxItems: 250 }))).map((page) => page.items.length);
    assert.deepEqual(sizes, [100, 100, 50]);
  });

  void it('pages() stops on a repeated token', async () => {
    const s = await server((req, res) => {
      // Alternates between two tokens: never the same as the last one, but a cycle all the same.
      const token = new URL(req.url!, 'http://x').searchParams.get('page_token');
      const next = token === 'a' ? 'b' : 'a';
      json(res, 200, { data: [{ id: `env-${token ?? 0}`, display_name: 'e', metadata: {} }], metadata: { next: `/org/v2/environments?page_token=${next}` } });
    });
    const c = cloudClient(s);
    const pages = await collect(c.environments.pages());
    assert.equal(s.requests.length, 3, 'first page, a, b — then b points back at a');
    assert.deepEqual(pages.at(-1)!.truncated, { reason: 'repeated-token', loaded: 3 });
  });

  void it('pages() gives up on a run of empty pages that keep promising more', async () => {
    const s = await endlessList(() => []);
    const c = cloudClient(s);
    const last = (await collect(c.serviceAccounts.pages({ pageSize: 100 }))).at(-1);
    assert.ok(s.requests.length <= 5, `${s.requests.length} requests`);
    assert.equal(last?.truncated?.reason, 'no-progress');
  });

  void it('pages() honours an AbortSignal between pages, even when the page fetcher ignores it', async () => {
    const s = await endlessList();
    const c = cloudClient(s);
    const abort = new AbortController();
    let seen = 0;
    const err = await failure((async () => {
      for await (const _page of c.serviceAccounts.pages({ pageSize: 10, signal: abort.signal })) {
        if (++seen === 3) abort.abort();
        if (seen > GUARD) break;
      }
    })());
    assert.equal(err.reason, 'cancelled');
    assert.equal(s.requests.length, 3);
    // A fetcher that never looks at the signal (the metrics pager builds its own requests).
    let calls = 0;
    const deaf = async (): Promise<Page<number>> => ({ items: [calls++], nextPageToken: `t${calls}` });
    const abort2 = new AbortController();
    const err2 = await failure((async () => {
      for await (const _page of iteratePages(deaf, { signal: abort2.signal })) {
        if (calls === 2) abort2.abort();
        if (calls > GUARD) break;
      }
    })());
    assert.equal(err2.reason, 'cancelled');
    assert.equal(calls, 2);
  });

  void it('iteratePages keeps a plain (unbounded-looking) caller working: no options, finite list', async () => {
    const fetched: (string | undefined)[] = [];
    const fetchPage = async (o: PageOptions): Promise<Page<number>> => {
      fetched.push(o.pageToken);
      return o.pageToken === undefined ? { items: [1, 2], nextPageToken: 'p2' } : { items: [3] };
    };
    const items: number[] = [];
    for await (const page of iteratePages(fetchPage, {})) items.push(...page.items);
    assert.deepEqual(items, [1, 2, 3]);
    assert.deepEqual(fetched, [undefined, 'p2']);
  });

  void it('metrics queryAll stops at maxItems and on a repeated token', async () => {
    let n = 0;
    const group = () => ({ 'metric.topic': `t${n}`, points: [{ timestamp: '2026-01-01T00:00:00Z', value: 1 }] });
    const s = await server((_req, res) => {
      n++;
      json(res, 200, { data: [group()], meta: { pagination: { page_size: 1, next_page_token: `t${n}` } } });
    });
    const loop = await server((_req, res) => {
      n++;
      json(res, 200, { data: [group()], meta: { pagination: { page_size: 1, next_page_token: 'same' } } });
    });
    const c = cloudClient(s);
    const request = {
      aggregations: [{ metric: 'io.confluent.kafka.server/received_bytes' }], granularity: 'PT1H' as const,
      intervals: ['2026-01-01T00:00:00Z/2026-01-01T06:00:00Z'], group_by: ['metric.topic'], format: 'GROUPED' as const,
      filter: { field: 'resource.kafka.id', op: 'EQ' as const, value: 'lkc-1' },
    };
    const capped = await c.metrics.queryAll(request, { maxItems: 25 });
    assert.equal(capped.data.length, 25);
    assert.equal(s.requests.length, 25);
    assert.deepEqual(capped.truncated, { reason: 'max-items', loaded: 25, maxItems: 25 });
    const looped = await cloudClient(loop).metrics.queryAll(request);
    assert.equal(loop.requests.length, 2, 'the first page and the one behind "same"; "same" again is not followed');
    assert.deepEqual(looped.truncated, { reason: 'repeated-token', loaded: 2 });
  });
});

void describe('hostile servers: IDs that are not one path segment', { timeout: 20_000 }, () => {
  void it('refuses . and .. IDs before sending anything', async () => {
    const s = await server((_req, res) => res.writeHead(204).end());
    const c = cloudClient(s);
    for (const id of ['..', '.', '%2e%2e', '.%2E', '']) {
      const err = await failure(c.serviceAccounts.delete(id));
      assert.equal(err.reason, 'policy', `id ${JSON.stringify(id)}`);
    }
    const err = await failure(c.apiKeys.delete('..'));
    assert.equal(err.message, "Couldn't delete API key ..: '..' is not a valid ID (it would change the request path)");
    assert.equal(s.requests.length, 0, 'nothing reached the server, least of all DELETE /iam/v2/');
  });

  void it('refuses a hand-built path with a dot segment at the transport, as a last line of defence', async () => {
    const s = await server((_req, res) => res.writeHead(204).end());
    const { http } = client(s.url);
    for (const path of ['/iam/v2/service-accounts/..', '/iam/v2/%2E%2e/x', '/iam/v2/./x']) {
      const err = await failure(http.request({ method: 'DELETE', path, action: 'delete thing' }));
      assert.equal(err.reason, 'policy', path);
    }
    assert.equal(s.requests.length, 0);
  });

  void it('sends other awkward IDs as exactly one encoded segment (raw request target)', async () => {
    const s = await server((_req, res) => res.writeHead(204).end());
    const c = cloudClient(s);
    await c.serviceAccounts.delete('a/b?c#d');
    await c.environments.delete('...');
    await c.users.delete('u-%2e%2e');
    await c.invitations.delete('.hidden');
    assert.deepEqual(s.requests.map((r) => `${r.method} ${r.url}`), [
      'DELETE /iam/v2/service-accounts/a%2Fb%3Fc%23d',
      'DELETE /org/v2/environments/...',
      'DELETE /iam/v2/users/u-%252e%252e',
      'DELETE /iam/v2/invitations/.hidden',
    ]);
  });
});

void describe('hostile servers: echoed credentials', { timeout: 20_000 }, () => {
  void it('redacts an echoed Authorization value, its base64 and the secret in every error field', async () => {
    const s = await server((req, res) => {
      const auth = String(req.headers.authorization);
      const b64 = auth.slice(6);
      json(res, 400, { errors: [{ code: 'echo', title: `Bad ${auth}`, detail: `Got authorization: ${auth} (${b64}) decoded ${Buffer.from(b64, 'base64').toString()}` }] });
    });
    const { http } = client(s.url);
    const err = await failure(http.request({ method: 'GET', path: '/x', action: 'list' }));
    const b64 = BASIC.slice(6);
    for (const text of [err.message, err.detail ?? '', err.title ?? '', JSON.stringify(err)]) {
      assert.ok(!text.includes(b64), text);
      assert.ok(!text.includes(SECRET), text);
    }
    assert.match(err.detail ?? '', /authorization: \*\*\* \(\*\*\*\) decoded HOSTILEKEY01:\*\*\*/);
  });

  void it('masks someone else\'s Basic credentials quoted by the server, but keeps ordinary prose', async () => {
    const other = Buffer.from('OTHER:pw-999999').toString('base64');
    const s = await server((_req, res) => json(res, 401, { errors: [{ detail: `Basic authentication failed for header Basic ${other}` }] }));
    const { http } = client(s.url);
    const err = await failure(http.request({ method: 'GET', path: '/x', action: 'list' }));
    assert.ok(!err.message.includes(other));
    assert.match(err.message, /basic authentication failed for header Basic \*\*\*/);
  });

  void it('redacts a non-JSON echo too', async () => {
    const s = await server((req, res) => res.writeHead(502, { 'content-type': 'text/plain' }).end(`upstream said ${String(req.headers.authorization)}`));
    const { http } = client(s.url, { retry: { maxAttempts: 1 } });
    const err = await failure(http.request({ method: 'GET', path: '/x', action: 'list' }));
    assert.ok(!err.message.includes(BASIC.slice(6)), err.message);
  });
});

void describe('hostile servers: Retry-After without a usable hint', { timeout: 20_000 }, () => {
  for (const value of ['0', '-5', 'Thu, 01 Jan 1970 00:00:00 GMT']) {
    void it(`backs off normally on Retry-After: ${value}`, async () => {
      const s = await server((_req, res) => json(res, 429, { errors: [{ detail: 'slow down' }] }, { 'retry-after': value }));
      // Full jitter pinned to its ceiling: 40, 80, 160 ms between the four attempts.
      const { http } = client(s.url, { retry: { maxAttempts: 4, baseMs: 40, capMs: 1_000, maxRetryAfterMs: 5_000, random: () => 0.999 } });
      const err = await failure(http.request({ method: 'GET', path: '/x', action: 'list' }));
      assert.equal(err.status, 429);
      assert.equal(s.requests.length, 4);
      const gaps = s.requests.slice(1).map((r, i) => r.at - s.requests[i]!.at);
      assert.ok(gaps.every((g, i) => g >= 35 * 2 ** i), `gaps ${gaps.join(', ')} ms`);
      assert.equal(err.retryAfterSeconds, undefined);
    });
  }
});

void describe('hostile settings: timeouts', { timeout: 20_000 }, () => {
  void it('a huge timeout does not overflow the timer into an instant timeout', async () => {
    const s = await server((_req, res) => setTimeout(() => json(res, 200, { ok: true }), 50));
    const { http } = client(s.url, { timeoutMs: () => 1e13 });
    assert.equal((await http.request({ method: 'GET', path: '/', action: 'read' })).status, 200);
  });

  void it('a timeout after retries gives the attempt count and the total time', async () => {
    const s = await server(() => undefined);
    const { http } = client(s.url, { timeoutMs: () => 100, retry: { maxAttempts: 3, baseMs: 5, capMs: 10, maxRetryAfterMs: 1_000 } });
    const err = await failure(http.request({ method: 'GET', path: '/', action: 'list environments' }));
    assert.equal(err.reason, 'timeout');
    assert.equal(s.requests.length, 3);
    assert.match(err.message, /^Couldn't list environments: 127\.0\.0\.1:\d+ timed out after 3 attempts over 0\.[3-9] s$/);
  });
});
