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

/** Loaded state of a paged list. */
export class PageBuffer<T extends { readonly id: string }> {
  private loaded: T[] = [];
  private extras: T[] = [];
  private token: string | undefined;
  private isStarted = false;
  private isComplete = false;
  private reportedTotal: number | undefined;

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
  /** True once the last page arrived. */
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
    for (const item of page.items) {
      if (known.has(item.id)) continue;
      known.add(item.id);
      this.loaded.push(item);
    }
    this.extras = this.extras.filter((p) => !known.has(p.id));
    this.token = page.nextPageToken || undefined;
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
  }
}
