import * as vscode from 'vscode';
import type { ApiKey } from '../../cloud/schemas/apiKey';
import { formatDate, oneLine } from '../labels';
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
    const item = new vscode.TreeItem(key.id, vscode.TreeItemCollapsibleState.None);
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
