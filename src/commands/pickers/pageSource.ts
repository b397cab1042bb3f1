/**
 * Page sources for pickers: each `next()` sends exactly one request and returns that page's
 * items, so "Load more" inside a picker costs one request per click. Pure (no vscode).
 */
import type { Page } from '../../cloud/pagination';
import { DEFAULT_LOAD_LIMIT, PageGuard, type PagingStop } from '../../explorer/pageBuffer';

/** A list read one page at a time. */
export interface PageSource<T> {
  /** True once the last page has been read; no request is ever sent past it. */
  readonly done: boolean;
  /** Set when the source stopped before the list ended: at its item limit or on a repeated token. */
  readonly stopped?: PagingStop | undefined;
  /** Fetches the next page (one request). */
  next(signal: AbortSignal): Promise<T[]>;
}

/**
 * A source over one paged list API (`listPage` with `page_token`), bounded by the explorer's
 * {@link PageGuard}: it ends on a token the server repeats and after `limit` items.
 */
export function tokenSource<T>(
  fetchPage: (pageToken: string | undefined, signal: AbortSignal) => Promise<Page<T>>,
  limit = DEFAULT_LOAD_LIMIT,
): PageSource<T> {
  const guard = new PageGuard(() => limit);
  let token: string | undefined;
  let done = false;
  return {
    get done() {
      return done;
    },
    get stopped() {
      return guard.stopped;
    },
    async next(signal) {
      if (done || signal.aborted) return [];
      const page = await fetchPage(token, signal);
      const { keep, next } = guard.accept(page.items.length, page.nextPageToken);
      token = next;
      done = token === undefined;
      return page.items.slice(0, keep);
    },
  };
}

/**
 * A source over a list nested in another, e.g. Kafka clusters across environments: pages of
 * parents are read lazily, and for each parent its children page by page. Each `next()` is one
 * request: a parent page (which yields no items) or a child page.
 */
export function nestedSource<P, C, T>(
  parents: PageSource<P>,
  children: (parent: P) => PageSource<C>,
  combine: (parent: P, child: C) => T,
): PageSource<T> {
  const queue: P[] = [];
  let current: { parent: P; source: PageSource<C> } | undefined;
  const done = (): boolean => parents.done && queue.length === 0 && current === undefined;
  return {
    get done() {
      return done();
    },
    get stopped() {
      return parents.stopped;
    },
    async next(signal) {
      if (!current && queue.length > 0) {
        const parent = queue.shift()!;
        current = { parent, source: children(parent) };
      }
      if (current) {
        const { parent, source } = current;
        const items = await source.next(signal);
        if (source.done) current = undefined;
        return items.map((child) => combine(parent, child));
      }
      if (!parents.done) queue.push(...(await parents.next(signal)));
      return [];
    },
  };
}

/** A source with items already at hand (e.g. a single preselected choice). */
export function staticSource<T>(items: readonly T[]): PageSource<T> {
  let done = false;
  return {
    get done() {
      return done;
    },
    async next() {
      if (done) return [];
      done = true;
      return [...items];
    },
  };
}
