import type { OrgConnection } from '../auth/orgConnection';
import type { ExplorerProvider } from './explorerProvider';
import type { ResourceNode } from './nodes/explorerNode';
import { type FolderItem, PagedFolderNode } from './nodes/pagedFolderNode';
import { detectResourceKind, type ResourceKind } from './resourceIds';
import { TREE_KINDS } from './treeKinds';

/** A located resource, and the filter that was cleared to show it (undefined when none was). */
export interface LocatedResource {
  readonly node: ResourceNode<FolderItem>;
  readonly clearedFilter?: string | undefined;
}

/** The organization's own folder for a kind listed there, where a created item is shown. */
export function homeFolder(explorer: ExplorerProvider, connection: OrgConnection, kind: ResourceKind): PagedFolderNode<FolderItem> | undefined {
  const org = explorer.organizationNode(connection);
  switch (kind) {
    case 'environment': return org.environments;
    case 'serviceAccount': return org.serviceAccounts;
    case 'user': return org.users;
    case 'apiKey': return org.apiKeys;
    default: return undefined;
  }
}

/**
 * Shows an item in a folder: clears a filter that would hide it (a pinned item under "0 matching"
 * reads as a contradiction), then makes sure it is on a loaded page or pinned at the top.
 */
export async function showInFolder(folder: PagedFolderNode<FolderItem>, item: FolderItem): Promise<LocatedResource> {
  const filter = folder.filter;
  const hidden = filter !== undefined && !folder.shows(item);
  if (hidden) await folder.applyFilter(undefined);
  return { node: await folder.ensureItem(item), clearedFilter: hidden ? filter : undefined };
}

/**
 * Finds a resource by ID and returns its node, placed in the tree: in its folder if the loaded
 * pages contain it, otherwise pinned at the top of that folder (whose first page is loaded too,
 * so the folder opens in a normal state). Throws the client's 404 when it does not exist. The
 * kind is guessed from the ID's prefix; each kind's `locate` knows where its items live.
 */
export async function locateResource(
  explorer: ExplorerProvider,
  connection: OrgConnection,
  rawId: string,
  signal?: AbortSignal,
): Promise<ResourceNode<FolderItem>> {
  const id = rawId.trim();
  return TREE_KINDS[detectResourceKind(id)].locate(explorer, connection, id, signal);
}

/**
 * {@link locateResource}, and when the folder it lands in has a filter the item does not match,
 * the filter is cleared and the item placed again, so it never shows under "0 matching".
 */
export async function goToResource(explorer: ExplorerProvider, connection: OrgConnection, rawId: string, signal?: AbortSignal): Promise<LocatedResource> {
  const node = await locateResource(explorer, connection, rawId, signal);
  const folder = node.parent;
  if (folder instanceof PagedFolderNode && !folder.shows(node.resource)) {
    // A server-filtered folder starts over when its filter is cleared; this places the item again.
    return showInFolder(folder, node.resource);
  }
  return { node };
}
