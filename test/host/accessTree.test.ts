// The Access folders in the real extension host against the sandbox: what a principal's and a
// scope's folder list, how rows read, one request per page, and a 403 shown as one node.
import * as assert from 'node:assert/strict';
import { FIXTURES } from '../../sandbox/fixtures';
import { ROLE_BINDING_FIXTURES } from '../../sandbox/roleBindingFixtures';
import type { ExplorerNode } from '../../src/explorer/nodes/explorerNode';
import { childrenOf, labelOf, requestsTo, sandboxOrg, usePageSize } from './explorerSupport';
import { freshSandbox } from './commandsSupport';
import { sandbox } from './helpers';

const BINDINGS = '/iam/v2/role-bindings';

async function find(api: Awaited<ReturnType<typeof sandboxOrg>>['api'], parent: ExplorerNode, kind: ExplorerNode['kind'], id?: string): Promise<ExplorerNode> {
  const kids = await childrenOf(api, parent);
  const found = kids.find((n) => n.kind === kind && (id === undefined || ('resourceId' in n && n.resourceId === id)));
  assert.ok(found, `a ${kind}${id ? ` ${id}` : ''} under ${parent.id}`);
  return found;
}

/** label + description of each row, as the tree shows them. */
function rows(api: Awaited<ReturnType<typeof sandboxOrg>>['api'], nodes: readonly ExplorerNode[]): string[] {
  return nodes.map((n) => {
    const item = api.explorer.getTreeItem(n);
    return `${labelOf(item)} | ${typeof item.description === 'string' ? item.description : ''}`;
  });
}

