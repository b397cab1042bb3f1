import type * as vscode from 'vscode';
import { registerAccessCommands } from './accessCommands';
import { registerApiKeyCommands } from './apiKeyCommands';
import type { ResourceCommandDeps } from './commandTargets';
import { registerAllKindCommands } from './kinds/allKinds';

/**
 * Create, edit and delete of every resource kind (derived from its descriptor), plus Create and
 * Rotate API Key: one call for the composition root.
 */
export function registerResourceCommands(deps: ResourceCommandDeps): vscode.Disposable[] {
  return [...registerAllKindCommands(deps), ...registerApiKeyCommands(deps), ...registerAccessCommands(deps)];
}
