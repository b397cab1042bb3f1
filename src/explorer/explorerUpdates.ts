import type * as vscode from 'vscode';
import type { OrgConnection } from '../auth/orgConnection';
import type { ApiKey } from '../cloud/schemas/apiKey';
import type { Environment } from '../cloud/schemas/environment';
import type { KafkaCluster } from '../cloud/schemas/kafkaCluster';
import type { RoleBinding } from '../cloud/schemas/roleBinding';
import type { ServiceAccount } from '../cloud/schemas/serviceAccount';
import type { User } from '../cloud/schemas/user';
import type { ExplorerProvider } from './explorerProvider';
import { homeFolder, showInFolder } from './goToId';
import type { ExplorerNode, ResourceNode } from './nodes/explorerNode';
import { type FolderItem, PagedFolderNode } from './nodes/pagedFolderNode';
import type { ResourceKind } from './resourceIds';
import type { Cascade } from './treeKind';
import { TREE_KINDS } from './treeKinds';

/** The resource type behind each kind. */
export interface ResourceByKind {
  environment: Environment;
  kafkaCluster: KafkaCluster;
  serviceAccount: ServiceAccount;
  user: User;
  apiKey: ApiKey;
  roleBinding: RoleBinding;
}

/**
 * How commands tell the explorer about a change they made, so loaded folders update in place
 * (no refetch, totals adjusted, expansion kept). Folders that were never loaded are left alone:
 * they fetch fresh data when expanded.
 */
export interface ExplorerUpdates {
  /**
   * Adds a created resource to every loaded folder it belongs in, then reveals and selects it
   * (loading its folder's first page and pinning it there when it is not on a loaded page).
   */
  itemCreated<K extends ResourceKind>(connection: OrgConnection, kind: K, resource: ResourceByKind[K]): void;
  /** Replaces a changed resource wherever it is loaded. */
  itemUpdated<K extends ResourceKind>(connection: OrgConnection, kind: K, resource: ResourceByKind[K]): void;
  /**
   * Removes a deleted resource wherever it is loaded, with the server's cascades: a deleted
   * service account or user takes its API keys; a cluster or environment takes the keys scoped
   * to it.
   */
  itemDeleted(connection: OrgConnection, kind: ResourceKind, id: string): void;
}

type AnyFolder = PagedFolderNode<FolderItem>;

/** {@link ExplorerUpdates} over the nodes of an {@link ExplorerProvider}. */
export class TreeUpdater implements ExplorerUpdates {
  /** The last reveal after a create; settles once the item is selected (or could not be). */
  lastReveal: Promise<void> = Promise.resolve();

  /** Without a tree view (unit tests of the folders) nothing is revealed. */
  constructor(private readonly provider: ExplorerProvider, private readonly treeView?: vscode.TreeView<ExplorerNode>) {}

  itemCreated<K extends ResourceKind>(connection: OrgConnection, kind: K, resource: ResourceByKind[K]): void {
    const changed = this.folders(connection, kind).filter((folder) => folder.insert(resource));
    this.provider.changed(changed);
    this.lastReveal = this.reveal(connection, kind, resource, changed);
  }

  itemUpdated<K extends ResourceKind>(connection: OrgConnection, kind: K, resource: ResourceByKind[K]): void {
    const changed: ExplorerNode[] = [];
    for (const folder of this.folders(connection, kind)) {
      const node = folder.replace(resource);
      // The folder too: its description counts matches, and the item may no longer match a filter.
      if (node) changed.push(node, folder);
    }
    this.provider.changed(changed);
  }

  itemDeleted(connection: OrgConnection, kind: ResourceKind, id: string): void {
    const predicates = this.cascade(connection, kind, id);
    const changed: ExplorerNode[] = [];
    for (const folder of this.folders(connection)) {
      const predicate = predicates[folder.itemKind];
      if (predicate && folder.removeWhere(predicate) > 0) changed.push(folder);
    }
    this.provider.changed(changed);
  }

  /** Loaded nodes of a resource anywhere below an organization (an API key may show up three times). */
  nodesFor(connection: OrgConnection, kind: ResourceKind, id: string): ResourceNode<FolderItem>[] {
    return this.folders(connection, kind)
      .map((folder) => folder.findNode(id))
      .filter((node): node is ResourceNode<FolderItem> => node !== undefined);
  }

  // Selects a created item: in its home folder (the organization's) when that is loaded, else in
  // the first loaded folder that took it. When none did, an environment, service account or user
  // is placed in its home folder (first page loaded, item pinned); an API key is not, because
  // opening the organization's key list (thousands) under a key made for one account would bury
  // the rows the user was working on. A filter that would hide it is cleared. Never throws: the
  // item is created, a failed reveal only leaves it unselected.
  private async reveal(connection: OrgConnection, kind: ResourceKind, resource: FolderItem, inserted: readonly AnyFolder[]): Promise<void> {
    const treeView = this.treeView;
    if (!treeView) return;
    try {
      const home = homeFolder(this.provider, connection, kind);
      const placeAtHome = inserted.length === 0 && kind !== 'apiKey';
      const folder = home && (inserted.includes(home) || placeAtHome) ? home : inserted[0];
      if (!folder) return;
      const { node } = await showInFolder(folder, resource);
      await treeView.reveal(node, { select: true, focus: false, expand: false });
    } catch {
      // The view may be closed or the organization gone; the item is in the tree when it opens.
    }
  }

  // What else goes when a resource is deleted, by the kind of folder it is removed from: the
  // kind's own cascade rules, over what is loaded now.
  private cascade(connection: OrgConnection, kind: ResourceKind, id: string): Cascade {
    const loaded = (itemKind: ResourceKind): FolderItem[] =>
      this.folders(connection, itemKind).flatMap((folder) => folder.loadedChildren().map((node) => node.resource));
    return TREE_KINDS[kind].cascade(id, loaded);
  }

  // Every instantiated folder below the organization (optionally of one item kind), collected
  // before anything is mutated.
  private folders(connection: OrgConnection, kind?: ResourceKind): AnyFolder[] {
    const out: AnyFolder[] = [];
    const visit = (node: ExplorerNode): void => {
      if (node instanceof PagedFolderNode && (kind === undefined || node.itemKind === kind)) out.push(node);
      for (const child of node.loadedChildren()) visit(child);
    };
    visit(this.provider.organizationNode(connection));
    return out;
  }
}
