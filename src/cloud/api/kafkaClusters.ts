import * as l10n from '@vscode/l10n';
import { type HttpClient } from '../http';
import { fetchListPage, iteratePages, type Page, type PageOptions, type PagesOptions } from '../pagination';
import { KafkaCluster, KafkaClusterList } from '../schemas/kafkaCluster';
import { itemPath, requestParsed, type CallOptions } from './rest';

const PATH = '/cmk/v2/clusters';

/** Filters for cluster lists: the environment is mandatory in cmk/v2. */
export interface KafkaClusterFilters {
  environment: string;
}

/** `cmk/v2` Kafka clusters (read-only here). */
export class KafkaClustersApi {
  constructor(private readonly http: HttpClient) {}

  /** One page of the clusters in an environment (one request). */
  listPage(options: PageOptions & KafkaClusterFilters): Promise<Page<KafkaCluster>> {
    return fetchListPage(this.http, { path: PATH, noun: 'Kafka clusters', envelope: KafkaClusterList }, options, { environment: options.environment });
  }

  /** Every page in order. */
  pages(options: PagesOptions<KafkaClusterFilters>): AsyncGenerator<Page<KafkaCluster>> {
    return iteratePages((o: PageOptions & KafkaClusterFilters) => this.listPage(o), options);
  }

  /** One cluster; cmk/v2 scopes the lookup to its environment. */
  async get(id: string, environment: string, options: CallOptions = {}): Promise<KafkaCluster> {
    const action = l10n.t({ message: 'get Kafka cluster {0}', args: [id], comment: ['follows "Couldn\'t"; {0} is an ID'] });
    return requestParsed(this.http, {
      method: 'GET', path: itemPath(PATH, id, action), query: { environment }, action, signal: options.signal,
    }, KafkaCluster);
  }
}
