import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { FIXTURES } from '../../../sandbox/fixtures';
import { createRng, pick, randomInt } from '../../../sandbox/random';
import type { Sandbox } from '../../../sandbox/server';
import { basic, call, get, launch, type Json } from './helpers';

const PATHS = [
  '/org/v2/organizations', `/org/v2/organizations/${FIXTURES.organization.id}`, '/org/v2/environments',
  `/org/v2/environments/${FIXTURES.productionEnvironment.id}`, '/cmk/v2/clusters', `/cmk/v2/clusters/${FIXTURES.productionCluster.id}`,
  '/iam/v2/service-accounts', `/iam/v2/service-accounts/${FIXTURES.disposableServiceAccount.id}`, '/iam/v2/users',
  `/iam/v2/users/${FIXTURES.user.id}`, '/iam/v2/invitations', '/iam/v2/api-keys', `/iam/v2/api-keys/${FIXTURES.paymentsServiceAccount.apiKeyIds[0]}`,
  '/v2/metrics/cloud/query', '/v2/metrics/cloud/attributes', '/v2/metrics/cloud/descriptors/metrics', '/v2/metrics/cloud/descriptors/resources',
];
const GARBAGE_BODIES = [
  '', '{', '[]', 'null', '42', '"str"', '{"display_name":null}', '{"spec":null}', '{"spec":{"owner":{"id":{}}}}',
  '{"spec":{"owner":{"id":"sa-pay0001"},"resource":{"id":["lkc"]}}}', '{"aggregations":"x"}', '{"aggregations":[null]}',
  '{"aggregations":[{"metric":"io.confluent.kafka.server/received_bytes"}],"granularity":"PT1H","intervals":[null]}',
  '{"aggregations":[{"metric":"io.confluent.kafka.server/received_bytes"}],"granularity":"ALL","intervals":["now/now+1h"],"filter":{"op":"NOT"}}',
  '{"aggregations":[{"metric":"io.confluent.kafka.server/received_bytes"}],"granularity":"PT1H","intervals":["2024-01-01T00:00:00Z/P"],"filter":{"op":"AND","filters":[null]}}',
  '{"order_by":[null],"granularity":"ALL","aggregations":[{"metric":"io.confluent.kafka.server/received_bytes"}],"intervals":["PT1H/now"],"filter":{"field":"resource.kafka.id","op":"EQ","value":"lkc-prod01"}}',
  '{"email":["a@b.c"]}', '{"stream_governance_config":"x","display_name":"y"}', '{"full_name":{}}', '\u0000\u0001', '{"a":'.repeat(500),
];
const GARBAGE_QUERIES = ['?page_size=%', '?page_token=%E0%A4%A', '?page_size=1e3', '?environment=&page_token=..', '?display_name=%00',
  '?spec.owner[]=x', '?page_size=10&page_size=1000', '?environment=env-prod01&page_token=' + 'x'.repeat(300)];

/** Built as text: JSON.stringify itself overflows the stack at this depth. */
function deepNest(depth: number): string {
  return `${'{"op":"NOT","filter":'.repeat(depth)}{"field":"resource.kafka.id","op":"EQ","value":"lkc-prod01"}${'}'.repeat(depth)}`;
}

