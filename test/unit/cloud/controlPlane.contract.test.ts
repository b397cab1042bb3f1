import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FIXTURES, SEED_COUNTS } from '../../../sandbox/fixtures';
import { type Page } from '../../../src/cloud/pagination';
import { useHarness } from './sandboxClient';

const h = useHarness();

async function collect<T>(pages: AsyncIterable<Page<T>>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(...page.items);
  return all;
}

void describe('control plane against the sandbox', () => {
  void it('pages all 5,000 API keys in exactly 50 requests of 100, with no request after the last page', async () => {
    const keys = await collect(h.client.apiKeys.pages({ pageSize: 100 }));
    assert.equal(keys.length, SEED_COUNTS.apiKeys);
    assert.equal(new Set(keys.map((k) => k.id)).size, SEED_COUNTS.apiKeys);
    assert.equal(h.hits('/iam/v2/api-keys', 'GET'), 50);
    assert.ok(h.sandbox.requests().every((r) => r.query.page_size === '100'));
  });

  void it('clamps page sizes above 100 and returns one page per listPage call', async () => {
    const page = await h.client.serviceAccounts.listPage({ pageSize: 5000 });
    assert.equal(page.items.length, 100);
    assert.equal(page.totalSize, SEED_COUNTS.serviceAccounts);
    assert.ok(page.nextPageToken);
    const second = await h.client.serviceAccounts.listPage({ pageSize: 100, pageToken: page.nextPageToken });
    assert.notEqual(second.items[0]!.id, page.items[0]!.id);
    assert.equal(h.hits('/iam/v2/service-accounts'), 2);
  });

  void it('lists and gets organizations', async () => {
    const page = await h.client.organizations.listPage();
    assert.equal(page.items[0]!.display_name, FIXTURES.organization.displayName);
    assert.equal(page.nextPageToken, undefined);
    const org = await h.client.organizations.get(FIXTURES.organization.id);
    assert.equal(org.id, FIXTURES.organization.id);
  });

  void it('creates, renames and deletes an environment', async () => {
    const env = await h.client.environments.create({ display_name: 'contract-env', stream_governance_config: { package: 'ESSENTIALS' } });
    assert.equal(env.display_name, 'contract-env');
    const renamed = await h.client.environments.update(env.id, { display_name: 'renamed-env' });
    assert.equal(renamed.display_name, 'renamed-env');
    assert.equal((await h.client.environments.get(env.id)).stream_governance_config?.package, 'ESSENTIALS');
    await h.client.environments.delete(env.id);
    await assert.rejects(h.client.environments.get(env.id), { reason: 'http', status: 404 });
  });

  void it('lists Kafka clusters by environment and gets one scoped to it', async () => {
    const { id, displayName } = FIXTURES.productionCluster;
    const all = await collect(h.client.kafkaClusters.pages({ environment: FIXTURES.productionEnvironment.id }));
    const cluster = all.find((c) => c.id === id);
    assert.equal(cluster?.spec.display_name, displayName);
    assert.equal(cluster?.spec.environment.id, FIXTURES.productionEnvironment.id);
    assert.ok(cluster?.status.phase);
    const one = await h.client.kafkaClusters.get(id, FIXTURES.productionEnvironment.id);
    assert.equal(one.spec.config?.kind, FIXTURES.productionCluster.kind);
    assert.ok(h.sandbox.requests().every((r) => r.query.environment === FIXTURES.productionEnvironment.id));
  });

  void it('filters service accounts by one or several display names (OR)', async () => {
    const one = await h.client.serviceAccounts.listPage({ displayName: FIXTURES.paymentsServiceAccount.displayName });
    assert.deepEqual(one.items.map((s) => s.id), [FIXTURES.paymentsServiceAccount.id]);
    const two = await h.client.serviceAccounts.listPage({
      displayName: [FIXTURES.paymentsServiceAccount.displayName, FIXTURES.disposableServiceAccount.displayName],
    });
    assert.deepEqual(two.items.map((s) => s.id).sort(), [FIXTURES.disposableServiceAccount.id, FIXTURES.paymentsServiceAccount.id].sort());
    assert.deepEqual(h.sandbox.requests().at(-1)!.query.display_name,
      [FIXTURES.paymentsServiceAccount.displayName, FIXTURES.disposableServiceAccount.displayName]);
  });

  void it('creates, updates and deletes a service account; path-encodes ids', async () => {
    const sa = await h.client.serviceAccounts.create({ display_name: 'contract-sa', description: 'first' });
    const updated = await h.client.serviceAccounts.update(sa.id, { description: 'second' });
    assert.equal(updated.description, 'second');
    await h.client.serviceAccounts.delete(sa.id);
    await assert.rejects(h.client.serviceAccounts.get('sa-x/../../users'), { status: 404 });
    assert.equal(h.sandbox.requests().at(-1)!.path, '/iam/v2/service-accounts/sa-x%2F..%2F..%2Fusers');
  });

  void it('gets, renames and deletes users', async () => {
    const { id } = FIXTURES.user;
    assert.equal((await h.client.users.get(id)).email, FIXTURES.user.email);
    assert.equal((await h.client.users.update(id, { full_name: 'Augusta Ada King' })).full_name, 'Augusta Ada King');
    assert.equal((await collect(h.client.users.pages({ pageSize: 100 }))).length, SEED_COUNTS.users);
    await h.client.users.delete(id);
    await assert.rejects(h.client.users.get(id), { status: 404 });
  });

  void it('creates, gets and deletes invitations', async () => {
    const inv = await h.client.invitations.create({ email: 'new.person@example.com' });
    assert.equal((await h.client.invitations.get(inv.id)).email, 'new.person@example.com');
    assert.ok((await collect(h.client.invitations.pages())).some((i) => i.id === FIXTURES.invitation.id));
    await h.client.invitations.delete(inv.id);
    await assert.rejects(h.client.invitations.get(inv.id), { status: 404 });
  });

  void it('filters API keys by owner and resource, and normalises Cloud keys to resource null', async () => {
    const sa = FIXTURES.paymentsServiceAccount;
    const byOwner = await h.client.apiKeys.listPage({ owner: sa.id });
    assert.ok(sa.apiKeyIds.every((id) => byOwner.items.some((k) => k.id === id)));
    assert.ok(byOwner.items.every((k) => k.spec.owner.id === sa.id));
    assert.equal(byOwner.items.find((k) => k.id === 'PAYMENTSCLOUD001')?.spec.resource, null);
    const byBoth = await h.client.apiKeys.listPage({ owner: sa.id, resource: FIXTURES.productionCluster.id });
    assert.ok(['PAYMENTSKEY00001', 'PAYMENTSKEY00002'].every((id) => byBoth.items.some((k) => k.id === id)));
    assert.ok(byBoth.items.every((k) => k.spec.owner.id === sa.id && k.spec.resource?.id === FIXTURES.productionCluster.id));
    assert.ok(byBoth.items.length < byOwner.items.length);
    assert.deepEqual(h.sandbox.requests().at(-1)!.query, { 'spec.owner': sa.id, 'spec.resource': FIXTURES.productionCluster.id });
  });

  void it('creates an API key (202 with the secret once), updates and deletes it', async () => {
    const key = await h.client.apiKeys.create({
      owner: { id: FIXTURES.paymentsServiceAccount.id },
      resource: { id: FIXTURES.productionCluster.id, environment: FIXTURES.productionEnvironment.id },
      display_name: 'contract key',
    });
    assert.ok(key.spec.secret && key.spec.secret.length > 10);
    assert.equal(key.spec.resource?.id, FIXTURES.productionCluster.id);
    const fetched = await h.client.apiKeys.get(key.id);
    assert.ok(!fetched.spec.secret, 'the secret is never returned again');
    assert.equal((await h.client.apiKeys.update(key.id, { description: 'rotating' })).spec.description, 'rotating');
    await h.client.apiKeys.delete(key.id);
    await assert.rejects(h.client.apiKeys.get(key.id), { status: 404 });
    assert.ok(!JSON.stringify(h.log).includes(key.spec.secret));
  });

  void it('uses a rotated key at once because credentials are read per request', async () => {
    const created = await h.client.apiKeys.create({ owner: { id: FIXTURES.adminUser.id }, resource: null });
    let creds = { key: h.sandbox.apiKey, secret: 'wrong-secret' };
    const c = h.clientWith({ getCredentials: async () => creds });
    await assert.rejects(c.environments.listPage(), { status: 401 });
    creds = { key: created.id, secret: created.spec.secret! };
    assert.ok((await c.environments.listPage()).items.length > 0);
  });
});
