import * as l10n from '@vscode/l10n';
import { type HttpClient } from '../http';
import { fetchListPage, iteratePages, type Page, type PageOptions, type PagesOptions } from '../pagination';
import { ApiKey, ApiKeyList, type ApiKeyCreate, type ApiKeyUpdate } from '../schemas/apiKey';
import { itemPath, requestParsed, requestVoid, type CallOptions } from './rest';

const PATH = '/iam/v2/api-keys';

/** Filters for API-key lists (exact match). */
export interface ApiKeyFilters {
  /** `spec.owner`: a user `u-…` or service account `sa-…`. */
  owner?: string;
  /** `spec.resource`: e.g. a Kafka cluster `lkc-…`. */
  resource?: string;
}

/** `iam/v2` API keys. The secret is only ever returned by `create`. */
export class ApiKeysApi {
  constructor(private readonly http: HttpClient) {}

  /** One page (one request). */
  listPage(options: PageOptions & ApiKeyFilters = {}): Promise<Page<ApiKey>> {
    return fetchListPage(this.http, { path: PATH, noun: 'API keys', envelope: ApiKeyList }, options, {
      'spec.owner': options.owner || undefined, 'spec.resource': options.resource || undefined,
    });
  }

  /** Every page in order. */
  pages(options: PagesOptions<ApiKeyFilters> = {}): AsyncGenerator<Page<ApiKey>> {
    return iteratePages((o: PageOptions & ApiKeyFilters) => this.listPage(o), options);
  }

  /** One key by id (the key string). */
  async get(id: string, options: CallOptions = {}): Promise<ApiKey> {
    const action = l10n.t({ message: 'get API key {0}', args: [id], comment: ['follows "Couldn\'t"; {0} is an ID'] });
    return requestParsed(this.http, { method: 'GET', path: itemPath(PATH, id, action), action, signal: options.signal }, ApiKey);
  }

  /**
   * Creates a key (202). The result's `spec.secret` is the only copy of the secret anywhere;
   * a POST is never retried after it may have reached the server, so no second key appears.
   */
  create(input: ApiKeyCreate, options: CallOptions = {}): Promise<ApiKey> {
    const action = l10n.t({ message: 'create API key', comment: ['follows "Couldn\'t"'] });
    return requestParsed(this.http, { method: 'POST', path: PATH, body: { spec: input }, action, signal: options.signal }, ApiKey);
  }

  /** Changes the display name and/or description. */
  async update(id: string, input: ApiKeyUpdate, options: CallOptions = {}): Promise<ApiKey> {
    const action = l10n.t({ message: 'update API key {0}', args: [id], comment: ['follows "Couldn\'t"; {0} is an ID'] });
    return requestParsed(this.http, { method: 'PATCH', path: itemPath(PATH, id, action), body: { spec: input }, action, signal: options.signal }, ApiKey);
  }

  /** Deletes the key; clients using it stop working. */
  async delete(id: string, options: CallOptions = {}): Promise<void> {
    const action = l10n.t({ message: 'delete API key {0}', args: [id], comment: ['follows "Couldn\'t"; {0} is an ID'] });
    return requestVoid(this.http, { method: 'DELETE', path: itemPath(PATH, id, action), action, signal: options.signal });
  }
}
