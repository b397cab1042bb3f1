import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { FIXTURES } from '../../sandbox/fixtures';
import type { ResourceNode } from '../../src/explorer/nodes/explorerNode';
import { activateExtension, manifest, sandbox, waitFor } from './helpers';

const SA = FIXTURES.paymentsServiceAccount;
const ORG = FIXTURES.organization.id;
// A secret in the 2025 format (cflt + 60 characters); only its key ID is ever looked up.
const SECRET = `cflt${'Ab3+/xYz9Q'.repeat(6)}`;
const TERRAFORM = [
  'resource "confluent_api_key" "payments" {',
  `  owner_id   = "${SA.id}"`,
  `  ghost      = "sa-gone0001"`,
  `  crn        = "crn://confluent.cloud/organization=${ORG}/environment=${FIXTURES.productionEnvironment.id}/cloud-cluster=${FIXTURES.productionCluster.id}"`,
  `  api_key    = "${SA.apiKeyIds[0]}"`,
  `  api_secret = "${SECRET}"`,
  '  next       = "sa-',
  '}',
  '',
].join('\n');

function positionOf(document: vscode.TextDocument, text: string, delta = 1): vscode.Position {
  const offset = document.getText().indexOf(text);
  assert.ok(offset >= 0, `${text} is in the document`);
  return document.positionAt(offset + delta);
}

function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

