import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SEED_COUNTS } from '../../../sandbox/fixtures';
import type { Sandbox } from '../../../sandbox/server';
import { get, launch, type Json } from './helpers';

/** Follows only the page_token out of each next link, as a client must in drift mode. */
async function tokenPages(sb: Sandbox, path: string): Promise<Json[]> {
  const pages: Json[] = [];
  let token: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const reply = await get(sb, token === null ? path : `${path}${sep}page_token=${encodeURIComponent(token)}`);
    assert.equal(reply.status, 200, reply.text);
    pages.push(reply.json);
    const next: string | undefined = reply.json.metadata.next;
    token = next === undefined ? null : new URL(next).searchParams.get('page_token');
  } while (token !== null);
  return pages;
}

void describe('sandbox drift mode', () => {
  let drifting: Sandbox;
  let faithful: Sandbox;
  before(async () => { [drifting, faithful] = await Promise.all([launch({ drift: true }), launch()]); });
  after(async () => { await Promise.all([drifting.close(), faithful.close()]); });

  void it('next links name the public host, yet their page tokens work against the sandbox', async () => {
    const first = await get(drifting, '/iam/v2/service-accounts?page_size=100');
    assert.equal(new URL(first.json.metadata.next).origin, 'https://api.confluent.cloud');
    const pages = await tokenPages(drifting, '/iam/v2/service-accounts?page_size=100');
    assert.equal(pages.flatMap((p) => p.data).length, SEED_COUNTS.serviceAccounts);
  });

  void it('the last page carries empty metadata', async () => {
    const pages = await tokenPages(drifting, '/iam/v2/users?page_size=100');
    assert.deepEqual(pages.at(-1).metadata, {});
    assert.equal(pages[0].metadata.total_size, SEED_COUNTS.users);
    const single = await get(drifting, '/org/v2/environments');
    assert.deepEqual(single.json.metadata, {});
  });

  void it('some items carry older api_version strings and unknown nested fields', async () => {
    const keys = (await tokenPages(drifting, '/iam/v2/api-keys?page_size=100')).flatMap((p) => p.data).slice(0, 500);
    const versions = new Set(keys.map((k) => k.api_version));
    assert.ok(versions.has('iam/v2') && versions.size > 1, [...versions].join());
    assert.ok(keys.some((k) => k.x_internal !== undefined && k.metadata.labels !== undefined));
    assert.ok(keys.some((k) => Array.isArray(k.spec.resources)), 'legacy spec.resources appears');
    assert.ok(keys.some((k) => k.spec.owner.principal_type !== undefined));
    assert.ok(keys.every((k) => typeof k.id === 'string' && k.spec.owner.id), 'required fields stay');
  });

  void it('the same item drifts the same way every time', async () => {
    const a = (await get(drifting, '/iam/v2/api-keys?page_size=50')).json.data;
    const b = (await get(drifting, '/iam/v2/api-keys?page_size=50')).json.data;
    assert.deepEqual(a, b);
  });

  void it('without drift, responses follow the spec exactly', async () => {
    const keys = (await get(faithful, '/iam/v2/api-keys?page_size=100')).json.data;
    assert.ok(keys.every((k: Json) => k.api_version === 'iam/v2' && k.x_internal === undefined && k.spec.resources === undefined));
    const first = await get(faithful, '/iam/v2/users?page_size=100');
    assert.equal(new URL(first.json.metadata.next).origin, faithful.url);
    const last = (await tokenPages(faithful, '/iam/v2/users?page_size=100')).at(-1);
    assert.equal(last.metadata.total_size, SEED_COUNTS.users);
    assert.ok(last.metadata.first);
  });
});
