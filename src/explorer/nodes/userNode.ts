import * as vscode from 'vscode';
import type { OrgConnection } from '../../auth/orgConnection';
import type { User } from '../../cloud/schemas/user';
import { formatAuthType, formatDate, labelText } from '../labels';
import type { AccessScope } from './accessFolderNode';
import type { ApiKeyScope } from './apiKeysFolderNode';
import type { ExplorerNode, TreeContext } from './explorerNode';
import { KeyHolderNode } from './keyHolderNode';
import { safeTooltip } from './tooltip';

/** A user; its child is the folder of API keys the user owns. */
export class UserNode extends KeyHolderNode<User> {
  readonly kind = 'user' as const;

  constructor(connection: OrgConnection, parent: ExplorerNode, user: User, tree: TreeContext) {
    super(connection, parent, user, tree);
  }

  get user(): User {
    return this.resource;
  }

  protected keyScope(): ApiKeyScope {
    return { owner: this.resource.id };
  }

  protected accessScope(): AccessScope {
    return { principal: `User:${this.resource.id}` };
  }

  getTreeItem(): vscode.TreeItem {
    const user = this.resource;
    const label = user.full_name?.trim() || user.email;
    const item = new vscode.TreeItem(labelText(label, user.id), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.contextValue = this.contextValue;
    const authType = formatAuthType(user.auth_type ?? undefined);
    item.description = [label !== user.email ? user.email : undefined, authType].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon('person');
    item.tooltip = safeTooltip(label, [
      ['User', user.id],
      ['Email', user.email],
      ['Sign-in', authType],
      ['Created', formatDate(user.metadata?.created_at ?? undefined)],
      ['CRN', this.crn],
    ]);
    return item;
  }
}
