import * as vscode from 'vscode';
import type { ApiKey } from '../../cloud/schemas/apiKey';
import { formatDate, labelText, oneLine } from '../labels';
import { ResourceNode } from './explorerNode';
import { safeTooltip } from './tooltip';

/** An API key (a leaf). Lists never include the secret; `toJson` strips it anyway. */
export class ApiKeyNode extends ResourceNode<ApiKey> {
  readonly kind = 'apiKey' as const;

  get apiKey(): ApiKey {
    return this.resource;
  }

  getTreeItem(): vscode.TreeItem {
    const key = this.resource;
    const { spec } = key;
    const item = new vscode.TreeItem(labelText(key.id, vscode.l10n.t('(no ID)')), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.contextValue = this.contextValue;
    const scope = `${spec.owner.id} → ${spec.resource?.id ?? vscode.l10n.t('Cloud')}`;
    const created = formatDate(key.metadata?.created_at ?? undefined);
    item.description = [oneLine(spec.display_name ?? undefined, 40), scope, created].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon('key');
    item.tooltip = safeTooltip(spec.display_name || key.id, [
      [vscode.l10n.t('API key'), key.id],
      [vscode.l10n.t('Description'), spec.description],
      [vscode.l10n.t('Owner'), spec.owner.id],
      [vscode.l10n.t('Resource'), spec.resource ? spec.resource.id : vscode.l10n.t('Cloud API key (no resource)')],
      [vscode.l10n.t('Environment'), spec.resource?.environment],
      [vscode.l10n.t('Created'), created],
      [vscode.l10n.t('Age'), keyAge(key.metadata?.created_at ?? undefined)],
      [vscode.l10n.t('CRN'), this.crn],
    ]);
    return item;
  }

  override toJson(): unknown {
    const { spec, ...rest } = this.resource;
    const { secret: _secret, ...safeSpec } = spec;
    return { ...rest, spec: safeSpec };
  }
}

/**
 * "412 days (older than the 90-day rotation policy)". Keys have no expiry and no last-used field,
 * so age against `confluentCloud.apiKeys.rotationDays` is the hygiene signal a tooltip can give.
 */
function keyAge(createdAt: string | undefined): string | undefined {
  const created = createdAt ? Date.parse(createdAt) : NaN;
  if (!Number.isFinite(created)) return undefined;
  const days = Math.max(0, Math.floor((Date.now() - created) / 86_400_000));
  const policy = vscode.workspace.getConfiguration('confluentCloud').get<number>('apiKeys.rotationDays', 90);
  // Whole sentences per case: the plural and "older than"/"within" differ by language.
  const comment = ['{0} is the key\'s age in days, {1} the rotation policy in days'];
  if (days > policy) {
    return days === 1
      ? vscode.l10n.t({ message: '1 day (older than the {1}-day rotation policy)', args: [days, policy], comment })
      : vscode.l10n.t({ message: '{0} days (older than the {1}-day rotation policy)', args: [days, policy], comment });
  }
  return days === 1
    ? vscode.l10n.t({ message: '1 day (within the {1}-day rotation policy)', args: [days, policy], comment })
    : vscode.l10n.t({ message: '{0} days (within the {1}-day rotation policy)', args: [days, policy], comment });
}
