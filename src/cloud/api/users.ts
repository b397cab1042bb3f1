import * as l10n from '@vscode/l10n';
import { type HttpClient } from '../http';
import { fetchListPage, iteratePages, type Page, type PageOptions, type PagesOptions } from '../pagination';
import { User, UserList, type UserUpdate } from '../schemas/user';
import { itemPath, requestParsed, requestVoid, type CallOptions } from './rest';

const PATH = '/iam/v2/users';

/** `iam/v2` users. There is no create: users arrive through invitations. */
export class UsersApi {
  constructor(private readonly http: HttpClient) {}

  /** One page (one request). */
  listPage(options: PageOptions = {}): Promise<Page<User>> {
    return fetchListPage(this.http, { path: PATH, noun: 'users', envelope: UserList }, options);
  }

  /** Every page in order. */
  pages(options: PagesOptions = {}): AsyncGenerator<Page<User>> {
    return iteratePages((o: PageOptions) => this.listPage(o), options);
  }

  /** One user by id. */
  async get(id: string, options: CallOptions = {}): Promise<User> {
    const action = l10n.t({ message: 'get user {0}', args: [id], comment: ['follows "Couldn\'t"; {0} is an ID'] });
    return requestParsed(this.http, { method: 'GET', path: itemPath(PATH, id, action), action, signal: options.signal }, User);
  }

  /** Changes the full name (the only writable field). */
  async update(id: string, body: UserUpdate, options: CallOptions = {}): Promise<User> {
    const action = l10n.t({ message: 'update user {0}', args: [id], comment: ['follows "Couldn\'t"; {0} is an ID'] });
    return requestParsed(this.http, { method: 'PATCH', path: itemPath(PATH, id, action), body, action, signal: options.signal }, User);
  }

  /** Removes the user from the organization, deleting their API keys too. */
  async delete(id: string, options: CallOptions = {}): Promise<void> {
    const action = l10n.t({ message: 'delete user {0}', args: [id], comment: ['follows "Couldn\'t"; {0} is an ID'] });
    return requestVoid(this.http, { method: 'DELETE', path: itemPath(PATH, id, action), action, signal: options.signal });
  }
}
