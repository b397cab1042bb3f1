/**
 * Several list queries read as one paged list: each page of the folder is the next page of every
 * query that still has one, so a page costs one request per query and never one past a query's
 * last page. A folder that needs more than one query (an Access folder: each enclosing scope
 * exactly, then the scope and below) hands its `PageBuffer` one token holding every query's next
 * token, so the buffer's guards (item limit, repeated tokens, empty runs) apply unchanged. Pure;
 * unit tested in plain Node.
 */
import type { PageLike } from './pageBuffer';

/** One query: fetches one of its pages (`token` undefined for the first). */
export type ChainQuery<T> = (token: string | undefined, signal: AbortSignal | undefined) => Promise<PageLike<T>>;

/** A page of the chain: the items of every query that was asked, in query order. */
export interface ChainPage<T> extends PageLike<T> {
  readonly items: T[];
  /** How many requests the page took. */
  readonly requests: number;
}

// Per query: `''` = its first page, a string = its next token, null = finished.
type ChainState = (string | null)[];

function decode(token: string | undefined, count: number): ChainState {
  if (token === undefined) return Array.from({ length: count }, () => '');
  try {
    const parsed: unknown = JSON.parse(token);
    if (Array.isArray(parsed) && parsed.length === count && parsed.every((t) => t === null || typeof t === 'string')) return parsed as ChainState;
  } catch {
    // A token this module did not write: start over rather than guess.
  }
  return Array.from({ length: count }, () => '');
}

/**
 * Fetches the page a chain token names: the next page of each unfinished query, in parallel. A
 * total is only reported for a single query (totals of several queries cannot be added up
 * honestly while they may overlap).
 */
export async function fetchChainPage<T>(queries: readonly ChainQuery<T>[], token: string | undefined, signal?: AbortSignal): Promise<ChainPage<T>> {
  const state = decode(token, queries.length);
  const pages = await Promise.all(queries.map((query, i) => {
    const at = state[i];
    return at === null || at === undefined ? Promise.resolve(undefined) : query(at === '' ? undefined : at, signal);
  }));
  // A query not asked this time was already finished.
  const next: ChainState = pages.map((page) => (page === undefined ? null : page.nextPageToken || null));
  const items = pages.flatMap((page) => (page ? [...page.items] : []));
  const more = next.some((t) => t !== null);
  return {
    items,
    nextPageToken: more ? JSON.stringify(next) : undefined,
    totalSize: queries.length === 1 ? pages[0]?.totalSize : undefined,
    requests: pages.filter((p) => p !== undefined).length,
  };
}
