import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FIXTURES, SEED_COUNTS } from '../../sandbox/fixtures';
import { sandbox } from './helpers';
import { childOfKind, childrenOf, hideExplorerView, labelOf, requestsTo, resourceIds, sandboxOrg, usePageSize } from './explorerSupport';

const SA_PATH = '/iam/v2/service-accounts';
const USERS_PATH = '/iam/v2/users';

describe('explorer: lazy paging', () => {
  before(async () => {
    await hideExplorerView();
    // Other suites share this sandbox and may have deleted fixtures.
    await sandbox.reset();
    await sandbox.setFaults('');
    await usePageSize(undefined);
  });
  after(async () => {
    await usePageSize(undefined);
  });

  it('shows the organization from environment variables as a root, without storing it', async () => {
    const { api, connection } = await sandboxOrg();
    const roots = await api.explorer.getChildren();
    const root = roots.find((r) => r.connection === connection);
    assert.ok(root, 'a root for the environment organization');
    const item = root.getTreeItem();
    assert.match(item.contextValue ?? '', /^organization\.fromEnvironment/);
    assert.equal(connection.endpoint, process.env.CONFLUENT_CLOUD_ENDPOINT);
    assert.equal(connection.metricsEndpoint, process.env.CONFLUENT_CLOUD_METRICS_ENDPOINT);
    assert.equal(connection.apiKey, process.env.CONFLUENT_CLOUD_API_KEY);
    assert.ok(root.parent === undefined, 'roots have no parent');
  });

  it('fetches nothing until a folder is expanded', async () => {
    const { api, org } = await sandboxOrg();
    org.refresh();
    await sandbox.clearRequests();
    const folders = await childrenOf(api, org);
    assert.deepEqual(folders.map((f) => f.kind), ['environmentsFolder', 'serviceAccountsFolder', 'usersFolder', 'apiKeysFolder', 'accessFolder']);
    for (const folder of folders) folder.getTreeItem();
    assert.equal((await sandbox.requests() as unknown[]).length, 0);
  });

  it('loads one page on expand, then exactly one more per Load more', async () => {
    const { api, org } = await sandboxOrg();
    org.serviceAccounts.refresh();
    await sandbox.clearRequests();

    const first = await childrenOf(api, org.serviceAccounts);
    assert.equal(resourceIds(first).length, 50);
    assert.equal(first.at(-1)?.kind, 'loadMore');
    const firstRequests = await requestsTo(SA_PATH);
    assert.equal(firstRequests.length, 1);
    assert.equal(firstRequests[0]?.query.page_size, '50');
    assert.equal(firstRequests[0]?.query.page_token, undefined);
    assert.equal(org.serviceAccounts.getTreeItem().description, `50 of ${SEED_COUNTS.serviceAccounts.toLocaleString()}`);

    // Collapsing and expanding again asks the node, not the server.
    await childrenOf(api, org.serviceAccounts);
    assert.equal((await requestsTo(SA_PATH)).length, 1);

    await vscode.commands.executeCommand('confluentCloud.explorer.loadMore', childOfKind(first, 'loadMore'));
    const second = await childrenOf(api, org.serviceAccounts);
    const requests = await requestsTo(SA_PATH);
    assert.equal(requests.length, 2, 'Load more sent exactly one request');
    assert.ok(requests[1]?.query.page_token, 'with the next page token');
    assert.equal(resourceIds(second).length, 100);
    assert.deepEqual(resourceIds(second).slice(0, 50), resourceIds(first), 'appended in place');
    assert.equal(new Set(resourceIds(second)).size, 100);
    assert.equal(org.serviceAccounts.getTreeItem().description, `100 of ${SEED_COUNTS.serviceAccounts.toLocaleString()}`);
  });

  it('a double click on Load more still sends one request', async () => {
    const { api, org } = await sandboxOrg();
    org.users.refresh();
    const first = await childrenOf(api, org.users);
    await sandbox.clearRequests();
    const loadMore = childOfKind(first, 'loadMore');
    await Promise.all([
      vscode.commands.executeCommand('confluentCloud.explorer.loadMore', loadMore),
      vscode.commands.executeCommand('confluentCloud.explorer.loadMore', loadMore),
    ]);
    assert.equal((await requestsTo(USERS_PATH)).length, 1);
  });

  it('never asks for a page after the last one', async () => {
    const { api, org } = await sandboxOrg();
    await usePageSize(100);
    try {
      org.users.refresh();
      await sandbox.clearRequests();
      let children = await childrenOf(api, org.users);
      while (children.at(-1)?.kind === 'loadMore') {
        await vscode.commands.executeCommand('confluentCloud.explorer.loadMore', children.at(-1));
        children = await childrenOf(api, org.users);
      }
      assert.equal(resourceIds(children).length, SEED_COUNTS.users);
      assert.equal((await requestsTo(USERS_PATH)).length, Math.ceil(SEED_COUNTS.users / 100));
      await vscode.commands.executeCommand('confluentCloud.explorer.loadMore', org.users);
      assert.equal((await requestsTo(USERS_PATH)).length, Math.ceil(SEED_COUNTS.users / 100), 'no request past the end');
      assert.equal(org.users.getTreeItem().description, SEED_COUNTS.users.toLocaleString());
    } finally {
      await usePageSize(undefined);
    }
  });

  it('a folder with fewer items than a page has no Load more and costs one request', async () => {
    // Other suites create, rotate and delete this account's keys; start from the seeded three.
    await sandbox.reset();
    const { api, org } = await sandboxOrg();
    await org.serviceAccounts.applyFilter(FIXTURES.paymentsServiceAccount.displayName);
    try {
      const [sa] = await childrenOf(api, org.serviceAccounts);
      assert.ok(sa);
      const [keysFolder] = await childrenOf(api, sa);
      assert.ok(keysFolder);
      await sandbox.clearRequests();
      const keys = await childrenOf(api, keysFolder);
      assert.deepEqual(resourceIds(keys).sort(), [...FIXTURES.paymentsServiceAccount.apiKeyIds].sort());
      const requests = await requestsTo('/iam/v2/api-keys');
      assert.equal(requests.length, 1);
      assert.equal(requests[0]?.query['spec.owner'], FIXTURES.paymentsServiceAccount.id);
      assert.ok(!keys.some((k) => k.kind === 'loadMore'));
    } finally {
      await org.serviceAccounts.applyFilter(undefined);
    }
  });

  it('Load all fetches every remaining page with progress', async () => {
    const { api, org } = await sandboxOrg();
    await usePageSize(100);
    try {
      org.users.refresh();
      await childrenOf(api, org.users);
      await sandbox.clearRequests();
      await vscode.commands.executeCommand('confluentCloud.explorer.loadAll', org.users);
      const children = await childrenOf(api, org.users);
      assert.equal(resourceIds(children).length, SEED_COUNTS.users);
      assert.equal((await requestsTo(USERS_PATH)).length, Math.ceil(SEED_COUNTS.users / 100) - 1);
      assert.ok(!children.some((c) => c.kind === 'loadMore'));
    } finally {
      await usePageSize(undefined);
    }
  });

  it('Refresh drops the pages and fetches the first page again', async () => {
    const { api, org } = await sandboxOrg();
    await childrenOf(api, org.serviceAccounts);
    await sandbox.clearRequests();
    await vscode.commands.executeCommand('confluentCloud.explorer.refresh', org.serviceAccounts);
    assert.equal(org.serviceAccounts.getTreeItem().description, '', 'nothing loaded after refresh');
    const children = await childrenOf(api, org.serviceAccounts);
    assert.equal(resourceIds(children).length, 50);
    const requests = await requestsTo(SA_PATH);
    assert.equal(requests.length, 1);
    assert.equal(requests[0]?.query.page_token, undefined);
  });

  it('keeps node IDs stable across a refresh', async () => {
    const { api, org } = await sandboxOrg();
    const before = (await childrenOf(api, org.environments)).map((n) => n.getTreeItem().id);
    await vscode.commands.executeCommand('confluentCloud.explorer.refreshAll');
    const freshOrg = api.explorer.organizationNode(org.connection);
    const after = (await childrenOf(api, freshOrg.environments)).map((n) => n.getTreeItem().id);
    assert.deepEqual(after, before);
    assert.ok(before.every((id) => id?.startsWith(`${org.connection.id}/environments/`)));
  });

  it('labels resources helpfully', async () => {
    const { api, org } = await sandboxOrg();
    const envs = await childrenOf(api, org.environments);
    const prod = envs.find((e) => labelOf(e.getTreeItem()) === FIXTURES.productionEnvironment.displayName);
    assert.ok(prod, 'the production environment is listed');
    const [clustersFolder] = await childrenOf(api, prod);
    assert.ok(clustersFolder);
    const clusters = await childrenOf(api, clustersFolder);
    const cluster = clusters.find((c) => labelOf(c.getTreeItem()) === FIXTURES.productionCluster.displayName);
    assert.ok(cluster);
    const description = String(cluster.getTreeItem().description);
    for (const part of ['AWS', FIXTURES.productionCluster.region, FIXTURES.productionCluster.kind]) assert.ok(description.includes(part), description);
    assert.equal(cluster.getTreeItem().contextValue, 'kafkaCluster');
    assert.equal((cluster.getTreeItem().iconPath as vscode.ThemeIcon).id, 'server');
  });
});
