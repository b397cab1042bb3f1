import * as l10n from '@vscode/l10n';
import type * as z from 'zod/mini';
import { CloudApiError } from '../errors';
import { encodePathSegment } from '../pathSegment';
import { type HttpClient, type HttpRequest } from '../http';
import { parseResponse } from '../parse';

/** Per-call options accepted last by every method. */
export interface CallOptions {
  signal?: AbortSignal;
}

/**
 * `/base/{id}` with the id as exactly one path segment, so ids can never smuggle in path segments,
 * queries or directory steps (`..` is refused as a `policy` error naming `action`).
 */
export function itemPath(base: string, id: string, action?: string): string {
  return `${base}/${encodePathSegment(id, action)}`;
}

/** Sends a request and validates its JSON body with `schema`. */
export async function requestParsed<S extends z.ZodMiniType>(http: HttpClient, req: HttpRequest, schema: S): Promise<z.infer<S>> {
  const res = await http.request(req);
  if (res.json === undefined) {
    throw new CloudApiError({ reason: 'malformed', action: req.action, status: res.status, requestId: res.requestId, summary: l10n.t('the response body was empty') });
  }
  return parseResponse(schema, res.json, { action: req.action, requestId: res.requestId, status: res.status });
}

/** Sends a request whose response body is ignored (DELETE → 204). */
export async function requestVoid(http: HttpClient, req: HttpRequest): Promise<void> {
  await http.request(req);
}
