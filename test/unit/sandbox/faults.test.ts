import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { FaultInjector, FaultSpecError, parseFaultSpec } from '../../../sandbox/faults';
import type { Sandbox } from '../../../sandbox/server';
import { call, get, launch } from './helpers';

void describe('fault spec parsing', () => {
  void it('parses effects, amounts and scopes', () => {
    assert.deepEqual(parseFaultSpec('429:0.2, 500:10%,drop:x2 , slow=3000:0.1@POST /iam/v2/api-keys,503@/v2/metrics/,html=502@DELETE'), [
      { effect: '429', probability: 0.2 },
      { effect: '500', probability: 0.1 },
      { effect: 'drop', times: 2 },
      { effect: 'slow=3000', probability: 0.1, method: 'POST', path: '/iam/v2/api-keys' },
      { effect: '503', path: '/v2/metrics/' },
      { effect: 'html=502', method: 'DELETE' },
    ]);
    assert.deepEqual(parseFaultSpec(''), []);
  });

  void it('rejects unknown effects and bad amounts', () => {
    const injector = new FaultInjector(1);
    for (const spec of ['boom', '429:lots', '700', 'slow=fast', '500:1.5', 'drop@not a path']) {
      assert.throws(() => injector.set(spec), FaultSpecError, spec);
    }
  });

  void it('fires a share of matching requests reproducibly for the same seed', () => {
    const run = () => {
      const injector = new FaultInjector(42);
      injector.set('500:0.3');
      return Array.from({ length: 200 }, () => (injector.pick('GET', '/x') ? 'F' : '-')).join('');
    };
    const a = run();
    assert.equal(a, run());
    const fired = [...a].filter((c) => c !== '-').length;
    assert.ok(fired > 30 && fired < 90, `${fired} of 200`);
  });
});

