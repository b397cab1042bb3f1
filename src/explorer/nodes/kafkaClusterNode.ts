import * as vscode from 'vscode';
import type { OrgConnection } from '../../auth/orgConnection';
import type { KafkaCluster } from '../../cloud/schemas/kafkaCluster';
import { clusterDescription, formatDate, labelText } from '../labels';
import type { AccessScope } from './accessFolderNode';
import type { ApiKeyScope } from './apiKeysFolderNode';
import type { ExplorerNode, TreeContext } from './explorerNode';
import { KeyHolderNode } from './keyHolderNode';
import { safeTooltip } from './tooltip';

/** A Kafka cluster; its child is the folder of API keys scoped to it (`spec.resource`). */
export class KafkaClusterNode extends KeyHolderNode<KafkaCluster> {
  readonly kind = 'kafkaCluster' as const;

  constructor(connection: OrgConnection, parent: ExplorerNode, cluster: KafkaCluster, tree: TreeContext) {
    super(connection, parent, cluster, tree);
  }

  get cluster(): KafkaCluster {
    return this.resource;
  }

  /** ID of the environment the cluster lives in. */
  get environmentId(): string {
    return this.resource.spec.environment.id;
  }

  protected keyScope(): ApiKeyScope {
    return { resource: this.resource.id };
  }

  protected accessScope(): AccessScope {
    return { environment: this.environmentId, cloudCluster: this.resource.id };
  }

  getTreeItem(): vscode.TreeItem {
    const { spec, status } = this.resource;
    const item = new vscode.TreeItem(labelText(spec.display_name, this.resource.id), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.contextValue = this.contextValue;
    const phase = status.phase && status.phase !== 'PROVISIONED' ? status.phase.toLowerCase() : undefined;
    item.description = [clusterDescription(spec.cloud, spec.region, spec.config?.kind), phase].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon('server');
    item.tooltip = safeTooltip(spec.display_name, [
      [vscode.l10n.t('Cluster'), this.resource.id],
      [vscode.l10n.t('Environment'), spec.environment.id],
      [vscode.l10n.t('Cloud'), spec.cloud],
      [vscode.l10n.t('Region'), spec.region],
      [vscode.l10n.t('Type'), spec.config?.kind],
      [vscode.l10n.t('Availability'), spec.availability],
      [vscode.l10n.t('Status'), status.phase],
      [vscode.l10n.t('Bootstrap'), spec.kafka_bootstrap_endpoint],
      [vscode.l10n.t('REST endpoint'), spec.http_endpoint],
      [vscode.l10n.t('Created'), formatDate(this.resource.metadata?.created_at ?? undefined)],
      [vscode.l10n.t('CRN'), this.crn],
    ]);
    return item;
  }
}
