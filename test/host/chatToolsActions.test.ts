import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FIXTURES } from '../../sandbox/fixtures';
import { createApiKeyTool, createServiceAccountTool, deleteApiKeyTool } from '../../src/chat/actionTools';
import { grantRoleTool, revokeRoleTool } from '../../src/chat/roleActionTools';
import { ROLE_BINDING_FIXTURES } from '../../sandbox/roleBindingFixtures';
import { hostToolContext } from '../../src/chat/chatTools';
import { toLanguageModelTool } from '../../src/chat/toolAdapter';
import type { ChatToolSpec } from '../../src/chat/toolSpec';
import { RateQueue } from '../../src/metrics/rateQueue';
import { sandbox, waitFor } from './helpers';
import { assertWellFormed, invoke } from './chatToolsSupport';
import { requests, sandboxOrganization, secretTabs, useFreshSandbox } from './commandsSupport';

/** A 64-character sandbox secret would show up as a long run of its alphabet. */
const SECRET_LIKE = /[A-Za-z0-9+/]{40,}/;

/**
 * prepareInvocation called on a tool object built from the same source: vscode.lm.invokeTool runs
 * it too, but in an extension test host VS Code accepts the confirmation dialog itself and never
 * shows its text to the caller.
 */
async function confirmationOf<I extends object>(spec: ChatToolSpec<I>, input: I): Promise<{ title: string; message: string }> {
  const { api } = await sandboxOrganization();
  const tool = toLanguageModelTool(spec, hostToolContext({ registry: api.registry, metricsQueue: new RateQueue(50) }), () => undefined);
  const prepared = await tool.prepareInvocation!({ input }, new vscode.CancellationTokenSource().token);
  const messages = prepared?.confirmationMessages;
  assert.ok(messages, `${spec.name} asks for confirmation`);
  const message = typeof messages.message === 'string' ? messages.message : messages.message.value;
  assert.equal(typeof messages.message === 'string' ? undefined : messages.message.isTrusted, undefined, 'the confirmation is not trusted Markdown');
  return { title: messages.title, message };
}

