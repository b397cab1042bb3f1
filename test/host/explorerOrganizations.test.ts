import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DEFAULT_API_KEY, DEFAULT_API_SECRET, FIXTURES } from '../../sandbox/fixtures';
import { checkCredentials } from '../../src/auth/credentialCheck';
import { ProfileStore, secretKeyFor } from '../../src/auth/orgProfile';
import { createTestClient, memoryRegistry, memoryStores, sandboxEnv, sandboxUrl, testClientSettings } from './helpers';
import { explorerApi, labelOf, sandboxOrg } from './explorerSupport';

function sandboxProfile(label: string) {
  return { label, orgId: FIXTURES.organization.id, endpoint: sandboxUrl(), metricsEndpoint: sandboxUrl(), apiKey: DEFAULT_API_KEY };
}

describe('explorer: organizations and credentials', () => {
  it('checks a key with a real request before anything is stored', async () => {
    const target = { endpoint: sandboxUrl(), metricsEndpoint: sandboxUrl(), apiKey: DEFAULT_API_KEY };
    const wrong = await checkCredentials(createTestClient, testClientSettings, { ...target, secret: 'wrong-secret' });
    assert.equal(wrong.ok, false);
    assert.match(wrong.ok ? '' : wrong.message, /rejected \(401/);
    assert.ok(!(wrong.ok ? '' : wrong.message).includes('wrong-secret'), 'the secret is never echoed');
    const right = await checkCredentials(createTestClient, testClientSettings, { ...target, secret: DEFAULT_API_SECRET });
    assert.deepEqual(right, { ok: true, organization: { orgId: FIXTURES.organization.id, name: FIXTURES.organization.displayName } });
  });

  it('keeps the secret in SecretStorage only and the profile in globalState', async () => {
    const stores = memoryStores();
    const { memento, secrets } = stores;
    const registry = memoryRegistry({}, stores);
    try {
      const connection = await registry.add(sandboxProfile('Stored sandbox'), DEFAULT_API_SECRET);
      assert.equal(connection.source, 'storage');
      assert.equal(secrets.data.get(secretKeyFor(connection.id)), DEFAULT_API_SECRET);
      const stored = JSON.stringify([...memento.data.values()]);
      assert.ok(stored.includes('Stored sandbox') && stored.includes(DEFAULT_API_KEY));
      assert.ok(!stored.includes(DEFAULT_API_SECRET), 'no secret in globalState');

      // The client reads the secret back lazily from SecretStorage.
      const page = await connection.client.serviceAccounts.listPage({ pageSize: 1 });
      assert.equal(page.items.length, 1);

      await registry.rename(connection, 'Renamed');
      assert.equal(new ProfileStore(memento, secrets).list()[0]?.label, 'Renamed');

      await registry.remove(connection);
      assert.equal(registry.list().length, 0);
      assert.equal(secrets.data.has(secretKeyFor(connection.id)), false, 'its secret is deleted');
      assert.equal(memento.data.size === 0 || new ProfileStore(memento, secrets).list().length === 0, true);
    } finally {
      registry.dispose();
    }
  });

  it('picks up organizations added and removed in another window', async () => {
    const stores = memoryStores();
    const here = memoryRegistry({}, stores);
    const there = memoryRegistry({}, stores);
    try {
      const changes: string[] = [];
      here.onDidChange((c) => changes.push(`+${c.added.length} -${c.removed.length} ~${c.updated.length}`));
      const added = await there.add(sandboxProfile('From the other window'), DEFAULT_API_SECRET);
      assert.deepEqual(here.list().map((c) => c.label), ['From the other window']);
      await there.updateApiKey(added, DEFAULT_API_KEY, DEFAULT_API_SECRET);
      await there.remove(added);
      assert.deepEqual(here.list().map((c) => c.id), []);
      assert.deepEqual(changes, ['+1 -0 ~0', '+0 -1 ~0']);
    } finally {
      here.dispose();
      there.dispose();
    }
  });

  it('the organization from environment variables is never written and cannot be removed', async () => {
    const stores = memoryStores();
    const { memento, secrets } = stores;
    const registry = memoryRegistry(sandboxEnv(), stores);
    try {
      const [connection] = registry.list();
      assert.ok(connection);
      assert.equal(connection.source, 'environment');
      assert.equal(connection.endpoint, sandboxUrl());
      assert.equal(connection.metricsEndpoint, sandboxUrl(), 'metrics follow a custom endpoint');
      assert.equal(memento.data.size, 0);
      assert.equal(secrets.data.size, 0);
      await assert.rejects(registry.remove(connection));
      const page = await connection.client.users.listPage({ pageSize: 1 });
      assert.equal(page.items.length, 1);
    } finally {
      registry.dispose();
    }
  });

  it('adds, renames and removes an organization in the running extension', async () => {
    const api = await explorerApi();
    const connection = await api.registry.add(sandboxProfile('Second sandbox'), DEFAULT_API_SECRET);
    try {
      const roots = await api.explorer.getChildren();
      const node = roots.find((r) => r.connection === connection);
      assert.ok(node, 'a root for the new organization');
      assert.equal(node.getTreeItem().contextValue, 'organization', 'stored organizations can be renamed and removed');
      // Compare IDs, never the connections: a failing assert would format the whole live object
      // graph (client, pools, VS Code proxies), which can take the extension host down. An earlier
      // test may have selected a node, so only the new, never-selected organization is ruled out.
      assert.notEqual(api.statusBar.activeConnection?.id, connection.id, 'an organization becomes active only when selected');

      await vscode.commands.executeCommand('confluentCloud.renameOrganization', node, 'Sandbox (renamed)');
      assert.equal(connection.label, 'Sandbox (renamed)');
      assert.equal(labelOf(node.getTreeItem()), 'Sandbox (renamed)');

      await vscode.commands.executeCommand('confluentCloud.removeOrganization', node, true);
      assert.ok(!(await api.explorer.getChildren()).some((r) => r.connection === connection));
      assert.equal(api.registry.get(connection.id), undefined);
    } finally {
      if (api.registry.get(connection.id)) await api.registry.remove(connection);
    }
  });

  it('the status bar shows the only organization', async () => {
    const { api, connection } = await sandboxOrg();
    assert.equal(api.registry.list().length, 1);
    assert.equal(api.statusBar.activeConnection?.id, connection.id);
  });

  it('refuses to rename the organization from environment variables', async () => {
    const { api, connection } = await sandboxOrg();
    const before = connection.label;
    await vscode.commands.executeCommand('confluentCloud.renameOrganization', api.explorer.organizationNode(connection), 'Nope');
    assert.equal(connection.label, before);
  });
});
