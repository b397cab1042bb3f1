import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FIXTURES, HOSTILE_NAMES, READ_ONLY_API_KEY, READ_ONLY_API_SECRET, SEED_COUNTS } from '../../../sandbox/fixtures';
import type { Sandbox } from '../../../sandbox/server';
import { RFC3339, UUID, basic, call, get, launch } from './helpers';

const ORG = FIXTURES.organization.id;

void describe('sandbox control plane', () => {
  let sb: Sandbox;
  before(async () => { sb = await launch(); });
  after(async () => { await sb.close(); });

  void it('lists and gets the one organization with envelope, self URL and CRN', async () => {
    const list = await get(sb, '/org/v2/organizations');
    assert.equal(list.status, 200);
    assert.equal(list.json.kind, 'OrganizationList');
    assert.equal(list.json.api_version, 'org/v2');
    assert.equal(list.json.data.length, 1);
    const org = list.json.data[0];
    assert.match(org.id, UUID);
    assert.equal(org.id, ORG);
    assert.equal(org.metadata.self, `${sb.url}/org/v2/organizations/${ORG}`);
    assert.equal(org.metadata.resource_name, `crn://confluent.cloud/organization=${ORG}`);
    assert.match(org.metadata.created_at, RFC3339);
    const one = await get(sb, `/org/v2/organizations/${ORG}`);
    assert.equal(one.status, 200);
    assert.deepEqual(one.json, org);
    assert.equal((await get(sb, '/org/v2/organizations/00000000-0000-4000-8000-000000000000')).status, 404);
  });

  void it('seeds 3–4 environments, each with 1–3 clusters across clouds', async () => {
    const envs = (await get(sb, '/org/v2/environments?page_size=100')).json.data;
    assert.ok(envs.length >= 3 && envs.length <= 4, `got ${envs.length} environments`);
    const clouds = new Set<string>();
    for (const env of envs) {
      const clusters = await get(sb, `/cmk/v2/clusters?environment=${env.id}&page_size=100`);
      assert.equal(clusters.status, 200);
      assert.ok(clusters.json.data.length >= 1 && clusters.json.data.length <= 3);
      for (const c of clusters.json.data) clouds.add(c.spec.cloud);
    }
    assert.ok(clouds.size >= 2, 'clusters span more than one cloud');
  });

  void it('renders a cmk/v2 cluster per the spec and requires environment on list and get', async () => {
    const { id, displayName, region } = FIXTURES.productionCluster;
    const env = FIXTURES.productionEnvironment.id;
    const reply = await get(sb, `/cmk/v2/clusters/${id}?environment=${env}`);
    assert.equal(reply.status, 200);
    const c = reply.json;
    assert.equal(c.api_version, 'cmk/v2');
    assert.equal(c.kind, 'Cluster');
    assert.equal(c.spec.display_name, displayName);
    assert.equal(c.spec.cloud, 'AWS');
    assert.equal(c.spec.region, region);
    assert.equal(c.spec.config.kind, 'Dedicated');
    assert.ok(Number.isInteger(c.spec.config.cku));
    assert.match(c.spec.kafka_bootstrap_endpoint, /^SASL_SSL:\/\/pkc-[a-z0-9]+\.us-east-1\.aws\.confluent\.cloud:9092$/);
    assert.match(c.spec.http_endpoint, /^https:\/\//);
    assert.match(c.spec.api_endpoint, /^https:\/\/pkac-/);
    assert.equal(c.spec.environment.id, env);
    assert.equal(c.spec.environment.related, `${sb.url}/org/v2/environments/${env}`);
    assert.equal(c.spec.environment.resource_name, `crn://confluent.cloud/organization=${ORG}/environment=${env}`);
    assert.equal(c.metadata.resource_name, `crn://confluent.cloud/organization=${ORG}/environment=${env}/cloud-cluster=${id}`);
    assert.equal(c.status.phase, 'PROVISIONED');

    const missing = await get(sb, '/cmk/v2/clusters');
    assert.equal(missing.status, 400);
    assert.equal(missing.json.errors[0].source.parameter, 'environment');
    assert.equal((await get(sb, `/cmk/v2/clusters/${id}`)).status, 400);
    assert.equal((await get(sb, `/cmk/v2/clusters/lkc-nope?environment=${env}`)).status, 404);
    assert.equal((await get(sb, '/cmk/v2/clusters?environment=env-unknown')).status, 403);
    const otherEnv = (await get(sb, '/org/v2/environments?page_size=100')).json.data.find((e: { id: string }) => e.id !== env);
    assert.equal((await get(sb, `/cmk/v2/clusters/${id}?environment=${otherEnv.id}`)).status, 404, 'cluster is scoped to its environment');
  });

  void it('creates, renames, conflicts on and deletes environments', async () => {
    const create = await call(sb, 'POST', '/org/v2/environments', { body: { display_name: 'cp-test-env', stream_governance_config: { package: 'ESSENTIALS' }, unknown_field: 1 } });
    assert.equal(create.status, 201);
    const env = create.json;
    assert.match(env.id, /^env-/);
    assert.equal(create.headers.get('location'), `${sb.url}/org/v2/environments/${env.id}`);
    assert.equal(env.stream_governance_config.package, 'ESSENTIALS');
    assert.equal(env.metadata.resource_name, `crn://confluent.cloud/organization=${ORG}/environment=${env.id}`);

    const dup = await call(sb, 'POST', '/org/v2/environments', { body: { display_name: 'Production' } });
    assert.equal(dup.status, 409);
    assert.equal(dup.json.errors[0].code, 'resource_already_exists');
    assert.equal(dup.headers.get('location'), `${sb.url}/org/v2/environments/${FIXTURES.productionEnvironment.id}`);

    const bad = await call(sb, 'POST', '/org/v2/environments', { body: { display_name: 'x', stream_governance_config: { package: 'GOLD' } } });
    assert.equal(bad.status, 422);
    assert.equal(bad.json.errors[0].source.pointer, '/stream_governance_config/package');

    const patch = await call(sb, 'PATCH', `/org/v2/environments/${env.id}`, { body: { display_name: 'cp-test-env-renamed' } });
    assert.equal(patch.status, 200);
    assert.equal(patch.json.display_name, 'cp-test-env-renamed');
    assert.equal(patch.json.stream_governance_config.package, 'ESSENTIALS');
    assert.equal((await call(sb, 'PATCH', `/org/v2/environments/${env.id}`, { body: { display_name: 'Production' } })).status, 409);

    assert.equal((await call(sb, 'DELETE', `/org/v2/environments/${env.id}`)).status, 204);
    assert.equal((await get(sb, `/org/v2/environments/${env.id}`)).status, 404);
    assert.equal((await call(sb, 'DELETE', `/org/v2/environments/${env.id}`)).status, 404);
  });

  void it('service accounts: create 201, duplicate 409, validation 422 with pointer, patch both fields', async () => {
    const create = await call(sb, 'POST', '/iam/v2/service-accounts', { body: { display_name: 'cp-test-sa', description: 'first' } });
    assert.equal(create.status, 201);
    const sa = create.json;
    assert.match(sa.id, /^sa-[a-z0-9]+$/);
    assert.equal(sa.kind, 'ServiceAccount');
    assert.equal(sa.metadata.self, `${sb.url}/iam/v2/service-accounts/${sa.id}`);
    assert.equal(sa.metadata.resource_name, `crn://confluent.cloud/organization=${ORG}/service-account=${sa.id}`);
    assert.equal(create.headers.get('location'), sa.metadata.self);

    const dup = await call(sb, 'POST', '/iam/v2/service-accounts', { body: { display_name: 'payments-service' } });
    assert.equal(dup.status, 409);
    assert.equal(dup.headers.get('location'), `${sb.url}/iam/v2/service-accounts/${FIXTURES.paymentsServiceAccount.id}`);

    for (const [body, pointer] of [
      [{}, '/display_name'],
      [{ display_name: 42 }, '/display_name'],
      [{ display_name: '   ' }, '/display_name'],
      [{ display_name: 'y'.repeat(256) }, '/display_name'],
      [{ display_name: 'ok-name', description: 'd'.repeat(256) }, '/description'],
    ] as const) {
      const reply = await call(sb, 'POST', '/iam/v2/service-accounts', { body });
      assert.equal(reply.status, 422, JSON.stringify(body));
      assert.equal(reply.json.errors[0].code, 'invalid_configuration');
      assert.equal(reply.json.errors[0].status, '422');
      assert.equal(reply.json.errors[0].source.pointer, pointer);
    }
    const longest = await call(sb, 'POST', '/iam/v2/service-accounts', { body: { display_name: 'ü'.repeat(255).slice(0, 250) + '-cp01' } });
    assert.equal(longest.status, 201, '255 characters is allowed');

    const patch = await call(sb, 'PATCH', `/iam/v2/service-accounts/${sa.id}`, { body: { display_name: 'cp-test-sa-2', description: 'second' } });
    assert.equal(patch.status, 200);
    assert.equal(patch.json.display_name, 'cp-test-sa-2');
    assert.equal(patch.json.description, 'second');
    assert.equal((await get(sb, `/iam/v2/service-accounts/${sa.id}`)).json.display_name, 'cp-test-sa-2');
    assert.equal((await call(sb, 'PATCH', `/iam/v2/service-accounts/${sa.id}`, { body: { display_name: 'payments-service' } })).status, 409);
    assert.equal((await call(sb, 'DELETE', `/iam/v2/service-accounts/${sa.id}`)).status, 204);
    assert.equal((await get(sb, `/iam/v2/service-accounts/${sa.id}`)).status, 404);
  });

  void it('filters service accounts by exact display_name, repeatable as OR', async () => {
    const one = await get(sb, '/iam/v2/service-accounts?display_name=payments-service');
    assert.deepEqual(one.json.data.map((s: { id: string }) => s.id), [FIXTURES.paymentsServiceAccount.id]);
    assert.equal(one.json.metadata.total_size, 1);
    const two = await get(sb, `/iam/v2/service-accounts?display_name=payments-service&display_name=${encodeURIComponent('Payments-Service')}`);
    assert.equal(two.json.data.length, 2, 'OR of two names, case-sensitive');
    const hostile = await get(sb, `/iam/v2/service-accounts?display_name=${encodeURIComponent(HOSTILE_NAMES[0])}`);
    assert.equal(hostile.json.data[0].display_name, '[click](command:workbench.action.quit)');
    assert.equal((await get(sb, '/iam/v2/service-accounts?display_name=payments')).json.data.length, 0, 'no prefix matching');
    const unknown = await get(sb, '/iam/v2/service-accounts?name=payments-service');
    assert.equal(unknown.status, 400);
    assert.equal(unknown.json.errors[0].code, 'invalid_filter');
    assert.equal(unknown.json.errors[0].source.parameter, 'name');
  });

  void it('users: seeded count, auth types, patch full_name only, delete', async () => {
    const list = await get(sb, '/iam/v2/users?page_size=100');
    assert.equal(list.json.metadata.total_size, SEED_COUNTS.users);
    const types = new Set(list.json.data.map((u: { auth_type: string }) => u.auth_type));
    assert.deepEqual([...types].sort(), ['AUTH_TYPE_LOCAL', 'AUTH_TYPE_SSO']);
    const ada = await get(sb, `/iam/v2/users/${FIXTURES.user.id}`);
    assert.equal(ada.json.email, FIXTURES.user.email);
    assert.equal(ada.json.full_name, FIXTURES.user.fullName);
    assert.equal(ada.json.metadata.resource_name, `crn://confluent.cloud/organization=${ORG}/user=${FIXTURES.user.id}`);
    const patch = await call(sb, 'PATCH', `/iam/v2/users/${FIXTURES.user.id}`, { body: { full_name: 'Augusta Ada King', email: 'changed@example.com' } });
    assert.equal(patch.status, 200);
    assert.equal(patch.json.full_name, 'Augusta Ada King');
    assert.equal(patch.json.email, FIXTURES.user.email, 'email is immutable');
    assert.equal((await call(sb, 'PATCH', `/iam/v2/users/${FIXTURES.user.id}`, { body: { full_name: 7 } })).json.errors[0].source.pointer, '/full_name');
    assert.equal((await call(sb, 'POST', '/iam/v2/users', { body: { email: 'a@b.co' } })).status, 405, 'users have no create');
  });

  void it('invitations: create 201, email validation 422, conflicts 409, filter, delete', async () => {
    const create = await call(sb, 'POST', '/iam/v2/invitations', { body: { email: 'new.person@example.com' } });
    assert.equal(create.status, 201);
    const inv = create.json;
    assert.equal(inv.kind, 'Invitation');
    assert.equal(inv.status, 'INVITE_STATUS_SENT');
    assert.match(inv.expires_at, RFC3339);
    assert.equal(inv.creator.id, FIXTURES.adminUser.id);
    assert.match(inv.user.id, /^u-/);
    assert.equal(inv.metadata.resource_name, `crn://confluent.cloud/organization=${ORG}/invitation=${inv.id}`);
    const bad = await call(sb, 'POST', '/iam/v2/invitations', { body: { email: 'not-an-email' } });
    assert.equal(bad.status, 422);
    assert.equal(bad.json.errors[0].source.pointer, '/email');
    assert.equal((await call(sb, 'POST', '/iam/v2/invitations', { body: { email: FIXTURES.user.email } })).status, 409, 'already a member');
    assert.equal((await call(sb, 'POST', '/iam/v2/invitations', { body: { email: 'NEW.person@example.com' } })).status, 409, 'already invited');
    const filtered = await get(sb, '/iam/v2/invitations?email=new.person%40example.com');
    assert.deepEqual(filtered.json.data.map((i: { id: string }) => i.id), [inv.id]);
    assert.equal((await get(sb, `/iam/v2/invitations/${FIXTURES.invitation.id}`)).json.email, FIXTURES.invitation.email);
    assert.equal((await call(sb, 'DELETE', `/iam/v2/invitations/${inv.id}`)).status, 204);
    assert.equal((await get(sb, `/iam/v2/invitations/${inv.id}`)).status, 404);
  });

  void it('401 with user_unauthenticated and WWW-Authenticate for missing or wrong credentials', async () => {
    for (const auth of [null, basic(sb.apiKey, 'wrong'), basic('NOPE', sb.apiSecret), 'Bearer abc', 'Basic !!!']) {
      const reply = await get(sb, '/iam/v2/service-accounts', { auth });
      assert.equal(reply.status, 401, String(auth));
      assert.equal(reply.json.errors[0].code, 'user_unauthenticated');
      assert.equal(reply.json.errors[0].status, '401');
      assert.match(reply.headers.get('www-authenticate') ?? '', /^Basic error="invalid_key"/);
      assert.ok(reply.headers.get('x-request-id'));
    }
  });

  void it('the read-only key reads but gets 403 on writes', async () => {
    const auth = basic(READ_ONLY_API_KEY, READ_ONLY_API_SECRET);
    assert.equal((await get(sb, '/iam/v2/service-accounts', { auth })).status, 200);
    const write = await call(sb, 'POST', '/iam/v2/service-accounts', { auth, body: { display_name: 'ro-attempt' } });
    assert.equal(write.status, 403);
    assert.equal(write.json.errors[0].code, 'user_unauthorized');
    assert.equal((await get(sb, '/iam/v2/service-accounts?display_name=ro-attempt')).json.data.length, 0);
  });

  void it('404 Failure for unknown ids and paths, 405 for unsupported methods; X-Request-Id always', async () => {
    const missing = await get(sb, '/iam/v2/service-accounts/sa-nothere');
    assert.equal(missing.status, 404);
    assert.equal(missing.json.errors[0].status, '404');
    assert.equal(missing.json.errors[0].title, 'Not Found');
    assert.match(missing.json.errors[0].id, UUID);
    assert.equal(missing.headers.get('x-request-id'), missing.json.errors[0].id);
    assert.equal((await get(sb, '/iam/v2/nothing')).status, 404);
    const method = await call(sb, 'PUT', '/iam/v2/service-accounts/sa-x');
    assert.equal(method.status, 405);
    assert.match(method.headers.get('allow') ?? '', /PATCH/);
    const encoded = await get(sb, `/iam/v2/service-accounts/${encodeURIComponent('sa-a/b?c')}`);
    assert.equal(encoded.status, 404);
  });

  void it('hostile names are stored and returned verbatim', async () => {
    const found = new Set<string>();
    for (const name of HOSTILE_NAMES) {
      const reply = await get(sb, `/iam/v2/service-accounts?display_name=${encodeURIComponent(name)}`);
      if (reply.json.data.length === 1) found.add(reply.json.data[0].display_name);
    }
    assert.equal(found.size, HOSTILE_NAMES.length);
    assert.ok(found.has('<img src=x onerror=alert(1)>'));
  });
});
