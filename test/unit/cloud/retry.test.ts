import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { backoffMs, isRetryable, parseRetryAfter, serverDelayMs } from '../../../src/cloud/retry';
import { failure, useHttpFixture } from './httpFixture';
import { fastRetry, json, type TestServer } from './servers';

const { server, client } = useHttpFixture({ key: 'k', secret: 'secret-value' });

const gaps = (s: TestServer): number[] => s.requests.slice(1).map((r, i) => r.at - s.requests[i]!.at);

void describe('retry policy (pure)', () => {
  void it('parses Retry-After as seconds or an HTTP date', () => {
    assert.equal(parseRetryAfter('3'), 3000);
    const now = Date.parse('2025-01-01T00:00:00Z');
    assert.equal(parseRetryAfter('Wed, 01 Jan 2025 00:00:07 GMT', now), 7000);
    assert.equal(parseRetryAfter('Tue, 31 Dec 2024 23:00:00 GMT', now), undefined, 'a past date is no hint');
    assert.equal(parseRetryAfter('soon'), undefined);
  });

  void it('reads X-RateLimit-Reset as relative seconds, preferring Retry-After', () => {
    assert.equal(serverDelayMs({ 'x-ratelimit-reset': '2' }, true), 2000);
    assert.equal(serverDelayMs({ 'retry-after': '1', 'x-ratelimit-reset': '9' }, true), 1000);
    assert.equal(serverDelayMs({}, true), undefined);
  });

  void it('ignores the rate-limit window on a 5xx, but honours Retry-After there', () => {
    assert.equal(serverDelayMs({ 'x-ratelimit-reset': '60' }, false), undefined, 'backoff, not a minute-long wait');
    assert.equal(serverDelayMs({ 'retry-after': '3', 'x-ratelimit-reset': '60' }, false), 3000);
  });

  void it('keeps full-jitter backoff within [0, min(cap, base·2^n)]', () => {
    const policy = { ...fastRetry, baseMs: 100, capMs: 1000 };
    assert.equal(backoffMs({ ...policy, random: () => 0.9999 }, 1), 99);
    assert.equal(backoffMs({ ...policy, random: () => 0.9999 }, 3), 399);
    assert.equal(backoffMs({ ...policy, random: () => 0.9999 }, 10), 999);
    assert.equal(backoffMs({ ...policy, random: () => 0 }, 10), 0);
  });

  void it('never repeats a POST that may have been processed', () => {
    assert.equal(isRetryable({ kind: 'status', status: 429 }, false), true);
    assert.equal(isRetryable({ kind: 'status', status: 500 }, false), false);
    assert.equal(isRetryable({ kind: 'status', status: 503 }, true), true);
    assert.equal(isRetryable({ kind: 'status', status: 400 }, true), false);
    assert.equal(isRetryable({ kind: 'network', code: 'ECONNREFUSED' }, false), true);
    assert.equal(isRetryable({ kind: 'network', code: 'ECONNRESET' }, false), false);
    assert.equal(isRetryable({ kind: 'network', code: 'UND_ERR_SOCKET' }, true), true);
    assert.equal(isRetryable({ kind: 'timeout' }, false), false);
  });
});

