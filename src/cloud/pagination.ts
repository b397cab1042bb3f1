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
}

/** Paging options common to every list call. */
export interface PageOptions {
  /** Clamped to 1..100 (the control-plane maximum). */
  pageSize?: number;
  pageToken?: string;
  signal?: AbortSignal;
}

/** Options for iterating all pages (the token is managed internally). */
export type PagesOptions<F = object> = Omit<PageOptions, 'pageToken'> & F;

/** The API's maximum `page_size`. */
export const MAX_PAGE_SIZE = 100;

/** Clamps a requested page size into `1..max`; `undefined` keeps the server default. */
export function clampPageSize(size: number | undefined, max = MAX_PAGE_SIZE): number | undefined {
  if (size === undefined || !Number.isFinite(size)) return undefined;
  return Math.min(max, Math.max(1, Math.floor(size)));
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

/** Iterates pages until one has no next token; the iteration never asks for a page past the last. */
export async function* iteratePages<T, O extends PageOptions>(
  fetchPage: (options: O) => Promise<Page<T>>, options: Omit<O, 'pageToken'>,
): AsyncGenerator<Page<T>, void, undefined> {
  let pageToken: string | undefined;
  const seen = new Set<string>();
  do {
    const page = await fetchPage({ ...options, pageToken } as O);
    yield page;
    pageToken = page.nextPageToken;
    // A server handing back a token we already used would otherwise loop forever.
    if (pageToken !== undefined && seen.has(pageToken)) return;
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
