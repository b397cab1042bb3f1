import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { displayUnitFor, formatExact, formatShort, toDisplayValue, unitLabel } from '../../../src/metrics/units';

const K = 'io.confluent.kafka.server/';

void describe('displayUnitFor', () => {
  void it('turns byte counters into bytes per second and byte gauges into bytes', () => {
    assert.deepEqual(displayUnitFor({ name: `${K}received_bytes`, type: 'COUNTER_INT64', unit: 'By' }), { kind: 'bytesPerSecond', noun: '' });
    assert.deepEqual(displayUnitFor({ name: `${K}retained_bytes`, type: 'GAUGE_INT64', unit: 'By' }), { kind: 'bytes', noun: '' });
  });

  void it('names what counters and gauges count', () => {
    assert.equal(unitLabel(displayUnitFor({ name: `${K}received_records`, type: 'COUNTER_INT64', unit: '1' })), 'records/s');
    assert.equal(unitLabel(displayUnitFor({ name: `${K}request_count`, type: 'COUNTER_INT64', unit: '1' })), 'requests/s');
    assert.equal(unitLabel(displayUnitFor({ name: `${K}partition_count`, type: 'GAUGE_INT64', unit: '1' })), 'partitions');
    assert.equal(unitLabel(displayUnitFor({ name: `${K}active_connection_count`, type: 'GAUGE_INT64', unit: '1' })), 'connections');
    assert.equal(unitLabel(displayUnitFor({ name: `${K}consumer_lag_offsets`, type: 'GAUGE_INT64', unit: '1' })), 'offsets');
    assert.equal(unitLabel(displayUnitFor({ name: `${K}mystery`, type: 'GAUGE_DOUBLE', unit: '1' })), 'count');
  });
});

void describe('toDisplayValue', () => {
  void it('divides counter buckets by the bucket length and leaves gauges alone', () => {
    assert.equal(toDisplayValue(300_000, 'COUNTER_INT64', 300), 1000);
    assert.equal(toDisplayValue(42, 'GAUGE_INT64', 300), 42);
  });
});

void describe('formatShort', () => {
  const bps = { kind: 'bytesPerSecond', noun: '' } as const;
  void it('scales bytes with decimal prefixes', () => {
    assert.equal(formatShort(0, bps), '0 B/s');
    assert.equal(formatShort(999, bps), '999 B/s');
    assert.equal(formatShort(1536, bps), '1.54 KB/s');
    assert.equal(formatShort(12_300_000, bps), '12.3 MB/s');
    assert.equal(formatShort(4.2e9, { kind: 'bytes', noun: '' }), '4.2 GB');
  });

  void it('scales counts with k/M and keeps the noun', () => {
    assert.equal(formatShort(12_345, { kind: 'perSecond', noun: 'records' }), '12.3k records/s');
    assert.equal(formatShort(240, { kind: 'count', noun: 'partitions' }), '240 partitions');
    assert.equal(formatShort(0.0123, { kind: 'perSecond', noun: 'requests' }), '0.012 requests/s');
  });

  void it('shows a dash for missing values', () => {
    assert.equal(formatShort(null, bps), '–');
    assert.equal(formatShort(Number.NaN, bps), '–');
  });
});

void describe('formatExact', () => {
  void it('keeps every digit and adds the short form for large values', () => {
    assert.equal(formatExact(1_536_000, { kind: 'bytesPerSecond', noun: '' }), '1,536,000 bytes/s (1.54 MB/s)');
    assert.equal(formatExact(12.3456, { kind: 'perSecond', noun: 'records' }), '12.346 records/s');
    assert.equal(formatExact(null, { kind: 'count', noun: '' }), 'no data');
  });
});
