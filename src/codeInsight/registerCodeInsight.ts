/**
 * Builds code insight (hovers, links, diagnostics, quick fixes, completion on IDs, CRNs and
 * secrets in open documents; Copy as Terraform / CLI; key age badges and the key review) and
 * returns its disposables, so the composition root needs one line for it.
 */
import * as vscode from 'vscode';
import type { OrgRegistry } from '../auth/orgRegistry';
import type { ExplorerProvider } from '../explorer/explorerProvider';
import type { ExplorerNode } from '../explorer/nodes/explorerNode';
import { ActivityService, describeLastSeen } from '../metrics/activityService';
import { RateQueue } from '../metrics/rateQueue';
import { registerCodeInsightCommands } from './codeInsightCommands';
import type { RegisterCommand } from './commandRegistrar';
import { CodeInsightCompletionProvider, COMPLETION_SELECTOR, COMPLETION_TRIGGERS } from './completionProvider';
import { type Candidate, type CandidateKind, CompletionSource } from './completionSource';
import { DiagnosticsController } from './diagnosticsController';
import { DocumentScans, INSIGHT_SELECTOR } from './documentScope';
import { CodeInsightHoverProvider } from './hoverProvider';
import { ageBadge, rotationPolicyDays } from './keyAge';
import { registerKeyReviewCommands } from './keyReviewCommands';
import { KEY_REVIEW_VIEW, KeyReviewProvider } from './keyReviewView';
import { CodeInsightLinkProvider } from './linkProvider';
import { ResourceLookup } from './resourceLookup';
import { SecretCodeActions } from './secretActions';

export interface CodeInsightDeps {
  readonly log: vscode.LogOutputChannel;
  /** The shared command wrapper (src/commands/registerCommand.ts), handed in from above. */
  readonly register: RegisterCommand;
  readonly registry: OrgRegistry;
  readonly explorer: ExplorerProvider;
  readonly treeView: vscode.TreeView<ExplorerNode>;
  /** The metrics feature's "last seen" service and request budget, shared so limits hold across features. */
  readonly activity?: ActivityService | undefined;
  readonly metricsQueue?: RateQueue | undefined;
}

const SECTION = 'confluentCloud';
/** Metrics requests per minute when no shared budget is handed in (hover activity, key review). */
const METRICS_PER_MINUTE = 10;

/** Resources the explorer already has loaded, for completion. */
function loadedFrom(explorer: ExplorerProvider, registry: OrgRegistry) {
  return (connectionId: string, kind: CandidateKind): Candidate[] => {
    const connection = registry.get(connectionId);
    if (!connection) return [];
    const org = explorer.organizationNode(connection);
    const nodes = kind === 'serviceAccount' ? org.serviceAccounts.loadedChildren() : kind === 'user' ? org.users.loadedChildren()
      : kind === 'environment' ? org.environments.loadedChildren() : [];
    return nodes.flatMap((node) => {
      const r = node.resource as { id: string; display_name?: string; full_name?: string | null; email?: string };
      const name = r.display_name ?? (r.full_name || r.email);
      return name ? [{ id: r.id, name }] : [];
    });
  };
}

export function registerCodeInsight(deps: CodeInsightDeps): vscode.Disposable[] {
  const config = () => vscode.workspace.getConfiguration(SECTION);
  const policyDays = () => rotationPolicyDays(config().get('apiKeys.rotationDays'));
  const activityEnabled = () => config().get<boolean>('activity.enabled', false);
  const lookup = new ResourceLookup(() => deps.registry.list());
  const scans = new DocumentScans();
  const ownQueue = deps.metricsQueue ? undefined : new RateQueue(METRICS_PER_MINUTE);
  const queue = deps.metricsQueue ?? ownQueue!;
  const ownActivity = deps.activity ? undefined : new ActivityService({ queue, enabled: activityEnabled, log: (m) => deps.log.info(m) });
  const activity = deps.activity ?? ownActivity!;
  const activityText = (connectionId: string, principalId: string, clusterId?: string): string | undefined => {
    const connection = deps.registry.get(connectionId);
    return connection ? describeLastSeen(activity.lastSeen(connection, principalId, { clusterId }), Date.now()) : undefined;
  };
  const diagnostics = new DiagnosticsController(scans, lookup, (m) => deps.log.info(m));
  const completionSource = new CompletionSource(lookup, loadedFrom(deps.explorer, deps.registry));
  const keyReview = new KeyReviewProvider(policyDays);

  const disposables: vscode.Disposable[] = [
    diagnostics,
    // Only what was built here is released here; shared services belong to the metrics feature.
    { dispose: () => ownActivity?.dispose() },
    { dispose: () => ownQueue?.dispose() },
    vscode.languages.registerHoverProvider(INSIGHT_SELECTOR, new CodeInsightHoverProvider(scans, lookup, activityText)),
    vscode.languages.registerDocumentLinkProvider(INSIGHT_SELECTOR, new CodeInsightLinkProvider(scans)),
    vscode.languages.registerCodeActionsProvider(INSIGHT_SELECTOR, new SecretCodeActions(scans, lookup), { providedCodeActionKinds: SecretCodeActions.kinds }),
    vscode.languages.registerCompletionItemProvider(COMPLETION_SELECTOR, new CodeInsightCompletionProvider(deps.registry, completionSource), ...COMPLETION_TRIGGERS),
    vscode.window.createTreeView(KEY_REVIEW_VIEW, { treeDataProvider: keyReview, showCollapseAll: false }),
    ...registerCodeInsightCommands({ ...deps, lookup }),
    ...registerKeyReviewCommands({ register: deps.register, log: deps.log, registry: deps.registry, provider: keyReview, queue, policyDays, activityEnabled }),
    // Keys older than the rotation policy get an age badge next to them in the explorer.
    deps.explorer.addDescriptionDecorator((node) => {
      if (node.kind !== 'apiKey') return undefined;
      const created = (node as { resource?: { metadata?: { created_at?: string | null } | null } }).resource?.metadata?.created_at;
      return ageBadge(created, policyDays(), Date.now());
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`${SECTION}.apiKeys.rotationDays`)) deps.explorer.changed(undefined);
    }),
    deps.registry.onDidChange(() => {
      lookup.clear();
      completionSource.clear();
      diagnostics.refreshAll();
    }),
  ];
  return disposables;
}
