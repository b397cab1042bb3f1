import * as vscode from 'vscode';
import type { OrgConnection } from '../../auth/orgConnection';
import type { KafkaCluster } from '../../cloud/schemas/kafkaCluster';
import { clusterDescription, formatDate } from '../labels';
import { ApiKeysFolderNode } from './apiKeysFolderNode';
import { type ExplorerNode, ResourceNode, type TreeContext } from './explorerNode';
import { safeTooltip } from './tooltip';

/** A Kafka cluster; its child is the folder of API keys scoped to it (`spec.resource`). */
export class KafkaClusterNode extends ResourceNode<KafkaCluster> {
  readonly kind = 'kafkaCluster' as const;
  private keysFolder: ApiKeysFolderNode | undefined;

  constructor(connection: OrgConnection, parent: ExplorerNode, cluster: KafkaCluster, private readonly tree: TreeContext) {
    super(connection, parent, cluster);
  }

  get cluster(): KafkaCluster {
    return this.resource;
  }

  /** ID of the environment the cluster lives in. */
  get environmentId(): string {
    return this.resource.spec.environment.id;
  }

  /** The "API keys" folder for keys whose resource is this cluster. */
  get apiKeys(): ApiKeysFolderNode {
    this.keysFolder ??= new ApiKeysFolderNode(this.connection, this, { resource: this.resource.id }, this.tree);
    return this.keysFolder;
  }

  getTreeItem(): vscode.TreeItem {
    const { spec, status } = this.resource;
    const item = new vscode.TreeItem(spec.display_name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.contextValue = this.contextValue;
    const phase = status.phase && status.phase !== 'PROVISIONED' ? status.phase.toLowerCase() : undefined;
    item.description = [clusterDescription(spec.cloud, spec.region, spec.config?.kind), phase].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon('server');
    item.tooltip = safeTooltip(spec.display_name, [
      ['Cluster', this.resource.id],
      ['Environment', spec.environment.id],
      ['Cloud', spec.cloud],
      ['Region', spec.region],
      ['Type', spec.config?.kind],
      ['Availability', spec.availability],
      ['Status', status.phase],
      ['Bootstrap', spec.kafka_bootstrap_endpoint],
      ['REST endpoint', spec.http_endpoint],
      ['Created', formatDate(this.resource.metadata?.created_at ?? undefined)],
      ['CRN', this.crn],
    ]);
    return item;
  }

  override getChildren(): ExplorerNode[] {
    return [this.apiKeys];
  }

  override loadedChildren(): readonly ExplorerNode[] {
    return this.keysFolder ? [this.keysFolder] : [];
  }
}
