/**
 * A paged folder's filter: how it matches, the state it keeps, and how it searches the loaded
 * pages. No vscode import.
 */

/**
 * How a filter matches: `exact` is the server's own search (service accounts by exact name, every
 * page); `contains` finds the text in names and IDs of the loaded pages, fetching more until a
 * page of matches shows.
 */
export type FilterMode = 'exact' | 'contains';

/** The mode in force: the one chosen, else the server's search where there is one. */
export function effectiveFilterMode(serverFilter: boolean, chosen: FilterMode | undefined): FilterMode {
  return chosen ?? (serverFilter ? 'exact' : 'contains');
}

/**
 * The mode to remember for a new filter: only server-filtered folders have a choice (exact unless
 * asked otherwise); clearing the filter clears it.
 */
export function chosenFilterMode(serverFilter: boolean, text: string | undefined, requested: FilterMode | undefined): FilterMode | undefined {
  if (!serverFilter || text === undefined) return undefined;
  return requested ?? 'exact';
}

/** What a search over loaded pages needs from its folder. */
export interface MatchSearch {
  /** Whether the server has another page. */
  hasMore(): boolean;
  /** How many loaded items match the filter now. */
  matches(): number;
  /** Fetches exactly the next page. */
  fetchNext(signal: AbortSignal): Promise<void>;
}

/**
 * Fetches pages until `target` items match or the list ends. Bounded like Load all: the folder's
 * buffer stops at the item limit and on a repeated token, and the signal stops it between pages.
 */
export async function searchForMatches(search: MatchSearch, target: number, signal: AbortSignal): Promise<void> {
  while (search.hasMore() && search.matches() < target && !signal.aborted) await search.fetchNext(signal);
}

/** How a folder's items match a filter (for server filters: `matches` is the server's own rule). */
export interface FilterMatchers<T> {
  matches(item: T, filter: string): boolean;
  /** For a server-filtered folder: the substring match used in `contains` mode. */
  containsMatch(item: T, filter: string): boolean;
}

/**
 * One folder's filter: the text, the chosen mode, and which of the loaded items it shows.
 * `serverFilter` is read on each use because a subclass sets it after the base constructor ran.
 */
export class FolderFilterState<T> {
  private current: string | undefined;
  private chosen: FilterMode | undefined;

  constructor(private readonly serverFilter: () => boolean, private readonly matchers: FilterMatchers<T>) {}

  /** The filter text, undefined when none is set. */
  get text(): string | undefined {
    return this.current;
  }
  /** How the current filter matches; `exact` only where the server searches. */
  get mode(): FilterMode {
    return effectiveFilterMode(this.serverFilter(), this.chosen);
  }
  /** True while the server does the filtering (its exact search), false when loaded pages are searched. */
  get onServer(): boolean {
    return this.serverFilter() && this.mode === 'exact';
  }
  /** The filter to send with a page request: only while the server does the filtering. */
  get query(): string | undefined {
    return this.onServer ? this.current : undefined;
  }
  /**
   * True when loaded pages are searched for a filter (so more pages may be needed to fill a page),
   * false when every loaded item shows (no filter, or the server already filtered the pages).
   */
  get searchesLoadedPages(): boolean {
    return this.current !== undefined && !this.onServer;
  }

  /** Sets or clears the filter; false when text and mode are what they were. */
  set(text: string | undefined, requested?: FilterMode): boolean {
    const mode = chosenFilterMode(this.serverFilter(), text, requested);
    if (text === this.current && mode === this.chosen) return false;
    this.current = text;
    this.chosen = mode;
    return true;
  }

  /** Whether an item shows under the filter (always, without one). */
  shows(item: T): boolean {
    return this.current === undefined || this.isMatch(item, this.current);
  }

  /** Whether a created item belongs in a list the server filtered (always, when it did not). */
  admits(item: T): boolean {
    return !this.onServer || this.current === undefined || this.matchers.matches(item, this.current);
  }

  private isMatch(item: T, filter: string): boolean {
    return this.serverFilter() && this.mode === 'contains' ? this.matchers.containsMatch(item, filter) : this.matchers.matches(item, filter);
  }
}
