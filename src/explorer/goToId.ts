import type { OrgConnection } from '../auth/orgConnection';
import type { ExplorerProvider } from './explorerProvider';
import type { ResourceNode } from './nodes/explorerNode';
import type { FolderItem } from './nodes/pagedFolderNode';
import { detectResourceKind } from './resourceIds';
import { TREE_KINDS } from './treeKinds';

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
