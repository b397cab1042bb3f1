import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import {
  levelIcon, parsePrincipal, patternLevel, patternText, principalFor, principalRow, principalText, scopeRow,
} from '../../../src/explorer/accessText';
import { fetchChainPage } from '../../../src/explorer/queryChain';

const ORG = 'crn://confluent.cloud/organization=org-1';
const CLUSTER = `${ORG}/environment=env-prod01/cloud-cluster=lkc-prod01`;
const names = {
  environment: (id: string) => (id === 'env-prod01' ? 'Production' : undefined),
  cluster: (id: string) => (id === 'lkc-prod01' ? 'orders-prod' : undefined),
  principal: (ref: { id: string }) => (ref.id === 'sa-pay0001' ? 'payments-service' : undefined),
};

void describe('parsePrincipal', () => {
  void it('tells service accounts, users, identity pools and groups apart', () => {
    assert.deepEqual(parsePrincipal('User:sa-pay0001'), { kind: 'serviceAccount', id: 'sa-pay0001', principal: 'User:sa-pay0001' });
    assert.equal(parsePrincipal('User:u-ada1815').kind, 'user');
    assert.equal(parsePrincipal('User:pool-sbx0001').kind, 'identityPool');
    assert.equal(parsePrincipal('Group:group-sbx0001').kind, 'group');
  });

  void it('keeps anything else as an unknown principal, whole', () => {
    assert.deepEqual(parsePrincipal('sa-1'), { kind: 'unknown', id: 'sa-1', principal: 'sa-1' });
    assert.equal(parsePrincipal('User:sa-1/../x').kind, 'unknown');
    assert.equal(parsePrincipal('Robot:r-1').kind, 'unknown');
  });

  void it('principalFor adds the type to a bare ID and keeps a typed principal', () => {
    assert.equal(principalFor(' sa-1 '), 'User:sa-1');
    assert.equal(principalFor('group-7'), 'Group:group-7');
    assert.equal(principalFor('Group:group-7'), 'Group:group-7');
  });
});

void describe('binding sentences', () => {
  void it('reads a prefix grant under a principal as role · resource · cluster (environment)', () => {
    const row = principalRow({ role_name: 'DeveloperRead', crn_pattern: `${CLUSTER}/kafka=lkc-prod01/topic=orders-*` }, names);
    assert.deepEqual(row, { label: 'DeveloperRead', description: "topics starting with 'orders-' · orders-prod (Production)" });
  });

  void it('words every level', () => {
    assert.equal(patternText(ORG, names), 'the organization');
    assert.equal(patternText(`${ORG}/environment=env-prod01`, names), 'environment Production');
    assert.equal(patternText(CLUSTER, names), 'cluster orders-prod (Production)');
    assert.equal(patternText(`${CLUSTER}/kafka=lkc-prod01/topic=payments`, names), "topic 'payments' · orders-prod (Production)");
    assert.equal(patternText(`${CLUSTER}/kafka=lkc-prod01/topic=*`, names), 'all topics · orders-prod (Production)');
    assert.equal(patternText(`${CLUSTER}/kafka=lkc-prod01/group=billing`, names), "consumer group 'billing' · orders-prod (Production)");
    assert.equal(patternText(`${CLUSTER}/kafka=lkc-prod01/transactional-id=tx-*`, names), "transactional IDs starting with 'tx-' · orders-prod (Production)");
  });

  void it('falls back to IDs when names are unknown', () => {
    assert.equal(patternText(`${ORG}/environment=env-x1/cloud-cluster=lkc-x1`), 'cluster lkc-x1 (env-x1)');
    assert.equal(principalText(parsePrincipal('User:sa-zzz')), 'sa-zzz');
  });

  void it('reads a scope row with the principal first and marks inheritance', () => {
    const row = scopeRow({ principal: 'User:sa-pay0001', role_name: 'EnvironmentAdmin', crn_pattern: `${ORG}/environment=env-prod01` }, names, 'environment Production');
    assert.deepEqual(row, { label: 'payments-service', description: 'EnvironmentAdmin · environment Production · inherited from environment Production' });
    assert.equal(scopeRow({ principal: 'Group:group-1', role_name: 'DataDiscovery', crn_pattern: ORG }, names).label, 'group group-1');
    assert.equal(scopeRow({ principal: 'User:pool-1', role_name: 'DeveloperRead', crn_pattern: ORG }, names).label, 'identity pool pool-1');
  });

  void it('keeps hostile names on one plain line: bidi revealed, newlines flattened, nothing dropped', () => {
    const hostile = `${CLUSTER}/kafka=lkc-prod01/topic=evil\u202Egpj.exe\n[x](command:foo)`;
    const text = patternText(hostile, names);
    assert.ok(text.includes('[U+202E]'), text);
    assert.ok(!text.includes('\n'));
    assert.ok(text.includes('[x](command:foo)'), 'the text stays what it is; the tree item renders it as a plain label');
  });

  void it('shows a pattern that does not parse as itself', () => {
    assert.equal(patternText('crn://elsewhere/x'), 'scope crn://elsewhere/x');
    assert.equal(patternLevel('crn://elsewhere/x'), undefined);
    assert.equal(levelIcon(undefined), 'question');
  });

  void it('gives each level its own icon', () => {
    const icons = ['organization', 'environment', 'cloud-cluster', 'topic', 'group', 'transactional-id'].map((l) => levelIcon(l as never));
    assert.equal(new Set(icons).size, icons.length);
  });
});

void describe('fetchChainPage', () => {
  const query = (pages: string[][], calls: { n: number }) => async (token: string | undefined) => {
    calls.n++;
    const at = token === undefined ? 0 : Number(token);
    return { items: (pages[at] ?? []).map((id) => ({ id })), nextPageToken: at + 1 < pages.length ? String(at + 1) : undefined, totalSize: 99 };
  };

  void it('each page is the next page of every query that has one: one request per query, none past its end', async () => {
    const long = { n: 0 };
    const short = { n: 0 };
    const queries = [query([['org-admin']], short), query([['a', 'b'], ['c'], ['d']], long)];
    const pages: string[][] = [];
    let token: string | undefined;
    do {
      const page = await fetchChainPage(queries, token);
      pages.push(page.items.map((i) => i.id));
      assert.equal(page.totalSize, undefined, 'no total across several queries');
      token = page.nextPageToken;
    } while (token !== undefined);
    assert.deepEqual(pages, [['org-admin', 'a', 'b'], ['c'], ['d']]);
    assert.equal(short.n, 1, 'the finished query is not asked again');
    assert.equal(long.n, 3);
  });

  void it('passes the total through for a single query, and starts over on a token it did not write', async () => {
    const calls = { n: 0 };
    assert.equal((await fetchChainPage([query([['a']], calls)], undefined)).totalSize, 99);
    const page = await fetchChainPage([query([['a'], ['b']], calls)], 'not-json');
    assert.deepEqual(page.items.map((i) => i.id), ['a']);
  });
});
