import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ErrorNode } from '../../src/explorer/nodes/messageNodes';
import { sandbox } from './helpers';
import { childOfKind, childrenOf, hideExplorerView, labelOf, requestsTo, resourceIds, sandboxOrg } from './explorerSupport';

describe('explorer: errors are nodes', () => {
  before(async () => {
    await hideExplorerView();
    await sandbox.reset();
  });
  afterEach(async () => {
    await sandbox.setFaults('');
  });

  it('403: "Couldn\'t load users" with the code and request id, and Retry recovers', async () => {
    const { api, org } = await sandboxOrg();
    await sandbox.setFaults('403@GET /iam/v2/users');
    org.users.refresh();
    const children = await childrenOf(api, org.users);
    assert.equal(children.length, 1);
    const error = childOfKind(children, 'error') as ErrorNode;
    const item = error.getTreeItem();
    assert.match(labelOf(item), /^Couldn't load users: 403 \S+; needs the OrganizationAdmin or AccountAdmin role \(request [^)]+\)$/);
    assert.equal(item.contextValue, 'error.retryable');
    assert.equal(item.command?.command, 'confluentCloud.explorer.retry');

    await sandbox.setFaults('');
    await vscode.commands.executeCommand('confluentCloud.explorer.retry', error);
    const recovered = await childrenOf(api, org.users);
    assert.equal(resourceIds(recovered).length, 50);
  });

  it('401: offers Update API Key instead of Retry', async () => {
    const { api, org } = await sandboxOrg();
    await sandbox.setFaults('401@GET /iam/v2/service-accounts');
    org.serviceAccounts.refresh();
    const [error] = await childrenOf(api, org.serviceAccounts);
    assert.ok(error);
    const item = error.getTreeItem();
    assert.match(labelOf(item), /^Couldn't load service accounts: 401/);
    assert.equal(item.contextValue, 'error.unauthenticated');
    assert.equal(item.command?.command, 'confluentCloud.updateApiKey');
  });

  it('429 and 500 (after the client\'s retries) become error nodes, not notifications', async () => {
    const { api, org } = await sandboxOrg();
    for (const [fault, pattern] of [['429=0', /: 429 too many requests/], ['500', /: 500/]] as const) {
      await sandbox.setFaults(`${fault}@GET /org/v2/environments`);
      org.environments.refresh();
      const [error] = await childrenOf(api, org.environments);
      assert.equal(error?.kind, 'error', `${fault} → error node`);
      assert.match(labelOf(error.getTreeItem()), pattern);
    }
  });

  it('a network failure says so', async () => {
    const { api, org } = await sandboxOrg();
    await sandbox.setFaults('drop@GET /iam/v2/api-keys');
    org.apiKeys.refresh();
    const [error] = await childrenOf(api, org.apiKeys);
    assert.equal(error?.kind, 'error');
    assert.match(labelOf(error.getTreeItem()), /^Couldn't load API keys: /);
    assert.equal(error.getTreeItem().contextValue, 'error.retryable');
  });

  it('a failing Load more keeps the loaded pages and puts the error last', async () => {
    const { api, org } = await sandboxOrg();
    org.users.refresh();
    const first = await childrenOf(api, org.users);
    await sandbox.setFaults('403:x1@GET /iam/v2/users');
    await vscode.commands.executeCommand('confluentCloud.explorer.loadMore', childOfKind(first, 'loadMore'));
    const after = await childrenOf(api, org.users);
    assert.equal(resourceIds(after).length, 50, 'the first page stays');
    assert.equal(after.at(-1)?.kind, 'error');
    assert.match(labelOf(after.at(-1)!.getTreeItem()), /^Couldn't load more users: 403/);

    await sandbox.clearRequests();
    await vscode.commands.executeCommand('confluentCloud.explorer.retry', after.at(-1));
    const recovered = await childrenOf(api, org.users);
    assert.equal(resourceIds(recovered).length, 100);
    assert.equal(recovered.at(-1)?.kind, 'loadMore');
    assert.equal((await requestsTo('/iam/v2/users')).length, 1, 'Retry fetched just the failed page');
  });
});
