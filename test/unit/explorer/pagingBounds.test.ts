// Paging loops against servers that never stop: the explorer's page guard, the buffer behind
// every folder, the pickers' page sources, and the delete previews, over real HTTP on 127.0.0.1.
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { CloudClient } from '../../../src/cloud/cloudClient';
import { keysOwnedBy, ownerPreviewLines } from '../../../src/commands/deletePreview';
import { tokenSource } from '../../../src/commands/pickers/pageSource';
import { PageBuffer, PageGuard } from '../../../src/explorer/pageBuffer';
import { startHostileServer, type HostileServer } from '../../fixtures/hostileServer';

const env = (id: string) => ({ id, display_name: id });
const key = (id: string) => ({ id, spec: { owner: { id: 'sa-1' }, resource: null, display_name: id } });

void describe('PageGuard', () => {
  void it('stops at the item limit, keeping only what fits', () => {
    const guard = new PageGuard(() => 120);
    assert.deepEqual(guard.accept(50, 't1'), { keep: 50, next: 't1' });
    assert.deepEqual(guard.accept(50, 't2'), { keep: 50, next: 't2' });
    assert.deepEqual(guard.accept(50, 't3'), { keep: 20, next: undefined });
    assert.equal(guard.stopped, 'limit');
    assert.equal(guard.count, 120);
  });

  void it('stops on a token it already followed', () => {
    const guard = new PageGuard(() => 1000);
    guard.accept(10, 'a');
    guard.accept(10, 'b');
    assert.equal(guard.accept(10, 'a').next, undefined);
    assert.equal(guard.stopped, 'repeatedToken');
  });

  void it('stops after a run of empty pages that promise more', () => {
    const guard = new PageGuard(() => 1000);
    let next: string | undefined = 'x';
    let pages = 0;
    while (next !== undefined && pages < 100) next = guard.accept(0, `t${++pages}`).next;
    assert.equal(guard.stopped, 'noProgress');
    assert.ok(pages <= 5, `stopped after ${pages} empty pages`);
  });

  void it('ends normally on the last page and starts over on reset', () => {
    const guard = new PageGuard(() => 10);
    assert.deepEqual(guard.accept(3, undefined), { keep: 3, next: undefined });
    assert.equal(guard.stopped, undefined);
    guard.reset();
    assert.equal(guard.count, 0);
  });
});

void describe('PageBuffer bounds', () => {
  void it('is complete and says why once the limit is reached, though the server has more', () => {
    const buffer = new PageBuffer<{ id: string }>(() => 100);
    let n = 0;
    while (buffer.hasMore || !buffer.started) {
      buffer.append({ items: Array.from({ length: 50 }, () => ({ id: `i${n++}` })), nextPageToken: `t${n}` });
      assert.ok(n <= 200, 'the loop ends');
    }
    assert.equal(buffer.items.length, 100);
    assert.equal(buffer.stopped, 'limit');
    assert.equal(buffer.hasMore, false);
  });

  void it('bounds a server repeating the same items under fresh tokens', () => {
    const buffer = new PageBuffer<{ id: string }>(() => 100);
    let pages = 0;
    while (buffer.hasMore || !buffer.started) {
      buffer.append({ items: [{ id: 'same' }], nextPageToken: `t${++pages}` });
      assert.ok(pages <= 200, 'the loop ends');
    }
    assert.equal(pages, 100);
    assert.equal(buffer.items.length, 1);
  });

  void it('forgets the guard on reset', () => {
    const buffer = new PageBuffer<{ id: string }>(() => 1);
    buffer.append({ items: [{ id: 'a' }], nextPageToken: 't' });
    assert.equal(buffer.stopped, 'limit');
    buffer.reset();
    assert.equal(buffer.stopped, undefined);
    buffer.append({ items: [{ id: 'a' }], nextPageToken: 't' });
    assert.equal(buffer.stopped, 'limit', 'the same token is fine after a reset');
  });
});

void describe('paging loops against an endless server (real HTTP)', () => {
  let server: HostileServer;
  let client: CloudClient;
  before(async () => {
    server = await startHostileServer({
      '/org/v2/environments': { kind: 'endless', idPrefix: 'env', item: (id) => env(id) },
      '/iam/v2/api-keys': { kind: 'endless', idPrefix: 'KEY', item: (id) => key(id) },
      '/iam/v2/service-accounts': { kind: 'repeatedToken', idPrefix: 'sa', item: (id) => ({ id, display_name: id }) },
    });
    client = new CloudClient({
      endpoint: server.url, metricsEndpoint: server.url, env: {}, retry: { maxAttempts: 1 },
      getCredentials: async () => ({ key: 'k', secret: 'paging-bounds-secret' }),
    });
  });
  after(async () => {
    client.dispose();
    await server.close();
  });

  void it('a picker source stops at its limit: limit ÷ page size requests', async () => {
    server.reset();
    const source = tokenSource((pageToken, signal) => client.environments.listPage({ pageSize: 50, pageToken, signal }), 500);
    const signal = new AbortController().signal;
    let items = 0;
    for (let i = 0; i < 1000 && !source.done; i++) items += (await source.next(signal)).length;
    assert.equal(items, 500);
    assert.equal(source.stopped, 'limit');
    assert.equal(server.count('/org/v2/environments'), 10);
  });

  void it('a picker source stops on a repeated token', async () => {
    server.reset();
    const source = tokenSource((pageToken, signal) => client.serviceAccounts.listPage({ pageSize: 10, pageToken, signal }));
    const signal = new AbortController().signal;
    for (let i = 0; i < 1000 && !source.done; i++) await source.next(signal);
    assert.equal(source.stopped, 'repeatedToken');
    assert.ok(server.count('/iam/v2/service-accounts') <= 3, `${server.count('/iam/v2/service-accounts')} requests`);
  });

  void it('a picker source sends nothing once its signal aborted', async () => {
    server.reset();
    const source = tokenSource((pageToken, signal) => client.environments.listPage({ pageSize: 10, pageToken, signal }));
    const abort = new AbortController();
    abort.abort();
    assert.deepEqual(await source.next(abort.signal), []);
    assert.equal(server.count('/org/v2/environments'), 0);
  });

  void it('the delete preview counts keys up to its cap and says "at least"', async () => {
    server.reset();
    const impact = await keysOwnedBy(client, 'sa-1', undefined, 300);
    assert.equal(impact.total, 300);
    assert.equal(impact.atLeast, true);
    assert.equal(server.count('/iam/v2/api-keys'), 3);
    assert.match(ownerPreviewLines(impact)[0]!, /at least 300 API keys are deleted/);
  });
});
