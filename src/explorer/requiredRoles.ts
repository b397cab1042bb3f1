/**
 * Which role an action needs, for the hint after a 403 ("… needs the OrganizationAdmin or
 * AccountAdmin role"). Role names are those of `src/cloud/roleCatalogue.ts` (a unit test keeps
 * them in step). Pure, so commands and the tree word it the same way; the table is keyed by
 * English nouns, which are lookup keys here, never shown.
 */
import * as l10n from '@vscode/l10n';
import type { ResourceKind } from './resourceIds';

/** What was attempted: list (the tree), or a create, edit or delete command. */
export type RoleAction = 'list' | 'create' | 'edit' | 'delete';

const ACCOUNT_ADMINS = ['OrganizationAdmin', 'AccountAdmin'] as const;

// By singular noun; `create` etc. fall back to `any` when they need the same.
const TABLE: Readonly<Record<string, Partial<Record<RoleAction | 'any', readonly string[]>>>> = {
  'service account': { any: ACCOUNT_ADMINS },
  user: { any: ACCOUNT_ADMINS },
  invitation: { any: ACCOUNT_ADMINS },
  'API key': { list: ACCOUNT_ADMINS, any: ['OrganizationAdmin', 'AccountAdmin', 'ResourceKeyAdmin'] },
  environment: { create: ['OrganizationAdmin'], any: ['OrganizationAdmin', 'EnvironmentAdmin'] },
  'Kafka cluster': { any: ['OrganizationAdmin', 'EnvironmentAdmin', 'CloudClusterAdmin'] },
  'role binding': { list: ['OrganizationAdmin', 'AccountAdmin', 'EnvironmentAdmin', 'CloudClusterAdmin'], any: ['OrganizationAdmin', 'AccountAdmin'] },
};

/** Every role the table names, for the test that checks them against the catalogue. */
export function rolesInTable(): string[] {
  return [...new Set(Object.values(TABLE).flatMap((row) => Object.values(row).flat()))];
}

/**
 * The roles that allow `action` on `noun` ("service account", or a folder's plural "service
 * accounts", "more users"), or undefined when the kind is not in the table.
 */
export function rolesNeeded(noun: string, action: RoleAction): readonly string[] | undefined {
  const singular = noun.replace(/^more /, '').replace(/s$/, '');
  const row = TABLE[singular] ?? TABLE[noun];
  return row ? (row[action] ?? row.any) : undefined;
}

// The table's key of each kind the tree lists, so a localized folder noun still finds its row.
const KIND_KEYS: Readonly<Record<ResourceKind, string>> = {
  environment: 'environment',
  kafkaCluster: 'Kafka cluster',
  serviceAccount: 'service account',
  user: 'user',
  apiKey: 'API key',
  roleBinding: 'role binding',
};

/** "the OrganizationAdmin or AccountAdmin role", or undefined when unknown. */
export function roleHint(noun: string, action: RoleAction): string | undefined {
  const roles = rolesNeeded(noun, action);
  if (!roles || roles.length === 0) return undefined;
  const list = roles.length === 1
    ? roles[0]!
    : l10n.t({
      message: '{0} or {1}',
      args: [roles.slice(0, -1).join(', '), roles[roles.length - 1]!],
      comment: ['Alternatives among role names: {0} is one or more comma-separated role names, {1} the last one'],
    });
  return l10n.t({ message: 'the {0} role', args: [list], comment: ['{0} is one role name or several joined with "or"'] });
}

/** {@link roleHint} for a kind of the tree, whatever language its nouns are shown in. */
export function roleHintForKind(kind: ResourceKind, action: RoleAction): string | undefined {
  return roleHint(KIND_KEYS[kind], action);
}
