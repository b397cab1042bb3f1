import * as vscode from 'vscode';
import { clientSettingsFrom } from './auth/clientSettings';
import type { CloudClientFactory } from './auth/orgConnection';
import { ProfileStore } from './auth/orgProfile';
import { OrgRegistry } from './auth/orgRegistry';
import { CloudClient } from './cloud/cloudClient';
import { registerCopyCommands } from './commands/copyCommands';
import { registerExplorerCommands } from './commands/explorerCommands';
import { registerOrganizationCommands } from './commands/organizationCommands';
import { registerResourceCommands } from './commands/resourceCommands';
import { ExplorerDragAndDrop } from './explorer/dragAndDrop';
import { ExplorerProvider } from './explorer/explorerProvider';
import { explorerSettingsFromConfiguration } from './explorer/explorerSettings';
import { type ExplorerUpdates, TreeUpdater } from './explorer/explorerUpdates';
import type { ExplorerNode } from './explorer/nodes/explorerNode';
import { OrgStatusBar } from './explorer/orgStatusBar';
import { registerMetrics } from './metrics/metricsFeature';

/** Returned from `activate` so in-host tests can drive the tree directly. */
export interface ExtensionApi {
  readonly explorer: ExplorerProvider;
  readonly registry: OrgRegistry;
  readonly treeView: vscode.TreeView<ExplorerNode>;
  readonly updates: ExplorerUpdates;
  readonly statusBar: OrgStatusBar;
  readonly dragAndDrop: ExplorerDragAndDrop;
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
  const explorer = new ExplorerProvider(registry, explorerSettingsFromConfiguration());
  const dragAndDrop = new ExplorerDragAndDrop();
  const treeView = vscode.window.createTreeView('confluentCloud.explorer', {
    treeDataProvider: explorer, showCollapseAll: true, canSelectMany: true, dragAndDropController: dragAndDrop,
  });
  const updates = new TreeUpdater(explorer);
  const statusBar = new OrgStatusBar(treeView, registry);
  context.subscriptions.push(registry, explorer, treeView, statusBar);

  // What command modules receive; each registers its commands and returns the disposables.
  const deps = { log, registry, explorer, treeView, updates, createClient, clientSettings };
  context.subscriptions.push(
    ...registerOrganizationCommands(deps),
    ...registerExplorerCommands(deps),
    ...registerCopyCommands(deps),
  );
  context.subscriptions.push(...registerResourceCommands({ ...deps, extensionUri: context.extensionUri }));
  context.subscriptions.push(...registerMetrics({ log, registry, explorer, extensionUri: context.extensionUri }));

  return { explorer, registry, treeView, updates, statusBar, dragAndDrop };
}

export function deactivate(): void {
  // Everything is released through context.subscriptions.
}
