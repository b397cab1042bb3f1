import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { MetricsQueryRequest } from '../../../src/cloud/schemas/metrics';
import { chartQuery } from '../../../src/metrics/chartLoader';
import { buildChartQuery, clusterFilter, GROUP_FETCH_LIMIT, MAX_PAGES, runQuery } from '../../../src/metrics/queryBuilder';
import { DEFAULT_CONTROLS } from '../../../src/metrics/protocol';
import { resolveInterval, validateRange } from '../../../src/metrics/timeRange';

const NOW = Date.UTC(2024, 4, 1, 12, 34, 56);
const H = 3_600_000;

void describe('buildChartQuery', () => {
  const base = { clusterId: 'lkc-1', metric: 'io.confluent.kafka.server/received_bytes', granularity: 'PT1M' as const, start: NOW - H, end: NOW };

  void it('filters by cluster, omits agg and sends an absolute interval', () => {
    assert.deepEqual(buildChartQuery({ ...base, groupBy: 'none' }), {
      aggregations: [{ metric: 'io.confluent.kafka.server/received_bytes' }],
      filter: { field: 'resource.kafka.id', op: 'EQ', value: 'lkc-1' },
      granularity: 'PT1M',
      intervals: ['2024-05-01T11:34:56.000Z/2024-05-01T12:34:56.000Z'],
    });
  });

  void it('groups with a group limit and narrows to a principal', () => {
    const q = buildChartQuery({ ...base, groupBy: 'metric.topic', principalId: 'sa-9' });
    assert.deepEqual(q.group_by, ['metric.topic']);
    assert.equal(q.limit, GROUP_FETCH_LIMIT);
    assert.deepEqual(q.filter, clusterFilter('lkc-1', 'sa-9'));
    assert.deepEqual(q.filter, { op: 'AND', filters: [
      { field: 'resource.kafka.id', op: 'EQ', value: 'lkc-1' },
      { field: 'metric.principal_id', op: 'EQ', value: 'sa-9' },
    ] });
  });

  void it('refuses intervals the granularity does not allow, and empty ones', () => {
    assert.throws(() => buildChartQuery({ ...base, groupBy: 'none', start: NOW - 7 * H }), RangeError);
    assert.throws(() => buildChartQuery({ ...base, groupBy: 'none', start: NOW }), RangeError);
  });
});

void describe('resolveInterval', () => {
  void it('aligns presets to the bucket and keeps their exact length', () => {
    const r = resolveInterval({ range: { kind: 'preset', preset: '6h' }, granularity: 'auto' }, NOW);
    assert.equal(r.granularity, 'PT1M');
    assert.equal(r.end, Date.UTC(2024, 4, 1, 12, 34));
    assert.equal(r.end - r.start, 6 * H);
  });

  void it('chooses within the caps for 7 days and honours a valid manual choice', () => {
    assert.equal(resolveInterval({ range: { kind: 'preset', preset: '7d' }, granularity: 'auto' }, NOW).granularity, 'PT30M');
    const manual = resolveInterval({ range: { kind: 'preset', preset: '24h' }, granularity: 'PT1H' }, NOW);
    assert.equal(manual.granularity, 'PT1H');
    assert.equal(manual.end, Date.UTC(2024, 4, 1, 12));
  });

  void it('clamps a custom range to now and never exceeds the cap after alignment', () => {
    const r = resolveInterval({ range: { kind: 'custom', start: NOW - 6 * H + 30_000, end: NOW + H }, granularity: 'auto' }, NOW);
    assert.equal(r.granularity, 'PT1M');
    assert.ok(r.end <= NOW && r.end - r.start <= 6 * H);
  });

  void it('every preset yields a query the client would accept', () => {
    for (const preset of ['1h', '6h', '24h', '7d'] as const) {
      const q = chartQuery({ clusterId: 'lkc-1' }, { ...DEFAULT_CONTROLS, range: { kind: 'preset', preset } }, NOW);
      assert.match(q.intervals[0]!, /^\d{4}-\d\d-\d\dT.*Z\/\d{4}-.*Z$/);
    }
  });
});

void describe('validateRange', () => {
  void it('explains bad custom ranges', () => {
    assert.equal(validateRange({ kind: 'preset', preset: '1h' }, NOW), undefined);
    assert.match(validateRange({ kind: 'custom', start: NOW, end: NOW - 1 }, NOW)!, /after the start/);
    assert.match(validateRange({ kind: 'custom', start: NOW + H, end: NOW + 2 * H }, NOW)!, /future/);
    assert.match(validateRange({ kind: 'custom', start: NOW - 60 * 24 * H, end: NOW }, NOW)!, /31 days/);
    assert.match(validateRange({ kind: 'custom', start: NOW - 60_000, end: NOW }, NOW)!, /2 minutes/);
    assert.equal(validateRange({ kind: 'custom', start: NOW - H, end: NOW }, NOW), undefined);
  });
});

void describe('runQuery', () => {
  const request: MetricsQueryRequest = { aggregations: [{ metric: 'm' }], granularity: 'PT1M', intervals: ['a/b'], group_by: ['metric.topic'] };

  void it('follows page tokens with the identical body and counts requests', async () => {
    const seen: { body: unknown; token?: string }[] = [];
    const api = {
      query: async (body: MetricsQueryRequest, o?: { pageToken?: string }) => {
        seen.push({ body, token: o?.pageToken });
        const page = seen.length;
        return { data: [{ timestamp: 't', value: page, 'metric.topic': `t${page}` }], meta: { pagination: { next_page_token: page < 3 ? `p${page}` : null } } };
      },
    };
    let waits = 0;
    const result = await runQuery(api as never, request, { beforeRequest: async () => void waits++ });
    assert.equal(result.requests, 3);
    assert.equal(waits, 3, 'every page waits for the rate budget');
    assert.equal(result.rows.length, 3);
    assert.deepEqual(seen.map((s) => s.token), [undefined, 'p1', 'p2']);
    assert.ok(seen.every((s) => s.body === request));
  });

  void it('ignores a page token without group_by and stops a token loop', async () => {
    const api = { query: async () => ({ data: [], meta: { pagination: { next_page_token: 'again' } } }) };
    assert.equal((await runQuery(api as never, { ...request, group_by: undefined })).requests, 1);
    assert.equal((await runQuery(api as never, request)).requests, 2, 'a token seen before ends the paging');
  });

  void it('stops an endless run of fresh tokens at the page cap', async () => {
    let n = 0;
    const api = { query: async () => ({ data: [], meta: { pagination: { next_page_token: `fresh-${++n}` } } }) };
    assert.equal((await runQuery(api as never, request)).requests, MAX_PAGES);
  });

  void it('stops between pages once the signal is aborted', async () => {
    const controller = new AbortController();
    let n = 0;
    const api = {
      query: async () => {
        if (++n === 2) controller.abort();
        return { data: [], meta: { pagination: { next_page_token: `fresh-${n}` } } };
      },
    };
    await assert.rejects(runQuery(api, request, { signal: controller.signal }), { name: 'AbortError' });
    assert.equal(n, 2);
  });
});
