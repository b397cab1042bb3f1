// Grant and revoke below the vscode.lm API: confirmations and the command call, with the sandbox
// for reads and `executeCommand` stubbed (the role binding commands run in a VS Code host).
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { FIXTURES } from '../../../sandbox/fixtures';
import { ROLE_BINDING_FIXTURES } from '../../../sandbox/roleBindingFixtures';
import { startSandbox, type Sandbox } from '../../../sandbox/server';
import { grantRoleTool, revokeRoleTool } from '../../../src/chat/roleActionTools';
import { CursorStore, type ToolContext } from '../../../src/chat/toolContext';
import { errorText } from '../../../src/chat/toolErrors';
import { CloudClient } from '../../../src/cloud/cloudClient';
import { RateQueue } from '../../../src/metrics/rateQueue';

void describe('grant and revoke role tools (commands stubbed)', () => {
  let sandbox: Sandbox;
  let client: CloudClient;
  const calls: unknown[][] = [];
  let outcome: unknown;
  const signal = new AbortController().signal;
  const ctx = (): ToolContext => ({
    connections: () => [{ id: 'c1', label: 'Sandbox', client }],
    metricsQueue: new RateQueue(50),
    executeCommand: async (...args: unknown[]) => {
      calls.push(args);
      return outcome;
    },
    cursors: new CursorStore(),
    now: () => Date.now(),
  });

  before(async () => {
    sandbox = await startSandbox({ port: 0 });
    client = new CloudClient({
      endpoint: sandbox.url, metricsEndpoint: sandbox.url, env: {},
      getCredentials: async () => ({ key: sandbox.apiKey, secret: sandbox.apiSecret }),
    });
  });
  after(async () => {
    await client.close();
    await sandbox.close();
  });

  void it('confirms a prefix topic grant with principal, role, scope and CRN, looking up the environment', async () => {
    const input = { principal: FIXTURES.disposableServiceAccount.id, role: 'DeveloperRead', cluster: FIXTURES.productionCluster.id, topic: 'orders-*' };
    const { title, message } = await grantRoleTool.confirm!(input, ctx(), signal);
    assert.equal(title, 'Grant a role?');
    const crn = `${ROLE_BINDING_FIXTURES.crn.productionCluster}/kafka=${FIXTURES.productionCluster.id}/topic=orders-*`;
    assert.equal(message, `Grants role \`DeveloperRead\` to \`User:sa-disp001\` on topics starting with \`orders-\` in cluster \`lkc-prod01\` in environment \`env-prod01\` in organization \`Sandbox\`. CRN pattern: \`${crn}\`.`);
    calls.length = 0;
    outcome = { status: 'done', value: { id: 'rb-new0001', principal: 'User:sa-disp001', role_name: 'DeveloperRead', crn_pattern: crn } };
    const text = await grantRoleTool.run(input, ctx(), signal);
    assert.deepEqual(calls, [['confluentCloud.grantRole', { organization: 'c1' }, { principal: 'User:sa-disp001', role_name: 'DeveloperRead', crn_pattern: crn }]]);
    assert.match(text, /Granted `DeveloperRead` to `User:sa-disp001` on topics starting with `orders-`.*\(binding `rb-new0001`\)/);
  });

  void it('refuses a role at a level it cannot bind at before calling the command', async () => {
    calls.length = 0;
    await assert.rejects(grantRoleTool.run({ principal: 'sa-disp001', role: 'DeveloperRead', environment: FIXTURES.productionEnvironment.id }, ctx(), signal),
      (e: unknown) => /^Invalid input: `DeveloperRead` can't be granted on the environment level; it binds at topic/.test(errorText(e)));
    assert.deepEqual(calls, []);
  });

  void it('confirms a revoke by naming the binding it removes', async () => {
    const rb = ROLE_BINDING_FIXTURES.envAdmin;
    const { message } = await revokeRoleTool.confirm!({ binding: rb.id }, ctx(), signal);
    assert.equal(message, 'Removes role `EnvironmentAdmin` from `User:u-ada1815` on environment `env-prod01` (binding `rb-envadm1`) in organization `Sandbox`. The principal loses what this binding granted.');
    calls.length = 0;
    outcome = { status: 'done', value: { id: rb.id } };
    assert.match(await revokeRoleTool.run({ binding: rb.id }, ctx(), signal), /Revoked `EnvironmentAdmin` from `User:u-ada1815` \(binding `rb-envadm1`\)/);
    assert.deepEqual(calls, [['confluentCloud.revokeRole', { id: rb.id, organization: 'c1' }, { confirm: true }]]);
  });
});
