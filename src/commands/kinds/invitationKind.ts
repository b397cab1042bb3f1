import * as vscode from 'vscode';
import type { Invitation } from '../../cloud/schemas/invitation';
import type { FormSpec } from '../forms/formSpec';
import { ResourceCommand } from '../resourceCommandIds';
import { quoteForPrompt, validateEmail } from '../validation';
import type { ResourceKindDescriptor } from './resourceKind';

/** Automation input of Invite User. */
export interface InvitationInputs {
  readonly email?: string;
}

const INVITE_FORM: FormSpec<InvitationInputs> = {
  fields: [{
    type: 'text', name: 'email',
    // Said here because there is no "Create User": people join by accepting an invitation.
    prompt: 'Users cannot be created directly: Confluent Cloud emails an invitation, and the person appears under Users once they accept.',
    placeholder: 'Email address, e.g. ada@example.com',
    validate: validateEmail,
  }],
};

/** Invitations: Invite User… sends one; the tree shows users, not invitations. */
export const INVITATION_KIND: ResourceKindDescriptor<Invitation, InvitationInputs> = {
  id: 'invitation',
  noun: 'invitation',
  title: 'Invitation',
  api: (connection) => connection.client.invitations,
  nameOf: (invitation) => invitation.email,
  create: {
    command: ResourceCommand.inviteUser,
    verb: 'invite',
    noun: 'user',
    organizationPrompt: 'Invite a user to which organization?',
    title: (connection) => `Invite User to ${connection.label}`,
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
      const email = quoteForPrompt(invitation.email);
      const lead = recovered ? `The invitation to ${email} was sent despite the error.` : `Invitation sent to ${email}.`;
      void vscode.window.showInformationMessage(`${lead} They appear under Users once they accept it.`);
    },
  },
};
