import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { OrgConnection } from '../../src/auth/orgConnection';
import { sandbox, waitFor } from './helpers';
import { hideExplorerView, sandboxOrg } from './explorerSupport';

/** What `confluentCloud._metrics.snapshot` reports per open panel. */
interface PanelSnapshot {
  key: string;
  title: string;
  visible: boolean;
  state: { connectionId: string; clusterId: string; principalId?: string; controls: { metric: string } };
  sent: string[];
  received: string[];
  errors: string[];
  csv?: string;
}

const PROD = { env: 'env-prod01', cluster: 'lkc-prod01', clusterName: 'orders-prod' };

async function panels(): Promise<PanelSnapshot[]> {
  return (await vscode.commands.executeCommand<PanelSnapshot[]>('confluentCloud._metrics.snapshot')) ?? [];
}

async function panelFor(clusterId: string, principalId?: string): Promise<PanelSnapshot> {
  return waitFor(async () => (await panels()).find((p) => p.state.clusterId === clusterId && p.state.principalId === principalId), 20_000, `a panel for ${clusterId}`);
}

async function clusterNode(connection: OrgConnection, environmentId: string, clusterId: string): Promise<object> {
  const cluster = await connection.client.kafkaClusters.get(clusterId, environmentId);
  return { kind: 'kafkaCluster', connection, cluster, environmentId, resource: cluster };
}

describe('metrics panel', function () {
  this.timeout(60_000);

  before(async () => {
    await hideExplorerView();
    await sandbox.setFaults('');
  });
  afterEach(async () => {
    await sandbox.setFaults('');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor(async () => (await panels()).length === 0, 10_000, 'panels closed');
  });

  it('opens for a cluster, waits for ready, then sends init and one series', async () => {
    const { connection } = await sandboxOrg();
    await vscode.commands.executeCommand('confluentCloud.showMetrics', await clusterNode(connection, PROD.env, PROD.cluster));
    const panel = await panelFor(PROD.cluster);
    assert.equal(panel.title, `Metrics: ${PROD.clusterName}`);
    const done = await waitFor(async () => {
      const p = await panelFor(PROD.cluster);
      return p.sent.includes('series') ? p : undefined;
    }, 20_000, 'the first series');
    assert.equal(done.received[0], 'ready', 'the webview speaks first');
    assert.equal(done.sent[0], 'init', 'nothing is posted before ready');
    assert.ok(done.sent.indexOf('loading') < done.sent.indexOf('series'));
    assert.match(done.csv ?? '', /^timestamp,/, 'the data is kept for Export CSV');
    assert.equal(done.state.connectionId, connection.id);
  });

  it('reveals the same panel when opened again', async () => {
    const { connection } = await sandboxOrg();
    const node = await clusterNode(connection, PROD.env, PROD.cluster);
    await vscode.commands.executeCommand('confluentCloud.showMetrics', node);
    await panelFor(PROD.cluster);
    await vscode.commands.executeCommand('confluentCloud.showMetrics', node);
    assert.equal((await panels()).length, 1);
  });

  it('keeps credentials out of the webview state and the snapshot', async () => {
    const { connection } = await sandboxOrg();
    await vscode.commands.executeCommand('confluentCloud.showMetrics', await clusterNode(connection, PROD.env, PROD.cluster));
    await waitFor(async () => (await panelFor(PROD.cluster)).sent.includes('series'), 20_000, 'series');
    const text = JSON.stringify(await panels());
    assert.ok(process.env.CONFLUENT_CLOUD_API_SECRET);
    assert.equal(text.includes(process.env.CONFLUENT_CLOUD_API_SECRET), false);
  });

  it('shows a service account\'s activity on the cluster its keys are scoped to', async () => {
    const { connection } = await sandboxOrg();
    const node = { kind: 'serviceAccount', connection, serviceAccount: { id: 'sa-pay0001', display_name: 'payments-service' } };
    await vscode.commands.executeCommand('confluentCloud.showActivity', node);
    const panel = await panelFor(PROD.cluster, 'sa-pay0001');
    assert.equal(panel.title, 'Activity: payments-service');
    await waitFor(async () => (await panelFor(PROD.cluster, 'sa-pay0001')).sent.includes('series'), 20_000, 'series');
    // An API key of the same owner on the same cluster is the same activity: the panel is reused.
    const keyNode = {
      kind: 'apiKey', connection,
      apiKey: { id: 'PAYMENTSKEY00001', spec: { owner: { id: 'sa-pay0001' }, resource: { id: PROD.cluster, environment: PROD.env, kind: 'Cluster' } } },
    };
    await vscode.commands.executeCommand('confluentCloud.showActivity', keyNode);
    assert.equal((await panels()).length, 1);
  });

  it('shows the API error in the panel when the Metrics API fails', async () => {
    const { connection } = await sandboxOrg();
    await sandbox.setFaults('400@/v2/metrics/cloud/query');
    await vscode.commands.executeCommand('confluentCloud.showMetrics', await clusterNode(connection, PROD.env, PROD.cluster));
    const failed = await waitFor(async () => {
      const p = await panelFor(PROD.cluster);
      return p.sent.includes('error') ? p : undefined;
    }, 30_000, 'an error message');
    assert.match(failed.errors[0] ?? '', /Couldn't query .*400/);
    assert.equal(failed.sent.includes('series'), false);
  });

  it('says it is rate limited when the API keeps answering 429', async () => {
    const { connection } = await sandboxOrg();
    await sandbox.setFaults('429@/v2/metrics/cloud/query');
    await vscode.commands.executeCommand('confluentCloud.showMetrics', await clusterNode(connection, PROD.env, PROD.cluster));
    const limited = await waitFor(async () => {
      const p = await panelFor(PROD.cluster);
      return p.sent.includes('status') && p.sent.includes('error') ? p : undefined;
    }, 40_000, 'a rate-limited status');
    assert.match(limited.errors[0] ?? '', /429/);
  });

  it('describes a principal\'s staleness for the delete commands', async () => {
    const { connection } = await sandboxOrg();
    const idle = await vscode.commands.executeCommand<string | undefined>('confluentCloud._metrics.describeStaleness', connection.id, 'sa-disp001');
    assert.equal(idle, 'sa-disp001 sent no requests in the last 7 days.');
    const busy = await vscode.commands.executeCommand<string | undefined>('confluentCloud._metrics.describeStaleness', connection.id, 'sa-pay0001', PROD.cluster);
    assert.match(busy ?? '', /^sa-pay0001 was active .* on lkc-prod01\.$/);
  });
});