void describe('sandbox robustness', () => {
  let sb: Sandbox;
  before(async () => { sb = await launch(); });
  after(async () => { await sb.close(); });

  void it('never answers 500 to malformed input', async () => {
    const rng = createRng(7);
    const statuses = new Map<number, number>();
    const requests: Promise<void>[] = [];
    for (let i = 0; i < 400; i++) {
      const method = pick(rng, ['GET', 'POST', 'PATCH', 'DELETE', 'PUT']);
      const path = pick(rng, PATHS) + (rng() < 0.4 ? pick(rng, GARBAGE_QUERIES) : '');
      const rawBody = method === 'GET' || method === 'DELETE' ? undefined : pick(rng, GARBAGE_BODIES);
      requests.push(call(sb, method, path, rawBody === undefined ? {} : { rawBody }).then((reply) => {
        statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
        assert.ok(reply.status < 500, `${method} ${path} ${rawBody?.slice(0, 60)} → ${reply.status} ${reply.text.slice(0, 200)}`);
        assert.ok(reply.headers.get('x-request-id'));
        if (reply.status >= 400 && reply.status !== 405) assert.ok(Array.isArray(reply.json?.errors), reply.text);
      }));
      if (requests.length >= 20) await Promise.all(requests.splice(0));
      if (i % 100 === 0) sb.reset();
    }
    await Promise.all(requests);
    sb.reset();
    assert.ok((statuses.get(400) ?? 0) > 0 && (statuses.get(422) ?? 0) + (statuses.get(404) ?? 0) > 0, JSON.stringify([...statuses]));
  });

  void it('rejects invalid JSON with 400 and oversized bodies with 413', async () => {
    const invalid = await call(sb, 'POST', '/iam/v2/service-accounts', { rawBody: '{"display_name": "x",}' });
    assert.equal(invalid.status, 400);
    assert.equal(invalid.json.errors[0].status, '400');
    const array = await call(sb, 'POST', '/iam/v2/service-accounts', { rawBody: '[1,2]' });
    assert.equal(array.status, 400);
    const huge = await call(sb, 'POST', '/iam/v2/service-accounts', { rawBody: JSON.stringify({ display_name: 'x'.repeat(2_000_000) }) }).catch(() => undefined);
    if (huge) assert.equal(huge.status, 413);
  });

  void it('survives deeply nested filters, random bytes in paths and absolute-form request targets', async () => {
    for (const depth of [20, 5000, 40_000]) {
      const deep = await call(sb, 'POST', '/v2/metrics/cloud/query', {
        rawBody: `{"aggregations":[{"metric":"io.confluent.kafka.server/received_bytes"}],"granularity":"PT1H","intervals":["2024-01-01T00:00:00Z/PT1H"],"filter":${deepNest(depth)}}`,
      });
      assert.equal(deep.status, 400, `depth ${depth}`);
    }
    const rng = createRng(99);
    for (let i = 0; i < 30; i++) {
      const bytes = Array.from({ length: randomInt(rng, 1, 20) }, () => `%${randomInt(rng, 0, 255).toString(16).padStart(2, '0')}`).join('');
      const reply = await get(sb, `/iam/v2/service-accounts/${bytes}`);
      assert.ok([400, 404].includes(reply.status), `${bytes} → ${reply.status}`);
    }
    const raw = (path: string) => new Promise<number>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: Number(new URL(sb.url).port), path, headers: { Authorization: basic(sb.apiKey, sb.apiSecret) } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    assert.equal(await raw('http://evil.example/iam/v2/users'), 200, 'absolute-form target');
    for (const target of ['//', '//iam/v2/users', '*', 'http://[::1', '/%', '/iam/v2/users/%zz']) {
      const status = await raw(target);
      assert.ok(status >= 400 && status < 500, `${target} → ${status}`);
    }
  });

  void it('the request log records method, path, query and status but never credentials', async () => {
    sb.clearRequests();
    await get(sb, '/iam/v2/service-accounts?page_size=3&display_name=a&display_name=b');
    await get(sb, '/iam/v2/users', { auth: basic('LEAKYKEY', 'super-secret-value') });
    const created = await call(sb, 'POST', '/iam/v2/api-keys', { body: { spec: { owner: { id: FIXTURES.user.id } } } });
    const records = sb.requests();
    assert.equal(records.length, 3);
    assert.deepEqual(records[0]?.query, { page_size: '3', display_name: ['a', 'b'] });
    assert.equal(records[0]?.method, 'GET');
    assert.equal(records[0]?.path, '/iam/v2/service-accounts');
    assert.equal(records[1]?.status, 401);
    assert.equal(records[2]?.status, 202);
    assert.ok(!Number.isNaN(Date.parse(records[0]?.at ?? '')));
    const remote = await fetch(`${sb.url}/_sandbox/requests`);
    assert.ok(remote.headers.get('x-request-id'));
    const text = await remote.text();
    assert.deepEqual(JSON.parse(text), records);
    for (const secret of [sb.apiSecret, 'super-secret-value', created.json.spec.secret, 'Basic ', 'authorization']) {
      assert.ok(!text.toLowerCase().includes(secret.toLowerCase()), `log leaks ${secret}`);
    }
    assert.equal((await fetch(`${sb.url}/_sandbox/requests`, { method: 'DELETE' })).status, 204);
    assert.deepEqual(sb.requests(), []);
  });

  void it('POST /_sandbox/reset restores the seed and clears faults; /_sandbox/info names the fixtures', async () => {
    await call(sb, 'DELETE', `/iam/v2/service-accounts/${FIXTURES.paymentsServiceAccount.id}`);
    sb.setFaults('503@/iam/v2/users');
    assert.equal((await fetch(`${sb.url}/_sandbox/reset`, { method: 'POST' })).status, 204);
    assert.equal((await get(sb, `/iam/v2/service-accounts/${FIXTURES.paymentsServiceAccount.id}`)).status, 200);
    assert.equal((await get(sb, '/iam/v2/users')).status, 200);
    const info: Json = await (await fetch(`${sb.url}/_sandbox/info`)).json();
    assert.equal(info.url, sb.url);
    assert.equal(info.fixtures.paymentsServiceAccount.id, FIXTURES.paymentsServiceAccount.id);
    assert.equal(info.apiSecret, undefined);
    assert.equal((await fetch(`${sb.url}/_sandbox/nothing`)).status, 404);
  });

  void it('the same seed gives the same organization; another seed a different one', async () => {
    const [same, other] = await Promise.all([launch(), launch({ seed: 4242 })]);
    try {
      const page = async (s: Sandbox) => (await get(s, '/iam/v2/api-keys?page_size=100')).json.data.map((k: Json) => [k.id, k.spec.owner.id, k.metadata.created_at]);
      const sas = async (s: Sandbox) => (await get(s, '/iam/v2/service-accounts?page_size=100')).json.data.map((x: Json) => [x.id, x.display_name]);
      assert.deepEqual(await page(same), await page(sb));
      assert.deepEqual(await sas(same), await sas(sb));
      assert.notDeepEqual(await sas(other), await sas(sb));
      assert.equal((await get(other, `/iam/v2/service-accounts/${FIXTURES.paymentsServiceAccount.id}`)).status, 200, 'fixtures exist for every seed');
    } finally {
      await Promise.all([same.close(), other.close()]);
    }
  });
});
