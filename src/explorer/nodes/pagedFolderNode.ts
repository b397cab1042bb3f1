import * as vscode from 'vscode';
import type { Page } from '../../cloud/pagination';
import { folderTooltip } from '../folderText';
import type { PagingStop } from '../pageBuffer';
import type { ResourceKind } from '../resourceIds';
import { ChildNodeCache } from './childNodeCache';
import { ExplorerNode, type ResourceNode, type TreeContext } from './explorerNode';
import { type FilterMode, FolderFilterState } from './folderFilter';
import type { FolderItem, PageRequest } from './folderItem';
import { FolderPager } from './folderPager';
import { folderRows } from './folderRows';
import { LoadMoreNode } from './loadMoreNode';

// Importers of the folder find its contract types here too.
export type { FilterMode } from './folderFilter';
export type { FolderItem, PageRequest } from './folderItem';

/**
 * A folder that lists one kind of resource, lazily and page by page. Pages are kept on the node,
 * so collapsing and re-expanding costs nothing; a refresh drops them. Nothing is fetched until
 * the folder is expanded; then one request per page, never one past the last.
 *
 * The node wires its parts to the tree: {@link FolderPager} decides what to fetch (and keeps the
 * pages and the running load), {@link FolderFilterState} holds the filter, {@link ChildNodeCache}
 * the nodes of loaded items.
 */
export abstract class PagedFolderNode<T extends FolderItem> extends ExplorerNode {
  /** Kind of the resources inside, for {@link ExplorerUpdates}. */
  abstract readonly itemKind: ResourceKind;
  /** Folder label, e.g. "Service accounts" (localized). */
  abstract readonly label: string;
  /** Plural noun for messages, e.g. "service accounts" (localized). */
  abstract readonly noun: string;
  protected abstract readonly icon: string;
  /** True when the API filters (service accounts by exact `display_name`), false to filter loaded pages. */
  readonly serverFilter: boolean = false;

  private readonly filterState = new FolderFilterState<T>(() => this.serverFilter, {
    matches: (item, filter) => this.matches(item, filter),
    containsMatch: (item, filter) => this.containsMatch(item, filter),
  });
  private readonly pager = new FolderPager<T>({
    fetchPage: (request) => this.fetchPage(request),
    pageSize: () => this.pageSize(),
    loadAllLimit: () => this.tree.loadAllLimit(),
    changed: () => this.tree.changed(this),
  }, this.filterState);
  private readonly buffer = this.pager.buffer;
  private readonly loads = this.pager.loads;
  private readonly nodes = new ChildNodeCache<T, ResourceNode<T>>(this.buffer, { create: (item) => this.createNode(item) });
  private readonly loadMoreNode = new LoadMoreNode(this);

  constructor(connection: ExplorerNode['connection'], parent: ExplorerNode, protected readonly tree: TreeContext) {
    super(connection, parent);
  }

  /** Fetches one page: exactly one HTTP request. */
  protected abstract fetchPage(request: PageRequest): Promise<Page<T>>;
  /** Builds the node for an item of this folder. */
  protected abstract createNode(item: T): ResourceNode<T>;
  /** Whether an item matches the filter (for server filters: the server's own semantics). */
  abstract matches(item: T, filter: string): boolean;

  /** For a server-filtered folder: the substring match used in `contains` mode. */
  protected containsMatch(item: T, filter: string): boolean {
    return this.matches(item, filter);
  }
  /** Whether a resource belongs in this folder at all (e.g. an API key owned by this account). */
  abstract accepts(item: T): boolean;

  pageSize(): number {
    return this.tree.pageSize();
  }

  get isLoading(): boolean {
    return this.loads.running !== undefined;
  }
  get isLoaded(): boolean {
    return this.buffer.started;
  }
  get hasMore(): boolean {
    return this.buffer.hasMore;
  }
  get loadedCount(): number {
    return this.buffer.items.length;
  }
  get totalSize(): number | undefined {
    return this.buffer.total;
  }
  get filter(): string | undefined {
    return this.filterState.text;
  }
  get isFiltered(): boolean {
    return this.filterState.text !== undefined;
  }
  /** How the current filter matches; `exact` only where the server searches. */
  get filterMode(): FilterMode {
    return this.filterState.mode;
  }
  /** True while the server does the filtering (its exact search), false when loaded pages are searched. */
  get filtersOnServer(): boolean {
    return this.filterState.onServer;
  }
  /** Set when loading stopped at `confluentCloud.loadAllLimit` or on a repeated page token. */
  get stopped(): PagingStop | undefined {
    return this.buffer.stopped;
  }

  /** Whether the folder shows an item under its current filter (always, without one). */
  shows(item: T): boolean {
    return this.filterState.shows(item);
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.contextValue = this.contextValue;
    item.iconPath = new vscode.ThemeIcon(this.icon);
    item.description = this.pager.description();
    item.tooltip = folderTooltip(this.label, this.filter, this.filtersOnServer);
    return item;
  }

