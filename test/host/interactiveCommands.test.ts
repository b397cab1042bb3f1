// The create/edit commands driven through their real QuickInput boxes, as a person uses them:
// no automation input, so the form engine's interactive path (step counter, Back, validation,
// answers kept after a server error) is what runs. The extension's QuickInput factory reports
// each box it creates; the test types into it and accepts with the workbench's own commands.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FIXTURES } from '../../sandbox/fixtures';
import type { Outcome } from '../../src/commands/commandOutcome';
import { valueOf } from './commandsSupport';
import { chooseItem, settle, start, typeAndAccept, useInteractiveTests, validationText } from './frictionSupport';
import { sandbox, waitFor } from './helpers';

describe('interactive commands (real QuickInput boxes)', function () {
  this.timeout(60_000);
  const ctx = useInteractiveTests();

  it('creates a service account step by step: counter, Back keeps the typed name', async () => {
    const { org, connection } = ctx;
    const outcome = start<Outcome<{ id: string; display_name: string; description?: string }>>('confluentCloud.createServiceAccount', org.serviceAccounts);
    const name = await ctx.inputs.next('inputBox');
    assert.equal(name.step, 1);
    assert.equal(name.totalSteps, 2);
    await typeAndAccept(name, 'typed-by-hand');
    const description = await ctx.inputs.next('inputBox');
    assert.equal(description.step, 2);
    await vscode.commands.executeCommand('workbench.action.quickInputBack');
    const nameAgain = await ctx.inputs.next('inputBox');
    assert.equal(nameAgain.value, 'typed-by-hand', 'Back shows the name as typed');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await typeAndAccept(await ctx.inputs.next('inputBox'), 'entered in the form');
    const sa = valueOf(await outcome);
    const listed = await connection.client.serviceAccounts.listPage({ displayName: 'typed-by-hand' });
    assert.deepEqual(listed.items.map((s) => [s.id, s.description]), [[sa.id, 'entered in the form']]);
  });

  it('after a 409 reopens on the name with the server\'s reason, keeps the description, and the edited retry succeeds', async () => {
    const { org } = ctx;
    const outcome = start<Outcome<{ display_name: string; description?: string }>>('confluentCloud.createServiceAccount', org.serviceAccounts);
    await typeAndAccept(await ctx.inputs.next('inputBox'), FIXTURES.paymentsServiceAccount.displayName);
    await typeAndAccept(await ctx.inputs.next('inputBox'), 'kept across the retry');
    const retry = await ctx.inputs.next('inputBox');
    assert.equal(retry.step, 1, 'back on the name step');
    assert.equal(retry.value, FIXTURES.paymentsServiceAccount.displayName);
    assert.match(validationText(retry), /already exists/);
    await typeAndAccept(retry, 'payments-service-2');
    const description = await ctx.inputs.next('inputBox');
    assert.equal(description.value, 'kept across the retry', 'the other answer is kept');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const sa = valueOf(await outcome);
    assert.equal(sa.display_name, 'payments-service-2');
    assert.equal(sa.description, 'kept across the retry');
  });

  it('rejects an invalid name inline and sends nothing until it is fixed', async () => {
    const { org } = ctx;
    await sandbox.clearRequests();
    const outcome = start<Outcome<unknown>>('confluentCloud.inviteUser', org.users);
    const email = await ctx.inputs.next('inputBox');
    await typeAndAccept(email, 'not-an-email');
    await waitFor(() => /not an email address/.test(validationText(email)), 5_000, 'the inline error');
    await typeAndAccept(email, 'new.person@example.com');
    const invitation = valueOf(await outcome) as { email: string };
    assert.equal(invitation.email, 'new.person@example.com');
  });

  it('creates an environment with a Stream Governance package picked from the choice step', async () => {
    const { org, connection } = ctx;
    const outcome = start<Outcome<{ id: string }>>('confluentCloud.createEnvironment', org.environments);
    await typeAndAccept(await ctx.inputs.next('inputBox'), 'picked-by-hand');
    const packages = await ctx.inputs.next('quickPick');
    assert.equal(packages.step, 2);
    await chooseItem(packages, (item) => item.description === 'ESSENTIALS');
    const env = valueOf(await outcome);
    const fetched = await connection.client.environments.get(env.id);
    assert.equal(fetched.display_name, 'picked-by-hand');
    assert.equal(fetched.stream_governance_config?.package, 'ESSENTIALS');
  });

  it('edits a service account picked from the palette list, prefilled with its current values', async () => {
    const { connection } = ctx;
    const outcome = start<Outcome<{ id: string; display_name: string }>>('confluentCloud.editServiceAccount', { organization: connection.id });
    const picker = await ctx.inputs.next('quickPick');
    assert.equal(picker.totalSteps, 3, 'picker, name, description');
    const chosen = await chooseItem(picker, (item) => !!item.description?.startsWith('sa-'));
    const name = await ctx.inputs.next('inputBox');
    assert.equal(name.value, chosen.label, 'prefilled with the picked account\'s name');
    await typeAndAccept(name, `${chosen.label}-renamed`);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await settle();
    const updated = valueOf(await outcome);
    assert.equal(updated.id, chosen.description);
    assert.equal((await connection.client.serviceAccounts.get(updated.id)).display_name, `${chosen.label}-renamed`);
  });

  it('renames a user and edits an API key through their forms', async () => {
    const { connection } = ctx;
    const rename = start<Outcome<{ full_name: string }>>('confluentCloud.renameUser', { id: FIXTURES.user.id, organization: connection.id });
    const fullName = await ctx.inputs.next('inputBox');
    assert.equal(fullName.value, FIXTURES.user.fullName);
    await typeAndAccept(fullName, 'Augusta Ada King');
    assert.equal(valueOf(await rename).full_name, 'Augusta Ada King');

    const [keyId = ''] = FIXTURES.user.apiKeyIds;
    const edit = start<Outcome<{ spec: { display_name?: string; description?: string } }>>('confluentCloud.editApiKey', { id: keyId, organization: connection.id });
    await typeAndAccept(await ctx.inputs.next('inputBox'), 'analytics notebook');
    await typeAndAccept(await ctx.inputs.next('inputBox'), 'rotated quarterly');
    const key = valueOf(await edit);
    assert.equal(key.spec.display_name, 'analytics notebook');
    assert.equal((await connection.client.apiKeys.get(keyId)).spec.description, 'rotated quarterly');
  });
});
