import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FIXTURES } from '../../../sandbox/fixtures';
import { topicsFor } from '../../../sandbox/metrics/series';
import type { Sandbox } from '../../../sandbox/server';
import { basic, call, get, launch, type Json, type Reply } from './helpers';

const CLUSTER = FIXTURES.productionCluster.id;
const BYTES = 'io.confluent.kafka.server/received_bytes';
const ON_CLUSTER = { field: 'resource.kafka.id', op: 'EQ', value: CLUSTER };

function body(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { aggregations: [{ metric: BYTES }], granularity: 'PT1H', intervals: ['2024-03-01T00:00:00Z/PT6H'], filter: ON_CLUSTER, ...overrides };
}

void describe('sandbox Metrics API', () => {
  let sb: Sandbox;
  before(async () => { sb = await launch(); });
  after(async () => { await sb.close(); });

  const query = (b: unknown, token?: string): Promise<Reply> =>
    call(sb, 'POST', `/v2/metrics/cloud/query${token ? `?page_token=${encodeURIComponent(token)}` : ''}`, { body: b });

  const expect400 = async (b: unknown, pattern: RegExp) => {
    const reply = await query(b);
    assert.equal(reply.status, 400, `${JSON.stringify(b)} → ${reply.text}`);
    assert.equal(reply.json.errors[0].status, '400');
    assert.match(reply.json.errors[0].detail, pattern);
  };

  void it('describes the Kafka metrics with types, units and labels, paged', async () => {
    const all = (await get(sb, '/v2/metrics/cloud/descriptors/metrics')).json;
    const names = all.data.map((d: { name: string }) => d.name.replace('io.confluent.kafka.server/', ''));
    for (const expected of ['received_bytes', 'sent_bytes', 'received_records', 'sent_records', 'request_count',
      'partition_count', 'retained_bytes', 'active_connection_count', 'consumer_lag_offsets']) {
      assert.ok(names.includes(expected), expected);
    }
    const bytes = all.data.find((d: { name: string }) => d.name === BYTES);
    assert.equal(bytes.type, 'COUNTER_INT64');
    assert.equal(bytes.unit, 'By');
    assert.equal(bytes.lifecycle_stage, 'GENERAL_AVAILABILITY');
    assert.deepEqual(bytes.resources, ['kafka']);
    assert.ok(bytes.labels.some((l: { key: string }) => l.key === 'topic'));
    assert.equal(all.data.find((d: { name: string }) => d.name.endsWith('retained_bytes')).type, 'GAUGE_INT64');
    assert.equal(all.meta.pagination.total_size, all.data.length);

    const first = (await get(sb, '/v2/metrics/cloud/descriptors/metrics?page_size=4')).json;
    assert.equal(first.data.length, 4);
    const second = (await get(sb, `/v2/metrics/cloud/descriptors/metrics?page_size=4&page_token=${encodeURIComponent(first.meta.pagination.next_page_token)}`)).json;
    assert.equal(second.data[0].name, all.data[4].name);
    assert.equal((await get(sb, '/v2/metrics/cloud/descriptors/metrics?page_token=nope')).status, 400);
    const resources = (await get(sb, '/v2/metrics/cloud/descriptors/resources')).json;
    assert.equal(resources.data[0].type, 'kafka');
    assert.equal(resources.data[0].labels[0].key, 'kafka.id');
  });

  void it('validates the query body', async () => {
    await expect400(body({ filter: undefined }), /resource\.kafka\.id/);
    await expect400(body({ filter: { field: 'metric.topic', op: 'EQ', value: 'orders' } }), /resource\.kafka\.id/);
    await expect400(body({ aggregations: [] }), /exactly one/);
    await expect400(body({ aggregations: [{ metric: BYTES }, { metric: BYTES }] }), /exactly one/);
    await expect400(body({ aggregations: [{ metric: 'io.confluent.kafka.server/nope' }] }), /Unknown metric/);
    await expect400(body({ granularity: 'PT2M' }), /granularity/);
    await expect400(body({ intervals: [] }), /intervals/);
    await expect400(body({ intervals: ['yesterday'] }), /Interval/);
    await expect400(body({ intervals: ['2024-03-01T06:00:00Z/2024-03-01T00:00:00Z'] }), /ends before/);
    await expect400(body({ group_by: ['metric.nope'] }), /group_by/);
    await expect400(body({ format: 'GROUPED' }), /GROUPED requires group_by/);
    await expect400(body({ format: 'TABLE', group_by: ['metric.topic'] }), /format/);
    await expect400(body({ limit: 0 }), /limit/);
    await expect400(body({ limit: 1001 }), /limit/);
    await expect400(body({ order_by: [{ metric: BYTES }] }), /order_by/);
    await expect400(body({ filter: { op: 'XOR', filters: [] } }), /op/);
    const wrongDataset = await call(sb, 'POST', '/v2/metrics/health-plus/query', { body: body() });
    assert.equal(wrongDataset.status, 400);
  });

  void it('enforces the granularity caps on interval length', async () => {
    const cases: [string, string, number][] = [
      ['PT1M', 'PT6H', 200], ['PT1M', 'PT6H1M', 400], ['PT5M', 'P1D', 200], ['PT5M', 'PT25H', 400],
      ['PT15M', 'P4D', 200], ['PT15M', 'P5D', 400], ['PT30M', 'P7D', 200], ['PT30M', 'P8D', 400],
      ['PT1H', 'P30D', 200], ['P1D', 'P90D', 200], ['ALL', 'P30D', 200],
    ];
    for (const [granularity, length, status] of cases) {
      const reply = await query(body({ granularity, intervals: [`2024-01-01T00:00:00Z/${length}`] }));
      assert.equal(reply.status, status, `${granularity} over ${length}: ${reply.text.slice(0, 200)}`);
    }
  });

  void it('FLAT points are UTC-aligned buckets with ascending timestamps', async () => {
    const reply = await query(body({ intervals: ['2024-03-01T00:07:00Z/2024-03-01T03:00:00Z'] }));
    assert.equal(reply.status, 200);
    const data = reply.json.data;
    assert.deepEqual(data.map((p: { timestamp: string }) => p.timestamp),
      ['2024-03-01T00:00:00Z', '2024-03-01T01:00:00Z', '2024-03-01T02:00:00Z']);
    for (const p of data) assert.ok(Number.isInteger(p.value) && p.value > 0);
  });

  void it('GROUPED output splits the ungrouped total across topics', async () => {
    const total = (await query(body())).json.data;
    const grouped = await query(body({ group_by: ['metric.topic'], format: 'GROUPED' }));
    assert.equal(grouped.status, 200);
    const groups = grouped.json.data;
    assert.deepEqual(groups.map((g: Json) => g['metric.topic']), topicsFor(CLUSTER));
    assert.deepEqual(groups.map((g: Json) => g['metric.topic']), [...groups.map((g: Json) => g['metric.topic'])].sort(), 'lexicographic');
    total.forEach((point: { timestamp: string; value: number }, i: number) => {
      const sum = groups.reduce((acc: number, g: Json) => acc + g.points[i].value, 0);
      assert.ok(Math.abs(sum - point.value) <= groups.length, `bucket ${point.timestamp}: ${sum} vs ${point.value}`);
    });
    const flat = await query(body({ group_by: ['metric.topic'] }));
    assert.equal(flat.json.data.length, groups.length * total.length);
    assert.equal(typeof flat.json.data[0]['metric.topic'], 'string');
  });

  void it('pages groups with next_page_token until the end, and tokens are bound to the body', async () => {
    const request = body({ group_by: ['metric.topic', 'metric.principal_id'], limit: 40, format: 'GROUPED', intervals: ['2024-03-01T00:00:00Z/PT2H'] });
    const seen: string[][] = [];
    let token: string | undefined;
    let pages = 0;
    let totalSize = 0;
    do {
      const reply = await query(request, token);
      assert.equal(reply.status, 200, reply.text);
      assert.ok(reply.json.data.length <= 40);
      for (const g of reply.json.data) seen.push([g['metric.topic'], g['metric.principal_id']]);
      totalSize = reply.json.meta.pagination.total_size;
      token = reply.json.meta.pagination.next_page_token;
      pages++;
    } while (token !== undefined && pages < 100);
    assert.equal(seen.length, totalSize);
    assert.equal(pages, Math.ceil(totalSize / 40));
    const keys = seen.map((v) => JSON.stringify(v));
    assert.equal(new Set(keys).size, keys.length, 'no group twice');
    const sorted = [...seen].sort((a, b) => (a[0] === b[0] ? ((a[1] ?? '') < (b[1] ?? '') ? -1 : 1) : (a[0] ?? '') < (b[0] ?? '') ? -1 : 1));
    assert.deepEqual(seen, sorted);

    const firstPage = await query(request);
    const next = firstPage.json.meta.pagination.next_page_token;
    const other = await query({ ...request, limit: 41 }, next);
    assert.equal(other.status, 400, 'token from a different body');
    assert.equal(other.json.errors[0].status, '400');
    assert.equal((await query(request, 'garbage.token')).status, 400);
  });

  void it('principals are real key owners on the cluster; topic filters narrow the result', async () => {
    const reply = await query(body({ group_by: ['metric.principal_id'], format: 'GROUPED' }));
    const principals: string[] = reply.json.data.map((g: Json) => g['metric.principal_id']);
    assert.ok(principals.includes(FIXTURES.paymentsServiceAccount.id));
    for (const id of principals.slice(0, 8)) {
      const path = id.startsWith('sa-') ? `/iam/v2/service-accounts/${id}` : `/iam/v2/users/${id}`;
      assert.equal((await get(sb, path)).status, 200, id);
      const keys = await get(sb, `/iam/v2/api-keys?spec.owner=${id}&spec.resource=${CLUSTER}`);
      assert.ok(keys.json.data.length > 0, `${id} owns a key on ${CLUSTER}`);
    }
    const topic = topicsFor(CLUSTER)[0] ?? '';
    const filtered = await query(body({
      group_by: ['metric.topic'], format: 'GROUPED',
      filter: { op: 'AND', filters: [ON_CLUSTER, { field: 'metric.topic', op: 'EQ', value: topic }] },
    }));
    assert.deepEqual(filtered.json.data.map((g: Json) => g['metric.topic']), [topic]);
    const excluded = await query(body({
      group_by: ['metric.topic'], format: 'GROUPED',
      filter: { op: 'AND', filters: [ON_CLUSTER, { op: 'NOT', filter: { field: 'metric.topic', op: 'EQ', value: topic } }] },
    }));
    assert.equal(excluded.json.data.length, topicsFor(CLUSTER).length - 1);
  });

  void it('is deterministic across runs and sandboxes, and differs between clusters', async () => {
    const request = body({ group_by: ['metric.topic'], granularity: 'PT5M', intervals: ['2024-02-10T10:00:00Z/PT2H'] });
    const a = (await query(request)).json;
    const other = await launch();
    try {
      const b = (await call(other, 'POST', '/v2/metrics/cloud/query', { body: request })).json;
      assert.deepEqual(a, b);
    } finally {
      await other.close();
    }
    const clusters = (await get(sb, '/iam/v2/api-keys?page_size=100')).json.data
      .map((k: Json) => k.spec.resource?.id).filter((id: string | undefined) => id && id !== CLUSTER);
    const elsewhere = (await query(body({ filter: { field: 'resource.kafka.id', op: 'EQ', value: clusters[0] } }))).json.data;
    const here = (await query(body())).json.data;
    assert.notDeepEqual(elsewhere.map((p: Json) => p.value), here.map((p: Json) => p.value));
  });

  void it('groups by cluster across an OR filter and orders ALL results by value', async () => {
    const env = FIXTURES.productionEnvironment.id;
    const ids = (await get(sb, `/cmk/v2/clusters?environment=${env}`)).json.data.map((c: Json) => c.id);
    const secondEnv = (await get(sb, '/org/v2/environments?page_size=100')).json.data.find((e: Json) => e.id !== env).id;
    ids.push((await get(sb, `/cmk/v2/clusters?environment=${secondEnv}`)).json.data[0].id);
    const reply = await query(body({
      granularity: 'ALL', group_by: ['resource.kafka.id'], order_by: [{ metric: BYTES, order: 'DESCENDING' }],
      filter: { op: 'OR', filters: ids.map((value: string) => ({ field: 'resource.kafka.id', op: 'EQ', value })) },
    }));
    assert.equal(reply.status, 200, reply.text);
    assert.deepEqual(reply.json.data.map((p: Json) => p['resource.kafka.id']).sort(), [...ids].sort());
    const values = reply.json.data.map((p: Json) => p.value);
    assert.deepEqual(values, [...values].sort((x: number, y: number) => y - x));
    assert.equal(reply.json.meta.pagination.next_page_token, undefined);
  });

  void it('accepts now-relative intervals and has no data for the future', async () => {
    const recent = await query(body({ granularity: 'PT5M', intervals: ['now-2h|h/now-1h|h'] }));
    assert.equal(recent.status, 200, recent.text);
    assert.equal(recent.json.data.length, 12);
    assert.equal(recent.json.data[0].timestamp.slice(14), '00:00Z');
    assert.equal((await query(body({ granularity: 'PT5M', intervals: ['PT1H/now-5m|m'] }))).status, 200);
    const future = await query(body({ intervals: ['now+1d/PT2H'] }));
    assert.equal(future.status, 200);
    assert.deepEqual(future.json.data, []);
  });

  void it('403 for a cluster outside the organization, 401 without credentials', async () => {
    const forbidden = await query(body({ filter: { field: 'resource.kafka.id', op: 'EQ', value: 'lkc-notmine' } }));
    assert.equal(forbidden.status, 403);
    assert.match(forbidden.json.errors[0].detail, /lkc-notmine/);
    const anonymous = await call(sb, 'POST', '/v2/metrics/cloud/query', { body: body(), auth: null });
    assert.equal(anonymous.status, 401);
    assert.equal(anonymous.json.errors[0].status, '401');
    const wrong = await call(sb, 'POST', '/v2/metrics/cloud/query', { body: body(), auth: basic(sb.apiKey, 'nope') });
    assert.equal(wrong.status, 401);
  });

  void it('attributes lists label values, paged', async () => {
    const request = { metric: BYTES, group_by: ['metric.topic'], filter: ON_CLUSTER, limit: 5 };
    const first = await call(sb, 'POST', '/v2/metrics/cloud/attributes', { body: request });
    assert.equal(first.status, 200, first.text);
    assert.deepEqual(first.json.data, topicsFor(CLUSTER).slice(0, 5).map((t) => ({ 'metric.topic': t })));
    const token = first.json.meta.pagination.next_page_token;
    const second = await call(sb, 'POST', `/v2/metrics/cloud/attributes?page_token=${encodeURIComponent(token)}`, { body: request });
    assert.deepEqual(second.json.data[0], { 'metric.topic': topicsFor(CLUSTER)[5] });
    assert.equal((await call(sb, 'POST', '/v2/metrics/cloud/attributes', { body: { metric: BYTES } })).status, 400);
  });

  void it('topics per cluster are 10–30 stable names including hostile ones', () => {
    const topics = topicsFor(CLUSTER);
    assert.ok(topics.length >= 10 && topics.length <= 30);
    assert.deepEqual(topics, topicsFor(CLUSTER));
    assert.ok(topics.some((t) => /[<[*]/.test(t) || t.length > 200));
  });
});
