import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SANDBOX_ROLES } from '../../../sandbox/roleBindingRoles';
import { describeRole, ROLE_CATALOGUE, roleAllowedAt, roleInfo, rolesAt } from '../../../src/cloud/roleCatalogue';

void describe('role catalogue', () => {
  void it('agrees with the sandbox copy role for role and level for level', () => {
    const ours = Object.fromEntries(ROLE_CATALOGUE.map((r) => [r.name, [...r.levels].sort()]));
    const theirs = Object.fromEntries(Object.entries(SANDBOX_ROLES).map(([name, levels]) => [name, [...levels].sort()]));
    assert.deepEqual(ours, theirs);
  });

  void it('has one entry per name, each with levels and a one-line description', () => {
    assert.equal(new Set(ROLE_CATALOGUE.map((r) => r.name)).size, ROLE_CATALOGUE.length);
    for (const r of ROLE_CATALOGUE) {
      assert.ok(r.levels.length > 0, r.name);
      assert.ok(r.description.length > 10 && !r.description.includes('\n'), r.name);
    }
    for (const name of ['OrganizationAdmin', 'AccountAdmin', 'BillingAdmin', 'MetricsViewer', 'Operator', 'EnvironmentAdmin', 'DataSteward',
      'DataDiscovery', 'FlinkAdmin', 'FlinkDeveloper', 'CloudClusterAdmin', 'ResourceOwner', 'DeveloperRead', 'DeveloperWrite', 'DeveloperManage']) {
      assert.ok(roleInfo(name), name);
    }
  });

  void it('marks exactly the roles bound inside a cluster as resource-level', () => {
    assert.deepEqual(ROLE_CATALOGUE.filter((r) => r.resourceLevel).map((r) => r.name).sort(),
      ['DeveloperManage', 'DeveloperRead', 'DeveloperWrite', 'ResourceOwner']);
    assert.deepEqual(rolesAt('cloud-cluster').map((r) => r.name), ['MetricsViewer', 'Operator', 'CloudClusterAdmin']);
    assert.deepEqual(rolesAt('organization').map((r) => r.name).slice(0, 3), ['OrganizationAdmin', 'AccountAdmin', 'BillingAdmin']);
    assert.ok(!rolesAt('group').some((r) => r.name === 'DeveloperWrite'));
  });

  void it('answers undefined, not false, for roles it does not know, and still describes them', () => {
    assert.equal(roleAllowedAt('CloudClusterAdmin', 'cloud-cluster'), true);
    assert.equal(roleAllowedAt('CloudClusterAdmin', 'topic'), false);
    assert.equal(roleAllowedAt('KsqlAdmin', 'cloud-cluster'), undefined);
    assert.equal(roleInfo('KsqlAdmin'), undefined);
    assert.match(describeRole('KsqlAdmin'), /does not describe/);
    assert.equal(describeRole('DeveloperRead'), roleInfo('DeveloperRead')?.description);
  });
});
