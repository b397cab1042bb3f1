import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { OrgConnection } from '../../src/auth/orgConnection';
import type { MetricsQueryRequest } from '../../src/cloud/schemas/metrics';
import type { FeaturesApi } from '../../src/features';
import type { MetricsPanel } from '../../src/metrics/metricsPanel';
import type { ToWebview } from '../../src/metrics/protocol';
import { sandbox, waitFor } from './helpers';
import { hideExplorerView, sandboxOrg } from './explorerSupport';
import { chooseItem, InputLog } from './frictionSupport';

/** What a test sees of one open panel: the observer's record plus the panel's own state. */
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

/** Everything an observer was told about one panel. */
interface PanelRecord {
  readonly sent: ToWebview[];
  readonly received: string[];
  readonly errors: string[];
  readonly queries: MetricsQueryRequest[];
}

/** Observes every metrics panel, open now or opened later, through the extension's features API. */
class PanelRecorder implements vscode.Disposable {
  private readonly records = new Map<MetricsPanel, PanelRecord>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(readonly features: FeaturesApi) {
    for (const panel of features.metrics.panels.list()) this.attach(panel);
    this.subscriptions.push(features.metrics.panels.onDidOpen((panel) => this.attach(panel)));
  }

  record(panel: MetricsPanel): PanelRecord {
    const record = this.records.get(panel);
    assert.ok(record, `${panel.key} is observed`);
    return record;
  }

  snapshots(): PanelSnapshot[] {
    return this.features.metrics.panels.list().map((p) => {
      const record = this.record(p);
      return {
        key: p.key, title: p.panel.title, visible: p.panel.visible, state: p.state,
        sent: record.sent.map((m) => m.type), received: [...record.received], errors: [...record.errors], csv: p.csv(),
      };
    });
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }

  private attach(panel: MetricsPanel): void {
    const record: PanelRecord = { sent: [], received: [], errors: [], queries: [] };
    this.records.set(panel, record);
    this.subscriptions.push(panel.observe({
      sent: (m) => record.sent.push(m),
      received: (m) => record.received.push(m.type),
      failed: (text) => record.errors.push(text),
      queried: (q) => record.queries.push(q),
    }));
  }
}

const PROD = { env: 'env-prod01', cluster: 'lkc-prod01', clusterName: 'orders-prod' };

let recorder: PanelRecorder;

async function panels(): Promise<PanelSnapshot[]> {
  return recorder.snapshots();
}

async function panelFor(clusterId: string, principalId?: string): Promise<PanelSnapshot> {
  return waitFor(async () => (await panels()).find((p) => p.state.clusterId === clusterId && p.state.principalId === principalId), 20_000, `a panel for ${clusterId}`);
}

/** Whether a chart query was for this cluster (its filter names the cluster ID). */
function queriesCluster(query: MetricsQueryRequest, clusterId: string): boolean {
  return JSON.stringify(query.filter).includes(JSON.stringify(clusterId));
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
    const { api } = await sandboxOrg();
    api.features.load();
    assert.ok(api.features.api, 'the features API is there once the features are loaded');
    recorder = new PanelRecorder(api.features.api);
  });
  after(() => recorder.dispose());
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
    // Every message the webview was sent, in full, besides the state and the CSV.
    const messages = recorder.features.metrics.panels.list().map((p) => recorder.record(p).sent);
    const text = JSON.stringify([await panels(), messages]);
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
    const { activity } = recorder.features.metrics;
    const idle = await activity.describeStaleness(connection, 'sa-disp001');
    assert.equal(idle, 'sa-disp001 sent no requests in the last 7 days.');
    const busy = await activity.describeStaleness(connection, 'sa-pay0001', { clusterId: PROD.cluster });
    assert.match(busy ?? '', /^sa-pay0001 was active .* on lkc-prod01\.$/);
  });

  it('switches an activity panel between the principal\'s clusters without reopening it', async () => {
    const { api, connection } = await sandboxOrg();
    const { client } = connection;
    // Two clusters, and a new account with a key on each, so the picker and the switcher list both.
    const clusters: { id: string; environment: string }[] = [];
    for await (const envs of client.environments.pages({ pageSize: 100 })) {
      for (const env of envs.items) {
        const page = await client.kafkaClusters.listPage({ environment: env.id, pageSize: 100 });
        clusters.push(...page.items.map((c) => ({ id: c.id, environment: env.id })));
      }
    }
    const [first, second] = clusters;
    assert.ok(first && second, 'the sandbox has two clusters');
    const account = await client.serviceAccounts.create({ display_name: `metrics-switch-${Date.now()}` });
    const keys = [
      await client.apiKeys.create({ owner: { id: account.id }, resource: { id: first.id, environment: first.environment } }),
      await client.apiKeys.create({ owner: { id: account.id }, resource: { id: second.id, environment: second.environment } }),
    ];
    const inputs = new InputLog(api);
    try {
      const node = { kind: 'serviceAccount', connection, serviceAccount: account };
      const opening = vscode.commands.executeCommand('confluentCloud.showActivity', node);
      const pick = await inputs.next('quickPick');
      assert.equal(pick.items.length, 2, 'the picker lists the clusters the account has keys on');
      await chooseItem(pick, (item) => item.label === first.id || item.description === first.id);
      await opening;

      await panelFor(first.id, account.id);
      const [panel] = recorder.features.metrics.panels.list();
      assert.ok(panel);
      const record = recorder.record(panel);
      await waitFor(() => record.sent.some((m) => m.type === 'series'), 20_000, 'the first series');
      assert.ok(record.queries.length > 0 && record.queries.every((q) => queriesCluster(q, first.id)), 'queried the chosen cluster');
      const init = record.sent.find((m) => m.type === 'init');
      assert.deepEqual(init?.type === 'init' ? init.target.clusters?.map((c) => c.id).sort() : undefined, [first.id, second.id].sort(),
        'the switcher offers the same clusters as the picker');

      const before = { queries: record.queries.length, sent: record.sent.length };
      assert.equal(panel.switchCluster(second.id), true);
      await waitFor(() => record.sent.slice(before.sent).some((m) => m.type === 'series'), 20_000, 'a series for the other cluster');
      const after = record.queries.slice(before.queries);
      assert.ok(after.length > 0 && after.every((q) => queriesCluster(q, second.id)), 'new queries for the other cluster only');
      const target = record.sent.slice(before.sent).find((m) => m.type === 'target');
      assert.equal(target?.type === 'target' ? target.target.clusterId : undefined, second.id, 'the webview is told what it charts now');
      assert.equal(recorder.features.metrics.panels.list().length, 1, 'the same panel, not a second one');
      assert.equal(panel.state.clusterId, second.id, 'the restored panel would chart the other cluster');
      assert.equal(panel.panel.title, `Activity: ${account.display_name}`);

      assert.equal(panel.switchCluster('lkc-notoffered'), false, 'a cluster the panel does not offer is refused');
      assert.equal(panel.state.clusterId, second.id);

      // Show Activity on the owner's key for the first cluster comes back to this panel, on that cluster.
      const keyNode = { kind: 'apiKey', connection, apiKey: keys[0] };
      await vscode.commands.executeCommand('confluentCloud.showActivity', keyNode);
      assert.equal(recorder.features.metrics.panels.list().length, 1);
      assert.equal(panel.state.clusterId, first.id);
    } finally {
      inputs.dispose();
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      for (const key of keys) await client.apiKeys.delete(key.id);
      await client.serviceAccounts.delete(account.id);
    }
  });
});
