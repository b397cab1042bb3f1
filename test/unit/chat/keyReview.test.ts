import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { classifyKeys } from '../../../src/chat/keyReview';
import type { ApiKey } from '../../../src/cloud/schemas/apiKey';

const NOW = Date.UTC(2026, 0, 31);
const DAY = 86_400_000;

function key(id: string, owner: string, resource: string | null, ageDays: number): ApiKey {
  return {
    id, metadata: { created_at: new Date(NOW - ageDays * DAY).toISOString() },
    spec: { owner: { id: owner }, resource: resource ? { id: resource } : null },
  };
}

void describe('API key review', () => {
  const keys = [
    key('OLD', 'sa-1', 'lkc-1', 400),
    key('GONEOWNER', 'sa-gone', 'lkc-1', 10),
    key('GONECLUSTER', 'sa-1', 'lkc-gone', 5),
    key('IDLE', 'sa-2', 'lkc-1', 3),
    key('ACTIVE', 'sa-1', 'lkc-1', 3),
    key('CLOUD', 'sa-2', null, 3),
    key('UNQUERIED', 'sa-2', 'lkc-2', 3),
  ];
  const facts = {
    keys,
    existingOwners: new Set(['sa-1', 'sa-2']),
    existingClusters: new Set(['lkc-1', 'lkc-2']),
    activity: new Map([['lkc-1', new Map([['sa-1', NOW - DAY]])]]),
    now: NOW,
    olderThanDays: 90,
  };

  void it('flags orphans by owner and by cluster, idle keys only where metrics were read, and old keys', () => {
    const found = classifyKeys(facts);
    assert.deepEqual(found.orphaned.map((f) => f.key.id), ['GONEOWNER', 'GONECLUSTER']);
    assert.match(found.orphaned[0]!.reason, /owner `sa-gone` no longer exists/);
    assert.deepEqual(found.idle.map((f) => f.key.id).sort(), ['GONEOWNER', 'IDLE'], 'a Cloud key and an unqueried cluster are never idle');
    assert.deepEqual(found.old.map((f) => f.key.id), ['OLD']);
    assert.match(found.old[0]!.reason, /^400 days old$/);
  });

  void it('does not call anything orphaned when owners and clusters were not checked', () => {
    const found = classifyKeys({ ...facts, existingOwners: undefined, existingClusters: undefined });
    assert.deepEqual(found.orphaned, []);
  });

  void it('sorts each category oldest first', () => {
    const found = classifyKeys({ ...facts, olderThanDays: 4 });
    assert.deepEqual(found.old.map((f) => f.key.id), ['OLD', 'GONEOWNER', 'GONECLUSTER']);
  });
});
