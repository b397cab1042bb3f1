/**
 * Reads role bindings for the access tools, bounded so one explanation never pages forever.
 */
import type { RoleBinding } from '../cloud/schemas/roleBinding';
import type { ToolConnection } from './toolContext';

/** The binding fields the tools read. */
export type RoleBindingLike = Pick<RoleBinding, 'id' | 'principal' | 'role_name' | 'crn_pattern'>;

/** Most bindings one explanation reads, so a call stays bounded (10 requests of 100). */
export const BINDING_SCAN_MAX = 1000;

/** Every binding matching the query, up to BINDING_SCAN_MAX; `truncated` when there were more. */
export async function listBindings(
  connection: ToolConnection, query: { crnPattern: string; principal?: string | undefined }, signal: AbortSignal,
): Promise<{ bindings: RoleBindingLike[]; truncated: boolean }> {
  const api = connection.client.roleBindings;
  const bindings: RoleBindingLike[] = [];
  let pageToken: string | undefined;
  do {
    const page = await api.listPage({
      crnPattern: query.crnPattern, ...(query.principal ? { principal: query.principal } : {}),
      pageSize: 100, ...(pageToken ? { pageToken } : {}), signal,
    });
    bindings.push(...page.items);
    pageToken = page.nextPageToken;
  } while (pageToken && bindings.length < BINDING_SCAN_MAX);
  return { bindings: bindings.slice(0, BINDING_SCAN_MAX), truncated: pageToken !== undefined || bindings.length > BINDING_SCAN_MAX };
}

/** One binding by ID (for revoke confirmations). */
export async function getBinding(connection: ToolConnection, id: string, signal: AbortSignal): Promise<RoleBindingLike> {
  return connection.client.roleBindings.get(id, { signal });
}

/** `sa-1` → `User:sa-1`, `group-1` → `Group:group-1`; an already typed principal is kept. */
export function principalOf(id: string): string {
  const trimmed = id.trim();
  if (/^(User|Group):/.test(trimmed)) return trimmed;
  return trimmed.startsWith('group-') ? `Group:${trimmed}` : `User:${trimmed}`;
}
