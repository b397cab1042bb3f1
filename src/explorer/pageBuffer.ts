/**
 * The loaded pages of one folder: items in server order, pinned extras, the next page token and
 * the reported total. Pure (no vscode, no I/O) so paging rules are unit tested in plain Node.
 */

/** One page as the cloud client returns it. */
export interface PageLike<T> {
  readonly items: readonly T[];
  readonly nextPageToken?: string | undefined;
  readonly totalSize?: number | undefined;
}

/** Default of `confluentCloud.loadAllLimit`: how many items any paging loop reads at most. */
export const DEFAULT_LOAD_LIMIT = 10_000;

/** Why a list stopped although the server offered another page. */
export type PagingStop = 'limit' | 'repeatedToken' | 'noProgress';

/** Empty pages in a row that still promise more before a list counts as going nowhere. */
const MAX_EMPTY_PAGES = 5;

/**
 * The explorer's and pickers' one rule for following page tokens: stop when the server hands
 * back a token already followed (it would loop forever), stop once `limit` items have
 * arrived (a server can mint a fresh token on every page), and stop after a run of empty pages
 * that still promise more. Counts items as received, so a server repeating the same items under
 * new tokens is bounded too.
 */
export class PageGuard {
  private readonly seen = new Set<string>();
  private received = 0;
  private emptyRun = 0;
  private reason: PagingStop | undefined;

  constructor(private readonly limit: () => number = () => DEFAULT_LOAD_LIMIT) {}

  /** Items received so far. */
  get count(): number {
    return this.received;
  }
  /** Why the list was cut short, once it was. */
  get stopped(): PagingStop | undefined {
    return this.reason;
  }

  /**
   * Records a page. Returns how many of its items to keep (all, or what fits under the limit)
   * and the token to follow next: undefined after the last page or when the guard stops.
   */
  accept(itemCount: number, nextPageToken: string | undefined): { keep: number; next: string | undefined } {
    const room = Math.max(0, this.limit() - this.received);
    const keep = Math.min(itemCount, room);
    this.received += keep;
    const token = nextPageToken || undefined;
    if (token === undefined) return { keep, next: undefined };
    if (this.received >= this.limit()) {
      this.reason = 'limit';
      return { keep, next: undefined };
    }
    if (this.seen.has(token)) {
      this.reason = 'repeatedToken';
      return { keep, next: undefined };
    }
    this.emptyRun = itemCount === 0 ? this.emptyRun + 1 : 0;
    if (this.emptyRun >= MAX_EMPTY_PAGES) {
      this.reason = 'noProgress';
      return { keep, next: undefined };
    }
    this.seen.add(token);
    return { keep, next: token };
  }

  /** Starts over (the list is read again from its first page). */
  reset(): void {
    this.seen.clear();
    this.received = 0;
    this.emptyRun = 0;
    this.reason = undefined;
  }
}

/** Loaded state of a paged list. */
export class PageBuffer<T extends { readonly id: string }> {
  private readonly guard: PageGuard;
  private loaded: T[] = [];
  private extras: T[] = [];
  private token: string | undefined;
  private isStarted = false;
  private isComplete = false;
  private reportedTotal: number | undefined;

  /** `limit`: most items to read (`confluentCloud.loadAllLimit`), asked on every page. */
  constructor(limit?: () => number) {
    this.guard = new PageGuard(limit);
  }

  /** Set when the list was cut short: at the item limit, or on a token the server repeated. */
  get stopped(): PagingStop | undefined {
    return this.guard.stopped;
  }

  /** Items from the pages, in server order (duplicates across pages dropped). */
  get items(): readonly T[] {
    return this.loaded;
  }
  /** Items added from elsewhere (Go to ID) that the loaded pages do not contain. */
  get pinned(): readonly T[] {
    return this.extras;
  }
  /** Token of the next page; undefined before the first page and after the last. */
  get nextPageToken(): string | undefined {
    return this.token;
  }
  /** True once the first page arrived. */
  get started(): boolean {
    return this.isStarted;
  }
  /** True once the last page arrived, or the guard stopped reading (see {@link stopped}). */
  get complete(): boolean {
    return this.isComplete;
  }
  /** True when another page exists. */
  get hasMore(): boolean {
    return this.isStarted && !this.isComplete;
  }
  /** `total_size` as last reported, adjusted for local inserts and deletes. */
  get total(): number | undefined {
    return this.reportedTotal;
  }

  /** Appends a page. A pinned item that shows up in its real place is no longer pinned. */
  append(page: PageLike<T>): void {
    const known = new Set(this.loaded.map((i) => i.id));
    const { keep, next } = this.guard.accept(page.items.length, page.nextPageToken);
    for (const item of page.items.slice(0, keep)) {
      if (known.has(item.id)) continue;
      known.add(item.id);
      this.loaded.push(item);
    }
    this.extras = this.extras.filter((p) => !known.has(p.id));
    this.token = next;
    this.isComplete = this.token === undefined;
    this.reportedTotal = page.totalSize ?? this.reportedTotal;
    this.isStarted = true;
  }

  /** Loaded or pinned item with this ID. */
  find(id: string): T | undefined {
    return this.loaded.find((i) => i.id === id) ?? this.extras.find((i) => i.id === id);
  }

  /** Pins an item that is not loaded; no-op when it already is. */
  pin(item: T): void {
    if (!this.find(item.id)) this.extras.push(item);
  }

  /** What to show: pinned items first, then loaded items passing the filter. */
  shown(filter?: (item: T) => boolean): T[] {
    return [...this.extras, ...(filter ? this.loaded.filter(filter) : this.loaded)];
  }

  /** Adds a newly created item at the end of the loaded ones and counts it in the total. */
  insert(item: T): void {
    if (this.replace(item)) return;
    this.loaded.push(item);
    if (this.reportedTotal !== undefined) this.reportedTotal += 1;
  }

  /** Replaces a loaded or pinned item; false when it is not here. */
  replace(item: T): boolean {
    let found = false;
    this.loaded = this.loaded.map((i) => (i.id === item.id ? ((found = true), item) : i));
    this.extras = this.extras.map((i) => (i.id === item.id ? ((found = true), item) : i));
    return found;
  }

  /** Removes matching items (loaded or pinned) and lowers the total accordingly. */
  removeWhere(predicate: (item: T) => boolean): T[] {
    const removed = [...this.loaded.filter(predicate), ...this.extras.filter(predicate)];
    this.loaded = this.loaded.filter((i) => !predicate(i));
    this.extras = this.extras.filter((i) => !predicate(i));
    if (this.reportedTotal !== undefined) this.reportedTotal = Math.max(0, this.reportedTotal - removed.length);
    return removed;
  }

  /** Forgets everything, releasing the pages. */
  reset(): void {
    this.loaded = [];
    this.extras = [];
    this.token = undefined;
    this.isStarted = false;
    this.isComplete = false;
    this.reportedTotal = undefined;
    this.guard.reset();
  }
}
