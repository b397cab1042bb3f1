import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FIXTURES, SEED_COUNTS } from '../../../sandbox/fixtures';
import type { Sandbox } from '../../../sandbox/server';
import { allPages, call, get, launch } from './helpers';

void describe('sandbox list paging', () => {
  let sb: Sandbox;
  before(async () => { sb = await launch(); });
  after(async () => { await sb.close(); });

  void it('pages through all 5,000 API keys at page_size 100 in exactly 50 pages', async () => {
    const pages = await allPages(sb, '/iam/v2/api-keys?page_size=100');
    assert.equal(pages.length, 50);
    const ids = pages.flatMap((p) => p.data.map((k: { id: string }) => k.id));
    assert.equal(ids.length, SEED_COUNTS.apiKeys);
    assert.equal(new Set(ids).size, SEED_COUNTS.apiKeys, 'no duplicates across pages');
    for (const page of pages) {
      assert.equal(page.metadata.total_size, SEED_COUNTS.apiKeys);
      assert.equal(page.metadata.first, `${sb.url}/iam/v2/api-keys?page_size=100`);
    }
    assert.equal(pages.at(-1).metadata.next, undefined, 'no next on the last page');
    const next = new URL(pages[0].metadata.next);
    assert.equal(next.origin, sb.url);
    const token = next.searchParams.get('page_token') ?? '';
    assert.ok(token.length > 0 && token.length <= 255);
  });

  void it('defaults to 10 items and keeps the page size carried by the token', async () => {
    const first = await get(sb, '/iam/v2/service-accounts');
    assert.equal(first.json.data.length, 10);
    assert.equal(first.json.metadata.total_size, SEED_COUNTS.serviceAccounts);
    const sized = await get(sb, '/iam/v2/service-accounts?page_size=7');
    const token = new URL(sized.json.metadata.next).searchParams.get('page_token') ?? '';
    const second = await get(sb, `/iam/v2/service-accounts?page_token=${encodeURIComponent(token)}`);
    assert.equal(second.json.data.length, 7, 'page_size is remembered by the token');
    assert.notEqual(second.json.data[0].id, sized.json.data[0].id);
  });

  void it('rejects page_size above 100 and other invalid sizes with 400 and source.parameter', async () => {
    for (const size of ['101', '0', '-1', 'ten', '1.5', '99999999999']) {
      const reply = await get(sb, `/iam/v2/users?page_size=${size}`);
      assert.equal(reply.status, 400, size);
      assert.equal(reply.json.errors[0].source.parameter, 'page_size');
      assert.equal(reply.json.errors[0].status, '400');
    }
    assert.equal((await get(sb, '/iam/v2/users?page_size=100')).json.data.length, 100);
  });

  void it('rejects invented, tampered and foreign page tokens with 400', async () => {
    const keys = await get(sb, '/iam/v2/api-keys?page_size=5');
    const keyToken = new URL(keys.json.metadata.next).searchParams.get('page_token') ?? '';
    const sas = await get(sb, '/iam/v2/service-accounts?page_size=5');
    const saToken = new URL(sas.json.metadata.next).searchParams.get('page_token') ?? '';
    const owned = await get(sb, `/iam/v2/api-keys?page_size=1&spec.owner=${FIXTURES.paymentsServiceAccount.id}`);
    const ownedToken = new URL(owned.json.metadata.next).searchParams.get('page_token') ?? '';
    const tampered = `${keyToken.slice(0, 5)}${keyToken[5] === 'A' ? 'B' : 'A'}${keyToken.slice(6)}`;
    const cases: [string, string][] = [
      ['invented', '/iam/v2/api-keys?page_token=abc'],
      ['tampered', `/iam/v2/api-keys?page_token=${encodeURIComponent(tampered)}`],
      ['other collection', `/iam/v2/api-keys?page_token=${encodeURIComponent(saToken)}`],
      ['filter dropped', `/iam/v2/api-keys?page_token=${encodeURIComponent(ownedToken)}`],
      ['other filter', `/iam/v2/api-keys?spec.owner=${FIXTURES.user.id}&page_token=${encodeURIComponent(ownedToken)}`],
      ['too long', `/iam/v2/api-keys?page_token=${'a'.repeat(256)}`],
      ['empty', '/iam/v2/api-keys?page_token='],
    ];
    for (const [name, path] of cases) {
      const reply = await get(sb, path);
      assert.equal(reply.status, 400, name);
      assert.equal(reply.json.errors[0].source.parameter, 'page_token', name);
    }
    assert.equal((await get(sb, `/iam/v2/api-keys?page_token=${encodeURIComponent(keyToken)}`)).status, 200, 'the genuine token still works');
  });

  void it('carries filters in next links and follows a filtered list to its end', async () => {
    const owner = FIXTURES.paymentsServiceAccount.id;
    const pages = await allPages(sb, `/iam/v2/api-keys?page_size=1&spec.owner=${owner}`);
    assert.equal(pages.length, FIXTURES.paymentsServiceAccount.apiKeyIds.length);
    assert.deepEqual(pages.flatMap((p) => p.data.map((k: { id: string }) => k.id)), [...FIXTURES.paymentsServiceAccount.apiKeyIds]);
    assert.equal(new URL(pages[0].metadata.next).searchParams.get('spec.owner'), owner);
    assert.equal(pages[0].metadata.total_size, 3);
  });

  void it('does not skip or repeat items when records are deleted between pages', async () => {
    const first = await get(sb, '/iam/v2/users?page_size=50');
    const firstIds = first.json.data.map((u: { id: string }) => u.id);
    // Delete a user already served; a naive offset cursor would now skip one user.
    const victim = firstIds.find((id: string) => id !== FIXTURES.adminUser.id && id !== FIXTURES.user.id);
    assert.equal((await call(sb, 'DELETE', `/iam/v2/users/${victim}`)).status, 204);
    const rest = await allPages(sb, first.json.metadata.next);
    const restIds = rest.flatMap((p) => p.data.map((u: { id: string }) => u.id));
    assert.equal(firstIds.length + restIds.length, SEED_COUNTS.users);
    assert.equal(new Set([...firstIds, ...restIds]).size, SEED_COUNTS.users);
    assert.equal(rest[0].metadata.total_size, SEED_COUNTS.users - 1);
    sb.reset();
  });

  void it('a single-page list has no next link', async () => {
    const reply = await get(sb, '/org/v2/environments?page_size=100');
    assert.equal(reply.json.metadata.next, undefined);
    assert.equal(reply.json.metadata.total_size, reply.json.data.length);
  });
});
