import * as vscode from 'vscode';
import type { OrgConnection } from '../auth/orgConnection';
import type { ApiKeyNode } from '../explorer/nodes/apiKeyNode';
import type { KafkaClusterNode } from '../explorer/nodes/kafkaClusterNode';
import type { ServiceAccountNode } from '../explorer/nodes/serviceAccountNode';
import type { UserNode } from '../explorer/nodes/userNode';
import { isKafkaClusterRef, nameClusters, principalClusters } from '../metrics/clusterSource';
import type { MetricsPanels } from '../metrics/metricsPanels';
import { pickKnownCluster } from '../metrics/pickers';
import type { ClusterChoice } from '../metrics/protocol';
import type { QuickInputFactory } from '../ui/quickInputs';
import { pickCluster, type ClusterChoice as PickedCluster } from './pickers/resourcePickers';
import { registerCommand, type CommandDeps } from './registerCommand';

export interface MetricsCommandDeps extends CommandDeps {
  readonly panels: MetricsPanels;
  /** Where the cluster pickers get their QuickPicks (the composition root's QuickInputs). */
  readonly quickInputs?: QuickInputFactory | undefined;
  /** Page size of the paged cluster picker: the explorer's setting. */
  readonly pageSize: () => number;
  /** Chooses an organization when a command runs from the palette (OrgRegistry.pick). */
  readonly pickConnection: (placeHolder?: string) => Promise<OrgConnection | undefined>;
}

type PrincipalNode = ServiceAccountNode | UserNode | ApiKeyNode;

/**
 * Show Metrics (a cluster) and Show Activity (a service account, user or API key). Both work on a
 * tree node or from the palette. The delete previews get the typed `ActivityLookup` from the
 * composition root, and in-host tests reach the panels through the extension's API.
 */
export function registerMetricsCommands(deps: MetricsCommandDeps): vscode.Disposable[] {
  return [
    registerCommand(deps, 'confluentCloud.showMetrics', (node?: KafkaClusterNode) => showMetrics(deps, node)),
    registerCommand(deps, 'confluentCloud.showActivity', (node?: PrincipalNode) => showActivity(deps, node)),
  ];
}

/** The wizards' paged cluster picker (every environment's clusters, Load more per page). */
async function pickAnyCluster(deps: MetricsCommandDeps, connection: OrgConnection, title: string, placeholder?: string): Promise<PickedCluster | undefined> {
  const picked = await pickCluster({ connection, pageSize: deps.pageSize(), factory: deps.quickInputs }, { title }, (choice) => choice, undefined, placeholder);
  return picked?.kind === 'value' ? picked.value : undefined;
}

function choiceOf({ cluster, environment }: PickedCluster): ClusterChoice {
  return { id: cluster.id, name: cluster.spec.display_name || cluster.id, environmentId: environment.id };
}

async function showMetrics(deps: MetricsCommandDeps, node: KafkaClusterNode | undefined): Promise<void> {
  if (node?.kind === 'kafkaCluster') {
    deps.panels.open({ connection: node.connection, clusterId: node.cluster.id, clusterName: node.cluster.spec.display_name, environmentId: node.environmentId });
    return;
  }
  const connection = await deps.pickConnection(vscode.l10n.t('Show Metrics: select an organization'));
  if (!connection) return noOrganization();
  const picked = await pickAnyCluster(deps, connection, vscode.l10n.t('Show Metrics'));
  if (!picked) return;
  const cluster = choiceOf(picked);
  deps.panels.open({ connection, clusterId: cluster.id, clusterName: cluster.name, environmentId: cluster.environmentId });
}

/**
 * The Metrics API labels traffic with `metric.principal_id`, the service account or user that
 * authenticated, not the API key. So an API key's activity is its owner's traffic on the key's
 * cluster, and the panel says whose traffic it shows.
 */
async function showActivity(deps: MetricsCommandDeps, node: PrincipalNode | undefined): Promise<void> {
  if (!node || !['serviceAccount', 'user', 'apiKey'].includes(node.kind)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Run Show Activity on a service account, user or API key in the Confluent Cloud view.'));
    return;
  }
  const { connection } = node;
  let principal: { id: string; label: string };
  let candidates: { id: string; environmentId?: string }[];
  if (node.kind === 'apiKey') {
    const { spec } = node.apiKey;
    principal = {
      id: spec.owner.id,
      label: vscode.l10n.t({ message: '{0} (owner of {1})', args: [spec.owner.id, node.apiKey.id], comment: ['{0} is a principal ID, {1} an API key ID'] }),
    };
    const resource = spec.resource;
    candidates = resource && isKafkaClusterRef(resource) ? [{ id: resource.id, ...(resource.environment ? { environmentId: resource.environment } : {}) }] : [];
  } else {
    principal = node.kind === 'serviceAccount'
      ? { id: node.serviceAccount.id, label: node.serviceAccount.display_name }
      : { id: node.user.id, label: node.user.full_name?.trim() || node.user.email };
    candidates = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Window,
        title: vscode.l10n.t({ message: 'Finding the clusters {0} can reach…', args: [principal.label], comment: ['{0} is a service account or user name'] }),
      },
      () => principalClusters(connection.client, principal.id),
    );
  }

  let clusters: ClusterChoice[];
  let cluster: ClusterChoice | undefined;
  if (candidates.length === 0) {
    // No cluster-scoped key (e.g. only Cloud API keys): any cluster may still show its traffic.
    const picked = await pickAnyCluster(deps, connection,
      vscode.l10n.t({ message: 'Show Activity: {0}', args: [principal.label], comment: ['{0} is a service account or user name'] }),
      vscode.l10n.t({
        message: '{0} has no API keys scoped to a Kafka cluster; select a cluster to look at',
        args: [principal.label], comment: ['{0} is a service account or user name'],
      }));
    cluster = picked && choiceOf(picked);
    clusters = cluster ? [cluster] : [];
  } else {
    // The same list the panel's cluster switcher offers, named for both.
    clusters = await nameClusters(connection.client, candidates);
    cluster = await pickKnownCluster(clusters, principal.label, deps.quickInputs);
  }
  if (!cluster) return;
  deps.panels.open({
    connection,
    clusterId: cluster.id,
    clusterName: cluster.name,
    environmentId: cluster.environmentId,
    principal,
    clusters,
  });
}

function noOrganization(): void {
  const add = vscode.l10n.t('Add Organization');
  void vscode.window.showInformationMessage(vscode.l10n.t('Add a Confluent Cloud organization first.'), add).then((choice) => {
    if (choice === add) void vscode.commands.executeCommand('confluentCloud.addOrganization');
  });
}
