import * as vscode from 'vscode';
import type { ServiceAccount } from '../../cloud/schemas/serviceAccount';
import { ServiceAccountNode } from '../../explorer/nodes/serviceAccountNode';
import { SERVICE_ACCOUNT_TREE } from '../../explorer/treeKinds';
import { ownerActivity } from '../activityHints';
import { keysOwnedBy, ownerPreviewLines } from '../deletePreview';
import { bindingPreviewOrNote } from '../bindingPreview';
import type { FormSpec } from '../forms/formSpec';
import { pickServiceAccount } from '../pickers/resourcePickers';
import { ResourceCommand } from '../resourceCommandIds';
import { quoted } from '../../ui/inertText';
import { announceCreated } from './announce';
import { descriptionField, nameField } from './fields';
import type { ResourceKindDescriptor } from './resourceKind';

/** Automation input of Create/Edit Service Account. */
export interface ServiceAccountInputs {
  readonly display_name?: string;
  readonly description?: string;
}

const NAME = nameField<ServiceAccountInputs>(
  vscode.l10n.t({ message: 'service account name', comment: ['names the field in validation messages such as "Enter a …"'] }),
  vscode.l10n.t('Service account name (unique in the organization)'),
  vscode.l10n.t('e.g. orders-producer'),
);
const DESCRIPTION = descriptionField<ServiceAccountInputs>(
  vscode.l10n.t('Description (optional): what uses this account'),
  vscode.l10n.t('e.g. Publishes order events from the checkout service'),
);

const CREATE_FORM: FormSpec<ServiceAccountInputs> = { fields: [NAME, DESCRIPTION] };
// Editing: automation changes only the fields it passes; the others keep their current values.
const EDIT_FORM: FormSpec<ServiceAccountInputs> = { fields: [{ ...NAME, optional: true }, DESCRIPTION] };

/** Service accounts: create, edit, delete (their API keys go with them). */
export const SERVICE_ACCOUNT_KIND: ResourceKindDescriptor<ServiceAccount, ServiceAccountInputs, ServiceAccountInputs> = {
  id: 'serviceAccount',
  noun: 'service account',
  title: vscode.l10n.t('Service Account'),
  loading: (id) => vscode.l10n.t('Loading service account {0}…', id),
  tree: SERVICE_ACCOUNT_TREE,
  node: ServiceAccountNode,
  api: (connection) => connection.client.serviceAccounts,
  pick: (ctx, at, placeholder) => pickServiceAccount(ctx, at, placeholder),
  nameOf: (sa) => sa.display_name,
  create: {
    command: ResourceCommand.createServiceAccount,
    verb: 'create',
    organizationPrompt: vscode.l10n.t('Create the service account in which organization?'),
    title: (connection) => vscode.l10n.t({ message: 'Create Service Account in {0}', args: [connection.label], comment: ['{0} is the organization'] }),
    form: CREATE_FORM,
    nameOf: (answers) => answers.display_name,
    submit: (connection, answers) => connection.client.serviceAccounts.create({ display_name: answers.display_name ?? '', description: answers.description ?? '' }),
    // The API filters by exact display name.
    lookup: async (connection, answers, signal) => {
      const name = answers.display_name ?? '';
      const page = await connection.client.serviceAccounts.listPage({ displayName: name, pageSize: 10, signal });
      return page.items.find((sa) => sa.display_name === name);
    },
    succeeded: (ctx, sa, recovered) => {
      ctx.deps.updates.itemCreated(ctx.connection, 'serviceAccount', sa);
      const text = recovered
        ? vscode.l10n.t('The service account {0} was created despite the error ({1}).', quoted(sa.display_name), sa.id)
        : vscode.l10n.t('Created service account {0} ({1}).', quoted(sa.display_name), sa.id);
      announceCreated(ctx, 'service account', sa.id, recovered, text, [{
        label: vscode.l10n.t('Create API Key…'),
        run: () => void vscode.commands.executeCommand(ResourceCommand.createApiKey, { organization: ctx.connection.id, owner: sa.id }),
      }]);
    },
  },
  edit: {
    command: ResourceCommand.editServiceAccount,
    verb: 'edit',
    organizationPrompt: vscode.l10n.t('Edit a service account in which organization?'),
    title: vscode.l10n.t('Edit Service Account'),
    form: EDIT_FORM,
    current: (sa) => ({ display_name: sa.display_name, description: sa.description ?? '' }),
    // Only what changed is sent.
    submit: (connection, sa, answers) => connection.client.serviceAccounts.update(sa.id, {
      ...(answers.display_name !== sa.display_name ? { display_name: answers.display_name ?? '' } : {}),
      ...(answers.description !== (sa.description ?? '') ? { description: answers.description ?? '' } : {}),
    }),
    saved: (sa) => vscode.l10n.t('Saved service account {0}', quoted(sa.display_name)),
  },
  remove: {
    command: ResourceCommand.deleteServiceAccount,
    organizationPrompt: vscode.l10n.t('Delete a service account in which organization?'),
    pickTitle: vscode.l10n.t('Delete Service Account'),
    confirmBy: 'name',
    preview: async (ctx, sa, signal) => {
      const keys = await keysOwnedBy(ctx.connection.client, sa.id, signal);
      const activity = await ownerActivity(ctx.deps.activity, ctx.connection, sa.id, keys.sample);
      const lines = [
        ...ownerPreviewLines(keys, activity.staleClusters), ...(activity.summary ? [vscode.l10n.t('Activity: {0}', activity.summary)] : []),
        ...await bindingPreviewOrNote(ctx.connection, sa.id, ctx.deps.explorer.organizationNode(ctx.connection).names, signal),
      ];
      return { lines, impact: { apiKeys: keys.total } };
    },
  },
};
