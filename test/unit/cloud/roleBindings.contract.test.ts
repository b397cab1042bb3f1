import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FIXTURES, READ_ONLY_API_KEY, READ_ONLY_API_SECRET } from '../../../sandbox/fixtures';
import { HOSTILE_TOPIC_NAMES, ROLE_BINDING_FIXTURES as RB } from '../../../sandbox/roleBindingFixtures';
import {
  buildCrnPattern, clusterScope, covers, environmentScope, kafkaResourceScope, organizationScope, parseCrnPattern, withNested,
  type CrnPattern,
} from '../../../src/cloud/crn';
import { isCloudApiError } from '../../../src/cloud/errors';
import { describeRole, roleInfo } from '../../../src/cloud/roleCatalogue';
import { type Page } from '../../../src/cloud/pagination';
import { type RoleBinding } from '../../../src/cloud/schemas/roleBinding';
import { startHarness, useHarness } from './sandboxClient';

const h = useHarness();
const ORG = FIXTURES.organization.id;
const ENV = FIXTURES.productionEnvironment.id;
const CLUSTER = FIXTURES.productionCluster.id;
const PAYMENTS = `User:${FIXTURES.paymentsServiceAccount.id}`;
const orgNested = buildCrnPattern(withNested(organizationScope(ORG)));

async function collect(pages: AsyncIterable<Page<RoleBinding>>): Promise<RoleBinding[]> {
  const all: RoleBinding[] = [];
  for await (const page of pages) all.push(...page.items);
  return all;
}

function parsed(rb: RoleBinding): CrnPattern {
  const result = parseCrnPattern(rb.crn_pattern);
  assert.ok(result.ok, `${rb.crn_pattern}: ${result.ok ? '' : result.message}`);
  return result.pattern;
}

