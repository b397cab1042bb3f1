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
  prompt: 'Name of the key (optional): where it is used, so it can be found when rotating',
  placeholder: 'e.g. checkout-service production',
  validate: (v) => validateOptionalText(v, 'name'),
};

export const KEY_DESCRIPTION: TextField<ApiKeyTextInputs, 'description'> = {
  type: 'text', name: 'description', optional: true,
  prompt: 'Description (optional)',
  validate: (v) => validateOptionalText(v, 'description'),
};

const EDIT_FORM: FormSpec<ApiKeyTextInputs> = { fields: [{ ...KEY_NAME, prompt: 'Name of the key' }, KEY_DESCRIPTION] };

/**
 * API keys: edit and delete here; Create API Key (the secret shown once) and Rotate API Key have
 * flows of their own in `apiKeyCreate.ts` and `apiKeyRotation.ts`, built on the same form engine.
 */
export const API_KEY_KIND: ResourceKindDescriptor<ApiKey, object, ApiKeyTextInputs> = {
  id: 'apiKey',
  noun: 'API key',
  title: 'API Key',
  tree: API_KEY_TREE,
  node: ApiKeyNode,
  api: (connection) => connection.client.apiKeys,
  pick: (ctx, at, placeholder) => pickApiKey(ctx, at, placeholder),
  nameOf: (key) => key.id,
  edit: {
    command: ResourceCommand.editApiKey,
    verb: 'edit',
    organizationPrompt: 'Edit an API key in which organization?',
    title: 'Edit API Key',
    pickPlaceholder: 'Select the API key to edit',
    form: EDIT_FORM,
    current: (key) => ({ display_name: key.spec.display_name ?? '', description: key.spec.description ?? '' }),
    nameOf: (key) => key.spec.display_name || key.id,
    submit: (connection, key, answers) => connection.client.apiKeys.update(key.id, { display_name: answers.display_name ?? '', description: answers.description ?? '' }),
    saved: (key) => `Saved API key ${key.id}`,
  },
  remove: {
    command: ResourceCommand.deleteApiKey,
    organizationPrompt: 'Delete an API key in which organization?',
    confirmBy: 'modal',
    consequence: (key) => [
      key.spec.display_name ? `Name: ${key.spec.display_name}` : undefined,
      `Owner: ${key.spec.owner.id} · Resource: ${keyScope(key)}`,
      'Applications using this key stop working immediately.',
    ].filter(Boolean).join('\n'),
  },
};
