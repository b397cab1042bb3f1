/**
 * Which role an action needs, for the hint after a 403 ("… needs the OrganizationAdmin or
 * AccountAdmin role"). Role names are those of `src/cloud/roleCatalogue.ts` (a unit test keeps
 * them in step). Pure, so commands and the tree word it the same way.
 */

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

/** "the OrganizationAdmin or AccountAdmin role", or undefined when unknown. */
export function roleHint(noun: string, action: RoleAction): string | undefined {
  const roles = rolesNeeded(noun, action);
  if (!roles || roles.length === 0) return undefined;
  const list = roles.length === 1 ? roles[0]! : `${roles.slice(0, -1).join(', ')} or ${roles[roles.length - 1]!}`;
  return `the ${list} role`;
}
