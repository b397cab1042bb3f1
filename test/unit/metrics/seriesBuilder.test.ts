import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { buildSeries, MISSING_LABEL } from '../../../src/metrics/seriesBuilder';

const T0 = Date.UTC(2024, 0, 1);
const iso = (minute: number) => new Date(T0 + minute * 60_000).toISOString();
const base = { granularity: 'PT1M' as const, start: T0, end: T0 + 4 * 60_000, totalLabel: 'lkc-1' };

void describe('buildSeries', () => {
  void it('puts every bucket on one axis (epoch seconds), counters as per-second rates', () => {
    const rows = [{ timestamp: iso(0), value: 60 }, { timestamp: iso(2), value: 120 }];
    const out = buildSeries(rows, { ...base, groupBy: 'none', type: 'COUNTER_INT64', topN: 1 });
    assert.deepEqual(out.timestamps, [0, 1, 2, 3].map((m) => T0 / 1000 + m * 60));
    // Missing counter buckets before the newest data are no traffic (0); after it, not ingested yet (null).
    assert.deepEqual(out.series, [{ label: 'lkc-1', values: [1, 0, 2, null] }]);
  });

  void it('leaves gauge gaps as gaps', () => {
    const out = buildSeries([{ timestamp: iso(1), value: 42 }], { ...base, groupBy: 'none', type: 'GAUGE_INT64', topN: 1 });
    assert.deepEqual(out.series[0]!.values, [null, 42, null, null]);
  });

  void it('ranks groups by total, keeps top N and sums the rest into Other', () => {
    const rows = ['small', 'big', 'mid', 'tiny'].flatMap((topic, i) =>
      [0, 1].map((m) => ({ timestamp: iso(m), value: [10, 1000, 100, 1][i]!, 'metric.topic': topic })));
    const out = buildSeries(rows, { ...base, end: T0 + 2 * 60_000, groupBy: 'metric.topic', type: 'GAUGE_INT64', topN: 2 });
    assert.deepEqual(out.series.map((s) => s.label), ['big', 'mid', 'Other (2)']);
    assert.deepEqual(out.series[2]!.values, [11, 11]);
    assert.equal(out.folded, 2);
    assert.equal(out.groups, 4);
  });

  void it('reads GROUPED rows and labels rows without the group label', () => {
    const rows = [
      { 'metric.principal_id': 'sa-1', points: [{ timestamp: iso(0), value: 5 }] },
      { points: [{ timestamp: iso(0), value: 3 }] },
    ];
    const out = buildSeries(rows, { ...base, groupBy: 'metric.principal_id', type: 'GAUGE_INT64', topN: 10 });
    assert.deepEqual(out.series.map((s) => s.label), ['sa-1', MISSING_LABEL]);
  });

  void it('drops points outside the interval and malformed values', () => {
    const rows = [{ timestamp: iso(-1), value: 1 }, { timestamp: iso(9), value: 1 }, { timestamp: 'nope', value: 1 }, { timestamp: iso(0), value: 'x' }];
    const out = buildSeries(rows, { ...base, groupBy: 'none', type: 'GAUGE_INT64', topN: 1 });
    assert.deepEqual(out.series, []);
  });
});