describe('Access folders', function () {
  this.timeout(60_000);

  beforeEach(async () => {
    await freshSandbox();
  });
  afterEach(async () => {
    await usePageSize(undefined);
    await sandbox.setFaults('');
  });

  it('lists a service account\'s bindings as sentences, one request per page, nothing before expanding', async () => {
    await usePageSize(50);
    const { api, org } = await sandboxOrg();
    await find(api, org, 'serviceAccountsFolder');
    const sa = await find(api, org.serviceAccounts, 'serviceAccount', FIXTURES.paymentsServiceAccount.id);
    await sandbox.clearRequests();
    const access = await find(api, sa, 'accessFolder');
    assert.equal((await requestsTo(BINDINGS)).length, 0, 'nothing fetched until the folder is expanded');

    const first = await childrenOf(api, access);
    const lists = await requestsTo(BINDINGS);
    assert.equal(lists.length, 1, 'the first page is one request');
    assert.equal(lists[0]!.query.crn_pattern, `${ROLE_BINDING_FIXTURES.crn.organization}/*`);
    assert.equal(lists[0]!.query.principal, `User:${FIXTURES.paymentsServiceAccount.id}`);
    const bindings = first.filter((n) => n.kind === 'roleBinding');
    assert.equal(bindings.length, 50);
    const text = rows(api, bindings);
    assert.ok(text.includes("DeveloperRead | topics starting with 'payments-' · orders-prod (Production)"), text.join('\n'));
    assert.ok(text.includes('CloudClusterAdmin | cluster orders-prod (Production)'), text.join('\n'));
    // The names came from one GET each, not from listing environments or clusters.
    assert.equal((await requestsTo('/org/v2/environments')).length, 0, 'no environment list');
    assert.ok((await requestsTo('/org/v2/environments/')).length <= 1);

    const more = first.find((n) => n.kind === 'loadMore');
    assert.ok(more, 'Load more after a full page');
    await sandbox.clearRequests();
    await (access as unknown as { loadMore(): Promise<void> }).loadMore();
    assert.equal((await requestsTo(BINDINGS)).length, 1, 'Load more is exactly one request');
    assert.equal((await childrenOf(api, access)).filter((n) => n.kind === 'roleBinding').length, 100);
  });

  it('under a cluster lists who holds what there, with the environment\'s and organization\'s roles marked inherited', async () => {
    await usePageSize(100);
    const { api, org } = await sandboxOrg();
    const env = await find(api, org.environments, 'environment', FIXTURES.productionEnvironment.id);
    const clusters = await find(api, env, 'kafkaClustersFolder');
    const cluster = await find(api, clusters, 'kafkaCluster', FIXTURES.productionCluster.id);
    const access = await find(api, cluster, 'accessFolder');
    await sandbox.clearRequests();
    // The first page: one request per query, the inherited roles on top.
    const first = (await childrenOf(api, access)).filter((n) => n.kind === 'roleBinding');
    assert.equal((await requestsTo(BINDINGS)).length, 3, 'organization, environment, cluster and below: one request each');
    assert.ok(rows(api, first.slice(0, 2)).every((t) => t.includes('inherited from')), rows(api, first.slice(0, 3)).join('\n'));
    await (access as unknown as { loadAll(signal: AbortSignal): Promise<void> }).loadAll(new AbortController().signal);
    const lists = await requestsTo(BINDINGS);
    const patterns = lists.map((r) => r.query.crn_pattern);
    assert.ok(patterns.includes(`${ROLE_BINDING_FIXTURES.crn.productionCluster}/*`), 'the cluster and below');
    assert.ok(patterns.includes(ROLE_BINDING_FIXTURES.crn.productionEnvironment), 'the environment, exactly');
    assert.ok(patterns.includes(ROLE_BINDING_FIXTURES.crn.organization), 'the organization, exactly');
    const nodes = (await childrenOf(api, access)).filter((n) => n.kind === 'roleBinding');
    const text = rows(api, nodes);
    assert.ok(text.some((t) => t === `${FIXTURES.user.fullName} | EnvironmentAdmin · environment Production · inherited from environment Production`), text.slice(0, 5).join('\n'));
    assert.ok(text.some((t) => t.endsWith('OrganizationAdmin · the organization · inherited from the organization')));
    assert.ok(text.some((t) => t.startsWith('identity pool pool-sbx0001 | ')), 'identity pools by ID with their kind');
    assert.ok(text.some((t) => t === "payments-service | DeveloperWrite · topic 'payments' · orders-prod (Production)"));
    // Hostile topic names render inert: one line, bidi revealed.
    assert.ok(text.some((t) => t.includes('[U+202E]evil-rtl-override')), 'the bidi override is shown, not obeyed');
    assert.ok(nodes.every((n) => !/\n/.test(rows(api, [n])[0]!)));
    const inherited = nodes.filter((n) => n.contextValue.includes('.inherited'));
    assert.ok(inherited.length >= 2);
  });

  it('shows a 403 as one node naming the roles that can list bindings', async () => {
    const { api, org } = await sandboxOrg();
    const env = await find(api, org.environments, 'environment', FIXTURES.productionEnvironment.id);
    const access = await find(api, env, 'accessFolder');
    await sandbox.setFaults(`403@GET ${BINDINGS}`);
    await sandbox.clearRequests();
    const kids = await childrenOf(api, access);
    assert.equal(kids.length, 1);
    const label = labelOf(api.explorer.getTreeItem(kids[0]!));
    assert.match(label, /Can't list role bindings/);
    const tooltip = api.explorer.getTreeItem(kids[0]!).tooltip;
    assert.match(typeof tooltip === 'string' ? tooltip : '', /OrganizationAdmin or AccountAdmin/);
    assert.equal((await requestsTo(BINDINGS)).length, 2, 'one request per query (the organization; the environment and below), no retry storm');
  });

  it('filters loaded bindings by role, principal or scope words', async () => {
    const { api, org } = await sandboxOrg();
    const access = org.access;
    await childrenOf(api, access);
    await access.applyFilter('EnvironmentAdmin');
    const kids = (await childrenOf(api, access)).filter((n) => n.kind === 'roleBinding');
    assert.ok(kids.length >= 1);
    assert.ok(rows(api, kids).every((t) => t.includes('EnvironmentAdmin')));
  });
});
