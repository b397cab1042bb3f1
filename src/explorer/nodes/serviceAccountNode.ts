import * as vscode from 'vscode';
import type { OrgConnection } from '../../auth/orgConnection';
import type { ServiceAccount } from '../../cloud/schemas/serviceAccount';
import { formatDate, oneLine } from '../labels';
import { ApiKeysFolderNode } from './apiKeysFolderNode';
import { type ExplorerNode, ResourceNode, type TreeContext } from './explorerNode';
import { safeTooltip } from './tooltip';

/** A service account; its child is the folder of API keys it owns (`spec.owner`). */
export class ServiceAccountNode extends ResourceNode<ServiceAccount> {
  readonly kind = 'serviceAccount' as const;
  private keysFolder: ApiKeysFolderNode | undefined;

  constructor(connection: OrgConnection, parent: ExplorerNode, serviceAccount: ServiceAccount, private readonly tree: TreeContext) {
    super(connection, parent, serviceAccount);
  }

  get serviceAccount(): ServiceAccount {
    return this.resource;
  }

  /** The "API keys" folder for keys this account owns. */
  get apiKeys(): ApiKeysFolderNode {
    this.keysFolder ??= new ApiKeysFolderNode(this.connection, this, { owner: this.resource.id }, this.tree);
    return this.keysFolder;
  }

  getTreeItem(): vscode.TreeItem {
    const sa = this.resource;
    const item = new vscode.TreeItem(sa.display_name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.contextValue = this.contextValue;
    item.description = oneLine(sa.description ?? undefined) ?? sa.id;
    item.iconPath = new vscode.ThemeIcon('hubot');
    item.tooltip = safeTooltip(sa.display_name, [
      ['Service account', sa.id],
      ['Description', sa.description],
      ['Created', formatDate(sa.metadata?.created_at ?? undefined)],
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
