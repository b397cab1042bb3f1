import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { CloudClient } from '../../../src/cloud/cloudClient';
import { isCloudApiError } from '../../../src/cloud/errors';
import { checkIntervals, pinIntervals, resolveInterval } from '../../../src/cloud/metricsIntervals';
import { clampPageSize, pageTokenFromLink } from '../../../src/cloud/pagination';
import { formatPath, parseResponse } from '../../../src/cloud/parse';
import { ApiKey, ApiKeyList } from '../../../src/cloud/schemas/apiKey';
import { readFailure } from '../../../src/cloud/schemas/failure';
import { ServiceAccountList } from '../../../src/cloud/schemas/serviceAccount';
import { json, startServer, type Handler } from './servers';

const open: { close(): Promise<void> }[] = [];
after(async () => {
  await Promise.all(open.map((o) => o.close()));
});

async function clientFor(handler: Handler) {
  const s = await startServer(handler);
  const client = new CloudClient({
    endpoint: s.url, metricsEndpoint: s.url, env: {}, retry: { maxAttempts: 1 },
    getCredentials: async () => ({ key: 'k', secret: 'schema-test-secret' }),
  });
  open.push(s, client);
  return { s, client };
}

const sa = (i: number) => ({ id: `sa-${i}`, display_name: `n${i}`, metadata: { self: 'x' }, api_version: 'iam/v1', surprise: { deep: [1] } });
const ref = (id: string) => ({ id, related: `https://x/${id}`, resource_name: `crn://x/${id}` });

void describe('schemas', () => {
  void it('ignores unknown fields and older api_version values', () => {
    const list = parseResponse(ServiceAccountList, { api_version: 'iam/v1', kind: 'ServiceAccountList', metadata: {}, data: [sa(1)] }, { action: 'list' });
    assert.deepEqual(Object.keys(list.data[0]!).sort(), ['description', 'display_name', 'id', 'metadata'].filter((k) => k !== 'description'));
  });

  void it('reports a missing required field by its path', () => {
    const data = [sa(0), sa(1), sa(2), { id: 'sa-3', metadata: {} }];
    assert.throws(() => parseResponse(ServiceAccountList, { data }, { action: 'list service accounts', requestId: 'abcdef123456' }), (e: unknown) => {
      assert.ok(isCloudApiError(e));
      assert.equal(e.reason, 'schema');
      assert.equal(e.field, 'data[3].display_name');
      assert.equal(e.message, "Couldn't list service accounts: unexpected response from Confluent Cloud, data[3].display_name is missing (request abcdef12…)");
      return true;
    });
    assert.equal(formatPath(['data', 0, 'spec', 'owner', 'id']), 'data[0].spec.owner.id');
  });

  void it('accepts 2023 and 2022 API-key shapes, normalising resources[] to resource', () => {
    const base = { id: 'K1', metadata: {}, spec: { owner: ref('sa-1') } };
    assert.equal(ApiKey.parse({ ...base, spec: { ...base.spec, resource: null } }).spec.resource, null);
    assert.equal(ApiKey.parse({ ...base, spec: { ...base.spec, resources: [ref('lkc-1'), ref('lkc-2')] } }).spec.resource?.id, 'lkc-1');
    assert.equal(ApiKey.parse({ ...base, spec: { ...base.spec, resources: [] } }).spec.resource, null);
    assert.equal(ApiKey.parse({ ...base, spec: { ...base.spec, resource: ref('lkc-9'), resources: [ref('lkc-1')] } }).spec.resource?.id, 'lkc-9');
    assert.ok(!('resources' in ApiKey.parse({ ...base, spec: { ...base.spec, resources: [] } }).spec));
    assert.throws(() => parseResponse(ApiKeyList, { data: [{ id: 'K', metadata: {}, spec: {} }] }, { action: 'list API keys' }), /data\[0\]\.spec\.owner is missing/);
  });

  void it('reads both error body shapes and tolerates junk', () => {
    assert.deepEqual(readFailure({ errors: [{ code: 'invalid_configuration', detail: 'bad', source: { pointer: '/spec/owner/id' } }] }),
      { code: 'invalid_configuration', title: undefined, detail: 'bad', pointer: '/spec/owner/id', parameter: undefined });
    assert.equal(readFailure({ error: { code: 42, message: 'nope' } })?.code, '42');
    assert.equal(readFailure({ message: 'other' }), undefined);
    assert.equal(readFailure({ errors: [] }), undefined);
  });
});

