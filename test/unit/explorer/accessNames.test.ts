import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { FIXTURES } from '../../../sandbox/fixtures';
import { ROLE_BINDING_FIXTURES } from '../../../sandbox/roleBindingFixtures';
import type { OrgConnection } from '../../../src/auth/orgConnection';
import { AccessNames } from '../../../src/explorer/accessNames';
import { parsePrincipal } from '../../../src/explorer/accessText';
import { type Harness, startHarness } from '../cloud/sandboxClient';

void describe('AccessNames (real HTTP against the sandbox)', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  const connection = (orgId?: string): OrgConnection => ({ client: h.client, orgId, label: 'Sandbox' }) as unknown as OrgConnection;
  const binding = (principal: string, crn: string) => ({ principal, crn_pattern: crn });
  const ON_CLUSTER = `${ROLE_BINDING_FIXTURES.crn.productionCluster}/kafka=${FIXTURES.productionCluster.id}/topic=a`;

  void it('fetches each name once by ID, never by listing, and caches it', async () => {
    const names = new AccessNames(connection(FIXTURES.organization.id), () => undefined);
    h.sandbox.clearRequests();
    const page = [
      binding(`User:${FIXTURES.paymentsServiceAccount.id}`, ON_CLUSTER),
      binding(`User:${FIXTURES.paymentsServiceAccount.id}`, ROLE_BINDING_FIXTURES.crn.productionCluster),
      binding(`User:${FIXTURES.user.id}`, ROLE_BINDING_FIXTURES.crn.productionEnvironment),
      binding('User:pool-sbx0001', ROLE_BINDING_FIXTURES.crn.organization),
    ];
    await names.resolve(page);
    const gets = h.sandbox.requests().map((r) => r.path).sort();
    assert.deepEqual(gets, [
      `/cmk/v2/clusters/${FIXTURES.productionCluster.id}`,
      `/iam/v2/service-accounts/${FIXTURES.paymentsServiceAccount.id}`,
      `/iam/v2/users/${FIXTURES.user.id}`,
      `/org/v2/environments/${FIXTURES.productionEnvironment.id}`,
    ]);
    assert.equal(names.environment(FIXTURES.productionEnvironment.id), FIXTURES.productionEnvironment.displayName);
    assert.equal(names.cluster(FIXTURES.productionCluster.id), FIXTURES.productionCluster.displayName);
    assert.equal(names.principal(parsePrincipal(`User:${FIXTURES.user.id}`)), FIXTURES.user.fullName);
    h.sandbox.clearRequests();
    await names.resolve(page);
    assert.equal(h.sandbox.requests().length, 0, 'cached');
  });

  void it('uses names the tree has loaded without a request, and asks for a missing one only once', async () => {
    const names = new AccessNames(connection(FIXTURES.organization.id), (kind, id) => (kind === 'environment' && id === 'env-prod01' ? 'Loaded name' : undefined));
    h.sandbox.clearRequests();
    await names.resolve([binding('User:sa-gone0001', ROLE_BINDING_FIXTURES.crn.productionEnvironment)]);
    await names.resolve([binding('User:sa-gone0001', ROLE_BINDING_FIXTURES.crn.productionEnvironment)]);
    assert.deepEqual(h.sandbox.requests().map((r) => [r.path, r.status]), [['/iam/v2/service-accounts/sa-gone0001', 404]]);
    assert.equal(names.environment('env-prod01'), 'Loaded name');
    assert.equal(names.principal(parsePrincipal('User:sa-gone0001')), undefined, 'the row shows the ID');
  });

  void it('reads the organization ID once when the profile lacks it', async () => {
    const names = new AccessNames(connection(undefined), () => undefined);
    h.sandbox.clearRequests();
    assert.equal(await names.organizationId(), FIXTURES.organization.id);
    assert.equal(await names.organizationId(), FIXTURES.organization.id);
    assert.equal(h.sandbox.requests().length, 1);
  });
});
