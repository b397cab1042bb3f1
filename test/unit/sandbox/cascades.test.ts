import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FIXTURES } from '../../../sandbox/fixtures';
import type { Sandbox } from '../../../sandbox/server';
import { allPages, call, get, launch } from './helpers';

void describe('sandbox cascading deletes and reset', () => {
  let sb: Sandbox;
  before(async () => { sb = await launch(); });
  after(async () => { await sb.close(); });

  const keysWhere = async (query: string) => (await allPages(sb, `/iam/v2/api-keys?page_size=100&${query}`)).flatMap((p) => p.data);

  void it('deleting a service account deletes its API keys', async () => {
    const sa = FIXTURES.paymentsServiceAccount;
    assert.equal((await keysWhere(`spec.owner=${sa.id}`)).length, 3);
    assert.equal((await call(sb, 'DELETE', `/iam/v2/service-accounts/${sa.id}`)).status, 204);
    assert.equal((await keysWhere(`spec.owner=${sa.id}`)).length, 0);
    for (const id of sa.apiKeyIds) assert.equal((await get(sb, `/iam/v2/api-keys/${id}`)).status, 404);
  });

  void it('deleting a user deletes the user\'s API keys', async () => {
    assert.ok((await keysWhere(`spec.owner=${FIXTURES.user.id}`)).length >= 1);
    assert.equal((await call(sb, 'DELETE', `/iam/v2/users/${FIXTURES.user.id}`)).status, 204);
    assert.equal((await keysWhere(`spec.owner=${FIXTURES.user.id}`)).length, 0);
    assert.equal((await get(sb, `/iam/v2/api-keys/${FIXTURES.user.apiKeyIds[0]}`)).status, 404);
  });

  void it('deleting an environment deletes its clusters and the keys scoped to them, not Cloud keys', async () => {
    const env = FIXTURES.productionEnvironment.id;
    const clusters = (await get(sb, `/cmk/v2/clusters?environment=${env}&page_size=100`)).json.data.map((c: { id: string }) => c.id);
    assert.ok(clusters.includes(FIXTURES.productionCluster.id));
    const totalBefore = (await get(sb, '/iam/v2/api-keys')).json.metadata.total_size;
    let scoped = 0;
    for (const id of clusters) scoped += (await keysWhere(`spec.resource=${id}`)).length;
    assert.ok(scoped > 0);
    const cloudBefore = (await keysWhere('')).filter((k) => k.spec.resource === null).length;

    assert.equal((await call(sb, 'DELETE', `/org/v2/environments/${env}`)).status, 204);
    assert.equal((await get(sb, `/cmk/v2/clusters?environment=${env}`)).status, 403);
    for (const id of clusters) assert.equal((await keysWhere(`spec.resource=${id}`)).length, 0);
    const all = await keysWhere('');
    assert.equal(all.length, totalBefore - scoped);
    assert.equal(all.filter((k) => k.spec.resource === null).length, cloudBefore);
  });

  void it('reset restores the seeded state', async () => {
    sb.reset();
    assert.equal((await get(sb, `/org/v2/environments/${FIXTURES.productionEnvironment.id}`)).status, 200);
    assert.equal((await get(sb, `/iam/v2/service-accounts/${FIXTURES.paymentsServiceAccount.id}`)).status, 200);
    assert.equal((await get(sb, '/iam/v2/api-keys')).json.metadata.total_size, 5000);
  });
});
