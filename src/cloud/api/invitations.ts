import * as l10n from '@vscode/l10n';
import { type HttpClient } from '../http';
import { fetchListPage, iteratePages, type Page, type PageOptions, type PagesOptions } from '../pagination';
import { Invitation, InvitationList, type InvitationCreate } from '../schemas/invitation';
import { itemPath, requestParsed, requestVoid, type CallOptions } from './rest';

const PATH = '/iam/v2/invitations';

/** `iam/v2` invitations. */
export class InvitationsApi {
  constructor(private readonly http: HttpClient) {}

  /** One page (one request). */
  listPage(options: PageOptions = {}): Promise<Page<Invitation>> {
    return fetchListPage(this.http, { path: PATH, noun: 'invitations', envelope: InvitationList }, options);
  }

  /** Every page in order. */
  pages(options: PagesOptions = {}): AsyncGenerator<Page<Invitation>> {
    return iteratePages((o: PageOptions) => this.listPage(o), options);
  }

  /** One invitation by id. */
  async get(id: string, options: CallOptions = {}): Promise<Invitation> {
    const action = l10n.t({ message: 'get invitation {0}', args: [id], comment: ['follows "Couldn\'t"; {0} is an ID'] });
    return requestParsed(this.http, { method: 'GET', path: itemPath(PATH, id, action), action, signal: options.signal }, Invitation);
  }

  /** Invites a user by email (201). */
  create(body: InvitationCreate, options: CallOptions = {}): Promise<Invitation> {
    const action = l10n.t({ message: 'invite {0}', args: [body.email], comment: ['follows "Couldn\'t"; {0} is an email address'] });
    return requestParsed(this.http, { method: 'POST', path: PATH, body, action, signal: options.signal }, Invitation);
  }

  /** Withdraws an invitation. */
  async delete(id: string, options: CallOptions = {}): Promise<void> {
    const action = l10n.t({ message: 'delete invitation {0}', args: [id], comment: ['follows "Couldn\'t"; {0} is an ID'] });
    return requestVoid(this.http, { method: 'DELETE', path: itemPath(PATH, id, action), action, signal: options.signal });
  }
}
