import * as l10n from '@vscode/l10n';
import type { Page } from '../../cloud/pagination';
import type { User } from '../../cloud/schemas/user';
import { matchesFilter } from '../filterMatch';
import { PagedFolderNode, type PageRequest } from './pagedFolderNode';
import { UserNode } from './userNode';

/** "Users" under an organization. Filtered locally (name, email, ID). */
export class UsersFolderNode extends PagedFolderNode<User> {
  readonly kind = 'usersFolder' as const;
  readonly itemKind = 'user' as const;
  readonly label = l10n.t('Users');
  readonly noun = l10n.t({ message: 'users', comment: ['Plural noun in messages such as "No users"'] });
  protected readonly icon = 'organization';

  get id(): string {
    return `${this.connection.id}/users`;
  }

  protected fetchPage(request: PageRequest): Promise<Page<User>> {
    return this.connection.client.users.listPage({ pageSize: request.pageSize, pageToken: request.pageToken, signal: request.signal });
  }

  protected createNode(item: User): UserNode {
    return new UserNode(this.connection, this, item, this.tree);
  }

  matches(item: User, filter: string): boolean {
    return matchesFilter(filter, [item.full_name, item.email, item.id]);
  }

  accepts(): boolean {
    return true;
  }
}
