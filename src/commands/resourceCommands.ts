import type * as vscode from 'vscode';
import { registerApiKeyCommands } from './apiKeyCommands';
import type { ResourceCommandDeps } from './commandTargets';
import { registerEnvironmentCommands } from './environmentCommands';
import { registerServiceAccountCommands } from './serviceAccountCommands';
import { registerUserCommands } from './userCommands';

/**
 * Create, update, delete (and rotate) for environments, service accounts, users and API keys:
 * one call for the composition root.
 */
export function registerResourceCommands(deps: ResourceCommandDeps): vscode.Disposable[] {
  return [
    ...registerEnvironmentCommands(deps),
    ...registerServiceAccountCommands(deps),
    ...registerUserCommands(deps),
    ...registerApiKeyCommands(deps),
  ];
}
