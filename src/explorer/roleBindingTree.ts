import { parseCrnPattern } from '../cloud/crn';
import type { RoleBinding } from '../cloud/schemas/roleBinding';
import { parsePrincipal } from './accessText';
import type { ResourceNode } from './nodes/explorerNode';
import type { FolderItem } from './nodes/pagedFolderNode';
import { KeyHolderNode } from './nodes/keyHolderNode';
import { kindLabel } from './resourceIds';
import type { TreeKind } from './treeKind';

const asBinding = (item: FolderItem): RoleBinding => item as RoleBinding;

/** Bindings a delete of a principal takes with it (the server deletes them). */
export function bindingsOfPrincipal(id: string): (item: FolderItem) => boolean {
  return (item) => asBinding(item).principal === `User:${id}`;
}

/** Bindings on a scope or inside it, by the CRN segment that names it (`environment`, `cloudCluster`). */
export function bindingsInside(field: 'environment' | 'cloudCluster', id: string): (item: FolderItem) => boolean {
  return (item) => {
    const parsed = parseCrnPattern(asBinding(item).crn_pattern);
    return parsed.ok && parsed.pattern[field] === id;
  };
}

/**
 * Role bindings in the tree: listed in Access folders under principals and scopes. Go to ID
 * (`rb-…`) places a binding in its principal's Access folder (service accounts and users), or
 * in the organization's for identity pools and groups.
 */
export const ROLE_BINDING_TREE: TreeKind<RoleBinding> = {
  kind: 'roleBinding',
  get noun(): string { return kindLabel('roleBinding'); },
  locate: async (explorer, connection, id, signal) => {
    const { client } = connection;
    const binding = await client.roleBindings.get(id, { signal });
    const org = explorer.organizationNode(connection);
    const ref = parsePrincipal(binding.principal);
    let holder: ResourceNode<FolderItem> | undefined;
    if (ref.kind === 'serviceAccount') holder = await org.serviceAccounts.ensureItem(await client.serviceAccounts.get(ref.id, { signal }));
    if (ref.kind === 'user') holder = await org.users.ensureItem(await client.users.get(ref.id, { signal }));
    const folder = holder instanceof KeyHolderNode ? holder.access : org.access;
    return folder.ensureItem(binding);
  },
  cascade: (id) => ({ roleBinding: (item) => item.id === id }),
};
