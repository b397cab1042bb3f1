import * as vscode from 'vscode';
import type { OrgConnection } from '../auth/orgConnection';
import type { ApiKey } from '../cloud/schemas/apiKey';
import { ApiKeyNode } from '../explorer/nodes/apiKeyNode';
import { createApiKey, type ApiKeyInputs, KEY_DESCRIPTION, KEY_NAME } from './apiKeyCreate';
import { keyScope } from './apiKeyNames';
import { rotateApiKey, type RotateInputs, type RotationResult } from './apiKeyRotation';
import { CANCELLED, type Outcome } from './commandOutcome';
import { connectionFor, isResourceRef, pickerPageSize, registerResourceAction, type ResourceCommandDeps, withRequestProgress } from './commandTargets';
import { type DeleteInputs, existsById, runDelete } from './deleteFlow';
import { definedStrings, firstInvalid, type FormValues, pickerStep, runWizard, textStep } from './multiStepWizard';
import { pickApiKey } from './pickers/resourcePickers';
import { ResourceCommand } from './resourceCommandIds';
import { runSubmit } from './submitFlow';

/**
 * Create (with the secret shown once), edit, delete and rotate API keys.
 *
 * Automation: every command takes `(target, inputs)`. `target` is a tree node or
 * `{ id, organization? }` (create: `{ organization?, owner?, resource?, environment? }`);
 * `inputs` holds the answers, which are then not asked for, and failures come back as the
 * result instead of reopening the form.
 */
export function registerApiKeyCommands(deps: ResourceCommandDeps): vscode.Disposable[] {
  const pageSize = (): number => pickerPageSize(deps.explorer);

  // A key from the node, a reference, or (from the palette) a paged picker.
  const keyFor = async (connection: OrgConnection, arg: unknown, title: string): Promise<ApiKey | undefined> => {
    if (arg instanceof ApiKeyNode) return arg.apiKey;
    if (isResourceRef(arg)) return withRequestProgress(`Loading API key ${arg.id}…`, (signal) => connection.client.apiKeys.get(arg.id, { signal }), true);
    const picked = await pickApiKey({ connection, pageSize: pageSize() }, { title });
    return picked?.kind === 'value' ? picked.value : undefined;
  };

  const edit = async (arg?: unknown, inputs?: Pick<ApiKeyInputs, 'display_name' | 'description'>): Promise<Outcome<ApiKey>> => {
    const connection = await connectionFor(deps.registry, arg, 'Edit an API key in which organization?');
    if (!connection) return CANCELLED;
    let key = arg instanceof ApiKeyNode || isResourceRef(arg) ? await keyFor(connection, arg, 'Edit API Key') : undefined;
    const given = definedStrings(inputs);
    const values: FormValues = { display_name: key?.spec.display_name ?? '', description: key?.spec.description ?? '', ...given };
    const fixed = (field: string, errors: Record<string, string | undefined>): boolean =>
      (given[field] !== undefined || inputs !== undefined) && !errors[field];
    return runSubmit(deps, {
      verb: 'edit', noun: 'API key', nameOf: () => key?.spec.display_name || key?.id, values, automated: inputs !== undefined,
      invalid: () => firstInvalid([KEY_NAME, KEY_DESCRIPTION], values),
      ask: (errors, start) => runWizard('Edit API Key', [
        pickerStep((at) => pickApiKey({ connection, pageSize: pageSize() }, at, 'Select the API key to edit'), (picked) => {
          if (picked.id !== key?.id) {
            values.display_name = given.display_name ?? picked.spec.display_name ?? '';
            values.description = given.description ?? picked.spec.description ?? '';
          }
          key = picked;
        }, key !== undefined),
        textStep({ ...KEY_NAME, prompt: 'Name of the key' }, values, errors, fixed('display_name', errors)),
        textStep(KEY_DESCRIPTION, values, errors, fixed('description', errors)),
      ], start),
      submit: (v) => connection.client.apiKeys.update(key!.id, { display_name: v.display_name ?? '', description: v.description ?? '' }),
      succeeded: (updated) => {
        deps.updates.itemUpdated(connection, 'apiKey', updated);
        vscode.window.setStatusBarMessage(`$(check) Saved API key ${updated.id}`, 5000);
      },
    });
  };

  const remove = async (arg?: unknown, inputs?: DeleteInputs): Promise<Outcome<{ id: string }>> => {
    const connection = await connectionFor(deps.registry, arg, 'Delete an API key in which organization?');
    if (!connection) return CANCELLED;
    const key = await keyFor(connection, arg, 'Delete API Key');
    if (!key) return CANCELLED;
    return runDelete(deps, {
      noun: 'API key', id: key.id, name: key.id, confirmBy: 'modal', inputs,
      consequence: [
        key.spec.display_name ? `Name: ${key.spec.display_name}` : undefined,
        `Owner: ${key.spec.owner.id} · Resource: ${keyScope(key)}`,
        'Applications using this key stop working immediately.',
      ].filter(Boolean).join('\n'),
      remove: () => connection.client.apiKeys.delete(key.id),
      stillExists: () => existsById(() => connection.client.apiKeys.get(key.id)),
      deleted: () => deps.updates.itemDeleted(connection, 'apiKey', key.id),
    });
  };

  const rotate = async (arg?: unknown, inputs?: RotateInputs): Promise<Outcome<RotationResult>> => {
    const connection = await connectionFor(deps.registry, arg, 'Rotate an API key in which organization?');
    if (!connection) return CANCELLED;
    const key = await keyFor(connection, arg, 'Rotate API Key');
    if (!key) return CANCELLED;
    return rotateApiKey(deps, connection, key, inputs);
  };

  return [
    registerResourceAction<ApiKeyInputs>(deps, ResourceCommand.createApiKey, (arg, inputs) => createApiKey(deps, arg, inputs)),
    registerResourceAction(deps, ResourceCommand.editApiKey, edit),
    registerResourceAction(deps, ResourceCommand.deleteApiKey, remove),
    registerResourceAction(deps, ResourceCommand.rotateApiKey, rotate),
  ];
}
