import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { buildCrnPattern } from '../../../src/cloud/crn';
import { grantLevel, grantPattern, validateGrantPattern, validateResourceName } from '../../../src/commands/grantScope';

const ORG = 'org-1';

void describe('grant scope', () => {
  void it('builds the pattern from scope parts', () => {
    const r = grantPattern({ scope_kind: 'topicPrefix', environment: 'env-a1', cluster: 'lkc-a1', topic_prefix: 'orders-' }, ORG);
    assert.ok(r.ok);
    assert.equal(buildCrnPattern(r.pattern), 'crn://confluent.cloud/organization=org-1/environment=env-a1/cloud-cluster=lkc-a1/kafka=lkc-a1/topic=orders-*');
  });

  void it('infers the kind from which parts automation gave', () => {
    const r = grantPattern({ environment: 'env-a1', cluster: 'lkc-a1', consumer_group: 'billing' }, ORG);
    assert.ok(r.ok && buildCrnPattern(r.pattern).endsWith('/group=billing'));
    assert.equal(grantLevel({ environment: 'env-a1' }), 'environment');
    assert.equal(grantLevel({}), 'organization');
  });

  void it('refuses a typed pattern with a message naming what is wrong, before any request', () => {
    assert.match(validateGrantPattern('crn://confluent.cloud/organization=o/cloud-cluster=lkc-1') ?? '', /cloud-cluster must come after environment/);
    assert.match(validateGrantPattern('crn://confluent.cloud/organization=o/*') ?? '', /trailing \/\*/);
    assert.match(validateGrantPattern('https://example.com') ?? '', /must start with crn:\/\/confluent.cloud/);
    const other = grantPattern({ crn_pattern: 'crn://confluent.cloud/organization=other' }, ORG);
    assert.ok(!other.ok && /organization other, not this one/.test(other.message));
  });

  void it('checks typed resource names with the CRN rules', () => {
    assert.match(validateResourceName('topic', 'bad name', false) ?? '', /letters, digits/);
    assert.match(validateResourceName('topic', 'a/b', false) ?? '', /may not contain '\/'/);
    assert.match(validateResourceName('topic', 'orders-*', false) ?? '', /prefix option/);
    assert.equal(validateResourceName('topic', 'orders-', true), undefined);
    assert.match(validateResourceName('group', '', false) ?? '', /Enter a consumer group name/);
  });

  void it('says which part is missing', () => {
    const r = grantPattern({ scope_kind: 'topic', environment: 'env-a1' }, ORG);
    assert.ok(!r.ok && r.field === 'cluster');
  });
});
