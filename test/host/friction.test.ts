// What a newcomer hit in everyday use: a created item that could not be found, a 409 reported
// twice, filters that matched differently per folder without saying so, Go to ID against a
// filter and a mistyped ID, and error wording (repeated phrases, bare socket codes, no role hint).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FIXTURES } from '../../sandbox/fixtures';
import type { Outcome } from '../../src/commands/commandOutcome';
import type { ExtensionApi } from '../../src/extension';
import type { TreeUpdater } from '../../src/explorer/explorerUpdates';
import type { ExplorerNode } from '../../src/explorer/nodes/explorerNode';
import type { ErrorNode } from '../../src/explorer/nodes/messageNodes';
import { children, ids, valueOf } from './commandsSupport';
import { chooseItem, start, typeAndAccept, useInteractiveTests, validationText } from './frictionSupport';
import { sandbox, waitFor } from './helpers';

const GO_TO_ID = 'confluentCloud.explorer.goToId';

function selectedId(api: ExtensionApi): string | undefined {
  const node = api.treeView.selection[0];
  return node && 'resourceId' in node && typeof node.resourceId === 'string' ? node.resourceId : undefined;
}

describe('friction: created items, 409s, filters, Go to ID, error wording', function () {
  this.timeout(90_000);
  const ctx = useInteractiveTests();

  it('reveals and selects a created service account that is not on the first page of a collapsed folder', async () => {
    assert.equal(ctx.org.serviceAccounts.isLoaded, false, 'the folder was never opened');
    const sa = valueOf(await start<Outcome<{ id: string }>>('confluentCloud.createServiceAccount', ctx.org.serviceAccounts, { display_name: 'found-at-once', description: '' }));
    await (ctx.api.updates as TreeUpdater).lastReveal;
    await waitFor(() => selectedId(ctx.api) === sa.id, 10_000, 'the new account to be selected');
    const shown = ids(await children(ctx.api, ctx.org.serviceAccounts));
    assert.equal(shown[0], sa.id, 'pinned at the top, above the first page');
    assert.ok(ctx.org.serviceAccounts.loadedCount <= 50 + 1, 'only the first page was loaded to show it');
  });

  it('reveals and selects a created environment and API key in an open folder', async () => {
    await children(ctx.api, ctx.org.environments);
    const env = valueOf(await start<Outcome<{ id: string }>>('confluentCloud.createEnvironment', ctx.org.environments, { display_name: 'revealed-env' }));
    await (ctx.api.updates as TreeUpdater).lastReveal;
    await waitFor(() => selectedId(ctx.api) === env.id, 10_000, 'the new environment to be selected');

    await children(ctx.api, ctx.org.apiKeys);
    const key = valueOf(await start<Outcome<{ id: string }>>('confluentCloud.createApiKey', ctx.org.apiKeys, {
      owner: FIXTURES.paymentsServiceAccount.id, resource: null, display_name: 'revealed-key',
    }));
    await (ctx.api.updates as TreeUpdater).lastReveal;
    await waitFor(() => selectedId(ctx.api) === key.id, 10_000, 'the new key to be selected');
  });

  it('a 409 shows once: inline on the reopened name, no error notification', async () => {
    const outcome = start<Outcome<{ display_name: string }>>('confluentCloud.createServiceAccount', ctx.org.serviceAccounts);
    await typeAndAccept(await ctx.inputs.next('inputBox'), FIXTURES.paymentsServiceAccount.displayName);
    await typeAndAccept(await ctx.inputs.next('inputBox'), '');
    const retry = await ctx.inputs.next('inputBox');
    assert.match(validationText(retry), /already exists/);
    assert.deepEqual(ctx.dialogs.notifications('error').map((r) => r.message), [], 'no toast besides the inline message');
    await typeAndAccept(retry, 'payments-service-3');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    assert.equal(valueOf(await outcome).display_name, 'payments-service-3');
    assert.deepEqual(ctx.dialogs.notifications('error'), []);
  });

  it('the service account filter says it is exact, and offers a substring search over loaded pages', async () => {
    const picking = start('confluentCloud.explorer.filter', ctx.org.serviceAccounts);
    const pick = await ctx.inputs.next('quickPick');
    pick.value = 'payments';
    await waitFor(() => pick.items.some((item) => /Exact name/.test(item.label) && item.description === 'name = "payments"'), 5_000, 'the choices to name the text');
    await chooseItem(pick, (item) => /Contains/.test(item.label));
    await picking;
    assert.equal(ctx.org.serviceAccounts.filterMode, 'contains');
    const shown = ids(await children(ctx.api, ctx.org.serviceAccounts));
    assert.ok(shown.includes(FIXTURES.paymentsServiceAccount.id), 'payments-service contains "payments"');
    assert.match(String(ctx.org.serviceAccounts.getTreeItem().description), /contains "payments"/);

    await vscode.commands.executeCommand('confluentCloud.explorer.filter', ctx.org.serviceAccounts, FIXTURES.paymentsServiceAccount.displayName);
    assert.equal(ctx.org.serviceAccounts.filterMode, 'exact');
    assert.match(String(ctx.org.serviceAccounts.getTreeItem().description), /name = "payments-service" \(exact\)/);
    await vscode.commands.executeCommand('confluentCloud.explorer.clearFilter', ctx.org.serviceAccounts);
  });

  it('Go to ID clears a filter that would hide the item instead of pinning it under "0 matching"', async () => {
    await vscode.commands.executeCommand('confluentCloud.explorer.filter', ctx.org.serviceAccounts, FIXTURES.paymentsServiceAccount.displayName);
    await children(ctx.api, ctx.org.serviceAccounts);
    const node = await vscode.commands.executeCommand<ExplorerNode & { resourceId: string }>(GO_TO_ID, ctx.org, FIXTURES.disposableServiceAccount.id);
    assert.equal(node?.resourceId, FIXTURES.disposableServiceAccount.id);
    assert.equal(ctx.org.serviceAccounts.isFiltered, false, 'the filter was cleared');
    assert.ok(ids(await children(ctx.api, ctx.org.serviceAccounts)).includes(FIXTURES.disposableServiceAccount.id));
  });

  it('Go to ID keeps the box open with a validation message for an unknown ID, then goes to a right one', async () => {
    const going = start<ExplorerNode & { resourceId: string }>(GO_TO_ID, ctx.org);
    const box = await ctx.inputs.next('inputBox');
    await typeAndAccept(box, 'sa-doesnotexist');
    await waitFor(() => /No service account sa-doesnotexist/.test(validationText(box)), 15_000, 'the miss shown on the box');
    assert.deepEqual(ctx.dialogs.notifications('warning'), [], 'no toast');
    await typeAndAccept(box, FIXTURES.disposableServiceAccount.id);
    const node = await going;
    assert.equal(node?.resourceId, FIXTURES.disposableServiceAccount.id);
  });

  it('a 403 on a list names the role it needs; a dropped connection is worded in plain language', async () => {
    await sandbox.setFaults('403@GET /iam/v2/service-accounts');
    const saRows = await children(ctx.api, ctx.org.serviceAccounts);
    const denied = saRows.find((n): n is ErrorNode => n.kind === 'error');
    assert.ok(denied, `an error row among ${saRows.map((n) => n.kind).join(', ')}`);
    assert.match(denied.description.label, /403 .*needs the OrganizationAdmin or AccountAdmin role/);
    await sandbox.setFaults('drop@GET /iam/v2/users');
    const userRows = await children(ctx.api, ctx.org.users);
    const dropped = userRows.find((n): n is ErrorNode => n.kind === 'error');
    assert.ok(dropped, `an error row among ${userRows.map((n) => n.kind).join(', ')}`);
    assert.match(dropped.description.label, /the connection was closed by the server or a proxy/);
    assert.doesNotMatch(dropped.description.label, /UND_ERR|offline or unreachable/);
  });
});
