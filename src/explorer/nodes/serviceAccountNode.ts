import * as vscode from 'vscode';
import type { OrgConnection } from '../../auth/orgConnection';
import type { ServiceAccount } from '../../cloud/schemas/serviceAccount';
import { formatDate, labelText, oneLine } from '../labels';
import type { AccessScope } from './accessFolderNode';
import type { ApiKeyScope } from './apiKeysFolderNode';
import type { ExplorerNode, TreeContext } from './explorerNode';
import { KeyHolderNode } from './keyHolderNode';
import { safeTooltip } from './tooltip';

/** A service account; its child is the folder of API keys it owns (`spec.owner`). */
export class ServiceAccountNode extends KeyHolderNode<ServiceAccount> {
  readonly kind = 'serviceAccount' as const;

  constructor(connection: OrgConnection, parent: ExplorerNode, serviceAccount: ServiceAccount, tree: TreeContext) {
    super(connection, parent, serviceAccount, tree);
  }

  get serviceAccount(): ServiceAccount {
    return this.resource;
  }

  protected keyScope(): ApiKeyScope {
    return { owner: this.resource.id };
  }

  protected accessScope(): AccessScope {
    return { principal: `User:${this.resource.id}` };
  }

  getTreeItem(): vscode.TreeItem {
    const sa = this.resource;
    const item = new vscode.TreeItem(labelText(sa.display_name, sa.id), vscode.TreeItemCollapsibleState.Collapsed);
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
}
