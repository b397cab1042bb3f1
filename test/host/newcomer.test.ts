// What a new user meets in the first minutes: the organization from environment variables shows
// its real name and ID, a second Add of the same organization is recognised, the tree's keyboard
// shortcuts reach the row's commands, and the manifest carries a walkthrough, an icon and menus
// with destructive entries last.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { DEFAULT_API_KEY, FIXTURES } from '../../sandbox/fixtures';
import { activateExtension, memoryRegistry, sandbox, sandboxEnv, sandboxUrl, waitFor } from './helpers';
import { explorerApi, labelOf, sandboxOrg } from './explorerSupport';

interface Manifest {
  icon?: string;
  categories?: string[];
  activationEvents?: string[];
  contributes: {
    commands: { command: string; icon?: string }[];
    keybindings?: { command: string; key: string; mac?: string; when?: string; args?: { action?: string } }[];
    walkthroughs?: { id: string; title: string; steps: { id: string; title: string; description: string; media: Record<string, string> }[] }[];
    menus: Record<string, { command: string; when?: string; group?: string }[]>;
  };
}

describe('newcomer: first minutes', () => {
  afterEach(async () => {
    await sandbox.setFaults('');
  });

  it('shows the name and ID of the organization from environment variables, and Copy ID copies the ID', async () => {
    const { api, connection, org } = await sandboxOrg();
    await api.registry.whenIdentified();
    assert.equal(connection.label, FIXTURES.organization.displayName);
    assert.equal(connection.orgId, FIXTURES.organization.id);
    const item = org.getTreeItem();
    assert.equal(labelOf(item), FIXTURES.organization.displayName);
    assert.match(String(item.description), new RegExp(`^${FIXTURES.organization.id} · from environment$`));
    await vscode.env.clipboard.writeText('');
    const copied = await vscode.commands.executeCommand<string | undefined>('confluentCloud.copyId', org);
    assert.equal(copied, FIXTURES.organization.id);
    assert.equal(await vscode.env.clipboard.readText(), FIXTURES.organization.id);
  });

  it('keeps a placeholder that says where it connects when the key may not read the organization, and retries on refresh', async () => {
    await sandbox.setFaults('403:x1@GET /org/v2/organizations');
    const registry = memoryRegistry(sandboxEnv());
    try {
      await registry.whenIdentified();
      const [connection] = registry.list();
      assert.ok(connection);
      assert.equal(connection.label, `Organization at ${new URL(sandboxUrl()).host}`);
      assert.equal(connection.orgId, undefined);
      const updated: string[] = [];
      registry.onDidChange((e) => updated.push(...e.updated.map((c) => c.label)));
      registry.reconcile();
      await registry.whenIdentified();
      assert.equal(connection.orgId, FIXTURES.organization.id);
      assert.deepEqual(updated, [FIXTURES.organization.displayName], 'the tree is told about the new name');
    } finally {
      registry.dispose();
    }
  });

  it('recognises an organization that is already connected with the same endpoint and API key', async () => {
    const registry = memoryRegistry(sandboxEnv());
    try {
      const fromEnv = registry.list()[0];
      assert.ok(fromEnv);
      assert.equal(registry.findExisting(`${sandboxUrl()}/`, ` ${DEFAULT_API_KEY} `)?.id, fromEnv.id, 'a trailing slash and spaces do not matter');
      assert.equal(registry.findExisting(sandboxUrl(), 'ANOTHERKEY000001'), undefined);
      assert.equal(registry.findExisting('https://api.confluent.cloud', DEFAULT_API_KEY), undefined);
      const stored = await registry.add({ label: 'Other', endpoint: 'http://127.0.0.1:1', metricsEndpoint: 'http://127.0.0.1:1', apiKey: 'STOREDKEY0000001' }, 'secret');
      assert.equal(registry.findExisting('http://127.0.0.1:1', 'STOREDKEY0000001')?.id, stored.id);
    } finally {
      registry.dispose();
    }
  });

  it('Ctrl+C on a selected row copies its ID through the keyboard action', async () => {
    const { api, org } = await sandboxOrg();
    const [environment] = (await api.explorer.getChildren(org.environments)).filter((n) => n.kind === 'environment');
    assert.ok(environment && 'resourceId' in environment);
    await vscode.commands.executeCommand('confluentCloud.explorer.focus');
    await api.treeView.reveal(environment, { select: true, focus: true });
    await waitFor(() => api.treeView.selection[0] === environment, 10_000, 'the environment row selected');
    await vscode.env.clipboard.writeText('');
    await vscode.commands.executeCommand('confluentCloud.explorer.keyboardAction', { action: 'copyId' });
    assert.equal(await vscode.env.clipboard.readText(), environment.resourceId);
  });

  it('binds Delete, F2 and Ctrl+C (Cmd on macOS) in the explorer to the rows that have those commands', async () => {
    const ext = await activateExtension();
    const manifest = ext.packageJSON as Manifest;
    const bindings = manifest.contributes.keybindings ?? [];
    const byAction = new Map(bindings.map((b) => [b.args?.action, b]));
    assert.equal(byAction.get('delete')?.key, 'delete');
    assert.equal(byAction.get('delete')?.mac, 'cmd+backspace');
    assert.equal(byAction.get('rename')?.key, 'f2');
    assert.equal(byAction.get('copyId')?.key, 'ctrl+c');
    assert.equal(byAction.get('copyId')?.mac, 'cmd+c');
    for (const binding of bindings) {
      assert.match(binding.when ?? '', /focusedView == confluentCloud\.explorer/);
      assert.equal(binding.command, 'confluentCloud.explorer.keyboardAction');
    }
    // The when clauses decide which rows react: compare them with the real contextValues.
    const matches = (action: string, contextValue: string): boolean => {
      const regex = /=~ \/(.*)\/$/.exec(byAction.get(action)?.when ?? '')?.[1];
      assert.ok(regex, `${action} has a regex`);
      return new RegExp(regex).test(contextValue);
    };
    assert.ok(matches('delete', 'apiKey'));
    assert.ok(matches('delete', 'organization.console'));
    assert.ok(!matches('delete', 'organization.fromEnvironment'), 'the organization from environment variables cannot be removed');
    assert.ok(!matches('delete', 'kafkaCluster.console'), 'clusters are not deleted here');
    assert.ok(matches('rename', 'serviceAccount.console'));
    assert.ok(matches('copyId', 'kafkaCluster'));
    assert.ok(!matches('copyId', 'serviceAccountsFolder'));
  });

  it('contributes a walkthrough whose media exist, a 128×128 icon and searchable categories', async () => {
    const ext = await activateExtension();
    const manifest = ext.packageJSON as Manifest;
    const root = ext.extensionUri.fsPath;
    const [walkthrough] = manifest.contributes.walkthroughs ?? [];
    assert.ok(walkthrough, 'a walkthrough');
    assert.deepEqual(walkthrough.steps.map((s) => s.id), ['connect', 'browse', 'createKey', 'copyCrn', 'metrics']);
    assert.match(walkthrough.steps[0]!.description, /command:confluentCloud\.addOrganization/);
    for (const step of walkthrough.steps) {
      const file = step.media.markdown ?? step.media.svg ?? step.media.image;
      assert.ok(file && existsSync(join(root, file)), `${step.id}: ${file} exists`);
      if (step.media.svg) assert.ok(step.media.altText, `${step.id} has alt text`);
    }
    assert.ok(manifest.activationEvents?.includes('onStartupFinished'), 'activates on a first start to show the view');

    assert.equal(manifest.icon, 'media/icon.png');
    const png = readFileSync(join(root, 'media', 'icon.png'));
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
    assert.ok(manifest.categories?.length && !manifest.categories.every((c) => c === 'Other'));
  });

  it('puts destructive context-menu entries last in their own group and gives Copy CRN a copy-like icon', async () => {
    const ext = await activateExtension();
    const manifest = ext.packageJSON as Manifest;
    const entries = (manifest.contributes.menus['view/item/context'] ?? []).filter((e) => e.when?.startsWith('view == confluentCloud.explorer '));
    // Every Delete…/Remove…/Revoke… entry, including ones added later.
    const destructive = { has: (command: string) => /^confluentCloud\.(delete|remove|revoke)[A-Z]/.test(command) };
    for (const known of ['deleteEnvironment', 'deleteServiceAccount', 'deleteUser', 'deleteApiKey', 'removeOrganization']) {
      assert.ok(entries.some((e) => e.command === `confluentCloud.${known}`), `${known} is in the menu`);
    }
    const groupOf = (e: { group?: string }) => (e.group ?? '').split('@')[0]!;
    const deleteGroups = new Set(entries.filter((e) => destructive.has(e.command)).map(groupOf));
    assert.equal(deleteGroups.size, 1, `one group for deletes, got ${[...deleteGroups].join(', ')}`);
    const [deleteGroup] = [...deleteGroups];
    for (const entry of entries.filter((e) => !destructive.has(e.command) && !groupOf(e).startsWith('inline'))) {
      assert.ok(groupOf(entry) < deleteGroup!, `${entry.command} (${entry.group}) sorts before ${deleteGroup}`);
    }
    const copyCrn = manifest.contributes.commands.find((c) => c.command === 'confluentCloud.copyCrn');
    assert.ok(copyCrn?.icon && copyCrn.icon !== '$(link)' && copyCrn.icon !== '$(link-external)', `Copy CRN icon ${copyCrn?.icon}`);
  });

  it('the status bar item of the organization has an accessible name without icon names', async () => {
    const api = await explorerApi();
    const { connection } = await sandboxOrg();
    // Only the rendered item knows its accessibility information; the class keeps it private.
    const item = (api.statusBar as unknown as { item: vscode.StatusBarItem }).item;
    await waitFor(() => item.accessibilityInformation?.label.includes(connection.label), 10_000, 'the accessible label');
    assert.doesNotMatch(item.accessibilityInformation?.label ?? '', /\$\(|cloud\)/);
  });
});
