import * as l10n from '@vscode/l10n';
import type { User } from '../../cloud/schemas/user';
import { UserNode } from '../../explorer/nodes/userNode';
import { USER_TREE } from '../../explorer/treeKinds';
import { ownerActivity } from '../activityHints';
import { keysOwnedBy, ownerPreviewLines } from '../deletePreview';
import { bindingPreviewOrNote } from '../bindingPreview';
import type { FormSpec } from '../forms/formSpec';
import { pickUser } from '../pickers/resourcePickers';
import { ResourceCommand } from '../resourceCommandIds';
import { validateRequiredName } from '../validation';
import { quoted } from '../../ui/inertText';
import type { ResourceKindDescriptor } from './resourceKind';

/** Automation input of Rename User. */
export interface UserInputs {
  readonly full_name?: string;
}

const RENAME_FORM: FormSpec<UserInputs> = {
  fields: [{
    type: 'text', name: 'full_name',
    prompt: l10n.t('Full name shown for this user (the email address cannot be changed)'),
    validate: (v) => validateRequiredName(v, l10n.t({ message: 'full name', comment: ['names the field in validation messages such as "Enter a …"'] })),
  }],
};

/** "Ada Lovelace <ada@example.com>", or the email alone. */
export function userLabel(user: User): string {
  const name = user.full_name?.trim();
  return name ? `${name} <${user.email}>` : user.email;
}

/**
 * Users: rename and delete. There is no create; people join by accepting an invitation
 * ({@link INVITATION_KIND}).
 */
export const USER_KIND: ResourceKindDescriptor<User, object, UserInputs> = {
  id: 'user',
  noun: 'user',
  title: l10n.t('User'),
  loading: (id) => l10n.t('Loading user {0}…', id),
  tree: USER_TREE,
  node: UserNode,
  api: (connection) => connection.client.users,
  pick: (ctx, at, placeholder) => pickUser(ctx, at, placeholder),
  // Typed confirmation uses the email: it is unique and always present, unlike the full name.
  nameOf: (user) => user.email,
  edit: {
    command: ResourceCommand.renameUser,
    verb: 'rename',
    organizationPrompt: l10n.t('Rename a user in which organization?'),
    title: l10n.t('Rename User'),
    pickPlaceholder: l10n.t('Select the user to rename'),
    form: RENAME_FORM,
    current: (user) => ({ full_name: user.full_name ?? '' }),
    nameOf: userLabel,
    submit: (connection, user, answers) => connection.client.users.update(user.id, { full_name: answers.full_name ?? '' }),
    saved: (user) => l10n.t('Renamed user to {0}', quoted(user.full_name ?? user.email)),
  },
  remove: {
    command: ResourceCommand.deleteUser,
    organizationPrompt: l10n.t('Delete a user in which organization?'),
    pickTitle: l10n.t('Delete User'),
    pickPlaceholder: l10n.t('Select the user to delete'),
    confirmBy: 'name',
    preview: async (ctx, user, signal) => {
      const keys = await keysOwnedBy(ctx.connection.client, user.id, signal);
      const activity = await ownerActivity(ctx.deps.activity, ctx.connection, user.id, keys.sample);
      const lines = [
        l10n.t('{0} loses access to the organization.', userLabel(user)),
        ...ownerPreviewLines(keys, activity.staleClusters),
        ...(activity.summary ? [l10n.t('Activity: {0}', activity.summary)] : []),
        ...await bindingPreviewOrNote(ctx.connection, user.id, ctx.deps.explorer.organizationNode(ctx.connection).names, signal),
      ];
      return { lines, impact: { apiKeys: keys.total } };
    },
  },
};