void describe('role bindings client against the sandbox', () => {
  void it('lists one scope exactly, built with the CRN model, and sends the filters as given', async () => {
    const page = await h.client.roleBindings.listPage({ crnPattern: buildCrnPattern(clusterScope(ORG, ENV, CLUSTER)) });
    assert.ok(page.items.length > 0);
    assert.ok(page.items.every((rb) => rb.crn_pattern === RB.crn.productionCluster));
    assert.ok(page.items.some((rb) => rb.id === RB.clusterAdmin.id));
    assert.equal(page.nextPageToken, undefined);
    const filtered = await h.client.roleBindings.listPage({ crnPattern: `${RB.crn.productionCluster}/*`, principal: PAYMENTS, roleName: 'DeveloperWrite' });
    assert.deepEqual(filtered.items.map((rb) => rb.id).sort(), [RB.literalTopic.id, RB.transactionalId.id].sort());
    const sent = h.sandbox.requests().at(-1)!;
    assert.equal(sent.query.crn_pattern, `${RB.crn.productionCluster}/*`);
    assert.equal(sent.query.principal, PAYMENTS);
    assert.equal(sent.query.role_name, 'DeveloperWrite');
  });

  void it('pages a principal\'s 130 bindings in two requests at the default size, none after the last', async () => {
    const all = await collect(h.client.roleBindings.pages({ crnPattern: orgNested, principal: PAYMENTS }));
    assert.equal(all.length, RB.paymentsBindingCount);
    assert.equal(new Set(all.map((rb) => rb.id)).size, RB.paymentsBindingCount);
    assert.equal(h.hits('/iam/v2/role-bindings', 'GET'), 2);
    assert.equal(h.sandbox.requests()[0]!.query.page_size, undefined);
    const small = await h.client.roleBindings.listPage({ crnPattern: orgNested, principal: PAYMENTS, pageSize: 50 });
    assert.equal(small.items.length, 50);
    assert.equal(small.totalSize, RB.paymentsBindingCount);
    assert.ok(small.nextPageToken);
  });

  void it('answers "does this principal have a binding covering cluster X?" with covers()', async () => {
    const pay = await collect(h.client.roleBindings.pages({ crnPattern: orgNested, principal: PAYMENTS }));
    const cluster = clusterScope(ORG, ENV, CLUSTER);
    assert.deepEqual(pay.filter((rb) => covers(parsed(rb), cluster)).map((rb) => rb.id), [RB.clusterAdmin.id]);
    const topic = kafkaResourceScope(ORG, ENV, CLUSTER, 'topic', 'payments-refunds');
    assert.deepEqual(pay.filter((rb) => covers(parsed(rb), topic)).map((rb) => rb.id).sort(), [RB.clusterAdmin.id, RB.prefixTopic.id].sort());
    const ada = await collect(h.client.roleBindings.pages({ crnPattern: orgNested, principal: `User:${FIXTURES.user.id}` }));
    assert.ok(ada.some((rb) => rb.id === RB.envAdmin.id && covers(parsed(rb), cluster)));
    for (const name of HOSTILE_TOPIC_NAMES) {
      const hit = ada.find((rb) => parsed(rb).resource?.name === name);
      assert.ok(hit, name);
      assert.equal(buildCrnPattern(parsed(hit)), hit.crn_pattern);
    }
    assert.ok(!ada.some((rb) => covers(parsed(rb), environmentScope(ORG, 'env-other1'))));
    // A role the catalogue does not know arrives intact and is still describable.
    const unknown = ada.find((rb) => rb.id === RB.unknownRole.id);
    assert.ok(unknown);
    assert.equal(unknown.role_name, 'KsqlAdmin');
    assert.equal(roleInfo(unknown.role_name), undefined);
    assert.ok(describeRole(unknown.role_name).length > 0);
    assert.ok(covers(parsed(unknown), cluster));
  });

  void it('creates, gets and deletes; delete returns the deleted binding', async () => {
    const body = { principal: PAYMENTS, role_name: 'ResourceOwner', crn_pattern: buildCrnPattern(kafkaResourceScope(ORG, ENV, CLUSTER, 'group', 'refunds-*')) };
    const created = await h.client.roleBindings.create(body);
    assert.match(created.id, /^rb-/);
    assert.equal(created.crn_pattern, body.crn_pattern);
    assert.equal((await h.client.roleBindings.get(created.id)).role_name, 'ResourceOwner');
    const deleted = await h.client.roleBindings.delete(created.id);
    assert.equal(deleted.id, created.id);
    assert.equal(deleted.principal, PAYMENTS);
    await assert.rejects(h.client.roleBindings.get(created.id), { reason: 'http', status: 404 });
    await assert.rejects(h.client.roleBindings.delete(created.id), { reason: 'http', status: 404 });
  });

  void it('surfaces every failure as a CloudApiError with the field or parameter named', async () => {
    await assert.rejects(h.client.roleBindings.listPage({ crnPattern: '' }), (e: unknown) => {
      assert.ok(isCloudApiError(e));
      assert.equal(e.status, 400);
      assert.equal(e.parameter, 'crn_pattern');
      assert.match(e.message, /^Couldn't list role bindings/);
      return true;
    });
    await assert.rejects(h.client.roleBindings.listPage({ crnPattern: 'crn://confluent.cloud/nope=1' }), { status: 400, parameter: 'crn_pattern' });

    const dup = { principal: RB.orgAdmin.principal, role_name: RB.orgAdmin.roleName, crn_pattern: RB.orgAdmin.crnPattern };
    await assert.rejects(h.client.roleBindings.create(dup), { status: 409, code: 'resource_already_exists' });
    await assert.rejects(h.client.roleBindings.create({ ...dup, role_name: 'DeveloperRead' }), { status: 400, pointer: '/crn_pattern' });
    await assert.rejects(h.client.roleBindings.create({ ...dup, role_name: 'NotARole' }), { status: 400, pointer: '/role_name' });
    // Callers outside TypeScript can leave a field out; the server's 422 names it.
    const { principal, crn_pattern } = dup;
    await assert.rejects(h.client.roleBindings.create({ principal, crn_pattern } as never), { status: 422, pointer: '/role_name' });
    await assert.rejects(h.client.roleBindings.create({ ...dup, principal: 'User:sa-missing' }), { status: 404 });
    await assert.rejects(h.client.roleBindings.create({ ...dup, crn_pattern: `${RB.crn.organization}/environment=env-gone00`, role_name: 'EnvironmentAdmin' }), { status: 404 });
    const readOnly = h.clientWith({ getCredentials: async () => ({ key: READ_ONLY_API_KEY, secret: READ_ONLY_API_SECRET }) });
    await assert.rejects(readOnly.roleBindings.delete(RB.orgAdmin.id), { status: 403 });
    assert.equal((await readOnly.roleBindings.get(RB.orgAdmin.id)).id, RB.orgAdmin.id);
  });

  void it('path-encodes ids so they cannot reach another route', async () => {
    await assert.rejects(h.client.roleBindings.get('rb-x/../../service-accounts'), { status: 404 });
    await assert.rejects(h.client.roleBindings.delete('..'), { reason: 'policy' });
    await assert.rejects(h.client.roleBindings.get('%2e%2E'), { reason: 'policy' });
    assert.equal(h.hits('/iam/v2', 'DELETE'), 0);
    assert.equal((await h.client.roleBindings.get(RB.orgAdmin.id)).id, RB.orgAdmin.id);
    assert.ok(h.sandbox.requests().every((r) => r.path.startsWith('/iam/v2/role-bindings')));
  });

  void it('reads a drifting server: older api_version, extra fields, empty metadata on the last page', async () => {
    const drift = await startHarness({ drift: true });
    try {
      const all = await collect(drift.client.roleBindings.pages({ crnPattern: orgNested, pageSize: 100 }));
      assert.ok(all.length > RB.paymentsBindingCount);
      assert.ok(all.every((rb) => !('x_internal' in rb) && !('api_version' in rb)));
    } finally {
      await drift.close();
    }
  });
});
