import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { CloudApiError } from '../../../src/cloud/errors';
import { FolderFilterState } from '../../../src/explorer/nodes/folderFilter';
import type { PageRequest } from '../../../src/explorer/nodes/folderItem';
import { FolderPager } from '../../../src/explorer/nodes/folderPager';

interface Item { id: string; name: string }

const items = (count: number, name = (i: number) => `item-${i}`): Item[] =>
  Array.from({ length: count }, (_, i) => ({ id: `id-${i}`, name: name(i) }));

/**
 * An in-memory page source standing in for the cloud API (the folders' HTTP paging is exercised
 * against the sandbox in the host tests): tokens are offsets, every call is recorded, and a call
 * can be held until the test releases it.
 */
class MemoryPages {
  readonly requests: PageRequest[] = [];
  failNext: Error | undefined;
  private held: Array<() => void> = [];
  hold = false;

  constructor(private readonly all: Item[], private readonly serverMatch?: (item: Item, filter: string) => boolean) {}

  async fetch(request: PageRequest): Promise<{ items: Item[]; nextPageToken?: string; totalSize: number }> {
    this.requests.push(request);
    if (this.hold) await new Promise<void>((resolve) => this.held.push(resolve));
    if (request.signal?.aborted) throw new CloudApiError({ reason: 'cancelled', action: 'list items', summary: 'the request was cancelled' });
    const failure = this.failNext;
    this.failNext = undefined;
    if (failure) throw failure;
    const source = request.filter !== undefined && this.serverMatch
      ? this.all.filter((item) => this.serverMatch?.(item, request.filter ?? ''))
      : this.all;
    const start = Number(request.pageToken ?? 0);
    const end = start + request.pageSize;
    return { items: source.slice(start, end), nextPageToken: end < source.length ? String(end) : undefined, totalSize: source.length };
  }

  release(): void {
    const waiting = this.held;
    this.held = [];
    for (const resolve of waiting) resolve();
  }
}

function pagerOver(pages: MemoryPages, options: { pageSize?: number; serverFilter?: boolean; limit?: number } = {}) {
  let changes = 0;
  const filter = new FolderFilterState<Item>(() => options.serverFilter ?? false, {
    matches: (item, text) => (options.serverFilter ? item.name === text : item.name.includes(text)),
    containsMatch: (item, text) => item.name.includes(text),
  });
  const pager = new FolderPager<Item>({
    fetchPage: (request) => pages.fetch(request),
    pageSize: () => options.pageSize ?? 10,
    loadAllLimit: () => options.limit ?? 10_000,
    changed: () => { changes += 1; },
  }, filter);
  return { pager, filter, changes: () => changes };
}

