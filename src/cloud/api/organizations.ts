import * as l10n from '@vscode/l10n';
import { type HttpClient } from '../http';
import { fetchListPage, iteratePages, type Page, type PageOptions, type PagesOptions } from '../pagination';
import { Organization, OrganizationList } from '../schemas/organization';
import { itemPath, requestParsed, type CallOptions } from './rest';

const PATH = '/org/v2/organizations';

/** `org/v2` organizations visible to the key (normally exactly one). */
export class OrganizationsApi {
  constructor(private readonly http: HttpClient) {}

  /** One page (one request). */
  listPage(options: PageOptions = {}): Promise<Page<Organization>> {
    return fetchListPage(this.http, { path: PATH, noun: 'organizations', envelope: OrganizationList }, options);
  }

  /** Every page in order. */
  pages(options: PagesOptions = {}): AsyncGenerator<Page<Organization>> {
    return iteratePages((o: PageOptions) => this.listPage(o), options);
  }

  /** One organization by id. */
  async get(id: string, options: CallOptions = {}): Promise<Organization> {
    const action = l10n.t({ message: 'get organization {0}', args: [id], comment: ['follows "Couldn\'t"; {0} is an ID'] });
    return requestParsed(this.http, { method: 'GET', path: itemPath(PATH, id, action), action, signal: options.signal }, Organization);
  }
}
