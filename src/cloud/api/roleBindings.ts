import * as l10n from '@vscode/l10n';
import { type HttpClient } from '../http';
import { fetchListPage, iteratePages, type Page, type PageOptions, type PagesOptions } from '../pagination';
import { RoleBinding, RoleBindingList, type RoleBindingCreate } from '../schemas/roleBinding';
import { itemPath, requestParsed, type CallOptions } from './rest';

const PATH = '/iam/v2/role-bindings';

/** Filters for role-binding lists. */
export interface RoleBindingFilters {
  /**
   * Required by the API. Matches bindings at exactly this scope; end it in `/*` (see `withNested` in
   * `crn.ts`) to include every scope nested below it.
   */
  crnPattern: string;
  /** Exact principal, e.g. `User:sa-abc123`. */
  principal?: string;
  /** Exact role name, e.g. `DeveloperRead`. */
  roleName?: string;
}

/** `iam/v2` role bindings: who holds which role where. */
export class RoleBindingsApi {
  constructor(private readonly http: HttpClient) {}

  /** One page (one request). The server default page size is 100. */
  listPage(options: PageOptions & RoleBindingFilters): Promise<Page<RoleBinding>> {
    return fetchListPage(this.http, { path: PATH, noun: 'role bindings', envelope: RoleBindingList }, options, {
      // Sent even when empty so the server names the missing parameter rather than the client guessing.
      crn_pattern: options.crnPattern,
      principal: options.principal || undefined,
      role_name: options.roleName || undefined,
    });
  }

  /** Every page in order. */
  pages(options: PagesOptions<RoleBindingFilters>): AsyncGenerator<Page<RoleBinding>> {
    return iteratePages((o: PageOptions & RoleBindingFilters) => this.listPage(o), options);
  }

  // The methods taking an id are async so that an id the path encoder refuses (`..`) rejects the
  // promise like every other failure instead of throwing synchronously.

  /** One binding by id. */
  async get(id: string, options: CallOptions = {}): Promise<RoleBinding> {
    const action = l10n.t({ message: 'get role binding {0}', args: [id], comment: ['follows "Couldn\'t"; {0} is an ID'] });
    return requestParsed(this.http, { method: 'GET', path: itemPath(PATH, id), action, signal: options.signal }, RoleBinding);
  }

  /** Grants a role (201). A binding may take a little while to take effect on the live service. */
  create(body: RoleBindingCreate, options: CallOptions = {}): Promise<RoleBinding> {
    const action = l10n.t({ message: 'create role binding', comment: ['follows "Couldn\'t"'] });
    return requestParsed(this.http, { method: 'POST', path: PATH, body, action, signal: options.signal }, RoleBinding);
  }

  /** Revokes a role. The API answers 200 with the binding that is being deleted, returned here. */
  async delete(id: string, options: CallOptions = {}): Promise<RoleBinding> {
    const action = l10n.t({ message: 'delete role binding {0}', args: [id], comment: ['follows "Couldn\'t"; {0} is an ID'] });
    return requestParsed(this.http, { method: 'DELETE', path: itemPath(PATH, id), action, signal: options.signal }, RoleBinding);
  }
}
