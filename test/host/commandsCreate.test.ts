import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FIXTURES } from '../../sandbox/fixtures';
import type { Failed } from '../../src/commands/commandOutcome';
import { asInputs } from '../../src/commands/commandTargets';
import type { PagedFolderNode } from '../../src/explorer/nodes/pagedFolderNode';
import { sandbox } from './helpers';
import { children, ids, requests, run, sandboxOrganization, useFreshSandbox, valueOf } from './commandsSupport';

const SA_PATH = '/iam/v2/service-accounts';

describe('commands: create and update', () => {
  useFreshSandbox();

  it('creates a service account from the folder node and adds it to the loaded folder in place', async () => {
    const { api, connection, org } = await sandboxOrganization();
    await children(api, org.serviceAccounts);
    const totalBefore = org.serviceAccounts.totalSize;
    const sa = valueOf(await run<{ id: string; display_name: string }>('confluentCloud.createServiceAccount', org.serviceAccounts,
      { display_name: 'orders-producer', description: 'Publishes orders' }));
    assert.equal(sa.display_name, 'orders-producer');
    const listed = await connection.client.serviceAccounts.listPage({ displayName: 'orders-producer' });
    assert.deepEqual(listed.items.map((s) => [s.id, s.description]), [[sa.id, 'Publishes orders']]);
    await sandbox.clearRequests();
    assert.ok(ids(await children(api, org.serviceAccounts)).includes(sa.id), 'the new account is in the tree');
    assert.equal((await requests('GET', SA_PATH)).length, 0, 'in place: the folder was not fetched again');
    if (totalBefore !== undefined) assert.equal(org.serviceAccounts.totalSize, totalBefore + 1);
  });

  it('validates automation input before sending anything', async () => {
    const { org } = await sandboxOrganization();
    const empty = await run('confluentCloud.createServiceAccount', org, { display_name: '  ' }) as Failed;
    assert.equal(empty.status, 'invalid');
    assert.equal(empty.field, 'display_name');
    assert.match(empty.message, /Enter a service account name/);
    const long = await run('confluentCloud.createServiceAccount', org, { display_name: 'x'.repeat(256) }) as Failed;
    assert.match(long.message, /at most 255 characters \(now 256\)/);
    const description = await run('confluentCloud.createServiceAccount', org, { display_name: 'ok', description: 'd'.repeat(300) }) as Failed;
    assert.equal(description.field, 'description');
    const email = await run('confluentCloud.inviteUser', org, { email: 'not-an-email' }) as Failed;
    assert.equal(email.status, 'invalid');
    assert.match(email.message, /not an email address/);
    assert.equal((await requests('POST', '/iam/v2/')).length, 0, 'no request was sent');
  });

  it('explains 409 on the name field with the request ID', async () => {
    const { org } = await sandboxOrganization();
    const outcome = await run('confluentCloud.createServiceAccount', org,
      { display_name: FIXTURES.paymentsServiceAccount.displayName }) as Failed;
    assert.equal(outcome.status, 'failed');
    assert.equal(outcome.httpStatus, 409);
    assert.equal(outcome.field, 'display_name');
    assert.match(outcome.message, /already exists \(409 resource_already_exists, request [^)]+\)/);
  });

  const mapped: [string, string, RegExp][] = [
    ['402', '402:x1', /reached its quota for service accounts/],
    ['403', '403:x1', /not allowed to do this; it needs the OrganizationAdmin or AccountAdmin role \(403/],
    ['422', '422:x1', /Couldn't create service account 'mapped': .*\(422/],
    ['429', '429:x4', /limiting the request rate; try again in \d+ s/],
  ];
  for (const [status, fault, expected] of mapped) {
    it(`maps ${status} to plain words`, async () => {
      const { org } = await sandboxOrganization();
      await sandbox.setFaults(`${fault}@POST ${SA_PATH}`);
      const outcome = await run('confluentCloud.createServiceAccount', org, { display_name: 'mapped' }) as Failed;
      assert.equal(outcome.status, 'failed');
      assert.equal(outcome.httpStatus, Number(status));
      assert.match(outcome.message, expected);
      assert.ok(outcome.requestId, 'the request ID is kept');
    });
  }

  it('after a 500 that was committed, finds the account instead of creating it twice', async () => {
    const { connection, org } = await sandboxOrganization();
    await sandbox.setFaults(`500-after-commit:x1@POST ${SA_PATH}`);
    const outcome = await run<{ id: string }>('confluentCloud.createServiceAccount', org, { display_name: 'committed-anyway' });
    assert.equal(outcome.status, 'done');
    assert.equal((outcome as { recovered?: boolean }).recovered, true);
    assert.equal((await requests('POST', SA_PATH)).length, 1, 'exactly one POST');
    const listed = await connection.client.serviceAccounts.listPage({ displayName: 'committed-anyway' });
    assert.equal(listed.items.length, 1);
  });

  it('after a 500 that was not committed, says so and does not re-send', async () => {
    const { connection, org } = await sandboxOrganization();
    await sandbox.setFaults(`500:x1@POST ${SA_PATH}`);
    const outcome = await run('confluentCloud.createServiceAccount', org, { display_name: 'never-made' }) as Failed;
    assert.equal(outcome.status, 'failed');
    assert.equal(outcome.lookup, 'absent');
    assert.match(outcome.message, /was not created; your input is kept/);
    assert.equal((await requests('POST', SA_PATH)).length, 1, 'exactly one POST');
    assert.equal((await connection.client.serviceAccounts.listPage({ displayName: 'never-made' })).items.length, 0);
  });

  it('after a dropped connection on an API key create, finds the key and sends one POST', async () => {
    const { connection, org } = await sandboxOrganization();
    await sandbox.setFaults('drop-after-commit:x1@POST /iam/v2/api-keys');
    const outcome = await run<{ id: string }>('confluentCloud.createApiKey', org, {
      owner: FIXTURES.disposableServiceAccount.id, resource: 'cloud', display_name: 'dropped',
    });
    assert.equal(outcome.status, 'done');
    assert.equal((outcome as { recovered?: boolean }).recovered, true);
    assert.equal((await requests('POST', '/iam/v2/api-keys')).length, 1, 'exactly one POST');
    const keys = await connection.client.apiKeys.listPage({ owner: FIXTURES.disposableServiceAccount.id });
    assert.deepEqual(keys.items.map((k) => k.spec.display_name), ['dropped']);
  });

  it('ignores a second invocation while the first is running (single flight)', async () => {
    const { connection, org } = await sandboxOrganization();
    await sandbox.setFaults(`slow=1500:x1@POST ${SA_PATH}`);
    const [first, second] = await Promise.all([
      vscode.commands.executeCommand('confluentCloud.createServiceAccount', org, { display_name: 'only-once' }),
      vscode.commands.executeCommand('confluentCloud.createServiceAccount', org, { display_name: 'only-once' }),
    ]);
    assert.equal((first as { status?: string } | undefined)?.status ?? (second as { status?: string } | undefined)?.status, 'done');
    assert.ok(first === undefined || second === undefined, 'one invocation was ignored');
    assert.equal((await requests('POST', SA_PATH)).length, 1);
    assert.equal((await connection.client.serviceAccounts.listPage({ displayName: 'only-once' })).items.length, 1);
  });

  it('edits a service account by reference and updates the tree row', async () => {
    const { api, connection, org } = await sandboxOrganization();
    await org.serviceAccounts.applyFilter(FIXTURES.disposableServiceAccount.displayName);
    await children(api, org.serviceAccounts);
    const updated = valueOf(await run<{ display_name: string; description: string }>('confluentCloud.editServiceAccount',
      { id: FIXTURES.disposableServiceAccount.id }, { description: 'Now documented' }));
    assert.equal(updated.description, 'Now documented');
    assert.equal(updated.display_name, FIXTURES.disposableServiceAccount.displayName, 'the name is untouched');
    const fetched = await connection.client.serviceAccounts.get(FIXTURES.disposableServiceAccount.id);
    assert.equal(fetched.description, 'Now documented');
    const node = (org.serviceAccounts as PagedFolderNode<{ id: string }>).findNode(FIXTURES.disposableServiceAccount.id);
    assert.equal((node?.resource as { description?: string } | undefined)?.description, 'Now documented');
    await org.serviceAccounts.applyFilter(undefined);
  });

  it('creates, renames and reports a duplicate environment', async () => {
    const { api, connection, org } = await sandboxOrganization();
    await children(api, org.environments);
    const env = valueOf(await run<{ id: string; stream_governance_config?: { package: string } }>('confluentCloud.createEnvironment', org,
      { display_name: 'staging', stream_governance_config: 'ESSENTIALS' }));
    assert.equal(env.stream_governance_config?.package, 'ESSENTIALS');
    assert.ok(ids(await children(api, org.environments)).includes(env.id));
    const duplicate = await run('confluentCloud.createEnvironment', org, { display_name: 'staging' }) as Failed;
    assert.equal(duplicate.httpStatus, 409);
    assert.match(duplicate.message, /already exists/);
    const renamed = valueOf(await run<{ display_name: string }>('confluentCloud.renameEnvironment', { id: env.id }, { display_name: 'staging-2' }));
    assert.equal(renamed.display_name, 'staging-2');
    assert.equal((await connection.client.environments.get(env.id)).display_name, 'staging-2');
    const badPackage = await run('confluentCloud.createEnvironment', org, { display_name: 'x', stream_governance_config: 'GOLD' }) as Failed;
    assert.equal(badPackage.status, 'invalid');
  });

  it('invites a user, explains that users cannot be created, and reports a duplicate invitation', async () => {
    const { connection, org } = await sandboxOrganization();
    const invitation = valueOf(await run<{ id: string; email: string }>('confluentCloud.inviteUser', org, { email: 'new.person@example.com' }));
    assert.equal(invitation.email, 'new.person@example.com');
    assert.equal((await connection.client.invitations.get(invitation.id)).email, 'new.person@example.com');
    const again = await run('confluentCloud.inviteUser', org, { email: 'new.person@example.com' }) as Failed;
    assert.equal(again.httpStatus, 409);
    const member = await run('confluentCloud.inviteUser', org, { email: FIXTURES.user.email }) as Failed;
    assert.match(member.message, /already a member/);
  });

  it('does not mistake a multi-selection (the tree\'s second argument) for automation answers', () => {
    // Plain stand-ins: the extension's nodes are instances of its own copy of the classes.
    assert.equal(asInputs([{ id: 'a' }, { id: 'b' }]), undefined);
    assert.equal(asInputs('text'), undefined);
    assert.equal(asInputs(null), undefined);
    assert.deepEqual(asInputs({ display_name: 'x' }), { display_name: 'x' });
  });

  it('renames a user', async () => {
    const { connection } = await sandboxOrganization();
    const user = valueOf(await run<{ full_name: string }>('confluentCloud.renameUser', { id: FIXTURES.user.id }, { full_name: 'Augusta Ada King' }));
    assert.equal(user.full_name, 'Augusta Ada King');
    assert.equal((await connection.client.users.get(FIXTURES.user.id)).full_name, 'Augusta Ada King');
  });
});
