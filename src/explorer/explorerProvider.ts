import * as vscode from 'vscode';
import type { OrgConnection } from '../auth/orgConnection';
import type { OrgRegistry, OrgRegistryChange } from '../auth/orgRegistry';
import { type ExplorerNode, ResourceNode, type TreeContext } from './nodes/explorerNode';
import { OrganizationNode } from './nodes/organizationNode';
import { type FolderItem, PagedFolderNode } from './nodes/pagedFolderNode';
import { sanitizeTreeItem } from './nodes/tooltip';

/** Settings the tree reads on each use, so changes apply without a reload. */
export interface ExplorerSettings {
  /** `confluentCloud.pageSize`, already clamped to 1..100. */
  pageSize(): number;
  /** `confluentCloud.loadAllLimit`: most items a folder loads (Load all, filters), at least one page. */
  loadAllLimit(): number;
}

/**
 * The data behind the Confluent Cloud view: one root per organization in the registry. Nodes hold
 * their own state; this class only keeps the roots, relays change events and implements
 * `getParent` so `TreeView.reveal` works for Go to ID.
 */
export class ExplorerProvider implements vscode.TreeDataProvider<ExplorerNode>, TreeContext, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<ExplorerNode | ExplorerNode[] | undefined>();
  private readonly roots = new Map<string, OrganizationNode>();
  private readonly keys = new Map<string, string>();
  private readonly decorators: ((node: ExplorerNode) => string | undefined)[] = [];
  private readonly subscription: vscode.Disposable;

  readonly onDidChangeTreeData = this.emitter.event;

  constructor(
    private readonly registry: OrgRegistry,
    private readonly settings: ExplorerSettings,
  ) {
    this.subscription = registry.onDidChange((change) => this.onRegistryChange(change));
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    const item = node.getTreeItem();
    for (const decorate of this.decorators) {
      const extra = decorate(node);
      if (extra) item.description = [item.description, extra].filter(Boolean).join(' · ');
    }
    // Labels and descriptions carry server text: one plain, capped line, hidden characters shown.
    return sanitizeTreeItem(item);
  }

  /**
   * Lets another feature append text to rows' descriptions (the metrics feature adds "active 3 h
   * ago"); it must answer from a cache, and calls `changed` when its answers change.
   */
  addDescriptionDecorator(decorate: (node: ExplorerNode) => string | undefined): vscode.Disposable {
    this.decorators.push(decorate);
    return new vscode.Disposable(() => {
      const i = this.decorators.indexOf(decorate);
      if (i >= 0) this.decorators.splice(i, 1);
    });
  }

  getChildren(node?: ExplorerNode): ExplorerNode[] | Promise<ExplorerNode[]> {
    return node ? node.getChildren() : this.organizationNodes();
  }

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    return node.parent;
  }

  pageSize(): number {
    return this.settings.pageSize();
  }

  loadAllLimit(): number {
    return this.settings.loadAllLimit();
  }

  /**
   * A collapsed node stops its folders' loops (Load all, a filter's search); pages already in
   * stay. Wired to `TreeView.onDidCollapseElement`.
   */
  collapsed(node: ExplorerNode): void {
    forEachFolder(node, (folder) => folder.cancelLoads());
  }

  changed(nodes: ExplorerNode | readonly ExplorerNode[] | undefined): void {
    if (nodes === undefined) this.emitter.fire(undefined);
    else if (Array.isArray(nodes)) {
      if (nodes.length) this.emitter.fire([...new Set(nodes as ExplorerNode[])]);
    } else this.emitter.fire(nodes as ExplorerNode);
  }

  /** Root nodes, one per organization, in registry order. */
  organizationNodes(): OrganizationNode[] {
    return this.registry.list().map((connection) => this.organizationNode(connection));
  }

  /** The root node of an organization (created on first use). */
  organizationNode(connection: OrgConnection): OrganizationNode {
    let node = this.roots.get(connection.id);
    if (!node) {
      node = new OrganizationNode(connection, this);
      this.roots.set(connection.id, node);
      this.keys.set(connection.id, connection.apiKey);
    }
    return node;
  }

  /**
   * Refreshes one node: a folder drops its pages; an organization or a resource refreshes the
   * folders below it. The resource's own row is re-rendered from what is loaded.
   */
  refresh(node: ExplorerNode): void {
    if (node instanceof PagedFolderNode) node.refresh();
    else if (node instanceof OrganizationNode) node.refresh();
    else if (node instanceof ResourceNode) {
      for (const child of node.loadedChildren()) if (child instanceof PagedFolderNode) child.refresh();
      this.changed(node);
    } else if (node.parent) this.refresh(node.parent);
  }

  /** Refreshes the whole view: picks up profile changes from other windows and drops every page. */
  refreshAll(): void {
    this.registry.reconcile();
    // New root objects with the same IDs: VS Code keeps the expansion state, the old pages go
    // (and whatever they were still fetching stops).
    for (const root of this.roots.values()) forEachFolder(root, (folder) => folder.dispose());
    this.roots.clear();
    this.changed(undefined);
  }

  dispose(): void {
    for (const root of this.roots.values()) forEachFolder(root, (folder) => folder.dispose());
    this.subscription.dispose();
    this.emitter.dispose();
  }

  private onRegistryChange(change: OrgRegistryChange): void {
    for (const removed of change.removed) {
      const root = this.roots.get(removed.id);
      if (root) forEachFolder(root, (folder) => folder.dispose());
      this.roots.delete(removed.id);
      this.keys.delete(removed.id);
    }
    const rootsChanged = change.added.length > 0 || change.removed.length > 0;
    for (const updated of change.updated) {
      const node = this.roots.get(updated.id);
      if (!node) continue;
      // A new key may see different things (and fixes 401 error nodes): start over below it.
      if (this.keys.get(updated.id) !== updated.apiKey) {
        this.keys.set(updated.id, updated.apiKey);
        node.refresh();
      }
      this.changed(node);
    }
    if (rootsChanged) this.changed(undefined);
  }
}

// Every paged folder at or below a node, through what is already built (nothing is fetched).
function forEachFolder(node: ExplorerNode, visit: (folder: PagedFolderNode<FolderItem>) => void): void {
  if (node instanceof PagedFolderNode) visit(node as PagedFolderNode<FolderItem>);
  for (const child of node.loadedChildren()) forEachFolder(child, visit);
}
