import * as vscode from 'vscode';
import { isCancelled } from '../../cloud/errors';
import type { Page } from '../../cloud/pagination';
import { folderTooltip } from '../folderText';
import { folderDescription } from '../labels';
import { PageBuffer, type PagingStop } from '../pageBuffer';
import type { ResourceKind } from '../resourceIds';
import { ExplorerNode, type ResourceNode, type TreeContext } from './explorerNode';
import { chosenFilterMode, effectiveFilterMode, type FilterMode, searchForMatches } from './folderFilter';
import type { FolderItem, PageRequest } from './folderItem';
import { FolderLifetime } from './folderLifetime';
import { folderRows } from './folderRows';
import { LoadMoreNode } from './loadMoreNode';

// Importers of the folder find its contract types here too.
export type { FilterMode } from './folderFilter';
export type { FolderItem, PageRequest } from './folderItem';

/**
 * A folder that lists one kind of resource, lazily and page by page. Pages are kept on the node,
 * so collapsing and re-expanding costs nothing; a refresh drops them. Nothing is fetched until
 * the folder is expanded; then one request per page, never one past the last.
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

  private readonly buffer = new PageBuffer<T>(() => this.tree.loadAllLimit());
  private readonly nodes = new Map<string, ResourceNode<T>>();
  private loadError: unknown;
  private moreError: unknown;
  private inflight: Promise<void> | undefined;
  // Bumped by refresh: a response that arrives for an older generation is dropped.
  private generation = 0;
  private filterText: string | undefined;
  private chosenMode: FilterMode | undefined;
  private readonly loadMoreNode = new LoadMoreNode(this);
  // Aborted by refresh, collapse and dispose (see FolderLifetime).
  private readonly lifetime = new FolderLifetime();

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
    return this.inflight !== undefined;
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
    return this.filterText;
  }
  get isFiltered(): boolean {
    return this.filterText !== undefined;
  }
  /** How the current filter matches; `exact` only where the server searches. */
  get filterMode(): FilterMode {
    return effectiveFilterMode(this.serverFilter, this.chosenMode);
  }
  /** True while the server does the filtering (its exact search), false when loaded pages are searched. */
  get filtersOnServer(): boolean {
    return this.serverFilter && this.filterMode === 'exact';
  }

  /** Whether the folder shows an item under its current filter (always, without one). */
  shows(item: T): boolean {
    return this.filterText === undefined || this.isMatch(item, this.filterText);
  }

  private isMatch(item: T, filter: string): boolean {
    return this.serverFilter && this.filterMode === 'contains' ? this.containsMatch(item, filter) : this.matches(item, filter);
  }
  /** Set when loading stopped at `confluentCloud.loadAllLimit` or on a repeated page token. */
  get stopped(): PagingStop | undefined {
    return this.buffer.stopped;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.contextValue = this.contextValue;
    item.iconPath = new vscode.ThemeIcon(this.icon);
    item.description = folderDescription({
      loaded: this.buffer.items.length,
      total: this.buffer.total,
      complete: this.buffer.complete,
      started: this.buffer.started,
      filter: this.filterText,
      filterMode: this.filterMode,
      matches: this.visible().length,
      stoppedAtLimit: this.buffer.stopped === 'limit',
    });
    item.tooltip = folderTooltip(this.label, this.filterText, this.filtersOnServer);
    return item;
  }

  override async getChildren(): Promise<ExplorerNode[]> {
    if (!this.buffer.started && this.loadError === undefined) {
      await (this.inflight ?? this.run(async (signal) => {
        await this.fetchNext(signal);
        if (this.filterText !== undefined && !this.filtersOnServer) await this.fetchUntilMatches(this.pageSize(), signal);
      }, 'first'));
    }
    return this.buildChildren();
  }

  /** Children already built, without fetching anything (for in-place updates). */
  override loadedChildren(): ResourceNode<T>[] {
    return [...this.nodes.values()];
  }

  /** Fetches exactly the next page (or, when filtering locally, pages until a page of new matches). */
  loadMore(): Promise<void> {
    if (this.inflight) return this.inflight;
    if (!this.buffer.hasMore) return Promise.resolve();
    return this.run(async (signal) => {
      this.tree.changed(this.loadMoreNode);
      if (this.filterText !== undefined && !this.filtersOnServer) {
        await this.fetchUntilMatches(this.visible().length + this.pageSize(), signal);
      } else {
        await this.fetchNext(signal);
      }
    }, 'more');
  }

  /**
   * Fetches every remaining page; stops early (keeping what arrived) when the signal aborts.
   * Rethrows a failure so the command can report it once; the folder also shows it as a node.
   */
  async loadAll(signal: AbortSignal, onPage?: (loaded: number, total: number | undefined) => void): Promise<void> {
    if (this.inflight) await this.inflight.catch(() => undefined);
    if (!this.buffer.started) await this.getChildren();
    if (this.loadError !== undefined) throw this.loadError;
    await this.run(async (bound) => {
      // Bounded by the buffer (item limit, repeated token) and by the folder's lifetime.
      while (this.buffer.hasMore && !bound.aborted) {
        await this.fetchNext(bound);
        onPage?.(this.buffer.items.length, this.buffer.total);
        this.tree.changed(this);
      }
    }, 'more', signal).catch((error: unknown) => {
      if (!isCancelled(error)) throw error;
    });
  }

  /**
   * Sets or clears the filter. Server-filtered folders start over with the filter as a query
   * parameter (or, in `contains` mode, without it and searching the pages); others filter loaded
   * pages and fetch further ones until a page of matches shows.
   */
  async applyFilter(text: string | undefined, signal?: AbortSignal, mode?: FilterMode): Promise<void> {
    const nextMode = chosenFilterMode(this.serverFilter, text, mode);
    if (text === this.filterText && nextMode === this.chosenMode) return;
    this.filterText = text;
    this.chosenMode = nextMode;
    if (this.serverFilter) {
      // The loaded pages were fetched for the old filter (or none): start over.
      this.reset();
    } else if (this.buffer.started && text !== undefined) {
      if (this.inflight) await this.inflight.catch(() => undefined);
      await this.run((bound) => this.fetchUntilMatches(this.pageSize(), bound), 'more', signal).catch((error: unknown) => {
        if (!isCancelled(error)) throw error;
      });
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
    this.lifetime.cancel();
  }

  /** Aborts when this folder is refreshed, collapsed or disposed; for loops run on its behalf. */
  get lifetimeSignal(): AbortSignal {
    return this.lifetime.signal;
  }

  /** For a folder that leaves the tree (its organization removed, the view rebuilt). */
  dispose(): void {
    this.generation += 1;
    this.lifetime.end();
  }

  /**
   * Retries whatever failed last: the first page (fetched when the view asks for the children
   * again) or the next one (fetched now; the promise settles when it is in).
   */
  async retry(): Promise<void> {
    if (this.loadError !== undefined) {
      this.loadError = undefined;
      this.tree.changed(this);
    } else if (this.moreError !== undefined) {
      await this.loadMore().catch(() => undefined);
    }
  }

  /** The node of an item if it is loaded (in pages or pinned). */
  findNode(id: string): ResourceNode<T> | undefined {
    return this.nodes.get(id);
  }

  /**
   * Makes sure an item fetched elsewhere (Go to ID) is shown: loads the first page if needed and
   * pins the item at the top when the loaded pages do not contain it. Returns its node.
   */
  async ensureItem(item: T): Promise<ResourceNode<T>> {
    if (!this.buffer.started) await this.getChildren();
    if (this.buffer.find(item.id)) {
      this.buffer.replace(item);
    } else {
      this.buffer.pin(item);
      this.tree.changed(this);
    }
    const node = this.nodeFor(item);
    node.update(item);
    return node;
  }

  /** Adds a created resource to a loaded folder; false when the folder is not loaded or it does not fit. */
  insert(item: T): boolean {
    if (!this.buffer.started || !this.accepts(item)) return false;
    if (this.filtersOnServer && this.filterText !== undefined && !this.matches(item, this.filterText)) return false;
    this.buffer.insert(item);
    this.nodes.get(item.id)?.update(item);
    return true;
  }

  /** Replaces a loaded resource; returns its node, or undefined when it is not loaded here. */
  replace(item: T): ResourceNode<T> | undefined {
    if (!this.buffer.replace(item)) return undefined;
    const node = this.nodeFor(item);
    node.update(item);
    return node;
  }

  /** Removes loaded resources matching a predicate and adjusts the total; returns how many went. */
  removeWhere(predicate: (item: T) => boolean): number {
    const removed = this.buffer.removeWhere(predicate);
    for (const item of removed) this.nodes.delete(item.id);
    return removed.length;
  }

  protected override contextModifiers(): readonly string[] {
    return this.filterText !== undefined ? ['filtered'] : [];
  }

  // `signal` is the load's (see run): it aborts on refresh, collapse, dispose and the caller's cancel.
  private async fetchNext(signal: AbortSignal): Promise<void> {
    const generation = this.generation;
    // Checked before sending: a loop between two pages must not send one more after a cancel.
    if (signal.aborted || generation !== this.generation) return;
    const page = await this.fetchPage({
      pageSize: this.pageSize(),
      pageToken: this.buffer.nextPageToken,
      signal,
      filter: this.filtersOnServer ? this.filterText : undefined,
    });
    if (generation === this.generation) this.buffer.append(page);
  }

  // Bounded like Load all: the buffer stops at the item limit and on a repeated token.
  private fetchUntilMatches(target: number, signal: AbortSignal): Promise<void> {
    return searchForMatches({
      hasMore: () => this.buffer.hasMore,
      matches: () => this.visible().length,
      fetchNext: (bound) => this.fetchNext(bound),
    }, target, signal);
  }

  /**
   * Runs a load with the folder marked busy; a failure becomes an error node, not a notification.
   * The load gets one signal for all its requests: the folder's lifetime joined with the caller's.
   */
  private run(load: (signal: AbortSignal) => Promise<void>, stage: 'first' | 'more', callerSignal?: AbortSignal): Promise<void> {
    const generation = this.generation;
    const signal = this.lifetime.forLoad(callerSignal);
    const holder: { promise?: Promise<void> } = {};
    const promise = (async () => {
      if (stage === 'first') this.loadError = undefined;
      else this.moreError = undefined;
      try {
        await load(signal);
      } catch (error) {
        if (generation === this.generation && !isCancelled(error)) {
          if (!this.buffer.started) this.loadError = error;
          else this.moreError = error;
        }
        // A cancel (refresh, collapse, the progress's Cancel) is not a failure to report.
        if (stage === 'more' && !isCancelled(error)) throw error;
      } finally {
        if (this.inflight === holder.promise) this.inflight = undefined;
        // Also after the first page: the view built this folder's row ("Service accounts",
        // no count) before the page arrived, and its description should now say "50 of 1,500".
        if (generation === this.generation) this.tree.changed(this);
      }
    })();
    holder.promise = promise;
    this.inflight = promise;
    // Callers that ignore the result must not see an unhandled rejection.
    promise.catch(() => undefined);
    return promise;
  }

  private reset(): void {
    this.generation += 1;
    this.cancelLoads();
    this.buffer.reset();
    this.nodes.clear();
    this.loadError = undefined;
    this.moreError = undefined;
    this.inflight = undefined;
  }

  private visible(): readonly T[] {
    const filter = this.filterText;
    if (filter === undefined || this.filtersOnServer) return this.buffer.items;
    return this.buffer.items.filter((i) => this.isMatch(i, filter));
  }

  private buildChildren(): ExplorerNode[] {
    const filter = this.filterText;
    const shown = this.loadError !== undefined ? []
      : this.buffer.shown(filter === undefined || this.filtersOnServer ? undefined : (i) => this.isMatch(i, filter));
    return folderRows(this, shown.map((item) => this.nodeFor(item)), {
      connection: this.connection,
      loadError: this.loadError,
      moreError: this.moreError,
      started: this.buffer.started,
      hasMore: this.buffer.hasMore,
      stopped: this.buffer.stopped,
      loaded: this.buffer.items.length,
      filter,
      // The kind picks the role a 403 asks for, whatever language the noun is in.
      subject: { noun: this.noun, kind: this.itemKind },
      loadMore: this.loadMoreNode,
      retry: () => this.retry(),
    });
  }

  private nodeFor(item: T): ResourceNode<T> {
    let node = this.nodes.get(item.id);
    if (!node) {
      node = this.createNode(item);
      this.nodes.set(item.id, node);
    }
    return node;
  }
}