void describe('retries over real HTTP', () => {
  void it('waits for Retry-After before the next request', async () => {
    const s = await server((_req, res, n) => (n === 1 ? json(res, 429, {}, { 'retry-after': '1' }) : json(res, 200, { ok: 1 })));
    const { http } = client(s.url);
    const res = await http.request({ method: 'GET', path: '/', action: 'x' });
    assert.deepEqual(res.json, { ok: 1 });
    assert.equal(s.requests.length, 2);
    assert.ok(gaps(s)[0]! >= 990, `second request came after ${gaps(s)[0]} ms`);
  });

  void it('waits for X-RateLimit-Reset (relative seconds) when there is no Retry-After', async () => {
    const s = await server((_req, res, n) => (n === 1 ? json(res, 429, {}, { 'x-ratelimit-reset': '1', 'x-ratelimit-remaining': '0' }) : json(res, 200, {})));
    const { http } = client(s.url);
    await http.request({ method: 'GET', path: '/', action: 'x' });
    assert.ok(gaps(s)[0]! >= 990);
  });

  void it('retries a POST after 429 (not processed), but sends it once under 500', async () => {
    const limited = await server((_req, res, n) => (n === 1 ? json(res, 429, {}, { 'retry-after': '0' }) : json(res, 201, { id: 'sa-1' })));
    const { http } = client(limited.url);
    assert.deepEqual((await http.request({ method: 'POST', path: '/sa', body: { a: 1 }, action: 'create' })).json, { id: 'sa-1' });
    assert.equal(limited.requests.length, 2);
    const broken = await server((_req, res) => json(res, 500, { errors: [{ code: 'internal_server_error', detail: 'Oops' }] }));
    const { http: h2 } = client(broken.url);
    const err = await failure(h2.request({ method: 'POST', path: '/sa', body: {}, action: 'create service account' }));
    assert.equal(err.status, 500);
    assert.equal(broken.requests.length, 1);
  });

  void it('does not resend a POST when the connection resets after the server read it', async () => {
    const s = await server((req) => req.socket.destroy());
    const { http } = client(s.url);
    const err = await failure(http.request({ method: 'POST', path: '/keys', body: { spec: {} }, action: 'create API key' }));
    assert.equal(err.reason, 'network');
    assert.equal(s.requests.length, 1);
  });

  void it('does not resend a POST that timed out, but retries an idempotent GET', async () => {
    const s = await server(() => undefined);
    const { http } = client(s.url, { timeoutMs: () => 100 });
    const post = await failure(http.request({ method: 'POST', path: '/p', body: {}, action: 'create' }));
    assert.equal(post.reason, 'timeout');
    assert.equal(s.requests.length, 1);
    const get = await failure(http.request({ method: 'GET', path: '/g', action: 'read' }));
    assert.equal(get.reason, 'timeout');
    assert.equal(s.requests.filter((r) => r.url === '/g').length, fastRetry.maxAttempts);
  });

  void it('retries a POST marked idempotent (metrics query) after 503', async () => {
    const s = await server((_req, res, n) => (n < 3 ? json(res, 503, {}) : json(res, 200, { data: [] })));
    const { http, log } = client(s.url);
    await http.request({ method: 'POST', path: '/q', body: {}, idempotent: true, action: 'query' });
    assert.equal(s.requests.length, 3);
    assert.deepEqual(log.map((e) => [e.attempt, e.status]), [[1, 503], [2, 503], [3, 200]]);
  });

  void it('retries a POST whose connection was refused (never sent)', async () => {
    const s = await server(() => undefined);
    await s.close();
    const { http, log } = client(s.url);
    const err = await failure(http.request({ method: 'POST', path: '/p', body: {}, action: 'create' }));
    assert.equal(err.networkCode, 'ECONNREFUSED');
    assert.equal(log.length, fastRetry.maxAttempts);
  });

  void it('bounds exponential backoff by the cap and gives up after maxAttempts', async () => {
    const s = await server((_req, res) => json(res, 503, {}));
    const { http } = client(s.url, { retry: { maxAttempts: 6, baseMs: 30, capMs: 60, maxRetryAfterMs: 1000, random: () => 0.9999 } });
    const err = await failure(http.request({ method: 'GET', path: '/', action: 'list' }));
    assert.equal(err.status, 503);
    assert.equal(s.requests.length, 6);
    const g = gaps(s);
    assert.ok(g.every((ms) => ms < 60 + 80), `gaps ${g.join(',')} exceed the cap`);
    assert.ok(g.slice(2).every((ms) => ms >= 55), `gaps ${g.join(',')} should have reached the cap`);
  });

  void it('gives up at once when Retry-After exceeds maxRetryAfterMs, reporting when to retry', async () => {
    const s = await server((_req, res) => json(res, 429, { errors: [{ code: 'too_many_requests' }] }, { 'retry-after': '120' }));
    const { http } = client(s.url);
    const err = await failure(http.request({ method: 'GET', path: '/', action: 'list environments' }));
    assert.equal(s.requests.length, 1);
    assert.equal(err.retryAfterSeconds, 120);
    assert.match(err.message, /try again in 120 s \(429 too_many_requests\)$/);
  });

  void it('stops retrying promptly when cancelled during a Retry-After wait', async () => {
    const s = await server((_req, res) => json(res, 429, {}, { 'retry-after': '4' }));
    const { http } = client(s.url);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const err = await failure(http.request({ method: 'GET', path: '/', action: 'list', signal: controller.signal }));
    assert.equal(err.reason, 'cancelled');
    assert.ok(Date.now() - started < 1000, 'cancellation must not wait for Retry-After');
    assert.equal(s.requests.length, 1);
  });

  void it('cancels an in-flight request with reason cancelled (not timeout)', async () => {
    const s = await server(() => undefined);
    const { http } = client(s.url);
    const err = await failure(http.request({ method: 'GET', path: '/', action: 'list', signal: AbortSignal.timeout(80) }));
    assert.equal(err.reason, 'cancelled');
    assert.equal(s.requests.length, 1);
  });
});
