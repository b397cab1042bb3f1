import type * as z from 'zod/mini';
import { CloudApiError } from './errors';
import { type HttpClient, type Query } from './http';
import { parseResponse } from './parse';
import { type ListMeta } from './schemas/common';

/** One page of a list. `nextPageToken` is absent on the last page. */
export interface Page<T> {
  items: T[];
  nextPageToken?: string;
  totalSize?: number;
  /** Set by `pages()` on the last page it yields when it stopped before the list ended. */
  truncated?: PagesTruncation;
}

/**
 * Why `pages()` stopped early. `loaded` counts the items yielded in total, so a UI can say
 * "10,000 loaded, stopped at the limit"; `nextPageToken` on that page still names where the
 * server would have continued.
 */
export type PagesTruncation =
  | { reason: 'max-items'; loaded: number; maxItems: number }
  /** The server handed back a token already used: following it would loop forever. */
  | { reason: 'repeated-token'; loaded: number }
  /** Several pages in a row with a next token but no items: a server paging nowhere. */
  | { reason: 'no-progress'; loaded: number };

/** Paging options common to every list call. */
export interface PageOptions {
  /** Clamped to 1..100 (the control-plane maximum). */
  pageSize?: number;
  pageToken?: string;
  signal?: AbortSignal;
}

/** Bounds for iterating all pages. */
export interface PagesBounds {
  /** Stop once this many items have been yielded (default 10,000); the last page is cut to fit. */
  maxItems?: number;
}

/** Options for iterating all pages (the token is managed internally). `signal` is checked between pages too. */
export type PagesOptions<F = object> = Omit<PageOptions, 'pageToken'> & PagesBounds & F;

/** Default item cap of `pages()`: a list longer than this is almost certainly a server paging forever. */
export const DEFAULT_MAX_ITEMS = 10_000;
/** Consecutive empty pages that still promise more before `pages()` gives up. */
const MAX_EMPTY_PAGES = 5;

/** The API's maximum `page_size`. */
export const MAX_PAGE_SIZE = 100;
/** The smallest `page_size` worth sending: a page must be able to hold an item. */
export const MIN_PAGE_SIZE = 1;

/**
 * Clamps a requested page size into `MIN_PAGE_SIZE..max`; `undefined` (or a non-finite number)
 * keeps the server default. The one page-size clamp: the `confluentCloud.pageSize` setting goes
 * through it too, so what the setting allows is what a request sends.
 */
export function clampPageSize(size: number | undefined, max = MAX_PAGE_SIZE): number | undefined {
  if (size === undefined || !Number.isFinite(size)) return undefined;
  return Math.min(max, Math.max(MIN_PAGE_SIZE, Math.floor(size)));
}

/**
 * Pulls `page_token` out of a `metadata.next` link. The link itself is never requested: in
 * drift it may name the public host rather than the endpoint we were configured with. Relative
 * and unparsable links still work as long as they carry the parameter.
 */
export function pageTokenFromLink(next: string | null | undefined): string | undefined {
  if (!next) return undefined;
  try {
    const token = new URL(next, 'http://base.invalid/').searchParams.get('page_token');
    if (token) return token;
  } catch {
    // fall through to the textual scan
  }
  const match = /[?&]page_token=([^&#]*)/.exec(next);
  if (!match?.[1]) return undefined;
  try {
    return decodeURIComponent(match[1].replace(/\+/g, ' '));
  } catch {
    return match[1];
  }
}

/**
 * Iterates pages until one has no next token; the iteration never asks for a page past the last.
 * Bounded against hostile or broken servers: it stops at a repeated token, at `maxItems`, and after
 * a run of empty pages, marking the last yielded page `truncated`. An aborted `signal` stops it
 * between pages with a `cancelled` CloudApiError.
 */
export async function* iteratePages<T, O extends PageOptions>(
  fetchPage: (options: O) => Promise<Page<T>>, options: Omit<O, 'pageToken'> & PagesBounds, noun = 'items',
): AsyncGenerator<Page<T>, void, undefined> {
  const { maxItems: requested, ...pageOptions } = options;
  const maxItems = requested !== undefined && requested >= 1 ? Math.floor(requested) : DEFAULT_MAX_ITEMS;
  let pageToken: string | undefined;
  const seen = new Set<string>();
  let loaded = 0;
  let emptyRun = 0;
  do {
    if (options.signal?.aborted) throw new CloudApiError({ reason: 'cancelled', action: `list ${noun}`, summary: 'the request was cancelled' });
    const page = await fetchPage({ ...pageOptions, pageToken } as O);
    const next = page.nextPageToken;
    emptyRun = page.items.length === 0 && next !== undefined ? emptyRun + 1 : 0;
    let truncated: PagesTruncation | undefined;
    let items = page.items;
    if (loaded + items.length >= maxItems && (next !== undefined || loaded + items.length > maxItems)) {
      items = items.slice(0, maxItems - loaded);
      truncated = { reason: 'max-items', loaded: loaded + items.length, maxItems };
    } else if (next !== undefined && seen.has(next)) {
      truncated = { reason: 'repeated-token', loaded: loaded + items.length };
    } else if (emptyRun >= MAX_EMPTY_PAGES) {
      truncated = { reason: 'no-progress', loaded };
    }
    loaded += items.length;
    yield truncated ? { ...page, items, truncated } : page;
    if (truncated) return;
    pageToken = next;
    if (pageToken !== undefined) seen.add(pageToken);
  } while (pageToken !== undefined);
}

/** Describes one control-plane collection. */
export interface CollectionSpec<S extends z.ZodMiniType> {
  path: string;
  /** Plural noun for messages: "service accounts". */
  noun: string;
  /** The list envelope schema (`listEnvelope(Item)`). */
  envelope: S;
}

/** Fetches one control-plane list page: exactly one HTTP request. */
export async function fetchListPage<T>(
  http: HttpClient,
  spec: CollectionSpec<z.ZodMiniType<{ data: T[]; metadata?: ListMeta | null }>>,
  options: PageOptions,
  filters: Query = {},
): Promise<Page<T>> {
  const action = `list ${spec.noun}`;
  const res = await http.request({
    method: 'GET', path: spec.path, action, signal: options.signal,
    query: { ...filters, page_size: clampPageSize(options.pageSize), page_token: options.pageToken || undefined },
  });
  const body = parseResponse(spec.envelope, res.json, { action, requestId: res.requestId });
  const next = body.metadata?.next;
  const nextPageToken = pageTokenFromLink(next);
  if (next && !nextPageToken) {
    throw new CloudApiError({
      reason: 'malformed', action, requestId: res.requestId,
      summary: 'the next-page link has no page_token, so the rest of the list cannot be fetched',
    });
  }
  const totalSize = body.metadata?.total_size ?? undefined;
  return { items: body.data, ...(nextPageToken ? { nextPageToken } : {}), ...(totalSize !== undefined ? { totalSize } : {}) };
}
