// Cursor paging for control-plane lists. A page token names the collection, a hash of the filters and
// the `seq` of the last item served, and is HMAC-signed: a token that was edited, invented, or minted
// for another collection or another filter is rejected with 400 instead of silently serving wrong data.

import { createHmac } from 'node:crypto';
import type { ApiRequest, ApiResponse, Context } from './api';
import { applyListDrift } from './drift';
import { badRequest } from './failure';
import { hashString } from './random';

export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 100;
const MAX_TOKEN_LENGTH = 255;

export interface ListSpec<T extends { seq: number }> {
  /** Request path, also used to bind tokens to their collection. */
  path: string;
  apiVersion: string;
  kind: string;
  /** Normalised filters: echoed in links and folded into the token. */
  filters: [string, string][];
  /** Every matching item, in seq order. */
  items: readonly T[];
  render: (item: T) => unknown;
  /** Collections whose spec documents other sizes (role bindings: 100 and 1000). */
  pageSizes?: { default: number; max: number };
}

/** Rejects query parameters a list does not document, as the API does (`invalid_filter`). */
export function checkParams(query: URLSearchParams, allowed: readonly string[]): void {
  for (const name of query.keys()) {
    if (name === 'page_size' || name === 'page_token' || allowed.includes(name)) continue;
    throw badRequest(`This resource can't be filtered by '${name}'`, name);
  }
}

export function listResponse<T extends { seq: number }>(req: ApiRequest, ctx: Context, spec: ListSpec<T>): ApiResponse {
  const filterKey = hashString(JSON.stringify(spec.filters)).toString(36);
  const token = req.query.get('page_token');
  const cursor = token === null ? undefined : readToken(ctx, token, spec.path, filterKey);
  const explicitSize = parsePageSize(req.query.get('page_size'), spec.pageSizes?.max ?? MAX_PAGE_SIZE);
  const pageSize = explicitSize ?? cursor?.pageSize ?? spec.pageSizes?.default ?? DEFAULT_PAGE_SIZE;
  const after = cursor?.after ?? 0;

  const start = spec.items.findIndex((item) => item.seq > after);
  const remaining = start < 0 ? [] : spec.items.slice(start);
  const page = remaining.slice(0, pageSize);
  const last = page[page.length - 1];
  const hasMore = remaining.length > pageSize && last !== undefined;

  const linkBase = ctx.drift ? 'https://api.confluent.cloud' : ctx.baseUrl;
  const link = (extra: [string, string][]): string => {
    const params = new URLSearchParams([...spec.filters, ...extra]);
    const qs = params.toString();
    return `${linkBase}${spec.path}${qs ? `?${qs}` : ''}`;
  };
  const sizeParam: [string, string][] = explicitSize === undefined ? [] : [['page_size', String(explicitSize)]];
  const metadata: Record<string, unknown> = { first: link(sizeParam) };
  if (hasMore) {
    const next = writeToken(ctx, spec.path, filterKey, last.seq, pageSize);
    metadata.next = link([...sizeParam, ['page_token', next]]);
  }
  metadata.total_size = spec.items.length;
  const body = {
    api_version: spec.apiVersion,
    kind: spec.kind,
    metadata: applyListDrift(ctx, metadata, hasMore),
    data: page.map(spec.render),
  };
  return { status: 200, body };
}

function parsePageSize(raw: string | null, max: number): number | undefined {
  if (raw === null) return undefined;
  if (!/^\d{1,9}$/.test(raw)) throw badRequest(`page_size must be an integer, got '${raw.slice(0, 40)}'`, 'page_size');
  const size = Number(raw);
  if (size < 1 || size > max) {
    throw badRequest(`page_size must be between 1 and ${max}, got ${size}`, 'page_size');
  }
  return size;
}

interface Cursor { after: number; pageSize: number }

function sign(ctx: Context, payload: string): string {
  return createHmac('sha256', ctx.tokenSecret).update(payload).digest('base64url').slice(0, 22);
}

function writeToken(ctx: Context, path: string, filterKey: string, after: number, pageSize: number): string {
  const payload = Buffer.from(JSON.stringify([path, filterKey, after, pageSize])).toString('base64url');
  return `${payload}.${sign(ctx, payload)}`;
}

function readToken(ctx: Context, token: string, path: string, filterKey: string): Cursor {
  const invalid = (why: string) => badRequest(`The page_token is invalid: ${why}`, 'page_token');
  if (token.length === 0 || token.length > MAX_TOKEN_LENGTH) throw invalid('wrong length');
  const [payload, signature, ...rest] = token.split('.');
  if (payload === undefined || signature === undefined || rest.length > 0 || sign(ctx, payload) !== signature) {
    throw invalid('not issued by this service');
  }
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw invalid('unreadable');
  }
  if (!Array.isArray(decoded) || decoded.length !== 4) throw invalid('unreadable');
  const [tokenPath, tokenFilter, after, pageSize] = decoded as unknown[];
  if (tokenPath !== path) throw invalid('it belongs to a different collection');
  if (tokenFilter !== filterKey) throw invalid('it was issued for different filters');
  if (typeof after !== 'number' || typeof pageSize !== 'number') throw invalid('unreadable');
  return { after, pageSize };
}
