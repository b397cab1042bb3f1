import type * as vscode from 'vscode';
import type { ResourceCommandDeps } from '../commandTargets';
import { API_KEY_KIND } from './apiKeyKind';
import { ENVIRONMENT_KIND } from './environmentKind';
import { INVITATION_KIND } from './invitationKind';
import { registerKindCommands } from './kindCommands';
import { ROLE_BINDING_KIND } from './roleBindingKind';
import { SERVICE_ACCOUNT_KIND } from './serviceAccountKind';
import { USER_KIND } from './userKind';

/**
 * Registers the generic create/edit/delete commands of every kind. Kafka clusters are read-only
 * here (their tree side is `KAFKA_CLUSTER_TREE`); Create and Rotate API Key have flows of their own.
 */
export function registerAllKindCommands(deps: ResourceCommandDeps): vscode.Disposable[] {
  return [
    ...registerKindCommands(deps, ENVIRONMENT_KIND),
    ...registerKindCommands(deps, SERVICE_ACCOUNT_KIND),
    ...registerKindCommands(deps, USER_KIND),
    ...registerKindCommands(deps, INVITATION_KIND),
    ...registerKindCommands(deps, API_KEY_KIND),
    ...registerKindCommands(deps, ROLE_BINDING_KIND),
  ];
}
