import * as vscode from 'vscode';
import type { Invitation } from '../../cloud/schemas/invitation';
import type { FormSpec } from '../forms/formSpec';
import { ResourceCommand } from '../resourceCommandIds';
import { validateEmail } from '../validation';
import { quoted } from '../../ui/inertText';
import type { ResourceKindDescriptor } from './resourceKind';

/** Automation input of Invite User. */
export interface InvitationInputs {
  readonly email?: string;
}

const INVITE_FORM: FormSpec<InvitationInputs> = {
  fields: [{
    type: 'text', name: 'email',
    // Said here because there is no "Create User": people join by accepting an invitation.
    prompt: vscode.l10n.t('Users cannot be created directly: Confluent Cloud emails an invitation, and the person appears under Users once they accept.'),
    placeholder: vscode.l10n.t('Email address, e.g. ada@example.com'),
    validate: validateEmail,
  }],
};

/** Invitations: Invite User… sends one; the tree shows users, not invitations. */
export const INVITATION_KIND: ResourceKindDescriptor<Invitation, InvitationInputs> = {
  id: 'invitation',
  noun: 'invitation',
  title: vscode.l10n.t('Invitation'),
  loading: (id) => vscode.l10n.t('Loading invitation {0}…', id),
  api: (connection) => connection.client.invitations,
  nameOf: (invitation) => invitation.email,
  create: {
    command: ResourceCommand.inviteUser,
    verb: 'invite',
    noun: 'user',
    organizationPrompt: vscode.l10n.t('Invite a user to which organization?'),
    title: (connection) => vscode.l10n.t({ message: 'Invite User to {0}', args: [connection.label], comment: ['{0} is the organization'] }),
    form: INVITE_FORM,
    nameOf: (answers) => answers.email?.trim(),
    submit: (connection, answers) => connection.client.invitations.create({ email: (answers.email ?? '').trim() }),
    // A pending invitation for this address.
    lookup: async (connection, answers, signal) => {
      const wanted = (answers.email ?? '').trim().toLowerCase();
      for await (const page of connection.client.invitations.pages({ pageSize: 100, signal })) {
        const found = page.items.find((inv) => inv.email.toLowerCase() === wanted && (!inv.status || inv.status === 'INVITE_STATUS_SENT'));
        if (found) return found;
      }
      return undefined;
    },
    succeeded: (ctx, invitation, recovered) => {
      ctx.deps.log.info(`Invited ${invitation.id}${recovered ? ' (found after an error)' : ''}`);
      const email = quoted(invitation.email);
      const text = recovered
        ? vscode.l10n.t('The invitation to {0} was sent despite the error. They appear under Users once they accept it.', email)
        : vscode.l10n.t('Invitation sent to {0}. They appear under Users once they accept it.', email);
      void vscode.window.showInformationMessage(text);
    },
  },
};
