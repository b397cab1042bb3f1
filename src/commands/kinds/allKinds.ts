import type * as vscode from 'vscode';
import type { ResourceCommandDeps } from '../commandTargets';
import { API_KEY_KIND } from './apiKeyKind';
import { ENVIRONMENT_KIND } from './environmentKind';
import { INVITATION_KIND } from './invitationKind';
import { registerKindCommands } from './kindCommands';
import { SERVICE_ACCOUNT_KIND } from './serviceAccountKind';
import { USER_KIND } from './userKind';

/** What tests and the manifest check read of a kind: its name and command IDs. */
export interface KindSummary {
  readonly id: string;
  readonly noun: string;
  readonly create?: { readonly command: string } | undefined;
  readonly edit?: { readonly command: string } | undefined;
  readonly remove?: { readonly command: string } | undefined;
}

/**
 * Every kind with generic create/edit/delete commands. Kafka clusters are read-only here (their
 * tree side is `KAFKA_CLUSTER_TREE`); Create and Rotate API Key have flows of their own.
 */
export const RESOURCE_KINDS: readonly KindSummary[] = [ENVIRONMENT_KIND, SERVICE_ACCOUNT_KIND, USER_KIND, INVITATION_KIND, API_KEY_KIND];

/** Registers the commands of every kind in {@link RESOURCE_KINDS}. */
export function registerAllKindCommands(deps: ResourceCommandDeps): vscode.Disposable[] {
  return [
    ...registerKindCommands(deps, ENVIRONMENT_KIND),
    ...registerKindCommands(deps, SERVICE_ACCOUNT_KIND),
    ...registerKindCommands(deps, USER_KIND),
    ...registerKindCommands(deps, INVITATION_KIND),
    ...registerKindCommands(deps, API_KEY_KIND),
  ];
}
