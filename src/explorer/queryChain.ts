/**
 * Several list queries read as one paged list: the pages of the first query, then those of the
 * next, each page still exactly one request. A folder that needs more than one query (an Access
 * folder: the scope and below, then each enclosing scope) hands its `PageBuffer` one token that
 * says which query and which of its pages comes next, so the buffer's guards (item limit,
 * repeated tokens, empty runs) apply unchanged. Pure; unit tested in plain Node.
 */
import type { PageLike } from './pageBuffer';

/** One query: fetches one of its pages (`token` undefined for the first). */
export type ChainQuery<T> = (token: string | undefined, signal: AbortSignal | undefined) => Promise<PageLike<T>>;

/** A page of the chain, with the index of the query that produced it. */
export interface ChainPage<T> extends PageLike<T> {
  readonly items: T[];
  readonly query: number;
}

// `<query index>:<that query's token>`; an empty token after the colon means its first page.
function encode(query: number, token: string | undefined): string {
  return `${query}:${token ?? ''}`;
}

function decode(token: string | undefined): { query: number; token: string | undefined } {
  if (token === undefined) return { query: 0, token: undefined };
  const colon = token.indexOf(':');
  const query = Number(token.slice(0, colon));
  const rest = token.slice(colon + 1);
  return { query: Number.isInteger(query) && query >= 0 ? query : 0, token: rest === '' ? undefined : rest };
}

/**
 * Fetches the page a chain token names: one request. The page's next token moves on within the
 * same query, or to the first page of the next query after the last page of this one. A total is
 * only reported for a single query (totals of several queries cannot be added up honestly while
 * they overlap).
 */
export async function fetchChainPage<T>(queries: readonly ChainQuery<T>[], token: string | undefined, signal?: AbortSignal): Promise<ChainPage<T>> {
  const at = decode(token);
  const query = queries[at.query];
  if (!query) return { items: [], query: at.query };
  const page = await query(at.token, signal);
  const next = page.nextPageToken
    ? encode(at.query, page.nextPageToken)
    : at.query + 1 < queries.length ? encode(at.query + 1, undefined) : undefined;
  return { items: [...page.items], nextPageToken: next, totalSize: queries.length === 1 ? page.totalSize : undefined, query: at.query };
}
