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
    const item = new vscode.TreeItem(labelText(key.id, '(no ID)'), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.contextValue = this.contextValue;
    const scope = `${spec.owner.id} → ${spec.resource?.id ?? 'Cloud'}`;
    const created = formatDate(key.metadata?.created_at ?? undefined);
    item.description = [oneLine(spec.display_name ?? undefined, 40), scope, created].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon('key');
    item.tooltip = safeTooltip(spec.display_name || key.id, [
      ['API key', key.id],
      ['Description', spec.description],
      ['Owner', spec.owner.id],
      ['Resource', spec.resource ? spec.resource.id : 'Cloud API key (no resource)'],
      ['Environment', spec.resource?.environment],
      ['Created', created],
      ['Age', keyAge(key.metadata?.created_at ?? undefined)],
      ['CRN', this.crn],
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
  return `${days} day${days === 1 ? '' : 's'} (${days > policy ? 'older than' : 'within'} the ${policy}-day rotation policy)`;
}
