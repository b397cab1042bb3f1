// Grant Role…, Revoke Role…, Onboard an Application… and Copy CRN Pattern in the real extension
// host against the sandbox: automation input (the chat's contract) and the interactive QuickInput
// path, counting the requests the sandbox saw.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FIXTURES } from '../../sandbox/fixtures';
import { ROLE_BINDING_FIXTURES } from '../../sandbox/roleBindingFixtures';
import type { Outcome } from '../../src/commands/commandOutcome';
import type { ExtensionApi } from '../../src/extension';
import type { ExplorerNode } from '../../src/explorer/nodes/explorerNode';
import { children, closeEditors, freshSandbox, requests, run, sandboxOrganization, secretTabs, valueOf } from './commandsSupport';
import { chooseItem, DialogLog, InputLog, settle } from './frictionSupport';
import { sandbox, waitFor } from './helpers';

const BINDINGS = '/iam/v2/role-bindings';
const PROD_KAFKA = `${ROLE_BINDING_FIXTURES.crn.productionCluster}/kafka=${FIXTURES.productionCluster.id}`;

interface Binding { id: string; principal: string; role_name: string; crn_pattern: string; existing?: true }

async function find(api: ExtensionApi, parent: ExplorerNode, kind: ExplorerNode['kind'], id?: string): Promise<ExplorerNode> {
  const found = (await children(api, parent)).find((n) => n.kind === kind && (id === undefined || ('resourceId' in n && n.resourceId === id)));
  assert.ok(found, `a ${kind}${id ? ` ${id}` : ''}`);
  return found;
}

