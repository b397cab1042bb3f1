import * as assert from 'node:assert/strict';
import { FIXTURES } from '../../sandbox/fixtures';
import type { Done, Failed } from '../../src/commands/commandOutcome';
import { sandbox } from './helpers';
import { child, children, gone, ids, requests, run, sandboxOrganization, useFreshSandbox } from './commandsSupport';

describe('commands: delete with impact preview', () => {
  useFreshSandbox();

  it('deletes a service account with its keys, and the tree drops them everywhere they are loaded', async () => {
    const { api, connection, org } = await sandboxOrganization();
    const sa = FIXTURES.paymentsServiceAccount;
    // Load the account (via the server-side filter), its keys, and the production cluster's keys.
    await org.serviceAccounts.applyFilter(sa.displayName);
    const saNode = child(await children(api, org.serviceAccounts), 'serviceAccount', sa.id);
    const ownKeys = child(await children(api, saNode), 'apiKeysFolder');
    assert.deepEqual(ids(await children(api, ownKeys)).sort(), [...sa.apiKeyIds].sort());
    const envNode = child(await children(api, org.environments), 'environment', FIXTURES.productionEnvironment.id);
    const clusterNode = child(await children(api, child(await children(api, envNode), 'kafkaClustersFolder')), 'kafkaCluster', FIXTURES.productionCluster.id);
    const clusterKeys = child(await children(api, clusterNode), 'apiKeysFolder');
    assert.ok(ids(await children(api, clusterKeys)).includes(sa.apiKeyIds[0]));

    const wrong = await run(`confluentCloud.deleteServiceAccount`, saNode, { confirmName: 'payments' });
    assert.equal(wrong.status, 'cancelled', 'a near-miss name deletes nothing');
    assert.equal((await requests('DELETE', '/iam/v2/')).length, 0);

    const outcome = await run('confluentCloud.deleteServiceAccount', saNode, { confirmName: sa.displayName }) as Done<{ id: string }>;
    assert.equal(outcome.status, 'done');
    assert.equal(outcome.impact?.apiKeys, 3, 'the preview counted the keys across pages');
    assert.ok(await gone(() => connection.client.serviceAccounts.get(sa.id)));
    assert.equal((await connection.client.apiKeys.listPage({ owner: sa.id })).items.length, 0, 'the server deleted its keys');
    assert.ok(!ids(org.serviceAccounts.loadedChildren()).includes(sa.id), 'the account left the tree');
    for (const id of sa.apiKeyIds) assert.ok(!ids(clusterKeys.loadedChildren()).includes(id), `${id} left the cluster's keys`);
    await org.serviceAccounts.applyFilter(undefined);
  });

  it('deletes a user by reference with the typed email and counts the keys', async () => {
    const { connection } = await sandboxOrganization();
    const outcome = await run('confluentCloud.deleteUser', { id: FIXTURES.user.id }, { confirmName: FIXTURES.user.email }) as Done<{ id: string }>;
    assert.equal(outcome.status, 'done');
    assert.equal(outcome.impact?.apiKeys, FIXTURES.user.apiKeyIds.length);
    assert.ok(await gone(() => connection.client.users.get(FIXTURES.user.id)));
  });

  it('deletes an environment after listing its clusters; the clusters and their keys go too', async () => {
    const { api, connection, org } = await sandboxOrganization();
    await children(api, org.environments);
    const outcome = await run('confluentCloud.deleteEnvironment', { id: FIXTURES.productionEnvironment.id },
      { confirmName: FIXTURES.productionEnvironment.displayName }) as Done<{ id: string }>;
    assert.equal(outcome.status, 'done');
    assert.ok((outcome.impact?.kafkaClusters ?? 0) >= 1, 'the preview listed the clusters');
    assert.ok(await gone(() => connection.client.environments.get(FIXTURES.productionEnvironment.id)));
    assert.ok(!ids(org.environments.loadedChildren()).includes(FIXTURES.productionEnvironment.id));
    assert.equal((await connection.client.apiKeys.listPage({ resource: FIXTURES.productionCluster.id })).items.length, 0);
  });

  it('explains a 409 when deleting an environment', async () => {
    await sandbox.setFaults('409:x1@DELETE /org/v2/environments');
    const outcome = await run('confluentCloud.deleteEnvironment', { id: FIXTURES.productionEnvironment.id },
      { confirmName: FIXTURES.productionEnvironment.displayName }) as Failed;
    assert.equal(outcome.status, 'failed');
    assert.equal(outcome.httpStatus, 409);
    assert.match(outcome.message, /Delete those first, then try again/);
  });

  it('treats a delete whose response was lost after it happened as done', async () => {
    const { connection } = await sandboxOrganization();
    await sandbox.setFaults('drop-after-commit:x1@DELETE /iam/v2/service-accounts');
    const outcome = await run('confluentCloud.deleteServiceAccount', { id: FIXTURES.disposableServiceAccount.id },
      { confirmName: FIXTURES.disposableServiceAccount.displayName });
    assert.equal(outcome.status, 'done');
    assert.ok(await gone(() => connection.client.serviceAccounts.get(FIXTURES.disposableServiceAccount.id)));
  });

  it('deletes a single API key with a plain confirmation', async () => {
    const { connection } = await sandboxOrganization();
    const key = FIXTURES.paymentsServiceAccount.apiKeyIds[2];
    const refused = await run('confluentCloud.deleteApiKey', { id: key }, { confirm: false });
    assert.equal(refused.status, 'cancelled');
    const outcome = await run('confluentCloud.deleteApiKey', { id: key }, { confirm: true });
    assert.equal(outcome.status, 'done');
    assert.ok(await gone(() => connection.client.apiKeys.get(key)));
  });
});
