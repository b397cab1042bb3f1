import * as vscode from 'vscode';
import type { OrgConnection } from '../../auth/orgConnection';
import type { Environment } from '../../cloud/schemas/environment';
import { formatDate, labelText } from '../labels';
import { AccessFolderNode, accessNamesOf } from './accessFolderNode';
import { type ExplorerNode, ResourceNode, type TreeContext } from './explorerNode';
import { KafkaClustersFolderNode } from './kafkaClustersFolderNode';
import { safeTooltip } from './tooltip';

/** An environment; its children are the folder of its Kafka clusters and its Access folder. */
export class EnvironmentNode extends ResourceNode<Environment> {
  readonly kind = 'environment' as const;
  private clustersFolder: KafkaClustersFolderNode | undefined;
  private accessFolder: AccessFolderNode | undefined;

  constructor(connection: OrgConnection, parent: ExplorerNode, environment: Environment, private readonly tree: TreeContext) {
    super(connection, parent, environment);
  }

  get environment(): Environment {
    return this.resource;
  }

  /** The "Kafka clusters" folder below this environment (created on first use). */
  get clusters(): KafkaClustersFolderNode {
    this.clustersFolder ??= new KafkaClustersFolderNode(this.connection, this, this.resource.id, this.tree);
    return this.clustersFolder;
  }

  /** The "Access" folder: who holds which role in this environment (created on first use). */
  get access(): AccessFolderNode {
    this.accessFolder ??= new AccessFolderNode(this.connection, this, { environment: this.resource.id }, accessNamesOf(this), this.tree);
    return this.accessFolder;
  }

  getTreeItem(): vscode.TreeItem {
    const env = this.resource;
    const item = new vscode.TreeItem(labelText(env.display_name, env.id), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.contextValue = this.contextValue;
    item.description = env.id;
    item.iconPath = new vscode.ThemeIcon('symbol-namespace');
    item.tooltip = safeTooltip(env.display_name, [
      [vscode.l10n.t('Environment'), env.id],
      [vscode.l10n.t('Stream Governance'), env.stream_governance_config?.package],
      [vscode.l10n.t('Created'), formatDate(env.metadata?.created_at ?? undefined)],
      [vscode.l10n.t('CRN'), this.crn],
    ]);
    return item;
  }

  override getChildren(): ExplorerNode[] {
    return [this.clusters, this.access];
  }

  override loadedChildren(): readonly ExplorerNode[] {
    return [this.clustersFolder, this.accessFolder].filter((f): f is KafkaClustersFolderNode | AccessFolderNode => f !== undefined);
  }
}
