import * as vscode from 'vscode';
import type { OrgConnection } from '../auth/orgConnection';
import type { ApiKeyNode } from '../explorer/nodes/apiKeyNode';
import type { KafkaClusterNode } from '../explorer/nodes/kafkaClusterNode';
import type { ServiceAccountNode } from '../explorer/nodes/serviceAccountNode';
import type { UserNode } from '../explorer/nodes/userNode';
import { isKafkaClusterRef, principalClusters } from '../metrics/clusterSource';
import type { ActivityService } from '../metrics/activityService';
import type { ConnectionLookup, MetricsPanels } from '../metrics/metricsPanels';
import { pickKnownCluster, pickStreamedCluster } from '../metrics/pickers';
import { registerCommand, type CommandDeps } from './registerCommand';

export interface MetricsCommandDeps extends CommandDeps {
  readonly panels: MetricsPanels;
  readonly activity: ActivityService;
  readonly connections: ConnectionLookup;
  /** Chooses an organization when a command runs from the palette (OrgRegistry.pick). */
  readonly pickConnection: (placeHolder?: string) => Promise<OrgConnection | undefined>;
}

type PrincipalNode = ServiceAccountNode | UserNode | ApiKeyNode;

/**
 * Show Metrics (a cluster) and Show Activity (a service account, user or API key). Both work on a
 * tree node or from the palette. Two internal commands (leading underscore, not in the palette):
 * `_metrics.snapshot` reports what the open panels sent and received (message types only) for the
 * in-host tests, and `_metrics.describeStaleness(connectionId, principalId, clusterId?)` answers
 * with a sentence such as "sa-1 sent no requests in the last 7 days." (or undefined). The delete
 * previews do not go through it: they get the typed `ActivityLookup` from the composition root.
 */
export function registerMetricsCommands(deps: MetricsCommandDeps): vscode.Disposable[] {
  return [
    registerCommand(deps, 'confluentCloud.showMetrics', (node?: KafkaClusterNode) => showMetrics(deps, node)),
    registerCommand(deps, 'confluentCloud.showActivity', (node?: PrincipalNode) => showActivity(deps, node)),
    registerCommand(deps, 'confluentCloud._metrics.snapshot', () =>
      deps.panels.list().map((p) => ({ key: p.key, title: p.panel.title, visible: p.panel.visible, state: p.state, ...p.trace, csv: p.csv() }))),
    registerCommand(deps, 'confluentCloud._metrics.describeStaleness', async (connectionId: string, principalId: string, clusterId?: string) => {
      const connection = deps.connections.get(connectionId);
      return connection ? deps.activity.describeStaleness(connection, principalId, { clusterId }) : undefined;
    }),
  ];
}

async function showMetrics(deps: MetricsCommandDeps, node: KafkaClusterNode | undefined): Promise<void> {
  if (node?.kind === 'kafkaCluster') {
    deps.panels.open({ connection: node.connection, clusterId: node.cluster.id, clusterName: node.cluster.spec.display_name, environmentId: node.environmentId });
    return;
  }
  const connection = await deps.pickConnection('Show Metrics: select an organization');
  if (!connection) return noOrganization();
  const cluster = await pickStreamedCluster(connection, { title: 'Show Metrics', placeholder: 'Select a Kafka cluster' });
  if (!cluster) return;
  deps.panels.open({ connection, clusterId: cluster.id, clusterName: cluster.name, environmentId: cluster.environmentId });
}

/**
 * The Metrics API labels traffic with `metric.principal_id`, the service account or user that
 * authenticated, not the API key. So an API key's activity is its owner's traffic on the key's
 * cluster, and the panel says whose traffic it shows.
 */
async function showActivity(deps: MetricsCommandDeps, node: PrincipalNode | undefined): Promise<void> {
  if (!node || !['serviceAccount', 'user', 'apiKey'].includes(node.kind)) {
    void vscode.window.showInformationMessage('Run Show Activity on a service account, user or API key in the Confluent Cloud view.');
    return;
  }
  const { connection } = node;
  let principal: { id: string; label: string };
  let candidates: { id: string; environmentId?: string }[];
  if (node.kind === 'apiKey') {
    const { spec } = node.apiKey;
    principal = { id: spec.owner.id, label: `${spec.owner.id} (owner of ${node.apiKey.id})` };
    const resource = spec.resource;
    candidates = resource && isKafkaClusterRef(resource) ? [{ id: resource.id, ...(resource.environment ? { environmentId: resource.environment } : {}) }] : [];
  } else {
    principal = node.kind === 'serviceAccount'
      ? { id: node.serviceAccount.id, label: node.serviceAccount.display_name }
      : { id: node.user.id, label: node.user.full_name?.trim() || node.user.email };
    candidates = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: `Finding the clusters ${principal.label} can reach…` },
      () => principalClusters(connection.client, principal.id),
    );
  }

  let cluster: { id: string; name?: string; environmentId?: string } | undefined;
  if (candidates.length === 0) {
    // No cluster-scoped key (e.g. only Cloud API keys): any cluster may still show its traffic.
    cluster = await pickStreamedCluster(connection, {
      title: `Show Activity: ${principal.label}`,
      placeholder: `${principal.label} has no API keys scoped to a Kafka cluster; select a cluster to look at`,
    });
  } else {
    cluster = await pickKnownCluster(candidates, principal.label);
  }
  if (!cluster) return;
  deps.panels.open({
    connection,
    clusterId: cluster.id,
    clusterName: cluster.name ?? (await clusterName(connection, cluster.id, cluster.environmentId)),
    environmentId: cluster.environmentId,
    principal,
  });
}

/** The display name for the panel title; the id is a fine fallback when the lookup fails. */
async function clusterName(connection: OrgConnection, id: string, environmentId: string | undefined): Promise<string> {
  if (!environmentId) return id;
  try {
    return (await connection.client.kafkaClusters.get(id, environmentId)).spec.display_name || id;
  } catch {
    return id;
  }
}

function noOrganization(): void {
  void vscode.window.showInformationMessage('Add a Confluent Cloud organization first.', 'Add Organization').then((choice) => {
    if (choice) void vscode.commands.executeCommand('confluentCloud.addOrganization');
  });
}