describe('chat tools: act tools', () => {
  useFreshSandbox({ closeEditors: true });

  it('confirmations (prepareInvocation on the tool object) name exactly what changes and send no writes', async () => {
    const sa = await confirmationOf(createServiceAccountTool, { display_name: 'orders-producer', description: 'checkout' });
    assert.equal(sa.title, 'Create a service account?');
    assert.match(sa.message, /service account `orders-producer` with description `checkout` in organization `[^`]+`/);
    const key = await confirmationOf(createApiKeyTool, { owner: FIXTURES.paymentsServiceAccount.id, resource: FIXTURES.productionCluster.id, display_name: 'ci' });
    assert.match(key.message, /owned by service account `sa-pay0001` `payments-service` for Kafka cluster `lkc-prod01`/);
    assert.match(key.message, /never sent to the chat/);
    const cloud = await confirmationOf(createApiKeyTool, { owner: FIXTURES.user.id, resource: 'cloud' });
    assert.match(cloud.message, /owned by user `u-ada1815` `Ada Lovelace` for the Cloud APIs \(a Cloud API key, organization-wide\)/);
    const del = await confirmationOf(deleteApiKeyTool, { key: FIXTURES.paymentsServiceAccount.apiKeyIds[0] });
    assert.equal(del.title, 'Delete an API key?');
    assert.match(del.message, /Deletes API key `PAYMENTSKEY00001` `payments producer`, owned by `sa-pay0001`, for resource `lkc-prod01`,.*cannot be undone/);
    const writes = [...await requests('POST', '/iam'), ...await requests('DELETE', '/iam')];
    assert.deepEqual(writes, [], 'preparing sends nothing that changes the organization');
  });

  it('confirmations keep hostile input inert', async () => {
    const { message } = await confirmationOf(createServiceAccountTool, { display_name: '[x](command:workbench.action.quit) $(alert)' });
    assert.doesNotMatch(message, /\]\(command:|\$\(alert\)/);
  });

  it('creates a service account through the command and returns its ID', async () => {
    const text = await invoke('confluentCloud_createServiceAccount', { display_name: 'chat-created', description: 'from chat' });
    assertWellFormed(text);
    const id = text.match(/Created service account `(sa-[^`]+)` `chat-created`/)?.[1];
    assert.ok(id, text);
    const { connection } = await sandboxOrganization();
    assert.equal((await connection.client.serviceAccounts.get(id)).description, 'from chat');
    const again = await invoke('confluentCloud_createServiceAccount', { display_name: 'chat-created' });
    assert.match(again, /409:/, 'a taken name comes back as a 409 result');
  });

  it('creates an API key: the secret goes to the secret view only, never into the result', async () => {
    const text = await invoke('confluentCloud_createApiKey', {
      owner: FIXTURES.disposableServiceAccount.id, resource: FIXTURES.productionCluster.id, display_name: 'chat key',
    });
    assertWellFormed(text);
    const id = text.match(/Created API key `([^`]+)` `chat key`: owner `sa-disp001`, resource `lkc-prod01`/)?.[1];
    assert.ok(id, text);
    assert.doesNotMatch(text, SECRET_LIKE, 'no secret in the result');
    assert.match(text, /The secret is shown once in the "API Key Secret" editor tab, not here/);
    await waitFor(() => secretTabs().length === 1, 10000, 'the secret view');
    const { connection } = await sandboxOrganization();
    assert.equal((await connection.client.apiKeys.get(id)).spec.owner.id, FIXTURES.disposableServiceAccount.id);
  });

  it('deletes an API key through the command; a wrong ID is a 404 result', async () => {
    const id = FIXTURES.paymentsServiceAccount.apiKeyIds[1];
    const text = await invoke('confluentCloud_deleteApiKey', { key: id });
    assert.match(text, new RegExp(`Deleted API key \`${id}\` \\(owner \`sa-pay0001\`\\)`));
    const { connection } = await sandboxOrganization();
    await assert.rejects(connection.client.apiKeys.get(id), /404|not found/i);
    assert.match(await invoke('confluentCloud_deleteApiKey', { key: 'NOSUCHKEY0000001' }), /^404: not found/);
  });

  it('a 403 on a write is a result naming the missing role', async () => {
    await sandbox.setFaults('403@POST /iam/v2/service-accounts');
    const text = await invoke('confluentCloud_createServiceAccount', { display_name: 'not-allowed' });
    assert.match(text, /403: the signed-in key lacks AccountAdmin \(or OrganizationAdmin\)\. Don't retry\./);
    await sandbox.setFaults('403@POST /iam/v2/api-keys');
    const key = await invoke('confluentCloud_createApiKey', { owner: FIXTURES.user.id, resource: 'cloud' });
    assert.match(key, /403: the signed-in key lacks a role that can create API keys/);
    assert.equal(secretTabs().length, 0, 'no secret view for a failed create');
  });

  it('a create that fails after committing is found, not repeated, and says the secret is lost', async () => {
    await sandbox.setFaults('500-after-commit:x1@POST /iam/v2/api-keys');
    const text = await invoke('confluentCloud_createApiKey', { owner: FIXTURES.user.id, resource: 'cloud', display_name: 'after commit' });
    assert.match(text, /The API key was created despite an error, but its secret never arrived/);
    assert.equal((await requests('POST', '/iam/v2/api-keys')).length, 1, 'sent once');
    assert.doesNotMatch(text, SECRET_LIKE);
  });

  it('grant and revoke confirmations (prepareInvocation on the tool object) name principal, role, scope and binding', async () => {
    const grant = await confirmationOf(grantRoleTool, { principal: FIXTURES.disposableServiceAccount.id, role: 'DeveloperRead', cluster: FIXTURES.productionCluster.id, topic: 'orders-*' });
    assert.equal(grant.title, 'Grant a role?');
    assert.match(grant.message, /^Grants role `DeveloperRead` to `User:sa-disp001` on topics starting with `orders-` in cluster `lkc-prod01` in environment `env-prod01` in organization `[^`]+`\. CRN pattern: `crn:\/\/confluent\.cloud\/organization=[^`]+\/environment=env-prod01\/cloud-cluster=lkc-prod01\/kafka=lkc-prod01\/topic=orders-\*`\.$/);
    const revoke = await confirmationOf(revokeRoleTool, { binding: ROLE_BINDING_FIXTURES.clusterAdmin.id });
    assert.match(revoke.message, /^Removes role `CloudClusterAdmin` from `User:sa-pay0001` on cluster `lkc-prod01` in environment `env-prod01` \(binding `rb-clsadm1`\)/);
    assert.deepEqual([...await requests('POST', '/iam'), ...await requests('DELETE', '/iam')], []);
  });

  it('grants a role through Grant Role, reports an existing one, and revokes it through Revoke Role', async () => {
    const input = { principal: FIXTURES.disposableServiceAccount.id, role: 'DeveloperRead', cluster: FIXTURES.productionCluster.id, topic: 'orders-*' };
    const granted = await invoke('confluentCloud_grantRole', input);
    assertWellFormed(granted);
    const id = granted.match(/Granted `DeveloperRead` to `User:sa-disp001` on topics starting with `orders-` .*\(binding `(rb-[^`]+)`\)/)?.[1];
    assert.ok(id, granted);
    const { connection } = await sandboxOrganization();
    assert.match((await connection.client.roleBindings.get(id)).crn_pattern, /\/topic=orders-\*$/);
    assert.match(await invoke('confluentCloud_grantRole', input), new RegExp(`already has \`DeveloperRead\` .*\\(binding \`${id}\`\\); nothing was changed`));
    assert.equal((await requests('POST', '/iam/v2/role-bindings')).length, 1, 'one POST in all');
    const revoked = await invoke('confluentCloud_revokeRole', { binding: id });
    assert.match(revoked, new RegExp(`Revoked \`DeveloperRead\` from \`User:sa-disp001\` \\(binding \`${id}\`\\)`));
    await assert.rejects(connection.client.roleBindings.get(id), /404|not found/i);
    assert.match(await invoke('confluentCloud_revokeRole', { binding: id }), /^404: not found/);
  });

  it('refuses a role at the wrong level, and a 403 on a grant names the missing role', async () => {
    assert.match(await invoke('confluentCloud_grantRole', { principal: 'sa-disp001', role: 'DeveloperRead' }), /^Invalid input: `DeveloperRead` can't be granted on the organization level/);
    await sandbox.setFaults('403@POST /iam/v2/role-bindings');
    const text = await invoke('confluentCloud_grantRole', { principal: 'sa-disp001', role: 'DataDiscovery' });
    assert.match(text, /403: the signed-in key lacks a role that can manage role bindings/);
  });
});
