import * as l10n from '@vscode/l10n';
import { type HttpClient } from '../http';
import { fetchListPage, iteratePages, type Page, type PageOptions, type PagesOptions } from '../pagination';
import { Environment, EnvironmentList, type EnvironmentCreate, type EnvironmentUpdate } from '../schemas/environment';
import { itemPath, requestParsed, requestVoid, type CallOptions } from './rest';

const PATH = '/org/v2/environments';

/** `org/v2` environments. Deleting one deletes everything inside it. */
export class EnvironmentsApi {
  constructor(private readonly http: HttpClient) {}

  /** One page (one request). */
  listPage(options: PageOptions = {}): Promise<Page<Environment>> {
    return fetchListPage(this.http, { path: PATH, noun: 'environments', envelope: EnvironmentList }, options);
  }

  /** Every page in order. */
  pages(options: PagesOptions = {}): AsyncGenerator<Page<Environment>> {
    return iteratePages((o: PageOptions) => this.listPage(o), options);
  }

  /** One environment by id. */
  async get(id: string, options: CallOptions = {}): Promise<Environment> {
    const action = l10n.t({ message: 'get environment {0}', args: [id], comment: ['follows "Couldn\'t"; {0} is an ID'] });
    return requestParsed(this.http, { method: 'GET', path: itemPath(PATH, id, action), action, signal: options.signal }, Environment);
  }

  /** Creates an environment (201). */
  create(body: EnvironmentCreate, options: CallOptions = {}): Promise<Environment> {
    const action = l10n.t({ message: 'create environment', comment: ['follows "Couldn\'t"'] });
    return requestParsed(this.http, { method: 'POST', path: PATH, body, action, signal: options.signal }, Environment);
  }

  /** Renames or changes the Stream Governance package. */
  async update(id: string, body: EnvironmentUpdate, options: CallOptions = {}): Promise<Environment> {
    const action = l10n.t({ message: 'update environment {0}', args: [id], comment: ['follows "Couldn\'t"; {0} is an ID'] });
    return requestParsed(this.http, { method: 'PATCH', path: itemPath(PATH, id, action), body, action, signal: options.signal }, Environment);
  }

  /** Deletes the environment and, recursively, its clusters and keys. */
  async delete(id: string, options: CallOptions = {}): Promise<void> {
    const action = l10n.t({ message: 'delete environment {0}', args: [id], comment: ['follows "Couldn\'t"; {0} is an ID'] });
    return requestVoid(this.http, { method: 'DELETE', path: itemPath(PATH, id, action), action, signal: options.signal });
  }
}
