import * as assert from 'node:assert/strict';
import { connect } from 'node:net';
import * as vscode from 'vscode';
import { FIXTURES, SEED_COUNTS } from '../../sandbox/fixtures';
import type { ClientSettings } from '../../src/auth/orgConnection';
import { ProfileStore } from '../../src/auth/orgProfile';
import { OrgRegistry } from '../../src/auth/orgRegistry';
import { CloudClient } from '../../src/cloud/cloudClient';
import type { ApiKey } from '../../src/cloud/schemas/apiKey';
import { DEMO_CONNECTION_ID, DEMO_FLAG_KEY, DemoOrganization } from '../../src/demo/demoOrganization';
import { loadSandboxModule } from '../../src/demo/sandboxModule';
import type { ExtensionApi } from '../../src/extension';
import type { MetricsPanel } from '../../src/metrics/metricsPanel';
import { children, gone, run, valueOf } from './commandsSupport';
import { explorerApi, labelOf, resourceIds, usePageSize } from './explorerSupport';
import { MemoryMemento, MemorySecrets, waitFor } from './helpers';

// Asserts compare IDs, labels and strings only: nodes and connections hold clients and sockets.

/** True once the extension host has loaded the demo's own bundle (dist/sandbox.js). */
function sandboxBundleLoaded(): boolean {
  return Object.keys(require.cache).some((file) => /[\\/]dist[\\/]sandbox\.js$/.test(file));
}

/** Resolves with the error code of a TCP connect to 127.0.0.1:port ('connected' if it worked). */
function connectResult(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => { socket.destroy(); resolve('connected'); });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? String(error)));
  });
}

function demoRoot(api: ExtensionApi) {
  const connection = api.demo.connection;
  assert.ok(connection, 'the demo organization is shown');
  return { connection, org: api.explorer.organizationNode(connection) };
}

/** Panels that were sent a chart, observed through the features API from the time this is called. */
function chartedPanels(api: ExtensionApi): { titles(): Promise<string[]>; dispose(): void } {
  api.features.load();
  const features = api.features.api;
  assert.ok(features, 'the features API is there once the features are loaded');
  const charted = new WeakSet<MetricsPanel>();
  const subscriptions: vscode.Disposable[] = [];
  const watch = (panel: MetricsPanel): void => {
    subscriptions.push(panel.observe({ sent: (message) => { if (message.type === 'series') charted.add(panel); } }));
  };
  for (const panel of features.metrics.panels.list()) watch(panel);
  subscriptions.push(features.metrics.panels.onDidOpen(watch));
  return {
    titles: async () => features.metrics.panels.list().filter((p) => charted.has(p)).map((p) => p.panel.title),
    dispose: () => { for (const s of subscriptions) s.dispose(); },
  };
}

function tabLabels(): string[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label));
}

