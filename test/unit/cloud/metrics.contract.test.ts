import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FIXTURES } from '../../../sandbox/fixtures';
import { isMetricsGroup } from '../../../src/cloud/metricsRows';
import type { MetricsQueryRequest } from '../../../src/cloud/schemas/metrics';
import { useHarness } from './sandboxClient';

const h = useHarness();

const RECEIVED = 'io.confluent.kafka.server/received_bytes';
const onCluster = { field: 'resource.kafka.id', op: 'EQ', value: FIXTURES.productionCluster.id } as const;
const byTopic = (extra: Partial<MetricsQueryRequest> = {}): MetricsQueryRequest => ({
  aggregations: [{ metric: RECEIVED }], granularity: 'PT1H', intervals: ['now-6h|h/now|h'], filter: onCluster, group_by: ['metric.topic'], ...extra,
});

void describe('Metrics API against the sandbox', () => {
  void it('queries FLAT points with group_by labels kept', async () => {
    const res = await h.client.metrics.query(byTopic({ limit: 2 }));
    assert.ok(res.data.length > 0);
    const row = res.data[0]!;
    assert.ok(!isMetricsGroup(row) && typeof row.value === 'number');
    assert.equal(typeof row['metric.topic'], 'string');
  });

  void it('queries GROUPED series', async () => {
    const res = await h.client.metrics.query(byTopic({ format: 'GROUPED', limit: 3 }));
    assert.equal(res.data.length, 3);
    const group = res.data[0]!;
    assert.ok(isMetricsGroup(group) && group.points.length > 0);
    assert.equal(typeof group['metric.topic'], 'string');
  });

  void it('queryAll follows next_page_token with an identical body and pinned intervals', async () => {
    const first = await h.client.metrics.query(byTopic({ format: 'GROUPED', limit: 2 }));
    assert.ok(first.meta?.pagination?.next_page_token, 'the sandbox pages groups');
    h.sandbox.clearRequests();
    const all = await h.client.metrics.queryAll(byTopic({ format: 'GROUPED', limit: 2 }));
    const calls = h.sandbox.requests().filter((r) => r.path === '/v2/metrics/cloud/query');
    assert.ok(calls.length >= 2);
    assert.equal(calls[0]!.query.page_token, undefined);
    assert.ok(calls.slice(1).every((r) => typeof r.query.page_token === 'string'));
    const topics = all.data.map((g) => g['metric.topic']);
    assert.equal(new Set(topics).size, topics.length, 'no group twice');
    // The sandbox rejects a token presented with a different body, so success proves the body was identical.
    assert.equal(all.data.length, first.meta?.pagination?.total_size);
    assert.ok(all.data.length > 2 * (calls.length - 1));
  });

  void it('validates granularity caps before sending anything', async () => {
    const tooLong = [
      { granularity: 'PT1M', intervals: ['now-7h/now'] },
      { granularity: 'PT5M', intervals: ['2024-01-01T00:00:00Z/P1DT1M'] },
      { granularity: 'PT15M', intervals: ['P5D/now'] },
      { granularity: 'PT30M', intervals: ['2024-01-01T00:00:00Z/2024-01-08T00:01:00Z'] },
    ] satisfies Partial<MetricsQueryRequest>[];
    for (const bad of tooLong) {
      await assert.rejects(h.client.metrics.query(byTopic(bad)), (e: { reason: string; message: string }) => {
        assert.equal(e.reason, 'policy');
        assert.match(e.message, new RegExp(`granularity ${bad.granularity} allows intervals up to`));
        return true;
      });
    }
    await assert.rejects(h.client.metrics.query(byTopic({ intervals: ['yesterday'] })), { reason: 'policy' });
    await assert.rejects(h.client.metrics.query(byTopic({ format: 'GROUPED', group_by: [] })), { reason: 'policy' });
    await assert.rejects(h.client.metrics.query(byTopic({ aggregations: [] })), { reason: 'policy' });
    assert.equal(h.hits('/v2/metrics'), 0);
    const ok = await h.client.metrics.query(byTopic({ granularity: 'PT1M', intervals: ['now-6h|m/now|m'], limit: 1 }));
    assert.ok(ok.data.length > 0);
  });

  void it('pages metric descriptors and reads label values', async () => {
    const names: string[] = [];
    for await (const page of h.client.metrics.descriptors({ pageSize: 3 })) names.push(...page.items.map((d) => d.name));
    assert.ok(names.includes(RECEIVED));
    assert.equal(new Set(names).size, names.length);
    const descriptorCalls = h.hits('/v2/metrics/cloud/descriptors/metrics');
    assert.equal(descriptorCalls, Math.ceil(names.length / 3));
    const values = await h.client.metrics.attributes({ metric: RECEIVED, group_by: ['metric.topic'], filter: onCluster });
    assert.ok(values.items.length > 0 && values.items.every((v) => typeof v['metric.topic'] === 'string'));
  });

  void it('reports a resource the key cannot see as a 403 with the metrics detail', async () => {
    await assert.rejects(
      h.client.metrics.query(byTopic({ filter: { field: 'resource.kafka.id', op: 'EQ', value: 'lkc-unknown' } })),
      (e: { status: number; message: string }) => e.status === 403 && /not authorized for the following resources/.test(e.message),
    );
    assert.ok(h.client.metricsRateLimit.current()?.limit);
  });
});
