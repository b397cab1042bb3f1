import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FIXTURES } from '../../sandbox/fixtures';
import type { ApiKey } from '../../src/cloud/schemas/apiKey';
import type { ServiceAccount } from '../../src/cloud/schemas/serviceAccount';
import type { ExplorerNode, ResourceNode } from '../../src/explorer/nodes/explorerNode';
import { sandbox } from './helpers';
import { childrenOf, labelOf, resourceIds, sandboxOrg, usePageSize } from './explorerSupport';

type AnyResourceNode = ResourceNode<{ id: string }>;

function ancestry(node: ExplorerNode): string[] {
  const kinds: string[] = [];
  for (let n = node.parent; n; n = n.parent) kinds.push(n.kind);
  return kinds;
}

async function goTo(id: string): Promise<AnyResourceNode | undefined> {
  const { api, connection } = await sandboxOrg();
  return vscode.commands.executeCommand<AnyResourceNode | undefined>('confluentCloud.explorer.goToId', api.explorer.organizationNode(connection), id);
}

describe('explorer: Go to ID, updates in place, copy', () => {
  before(async () => {
    // Other suites share this sandbox and may have deleted fixtures.
    await sandbox.reset();
    await sandbox.setFaults('');
  });

  it('finds a service account and reveals it under its folder', async () => {
    const { api } = await sandboxOrg();
    const node = await goTo(FIXTURES.paymentsServiceAccount.id);
    assert.ok(node);
    assert.equal(node.kind, 'serviceAccount');
    assert.equal(node.resourceId, FIXTURES.paymentsServiceAccount.id);
    assert.deepEqual(ancestry(node), ['serviceAccountsFolder', 'organization']);
    // Identity checked with ok(): a failing equal() would format the whole live node graph.
    assert.ok(api.explorer.getParent(node) === node.parent, 'getParent returns the folder');
    assert.ok(resourceIds(await childrenOf(api, node.parent!)).includes(node.resourceId));
    assert.equal(api.treeView.selection[0]?.id, node.id, 'revealed and selected');
  });

  it('finds a Kafka cluster through its environment', async () => {
    const node = await goTo(FIXTURES.productionCluster.id);
    assert.ok(node);
    assert.equal(node.kind, 'kafkaCluster');
    assert.deepEqual(ancestry(node), ['kafkaClustersFolder', 'environment', 'environmentsFolder', 'organization']);
    assert.equal((node.parent?.parent as AnyResourceNode | undefined)?.resourceId, FIXTURES.productionEnvironment.id);
  });

  it('finds users, environments and API keys by prefix', async () => {
    assert.equal((await goTo(FIXTURES.user.id))?.kind, 'user');
    assert.equal((await goTo(FIXTURES.productionEnvironment.id))?.kind, 'environment');
    const key = await goTo(FIXTURES.paymentsServiceAccount.apiKeyIds[0]);
    assert.equal(key?.kind, 'apiKey');
    assert.deepEqual(ancestry(key), ['apiKeysFolder', 'organization']);
  });

  it('pins an item that is not in the loaded pages', async () => {
    const { api, org } = await sandboxOrg();
    await usePageSize(1);
    try {
      org.users.refresh();
      const [first] = await childrenOf(api, org.users);
      const target = resourceIds([first!])[0] === FIXTURES.adminUser.id ? FIXTURES.user.id : FIXTURES.adminUser.id;
      const node = await goTo(target);
      assert.ok(node);
      const children = await childrenOf(api, org.users);
      assert.deepEqual(resourceIds(children).slice(0, 2).sort(), [resourceIds([first!])[0], target].sort());
      assert.equal(children.at(-1)?.kind, 'loadMore', 'the rest of the list can still be loaded');
    } finally {
      await usePageSize(undefined);
    }
  });

  it('says so when nothing has that ID', async () => {
    assert.equal(await goTo('sa-doesnotexist'), undefined);
  });

  it('applies creates, updates and deletes to loaded folders, with cascades', async () => {
    const { api, connection, org } = await sandboxOrg();
    org.serviceAccounts.refresh();
    org.apiKeys.refresh();
    await childrenOf(api, org.serviceAccounts);
    await childrenOf(api, org.apiKeys);
    const total = org.serviceAccounts.totalSize!;
    const keysTotal = org.apiKeys.totalSize!;
    const sa: ServiceAccount = { id: 'sa-local01', display_name: 'local-only', description: 'made by a test' };
    const key: ApiKey = { id: 'LOCALKEY00000001', spec: { owner: { id: sa.id }, resource: null, display_name: 'local key' } };

    api.updates.itemCreated(connection, 'serviceAccount', sa);
    api.updates.itemCreated(connection, 'apiKey', key);
    assert.equal(org.serviceAccounts.totalSize, total + 1);
    assert.ok(resourceIds(await childrenOf(api, org.serviceAccounts)).includes(sa.id));
    assert.ok(resourceIds(await childrenOf(api, org.apiKeys)).includes(key.id));

    api.updates.itemUpdated(connection, 'serviceAccount', { ...sa, display_name: 'renamed-locally' });
    const updated = (await childrenOf(api, org.serviceAccounts)).find((n) => resourceIds([n])[0] === sa.id);
    assert.equal(labelOf(updated!.getTreeItem()), 'renamed-locally');

    api.updates.itemDeleted(connection, 'serviceAccount', sa.id);
    assert.ok(!resourceIds(await childrenOf(api, org.serviceAccounts)).includes(sa.id));
    assert.ok(!resourceIds(await childrenOf(api, org.apiKeys)).includes(key.id), 'its keys went with it');
    assert.equal(org.serviceAccounts.totalSize, total);
    assert.equal(org.apiKeys.totalSize, keysTotal);
  });

  it('copies IDs, CRNs and JSON, one per line for several nodes', async () => {
    const payments = await goTo(FIXTURES.paymentsServiceAccount.id);
    const ada = await goTo(FIXTURES.user.id);
    assert.ok(payments?.crn && ada?.crn);
    assert.equal(await vscode.commands.executeCommand('confluentCloud.copyCrn', payments), payments.crn);
    assert.equal(await vscode.env.clipboard.readText(), payments.crn);
    assert.equal(await vscode.commands.executeCommand('confluentCloud.copyId', payments, [payments, ada]), `${payments.resourceId}\n${ada.resourceId}`);

    const key = await goTo(FIXTURES.paymentsServiceAccount.apiKeyIds[0]);
    const json = await vscode.commands.executeCommand<string>('confluentCloud.copyJson', key);
    const parsed = JSON.parse(json) as ApiKey;
    assert.equal(parsed.id, key?.resourceId);
    assert.ok(!('secret' in parsed.spec));
    assert.ok(!(payments.getTreeItem().contextValue ?? '').includes('console'), 'no console link for the sandbox');
  });

  it('inserts a CRN at the cursor, and drags CRNs as text', async () => {
    const payments = await goTo(FIXTURES.paymentsServiceAccount.id);
    assert.ok(payments?.crn);
    const doc = await vscode.workspace.openTextDocument({ content: 'crn = \n' });
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(0, 6, 0, 6);
    await vscode.commands.executeCommand('confluentCloud.insertCrn', payments);
    assert.equal(doc.getText(), `crn = ${payments.crn}\n`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');

    const transfer = new vscode.DataTransfer();
    const { api } = await sandboxOrg();
    api.dragAndDrop.handleDrag([payments], transfer);
    assert.equal(await transfer.get('text/plain')?.asString(), payments.crn);
  });
});
