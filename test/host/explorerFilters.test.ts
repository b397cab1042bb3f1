import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FIXTURES, HOSTILE_NAMES } from '../../sandbox/fixtures';
import { sandbox } from './helpers';
import { childrenOf, hideExplorerView, labelOf, requestsTo, resourceIds, sandboxOrg, usePageSize } from './explorerSupport';

describe('explorer: filters', () => {
  before(async () => {
    await hideExplorerView();
    // Other suites share this sandbox and may have deleted fixtures.
    await sandbox.reset();
    await sandbox.setFaults('');
  });

  it('filters service accounts on the server by exact display name', async () => {
    const { api, org } = await sandboxOrg();
    org.serviceAccounts.refresh();
    await childrenOf(api, org.serviceAccounts);
    await sandbox.clearRequests();
    await vscode.commands.executeCommand('confluentCloud.explorer.filter', org.serviceAccounts, FIXTURES.paymentsServiceAccount.displayName);
    const children = await childrenOf(api, org.serviceAccounts);
    assert.deepEqual(resourceIds(children), [FIXTURES.paymentsServiceAccount.id], 'exact match only (not "Payments-Service")');
    const requests = await requestsTo('/iam/v2/service-accounts');
    assert.equal(requests.length, 1);
    assert.equal(requests[0]?.query.display_name, FIXTURES.paymentsServiceAccount.displayName);
    const item = org.serviceAccounts.getTreeItem();
    assert.equal(item.contextValue, 'serviceAccountsFolder.filtered');
    assert.match(String(item.description), /name = "payments-service" \(exact\)/);

    await vscode.commands.executeCommand('confluentCloud.explorer.clearFilter', org.serviceAccounts);
    assert.equal(org.serviceAccounts.getTreeItem().contextValue, 'serviceAccountsFolder');
    assert.equal(resourceIds(await childrenOf(api, org.serviceAccounts)).length, 50);
  });

  it('an empty filter result says so', async () => {
    const { api, org } = await sandboxOrg();
    await vscode.commands.executeCommand('confluentCloud.explorer.filter', org.serviceAccounts, 'no-such-account-anywhere');
    const children = await childrenOf(api, org.serviceAccounts);
    assert.equal(children.length, 1);
    assert.equal(children[0]?.kind, 'empty');
    assert.match(labelOf(children[0].getTreeItem()), /No service accounts match "no-such-account-anywhere"/);
    await vscode.commands.executeCommand('confluentCloud.explorer.clearFilter', org.serviceAccounts);
  });

  it('filters users over loaded pages, fetching more until a page of matches or the end', async () => {
    const { api, org } = await sandboxOrg();
    await usePageSize(20);
    try {
      org.users.refresh();
      await childrenOf(api, org.users);
      await sandbox.clearRequests();
      await vscode.commands.executeCommand('confluentCloud.explorer.filter', org.users, 'ada');
      const children = await childrenOf(api, org.users);
      const shown = children.filter((c) => c.kind === 'user');
      assert.ok(resourceIds(shown).includes(FIXTURES.user.id), 'Ada is found');
      for (const node of shown) {
        const text = `${labelOf(node.getTreeItem())} ${String(node.getTreeItem().description)} ${resourceIdOf(node)}`.toLowerCase();
        assert.ok(text.includes('ada'), `${text} matches`);
      }
      const more = children.at(-1)?.kind === 'loadMore';
      assert.ok(!more || shown.length >= 20, 'stops only when a page of matches is shown, or at the end');
      assert.ok((await requestsTo('/iam/v2/users')).length >= 1);
      assert.equal(org.users.getTreeItem().contextValue, 'usersFolder.filtered');
    } finally {
      await org.users.applyFilter(undefined);
      await usePageSize(undefined);
    }
  });

  it('shows hostile names as plain text in tooltips', async () => {
    const { api, org } = await sandboxOrg();
    const hostile = HOSTILE_NAMES[0];
    await vscode.commands.executeCommand('confluentCloud.explorer.filter', org.serviceAccounts, hostile);
    try {
      const [node] = await childrenOf(api, org.serviceAccounts);
      assert.ok(node && node.kind === 'serviceAccount', 'the hostile account exists');
      const item = node.getTreeItem();
      assert.equal(labelOf(item), hostile, 'the label is the literal name');
      const tooltip = item.tooltip as vscode.MarkdownString;
      assert.ok(tooltip instanceof vscode.MarkdownString);
      assert.equal(tooltip.isTrusted, false);
      assert.equal(tooltip.supportHtml, false);
      assert.ok(!/(^|[^\\])\[/.test(tooltip.value), 'no unescaped [ in the Markdown');
      assert.ok(!/(^|[^\\])</.test(tooltip.value), 'no unescaped < in the Markdown');
      assert.ok(!tooltip.value.includes('](command:'), 'no command link');
    } finally {
      await vscode.commands.executeCommand('confluentCloud.explorer.clearFilter', org.serviceAccounts);
    }
  });
});

function resourceIdOf(node: object): string {
  return 'resourceId' in node ? String(node.resourceId) : '';
}
