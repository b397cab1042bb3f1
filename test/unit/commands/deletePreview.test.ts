import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import {
  environmentImpact, environmentImpactSummary, environmentPreviewLines, keysOwnedBy, ownerPreviewLines, PREVIEW_ROWS,
} from '../../../src/commands/deletePreview';
import { findCreatedKey } from '../../../src/commands/apiKeyNames';
import type { Page } from '../../../src/cloud/pagination';
import type { ApiKey } from '../../../src/cloud/schemas/apiKey';
import type { KafkaCluster } from '../../../src/cloud/schemas/kafkaCluster';

function key(id: string, extra: Partial<ApiKey['spec']> = {}, createdAt = '2024-05-01T10:00:00Z'): ApiKey {
  return { id, metadata: { created_at: createdAt }, spec: { owner: { id: 'sa-1' }, resource: null, display_name: '', description: '', ...extra } };
}

function cluster(id: string): KafkaCluster {
  return { id, spec: { display_name: `name-${id}`, availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-1', environment: { id: 'env-1' } }, status: { phase: 'PROVISIONED' } };
}

/** A paged list that counts requests, like the client's `pages`. */
function pagesOf<T>(items: T[], size: number, counter: { requests: number }): () => AsyncGenerator<Page<T>> {
  return async function* () {
    for (let i = 0; i < items.length || i === 0; i += size) {
      counter.requests += 1;
      yield { items: items.slice(i, i + size), ...(i + size < items.length ? { nextPageToken: String(i + size) } : {}) };
      if (i + size >= items.length) return;
    }
  };
}

void describe('keysOwnedBy', () => {
  void it('counts every key across pages and keeps a short sample', async () => {
    const keys = Array.from({ length: 250 }, (_, i) => key(`K${i}`));
    const counter = { requests: 0 };
    const client = { apiKeys: { pages: pagesOf(keys, 100, counter) } } as never;
    const impact = await keysOwnedBy(client, 'sa-1');
    assert.equal(impact.total, 250);
    assert.equal(impact.sample.length, PREVIEW_ROWS);
    assert.equal(counter.requests, 3);
    const lines = ownerPreviewLines(impact);
    assert.match(lines[0]!, /250 API keys are deleted with it/);
    assert.equal(lines.at(-1), '• … and 240 more');
  });
  void it('says so when there are none', () => {
    assert.deepEqual(ownerPreviewLines({ total: 0, sample: [] }), ['It owns no API keys.']);
  });
  void it('shows names on one line', () => {
    const lines = ownerPreviewLines({ total: 1, sample: [key('K1', { display_name: 'a\nb', resource: { id: 'lkc-1' } })] });
    assert.equal(lines[1], '• K1 "a b" → lkc-1');
  });
});

void describe('environmentImpact', () => {
  void it('lists clusters and counts keys per cluster (total_size, else first page)', async () => {
    const clusters = [cluster('lkc-1'), cluster('lkc-2')];
    const counter = { requests: 0 };
    const client = {
      kafkaClusters: { pages: pagesOf(clusters, 100, counter) },
      apiKeys: {
        listPage: async ({ resource }: { resource: string }) => (resource === 'lkc-1'
          ? { items: [key('A')], totalSize: 42 }
          : { items: Array.from({ length: 100 }, (_, i) => key(`B${i}`)), nextPageToken: 't' }),
      },
    } as never;
    const impact = await environmentImpact(client, 'env-1');
    assert.equal(impact.clusters.length, 2);
    const lines = environmentPreviewLines(impact);
    assert.match(lines[0]!, /including 2 Kafka clusters/);
    assert.equal(lines[1], '• name-lkc-1 (lkc-1, AWS us-east-1) — 42 API keys');
    assert.equal(lines[2], '• name-lkc-2 (lkc-2, AWS us-east-1) — 100+ API keys');
    assert.deepEqual(environmentImpactSummary(impact), { kafkaClusters: 2, apiKeys: undefined });
  });
  void it('empty environments say so', () => {
    assert.deepEqual(environmentPreviewLines({ clusters: [], keysByCluster: new Map() }), ['It contains no Kafka clusters.']);
  });
});

void describe('findCreatedKey', () => {
  const started = new Date('2024-05-01T10:00:00Z');
  const wanted = { owner: 'sa-1', resource: 'lkc-1', displayName: 'orders', description: '' };
  void it('finds the key made by this attempt', () => {
    const keys = [
      key('OLD', { display_name: 'orders', resource: { id: 'lkc-1' } }, '2024-04-01T00:00:00Z'),
      key('NEW', { display_name: 'orders', resource: { id: 'lkc-1' } }, '2024-05-01T10:00:01Z'),
      key('OTHER', { display_name: 'billing', resource: { id: 'lkc-1' } }, '2024-05-01T10:00:01Z'),
    ];
    assert.equal(findCreatedKey(keys, wanted, started)?.id, 'NEW');
  });
  void it('finds nothing when only older or different keys exist', () => {
    const keys = [
      key('OLD', { display_name: 'orders', resource: { id: 'lkc-1' } }, '2024-04-01T00:00:00Z'),
      key('CLOUD', { display_name: 'orders', resource: null }, '2024-05-01T10:00:01Z'),
    ];
    assert.equal(findCreatedKey(keys, wanted, started), undefined);
  });
});
