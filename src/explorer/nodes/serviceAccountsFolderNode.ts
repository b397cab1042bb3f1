import * as l10n from '@vscode/l10n';
import type { Page } from '../../cloud/pagination';
import type { ServiceAccount } from '../../cloud/schemas/serviceAccount';
import { matchesFilter } from '../filterMatch';
import { PagedFolderNode, type PageRequest } from './pagedFolderNode';
import { ServiceAccountNode } from './serviceAccountNode';

/**
 * "Service accounts" under an organization. The API filters by `display_name` (exact match), so
 * the filter is sent to the server instead of scanning pages: one request however large the list.
 */
export class ServiceAccountsFolderNode extends PagedFolderNode<ServiceAccount> {
  readonly kind = 'serviceAccountsFolder' as const;
  readonly itemKind = 'serviceAccount' as const;
  readonly label = l10n.t('Service accounts');
  readonly noun = l10n.t({ message: 'service accounts', comment: ['Plural noun in messages such as "No service accounts"'] });
  protected readonly icon = 'hubot';
  override readonly serverFilter = true;

  get id(): string {
    return `${this.connection.id}/serviceAccounts`;
  }

  protected fetchPage(request: PageRequest): Promise<Page<ServiceAccount>> {
    return this.connection.client.serviceAccounts.listPage({
      pageSize: request.pageSize, pageToken: request.pageToken, signal: request.signal,
      ...(request.filter !== undefined ? { displayName: request.filter } : {}),
    });
  }

  protected createNode(item: ServiceAccount): ServiceAccountNode {
    return new ServiceAccountNode(this.connection, this, item, this.tree);
  }

  /** The server's semantics: exact `display_name`. */
  matches(item: ServiceAccount, filter: string): boolean {
    return item.display_name === filter;
  }

  /** `contains` mode: the text in the name, ID or description of the loaded pages. */
  protected override containsMatch(item: ServiceAccount, filter: string): boolean {
    return matchesFilter(filter, [item.display_name, item.id, item.description]);
  }

  accepts(): boolean {
    return true;
  }
}
