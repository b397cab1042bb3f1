import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { ChildNodeCache } from '../../../src/explorer/nodes/childNodeCache';
import { PageBuffer } from '../../../src/explorer/pageBuffer';

interface Item { id: string; name: string }

/** Stands in for a tree node: remembers the copy of the item it was last handed. */
class RecordingNode {
  constructor(public item: Item) {}
  update(item: Item): void {
    this.item = item;
  }
}

function loadedCache(...ids: string[]) {
  const buffer = new PageBuffer<Item>();
  buffer.append({ items: ids.map((id) => ({ id, name: id })), totalSize: ids.length });
  let built = 0;
  const cache = new ChildNodeCache<Item, RecordingNode>(buffer, { create: (item) => { built += 1; return new RecordingNode(item); } });
  return { buffer, cache, built: () => built };
}

void describe('ChildNodeCache', () => {
  void it('builds one node per item ID and reuses it', () => {
    const { cache, built } = loadedCache('a', 'b');
    const first = cache.nodeFor({ id: 'a', name: 'a' });
    assert.equal(cache.nodeFor({ id: 'a', name: 'a' }), first);
    assert.equal(built(), 1);
    assert.equal(cache.find('b'), undefined, 'nothing is built before it is shown');
    assert.deepEqual(cache.all(), [first]);
  });

  void it('pins an item the pages lack, and replaces one they hold without pinning', () => {
    const { buffer, cache } = loadedCache('a');
    const pinned = cache.ensure({ id: 'z', name: 'zed' });
    assert.equal(pinned.pinned, true);
    assert.deepEqual(buffer.pinned.map((i) => i.id), ['z']);
    const loaded = cache.ensure({ id: 'a', name: 'renamed' });
    assert.equal(loaded.pinned, false);
    assert.equal(loaded.node.item.name, 'renamed', 'the node gets the fresh copy');
    assert.equal(buffer.find('a')?.name, 'renamed');
  });

  void it('insert counts a new item and hands an existing node the new copy', () => {
    const { buffer, cache } = loadedCache('a');
    const node = cache.nodeFor({ id: 'a', name: 'a' });
    cache.insert({ id: 'b', name: 'b' });
    assert.equal(buffer.total, 2);
    cache.insert({ id: 'a', name: 'again' });
    assert.equal(buffer.total, 2, 'an item already here is replaced, not counted twice');
    assert.equal(node.item.name, 'again');
  });

  void it('replace answers undefined for an item that is not loaded', () => {
    const { cache } = loadedCache('a');
    assert.equal(cache.replace({ id: 'x', name: 'x' }), undefined);
    assert.equal(cache.replace({ id: 'a', name: 'new' })?.item.name, 'new');
  });

  void it('removeWhere drops the items, their nodes and lowers the total', () => {
    const { buffer, cache } = loadedCache('a', 'b', 'c');
    for (const id of ['a', 'b', 'c']) cache.nodeFor({ id, name: id });
    assert.equal(cache.removeWhere((item) => item.id !== 'b'), 2);
    assert.deepEqual(cache.all().map((n) => n.item.id), ['b']);
    assert.equal(buffer.total, 1);
    cache.clear();
    assert.deepEqual(cache.all(), []);
  });
});
