import * as vscode from 'vscode';
import type { User } from '../../cloud/schemas/user';
import { formatAuthType, formatDate, labelText } from '../labels';
import { PrincipalNode } from './principalNode';
import { safeTooltip } from './tooltip';

/** A user; its children are the API keys the user owns and the roles the user holds. */
export class UserNode extends PrincipalNode<User> {
  readonly kind = 'user' as const;

  get user(): User {
    return this.resource;
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
      [vscode.l10n.t('User'), user.id],
      [vscode.l10n.t('Email'), user.email],
      [vscode.l10n.t('Sign-in'), authType],
      [vscode.l10n.t('Created'), formatDate(user.metadata?.created_at ?? undefined)],
      [vscode.l10n.t('CRN'), this.crn],
    ]);
    return item;
  }
}
