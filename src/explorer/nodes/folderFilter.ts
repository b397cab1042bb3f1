/**
 * How a paged folder's filter matches and how it searches the loaded pages. The folder keeps the
 * filter's state; these rules say what that state means. No vscode import.
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
