import * as vscode from 'vscode';
import type { ServiceAccount } from '../../cloud/schemas/serviceAccount';
import { formatDate, labelText, oneLine } from '../labels';
import { PrincipalNode } from './principalNode';
import { safeTooltip } from './tooltip';

/** A service account; its children are the API keys it owns and the roles it holds. */
export class ServiceAccountNode extends PrincipalNode<ServiceAccount> {
  readonly kind = 'serviceAccount' as const;

  get serviceAccount(): ServiceAccount {
    return this.resource;
  }

  getTreeItem(): vscode.TreeItem {
    const sa = this.resource;
    const item = new vscode.TreeItem(labelText(sa.display_name, sa.id), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.contextValue = this.contextValue;
    item.description = oneLine(sa.description ?? undefined) ?? sa.id;
    item.iconPath = new vscode.ThemeIcon('hubot');
    item.tooltip = safeTooltip(sa.display_name, [
      [vscode.l10n.t('Service account'), sa.id],
      [vscode.l10n.t('Description'), sa.description],
      [vscode.l10n.t('Created'), formatDate(sa.metadata?.created_at ?? undefined)],
      [vscode.l10n.t('CRN'), this.crn],
    ]);
    return item;
  }
}
