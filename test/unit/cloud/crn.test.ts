import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  buildCrnPattern, clusterScope, covers, environmentScope, isPrefixPattern, kafkaResourceScope, organizationScope, parentScopes,
  parseCrnPattern, patternCovers, scopeLevel, validateCrnPattern, withNested, type CrnPattern,
} from '../../../src/cloud/crn';

const ORG_ID = '1111aaaa-11aa-11aa-11aa-111111aaaaaa';
const ORG = `crn://confluent.cloud/organization=${ORG_ID}`;
const ENV = `${ORG}/environment=env-aaa1111`;
const CLUSTER = `${ENV}/cloud-cluster=lkc-1111aaa`;
const KAFKA = `${CLUSTER}/kafka=lkc-1111aaa`;

function parse(text: string): CrnPattern {
  const r = parseCrnPattern(text);
  if (!r.ok) assert.fail(`${text}: ${r.message}`);
  return r.pattern;
}

void describe('CRN patterns', () => {
  void it('parses every level and builds the same string back', () => {
    const cases: [string, string][] = [
      [ORG, 'organization'], [ENV, 'environment'], [CLUSTER, 'cloud-cluster'],
      [`${KAFKA}/topic=orders`, 'topic'], [`${KAFKA}/topic=orders-*`, 'topic'], [`${KAFKA}/topic=*`, 'topic'],
      [`${KAFKA}/group=billing`, 'group'], [`${KAFKA}/transactional-id=tx-1`, 'transactional-id'],
      [`${ENV}/schema-registry=lsrc-abc123`, 'schema-registry'], [`${ENV}/schema-registry=lsrc-abc123/subject=orders-value`, 'subject'],
      [`${CLUSTER}/*`, 'cloud-cluster'], [`${ORG}/*`, 'organization'],
    ];
    for (const [text, level] of cases) {
      const p = parse(text);
      assert.equal(scopeLevel(p), level, text);
      assert.equal(buildCrnPattern(p), text);
    }
    const topic = parse(`${KAFKA}/topic=orders`);
    assert.deepEqual(topic, { organization: ORG_ID, environment: 'env-aaa1111', cloudCluster: 'lkc-1111aaa', resource: { kind: 'topic', name: 'orders', prefix: false }, nested: false });
    assert.equal(parse(`  ${ENV}\n`).environment, 'env-aaa1111');
  });

  void it('tells prefixes from literals and reads nested list queries', () => {
    assert.equal(isPrefixPattern(parse(`${KAFKA}/topic=orders-*`)), true);
    assert.deepEqual(parse(`${KAFKA}/topic=*`).resource, { kind: 'topic', name: '', prefix: true });
    assert.equal(isPrefixPattern(parse(`${KAFKA}/topic=orders`)), false);
    assert.equal(isPrefixPattern(parse(CLUSTER)), false);
    assert.equal(parse(`${CLUSTER}/*`).nested, true);
    assert.equal(buildCrnPattern(withNested(clusterScope(ORG_ID, 'env-aaa1111', 'lkc-1111aaa'))), `${CLUSTER}/*`);
    assert.equal(buildCrnPattern(kafkaResourceScope(ORG_ID, 'env-aaa1111', 'lkc-1111aaa', 'group', 'app-*')), `${KAFKA}/group=app-*`);
  });

  void it('says what is wrong with a typed pattern', () => {
    const cases: [string, RegExp][] = [
      ['', /empty/],
      ['https://confluent.cloud/organization=x', /must start with crn:\/\/confluent\.cloud\//],
      ['crn://confluent.cloud/environment=env-1', /first segment must be organization/],
      [`${ORG}/cloud-cluster=lkc-1`, /cloud-cluster must come after environment/],
      [`${CLUSTER}/topic=orders`, /topic must come after kafka/],
      [`${KAFKA}/topic=`, /topic name is empty/],
      [`${KAFKA}/group=`, /consumer group name is empty/],
      [`${KAFKA}`, /kafka must be followed by/],
      [`${CLUSTER}/kafka=lkc-other/topic=a`, /same cluster as cloud-cluster=lkc-1111aaa/],
      [`${ORG}/environment=prod`, /environment ID 'prod' does not look like env-/],
      [`${ORG}/environment=`, /environment ID is empty/],
      ['crn://confluent.cloud/organization=', /organization ID is empty/],
      [`${ORG}//environment=env-1`, /empty segment/],
      [`${ORG}/environment=env-1/`, /empty segment/],
      [`${ORG}/cluster=lkc-1`, /'cluster' is not a scope/],
      [`${ORG}/environment`, /not of the form key=value/],
      [`${KAFKA}/topic=a/group=b`, /nothing may follow the topic segment/],
      [`${ENV}/subject=x`, /subject must come after schema-registry/],
      [`${KAFKA}/topic=or*ders`, /may only end in \*/],
      [`${KAFKA}/topic=orders events`, /topic name may only contain/],
      [`${KAFKA}/topic=${'a'.repeat(250)}`, /longer than 249/],
    ];
    for (const [text, message] of cases) {
      const got = validateCrnPattern(text);
      assert.ok(got, `${text} should be rejected`);
      assert.match(got, message, text);
    }
    assert.equal(validateCrnPattern(`${KAFKA}/topic=orders.v2-*`), undefined);
    assert.equal(validateCrnPattern(`${KAFKA}/group=any name at all`), undefined);
  });

  void it('reads hostile names returned by the API verbatim, though typing them is refused', () => {
    for (const name of ['**bold** _x_', '[a](command:x)', '$(icon) ${env:HOME}', '\u202Eevil\u202C', 'a=b']) {
      const p = parse(`${KAFKA}/topic=${name}`);
      assert.equal(p.resource?.name, name);
      assert.equal(buildCrnPattern(p), `${KAFKA}/topic=${name}`);
    }
    assert.ok(validateCrnPattern(`${KAFKA}/topic=**bold**`));
  });

  void it('lists the enclosing scopes, outermost first', () => {
    const names = (p: CrnPattern): string[] => parentScopes(p).map(buildCrnPattern);
    assert.deepEqual(names(parse(ORG)), []);
    assert.deepEqual(names(parse(ENV)), [ORG]);
    assert.deepEqual(names(parse(CLUSTER)), [ORG, ENV]);
    assert.deepEqual(names(parse(`${KAFKA}/topic=orders-*`)), [ORG, ENV, CLUSTER]);
    assert.deepEqual(names(parse(`${ENV}/schema-registry=lsrc-1/subject=s`)), [ORG, ENV, `${ENV}/schema-registry=lsrc-1`]);
    assert.ok(parentScopes(parse(`${CLUSTER}/*`)).every((p) => !p.nested));
  });

  void it('decides whether a binding covers a scope', () => {
    const cluster = clusterScope(ORG_ID, 'env-aaa1111', 'lkc-1111aaa');
    const topic = (name: string) => kafkaResourceScope(ORG_ID, 'env-aaa1111', 'lkc-1111aaa', 'topic', name);
    assert.equal(covers(parse(ORG), cluster), true);
    assert.equal(covers(parse(ENV), cluster), true);
    assert.equal(covers(parse(CLUSTER), cluster), true);
    assert.equal(covers(parse(CLUSTER), topic('orders')), true);
    assert.equal(covers(parse(`${KAFKA}/topic=orders`), cluster), false);
    assert.equal(covers(parse(`${KAFKA}/topic=orders`), topic('orders')), true);
    assert.equal(covers(parse(`${KAFKA}/topic=orders`), topic('orders-eu')), false);
    assert.equal(covers(parse(`${KAFKA}/topic=orders-*`), topic('orders-eu')), true);
    assert.equal(covers(parse(`${KAFKA}/topic=orders-*`), topic('orders')), false);
    assert.equal(covers(parse(`${KAFKA}/topic=orders-*`), topic('orders-eu-*')), true);
    assert.equal(covers(parse(`${KAFKA}/topic=orders`), topic('orders*')), false);
    assert.equal(covers(parse(`${KAFKA}/topic=*`), topic('anything')), true);
    assert.equal(covers(parse(`${KAFKA}/topic=*`), kafkaResourceScope(ORG_ID, 'env-aaa1111', 'lkc-1111aaa', 'group', 'anything')), false);
    assert.equal(covers(parse(`${ENV}/*`), cluster), true);
    assert.equal(covers(parse(ENV), environmentScope(ORG_ID, 'env-bbb2222')), false);
    assert.equal(covers(parse(CLUSTER), clusterScope(ORG_ID, 'env-aaa1111', 'lkc-other1')), false);
    assert.equal(covers(parse(ORG), organizationScope('other-org')), false);
    assert.equal(covers(parse(`${ENV}/schema-registry=lsrc-1`), cluster), false);
    assert.equal(covers(parse(ENV), parse(`${ENV}/schema-registry=lsrc-1/subject=s`)), true);
    assert.equal(patternCovers('not a crn', cluster), false);
    assert.equal(patternCovers(ENV, cluster), true);
  });
});
