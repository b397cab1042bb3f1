import * as l10n from '@vscode/l10n';
import type { OrgConnection } from '../../auth/orgConnection';
import type { Page } from '../../cloud/pagination';
import type { KafkaCluster } from '../../cloud/schemas/kafkaCluster';
import { matchesFilter } from '../filterMatch';
import type { ExplorerNode, TreeContext } from './explorerNode';
import { KafkaClusterNode } from './kafkaClusterNode';
import { PagedFolderNode, type PageRequest } from './pagedFolderNode';

/** "Kafka clusters" under an environment. Filtered locally. */
export class KafkaClustersFolderNode extends PagedFolderNode<KafkaCluster> {
  readonly kind = 'kafkaClustersFolder' as const;
  readonly itemKind = 'kafkaCluster' as const;
  readonly label = l10n.t('Kafka clusters');
  readonly noun = l10n.t({ message: 'Kafka clusters', comment: ['Plural noun in messages such as "No Kafka clusters"'] });
  protected readonly icon = 'server-environment';

  constructor(connection: OrgConnection, parent: ExplorerNode, readonly environmentId: string, tree: TreeContext) {
    super(connection, parent, tree);
  }

  get id(): string {
    return `${this.parent?.id ?? this.connection.id}/kafkaClusters`;
  }

  protected fetchPage(request: PageRequest): Promise<Page<KafkaCluster>> {
    return this.connection.client.kafkaClusters.listPage({
      environment: this.environmentId, pageSize: request.pageSize, pageToken: request.pageToken, signal: request.signal,
    });
  }

  protected createNode(item: KafkaCluster): KafkaClusterNode {
    return new KafkaClusterNode(this.connection, this, item, this.tree);
  }

  matches(item: KafkaCluster, filter: string): boolean {
    const { spec } = item;
    return matchesFilter(filter, [spec.display_name, item.id, spec.cloud, spec.region, spec.config?.kind]);
  }

  accepts(item: KafkaCluster): boolean {
    return item.spec.environment.id === this.environmentId;
  }
}
