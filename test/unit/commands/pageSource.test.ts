import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { nestedSource, staticSource, tokenSource } from '../../../src/commands/pickers/pageSource';

const signal = new AbortController().signal;

void describe('tokenSource', () => {
  void it('sends one request per page and none past the last', async () => {
    const calls: (string | undefined)[] = [];
    const source = tokenSource(async (token) => {
      calls.push(token);
      return token === undefined ? { items: [1, 2], nextPageToken: 'p2' } : { items: [3] };
    });
    assert.equal(source.done, false);
    assert.deepEqual(await source.next(signal), [1, 2]);
    assert.equal(source.done, false);
    assert.deepEqual(await source.next(signal), [3]);
    assert.equal(source.done, true);
    assert.deepEqual(await source.next(signal), []);
    assert.deepEqual(calls, [undefined, 'p2']);
  });
});

void describe('nestedSource', () => {
  void it('walks parents page by page and each parent\'s children, one request per next()', async () => {
    let requests = 0;
    const parents = tokenSource(async (token) => {
      requests += 1;
      return token === undefined ? { items: ['env-a', 'env-b'], nextPageToken: 'x' } : { items: ['env-c'] };
    });
    const children = (env: string) => tokenSource(async (token) => {
      requests += 1;
      if (env === 'env-b') return { items: [] };
      return token === undefined && env === 'env-a' ? { items: ['c1'], nextPageToken: 'y' } : { items: [`${env}-last`] };
    });
    const source = nestedSource(parents, children, (env, c) => `${env}/${c}`);
    const seen: string[][] = [];
    while (!source.done) {
      const before = requests;
      seen.push(await source.next(signal));
      assert.equal(requests - before, 1, 'exactly one request per page');
    }
    assert.deepEqual(seen.flat(), ['env-a/c1', 'env-a/env-a-last', 'env-c/env-c-last']);
    assert.equal(requests, 6);
  });
});

void describe('staticSource', () => {
  void it('yields once', async () => {
    const source = staticSource(['a']);
    assert.deepEqual(await source.next(signal), ['a']);
    assert.equal(source.done, true);
  });
});