void describe('sandbox faults over HTTP', () => {
  let sb: Sandbox;
  before(async () => { sb = await launch(); });
  after(async () => { await sb.close(); });
  beforeEach(() => { sb.setFaults(''); });

  void it('429 with and without Retry-After', async () => {
    sb.setFaults('429=7:x1,429-bare:x1');
    const first = await get(sb, '/iam/v2/users');
    assert.equal(first.status, 429);
    assert.equal(first.headers.get('retry-after'), '7');
    const second = await get(sb, '/iam/v2/users');
    assert.equal(second.status, 429);
    assert.equal(second.headers.get('retry-after'), null);
    assert.equal((await get(sb, '/iam/v2/users')).status, 200, 'count mode is spent');
  });

  void it('500 and 503 with Failure bodies and request ids', async () => {
    sb.setFaults('500:x1,503:x1');
    for (const status of [500, 503]) {
      const reply = await get(sb, '/iam/v2/users');
      assert.equal(reply.status, status);
      assert.equal(reply.json.errors[0].status, String(status));
      assert.equal(reply.json.errors[0].id, reply.headers.get('x-request-id'));
    }
  });

  void it('drops the connection', async () => {
    sb.setFaults('drop:x1');
    await assert.rejects(get(sb, '/iam/v2/users'));
    assert.equal((await get(sb, '/iam/v2/users')).status, 200);
    const log = sb.requests().filter((r) => r.fault === 'drop');
    assert.equal(log.length, 1);
    assert.equal(log[0]?.status, 0);
  });

  void it('slows responses down', async () => {
    sb.setFaults('slow=300:x1');
    const started = Date.now();
    const reply = await get(sb, '/iam/v2/users');
    assert.equal(reply.status, 200);
    assert.ok(Date.now() - started >= 280);
  });

  void it('malformed JSON, HTML error page and empty body', async () => {
    sb.setFaults('malformed:x1,html=503:x1,empty:x1');
    const malformed = await get(sb, '/iam/v2/users');
    assert.equal(malformed.status, 200);
    assert.throws(() => JSON.parse(malformed.text) as unknown);
    const html = await get(sb, '/iam/v2/users');
    assert.equal(html.status, 503);
    assert.match(html.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(html.text, /<html>/);
    const empty = await get(sb, '/iam/v2/users');
    assert.equal(empty.status, 200);
    assert.equal(empty.text, '');
  });

  void it('restricts faults by method and path prefix', async () => {
    sb.setFaults('503@POST /iam/v2/service-accounts');
    assert.equal((await get(sb, '/iam/v2/service-accounts')).status, 200, 'GET is not matched');
    assert.equal((await get(sb, '/iam/v2/users')).status, 200);
    assert.equal((await call(sb, 'POST', '/iam/v2/service-accounts', { body: { display_name: 'never-created' } })).status, 503);
    assert.equal((await call(sb, 'POST', '/iam/v2/service-accounts', { body: { display_name: 'never-created' } })).status, 503, 'no count: every time');
    sb.setFaults('');
    assert.equal((await get(sb, '/iam/v2/service-accounts?display_name=never-created')).json.data.length, 0, 'pre-response faults do not commit');
  });

  void it('500-after-commit: the create happens, the client sees 500, a blind retry gets 409', async () => {
    sb.setFaults('500-after-commit:x1@POST /iam/v2/service-accounts');
    const first = await call(sb, 'POST', '/iam/v2/service-accounts', { body: { display_name: 'committed-anyway' } });
    assert.equal(first.status, 500);
    const found = await get(sb, '/iam/v2/service-accounts?display_name=committed-anyway');
    assert.equal(found.json.data.length, 1, 'state changed despite the 500');
    const retry = await call(sb, 'POST', '/iam/v2/service-accounts', { body: { display_name: 'committed-anyway' } });
    assert.equal(retry.status, 409);
  });

  void it('drop-after-commit: the API key exists although the connection died', async () => {
    const before = (await get(sb, '/iam/v2/api-keys')).json.metadata.total_size;
    sb.setFaults('drop-after-commit:x1@POST /iam/v2/api-keys');
    await assert.rejects(call(sb, 'POST', '/iam/v2/api-keys', { body: { spec: { owner: { id: 'u-ada1815' } } } }));
    assert.equal((await get(sb, '/iam/v2/api-keys')).json.metadata.total_size, before + 1);
  });

  void it('POST /_sandbox/faults accepts a spec or rules and is itself never faulted', async () => {
    const set = await fetch(`${sb.url}/_sandbox/faults`, { method: 'POST', body: JSON.stringify({ spec: '503' }) });
    assert.equal(set.status, 200);
    assert.deepEqual(((await set.json()) as { rules: unknown[] }).rules, [{ effect: '503' }]);
    assert.equal((await get(sb, '/iam/v2/users')).status, 503);
    const rules = await fetch(`${sb.url}/_sandbox/faults`, { method: 'POST', body: JSON.stringify([{ effect: '502', times: 1, path: '/org/' }]) });
    assert.equal(rules.status, 200, 'control endpoints ignore the catch-all 503');
    assert.equal((await get(sb, '/org/v2/environments')).status, 502);
    assert.equal((await get(sb, '/org/v2/environments')).status, 200);
    const bad = await fetch(`${sb.url}/_sandbox/faults`, { method: 'POST', body: JSON.stringify({ spec: 'explode' }) });
    assert.equal(bad.status, 400);
    assert.ok(bad.headers.get('x-request-id'));
  });

  void it('GET /_sandbox/faults shows what is left of a counted rule', async () => {
    sb.setFaults('503:x2@/iam/v2/users');
    await get(sb, '/iam/v2/users');
    const rules = (await (await fetch(`${sb.url}/_sandbox/faults`)).json()) as { rules: { remaining?: number }[] };
    assert.equal(rules.rules[0]?.remaining, 1);
  });

  void it('--latency delays Confluent-facing responses but not the control endpoints', async () => {
    const slow = await launch({ latencyMs: 250 });
    try {
      let started = Date.now();
      assert.equal((await get(slow, '/iam/v2/users')).status, 200);
      assert.ok(Date.now() - started >= 240, 'API response delayed');
      started = Date.now();
      assert.equal((await fetch(`${slow.url}/_sandbox/requests`)).status, 200);
      assert.ok(Date.now() - started < 240, 'control endpoint not delayed');
    } finally {
      await slow.close();
    }
  });

  void it('faults given at start apply, and metrics paths can be targeted', async () => {
    const other = await launch({ faults: '503:x1@/v2/metrics/' });
    try {
      assert.equal((await get(other, '/iam/v2/users')).status, 200);
      const reply = await get(other, '/v2/metrics/cloud/descriptors/metrics');
      assert.equal(reply.status, 503);
      assert.equal(reply.json.errors[0].title, undefined, 'metrics-style error body');
    } finally {
      await other.close();
    }
  });
});
