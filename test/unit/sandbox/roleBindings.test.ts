import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { DEFAULT_SEED, FIXTURES } from '../../../sandbox/fixtures';
import { HOSTILE_TOPIC_NAMES, ROLE_BINDING_FIXTURES as RB } from '../../../sandbox/roleBindingFixtures';
import { seedOrganization } from '../../../sandbox/seed';
import type { Sandbox } from '../../../sandbox/server';
import { allPages, call, get, launch, type Json } from './helpers';

const PATH = '/iam/v2/role-bindings';
const q = (params: Record<string, string>): string => `${PATH}?${new URLSearchParams(params).toString()}`;
const ids = (pages: Json[]): string[] => pages.flatMap((p) => p.data.map((rb: Json) => rb.id));
const PAYMENTS = `User:${FIXTURES.paymentsServiceAccount.id}`;

void describe('sandbox role bindings', () => {
  let sb: Sandbox;
  before(async () => { sb = await launch(); });
  after(async () => { await sb.close(); });
  beforeEach(() => { sb.reset(); });

  void it('requires crn_pattern, naming the parameter in the Failure envelope', async () => {
    for (const path of [PATH, q({ crn_pattern: '' }), q({ principal: PAYMENTS })]) {
      const r = await get(sb, path);
      assert.equal(r.status, 400, path);
      assert.equal(r.json.errors[0].source.parameter, 'crn_pattern');
      assert.equal(r.json.errors[0].status, '400');
      assert.match(r.json.errors[0].detail, /crn_pattern/);
    }
    const bad = await get(sb, q({ crn_pattern: 'crn://confluent.cloud/environment=env-prod01' }));
    assert.equal(bad.status, 400);
    assert.equal(bad.json.errors[0].source.parameter, 'crn_pattern');
    assert.equal((await get(sb, `${q({ crn_pattern: RB.crn.organization })}&colour=red`)).json.errors[0].source.parameter, 'colour');
  });

  void it('matches crn_pattern exactly without /*, and the scope plus everything nested below it with /*', async () => {
    const exact = await get(sb, q({ crn_pattern: RB.crn.productionCluster }));
    assert.equal(exact.status, 200);
    assert.equal(exact.json.kind, 'RoleBindingList');
    assert.ok(exact.json.data.every((rb: Json) => rb.crn_pattern === RB.crn.productionCluster));
    assert.ok(ids([exact.json]).includes(RB.clusterAdmin.id));
    assert.ok(!ids([exact.json]).includes(RB.literalTopic.id));

    const nested = ids(await allPages(sb, q({ crn_pattern: `${RB.crn.productionCluster}/*` })));
    for (const f of [RB.clusterAdmin, RB.literalTopic, RB.prefixTopic, RB.allTopics, RB.consumerGroup, RB.transactionalId]) assert.ok(nested.includes(f.id), f.id);
    for (const f of [RB.orgAdmin, RB.envAdmin, RB.subject, RB.groupPrincipal]) assert.ok(!nested.includes(f.id), f.id);

    // A prefix pattern is matched as written: it is not a wildcard over literal bindings.
    const prefix = await get(sb, q({ crn_pattern: RB.prefixTopic.crnPattern }));
    assert.deepEqual(ids([prefix.json]), [RB.prefixTopic.id]);
    const everything = ids(await allPages(sb, q({ crn_pattern: `${RB.crn.organization}/*`, page_size: '1000' })));
    assert.equal(everything.length, (await get(sb, q({ crn_pattern: `${RB.crn.organization}/*` }))).json.metadata.total_size);
    assert.ok(everything.includes(RB.orgAdmin.id) && everything.includes(RB.subject.id));
  });

  void it('filters by exact principal and role_name', async () => {
    const all = ids(await allPages(sb, q({ crn_pattern: `${RB.crn.organization}/*`, principal: PAYMENTS })));
    assert.equal(all.length, RB.paymentsBindingCount);
    const reads = await allPages(sb, q({ crn_pattern: `${RB.crn.organization}/*`, principal: PAYMENTS, role_name: 'DeveloperRead' }));
    assert.ok(reads.every((p) => p.data.every((rb: Json) => rb.role_name === 'DeveloperRead' && rb.principal === PAYMENTS)));
    assert.equal(ids(reads).length, RB.ledgerTopics + 3);
    assert.equal((await get(sb, q({ crn_pattern: `${RB.crn.organization}/*`, principal: 'User:SA-PAY0001' }))).json.data.length, 0);
    assert.equal((await get(sb, q({ crn_pattern: `${RB.crn.organization}/*`, role_name: 'developerread' }))).json.data.length, 0);
    const pool = await get(sb, q({ crn_pattern: `${RB.crn.organization}/*`, principal: `User:${RB.identityPool}` }));
    assert.ok(ids([pool.json]).includes(RB.allTopics.id));
    const group = await get(sb, q({ crn_pattern: RB.crn.productionEnvironment, principal: `Group:${RB.group}` }));
    assert.deepEqual(ids([group.json]), [RB.groupPrincipal.id]);
  });

  void it('pages at 100 by default (max 1000) with signed tokens bound to the filters', async () => {
    const first = await get(sb, q({ crn_pattern: `${RB.crn.organization}/*`, principal: PAYMENTS }));
    assert.equal(first.json.data.length, 100);
    assert.equal(first.json.metadata.total_size, RB.paymentsBindingCount);
    const next = first.json.metadata.next as string;
    assert.ok(next.includes('page_token='));
    const second = await get(sb, next);
    assert.equal(second.json.data.length, RB.paymentsBindingCount - 100);
    assert.equal(second.json.metadata.next, undefined);
    const token = new URL(next).searchParams.get('page_token') ?? '';
    const otherFilter = await get(sb, q({ crn_pattern: `${RB.crn.organization}/*`, page_token: token }));
    assert.equal(otherFilter.status, 400);
    assert.equal(otherFilter.json.errors[0].source.parameter, 'page_token');
    assert.equal((await get(sb, q({ crn_pattern: RB.crn.organization, page_size: '1000' }))).status, 200);
    assert.equal((await get(sb, q({ crn_pattern: RB.crn.organization, page_size: '1001' }))).json.errors[0].source.parameter, 'page_size');
  });

  void it('seeds every level, identity pools, groups and hostile topic names', async () => {
    const all: Json[] = (await allPages(sb, q({ crn_pattern: `${RB.crn.organization}/*`, page_size: '1000' }))).flatMap((p) => p.data);
    const patterns = all.map((rb) => rb.crn_pattern as string);
    assert.ok(patterns.includes(RB.crn.organization));
    assert.ok(patterns.some((p) => /\/environment=env-[^/]+$/.test(p)));
    assert.ok(patterns.some((p) => /\/cloud-cluster=lkc-[^/]+$/.test(p)));
    for (const kind of ['topic', 'group', 'transactional-id']) assert.ok(patterns.some((p) => p.includes(`/${kind}=`)), kind);
    assert.ok(patterns.some((p) => p.endsWith('/topic=*')));
    for (const name of HOSTILE_TOPIC_NAMES) assert.ok(patterns.some((p) => p.endsWith(`/topic=${name}`)), name);
    assert.ok(all.some((rb) => rb.principal.startsWith('User:pool-')));
    assert.ok(all.some((rb) => rb.principal.startsWith('Group:')));
    assert.equal(new Set(all.map((rb) => `${rb.principal} ${rb.role_name} ${rb.crn_pattern}`)).size, all.length);
    assert.ok(all.some((rb) => rb.id === RB.unknownRole.id && rb.role_name === 'KsqlAdmin'));
    const again = [...seedOrganization(DEFAULT_SEED).roleBindings.values()].map((rb) => [rb.id, rb.principal, rb.roleName, rb.crnPattern].join(' '));
    assert.deepEqual(all.map((rb) => [rb.id, rb.principal, rb.role_name, rb.crn_pattern].join(' ')), again, 'same seed, same bindings');
    const basic = [...seedOrganization(DEFAULT_SEED).clusters.values()].filter((c) => c.kind === 'Basic').map((c) => `/cloud-cluster=${c.id}/`);
    assert.ok(basic.length > 0);
    assert.ok(!patterns.some((p) => basic.some((b) => p.includes(b))), 'no granular bindings on Basic clusters');
    const org = (await get(sb, '/org/v2/organizations')).json.data[0];
    assert.ok(patterns.every((p) => p.startsWith(`crn://confluent.cloud/organization=${org.id}`)));
  });

  void it('creates (201, rb- id, Location), gets by id and deletes with 200 and the body', async () => {
    const body = { principal: `User:${FIXTURES.disposableServiceAccount.id}`, role_name: 'DeveloperRead', crn_pattern: `${RB.crn.productionCluster}/kafka=${FIXTURES.productionCluster.id}/topic=new-*` };
    const created = await call(sb, 'POST', PATH, { body });
    assert.equal(created.status, 201);
    assert.match(created.json.id, /^rb-[a-z0-9]+$/);
    assert.equal(created.json.kind, 'RoleBinding');
    assert.equal(created.json.crn_pattern, body.crn_pattern);
    assert.equal(created.json.metadata.resource_name, `${RB.crn.organization}/role-binding=${created.json.id}`);
    assert.equal(created.headers.get('location'), `${sb.url}${PATH}/${created.json.id}`);
    assert.equal((await get(sb, `${PATH}/${created.json.id}`)).json.principal, body.principal);

    const dup = await call(sb, 'POST', PATH, { body });
    assert.equal(dup.status, 409);
    assert.equal(dup.json.errors[0].code, 'resource_already_exists');
    assert.equal(dup.headers.get('location'), `${sb.url}${PATH}/${created.json.id}`);

    const deleted = await call(sb, 'DELETE', `${PATH}/${created.json.id}`);
    assert.equal(deleted.status, 200);
    assert.equal(deleted.json.id, created.json.id);
    assert.equal(deleted.json.role_name, 'DeveloperRead');
    assert.equal((await get(sb, `${PATH}/${created.json.id}`)).status, 404);
    assert.equal((await call(sb, 'DELETE', `${PATH}/${created.json.id}`)).status, 404);
  });

  void it('validates POSTs: fields 422, malformed or disallowed 400, missing scope or principal 404', async () => {
    const good = { principal: PAYMENTS, role_name: 'EnvironmentAdmin', crn_pattern: RB.crn.productionEnvironment };
    const cases: [Record<string, unknown>, number, string, RegExp][] = [
      [{ ...good, role_name: undefined }, 422, '/role_name', /required/],
      [{ ...good, principal: 7 }, 422, '/principal', /string/],
      [{ ...good, crn_pattern: 'https://example.com' }, 400, '/crn_pattern', /crn:\/\/confluent\.cloud/],
      [{ ...good, crn_pattern: `${RB.crn.organization}/cloud-cluster=lkc-prod01` }, 400, '/crn_pattern', /may not follow/],
      [{ ...good, crn_pattern: `${RB.crn.productionEnvironment}/*` }, 400, '/crn_pattern', /list queries/],
      [{ ...good, role_name: 'SuperUser' }, 400, '/role_name', /does not exist/],
      [{ ...good, role_name: 'DeveloperRead' }, 400, '/crn_pattern', /environment level/],
      [{ ...good, role_name: 'CloudClusterAdmin', crn_pattern: RB.crn.organization }, 400, '/crn_pattern', /organization level/],
      [{ ...good, principal: 'sa-pay0001' }, 400, '/principal', /User:<id>/],
      [{ ...good, principal: 'User:robot-1' }, 400, '/principal', /service account/],
    ];
    for (const [body, status, pointer, detail] of cases) {
      const r = await call(sb, 'POST', PATH, { body });
      assert.equal(r.status, status, JSON.stringify(body));
      assert.equal(r.json.errors[0].source.pointer, pointer, JSON.stringify(body));
      assert.match(r.json.errors[0].detail, detail);
    }
    const missing: [Record<string, unknown>, RegExp][] = [
      [{ ...good, crn_pattern: `${RB.crn.organization}/environment=env-nope00` }, /environment 'env-nope00'/],
      [{ ...good, role_name: 'CloudClusterAdmin', crn_pattern: `${RB.crn.productionEnvironment}/cloud-cluster=lkc-nope00` }, /cluster 'lkc-nope00'/],
      [{ ...good, crn_pattern: 'crn://confluent.cloud/organization=other-org/environment=env-prod01' }, /organization 'other-org'/],
      [{ ...good, principal: 'User:sa-nope000' }, /principal 'User:sa-nope000'/],
      [{ ...good, principal: 'User:u-nope00' }, /principal/],
      [{ ...good, principal: 'Group:group-unknown' }, /principal/],
    ];
    for (const [body, detail] of missing) {
      const r = await call(sb, 'POST', PATH, { body });
      assert.equal(r.status, 404, JSON.stringify(body));
      assert.equal(r.json.errors[0].code, 'resource_not_found');
      assert.match(r.json.errors[0].detail, detail);
    }
    const basic = [...seedOrganization(DEFAULT_SEED).clusters.values()].find((c) => c.kind === 'Basic');
    assert.ok(basic);
    const basicCrn = `${RB.crn.organization}/environment=${basic.environmentId}/cloud-cluster=${basic.id}`;
    const onBasic = await call(sb, 'POST', PATH, { body: { ...good, role_name: 'DeveloperRead', crn_pattern: `${basicCrn}/kafka=${basic.id}/topic=t` } });
    assert.equal(onBasic.status, 400);
    assert.match(onBasic.json.errors[0].detail, /Basic/);
    assert.equal((await call(sb, 'POST', PATH, { body: { ...good, role_name: 'CloudClusterAdmin', crn_pattern: basicCrn } })).status, 201);
    assert.equal((await call(sb, 'POST', PATH, { body: { ...good, role_name: 'KsqlAdmin', crn_pattern: RB.crn.productionCluster } })).status, 400);
    assert.equal((await call(sb, 'POST', PATH, { body: { ...good, principal: `User:${RB.identityPool}` } })).status, 201);
    assert.equal((await call(sb, 'POST', PATH, { body: { ...good, principal: `Group:${RB.group}`, role_name: 'DataSteward' } })).status, 201);
  });

  void it('deleting a service account, a user or an environment deletes the bindings that name it', async () => {
    const count = async (params: Record<string, string>): Promise<number> =>
      (await get(sb, q({ crn_pattern: `${RB.crn.organization}/*`, ...params }))).json.metadata.total_size;
    assert.equal(await count({ principal: RB.disposable.principal }), 1);
    assert.equal((await call(sb, 'DELETE', `/iam/v2/service-accounts/${FIXTURES.disposableServiceAccount.id}`)).status, 204);
    assert.equal(await count({ principal: RB.disposable.principal }), 0);
    assert.equal((await get(sb, `${PATH}/${RB.disposable.id}`)).status, 404);

    const ada = `User:${FIXTURES.user.id}`;
    assert.ok(await count({ principal: ada }) > HOSTILE_TOPIC_NAMES.length);
    assert.equal((await call(sb, 'DELETE', `/iam/v2/users/${FIXTURES.user.id}`)).status, 204);
    assert.equal(await count({ principal: ada }), 0);

    const total = await count({});
    const inProd = (await get(sb, q({ crn_pattern: `${RB.crn.productionEnvironment}/*` }))).json.metadata.total_size;
    assert.ok(inProd > 0);
    assert.equal((await call(sb, 'DELETE', `/org/v2/environments/${FIXTURES.productionEnvironment.id}`)).status, 204);
    assert.equal((await get(sb, q({ crn_pattern: `${RB.crn.productionEnvironment}/*` }))).json.metadata.total_size, 0);
    assert.equal(await count({}), total - inProd);
    assert.equal((await get(sb, `${PATH}/${RB.orgAdmin.id}`)).status, 200);
    sb.reset();
    assert.equal((await get(sb, `${PATH}/${RB.disposable.id}`)).status, 200);
  });

  void it('drifts like the other kinds: older api_version on some items, empty metadata on the last page', async () => {
    const drifted = await launch({ drift: true });
    try {
      const pages = await allPages(drifted, q({ crn_pattern: `${RB.crn.organization}/*`, page_size: '1000' }));
      const items: Json[] = pages.flatMap((p) => p.data);
      assert.ok(items.some((rb) => rb.api_version === 'iam/v1'));
      assert.deepEqual(pages.at(-1).metadata, {});
    } finally {
      await drifted.close();
    }
  });
});
