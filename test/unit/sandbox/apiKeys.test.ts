import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_API_KEY, FIXTURES } from '../../../sandbox/fixtures';
import type { Sandbox } from '../../../sandbox/server';
import { allPages, basic, call, get, launch } from './helpers';

const ORG = FIXTURES.organization.id;
const SA = FIXTURES.paymentsServiceAccount.id;
const CLUSTER = FIXTURES.productionCluster.id;
const ENV = FIXTURES.productionEnvironment.id;

void describe('sandbox API keys', () => {
  let sb: Sandbox;
  before(async () => { sb = await launch(); });
  after(async () => { await sb.close(); });

  void it('the default key exists as a Cloud key owned by the admin user', async () => {
    const key = (await get(sb, `/iam/v2/api-keys/${DEFAULT_API_KEY}`)).json;
    assert.equal(key.spec.owner.id, FIXTURES.adminUser.id);
    assert.equal(key.spec.owner.kind, 'User');
    assert.equal(key.spec.resource, null);
    assert.equal(key.spec.secret, undefined);
  });

  void it('renders the 2023 owner and resource references', async () => {
    const key = (await get(sb, `/iam/v2/api-keys/${FIXTURES.paymentsServiceAccount.apiKeyIds[0]}`)).json;
    assert.equal(key.api_version, 'iam/v2');
    assert.equal(key.kind, 'ApiKey');
    assert.deepEqual(key.spec.owner, {
      id: SA, related: `${sb.url}/iam/v2/service-accounts/${SA}`,
      resource_name: `crn://confluent.cloud/organization=${ORG}/service-account=${SA}`, api_version: 'iam/v2', kind: 'ServiceAccount',
    });
    assert.deepEqual(key.spec.resource, {
      id: CLUSTER, environment: ENV, related: `${sb.url}/cmk/v2/clusters/${CLUSTER}`,
      resource_name: `crn://confluent.cloud/organization=${ORG}/environment=${ENV}/cloud-cluster=${CLUSTER}`, api_version: 'cmk/v2', kind: 'Cluster',
    });
    assert.equal(key.metadata.resource_name, `crn://confluent.cloud/organization=${ORG}/service-account=${SA}/api-key=${key.id}`);
  });

  void it('creates with 202, a 16-character id and a 64-character secret shown only once', async () => {
    const create = await call(sb, 'POST', '/iam/v2/api-keys', {
      body: { spec: { owner: { id: SA }, resource: { id: CLUSTER, environment: ENV }, display_name: 'made in test', description: 'd' } },
    });
    assert.equal(create.status, 202);
    const key = create.json;
    assert.match(key.id, /^[A-Z0-9]{16}$/);
    assert.equal(key.spec.secret.length, 64);
    assert.equal(create.headers.get('location'), `${sb.url}/iam/v2/api-keys/${key.id}`);
    assert.equal(key.spec.resource.id, CLUSTER);

    const again = await get(sb, `/iam/v2/api-keys/${key.id}`);
    assert.equal(again.json.spec.secret, undefined);
    assert.ok(!again.text.includes(key.spec.secret));
    const listed = await allPages(sb, `/iam/v2/api-keys?page_size=100&spec.owner=${SA}`);
    const text = JSON.stringify(listed);
    assert.ok(text.includes(key.id));
    assert.ok(!text.includes(key.spec.secret), 'secret never appears in lists');
    assert.ok(!text.includes('"secret"'));
  });

  void it('creates Cloud keys with resource null or omitted, and they authenticate; cluster keys do not', async () => {
    const cloud = (await call(sb, 'POST', '/iam/v2/api-keys', { body: { spec: { owner: { id: FIXTURES.user.id }, resource: null } } })).json;
    assert.equal(cloud.spec.resource, null);
    const omitted = await call(sb, 'POST', '/iam/v2/api-keys', { body: { spec: { owner: { id: FIXTURES.user.id } } } });
    assert.equal(omitted.json.spec.resource, null);
    assert.equal((await get(sb, '/org/v2/environments', { auth: basic(cloud.id, cloud.spec.secret) })).status, 200);
    const cluster = (await call(sb, 'POST', '/iam/v2/api-keys', { body: { spec: { owner: { id: SA }, resource: { id: CLUSTER } } } })).json;
    assert.equal((await get(sb, '/org/v2/environments', { auth: basic(cluster.id, cluster.spec.secret) })).status, 401);
    assert.equal((await call(sb, 'DELETE', `/iam/v2/api-keys/${cloud.id}`)).status, 204);
    assert.equal((await get(sb, '/org/v2/environments', { auth: basic(cloud.id, cloud.spec.secret) })).status, 401, 'deleted key stops working');
  });

  void it('validates the create body with 422 and a pointer', async () => {
    const cases: [unknown, string][] = [
      [{}, '/spec'],
      [{ spec: 'x' }, '/spec'],
      [{ spec: {} }, '/spec/owner'],
      [{ spec: { owner: {} } }, '/spec/owner/id'],
      [{ spec: { owner: { id: 'sa-doesnotexist' } } }, '/spec/owner/id'],
      [{ spec: { owner: { id: SA }, resource: { id: 'lkc-nope' } } }, '/spec/resource/id'],
      [{ spec: { owner: { id: SA }, resource: { id: CLUSTER, environment: 'env-other' } } }, '/spec/resource/environment'],
      [{ spec: { owner: { id: SA }, resource: 'lkc' } }, '/spec/resource'],
      [{ spec: { owner: { id: SA }, display_name: 'n'.repeat(256) } }, '/spec/display_name'],
    ];
    for (const [body, pointer] of cases) {
      const reply = await call(sb, 'POST', '/iam/v2/api-keys', { body });
      assert.equal(reply.status, 422, JSON.stringify(body));
      assert.equal(reply.json.errors[0].source.pointer, pointer, JSON.stringify(body));
    }
  });

  void it('filters by spec.owner and spec.resource (exact match)', async () => {
    const byOwner = await allPages(sb, `/iam/v2/api-keys?page_size=100&spec.owner=${FIXTURES.user.id}`);
    for (const page of byOwner) for (const key of page.data) assert.equal(key.spec.owner.id, FIXTURES.user.id);
    const byResource = await allPages(sb, `/iam/v2/api-keys?page_size=100&spec.resource=${CLUSTER}`);
    const keys = byResource.flatMap((p) => p.data);
    assert.ok(keys.length > 50);
    for (const key of keys) assert.equal(key.spec.resource.id, CLUSTER);
    const both = await get(sb, `/iam/v2/api-keys?page_size=100&spec.owner=${SA}&spec.resource=${CLUSTER}`);
    assert.deepEqual(both.json.data.map((k: { id: string }) => k.id).slice(0, 2), FIXTURES.paymentsServiceAccount.apiKeyIds.slice(0, 2));
    assert.ok(both.json.data.every((k: { spec: { resource: { id: string } | null } }) => k.spec.resource?.id === CLUSTER));
    assert.equal((await get(sb, '/iam/v2/api-keys?owner=x')).status, 400);
  });

  void it('patch changes only display_name and description', async () => {
    const id = FIXTURES.paymentsServiceAccount.apiKeyIds[1];
    const reply = await call(sb, 'PATCH', `/iam/v2/api-keys/${id}`, {
      body: { spec: { display_name: 'renamed', description: 'new text', owner: { id: FIXTURES.user.id }, resource: null } },
    });
    assert.equal(reply.status, 200);
    assert.equal(reply.json.spec.display_name, 'renamed');
    assert.equal(reply.json.spec.description, 'new text');
    assert.equal(reply.json.spec.owner.id, SA, 'owner is immutable');
    assert.equal(reply.json.spec.resource.id, CLUSTER, 'resource is immutable');
    assert.equal(reply.json.spec.secret, undefined);
    assert.equal((await call(sb, 'PATCH', `/iam/v2/api-keys/${id}`, { body: { spec: { display_name: 3 } } })).json.errors[0].source.pointer, '/spec/display_name');
    assert.equal((await call(sb, 'PATCH', '/iam/v2/api-keys/NOSUCHKEY0000000', { body: { spec: {} } })).status, 404);
  });

  void it('seeded keys are spread across SA and user owners, clusters and Cloud keys', async () => {
    const pages = await allPages(sb, '/iam/v2/api-keys?page_size=100');
    const keys = pages.flatMap((p) => p.data);
    const owners = new Set(keys.map((k) => k.spec.owner.kind));
    assert.deepEqual([...owners].sort(), ['ServiceAccount', 'User']);
    const cloud = keys.filter((k) => k.spec.resource === null).length;
    assert.ok(cloud > 500 && cloud < 2500, `${cloud} cloud keys`);
    assert.ok(new Set(keys.filter((k) => k.spec.resource).map((k) => k.spec.resource.id)).size >= 3);
    for (const k of keys.slice(0, 200)) assert.match(k.id, /^[A-Z0-9]{16}$/);
  });
});
