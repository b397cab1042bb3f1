import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { clientSettingsFrom } from './auth/clientSettings';
import type { CloudClientFactory } from './auth/orgConnection';
import { ProfileStore } from './auth/orgProfile';
import { OrgRegistry } from './auth/orgRegistry';
import { loadCloudClient } from './cloud/cloudClientModule';
import { LazyCloudClient } from './cloud/lazyCloudClient';
import { ORGANIZATION_CONNECTED_KEY } from './contextKeys';
import { DemoOrganization } from './demo/demoOrganization';
import { loadSandboxModule } from './demo/sandboxModule';
import { ExplorerDragAndDrop } from './explorer/dragAndDrop';
import { ExplorerProvider } from './explorer/explorerProvider';
import { explorerSettingsFromConfiguration } from './explorer/explorerSettings';
import { type ExplorerUpdates, TreeUpdater } from './explorer/explorerUpdates';
import { revealOnFirstRun } from './explorer/firstRun';
import type { ExplorerNode } from './explorer/nodes/explorerNode';
import { OrgStatusBar } from './explorer/orgStatusBar';
import { publishSelection } from './explorer/selectionContext';
import type * as FeaturesModule from './features';
import type { CoreServices, FeaturesApi } from './features';
import { type FeaturesEntry, LazyFeatures, manifestParts } from './lazyFeatures';
import { Dialogs } from './ui/dialogs';
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
  /** Every message and modal confirmation the commands show; tests answer the modals through it. */
  readonly dialogs: Dialogs;
  /** The commands, panels and editor features, loaded on first use; `api` once loaded. */
  readonly features: Pick<LazyFeatures<CoreServices, FeaturesApi>, 'load' | 'isLoaded' | 'loadMs' | 'api'>;
}

/**
 * The features bundle. The build points this require at dist/features.js, a file of its own, so
 * activation never evaluates it.
 */
function featuresEntry(): FeaturesEntry<CoreServices, FeaturesApi> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('./features') as typeof FeaturesModule).activateFeatures;
}

/**
 * Composition root: builds the long-lived objects, wires them together and hands every
 * disposable to the extension context. No behaviour lives here.
 */
export function activate(context: vscode.ExtensionContext): ExtensionApi {
  // Text built where vscode is out of reach (the cloud client, pure text helpers) reads the same
  // translations as vscode.l10n.t. The build shares this package's instance with dist/features.js.
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
  const log = vscode.window.createOutputChannel('Confluent Cloud', { log: true });
  context.subscriptions.push(log);

  const clientSettings = clientSettingsFrom(log);
  // Each client loads its implementation (dist/cloud.js) on its first call, not at activation.
  const createClient: CloudClientFactory = (options) => new LazyCloudClient(options, loadCloudClient);
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
  const updates = new TreeUpdater(explorer, treeView);
  const statusBar = new OrgStatusBar(treeView, registry);
  context.subscriptions.push(registry, demo, explorer, treeView, statusBar);
  // A collapsed folder stops paging (Load all, a filter's search); its loaded pages stay.
  context.subscriptions.push(treeView.onDidCollapseElement((e) => explorer.collapsed(e.element)));
  // The Delete / F2 / Ctrl+C key bindings read the selection before any command has loaded.
  context.subscriptions.push(publishSelection(treeView));

  const quickInputs = new QuickInputs();
  const dialogs = new Dialogs();
  context.subscriptions.push(quickInputs, dialogs);
  const setConnected = (): void => void vscode.commands.executeCommand('setContext', ORGANIZATION_CONNECTED_KEY, registry.list().length > 0);
  setConnected();
  context.subscriptions.push(registry.onDidChange(setConnected));

  // Commands, panels, editor features and chat tools: stand-ins now, the real ones on first use.
  const core: CoreServices = {
    extensionUri: context.extensionUri, log, registry, explorer, treeView, updates, createClient, clientSettings, demo, quickInputs, dialogs,
  };
  const features = new LazyFeatures(featuresEntry, core, log);
  features.standIn(manifestParts(context.extension.packageJSON));
  features.loadWithFirstEditor();
  // Key age and activity badges come with the features: load them as soon as a folder opens,
  // then repaint the rows drawn without them.
  features.loadOnFirst(treeView.onDidExpandElement, undefined, () => explorer.changed(undefined));
  context.subscriptions.push(features);

  void revealOnFirstRun(context.globalState, treeView, explorer, registry);

  return { explorer, registry, treeView, updates, statusBar, dragAndDrop, demo, quickInputs, dialogs, features };
}

export function deactivate(): void {
  // Everything is released through context.subscriptions.
}
