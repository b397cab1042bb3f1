/**
 * Second half of the composition root: every command, panel, editor feature and chat tool. It is
 * bundled on its own (dist/features.js) and wired on first use by LazyFeatures, so activation only
 * evaluates the tree and what it stands on. It reuses the core's objects (and, through the build,
 * the core's module instances), so a node built by the core is an instance of the class here.
 */
import type * as vscode from 'vscode';
import type { ClientSettings, CloudClientFactory } from './auth/orgConnection';
import type { OrgRegistry } from './auth/orgRegistry';
import { registerChatTools } from './chat/chatTools';
import { registerCodeInsight } from './codeInsight/registerCodeInsight';
import { registerCopyCommands } from './commands/copyCommands';
import { registerExplorerCommands } from './commands/explorerCommands';
import { registerKeyboardCommands } from './commands/keyboardCommands';
import { registerMetricsCommands } from './commands/metricsCommands';
import { registerOrganizationCommands } from './commands/organizationCommands';
import { registerCommand } from './commands/registerCommand';
import { registerResourceCommands } from './commands/resourceCommands';
import { registerDemoCommands } from './demo/demoCommands';
import type { DemoOrganization } from './demo/demoOrganization';
import type { ExplorerProvider } from './explorer/explorerProvider';
import type { ExplorerUpdates } from './explorer/explorerUpdates';
import type { ExplorerNode } from './explorer/nodes/explorerNode';
import type { FeatureHooks, LoadedFeatures } from './lazyFeatures';
import type { ActivityService } from './metrics/activityService';
import { createMetricsFeature } from './metrics/metricsFeature';
import type { MetricsPanels } from './metrics/metricsPanels';
import { SecretPanels } from './secretPanel/secretPanels';
import type { Dialogs } from './ui/dialogs';
import type { QuickInputs } from './ui/quickInputs';

/** The core objects the features are built on; made once at activation by extension.ts. */
export interface CoreServices {
  readonly extensionUri: vscode.Uri;
  readonly log: vscode.LogOutputChannel;
  readonly registry: OrgRegistry;
  readonly explorer: ExplorerProvider;
  readonly treeView: vscode.TreeView<ExplorerNode>;
  readonly updates: ExplorerUpdates;
  readonly createClient: CloudClientFactory;
  readonly clientSettings: ClientSettings;
  readonly demo: DemoOrganization;
  readonly quickInputs: QuickInputs;
  readonly dialogs: Dialogs;
}

/**
 * What the loaded features show through the extension's API (`api.features.api`): the open
 * metrics panels, which an in-host test observes, and the activity service behind the delete
 * previews and tree badges.
 */
export interface FeaturesApi {
  readonly metrics: {
    readonly panels: Pick<MetricsPanels, 'list' | 'onDidOpen'>;
    readonly activity: Pick<ActivityService, 'describeStaleness' | 'fetchLastSeen'>;
  };
}

/** Wires every feature; the returned disposables are owned by LazyFeatures. */
export function activateFeatures(core: CoreServices, hooks: FeatureHooks): LoadedFeatures<FeaturesApi> {
  const { log, registry, explorer, treeView, updates, createClient, clientSettings, demo, quickInputs, dialogs, extensionUri } = core;
  const deps = { log, registry, explorer, treeView, updates, createClient, clientSettings, quickInputs, dialogs };
  const metrics = createMetricsFeature({ log, registry, explorer, extensionUri, registerSerializer: hooks.registerSerializer });
  const secretPanels = new SecretPanels({ log, extensionUri, isDemoKey: (apiKey) => demo.isDemoKey(apiKey) });
  const disposables = [
    ...registerOrganizationCommands(deps),
    ...registerExplorerCommands(deps),
    ...registerCopyCommands(deps),
    ...registerKeyboardCommands(deps),
    ...registerDemoCommands({ log, demo, explorer, treeView }),
    ...metrics.disposables,
    secretPanels,
    ...registerChatTools({ log, registry, metricsQueue: metrics.queue, registerTool: hooks.registerTool }),
    ...registerCodeInsight({
      log, registry, explorer, treeView, activity: metrics.activity, metricsQueue: metrics.queue,
      register: (id, handler, options) => registerCommand({ log }, id, handler, options),
    }),
    ...registerResourceCommands({ ...deps, secretPanels, activity: metrics.activity, quickInputs }),
    ...registerMetricsCommands({
      log, panels: metrics.panels, quickInputs, pageSize: () => explorer.pageSize(),
      pickConnection: (placeHolder) => registry.pick({ placeHolder }),
    }),
  ];
  return { disposables, api: { metrics: { panels: metrics.panels, activity: metrics.activity } } };
}
