import * as vscode from 'vscode';
import type { OrgConnection } from '../auth/orgConnection';
import type { Invitation } from '../cloud/schemas/invitation';
import type { User } from '../cloud/schemas/user';
import { UserNode } from '../explorer/nodes/userNode';
import { ownerActivity } from './activityHints';
import { CANCELLED, type Outcome } from './commandOutcome';
import { connectionFor, isResourceRef, pickerPageSize, registerResourceAction, type ResourceCommandDeps, withRequestProgress } from './commandTargets';
import { keysOwnedBy, ownerPreviewLines } from './deletePreview';
import { type DeleteInputs, existsById, runDelete } from './deleteFlow';
import { definedStrings, firstInvalid, type FormValues, pickerStep, runWizard, type TextFieldSpec, textStep } from './multiStepWizard';
import { pickUser } from './pickers/resourcePickers';
import { ResourceCommand } from './resourceCommandIds';
import { runSubmit } from './submitFlow';
import { quoteForPrompt, validateEmail, validateRequiredName } from './validation';

/** Automation input of Invite User / Rename User. */
export interface UserInputs {
  readonly email?: string;
  readonly full_name?: string;
}

const EMAIL: TextFieldSpec = {
  field: 'email',
  // Said here because there is no "Create User": people join by accepting an invitation.
  prompt: 'Users cannot be created directly: Confluent Cloud emails an invitation, and the person appears under Users once they accept.',
  placeholder: 'Email address, e.g. ada@example.com',
  validate: validateEmail,
};

const FULL_NAME: TextFieldSpec = {
  field: 'full_name',
  prompt: 'Full name shown for this user (the email address cannot be changed)',
  validate: (v) => validateRequiredName(v, 'full name'),
};

/** Invite, rename and delete users. */
export function registerUserCommands(deps: ResourceCommandDeps): vscode.Disposable[] {
  const pageSize = (): number => pickerPageSize(deps.explorer);

  const invite = async (arg?: unknown, inputs?: Pick<UserInputs, 'email'>): Promise<Outcome<Invitation>> => {
    const connection = await connectionFor(deps.registry, arg, 'Invite a user to which organization?');
    if (!connection) return CANCELLED;
    const given = definedStrings(inputs);
    const values: FormValues = { ...given };
    return runSubmit(deps, {
      verb: 'invite', noun: 'user', nameOf: (v) => v.email?.trim(), values, automated: inputs !== undefined,
      invalid: () => firstInvalid([EMAIL], values),
      ask: (errors, start) => runWizard(`Invite User to ${connection.label}`, [
        textStep(EMAIL, values, errors, given.email !== undefined && !errors.email),
      ], start),
      submit: (v) => connection.client.invitations.create({ email: (v.email ?? '').trim() }),
      lookup: (v, signal) => findInvitation(connection, (v.email ?? '').trim(), signal),
      succeeded: (invitation, recovered) => {
        deps.log.info(`Invited ${invitation.id}${recovered ? ' (found after an error)' : ''}`);
        const email = quoteForPrompt(invitation.email);
        const lead = recovered ? `The invitation to ${email} was sent despite the error.` : `Invitation sent to ${email}.`;
        void vscode.window.showInformationMessage(`${lead} They appear under Users once they accept it.`);
      },
    });
  };

  const rename = async (arg?: unknown, inputs?: Pick<UserInputs, 'full_name'>): Promise<Outcome<User>> => {
    const connection = await connectionFor(deps.registry, arg, 'Rename a user in which organization?');
    if (!connection) return CANCELLED;
    let user = await target(connection, arg);
    const given = definedStrings(inputs);
    const values: FormValues = { full_name: user?.full_name ?? '', ...given };
    return runSubmit(deps, {
      verb: 'rename', noun: 'user', nameOf: () => (user ? label(user) : undefined), values, automated: inputs !== undefined,
      invalid: () => firstInvalid([FULL_NAME], values),
      ask: (errors, start) => runWizard('Rename User', [
        pickerStep((at) => pickUser({ connection, pageSize: pageSize() }, at, 'Select the user to rename'), (picked) => {
          if (picked.id !== user?.id && given.full_name === undefined) values.full_name = picked.full_name ?? '';
          user = picked;
        }, user !== undefined),
        textStep(FULL_NAME, values, errors, given.full_name !== undefined && !errors.full_name),
      ], start),
      submit: (v) => connection.client.users.update(user!.id, { full_name: v.full_name ?? '' }),
      succeeded: (updated) => {
        deps.updates.itemUpdated(connection, 'user', updated);
        vscode.window.setStatusBarMessage(`$(check) Renamed user to ${quoteForPrompt(updated.full_name ?? updated.email)}`, 5000);
      },
    });
  };

  const remove = async (arg?: unknown, inputs?: DeleteInputs): Promise<Outcome<{ id: string }>> => {
    const connection = await connectionFor(deps.registry, arg, 'Delete a user in which organization?');
    if (!connection) return CANCELLED;
    let user = await target(connection, arg);
    if (!user) {
      const picked = await pickUser({ connection, pageSize: pageSize() }, { title: 'Delete User' }, 'Select the user to delete');
      if (picked?.kind !== 'value') return CANCELLED;
      user = picked.value;
    }
    const member = user;
    return runDelete(deps, {
      // Typed confirmation uses the email: it is unique and always present, unlike the full name.
      noun: 'user', id: member.id, name: member.email, confirmBy: 'name', inputs,
      preview: async (signal) => {
        const keys = await keysOwnedBy(connection.client, member.id, signal);
        const activity = await ownerActivity(connection.id, member.id, keys.sample);
        const lines = [
          `${label(member)} loses access to the organization.`,
          ...ownerPreviewLines(keys, activity.staleClusters),
          ...(activity.summary ? [`Activity: ${activity.summary}`] : []),
        ];
        return { lines, impact: { apiKeys: keys.total } };
      },
      remove: () => connection.client.users.delete(member.id),
      stillExists: () => existsById(() => connection.client.users.get(member.id)),
      deleted: () => deps.updates.itemDeleted(connection, 'user', member.id),
    });
  };

  return [
    registerResourceAction(deps, ResourceCommand.inviteUser, invite),
    registerResourceAction(deps, ResourceCommand.renameUser, rename),
    registerResourceAction(deps, ResourceCommand.deleteUser, remove),
  ];
}

function label(user: User): string {
  const name = user.full_name?.trim();
  return name ? `${name} <${user.email}>` : user.email;
}

async function target(connection: OrgConnection, arg: unknown): Promise<User | undefined> {
  if (arg instanceof UserNode) return arg.user;
  if (isResourceRef(arg)) {
    return withRequestProgress(`Loading user ${arg.id}…`, (signal) => connection.client.users.get(arg.id, { signal }), true);
  }
  return undefined;
}

/** After an uncertain invite: a pending invitation for this address. */
async function findInvitation(connection: OrgConnection, email: string, signal: AbortSignal | undefined): Promise<Invitation | undefined> {
  const wanted = email.toLowerCase();
  for await (const page of connection.client.invitations.pages({ pageSize: 100, signal })) {
    const found = page.items.find((inv) => inv.email.toLowerCase() === wanted && (!inv.status || inv.status === 'INVITE_STATUS_SENT'));
    if (found) return found;
  }
  return undefined;
}
