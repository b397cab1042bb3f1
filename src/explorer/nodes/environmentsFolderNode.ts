import * as l10n from '@vscode/l10n';
import type { Page } from '../../cloud/pagination';
import type { Environment } from '../../cloud/schemas/environment';
import { matchesFilter } from '../filterMatch';
import { EnvironmentNode } from './environmentNode';
import { PagedFolderNode, type PageRequest } from './pagedFolderNode';

/** "Environments" under an organization. Filtered locally (the API has no name filter). */
export class EnvironmentsFolderNode extends PagedFolderNode<Environment> {
  readonly kind = 'environmentsFolder' as const;
  readonly itemKind = 'environment' as const;
  readonly label = l10n.t('Environments');
  readonly noun = l10n.t({ message: 'environments', comment: ['Plural noun in messages such as "No environments"'] });
  protected readonly icon = 'layers';

  get id(): string {
    return `${this.connection.id}/environments`;
  }

  protected fetchPage(request: PageRequest): Promise<Page<Environment>> {
    return this.connection.client.environments.listPage({ pageSize: request.pageSize, pageToken: request.pageToken, signal: request.signal });
  }

  protected createNode(item: Environment): EnvironmentNode {
    return new EnvironmentNode(this.connection, this, item, this.tree);
  }

  matches(item: Environment, filter: string): boolean {
    return matchesFilter(filter, [item.display_name, item.id]);
  }

  accepts(): boolean {
    return true;
  }
}