  override async getChildren(): Promise<ExplorerNode[]> {
    await this.pager.loadFirst();
    return this.buildChildren();
  }

  /** Children already built, without fetching anything (for in-place updates). */
  override loadedChildren(): ResourceNode<T>[] {
    return this.nodes.all();
  }

  /** Fetches exactly the next page (or, when filtering locally, pages until a page of new matches). */
  loadMore(): Promise<void> {
    return this.pager.loadMore(() => this.tree.changed(this.loadMoreNode));
  }

  /**
   * Fetches every remaining page; stops early (keeping what arrived) when the signal aborts.
   * Rethrows a failure so the command can report it once; the folder also shows it as a node.
   */
  async loadAll(signal: AbortSignal, onPage?: (loaded: number, total: number | undefined) => void): Promise<void> {
    await this.loads.settled();
    if (!this.buffer.started) await this.getChildren();
    await this.pager.loadRest(signal, onPage);
  }

  /**
   * Sets or clears the filter. Server-filtered folders start over with the filter as a query
   * parameter (or, in `contains` mode, without it and searching the pages); others filter loaded
   * pages and fetch further ones until a page of matches shows.
   */
  async applyFilter(text: string | undefined, signal?: AbortSignal, mode?: FilterMode): Promise<void> {
    if (!this.filterState.set(text, mode)) return;
    if (this.serverFilter) {
      // The loaded pages were fetched for the old filter (or none): start over.
      this.reset();
    } else if (this.buffer.started && text !== undefined) {
      await this.pager.searchLoaded(signal);
    }
    this.tree.changed(this);
  }

  /** Drops every loaded page (and pinned item); the next expansion fetches the first page again. */
  refresh(): void {
    this.reset();
    this.tree.changed(this);
  }

  /**
   * Stops whatever this folder is fetching (Load all, a filter's search, a first page) and keeps
   * what arrived. For a collapsed folder: its pages stay, its loops end.
   */
  cancelLoads(): void {
    this.loads.cancel();
  }

  /** Aborts when this folder is refreshed, collapsed or disposed; for loops run on its behalf. */
  get lifetimeSignal(): AbortSignal {
    return this.loads.signal;
  }

  /** For a folder that leaves the tree (its organization removed, the view rebuilt). */
  dispose(): void {
    this.loads.dispose();
  }

  /**
   * Retries whatever failed last: the first page (fetched when the view asks for the children
   * again) or the next one (fetched now; the promise settles when it is in).
   */
  async retry(): Promise<void> {
    if (this.loads.firstError !== undefined) {
      this.loads.clearFirstError();
      this.tree.changed(this);
    } else if (this.loads.moreError !== undefined) {
      await this.loadMore().catch(() => undefined);
    }
  }

  /** The node of an item if it is loaded (in pages or pinned). */
  findNode(id: string): ResourceNode<T> | undefined {
    return this.nodes.find(id);
  }

  /**
   * Makes sure an item fetched elsewhere (Go to ID) is shown: loads the first page if needed and
   * pins the item at the top when the loaded pages do not contain it. Returns its node.
   */
  async ensureItem(item: T): Promise<ResourceNode<T>> {
    if (!this.buffer.started) await this.getChildren();
    const { node, pinned } = this.nodes.ensure(item);
    if (pinned) this.tree.changed(this);
    return node;
  }

  /** Adds a created resource to a loaded folder; false when the folder is not loaded or it does not fit. */
  insert(item: T): boolean {
    if (!this.buffer.started || !this.accepts(item) || !this.filterState.admits(item)) return false;
    this.nodes.insert(item);
    return true;
  }

  /** Replaces a loaded resource; returns its node, or undefined when it is not loaded here. */
  replace(item: T): ResourceNode<T> | undefined {
    return this.nodes.replace(item);
  }

  /** Removes loaded resources matching a predicate and adjusts the total; returns how many went. */
  removeWhere(predicate: (item: T) => boolean): number {
    return this.nodes.removeWhere(predicate);
  }

  protected override contextModifiers(): readonly string[] {
    return this.isFiltered ? ['filtered'] : [];
  }

  private reset(): void {
    this.pager.reset();
    this.nodes.clear();
  }

  private buildChildren(): ExplorerNode[] {
    const loadError = this.loads.firstError;
    const shown = loadError !== undefined ? [] : this.pager.shown();
    return folderRows(this, shown.map((item) => this.nodes.nodeFor(item)), {
      connection: this.connection,
      loadError,
      moreError: this.loads.moreError,
      started: this.buffer.started,
      hasMore: this.buffer.hasMore,
      stopped: this.buffer.stopped,
      loaded: this.buffer.items.length,
      filter: this.filter,
      // The kind picks the role a 403 asks for, whatever language the noun is in.
      subject: { noun: this.noun, kind: this.itemKind },
      loadMore: this.loadMoreNode,
      retry: () => this.retry(),
    });
  }
}
