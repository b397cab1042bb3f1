import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CloudClient } from '../../../src/cloud/cloudClient';
import { Dispatchers } from '../../../src/cloud/dispatchers';
import { HttpClient } from '../../../src/cloud/http';
import { RateLimitState } from '../../../src/cloud/rateLimit';
import { failure, useHttpFixture } from './httpFixture';
import { fastRetry, json, selfSignedCert, startHttpsServer } from './servers';

const SECRET = 'sEcReT-0123456789abcdef';
const { server, client, track } = useHttpFixture({ key: 'KEY1', secret: SECRET });

void describe('transport', () => {
  void it('sends Basic auth from getCredentials on every attempt, so rotated keys apply at once', async () => {
    const s = await server((_req, res) => json(res, 200, { ok: true }));
    let n = 0;
    const { http } = client(s.url, { getCredentials: async () => ({ key: `K${++n}`, secret: 's3cr3t-xyz' }) });
    await http.request({ method: 'GET', path: '/a', action: 'read a' });
    await http.request({ method: 'GET', path: '/a', action: 'read a' });
    const users = s.requests.map((r) => Buffer.from(String(r.headers.authorization).slice(6), 'base64').toString());
    assert.deepEqual(users, ['K1:s3cr3t-xyz', 'K2:s3cr3t-xyz']);
  });

  void it('refuses plain http: to a non-loopback host without sending anything', async () => {
    let calls = 0;
    const { http } = client('http://example.com', { getCredentials: async () => (calls++, { key: 'k', secret: SECRET }) });
    const err = await failure(http.request({ method: 'GET', path: '/x', action: 'list things' }));
    assert.equal(err.reason, 'policy');
    assert.equal(calls, 0, 'credentials must not even be fetched');
    assert.match(err.message, /^Couldn't list things: refusing to send credentials to http:\/\/example\.com/);
  });

  void it('allows http: to 127.0.0.0/8 and localhost', async () => {
    const s = await server((_req, res) => json(res, 200, {}));
    const { http } = client(s.url.replace('127.0.0.1', 'localhost'));
    assert.equal((await http.request({ method: 'GET', path: '/', action: 'x' })).status, 200);
  });

  void it('follows up to 5 redirects and fails on the 6th', async () => {
    const s = await server((req, res) => {
      const n = Number(new URL(req.url!, 'http://x').searchParams.get('n') ?? 0);
      const limit = req.url!.startsWith('/five') ? 5 : 6;
      if (n < limit) res.writeHead(302, { location: `${req.url!.split('?')[0]}?n=${n + 1}` }).end();
      else json(res, 200, { n });
    });
    const { http } = client(s.url);
    const ok = await http.request({ method: 'GET', path: '/five', action: 'follow' });
    assert.deepEqual(ok.json, { n: 5 });
    const before = s.requests.length;
    const err = await failure(http.request({ method: 'GET', path: '/six', action: 'follow' }));
    assert.equal(err.reason, 'policy');
    assert.match(err.message, /too many redirects/);
    assert.equal(s.requests.length - before, 6, 'the 6th redirect response is not followed');
  });

  void it('drops Authorization when a redirect changes origin', async () => {
    const other = await server((_req, res) => json(res, 200, { where: 'other' }));
    const first = await server((_req, res) => res.writeHead(307, { location: `${other.url}/landing` }).end());
    const { http } = client(first.url);
    const res = await http.request({ method: 'GET', path: '/start', action: 'follow' });
    assert.deepEqual(res.json, { where: 'other' });
    assert.ok(first.requests[0]!.headers.authorization);
    assert.equal(other.requests[0]!.headers.authorization, undefined);
  });

  void it('refuses a redirect from https: to http:', async (t) => {
    const tls = selfSignedCert();
    if (!tls) return t.skip('openssl not available');
    const plain = await server((_req, res) => json(res, 200, {}));
    const secure = await startHttpsServer(tls, (_req, res) => res.writeHead(302, { location: `${plain.url}/x` }).end());
    track(secure);
    const dispatchers = new Dispatchers({ env: {}, ca: tls.cert });
    track(dispatchers);
    const http = new HttpClient({ baseUrl: secure.url, dispatchers, getCredentials: async () => ({ key: 'k', secret: SECRET }) });
    const err = await failure(http.request({ method: 'GET', path: '/', action: 'follow' }));
    assert.equal(err.reason, 'policy');
    assert.match(err.message, /https: to http:/);
    assert.equal(secure.requests.length, 1);
    assert.equal(plain.requests.length, 0);
  });

  void it('turns an HTML error page into a one-line http error', async () => {
    const s = await server((_req, res) => res.writeHead(502, { 'content-type': 'text/html', 'x-request-id': 'abcdef0123456789' })
      .end('<!DOCTYPE html>\n<html><body><h1>502 Bad Gateway</h1></body></html>'));
    const { http } = client(s.url, { retry: { ...fastRetry, maxAttempts: 1 } });
    const err = await failure(http.request({ method: 'GET', path: '/', action: 'list environments' }));
    assert.equal(err.reason, 'http');
    assert.equal(err.status, 502);
    assert.equal(err.requestId, 'abcdef0123456789');
    assert.equal(err.message, "Couldn't list environments: the server returned an HTML error page instead of an API response (502, request abcdef01…)");
  });

  void it('reports malformed JSON and empty bodies on 2xx as malformed', async () => {
    const s = await server((req, res) => res.writeHead(200).end(req.url === '/junk' ? '{"data": [' : '<html>hi</html>'));
    const { http } = client(s.url);
    const junk = await failure(http.request({ method: 'GET', path: '/junk', action: 'list users' }));
    assert.equal(junk.reason, 'malformed');
    assert.equal(junk.message, "Couldn't list users: the response was not valid JSON (200)");
    const html = await failure(http.request({ method: 'GET', path: '/html', action: 'list users' }));
    assert.match(html.message, /HTML page instead of JSON/);
  });

  void it('formats a Failure body, shortening the request id and finding the 403 permission', async () => {
    const s = await server((req, res) => {
      if (req.url === '/conflict') {
        return json(res, 409, { errors: [{ status: '409', code: 'resource_already_exists', detail: "A service account named 'payments' already exists." }] },
          { 'x-request-id': '7f3c9a1e-55aa-4b3c-9d0e-1234567890ab' });
      }
      if (req.url === '/modern') return json(res, 400, { status: 400, error: { code: 'bad_thing', message: 'Bad thing happened' }, requestId: 'r-123' });
      json(res, 403, { errors: [{ code: 'user_unauthorized', detail: 'Principal u-1 lacks permission CreateEnvironment:Organization' }] });
    });
    const { http } = client(s.url);
    const conflict = await failure(http.request({ method: 'POST', path: '/conflict', action: 'create service account', body: {} }));
    assert.equal(conflict.message,
      "Couldn't create service account: a service account named 'payments' already exists (409 resource_already_exists, request 7f3c9a1e…)");
    assert.equal(conflict.code, 'resource_already_exists');
    const forbidden = await failure(http.request({ method: 'POST', path: '/forbidden', action: 'create environment', body: {} }));
    assert.equal(forbidden.permission, 'CreateEnvironment:Organization');
    const modern = await failure(http.request({ method: 'GET', path: '/modern', action: 'read' }));
    assert.equal(modern.code, 'bad_thing');
    assert.equal(modern.requestId, 'r-123');
  });

  void it('never puts the secret into messages or log entries', async () => {
    const s = await server((req, res) => {
      const decoded = Buffer.from(String(req.headers.authorization).slice(6), 'base64').toString();
      json(res, 400, { errors: [{ code: 'echo', detail: `Rejected credentials ${decoded}` }] });
    });
    const { http, log } = client(s.url);
    const err = await failure(http.request({ method: 'GET', path: '/x', query: { page_token: 'tok123', environment: 'env-1' }, action: 'list' }));
    assert.ok(!err.message.includes(SECRET) && !String(err.detail).includes(SECRET));
    assert.match(err.message, /KEY1:\*\*\*/);
    assert.equal(log.length, 1);
    assert.equal(log[0]!.path, '/x?page_token=***&environment=env-1');
    assert.ok(!JSON.stringify(log).includes(SECRET));
    assert.ok(!JSON.stringify(err).includes('Basic '));
  });

  void it('publishes X-RateLimit-* headers as observable state', async () => {
    const s = await server((_req, res) => json(res, 200, {}, { 'x-ratelimit-limit': '25', 'x-ratelimit-remaining': '7', 'x-ratelimit-reset': '12' }));
    const rateLimit = new RateLimitState();
    const { http } = client(s.url, { rateLimit });
    const seen: unknown[] = [];
    const unsubscribe = rateLimit.onDidChange((snap) => seen.push(snap.remaining));
    await http.request({ method: 'GET', path: '/', action: 'x' });
    unsubscribe();
    await http.request({ method: 'GET', path: '/', action: 'x' });
    assert.deepEqual(seen, [7]);
    const cur = rateLimit.current();
    assert.equal(cur?.limit, 25);
    assert.equal(cur?.resetSeconds, 12);
    assert.ok(cur && Date.now() - cur.observedAt < 5_000);
  });

  void it('times out a hung request with reason timeout', async () => {
    const s = await server(() => undefined); // never answers
    const { http } = client(s.url, { timeoutMs: () => 150, retry: { ...fastRetry, maxAttempts: 1 } });
    const started = Date.now();
    const err = await failure(http.request({ method: 'GET', path: '/', action: 'list environments' }));
    assert.equal(err.reason, 'timeout');
    assert.ok(Date.now() - started < 2_000);
    assert.match(err.message, /did not answer within 0\.2 s|within 0\.1 s|within 0\.15 s/);
  });

  void it('reports connection refused as a network error with a clear message', async () => {
    const s = await server(() => undefined);
    await s.close();
    const { http } = client(s.url, { retry: { ...fastRetry, maxAttempts: 1 } });
    const err = await failure(http.request({ method: 'GET', path: '/', action: 'list environments' }));
    assert.equal(err.reason, 'network');
    assert.match(err.message, /^Couldn't list environments: couldn't reach 127\.0\.0\.1:\d+: connection refused \(ECONNREFUSED\)$/);
  });

  void it('keeps the base URL path prefix and path-encodes ids', async () => {
    const s = await server((_req, res) => json(res, 200, {}));
    const { http } = client(`${s.url}/prefix/`);
    await http.request({ method: 'GET', path: `/iam/v2/users/${encodeURIComponent('u-1/../x?y')}`, action: 'x' });
    assert.equal(s.requests[0]!.url, '/prefix/iam/v2/users/u-1%2F..%2Fx%3Fy');
  });

  void it('reports unreadable credentials without a request, and fails calls after close()', async () => {
    const s = await server((_req, res) => json(res, 200, {}));
    const { http } = client(s.url, { getCredentials: () => Promise.reject(new Error('keychain locked: token=xyz')) });
    const err = await failure(http.request({ method: 'GET', path: '/', action: 'list environments' }));
    assert.equal(err.reason, 'policy');
    assert.ok(!err.message.includes('xyz'));
    assert.equal(s.requests.length, 0);
    const c = new CloudClient({ endpoint: s.url, metricsEndpoint: s.url, env: {}, getCredentials: async () => undefined });
    await c.close();
    const closed = await failure(c.environments.listPage());
    assert.equal(closed.reason, 'cancelled');
    assert.equal(closed.message, "Couldn't list environments: the client was disposed");
    assert.equal(s.requests.length, 0);
  });
});