void describe('paging helpers', () => {
  void it('takes page_token from absolute, relative and odd next links without requesting them', () => {
    assert.equal(pageTokenFromLink('https://api.confluent.cloud/iam/v2/users?page_size=10&page_token=abc%3D%3D'), 'abc==');
    assert.equal(pageTokenFromLink('/iam/v2/users?page_token=rel'), 'rel');
    assert.equal(pageTokenFromLink('iam/v2/users?page_token=rel2&x=1'), 'rel2');
    assert.equal(pageTokenFromLink('http://[bad host/path?page_token=odd%zz'), 'odd%zz');
    assert.equal(pageTokenFromLink(''), undefined);
    assert.equal(pageTokenFromLink(null), undefined);
    assert.equal(pageTokenFromLink('https://x/y?page=2'), undefined);
  });

  void it('clamps page sizes into 1..100', () => {
    assert.equal(clampPageSize(500), 100);
    assert.equal(clampPageSize(0), 1);
    assert.equal(clampPageSize(7.9), 7);
    assert.equal(clampPageSize(undefined), undefined);
  });

  void it('fails clearly on a next link without a token, and never follows the link host', async () => {
    const { s, client } = await clientFor((req, res) => {
      const token = new URL(req.url!, 'http://x').searchParams.get('page_token');
      if (req.url!.startsWith('/iam/v2/users')) return json(res, 200, { metadata: { next: 'https://elsewhere.example/iam/v2/users?page=2' }, data: [] });
      json(res, 200, { metadata: token ? {} : { next: 'https://api.confluent.cloud/iam/v2/service-accounts?page_token=T2' }, data: [sa(token ? 2 : 1)] });
    });
    const pages = [];
    for await (const p of client.serviceAccounts.pages()) pages.push(p.items.map((i) => i.id));
    assert.deepEqual(pages, [['sa-1'], ['sa-2']]);
    assert.equal(s.requests.length, 2);
    assert.match(s.requests[1]!.url, /page_token=T2/);
    await assert.rejects(client.users.listPage(), { reason: 'malformed' });
  });

  void it('names the missing field when a live response drifts', async () => {
    const { client } = await clientFor((_req, res) => json(res, 200, { data: [sa(0), sa(1), sa(2), { id: 'sa-3' }] }, { 'x-request-id': 'req-0123456789' }));
    await assert.rejects(client.serviceAccounts.listPage(), (e: unknown) => isCloudApiError(e) && e.field === 'data[3].display_name' && e.requestId === 'req-0123456789');
  });
});

void describe('metric intervals', () => {
  const now = Date.parse('2025-03-10T12:34:56Z');
  void it('resolves start/end, start/duration, duration/end and now forms', () => {
    assert.deepEqual(resolveInterval('2025-01-01T00:00:00Z/PT2H', now), { startMs: Date.parse('2025-01-01T00:00:00Z'), endMs: Date.parse('2025-01-01T02:00:00Z') });
    assert.deepEqual(resolveInterval('PT1H/now-2m|m', now), { startMs: Date.parse('2025-03-10T11:32:00Z'), endMs: Date.parse('2025-03-10T12:32:00Z') });
    assert.deepEqual(resolveInterval('now-1d|d/now|h', now), { startMs: Date.parse('2025-03-09T00:00:00Z'), endMs: Date.parse('2025-03-10T12:00:00Z') });
    assert.equal(resolveInterval('PT1H/PT2H', now), undefined);
    assert.equal(resolveInterval('2025-01-01', now), undefined);
  });

  void it('enforces the caps at their exact limits', () => {
    assert.doesNotThrow(() => checkIntervals(['now-6h/now'], 'PT1M', 'q', now));
    assert.throws(() => checkIntervals(['now-361m/now'], 'PT1M', 'q', now), /PT1M allows intervals up to 6h/);
    assert.doesNotThrow(() => checkIntervals(['P1D/now'], 'PT5M', 'q', now));
    assert.doesNotThrow(() => checkIntervals(['P4D/now'], 'PT15M', 'q', now));
    assert.throws(() => checkIntervals(['P4DT1M/now'], 'PT15M', 'q', now), /up to 4d/);
    assert.doesNotThrow(() => checkIntervals(['P7D/now'], 'PT30M', 'q', now));
    assert.doesNotThrow(() => checkIntervals(['P90D/now'], 'PT1H', 'q', now));
    assert.throws(() => checkIntervals(['now/now-1h'], 'PT1H', 'q', now), /ends before it starts/);
  });

  void it('pins now to absolute times so paged queries send identical bodies', async () => {
    assert.deepEqual(pinIntervals(['now-1h|h/now|h', '2025-01-01T00:00:00Z/PT1H'], now), ['2025-03-10T11:00:00.000Z/2025-03-10T12:00:00.000Z', '2025-01-01T00:00:00Z/PT1H']);
    const { s, client } = await clientFor((req, res, n) => json(res, 200, {
      data: [{ 'metric.topic': `t${n}`, points: [{ timestamp: '2025-03-10T11:00:00Z', value: n }] }],
      meta: { pagination: { page_size: 1, ...(n < 3 ? { next_page_token: `p${n}` } : {}) } },
    }));
    const res = await client.metrics.queryAll({
      aggregations: [{ metric: 'm' }], granularity: 'PT1M', intervals: ['now-1h/now'], group_by: ['metric.topic'], format: 'GROUPED', limit: 1,
    });
    assert.deepEqual(res.data.map((g) => g['metric.topic']), ['t1', 't2', 't3']);
    assert.deepEqual(s.requests.map((r) => r.url), ['/v2/metrics/cloud/query', '/v2/metrics/cloud/query?page_token=p1', '/v2/metrics/cloud/query?page_token=p2']);
    assert.equal(new Set(s.requests.map((r) => r.body)).size, 1, 'every page sends the same body');
    assert.ok(!s.requests[0]!.body.includes('now'));
  });
});
