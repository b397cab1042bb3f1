import * as l10n from '@vscode/l10n';
import type { ApiKey } from '../../cloud/schemas/apiKey';
import { ApiKeyNode } from '../../explorer/nodes/apiKeyNode';
import { API_KEY_TREE } from '../../explorer/treeKinds';
import { keyScope } from '../apiKeyNames';
import type { FormSpec, TextField } from '../forms/formSpec';
import { pickApiKey } from '../pickers/resourcePickers';
import { ResourceCommand } from '../resourceCommandIds';
import { validateOptionalText } from '../validation';
import type { ResourceKindDescriptor } from './resourceKind';

/** Name and description of a key, as typed in Create and Edit API Key. */
export interface ApiKeyTextInputs {
  readonly display_name?: string;
  readonly description?: string;
}

/** Both optional: automation that leaves them out is not asked. */
export const KEY_NAME: TextField<ApiKeyTextInputs, 'display_name'> = {
  type: 'text', name: 'display_name', optional: true,
  prompt: l10n.t('Name of the key (optional): where it is used, so it can be found when rotating'),
  placeholder: l10n.t('e.g. checkout-service production'),
  validate: (v) => validateOptionalText(v, l10n.t({ message: 'name', comment: ['the field to fill in, as in "Enter a name."'] })),
};

export const KEY_DESCRIPTION: TextField<ApiKeyTextInputs, 'description'> = {
  type: 'text', name: 'description', optional: true,
  prompt: l10n.t('Description (optional)'),
  validate: (v) => validateOptionalText(v),
};

const EDIT_FORM: FormSpec<ApiKeyTextInputs> = { fields: [{ ...KEY_NAME, prompt: l10n.t('Name of the key') }, KEY_DESCRIPTION] };

/**
 * API keys: edit and delete here; Create API Key (the secret shown once) and Rotate API Key have
 * flows of their own in `apiKeyCreate.ts` and `apiKeyRotation.ts`, built on the same form engine.
 */
export const API_KEY_KIND: ResourceKindDescriptor<ApiKey, object, ApiKeyTextInputs> = {
  id: 'apiKey',
  noun: 'API key',
  title: l10n.t('API Key'),
  loading: (id) => l10n.t('Loading API key {0}…', id),
  tree: API_KEY_TREE,
  node: ApiKeyNode,
  api: (connection) => connection.client.apiKeys,
  pick: (ctx, at, placeholder) => pickApiKey(ctx, at, placeholder),
  nameOf: (key) => key.id,
  edit: {
    command: ResourceCommand.editApiKey,
    verb: 'edit',
    organizationPrompt: l10n.t('Edit an API key in which organization?'),
    title: l10n.t('Edit API Key'),
    pickPlaceholder: l10n.t('Select the API key to edit'),
    form: EDIT_FORM,
    current: (key) => ({ display_name: key.spec.display_name ?? '', description: key.spec.description ?? '' }),
    nameOf: (key) => key.spec.display_name || key.id,
    submit: (connection, key, answers) => connection.client.apiKeys.update(key.id, { display_name: answers.display_name ?? '', description: answers.description ?? '' }),
    saved: (key) => l10n.t('Saved API key {0}', key.id),
  },
  remove: {
    command: ResourceCommand.deleteApiKey,
    organizationPrompt: l10n.t('Delete an API key in which organization?'),
    pickTitle: l10n.t('Delete API Key'),
    confirmBy: 'modal',
    consequence: (key) => [
      key.spec.display_name ? l10n.t('Name: {0}', key.spec.display_name) : undefined,
      l10n.t('Owner: {0} · Resource: {1}', key.spec.owner.id, keyScope(key)),
      l10n.t('Applications using this key stop working immediately.'),
    ].filter(Boolean).join('\n'),
  },
};
