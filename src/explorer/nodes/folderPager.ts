import { isCancelled } from '../../cloud/errors';
import { folderDescription } from '../labels';
import { PageBuffer, type PageLike } from '../pageBuffer';
import { type FolderFilterState, searchForMatches } from './folderFilter';
import type { FolderItem, PageRequest } from './folderItem';
import { FolderLoads } from './folderLoads';

/** What a pager needs from its folder. */
export interface PagerHost<T> {
  /** Fetches one page: exactly one HTTP request. */
  fetchPage(request: PageRequest): Promise<PageLike<T>>;
  pageSize(): number;
  /** `confluentCloud.loadAllLimit`: most items any loop reads. */
  loadAllLimit(): number;
  /** Redraws the folder (its row and children). */
  changed(): void;
}

/**
 * When a paged folder fetches, and how many pages: the first page on expansion, exactly one
 * more on Load more, the rest on Load all, and, while loaded pages are searched for a filter,
 * pages until a page of matches shows. Every loop is bounded by the buffer (item limit, repeated
 * token) and by the folder's lifetime. No vscode import.
 */
export class FolderPager<T extends FolderItem> {
  readonly buffer: PageBuffer<T>;
  readonly loads: FolderLoads;

  constructor(private readonly host: PagerHost<T>, private readonly filter: FolderFilterState<T>) {
    this.buffer = new PageBuffer<T>(() => host.loadAllLimit());
    this.loads = new FolderLoads({ started: () => this.buffer.started, changed: () => host.changed() });
  }

  /** Fetches the first page unless it is in or failed; joins a first page already on its way. */
  async loadFirst(): Promise<void> {
    if (this.buffer.started || this.loads.firstError !== undefined) return;
    await (this.loads.running ?? this.loads.run(async (signal) => {
      await this.fetchNext(signal);
      if (this.filter.searchesLoadedPages) await this.fetchUntilMatches(this.host.pageSize(), signal);
    }, 'first'));
  }

  /**
   * Fetches exactly the next page (or, while searching loaded pages, pages until a page of new
   * matches). `onStart` runs when a fetch really starts. Joins a load already running.
   */
  loadMore(onStart: () => void): Promise<void> {
    const running = this.loads.running;
    if (running) return running;
    if (!this.buffer.hasMore) return Promise.resolve();
    return this.loads.run(async (signal) => {
      onStart();
      const target = this.filter.searchesLoadedPages ? this.visible().length + this.host.pageSize() : undefined;
      if (target === undefined) await this.fetchNext(signal);
      else await this.fetchUntilMatches(target, signal);
    }, 'more');
  }

  /**
   * Fetches every remaining page, stopping early (keeping what arrived) when the signal aborts.
   * Rethrows the first page's failure, or a later one's, so a command can report it once.
   */
  async loadRest(signal: AbortSignal, onPage?: (loaded: number, total: number | undefined) => void): Promise<void> {
    if (this.loads.firstError !== undefined) throw this.loads.firstError;
    await this.runMore(async (bound) => {
      while (this.buffer.hasMore && !bound.aborted) {
        await this.fetchNext(bound);
        onPage?.(this.buffer.items.length, this.buffer.total);
        this.host.changed();
      }
    }, signal);
  }

  /** After the filter changed on loaded pages: fetches until a page of matches shows. */
  async searchLoaded(signal?: AbortSignal): Promise<void> {
    await this.loads.settled();
    await this.runMore((bound) => this.fetchUntilMatches(this.host.pageSize(), bound), signal);
  }

  /** Drops every page and stops what runs; the next expansion starts from the first page. */
  reset(): void {
    this.loads.reset();
    this.buffer.reset();
  }

  // Both pick loaded items with the filter only while it searches them: a server-filtered page
  // is shown as it came. (No shared predicate getter: a function-typed member would make a pager
  // of a narrower item type unassignable to a wider one.)

  /** Loaded items the filter shows (all, when the server did the filtering). */
  visible(): readonly T[] {
    if (!this.filter.searchesLoadedPages) return this.buffer.items;
    return this.buffer.items.filter((item) => this.filter.shows(item));
  }

  /** What the folder lists: pinned items first, then the visible loaded ones. */
  shown(): T[] {
    return this.buffer.shown(this.filter.searchesLoadedPages ? (item) => this.filter.shows(item) : undefined);
  }

  /** The folder row's description: what is loaded of how many, and the filter. */
  description(): string {
    return folderDescription({
      loaded: this.buffer.items.length,
      total: this.buffer.total,
      complete: this.buffer.complete,
      started: this.buffer.started,
      filter: this.filter.text,
      filterMode: this.filter.mode,
      matches: this.visible().length,
      stoppedAtLimit: this.buffer.stopped === 'limit',
    });
  }

  // `signal` is the load's (see FolderLoads.run): it aborts on refresh, collapse, dispose and the caller's cancel.
  private async fetchNext(signal: AbortSignal): Promise<void> {
    const generation = this.loads.generation;
    // Checked before sending: a loop between two pages must not send one more after a cancel.
    if (signal.aborted || !this.loads.isCurrent(generation)) return;
    const page = await this.host.fetchPage({
      pageSize: this.host.pageSize(),
      pageToken: this.buffer.nextPageToken,
      signal,
      filter: this.filter.query,
    });
    if (this.loads.isCurrent(generation)) this.buffer.append(page);
  }

  private fetchUntilMatches(target: number, signal: AbortSignal): Promise<void> {
    return searchForMatches({
      hasMore: () => this.buffer.hasMore,
      matches: () => this.visible().length,
      fetchNext: (bound) => this.fetchNext(bound),
    }, target, signal);
  }

  // A later-page load run for a caller: its cancel keeps what arrived and is not an error.
  private async runMore(load: (signal: AbortSignal) => Promise<void>, callerSignal?: AbortSignal): Promise<void> {
    await this.loads.run(load, 'more', callerSignal).catch((error: unknown) => {
      if (!isCancelled(error)) throw error;
    });
  }
}
