// The metrics code against the team's sandbox over real HTTP: requests per refresh, paging,
// descriptors, and activity.
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { startSandbox, type Sandbox } from '../../../sandbox/server';
import { CloudClient } from '../../../src/cloud/cloudClient';
import { ActivityService } from '../../../src/metrics/activityService';
import { loadChart } from '../../../src/metrics/chartLoader';
import { listAllClusters, nameClusters, principalClusters } from '../../../src/metrics/clusterSource';
import { DescriptorCache } from '../../../src/metrics/descriptors';
import { DEFAULT_CONTROLS } from '../../../src/metrics/protocol';
import { runQuery } from '../../../src/metrics/queryBuilder';
import { RateQueue } from '../../../src/metrics/rateQueue';

void describe('metrics against the sandbox', () => {
  let sandbox: Sandbox;
  let client: CloudClient;
  let clusterId: string;
  const metricsRequests = () => sandbox.requests().filter((r) => r.path.startsWith('/v2/metrics/')).length;

  before(async () => {
    sandbox = await startSandbox({ port: 0 });
    client = new CloudClient({
      endpoint: sandbox.url, metricsEndpoint: sandbox.url, env: {},
      getCredentials: async () => ({ key: sandbox.apiKey, secret: sandbox.apiSecret }),
      retry: { maxAttempts: 2, baseMs: 1, capMs: 5, maxRetryAfterMs: 2000 },
    });
    clusterId = (await listAllClusters(client))[0]!.id;
  });
  after(async () => {
    client.dispose();
    await sandbox.close();
  });

  void it('makes exactly one request per refresh and draws the sandbox series', async () => {
    for (const patch of [{}, { groupBy: 'metric.topic' as const }, { groupBy: 'metric.principal_id' as const, range: { kind: 'preset' as const, preset: '7d' as const } }]) {
      const before = metricsRequests();
      const message = await loadChart(client.metrics, { clusterId }, { ...DEFAULT_CONTROLS, ...patch }, { known: [], now: Date.now() });
      assert.equal(metricsRequests() - before, 1, JSON.stringify(patch));
      assert.equal(message.requests, 1);
      assert.ok(message.series.length >= 1);
      assert.ok(message.series[0]!.values.some((v) => v !== null && v > 0), 'the sandbox has traffic');
    }
  });

  void it('keeps top N and folds the rest, with hostile topic names as plain labels', async () => {
    const message = await loadChart(client.metrics, { clusterId }, { ...DEFAULT_CONTROLS, groupBy: 'metric.topic', topN: 3 }, { known: [], now: Date.now() });
    assert.equal(message.series.length, 4);
    assert.match(message.series[3]!.label, /^Other \(\d+\)$/);
    const all = await loadChart(client.metrics, { clusterId }, { ...DEFAULT_CONTROLS, groupBy: 'metric.topic', topN: 50 }, { known: [], now: Date.now() });
    assert.ok(all.series.some((s) => /[<[*]/.test(s.label)), 'the sandbox plants hostile topic names; they arrive verbatim');
  });

  void it('pages with group_by until done, one request per page', async () => {
    const end = Math.floor(Date.now() / 60_000) * 60_000;
    const before = metricsRequests();
    const { rows, requests } = await runQuery(client.metrics, {
      aggregations: [{ metric: 'io.confluent.kafka.server/received_bytes' }],
      filter: { field: 'resource.kafka.id', op: 'EQ', value: clusterId },
      group_by: ['metric.topic'], granularity: 'PT5M', limit: 3, format: 'GROUPED',
      intervals: [`${new Date(end - 3_600_000).toISOString()}/${new Date(end).toISOString()}`],
    });
    assert.ok(requests > 2, `paged ${requests} times`);
    assert.equal(metricsRequests() - before, requests);
    const topics = rows.map((r) => (r as Record<string, string>)['metric.topic']);
    assert.equal(new Set(topics).size, topics.length, 'no group twice');
  });

  void it('loads descriptors once and merges them with the presets', async () => {
    const cache = new DescriptorCache();
    const before = metricsRequests();
    const first = await cache.get('org', client.metrics, async () => undefined);
    await cache.get('org', client.metrics, async () => undefined);
    assert.equal(metricsRequests() - before, 1);
    assert.equal(first[0]!.name, 'io.confluent.kafka.server/received_bytes');
    assert.ok(first.find((m) => m.name.endsWith('/received_bytes'))!.labels.includes('metric.principal_id'));
  });

  void it('finds last-seen times with one query per cluster', async () => {
    const clusters = await listAllClusters(client);
    const owners = await principalClusters(client, 'sa-pay0001').catch(() => []);
    const activity = new ActivityService({ queue: new RateQueue(1000), enabled: () => true });
    const connection = { id: 'org', client };
    const before = metricsRequests();
    const seen = await activity.fetchLastSeen(connection, 'sa-pay0001');
    assert.equal(metricsRequests() - before, clusters.length);
    if (owners.length > 0) assert.notEqual(seen, 'none', 'a principal with keys on a cluster has traffic in the sandbox');
    assert.equal(await activity.fetchLastSeen(connection, 'sa-never-existed'), 'none');
    assert.equal(metricsRequests() - before, clusters.length, 'answered from the cache');
  });

  void it('surfaces a sandbox fault as a CloudApiError', async () => {
    sandbox.setFaults('500@/v2/metrics/');
    try {
      await assert.rejects(loadChart(client.metrics, { clusterId }, DEFAULT_CONTROLS, { known: [], now: Date.now() }), (e: Error) => e.name === 'CloudApiError' && /500/.test(e.message));
    } finally {
      sandbox.setFaults('');
    }
  });
  void it('names a principal\'s clusters with one list per environment, keeping the ID when a cluster is unknown', async () => {
    const clusters = await listAllClusters(client);
    const [a, b] = clusters;
    assert.ok(a && b);
    const before = sandbox.requests().length;
    const named = await nameClusters(client, [
      { id: a.id, environmentId: a.environmentId },
      { id: b.id, environmentId: b.environmentId },
      { id: 'lkc-gone', environmentId: a.environmentId },
      { id: 'lkc-noenv' },
    ]);
    assert.deepEqual(named, [
      { id: a.id, name: a.name, environmentId: a.environmentId },
      { id: b.id, name: b.name, environmentId: b.environmentId },
      { id: 'lkc-gone', name: 'lkc-gone', environmentId: a.environmentId },
      { id: 'lkc-noenv', name: 'lkc-noenv' },
    ]);
    const environments = new Set([a.environmentId, b.environmentId]).size;
    assert.equal(sandbox.requests().length - before, environments, 'one cluster list per environment');
  });
});
