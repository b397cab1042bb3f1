import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FIXTURES } from '../../sandbox/fixtures';
import type { ApiKey } from '../../src/cloud/schemas/apiKey';
import type { RotationResult } from '../../src/commands/apiKeyRotation';
import { SecretPanel } from '../../src/secretPanel/secretPanel';
import { waitFor } from './helpers';
import { child, children, ids, run, sandboxOrganization, secretTabs, useFreshSandbox, valueOf } from './commandsSupport';

describe('commands: API keys', () => {
  useFreshSandbox({ closeEditors: true });

  it('creates a cluster key for a service account node, shows the secret once, and never returns it', async () => {
    const { api, connection, org } = await sandboxOrganization();
    const sa = FIXTURES.disposableServiceAccount;
    await org.serviceAccounts.applyFilter(sa.displayName);
    const saNode = child(await children(api, org.serviceAccounts), 'serviceAccount', sa.id);
    const keysFolder = child(await children(api, saNode), 'apiKeysFolder');
    assert.deepEqual(ids(await children(api, keysFolder)), []);

    const key = valueOf(await run<ApiKey>('confluentCloud.createApiKey', saNode, {
      resource: FIXTURES.productionCluster.id, environment: FIXTURES.productionEnvironment.id, display_name: 'orders-consumer',
    }));
    assert.equal(key.spec.secret, undefined, 'the result carries no secret');
    assert.equal(key.spec.owner.id, sa.id);
    assert.equal(key.spec.resource?.id, FIXTURES.productionCluster.id);
    const stored = await connection.client.apiKeys.get(key.id);
    assert.equal(stored.spec.display_name, 'orders-consumer');
    assert.deepEqual(ids(await children(api, keysFolder)), [key.id], 'the key appears under its owner');
    await waitFor(() => secretTabs().length === 1, 10000, 'the secret view');
    await org.serviceAccounts.applyFilter(undefined);
  });

  it('creates a Cloud API key from a reference (palette-style owner first)', async () => {
    const { connection } = await sandboxOrganization();
    const key = valueOf(await run<ApiKey>('confluentCloud.createApiKey', { organization: connection.id },
      { owner: FIXTURES.user.id, resource: null, display_name: 'ops', description: 'Cloud API access' }));
    assert.equal(key.spec.resource ?? null, null);
    assert.equal((await connection.client.apiKeys.get(key.id)).spec.description, 'Cloud API access');
  });

  it('edits a key\'s name and description', async () => {
    const { connection } = await sandboxOrganization();
    const id = FIXTURES.paymentsServiceAccount.apiKeyIds[0];
    const key = valueOf(await run<ApiKey>('confluentCloud.editApiKey', { id }, { display_name: 'renamed', description: 'new text' }));
    assert.equal(key.spec.display_name, 'renamed');
    assert.equal((await connection.client.apiKeys.get(id)).spec.description, 'new text');
  });

  it('rotates a key: new key for the same owner and resource, old one deleted once confirmed', async () => {
    const { connection } = await sandboxOrganization();
    const oldId = FIXTURES.paymentsServiceAccount.apiKeyIds[0];
    const old = await connection.client.apiKeys.get(oldId);
    const result = valueOf(await run<RotationResult>('confluentCloud.rotateApiKey', { id: oldId }, { deleteOld: true }));
    assert.equal(result.oldKeyDeleted, true);
    assert.equal(result.newKey.spec.owner.id, old.spec.owner.id);
    assert.equal(result.newKey.spec.resource?.id, old.spec.resource?.id);
    assert.match(result.newKey.spec.display_name ?? '', /\(rotated \d{4}-\d{2}-\d{2}\)$/);
    assert.equal(result.newKey.spec.description ?? '', old.spec.description ?? '');
    await assert.rejects(connection.client.apiKeys.get(oldId), /404|not found/i);
  });

  it('rotation keeps both keys when the user has not confirmed', async () => {
    const { connection } = await sandboxOrganization();
    const oldId = FIXTURES.paymentsServiceAccount.apiKeyIds[1];
    const result = valueOf(await run<RotationResult>('confluentCloud.rotateApiKey', { id: oldId }, { deleteOld: false }));
    assert.equal(result.oldKeyDeleted, false);
    await connection.client.apiKeys.get(oldId);
    await connection.client.apiKeys.get(result.newKey.id);
  });

  it('the secret view copies and inserts the snippet at the cursor, then forgets the secret', async () => {
    const { api } = await sandboxOrganization();
    const document = await vscode.workspace.openTextDocument({ content: 'before\n', language: 'plaintext' });
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(1, 0, 1, 0);
    const secret = 'test-secret-"quoted"';
    const panel = new SecretPanel({ log: { warn: () => undefined } as unknown as vscode.LogOutputChannel, extensionUri: vscode.extensions.getExtension('cc-explorer.confluent-cloud-explorer')!.extensionUri }, {
      apiKey: 'TESTKEY000000001', displayName: 'demo', owner: 'service account demo', resource: 'Kafka cluster',
      bootstrapEndpoint: 'SASL_SSL://pkc-1.example.com:9092',
    }, secret);
    assert.ok(api);
    await panel.handle({ type: 'copy', what: 'secret' });
    assert.equal(await vscode.env.clipboard.readText(), secret);
    await panel.handle({ type: 'insert', format: 'dotenv' });
    const text = document.getText();
    assert.match(text, /^before\n# Confluent Cloud API key TESTKEY000000001 \(demo\)/);
    assert.match(text, /CONFLUENT_API_SECRET="test-secret-\\"quoted\\""/);
    assert.match(text, /BOOTSTRAP_SERVERS=pkc-1\.example\.com:9092/);
    panel.dispose();
    assert.equal(panel.isOpen, false);
    await vscode.env.clipboard.writeText('');
  });
});
