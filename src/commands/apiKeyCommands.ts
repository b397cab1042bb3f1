import * as l10n from '@vscode/l10n';
import type * as vscode from 'vscode';
import type { ApiKey } from '../cloud/schemas/apiKey';
import { createApiKey, type ApiKeyInputs } from './apiKeyCreate';
import { rotateApiKey, type RotateInputs, type RotationResult } from './apiKeyRotation';
import { CANCELLED, type Outcome } from './commandOutcome';
import { connectionFor, pickerContext, registerResourceAction, type ResourceCommandDeps } from './commandTargets';
import { API_KEY_KIND } from './kinds/apiKeyKind';
import { targetItem } from './kinds/kindCommands';
import { ResourceCommand } from './resourceCommandIds';

/**
 * Create API Key (the secret shown once) and Rotate API Key: the two API key commands with flows
 * of their own. Edit and Delete are derived from {@link API_KEY_KIND}.
 *
 * Automation: `(target, inputs)`. `target` is a tree node or `{ id, organization? }` (create:
 * `{ organization?, owner?, resource?, environment? }`); `inputs` holds the answers, which are
 * then not asked for, and failures come back as the result instead of reopening the form.
 */
export function registerApiKeyCommands(deps: ResourceCommandDeps): vscode.Disposable[] {
  const rotate = async (arg?: unknown, inputs?: RotateInputs): Promise<Outcome<RotationResult>> => {
    const connection = await connectionFor(deps.registry, arg, l10n.t('Rotate an API key in which organization?'));
    if (!connection) return CANCELLED;
    let key: ApiKey | undefined = await targetItem(API_KEY_KIND, connection, arg);
    if (!key) {
      const picked = await API_KEY_KIND.pick?.(pickerContext(deps, connection), { title: l10n.t('Rotate API Key') });
      if (picked?.kind !== 'value') return CANCELLED;
      key = picked.value;
    }
    return rotateApiKey(deps, connection, key, inputs);
  };

  return [
    registerResourceAction<ApiKeyInputs>(deps, ResourceCommand.createApiKey, (arg, inputs) => createApiKey(deps, arg, inputs)),
    registerResourceAction(deps, ResourceCommand.rotateApiKey, rotate),
  ];
}