void describe('FolderPager over an in-memory page source', () => {
  void it('fetches nothing until asked, then exactly one page; a second ask fetches nothing', async () => {
    const pages = new MemoryPages(items(35));
    const { pager, changes } = pagerOver(pages);
    assert.equal(pages.requests.length, 0);
    await pager.loadFirst();
    assert.equal(pages.requests.length, 1);
    assert.equal(pager.buffer.items.length, 10);
    assert.equal(pager.description(), '10 of 35');
    assert.ok(changes() >= 1, 'the row is redrawn once the first page is in');
    await pager.loadFirst();
    assert.equal(pages.requests.length, 1);
  });

  void it('shares one request between callers who ask for the first page at once', async () => {
    const pages = new MemoryPages(items(5));
    pages.hold = true;
    const { pager } = pagerOver(pages);
    const first = pager.loadFirst();
    const second = pager.loadFirst();
    pages.release();
    await Promise.all([first, second]);
    assert.equal(pages.requests.length, 1);
  });

  void it('Load more fetches exactly the next page with the last token and stops at the end', async () => {
    const pages = new MemoryPages(items(25));
    const { pager } = pagerOver(pages);
    await pager.loadFirst();
    let started = 0;
    await pager.loadMore(() => { started += 1; });
    assert.deepEqual(pages.requests.map((r) => r.pageToken), [undefined, '10']);
    await pager.loadMore(() => { started += 1; });
    assert.equal(pager.buffer.hasMore, false);
    await pager.loadMore(() => { started += 1; });
    assert.equal(pages.requests.length, 3, 'no request past the last page');
    assert.equal(started, 2);
  });

  void it('a local filter fetches pages until a page of matches shows, and no further', async () => {
    // Every fifth item matches "hit": a page of 10 matches needs 50 items, i.e. 5 pages.
    const pages = new MemoryPages(items(200, (i) => (i % 5 === 0 ? `hit-${i}` : `miss-${i}`)));
    const { pager, filter } = pagerOver(pages);
    filter.set('hit');
    await pager.loadFirst();
    assert.equal(pages.requests.length, 5);
    assert.equal(pager.visible().length, 10);
    assert.equal(pager.shown().length, 10);
    assert.ok(pages.requests.every((r) => r.filter === undefined), 'a local filter is not sent');
    await pager.loadMore(() => undefined);
    assert.equal(pages.requests.length, 10, 'Load more fills one more page of matches');
  });

  void it('a server filter in exact mode is sent with the request; contains mode searches loaded pages instead', async () => {
    const pages = new MemoryPages(items(30, (i) => (i === 3 ? 'payments' : `svc-${i}`)), (item, text) => item.name === text);
    const exact = pagerOver(pages, { serverFilter: true });
    exact.filter.set('payments');
    await exact.pager.loadFirst();
    assert.equal(pages.requests[0]?.filter, 'payments');
    assert.deepEqual(exact.pager.shown().map((i) => i.id), ['id-3']);

    const loose = pagerOver(pages, { serverFilter: true });
    loose.filter.set('svc-2', 'contains');
    await loose.pager.loadFirst();
    assert.equal(pages.requests[1]?.filter, undefined);
    assert.ok(loose.pager.shown().every((i) => i.name.includes('svc-2')));
  });

  void it('Load all reads every page, reporting each, and an abort keeps what arrived', async () => {
    const pages = new MemoryPages(items(45));
    const { pager } = pagerOver(pages);
    await pager.loadFirst();
    const seen: number[] = [];
    await pager.loadRest(new AbortController().signal, (loaded) => seen.push(loaded));
    assert.deepEqual(seen, [20, 30, 40, 45]);
    assert.equal(pager.buffer.complete, true);

    const more = new MemoryPages(items(100));
    const other = pagerOver(more);
    await other.pager.loadFirst();
    const abort = new AbortController();
    await other.pager.loadRest(abort.signal, (loaded) => { if (loaded === 30) abort.abort(); });
    assert.equal(other.pager.buffer.items.length, 30, 'stops between pages and keeps them');
    assert.equal(more.requests.length, 3);
  });

  void it('Load all stops at the item limit', async () => {
    const pages = new MemoryPages(items(500));
    const { pager } = pagerOver(pages, { limit: 35 });
    await pager.loadFirst();
    await pager.loadRest(new AbortController().signal);
    assert.equal(pager.buffer.items.length, 35);
    assert.equal(pager.buffer.stopped, 'limit');
    assert.equal(pages.requests.length, 4);
  });

  void it('a failed first page is kept as the error and not refetched until cleared', async () => {
    const pages = new MemoryPages(items(5));
    pages.failNext = new Error('boom');
    const { pager } = pagerOver(pages);
    await pager.loadFirst();
    assert.equal((pager.loads.firstError as Error).message, 'boom');
    await pager.loadFirst();
    assert.equal(pages.requests.length, 1, 'the error row stays until Retry');
    await assert.rejects(pager.loadRest(new AbortController().signal), /boom/);
    pager.loads.clearFirstError();
    await pager.loadFirst();
    assert.equal(pager.buffer.items.length, 5);
  });

  void it('a failed later page rejects once and is kept for the error row; Load more fetches it again', async () => {
    const pages = new MemoryPages(items(25));
    const { pager } = pagerOver(pages);
    await pager.loadFirst();
    pages.failNext = new Error('second page failed');
    await assert.rejects(pager.loadMore(() => undefined), /second page failed/);
    assert.equal((pager.loads.moreError as Error).message, 'second page failed');
    await pager.loadMore(() => undefined);
    assert.equal(pager.loads.moreError, undefined);
    assert.equal(pager.buffer.items.length, 20);
  });

  void it('a page that arrives after a reset is dropped, and its request was aborted', async () => {
    const pages = new MemoryPages(items(30));
    pages.hold = true;
    const { pager } = pagerOver(pages);
    const first = pager.loadFirst();
    const signal = pages.requests[0]?.signal;
    pager.reset();
    assert.equal(signal?.aborted, true);
    pages.release();
    await first;
    assert.equal(pager.buffer.started, false);
    assert.equal(pager.loads.firstError, undefined, 'a cancel is not a failure');
  });

  void it('cancel stops Load all between pages without an error', async () => {
    const pages = new MemoryPages(items(100));
    const { pager } = pagerOver(pages);
    await pager.loadFirst();
    pages.hold = true;
    const all = pager.loadRest(new AbortController().signal);
    pager.loads.cancel();
    pages.release();
    await all;
    assert.equal(pager.loads.moreError, undefined);
    assert.equal(pages.requests.length, 2, 'no page is requested after the cancel');
    assert.equal(pager.buffer.items.length, 10);
  });

  void it('after dispose nothing is requested', async () => {
    const pages = new MemoryPages(items(30));
    const { pager } = pagerOver(pages);
    pager.loads.dispose();
    await pager.loadFirst();
    assert.equal(pages.requests.length, 0);
  });
});

void describe('FolderFilterState', () => {
  const state = (server: boolean) => new FolderFilterState<Item>(() => server, {
    matches: (item, text) => (server ? item.name === text : item.name.includes(text)),
    containsMatch: (item, text) => item.name.includes(text),
  });

  void it('reports no change when the text and mode stay', () => {
    const filter = state(false);
    assert.equal(filter.set('a'), true);
    assert.equal(filter.set('a'), false);
    assert.equal(filter.set(undefined), true);
    assert.equal(filter.text, undefined);
  });

  void it('only a server filter has modes, exact unless asked otherwise', () => {
    const local = state(false);
    local.set('x', 'exact');
    assert.equal(local.mode, 'contains');
    assert.equal(local.onServer, false);
    assert.equal(local.searchesLoadedPages, true);

    const server = state(true);
    server.set('x');
    assert.equal(server.mode, 'exact');
    assert.equal(server.query, 'x');
    assert.equal(server.searchesLoadedPages, false);
    assert.equal(server.set('x', 'contains'), true, 'a new mode is a change');
    assert.equal(server.query, undefined);
    assert.ok(server.shows({ id: '1', name: 'xyz' }), 'contains mode uses the substring match');
  });

  void it('a created item joins a server-filtered list only when the server would list it', () => {
    const server = state(true);
    server.set('payments');
    assert.equal(server.admits({ id: '1', name: 'payments' }), true);
    assert.equal(server.admits({ id: '2', name: 'payments-2' }), false);
    const local = state(false);
    local.set('payments');
    assert.equal(local.admits({ id: '2', name: 'orders' }), true, 'a local filter decides at display time');
    assert.equal(local.shows({ id: '2', name: 'orders' }), false);
  });
});
