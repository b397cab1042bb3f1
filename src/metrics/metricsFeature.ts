/**
 * Builds the metrics feature (panels, the shared request budget, descriptors, "last seen"
 * activity). Its commands live in `src/commands/metricsCommands.ts` and receive the panels and the
 * activity service from the composition root, so this folder never imports the commands layer.
 */
import * as vscode from 'vscode';
import type { OrgConnection } from '../auth/orgConnection';
import { ActivityService, describeLastSeen } from './activityService';
import { DescriptorCache } from './descriptors';
import { MetricsPanels, type ConnectionLookup, type SerializerRegistration } from './metricsPanels';
import { DEFAULT_PER_MINUTE, RateQueue } from './rateQueue';

/** The explorer's hook for adding text to a row's description (see ExplorerProvider). */
export interface DescriptionHost {
  addDescriptionDecorator(decorate: (node: unknown) => string | undefined): vscode.Disposable;
  changed(nodes: undefined): void;
}

export interface MetricsFeatureDeps {
  readonly log: vscode.LogOutputChannel;
  readonly registry: ConnectionLookup;
  readonly extensionUri: vscode.Uri;
  /** When given (and it offers decorators), service accounts and API keys get activity badges. */
  readonly explorer?: Partial<DescriptionHost> | undefined;
  /** Where the panel-restore serializer goes (VS Code's registry unless given). */
  readonly registerSerializer?: SerializerRegistration | undefined;
}

const SECTION = 'confluentCloud';

/** Principal and scope of a tree node that can carry an activity badge, or undefined. */
function badgeTarget(node: unknown): { connection: OrgConnection; principalId: string; clusterId?: string; owner: boolean } | undefined {
  const n = node as { kind?: string; connection?: OrgConnection; resource?: { id: string; spec?: { owner?: { id: string }; resource?: { id: string } | null } } };
  if (!n.connection || !n.resource) return undefined;
  if (n.kind === 'serviceAccount') return { connection: n.connection, principalId: n.resource.id, owner: false };
  if (n.kind === 'apiKey' && n.resource.spec?.owner && n.resource.spec.resource?.id.startsWith('lkc-')) {
    // Metrics only know the owner, so a key shows its owner's traffic on the key's cluster.
    return { connection: n.connection, principalId: n.resource.spec.owner.id, clusterId: n.resource.spec.resource.id, owner: true };
  }
  return undefined;
}

/** The parts of the feature its commands and the delete previews use, plus what to dispose. */
export interface MetricsFeature {
  readonly panels: MetricsPanels;
  readonly activity: ActivityService;
  /** The Metrics API budget, shared with the chat tools through the composition root. */
  readonly queue: RateQueue;
  readonly disposables: vscode.Disposable[];
}

export function createMetricsFeature(deps: MetricsFeatureDeps): MetricsFeature {
  const config = () => vscode.workspace.getConfiguration(SECTION);
  const queue = new RateQueue(config().get<number>('metrics.requestsPerMinute', DEFAULT_PER_MINUTE));
  const panels = new MetricsPanels(
    { log: deps.log, queue, descriptors: new DescriptorCache(), mediaRoot: vscode.Uri.joinPath(deps.extensionUri, 'dist', 'media') },
    deps.registry,
    deps.registerSerializer,
  );
  const activity = new ActivityService({
    queue,
    enabled: () => config().get<boolean>('activity.enabled', false),
    log: (message) => deps.log.info(message),
  });
  const disposables: vscode.Disposable[] = [
    panels,
    { dispose: () => activity.dispose() },
    { dispose: () => queue.dispose() },
  ];

  const explorer = deps.explorer;
  if (explorer?.addDescriptionDecorator && explorer.changed) {
    const refreshTree = () => explorer.changed?.(undefined);
    disposables.push(
      explorer.addDescriptionDecorator((node) => {
        const target = badgeTarget(node);
        if (!target) return undefined;
        const text = describeLastSeen(activity.lastSeen(target.connection, target.principalId, { clusterId: target.clusterId }), Date.now());
        if (!text || !target.owner) return text;
        return vscode.l10n.t({ message: 'owner {0}', args: [text], comment: ['{0} is the key owner\'s activity, e.g. "active 5 h ago"'] });
      }),
      activity.onDidChange(refreshTree),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration(`${SECTION}.activity.enabled`)) return;
        activity.clear();
        refreshTree();
      }),
    );
  }
  return { panels, activity, queue, disposables };
}
