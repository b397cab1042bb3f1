import * as vscode from 'vscode';
import { clientSettingsFrom } from './auth/clientSettings';
import type { CloudClientFactory } from './auth/orgConnection';
import { ProfileStore } from './auth/orgProfile';
import { OrgRegistry } from './auth/orgRegistry';
import { registerChatTools } from './chat/chatTools';
import { CloudClient } from './cloud/cloudClient';
import { registerCodeInsight } from './codeInsight/registerCodeInsight';
import { registerDemoCommands } from './demo/demoCommands';
import { DemoOrganization } from './demo/demoOrganization';
import { loadSandboxModule } from './demo/sandboxModule';
import { registerCopyCommands } from './commands/copyCommands';
import { registerExplorerCommands } from './commands/explorerCommands';
import { registerKeyboardCommands } from './commands/keyboardCommands';
import { registerMetricsCommands } from './commands/metricsCommands';
import { registerOrganizationCommands } from './commands/organizationCommands';
import { registerCommand } from './commands/registerCommand';
import { registerResourceCommands } from './commands/resourceCommands';
import { ExplorerDragAndDrop } from './explorer/dragAndDrop';
import { ExplorerProvider } from './explorer/explorerProvider';
import { explorerSettingsFromConfiguration } from './explorer/explorerSettings';
import { type ExplorerUpdates, TreeUpdater } from './explorer/explorerUpdates';
import { revealOnFirstRun } from './explorer/firstRun';
import type { ExplorerNode } from './explorer/nodes/explorerNode';
import { OrgStatusBar } from './explorer/orgStatusBar';
import { createMetricsFeature } from './metrics/metricsFeature';
import { SecretPanels } from './secretPanel/secretPanels';
import { QuickInputs } from './ui/quickInputs';

/** Returned from `activate` so in-host tests can drive the tree directly. */
export interface ExtensionApi {
  readonly explorer: ExplorerProvider;
  readonly registry: OrgRegistry;
  readonly treeView: vscode.TreeView<ExplorerNode>;
  readonly updates: ExplorerUpdates;
  readonly statusBar: OrgStatusBar;
  readonly dragAndDrop: ExplorerDragAndDrop;
  readonly demo: DemoOrganization;
  /** Every QuickInput the forms and pickers create, so tests can answer them as a person would. */
  readonly quickInputs: QuickInputs;
}

/**
 * Composition root: builds the long-lived objects, wires them together and hands every
 * disposable to the extension context. No behaviour lives here.
 */
export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const log = vscode.window.createOutputChannel('Confluent Cloud', { log: true });
  context.subscriptions.push(log);

  const clientSettings = clientSettingsFrom(log);
  const createClient: CloudClientFactory = (options) => new CloudClient(options);
  const registry = new OrgRegistry(
    new ProfileStore(context.globalState, context.secrets), context.secrets, createClient, clientSettings, process.env,
  );
  // Shown again before anything reads the registry; its server starts on the first request.
  const demo = new DemoOrganization({ log, registry, state: context.globalState, loadSandbox: loadSandboxModule });
  demo.restore();
  const explorer = new ExplorerProvider(registry, explorerSettingsFromConfiguration());
  const dragAndDrop = new ExplorerDragAndDrop();
  const treeView = vscode.window.createTreeView('confluentCloud.explorer', {
    treeDataProvider: explorer, showCollapseAll: true, canSelectMany: true, dragAndDropController: dragAndDrop,
  });
  const updates = new TreeUpdater(explorer);
  const statusBar = new OrgStatusBar(treeView, registry);
  context.subscriptions.push(registry, demo, explorer, treeView, statusBar);
  // A collapsed folder stops paging (Load all, a filter's search); its loaded pages stay.
  context.subscriptions.push(treeView.onDidCollapseElement((e) => explorer.collapsed(e.element)));

  // What command modules receive; each registers its commands and returns the disposables.
  const quickInputs = new QuickInputs();
  context.subscriptions.push(quickInputs);
  const deps = { log, registry, explorer, treeView, updates, createClient, clientSettings };
  context.subscriptions.push(
    ...registerOrganizationCommands(deps),
    ...registerExplorerCommands(deps),
    ...registerCopyCommands(deps),
    ...registerKeyboardCommands(deps),
    ...registerDemoCommands({ log, demo, explorer, treeView }),
  );
  const metrics = createMetricsFeature({ log, registry, explorer, extensionUri: context.extensionUri });
  const secretPanels = new SecretPanels({ log, extensionUri: context.extensionUri, isDemoKey: (apiKey) => demo.isDemoKey(apiKey) });
  context.subscriptions.push(...metrics.disposables, secretPanels);
  context.subscriptions.push(...registerChatTools({ log, registry, metricsQueue: metrics.queue }));
  context.subscriptions.push(...registerCodeInsight({
    log, registry, explorer, treeView, activity: metrics.activity, metricsQueue: metrics.queue,
    register: (id, handler, options) => registerCommand({ log }, id, handler, options),
  }));
  context.subscriptions.push(
    ...registerResourceCommands({ ...deps, secretPanels, activity: metrics.activity, quickInputs }),
    ...registerMetricsCommands({
      log, panels: metrics.panels, activity: metrics.activity, connections: registry, pickConnection: (placeHolder) => registry.pick({ placeHolder }),
    }),
  );

  void revealOnFirstRun(context.globalState, treeView, explorer, registry);

  return { explorer, registry, treeView, updates, statusBar, dragAndDrop, demo, quickInputs };
}

export function deactivate(): void {
  // Everything is released through context.subscriptions.
}
