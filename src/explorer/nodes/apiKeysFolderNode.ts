import * as l10n from '@vscode/l10n';
import type { OrgConnection } from '../../auth/orgConnection';
import type { Page } from '../../cloud/pagination';
import type { ApiKey } from '../../cloud/schemas/apiKey';
import { matchesFilter } from '../filterMatch';
import { ApiKeyNode } from './apiKeyNode';
import type { ExplorerNode, TreeContext } from './explorerNode';
import { PagedFolderNode, type PageRequest } from './pagedFolderNode';

/** Which keys a folder lists: all, those owned by an account, or those scoped to a resource. */
export type ApiKeyScope = { readonly owner: string } | { readonly resource: string } | Record<string, never>;

/**
 * "API keys": everything visible (under the organization), keys owned by a service account or
 * user (`spec.owner`), or keys for a Kafka cluster (`spec.resource`). Filtered locally.
 */
export class ApiKeysFolderNode extends PagedFolderNode<ApiKey> {
  readonly kind = 'apiKeysFolder' as const;
  readonly itemKind = 'apiKey' as const;
  readonly label = l10n.t('API keys');
  readonly noun = l10n.t({ message: 'API keys', comment: ['Plural noun in messages such as "No API keys"'] });
  protected readonly icon = 'key';

  constructor(connection: OrgConnection, parent: ExplorerNode, readonly scope: ApiKeyScope, tree: TreeContext) {
    super(connection, parent, tree);
  }

  get id(): string {
    return `${this.parent?.id ?? this.connection.id}/apiKeys`;
  }

  protected fetchPage(request: PageRequest): Promise<Page<ApiKey>> {
    return this.connection.client.apiKeys.listPage({
      pageSize: request.pageSize, pageToken: request.pageToken, signal: request.signal,
      ...('owner' in this.scope ? { owner: this.scope.owner } : {}),
      ...('resource' in this.scope ? { resource: this.scope.resource } : {}),
    });
  }

  protected createNode(item: ApiKey): ApiKeyNode {
    return new ApiKeyNode(this.connection, this, item);
  }

  matches(item: ApiKey, filter: string): boolean {
    const { spec } = item;
    return matchesFilter(filter, [item.id, spec.display_name, spec.description, spec.owner.id, spec.resource?.id]);
  }

  accepts(item: ApiKey): boolean {
    if ('owner' in this.scope) return item.spec.owner.id === this.scope.owner;
    if ('resource' in this.scope) return item.spec.resource?.id === this.scope.resource;
    return true;
  }
}
