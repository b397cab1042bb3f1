import * as l10n from '@vscode/l10n';
import { type HttpClient } from '../http';
import { fetchListPage, iteratePages, type Page, type PageOptions, type PagesOptions } from '../pagination';
import { ServiceAccount, ServiceAccountList, type ServiceAccountCreate, type ServiceAccountUpdate } from '../schemas/serviceAccount';
import { itemPath, requestParsed, requestVoid, type CallOptions } from './rest';

const PATH = '/iam/v2/service-accounts';

/** Filters for service-account lists. */
export interface ServiceAccountFilters {
  /** Exact display name; several names mean OR (sent as repeated `display_name`). */
  displayName?: string | readonly string[];
}

/** `iam/v2` service accounts. Deleting one also deletes its API keys. */
export class ServiceAccountsApi {
  constructor(private readonly http: HttpClient) {}

  /** One page (one request). */
  listPage(options: PageOptions & ServiceAccountFilters = {}): Promise<Page<ServiceAccount>> {
    return fetchListPage(this.http, { path: PATH, noun: 'service accounts', envelope: ServiceAccountList }, options, {
      display_name: typeof options.displayName === 'string' ? [options.displayName] : options.displayName,
    });
  }

  /** Every page in order. */
  pages(options: PagesOptions<ServiceAccountFilters> = {}): AsyncGenerator<Page<ServiceAccount>> {
    return iteratePages((o: PageOptions & ServiceAccountFilters) => this.listPage(o), options);
  }

  /** One service account by id. */
  async get(id: string, options: CallOptions = {}): Promise<ServiceAccount> {
    const action = l10n.t({ message: 'get service account {0}', args: [id], comment: ['follows "Couldn\'t"; {0} is an ID'] });
    return requestParsed(this.http, { method: 'GET', path: itemPath(PATH, id, action), action, signal: options.signal }, ServiceAccount);
  }

  /** Creates a service account (201). */
  create(body: ServiceAccountCreate, options: CallOptions = {}): Promise<ServiceAccount> {
    const action = l10n.t({ message: 'create service account', comment: ['follows "Couldn\'t"'] });
    return requestParsed(this.http, { method: 'POST', path: PATH, body, action, signal: options.signal }, ServiceAccount);
  }

  /** Changes the display name and/or description. */
  async update(id: string, body: ServiceAccountUpdate, options: CallOptions = {}): Promise<ServiceAccount> {
    const action = l10n.t({ message: 'update service account {0}', args: [id], comment: ['follows "Couldn\'t"; {0} is an ID'] });
    return requestParsed(this.http, { method: 'PATCH', path: itemPath(PATH, id, action), body, action, signal: options.signal }, ServiceAccount);
  }

  /** Deletes the service account and its API keys. */
  async delete(id: string, options: CallOptions = {}): Promise<void> {
    const action = l10n.t({ message: 'delete service account {0}', args: [id], comment: ['follows "Couldn\'t"; {0} is an ID'] });
    return requestVoid(this.http, { method: 'DELETE', path: itemPath(PATH, id, action), action, signal: options.signal });
  }
}
