import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { DEFAULT_CONTROLS, panelStateSchema, parseFromWebview, parseToWebview } from '../../../src/metrics/protocol';

const series = {
  type: 'series', seq: 3, metric: 'io.confluent.kafka.server/received_bytes', unit: { kind: 'bytesPerSecond', noun: '' },
  granularity: 'PT1M', start: 0, end: 120_000, timestamps: [0, 60], series: [{ label: 'orders', values: [1, null] }], folded: 0, requests: 1,
};

void describe('messages from the webview', () => {
  void it('accepts every well-formed message', () => {
    for (const m of [{ type: 'ready' }, { type: 'refresh' }, { type: 'exportCsv' }, { type: 'copyQuery' }, { type: 'setControls', controls: DEFAULT_CONTROLS },
      { type: 'switchCluster', clusterId: 'lkc-2' }]) {
      assert.deepEqual(parseFromWebview(m), m);
    }
  });

  void it('accepts a custom range and a manual granularity', () => {
    const controls = { ...DEFAULT_CONTROLS, range: { kind: 'custom', start: 1, end: 2 }, granularity: 'PT5M', groupBy: 'metric.topic', topN: 50, autoRefreshSeconds: 300 };
    assert.ok(parseFromWebview({ type: 'setControls', controls }));
  });

  void it('rejects unknown types, missing fields and out-of-range values', () => {
    const bad: unknown[] = [
      undefined, null, 'ready', 42, {}, { type: 'hello' }, { type: 'setControls' },
      { type: 'setControls', controls: { ...DEFAULT_CONTROLS, topN: 0 } },
      { type: 'setControls', controls: { ...DEFAULT_CONTROLS, topN: 51 } },
      { type: 'setControls', controls: { ...DEFAULT_CONTROLS, topN: 2.5 } },
      { type: 'setControls', controls: { ...DEFAULT_CONTROLS, granularity: 'ALL' } },
      { type: 'setControls', controls: { ...DEFAULT_CONTROLS, granularity: 'PT2M' } },
      { type: 'setControls', controls: { ...DEFAULT_CONTROLS, groupBy: 'metric.partition' } },
      { type: 'setControls', controls: { ...DEFAULT_CONTROLS, range: { kind: 'preset', preset: '30d' } } },
      { type: 'setControls', controls: { ...DEFAULT_CONTROLS, metric: '' } },
      // Faster than a minute would hammer a per-minute API for per-minute data.
      { type: 'setControls', controls: { ...DEFAULT_CONTROLS, autoRefreshSeconds: 10 } },
      { type: 'switchCluster' }, { type: 'switchCluster', clusterId: '' }, { type: 'switchCluster', clusterId: 7 },
    ];
    for (const m of bad) assert.equal(parseFromWebview(m), undefined, JSON.stringify(m));
  });
});

void describe('messages to the webview', () => {
  void it('accepts a series message and keeps gaps as null', () => {
    assert.deepEqual(parseToWebview(series), series);
  });

  void it('accepts init with state (ids and controls only), status and error', () => {
    const init = {
      type: 'init',
      target: { clusterId: 'lkc-1', clusterName: 'prod', orgLabel: 'Org', principal: { id: 'sa-1', label: 'payments' } },
      state: { connectionId: 'c1', clusterId: 'lkc-1', principalId: 'sa-1', controls: DEFAULT_CONTROLS },
      metrics: [],
    };
    assert.ok(parseToWebview(init));
    assert.ok(parseToWebview({ type: 'status', state: 'rateLimited', message: 'retrying' }));
    assert.ok(parseToWebview({ type: 'error', seq: 1, message: "Couldn't query: 429" }));
  });

  void it('accepts a switched target with the principal\'s clusters, and caps and checks that list', () => {
    const target = {
      clusterId: 'lkc-2', clusterName: 'b', orgLabel: 'Org', principal: { id: 'sa-1', label: 'payments' },
      clusters: [{ id: 'lkc-1', name: 'a', environmentId: 'env-1' }, { id: 'lkc-2', name: 'b' }],
    };
    const state = { connectionId: 'c1', clusterId: 'lkc-2', principalId: 'sa-1', clusters: target.clusters, controls: DEFAULT_CONTROLS };
    assert.deepEqual(parseToWebview({ type: 'target', target, state }), { type: 'target', target, state });
    const many = Array.from({ length: 101 }, (_, i) => ({ id: `lkc-${i}`, name: String(i) }));
    assert.equal(parseToWebview({ type: 'target', target: { ...target, clusters: many }, state }), undefined);
    assert.equal(parseToWebview({ type: 'target', target: { ...target, clusters: [{ id: '', name: 'x' }] }, state }), undefined);
    assert.equal(parseToWebview({ type: 'target', target }), undefined, 'state is required');
  });

  void it('rejects non-numeric values, strings as numbers and wrong units', () => {
    const bad: unknown[] = [
      { ...series, series: [{ label: 'x', values: ['1'] }] },
      { ...series, series: [{ label: 'x', values: [Number.POSITIVE_INFINITY] }] },
      { ...series, timestamps: [0, null] },
      { ...series, unit: { kind: 'furlongs', noun: '' } },
      { ...series, granularity: 'ALL' },
      { ...series, seq: '3' },
      { type: 'status', state: 'exploded' },
      { type: 'init' },
    ];
    for (const m of bad) assert.equal(parseToWebview(m), undefined, JSON.stringify(m).slice(0, 120));
  });

  void it('caps sizes so a runaway response can not flood the webview', () => {
    assert.equal(parseToWebview({ ...series, timestamps: new Array(10_001).fill(0) }), undefined);
    assert.equal(parseToWebview({ ...series, series: [{ label: 'x'.repeat(1001), values: [] }] }), undefined);
  });
});

void describe('panel state', () => {
  void it('holds ids, names and controls; credentials have no field', () => {
    const parsed = panelStateSchema.parse({ connectionId: 'c1', orgId: 'org', clusterId: 'lkc-1', environmentId: 'env-1', controls: DEFAULT_CONTROLS, secret: 'x' });
    assert.equal('secret' in parsed, false, 'unknown fields are dropped');
  });
});