describe('Access commands', function () {
  this.timeout(90_000);

  beforeEach(async () => {
    await freshSandbox();
  });
  afterEach(async () => {
    await sandbox.setFaults('');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await closeEditors();
  });

  it('grants from automation with exactly one POST, and reports an existing binding without a second', async () => {
    const { connection } = await sandboxOrganization();
    const crn = `${PROD_KAFKA}/topic=orders-*`;
    const inputs = { principal: `User:${FIXTURES.disposableServiceAccount.id}`, role_name: 'DeveloperRead', crn_pattern: crn };
    const rb = valueOf(await run<Binding>('confluentCloud.grantRole', { organization: connection.id }, inputs));
    assert.equal(rb.principal, inputs.principal);
    assert.equal(rb.crn_pattern, crn);
    assert.equal((await requests('POST', BINDINGS)).length, 1);
    const again = valueOf(await run<Binding>('confluentCloud.grantRole', { organization: connection.id }, inputs));
    assert.equal(again.id, rb.id);
    assert.equal(again.existing, true, 'reported as already there');
    assert.equal((await requests('POST', BINDINGS)).length, 1, 'no second POST');
  });

  it('refuses a malformed pattern or a role not allowed there before any request', async () => {
    const { connection } = await sandboxOrganization();
    await sandbox.clearRequests();
    const bad = await run('confluentCloud.grantRole', { organization: connection.id }, {
      principal: 'User:sa-disp001', role_name: 'DeveloperRead', crn_pattern: `${ROLE_BINDING_FIXTURES.crn.organization}/cloud-cluster=lkc-prod01`,
    });
    assert.equal(bad.status, 'invalid');
    assert.match((bad as { message: string }).message, /cloud-cluster must come after environment/);
    const wrongRole = await run('confluentCloud.grantRole', { organization: connection.id }, {
      principal: 'User:sa-disp001', role_name: 'EnvironmentAdmin', crn_pattern: `${PROD_KAFKA}/topic=orders`,
    });
    assert.equal(wrongRole.status, 'invalid');
    assert.match((wrongRole as { message: string }).message, /can't be granted at this scope/);
    assert.equal((await requests('GET', BINDINGS)).length + (await requests('POST', BINDINGS)).length, 0);
  });

  it('grants from scope parts (the cluster\'s environment found by walking environments)', async () => {
    const { connection } = await sandboxOrganization();
    const rb = valueOf(await run<Binding>('confluentCloud.grantRole', { organization: connection.id }, {
      principal: 'sa-disp001', role_name: 'DeveloperRead', cluster: FIXTURES.productionCluster.id, consumer_group: 'orders-app',
    }));
    assert.equal(rb.principal, 'User:sa-disp001');
    assert.equal(rb.crn_pattern, `${PROD_KAFKA}/group=orders-app`);
  });

  it('revokes with one DELETE and the loaded Access folder updates in place', async () => {
    const { api, org, connection } = await sandboxOrganization();
    await find(api, org, 'serviceAccountsFolder');
    const sa = await find(api, org.serviceAccounts, 'serviceAccount', FIXTURES.disposableServiceAccount.id);
    const access = await find(api, sa, 'accessFolder');
    const before = (await children(api, access)).filter((n) => n.kind === 'roleBinding');
    assert.equal(before.length, 1, 'sa-disp001 has exactly one binding');
    const target = before[0] as ExplorerNode & { resourceId: string };
    await sandbox.clearRequests();
    valueOf(await run('confluentCloud.revokeRole', { id: target.resourceId, organization: connection.id }, { confirm: true }));
    assert.equal((await requests('DELETE', BINDINGS)).length, 1);
    await sandbox.clearRequests();
    const after = await children(api, access);
    assert.equal(after.filter((n) => n.kind === 'roleBinding').length, 0);
    assert.equal((await requests('GET', BINDINGS)).length, 0, 'updated in place, not refetched');
  });

  it('a grant lands in a loaded Access folder that lists the principal', async () => {
    const { api, org } = await sandboxOrganization();
    await find(api, org, 'serviceAccountsFolder');
    const sa = await find(api, org.serviceAccounts, 'serviceAccount', FIXTURES.disposableServiceAccount.id);
    const access = await find(api, sa, 'accessFolder');
    await children(api, access);
    const rb = valueOf(await run<Binding>('confluentCloud.grantRole', sa, { role_name: 'EnvironmentAdmin', environment: FIXTURES.productionEnvironment.id }));
    assert.ok((await children(api, access)).some((n) => 'resourceId' in n && n.resourceId === rb.id));
  });

  it('copies a binding\'s CRN pattern', async () => {
    const { api, org } = await sandboxOrganization();
    await find(api, org, 'serviceAccountsFolder');
    const sa = await find(api, org.serviceAccounts, 'serviceAccount', FIXTURES.disposableServiceAccount.id);
    const access = await find(api, sa, 'accessFolder');
    const node = (await children(api, access)).find((n) => n.kind === 'roleBinding') as ExplorerNode & { resource: Binding };
    const text = await vscode.commands.executeCommand<string>('confluentCloud.copyCrnPattern', node);
    assert.equal(text, node.resource.crn_pattern);
    assert.equal(await vscode.env.clipboard.readText(), node.resource.crn_pattern);
  });

  it('onboards an application: account, bindings and key, then the secret view', async () => {
    const { connection } = await sandboxOrganization();
    const outcome = valueOf(await run<{ serviceAccount: { id: string }; bindings: Binding[]; apiKey: { id: string; spec: { secret?: string } } }>(
      'confluentCloud.onboardApplication', { organization: connection.id }, {
        display_name: 'orders-app', cluster: FIXTURES.productionCluster.id, environment: FIXTURES.productionEnvironment.id,
        access: 'readWrite', topic_match: 'prefix', topic: 'orders-', consumer_group: 'orders-app',
      },
    ));
    assert.deepEqual(outcome.bindings.map((b) => [b.role_name, b.crn_pattern.split('/').pop()]).sort(), [
      ['DeveloperRead', 'group=orders-app'], ['DeveloperRead', 'topic=orders-*'], ['DeveloperWrite', 'topic=orders-*'],
    ]);
    assert.ok(outcome.bindings.every((b) => b.principal === `User:${outcome.serviceAccount.id}`));
    assert.equal(outcome.apiKey.spec.secret, undefined, 'no secret in the outcome');
    assert.equal((await requests('POST', '/iam/v2/service-accounts')).length, 1);
    assert.equal((await requests('POST', BINDINGS)).length, 3);
    assert.equal((await requests('POST', '/iam/v2/api-keys')).length, 1);
    await waitFor(() => secretTabs().length === 1, 10_000, 'the secret view');
  });

  it('onboarding that fails part-way finishes without creating anything twice', async () => {
    const { connection } = await sandboxOrganization();
    await sandbox.setFaults('500:x1@POST /iam/v2/api-keys');
    const outcome = valueOf(await run<{ serviceAccount: { id: string }; bindings: Binding[] }>('confluentCloud.onboardApplication', { organization: connection.id }, {
      display_name: 'retry-app', cluster: FIXTURES.productionCluster.id, environment: FIXTURES.productionEnvironment.id,
      access: 'write', topic: 'retry-topic', on_failure: 'finish',
    }));
    assert.equal(outcome.bindings.length, 1);
    assert.equal((await requests('POST', '/iam/v2/service-accounts')).length, 1, 'one account');
    assert.equal((await requests('POST', BINDINGS)).length, 1, 'one binding');
    assert.equal((await requests('POST', '/iam/v2/api-keys')).filter((r) => r.status < 300).length, 1, 'one key made');
  });

  it('onboarding that fails part-way can delete what it created, and says what that was', async () => {
    const { connection } = await sandboxOrganization();
    await sandbox.setFaults('500@POST /iam/v2/api-keys');
    const outcome = await run('confluentCloud.onboardApplication', { organization: connection.id }, {
      display_name: 'doomed-app', cluster: FIXTURES.productionCluster.id, environment: FIXTURES.productionEnvironment.id,
      access: 'read', topic: 'doomed', consumer_group: 'doomed-group', on_failure: 'delete',
    });
    assert.equal(outcome.status, 'failed');
    const message = (outcome as { message: string }).message;
    assert.match(message, /service account 'doomed-app' \(sa-/);
    assert.match(message, /DeveloperRead binding rb-/);
    assert.match(message, /deleted again/);
    assert.equal((await connection.client.serviceAccounts.listPage({ displayName: 'doomed-app' })).items.length, 0);
  });

  describe('confirmations and offers (through the dialog seam)', () => {
    let dialogs: DialogLog;
    beforeEach(async () => {
      dialogs = new DialogLog((await sandboxOrganization()).api);
    });
    afterEach(() => dialogs.dispose());

    it('Revoke Role… names principal, role and scope in the confirmation; Cancel sends nothing, Revoke one DELETE', async () => {
      const { connection } = await sandboxOrganization();
      const rb = ROLE_BINDING_FIXTURES.prefixTopic;
      await sandbox.clearRequests();
      let shown = '';
      dialogs.answerNext(undefined, (r) => {
        shown = `${r.message}\n${r.detail ?? ''}`;
      });
      assert.equal((await run('confluentCloud.revokeRole', { id: rb.id, organization: connection.id })).status, 'cancelled');
      assert.match(shown, /^Revoke the role binding/);
      assert.match(shown, /Principal: payments-service \(User:sa-pay0001\)/);
      assert.match(shown, /Role: DeveloperRead/);
      assert.match(shown, /Scope: topics starting with 'payments-' · orders-prod \(Production\)/);
      assert.equal((await requests('DELETE', BINDINGS)).length, 0);
      dialogs.answerNext('Revoke');
      valueOf(await run('confluentCloud.revokeRole', { id: rb.id, organization: connection.id }));
      assert.equal((await requests('DELETE', BINDINGS)).length, 1);
    });

    it('deleting a service account lists its role bindings in the confirmation', async () => {
      const { connection } = await sandboxOrganization();
      let detail = '';
      dialogs.answerNext(undefined, (r) => {
        detail = r.detail ?? '';
      });
      const outcome = await run('confluentCloud.deleteServiceAccount', { id: FIXTURES.disposableServiceAccount.id, organization: connection.id });
      assert.equal(outcome.status, 'cancelled');
      assert.match(detail, /Role bindings: 1, removed with it:/);
      assert.match(detail, /MetricsViewer on the organization/);
    });

    it('after Create API Key on a cluster where the owner has no role, offers Grant Access…; not where it has one', async () => {
      const { connection } = await sandboxOrganization();
      // Its only binding (MetricsViewer on the organization) covers every cluster: without it, none does.
      valueOf(await run('confluentCloud.revokeRole', { id: ROLE_BINDING_FIXTURES.disposable.id, organization: connection.id }, { confirm: true }));
      valueOf(await run('confluentCloud.createApiKey', { organization: connection.id }, { owner: FIXTURES.disposableServiceAccount.id, resource: FIXTURES.productionCluster.id }));
      const offer = await waitFor(() => dialogs.notifications('info').find((r) => /has no role on cluster/.test(r.message)), 10_000, 'the offer');
      assert.deepEqual(offer.items, ['Grant Access…']);
      assert.match(offer.message, /'disposable-service' has no role on cluster 'orders-prod'/);
      await closeEditors();
      const before = dialogs.shown.length;
      await sandbox.clearRequests();
      valueOf(await run('confluentCloud.createApiKey', { organization: connection.id }, { owner: FIXTURES.paymentsServiceAccount.id, resource: FIXTURES.productionCluster.id }));
      await waitFor(async () => (await requests('GET', BINDINGS)).length >= 1, 10_000, 'the second check');
      await settle();
      assert.ok(!dialogs.shown.slice(before).some((r) => /has no role/.test(r.message)), 'payments-service has CloudClusterAdmin there');
    });

    it('Copy as CLI Command on a binding row gives the confluent command for it', async () => {
      const { api, org } = await sandboxOrganization();
      await find(api, org, 'serviceAccountsFolder');
      const sa = await find(api, org.serviceAccounts, 'serviceAccount', FIXTURES.disposableServiceAccount.id);
      const node = (await children(api, await find(api, sa, 'accessFolder'))).find((n) => n.kind === 'roleBinding');
      const text = await vscode.commands.executeCommand<string>('confluentCloud.copyAsCliCommand', node);
      assert.equal(text, 'confluent iam rbac role-binding create --principal User:sa-disp001 --role MetricsViewer');
    });
  });

  describe('interactive (real QuickInput boxes)', () => {
    let inputs: InputLog;

    beforeEach(async () => {
      const { api } = await sandboxOrganization();
      inputs = new InputLog(api);
    });
    afterEach(() => inputs.dispose());

    it('grants on a service account: scope, cluster, prefix typed and checked inline, roles of that level, a confirmation, one POST', async () => {
      const { api, org } = await sandboxOrganization();
      await find(api, org, 'serviceAccountsFolder');
      const sa = await find(api, org.serviceAccounts, 'serviceAccount', FIXTURES.disposableServiceAccount.id);
      await sandbox.clearRequests();
      const outcome = Promise.resolve(vscode.commands.executeCommand<Outcome<Binding>>('confluentCloud.grantRole', sa));
      await chooseItem(await inputs.next('quickPick'), (i) => i.label === 'Topics starting with…');
      await chooseItem(await inputs.next('quickPick'), (i) => i.description === FIXTURES.productionCluster.id);
      const prefix = await inputs.next('inputBox');
      prefix.value = 'bad prefix';
      await settle();
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await waitFor(() => {
        const m = prefix.validationMessage;
        return /letters, digits/.test(typeof m === 'string' ? m : m?.message ?? '');
      }, 5_000, 'the inline error');
      prefix.value = 'orders-';
      await settle();
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      const roles = await inputs.next('quickPick');
      await waitFor(() => roles.items.length > 0, 5_000, 'roles');
      assert.ok(roles.items.every((i) => !['EnvironmentAdmin', 'OrganizationAdmin', 'CloudClusterAdmin'].includes(i.label)), 'only topic-level roles');
      await chooseItem(roles, (i) => i.label === 'DeveloperRead');
      const confirm = await inputs.next('quickPick');
      const detail = await waitFor(() => confirm.items[0]?.detail, 5_000, 'the confirmation');
      assert.match(detail, /Grant DeveloperRead to disposable-service on topics starting with 'orders-' · orders-prod \(Production\)/);
      assert.equal((await requests('POST', BINDINGS)).length, 0, 'nothing sent before the confirmation');
      await chooseItem(confirm, (i) => i.label === 'Grant');
      const rb = valueOf(await outcome);
      assert.equal(rb.crn_pattern, `${PROD_KAFKA}/topic=orders-*`);
      const posts = await requests('POST', BINDINGS);
      assert.equal(posts.length, 1);
    });
  });
});
