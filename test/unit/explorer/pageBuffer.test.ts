import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { PageBuffer } from '../../../src/explorer/pageBuffer';

const item = (id: string, name = id) => ({ id, name });

void describe('PageBuffer', () => {
  void it('starts empty and not started', () => {
    const buffer = new PageBuffer<{ id: string }>();
    assert.equal(buffer.started, false);
    assert.equal(buffer.hasMore, false, 'nothing to load "more" of before the first page');
    assert.equal(buffer.nextPageToken, undefined);
  });

  void it('appends pages in order, keeps the token and the total', () => {
    const buffer = new PageBuffer<ReturnType<typeof item>>();
    buffer.append({ items: [item('a'), item('b')], nextPageToken: 't1', totalSize: 5 });
    assert.deepEqual(buffer.items.map((i) => i.id), ['a', 'b']);
    assert.equal(buffer.nextPageToken, 't1');
    assert.equal(buffer.hasMore, true);
    assert.equal(buffer.total, 5);
    buffer.append({ items: [item('c')] });
    assert.deepEqual(buffer.items.map((i) => i.id), ['a', 'b', 'c']);
    assert.equal(buffer.complete, true);
    assert.equal(buffer.hasMore, false);
    assert.equal(buffer.total, 5, 'a page without total_size keeps the last one');
  });

  void it('treats an empty next token as the last page', () => {
    const buffer = new PageBuffer<{ id: string }>();
    buffer.append({ items: [], nextPageToken: '' });
    assert.equal(buffer.complete, true);
  });

  void it('drops duplicates that shift between pages', () => {
    const buffer = new PageBuffer<ReturnType<typeof item>>();
    buffer.append({ items: [item('a'), item('b')], nextPageToken: 't' });
    buffer.append({ items: [item('b'), item('c')] });
    assert.deepEqual(buffer.items.map((i) => i.id), ['a', 'b', 'c']);
  });

  void it('pins items that are not loaded, shows them first, and unpins them when their page arrives', () => {
    const buffer = new PageBuffer<ReturnType<typeof item>>();
    buffer.append({ items: [item('a')], nextPageToken: 't' });
    buffer.pin(item('z'));
    buffer.pin(item('a'));
    assert.deepEqual(buffer.pinned.map((i) => i.id), ['z'], 'a loaded item is not pinned again');
    assert.deepEqual(buffer.shown().map((i) => i.id), ['z', 'a']);
    buffer.append({ items: [item('z')] });
    assert.deepEqual(buffer.pinned, []);
    assert.deepEqual(buffer.shown().map((i) => i.id), ['a', 'z']);
  });

  void it('filters what is shown without touching what is loaded', () => {
    const buffer = new PageBuffer<ReturnType<typeof item>>();
    buffer.append({ items: [item('a', 'pay'), item('b', 'ship')] });
    assert.deepEqual(buffer.shown((i) => i.name === 'pay').map((i) => i.id), ['a']);
    assert.equal(buffer.items.length, 2);
  });

  void it('inserts, replaces and removes with the total adjusted', () => {
    const buffer = new PageBuffer<ReturnType<typeof item>>();
    buffer.append({ items: [item('a'), item('b')], totalSize: 2 });
    buffer.insert(item('c'));
    assert.equal(buffer.total, 3);
    buffer.insert(item('c', 'renamed'));
    assert.equal(buffer.total, 3, 'inserting a known item replaces it');
    assert.equal(buffer.find('c')?.name, 'renamed');
    assert.equal(buffer.replace(item('x')), false);
    const removed = buffer.removeWhere((i) => i.id !== 'a');
    assert.deepEqual(removed.map((i) => i.id), ['b', 'c']);
    assert.equal(buffer.total, 1);
  });

  void it('reset releases everything', () => {
    const buffer = new PageBuffer<ReturnType<typeof item>>();
    buffer.append({ items: [item('a')], nextPageToken: 't', totalSize: 9 });
    buffer.pin(item('p'));
    buffer.reset();
    assert.equal(buffer.started, false);
    assert.deepEqual(buffer.shown(), []);
    assert.equal(buffer.total, undefined);
    assert.equal(buffer.nextPageToken, undefined);
  });
});
