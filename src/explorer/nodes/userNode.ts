import * as vscode from 'vscode';
import type { OrgConnection } from '../../auth/orgConnection';
import type { User } from '../../cloud/schemas/user';
import { formatAuthType, formatDate } from '../labels';
import { ApiKeysFolderNode } from './apiKeysFolderNode';
import { type ExplorerNode, ResourceNode, type TreeContext } from './explorerNode';
import { safeTooltip } from './tooltip';

/** A user; its child is the folder of API keys the user owns. */
export class UserNode extends ResourceNode<User> {
  readonly kind = 'user' as const;
  private keysFolder: ApiKeysFolderNode | undefined;

  constructor(connection: OrgConnection, parent: ExplorerNode, user: User, private readonly tree: TreeContext) {
    super(connection, parent, user);
  }

  get user(): User {
    return this.resource;
  }

  /** The "API keys" folder for keys this user owns. */
  get apiKeys(): ApiKeysFolderNode {
    this.keysFolder ??= new ApiKeysFolderNode(this.connection, this, { owner: this.resource.id }, this.tree);
    return this.keysFolder;
  }

  getTreeItem(): vscode.TreeItem {
    const user = this.resource;
    const label = user.full_name?.trim() || user.email;
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Collapsed);
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

  override getChildren(): ExplorerNode[] {
    return [this.apiKeys];
  }

  override loadedChildren(): readonly ExplorerNode[] {
    return this.keysFolder ? [this.keysFolder] : [];
  }
}