describe('code insight: IDs, CRNs and secrets in open documents', () => {
  let dir: string;
  let document: vscode.TextDocument;

  before(async () => {
    await sandbox.reset();
    await sandbox.setFaults('');
    await activateExtension();
    dir = mkdtempSync(join(tmpdir(), 'ccx-insight-'));
    const file = join(dir, 'main.tf');
    writeFileSync(file, TERRAFORM);
    document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    await vscode.window.showTextDocument(document);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // The workbench may still be writing into the folder as its editors close: retry on ENOTEMPTY.
    rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  });

  it('hover on a service account ID shows its name, organization and allow-listed command links', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, SA.id, 3));
    const text = hoverText(hovers);
    assert.match(text, /payments\\-service/, 'the display name (escaped)');
    assert.match(text, /Sandbox Organization/);
    assert.match(text, /command:confluentCloud\.revealResource\?/);
    assert.match(text, /command:confluentCloud\.copyAsTerraform\?/);
  });

  it('hover on an API key shows its owner by name and a Rotate link', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, SA.apiKeyIds[0], 2));
    const text = hoverText(hovers);
    assert.match(text, /\*\*Owner:\*\* payments\\-service \\\(sa\\-pay0001\\\)/);
    assert.match(text, /command:confluentCloud\.rotateApiKey\?/);
  });

  it('document links on IDs and CRNs open the resource in the explorer', async () => {
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', document.uri);
    const targets = links.map((l) => decodeURIComponent(l.target?.toString(true) ?? ''));
    assert.ok(targets.some((t) => t.startsWith('command:confluentCloud.revealResource') && t.includes(`"id":"${SA.id}"`)), targets.join('\n'));
    assert.ok(targets.some((t) => t.includes(`"id":"${FIXTURES.productionCluster.id}"`)), 'the CRN links to its innermost resource');
  });

  it('the reveal command finds the node and selects it in the tree', async () => {
    const node = await vscode.commands.executeCommand<ResourceNode<{ id: string }> | undefined>('confluentCloud.revealResource', { id: SA.id, kind: 'serviceAccount' });
    assert.equal(node?.resourceId, SA.id);
  });

  it('the Problems panel shows the plain-text secret and the unknown service account', async () => {
    const diagnostics = await waitFor(() => {
      const all = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'Confluent Cloud');
      return all.length >= 2 ? all : undefined;
    }, 15000, 'code insight diagnostics');
    const messages = diagnostics.map((d) => d.message);
    assert.ok(messages.includes(`API secret in plain text for key ${SA.apiKeyIds[0]} owned by payments-service (Sandbox Organization).`), messages.join('\n'));
    assert.ok(messages.some((m) => m.startsWith('service account sa-gone0001 does not exist in Sandbox Organization')), messages.join('\n'));
    assert.ok(!messages.some((m) => m.includes(SECRET.slice(4, 24))), 'the secret is not in any message');
    const secret = diagnostics.find((d) => d.code === 'plaintextSecret');
    assert.equal(secret?.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(document.getText(secret?.range), SECRET);
  });

  it('completion after sa- offers service accounts by name and inserts the ID', async () => {
    const line = document.lineAt(positionOf(document, 'next').line);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, line.range.end);
    const item = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'payments-service');
    assert.ok(item, 'payments-service is offered');
    assert.equal(item.insertText, SA.id);
  });

  it('CRN completion after crn://confluent.cloud/organization=<org>/ offers environments', async () => {
    const edit = new vscode.WorkspaceEdit();
    const end = document.lineAt(document.lineCount - 1).range.end;
    edit.insert(document.uri, end, `x = "crn://confluent.cloud/organization=${ORG}/`);
    assert.ok(await vscode.workspace.applyEdit(edit));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, document.lineAt(document.lineCount - 1).range.end);
    const inserts = list.items.map((i) => String(typeof i.insertText === 'string' ? i.insertText : i.insertText?.value));
    assert.ok(inserts.includes(`environment=${FIXTURES.productionEnvironment.id}`), inserts.slice(0, 10).join(', '));
  });

  it('quick fixes on the secret: Rotate, Delete, and replacing it with a variable reference', async () => {
    const diagnostic = vscode.languages.getDiagnostics(document.uri).find((d) => d.code === 'plaintextSecret');
    assert.ok(diagnostic);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range);
    const titles = actions.map((a) => a.title);
    const ours = actions;
    assert.ok(titles.includes('Rotate API Key…'), titles.join(', '));
    assert.ok(titles.includes('Delete API Key…'));
    const rotate = ours.find((a) => a.title === 'Rotate API Key…');
    const ref = rotate?.command?.arguments?.[0] as { id?: string; organization?: string } | undefined;
    assert.equal(ref?.id, SA.apiKeyIds[0]);
    assert.equal(typeof ref?.organization, 'string', 'the organization the key was found in');
    const replace = ours.find((a) => a.title.startsWith('Replace with an environment variable reference'));
    assert.ok(replace?.edit, titles.join(', '));
    assert.ok(await vscode.workspace.applyEdit(replace.edit));
    assert.ok(!document.getText().includes(SECRET));
    assert.match(document.getText(), /api_secret = var\.confluent_api_secret/);
    await waitFor(() => !vscode.languages.getDiagnostics(document.uri).some((d) => d.code === 'plaintextSecret'), 10000, 'the warning to clear');
  });

  it('Copy as Terraform / CLI Command from a hover link puts the block and its import on the clipboard', async () => {
    const hcl = await vscode.commands.executeCommand<string>('confluentCloud.copyAsTerraform', { id: SA.id, kind: 'serviceAccount' });
    assert.match(hcl, /resource "confluent_service_account" "payments_service"/);
    assert.match(hcl, /import \{\s+to = confluent_service_account\.payments_service\s+id = "sa-pay0001"/);
    assert.equal(await vscode.env.clipboard.readText(), hcl);
    const crn = await vscode.commands.executeCommand<string>('confluentCloud.copyResourceCrn', { id: SA.id, kind: 'serviceAccount' });
    assert.match(crn, new RegExp(`^crn://confluent\\.cloud/organization=${ORG}/service-account=${SA.id}$`));
    const cli = await vscode.commands.executeCommand<string>('confluentCloud.copyAsCliCommand', { id: FIXTURES.productionCluster.id, kind: 'kafkaCluster' });
    assert.match(cli, /^confluent kafka cluster create orders-prod --cloud aws --region us-east-1 --type dedicated/);
  });

  it('Copy as Terraform works on a tree node and accepts a role binding', async () => {
    const node = await vscode.commands.executeCommand<ResourceNode<{ id: string }> | undefined>('confluentCloud.revealResource', { id: SA.apiKeyIds[0], kind: 'apiKey' });
    assert.ok(node);
    const hcl = await vscode.commands.executeCommand<string>('confluentCloud.copyAsTerraform', node);
    assert.match(hcl, /resource "confluent_api_key"/);
    assert.match(hcl, new RegExp(`id = "${FIXTURES.productionEnvironment.id}/${SA.apiKeyIds[0]}"`));
    const rb = await vscode.commands.executeCommand<string>('confluentCloud.copyAsCliCommand', {
      id: 'rb-abc123', principal: `User:${SA.id}`, role_name: 'DeveloperRead',
      crn_pattern: `crn://confluent.cloud/organization=${ORG}/environment=env-prod01/cloud-cluster=lkc-prod01/kafka=lkc-prod01/topic=orders`,
    });
    assert.equal(rb, `confluent iam rbac role-binding create --principal User:${SA.id} --role DeveloperRead --environment env-prod01 --cloud-cluster lkc-prod01 --kafka-cluster lkc-prod01 --resource Topic:orders`);
  });

  it('Review API Keys lists keys with flags and exports CSV', async () => {
    const report = await vscode.commands.executeCommand<{ rows: { keyId: string; flags: string[] }[] }>('confluentCloud.reviewApiKeys');
    assert.ok(report.rows.length > 0);
    assert.ok(report.rows.find((r) => r.keyId === FIXTURES.user.apiKeyIds[0])?.flags.includes('personalClusterKey'));
    const target = vscode.Uri.file(join(dir, 'keys.csv'));
    await vscode.commands.executeCommand('confluentCloud.keyReview.exportCsv', target);
    const csv = readFileSync(target.fsPath, 'utf8');
    assert.match(csv, /^organization,key,display_name,owner_id,owner_name,resource,created_at,age_days,last_activity,role_bindings,flags\r\n/);
    assert.ok(csv.includes(SA.apiKeyIds[0]));
  });

  it('contributes its commands, the rotation setting and the tree menu entries; quick fixes name real commands', async () => {
    const ext = await activateExtension();
    const m = manifest(ext) as ReturnType<typeof manifest> & { contributes: { configuration: { properties: Record<string, { default?: unknown }> }; menus: Record<string, { command: string; when?: string }[]> } };
    const commands = new Set(m.contributes?.commands?.map((c) => c.command));
    for (const id of ['confluentCloud.copyAsTerraform', 'confluentCloud.copyAsCliCommand', 'confluentCloud.reviewApiKeys', 'confluentCloud.rotateApiKey', 'confluentCloud.deleteApiKey']) {
      assert.ok(commands.has(id), id);
    }
    assert.equal(m.contributes.configuration.properties['confluentCloud.apiKeys.rotationDays']?.default, 90);
    const menu = m.contributes.menus['view/item/context'] ?? [];
    assert.ok(menu.some((e) => e.command === 'confluentCloud.copyAsTerraform' && /serviceAccount/.test(e.when ?? '')));
  });
});
