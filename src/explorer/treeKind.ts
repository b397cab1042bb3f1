import type { OrgConnection } from '../auth/orgConnection';
import type { ExplorerProvider } from './explorerProvider';
import type { ResourceNode } from './nodes/explorerNode';
import type { FolderItem } from './nodes/pagedFolderNode';
import type { ResourceKind } from './resourceIds';

/** Items already loaded anywhere below an organization, by kind (for cascades). */
export type LoadedItems = (kind: ResourceKind) => readonly FolderItem[];

/** Which loaded items go too when one is deleted, by the kind of folder holding them. */
export type Cascade = Partial<Record<ResourceKind, (item: FolderItem) => boolean>>;

/**
 * The tree side of a resource kind: what the explorer needs to place, find and drop its items.
 * A kind may be listed in folders under several parents (API keys under the organization,
 * accounts, users and clusters); the updater finds every loaded folder whose `itemKind` matches.
 */
export interface TreeKind<T extends FolderItem = FolderItem> {
  readonly kind: ResourceKind;
  /**
   * Singular noun for messages: "service account", localized. A getter in each kind: the kinds
   * are built when the module loads, before activation has loaded the language bundle.
   */
  readonly noun: string;
  /** Go to ID: fetches the item and returns its node, placed in (or pinned to) its folder. */
  readonly locate: (explorer: ExplorerProvider, connection: OrgConnection, id: string, signal?: AbortSignal) => Promise<ResourceNode<T>>;
  /**
   * What a delete of `id` removes from loaded folders, the server's cascades included ("deleting
   * a service account deletes its API keys"). The item itself must be in it.
   */
  readonly cascade: (id: string, loaded: LoadedItems) => Cascade;
}
