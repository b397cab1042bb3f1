import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { MetricsQueryRequest } from '../../../src/cloud/schemas/metrics';
import { ActivityService, describeLastSeen, latestByPrincipal, stalenessSentence, type ActivityConnection } from '../../../src/metrics/activityService';
import { RateQueue } from '../../../src/metrics/rateQueue';

const H = 3_600_000;
const NOW = Date.UTC(2024, 4, 1, 12, 30);
const iso = (t: number) => new Date(t).toISOString();

/** A connection whose Metrics API answers per cluster from a table and records every query. */
function fakeConnection(byCluster: Record<string, object[]>, fail = new Set<string>()): ActivityConnection & { queries: MetricsQueryRequest[] } {
  const queries: MetricsQueryRequest[] = [];
  const client = {
    metrics: {
      query: async (request: MetricsQueryRequest) => {
        queries.push(request);
        const filter = request.filter as { value: string };
        if (fail.has(filter.value)) throw new Error('403 forbidden');
        return { data: byCluster[filter.value] ?? [] };
      },
    },
  };
  return { id: 'org-1', client: client as never, queries };
}

const listClusters = async () => [{ id: 'lkc-a' }, { id: 'lkc-b' }];

function service(enabled = true) {
  return new ActivityService({ queue: new RateQueue(1000), enabled: () => enabled, now: () => NOW, listClusters });
}

void describe('latestByPrincipal', () => {
  void it('takes the end of the newest non-zero bucket, capped at now', () => {
    const rows = [
      { 'metric.principal_id': 'sa-1', points: [{ timestamp: iso(NOW - 5 * H), value: 3 }, { timestamp: iso(NOW - 2 * H), value: 0 }] },
      { 'metric.principal_id': 'sa-2', points: [{ timestamp: iso(Date.UTC(2024, 4, 1, 12)), value: 1 }] },
      { timestamp: iso(NOW - 30 * H), value: 7, 'metric.principal_id': 'u-3' },
    ];
    const out = latestByPrincipal(rows, NOW);
    assert.equal(out.get('sa-1'), NOW - 4 * H);
    assert.equal(out.get('sa-2'), NOW, 'the current hour ends in the future');
    assert.equal(out.get('u-3'), NOW - 29 * H);
  });
});

void describe('describeLastSeen', () => {
  void it('speaks in hours and days, honest about hourly buckets', () => {
    assert.equal(describeLastSeen({ lastActiveAt: NOW - 10 * 60_000 }, NOW), 'active in the last hour');
    assert.equal(describeLastSeen({ lastActiveAt: NOW - 5 * H }, NOW), 'active 5 h ago');
    assert.equal(describeLastSeen({ lastActiveAt: NOW - 72 * H }, NOW), 'active 3 d ago');
    assert.equal(describeLastSeen('none', NOW), 'no traffic in 7 days');
    assert.equal(describeLastSeen('unknown', NOW), undefined);
  });
});

void describe('ActivityService', () => {
  const data = {
    'lkc-a': [{ 'metric.principal_id': 'sa-1', points: [{ timestamp: iso(NOW - 6 * H), value: 2 }] }],
    'lkc-b': [{ 'metric.principal_id': 'sa-1', points: [{ timestamp: iso(NOW - 3 * H), value: 2 }] },
      { 'metric.principal_id': 'sa-2', points: [{ timestamp: iso(NOW - 50 * H), value: 9 }] }],
  };

  void it('answers every principal from one grouped query per cluster', async () => {
    const s = service();
    const c = fakeConnection(data);
    assert.deepEqual(await s.fetchLastSeen(c, 'sa-1'), { lastActiveAt: NOW - 2 * H }, 'newest across clusters');
    assert.deepEqual(await s.fetchLastSeen(c, 'sa-2'), { lastActiveAt: NOW - 49 * H });
    assert.equal(await s.fetchLastSeen(c, 'sa-idle'), 'none');
    assert.equal(c.queries.length, 2, 'cached: one query per cluster for all principals');
    const q = c.queries[0]!;
    assert.deepEqual(q.group_by, ['metric.principal_id']);
    assert.equal(q.granularity, 'PT1H');
    assert.equal(q.format, 'GROUPED');
    assert.equal(q.aggregations[0]!.metric, 'io.confluent.kafka.server/request_count');
    const [start, end] = q.intervals[0]!.split('/').map((x) => Date.parse(x));
    assert.equal(end! - start!, 7 * 24 * H);
  });

  void it('is unknown at first, fetches in the background and fires onDidChange', async () => {
    const s = service();
    const c = fakeConnection(data);
    assert.equal(s.lastSeen(c, 'sa-1'), 'unknown');
    await new Promise<void>((resolve) => s.onDidChange(() => {
      if (s.lastSeen(c, 'sa-1') !== 'unknown') resolve();
    }));
    assert.deepEqual(s.lastSeen(c, 'sa-1'), { lastActiveAt: NOW - 2 * H });
  });

  void it('scopes an API key to its cluster', async () => {
    const s = service();
    const c = fakeConnection(data);
    assert.deepEqual(await s.fetchLastSeen(c, 'sa-1', { clusterId: 'lkc-a' }), { lastActiveAt: NOW - 5 * H });
    assert.equal(await s.fetchLastSeen(c, 'sa-2', { clusterId: 'lkc-a' }), 'none');
    assert.equal(c.queries.length, 1);
  });

  void it('stays unknown (not "none") when a cluster could not answer', async () => {
    const s = service();
    const c = fakeConnection(data, new Set(['lkc-b']));
    assert.equal(await s.fetchLastSeen(c, 'sa-2'), 'unknown');
    assert.deepEqual(await s.fetchLastSeen(c, 'sa-1'), { lastActiveAt: NOW - 5 * H }, 'what is known still counts');
  });

  void it('does nothing while disabled, but describeStaleness still answers on demand', async () => {
    const s = service(false);
    const c = fakeConnection(data);
    assert.equal(s.lastSeen(c, 'sa-1'), 'unknown');
    assert.equal(c.queries.length, 0);
    assert.equal(await s.describeStaleness(c, 'sa-idle', { clusterId: 'lkc-a' }), 'sa-idle sent no requests on lkc-a in the last 7 days.');
    assert.equal(await s.describeStaleness(c, 'sa-1'), 'sa-1 was active 2 h ago.');
  });
});

void describe('stalenessSentence', () => {
  void it('says each case as one sentence, with or without the cluster', () => {
    assert.equal(stalenessSentence('sa-1', 'none', NOW, 'lkc-a'), 'sa-1 sent no requests on lkc-a in the last 7 days.');
    assert.equal(stalenessSentence('sa-1', { lastActiveAt: NOW - 10 * 60_000 }, NOW), 'sa-1 was active in the last hour.');
    assert.equal(stalenessSentence('sa-1', { lastActiveAt: NOW - 5 * H }, NOW, 'lkc-a'), 'sa-1 was active 5 h ago on lkc-a.');
    assert.equal(stalenessSentence('sa-1', { lastActiveAt: NOW - 72 * H }, NOW), 'sa-1 was active 3 d ago.');
    assert.equal(stalenessSentence('sa-1', 'unknown', NOW), undefined);
  });
});
