// Deletes driven through their real path: the typed-name (or ID) box and the item picker are the
// real QuickInputs; the modal confirmation is answered through the dialog seam
// (src/ui/dialogs.ts), because a modal dialog cannot be clicked from an extension host.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FIXTURES } from '../../sandbox/fixtures';
import { buildCrnPattern, organizationScope } from '../../src/cloud/crn';
import type { Outcome } from '../../src/commands/commandOutcome';
import { gone, requests, valueOf } from './commandsSupport';
import { chooseItem, start, typeAndAccept, useInteractiveTests, validationText } from './frictionSupport';
import { sandbox, waitFor } from './helpers';

type Deleted = Outcome<{ id: string }>;

describe('interactive deletes (typed-name box, picker; modal answered through the dialog seam)', function () {
  this.timeout(60_000);
  const ctx = useInteractiveTests();

  it('service account: seam answers Continue…, the typed name confirms, and the account is gone', async () => {
    const sa = await ctx.connection.client.serviceAccounts.create({ display_name: 'to-be-deleted' });
    ctx.dialogs.answerNext('Continue…', (request) => {
      assert.equal(request.message, "Delete the service account 'to-be-deleted'?");
      assert.match(request.detail ?? '', /Next you type the name to confirm/);
    });
    const outcome = start<Deleted>('confluentCloud.deleteServiceAccount', { id: sa.id, organization: ctx.connection.id });
    const box = await ctx.inputs.next('inputBox');
    await typeAndAccept(box, 'to-be-deleted-not');
    await waitFor(() => /does not match/.test(validationText(box)), 5_000, 'the mismatch message');
    await typeAndAccept(box, 'to-be-deleted');
    assert.equal(valueOf(await outcome).id, sa.id);
    assert.ok(await gone(() => ctx.connection.client.serviceAccounts.get(sa.id)));
  });

  it('service account picked in the palette list: picker, seam answers Continue…, typed name', async () => {
    const sa = await ctx.connection.client.serviceAccounts.create({ display_name: 'picked-for-deletion' });
    ctx.dialogs.answerNext('Continue…');
    const outcome = start<Deleted>('confluentCloud.deleteServiceAccount', { organization: ctx.connection.id });
    const picker = await ctx.inputs.next('quickPick');
    // Not on the first page of 1,500: typing the exact name has the server find it.
    picker.value = 'picked-for-deletion';
    await chooseItem(picker, (item) => item.description === sa.id);
    await typeAndAccept(await ctx.inputs.next('inputBox'), 'picked-for-deletion');
    assert.equal(valueOf(await outcome).id, sa.id);
  });

  it('environment: seam answers Continue…, the typed name confirms', async () => {
    const env = await ctx.connection.client.environments.create({ display_name: 'short-lived' });
    ctx.dialogs.answerNext('Continue…');
    const outcome = start<Deleted>('confluentCloud.deleteEnvironment', { id: env.id, organization: ctx.connection.id });
    await typeAndAccept(await ctx.inputs.next('inputBox'), 'short-lived');
    assert.equal(valueOf(await outcome).id, env.id);
    assert.ok(await gone(() => ctx.connection.client.environments.get(env.id)));
  });

  it('user: seam answers Continue…, the typed email confirms', async () => {
    ctx.dialogs.answerNext('Continue…', (request) => assert.match(request.message, new RegExp(FIXTURES.user.email.replace(/\./g, '\\.'))));
    const outcome = start<Deleted>('confluentCloud.deleteUser', { id: FIXTURES.user.id, organization: ctx.connection.id });
    await typeAndAccept(await ctx.inputs.next('inputBox'), FIXTURES.user.email);
    assert.equal(valueOf(await outcome).id, FIXTURES.user.id);
    assert.ok(await gone(() => ctx.connection.client.users.get(FIXTURES.user.id)));
  });

  it('API key: the seam answers the one modal Delete', async () => {
    const [keyId = ''] = FIXTURES.user.apiKeyIds;
    ctx.dialogs.answerNext('Delete', (request) => assert.match(request.message, /^Delete the API key/));
    const outcome = start<Deleted>('confluentCloud.deleteApiKey', { id: keyId, organization: ctx.connection.id });
    assert.equal(valueOf(await outcome).id, keyId);
    assert.ok(await gone(() => ctx.connection.client.apiKeys.get(keyId)));
  });

  it('role binding: the seam answers the modal Revoke', async () => {
    const crn = buildCrnPattern(organizationScope(FIXTURES.organization.id));
    const sa = await ctx.connection.client.serviceAccounts.create({ display_name: 'holds-a-role' });
    const rb = await ctx.connection.client.roleBindings.create({ principal: `User:${sa.id}`, role_name: 'MetricsViewer', crn_pattern: crn });
    ctx.dialogs.answerNext('Revoke', (request) => assert.match(request.message, /^Revoke the role binding/));
    const outcome = start<Deleted>('confluentCloud.revokeRole', { id: rb.id, organization: ctx.connection.id });
    assert.equal(valueOf(await outcome).id, rb.id);
    assert.ok(await gone(() => ctx.connection.client.roleBindings.get(rb.id)));
  });

  it('Cancel in the modal (answered through the seam) deletes nothing', async () => {
    await sandbox.clearRequests();
    ctx.dialogs.answerNext(undefined);
    const outcome = await start<Deleted>('confluentCloud.deleteServiceAccount', { id: FIXTURES.disposableServiceAccount.id, organization: ctx.connection.id });
    assert.equal(outcome.status, 'cancelled');
    assert.deepEqual(await requests('DELETE', '/iam/v2/service-accounts'), []);
  });

  it('a name with a bidi override is shown with the control visible and confirmed by ID', async () => {
    const name = 'invoice\u202Etxt.exe';
    const sa = await ctx.connection.client.serviceAccounts.create({ display_name: name });
    ctx.dialogs.answerNext('Continue…', (request) => {
      assert.match(request.message, /invoice\[U\+202E\]txt\.exe/, 'the control is shown, not applied');
      assert.ok(!request.message.includes('\u202E'));
      assert.match(request.detail ?? '', new RegExp(`type its ID, ${sa.id}`));
    });
    const outcome = start<Deleted>('confluentCloud.deleteServiceAccount', { id: sa.id, organization: ctx.connection.id });
    const box = await ctx.inputs.next('inputBox');
    assert.match(box.prompt ?? '', new RegExp(`Type the ID ${sa.id} \\(its name holds hidden characters\\)`));
    await typeAndAccept(box, name);
    await waitFor(() => /does not match the ID/.test(validationText(box)), 5_000, 'the name is not accepted');
    await typeAndAccept(box, sa.id);
    assert.equal(valueOf(await outcome).id, sa.id);
  });

  it('a 255-character name is confirmed by ID, not typed blind', async () => {
    const name = `long-${'x'.repeat(250)}`;
    const sa = await ctx.connection.client.serviceAccounts.create({ display_name: name });
    ctx.dialogs.answerNext('Continue…');
    const outcome = start<Deleted>('confluentCloud.deleteServiceAccount', { id: sa.id, organization: ctx.connection.id });
    const box = await ctx.inputs.next('inputBox');
    assert.match(box.prompt ?? '', /too long to type/);
    assert.equal(box.placeholder, sa.id);
    await typeAndAccept(box, sa.id);
    assert.equal(valueOf(await outcome).id, sa.id);
  });

  it('the modal Edit and Retry (answered through the seam) reopens the form with the answers kept', async () => {
    await sandbox.setFaults('402:x1@POST /iam/v2/service-accounts');
    ctx.dialogs.answerNext('Edit and Retry', (request) => {
      assert.equal(request.severity, 'error');
      assert.match(request.message, /quota/);
    });
    const outcome = start<Outcome<{ display_name: string; description?: string }>>('confluentCloud.createServiceAccount', ctx.org.serviceAccounts);
    await typeAndAccept(await ctx.inputs.next('inputBox'), 'retry-after-quota');
    await typeAndAccept(await ctx.inputs.next('inputBox'), 'kept');
    const name = await ctx.inputs.next('inputBox');
    assert.equal(name.value, 'retry-after-quota', 'the form reopens with the name');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const description = await ctx.inputs.next('inputBox');
    assert.equal(description.value, 'kept');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    assert.equal(valueOf(await outcome).display_name, 'retry-after-quota');
    assert.ok(ctx.dialogs.drained);
  });
});