describe('demo organization', function () {
  this.timeout(60_000);

  after(async () => {
    await usePageSize(undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const api = await explorerApi();
    if (api.demo.connection) await vscode.commands.executeCommand('confluentCloud.removeDemoOrganization');
  });

  it('loads the embedded sandbox only when Try runs, and shows a clearly marked demo organization', async () => {
    const api = await explorerApi();
    assert.equal(api.demo.connection, undefined, 'no demo before Try');
    assert.equal(sandboxBundleLoaded(), false, 'activation did not load dist/sandbox.js');

    const summary = valueOf(await run<{ label: string; endpoint: string }>('confluentCloud.tryDemoOrganization'));
    assert.equal(sandboxBundleLoaded(), true, 'Try loaded dist/sandbox.js');
    assert.equal(summary.label, 'Demo organization');
    assert.match(summary.endpoint, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.notEqual(summary.endpoint, process.env.CCX_SANDBOX_URL, 'its own server, not the test sandbox');

    const { connection, org } = demoRoot(api);
    assert.equal(connection.source, 'demo');
    assert.equal(connection.id, DEMO_CONNECTION_ID);
    assert.equal(api.demo.running, true);
    assert.equal(await connectResult(api.demo.port!), 'connected');
    assert.equal(org.contextValue, 'organization.demo', 'a .demo modifier and no .console (no Open in Confluent Cloud)');

    const item = api.explorer.getTreeItem(org);
    assert.equal(labelOf(item), 'Demo organization');
    assert.equal((item.iconPath as vscode.ThemeIcon).id, 'beaker');
    assert.match(String(item.description), /demo/);
    // The tooltip is Markdown-escaped (127\.0\.0\.1); compare the text as shown.
    const tooltip = (item.tooltip as vscode.MarkdownString).value.replace(/\\(.)/g, '$1');
    assert.match(tooltip, /not a Confluent Cloud organization/);
    assert.match(tooltip, /reload starts afresh/);
    assert.ok(tooltip.includes(`127.0.0.1:${api.demo.port}`), 'the tooltip names the port');
  });

  it('browses and pages the seeded data of the demo', async () => {
    const api = await explorerApi();
    const { org } = demoRoot(api);
    await usePageSize(50);
    api.explorer.refresh(org);
    const accounts = await children(api, org.serviceAccounts);
    assert.ok(resourceIds(accounts).includes(FIXTURES.paymentsServiceAccount.id));
    assert.ok(accounts.some((n) => n.kind === 'loadMore'), `a Load more node (${SEED_COUNTS.serviceAccounts} accounts, 50 a page)`);
    const environments = resourceIds(await children(api, org.environments));
    assert.ok(environments.includes(FIXTURES.productionEnvironment.id));
  });

  it('creates, updates and deletes through the commands, and Reset brings back the seed', async () => {
    const api = await explorerApi();
    const { connection } = demoRoot(api);
    const sa = valueOf(await run<{ id: string }>('confluentCloud.createServiceAccount', { organization: DEMO_CONNECTION_ID },
      { display_name: 'demo-made', description: 'made in the demo' }));
    valueOf(await run('confluentCloud.editServiceAccount', { id: sa.id, organization: DEMO_CONNECTION_ID }, { description: 'edited' }));
    assert.equal((await connection.client.serviceAccounts.get(sa.id)).description, 'edited');
    valueOf(await run('confluentCloud.deleteServiceAccount', { id: FIXTURES.disposableServiceAccount.id, organization: DEMO_CONNECTION_ID },
      { confirmName: FIXTURES.disposableServiceAccount.displayName }));
    assert.ok(await gone(() => connection.client.serviceAccounts.get(FIXTURES.disposableServiceAccount.id)));

    valueOf(await run('confluentCloud.resetDemoOrganization'));
    assert.ok(await gone(() => connection.client.serviceAccounts.get(sa.id)), 'the created account is gone after Reset');
    assert.equal((await connection.client.serviceAccounts.get(FIXTURES.disposableServiceAccount.id)).id, FIXTURES.disposableServiceAccount.id,
      'the deleted seed account is back');
  });

  it('creates an API key whose secret view says Demo, and lists role bindings', async () => {
    const api = await explorerApi();
    const { connection } = demoRoot(api);
    const key = valueOf(await run<ApiKey>('confluentCloud.createApiKey', { organization: DEMO_CONNECTION_ID },
      { owner: FIXTURES.paymentsServiceAccount.id, resource: null, display_name: 'demo-key' }));
    assert.equal(key.spec.secret, undefined, 'no secret in the result');
    await waitFor(() => tabLabels().some((l) => l.includes('demo-key') && l.includes('(Demo)')), 10_000, 'the secret view titled (Demo)');
    assert.equal(api.demo.isDemoKey(key.id), true);

    const bindings = await connection.client.roleBindings.listPage({ crnPattern: `crn://confluent.cloud/organization=${FIXTURES.organization.id}/*` });
    assert.ok(Array.isArray(bindings.items));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('charts metrics of the demo cluster, and a service account\'s activity, in panels titled (Demo)', async () => {
    const api = await explorerApi();
    const { connection } = demoRoot(api);
    const charted = chartedPanels(api);
    const panelTitles = () => charted.titles();
    const cluster = await connection.client.kafkaClusters.get(FIXTURES.productionCluster.id, FIXTURES.productionEnvironment.id);
    await vscode.commands.executeCommand('confluentCloud.showMetrics',
      { kind: 'kafkaCluster', connection, cluster, environmentId: FIXTURES.productionEnvironment.id, resource: cluster });
    const titles = await waitFor(async () => { const t = await panelTitles(); return t.length ? t : undefined; }, 20_000, 'a charted panel');
    assert.deepEqual(titles, [`Metrics: ${FIXTURES.productionCluster.displayName} (Demo)`]);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor(async () => (await panelTitles()).length === 0, 10_000, 'panels closed');

    const { org } = demoRoot(api);
    const payments = (await children(api, org.serviceAccounts)).find((n) => 'resourceId' in n && n.resourceId === FIXTURES.paymentsServiceAccount.id);
    assert.ok(payments, 'payments-service is in the demo tree');
    await vscode.commands.executeCommand('confluentCloud.showActivity', payments);
    const activity = await waitFor(async () => { const t = await panelTitles(); return t.length ? t : undefined; }, 20_000, 'a charted activity panel');
    assert.deepEqual(activity, [`Activity: ${FIXTURES.paymentsServiceAccount.displayName} (Demo)`]);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    charted.dispose();
  });

  it('Remove stops the server, frees the port and takes the demo out of the explorer', async () => {
    const api = await explorerApi();
    const port = api.demo.port!;
    valueOf(await run('confluentCloud.removeDemoOrganization'));
    assert.equal(api.demo.connection, undefined);
    assert.equal(api.registry.list().some((c) => c.source === 'demo'), false);
    assert.equal(await connectResult(port), 'ECONNREFUSED');
    assert.equal((await run('confluentCloud.resetDemoOrganization')).status, 'failed', 'nothing left to reset');
  });

  it('remembers only a flag: no key or secret in globalState, SecretStorage or settings; a reload starts lazily', async () => {
    const memento = new MemoryMemento();
    const secrets = new MemorySecrets();
    const settings: ClientSettings = { timeoutMs: () => 10_000, proxyUrl: () => undefined, onRequest: () => undefined };
    const log = vscode.window.createOutputChannel('demo test', { log: true });
    const registryFor = () => new OrgRegistry(new ProfileStore(memento, secrets), secrets, (o) => new CloudClient(o), settings, {});
    let loads = 0;
    const secretsSeen: string[] = [];
    // The real sandbox module, watched: the secret the demo starts it with is what must stay in memory.
    const loadSandbox = (): ReturnType<typeof loadSandboxModule> => {
      loads++;
      const real = loadSandboxModule();
      return {
        startSandbox: (options) => {
          if (options?.apiSecret) secretsSeen.push(options.apiSecret);
          return real.startSandbox(options);
        },
      };
    };

    const firstRegistry = registryFor();
    const first = new DemoOrganization({ log, registry: firstRegistry, state: memento, loadSandbox });
    const connection = await first.open();
    assert.equal((await connection.client.serviceAccounts.listPage({ pageSize: 1 })).items.length, 1, 'the demo answers');
    const apiKey = connection.apiKey;
    const [secret] = secretsSeen;
    assert.ok(secret && secret.length >= 40, 'the demo started the sandbox with a long random secret');
    const written = JSON.stringify([...memento.data]);
    assert.deepEqual([...memento.data.keys()], [DEMO_FLAG_KEY]);
    assert.equal(memento.data.get(DEMO_FLAG_KEY), true);
    assert.ok(!written.includes(apiKey) && !written.includes(secret), 'neither key nor secret is in globalState');
    assert.equal(secrets.writes, 0, 'nothing written to SecretStorage');
    const config = JSON.stringify(vscode.workspace.getConfiguration('confluentCloud'));
    assert.ok(!config.includes(apiKey) && !config.includes(secret), 'neither key nor secret is in the settings');
    const firstPort = first.port!;

    // A window reload: the old objects go, new ones read the flag.
    first.dispose();
    firstRegistry.dispose();
    await waitFor(async () => (await connectResult(firstPort)) === 'ECONNREFUSED', 10_000, 'the old server closed');
    const loadsBefore = loads;
    const secondRegistry = registryFor();
    const second = new DemoOrganization({ log, registry: secondRegistry, state: memento, loadSandbox });
    try {
      second.restore();
      const again = secondRegistry.get(DEMO_CONNECTION_ID);
      assert.ok(again, 'the demo is shown again after the reload');
      assert.notEqual(again.apiKey, apiKey, 'with new credentials');
      assert.equal(secretsSeen.length, 1, 'no server started yet for the new session');
      assert.equal(second.running, false, 'but not started');
      assert.equal(loads, loadsBefore, 'and the sandbox not loaded');
      const page = await again.client.serviceAccounts.listPage({ pageSize: 1 });
      assert.equal(page.items.length, 1);
      assert.equal(second.running, true, 'the first request started it');
      assert.equal(secretsSeen.length, 2);
      assert.notEqual(secretsSeen[1], secret, 'a new secret for the new session');
      await second.remove();
      assert.equal(memento.data.has(DEMO_FLAG_KEY), false, 'Remove forgets the flag');
    } finally {
      second.dispose();
      secondRegistry.dispose();
      log.dispose();
    }
  });
});
