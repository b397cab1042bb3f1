// Shapes shared by the router, the handlers and the server.

import type { Store } from './state';

export interface Principal {
  keyId: string;
  readOnly: boolean;
}

export interface Context {
  store: Store;
  /** Origin the sandbox is reachable on, e.g. http://127.0.0.1:8787; used for self/related links. */
  baseUrl: string;
  drift: boolean;
  /** Signs page tokens so that edited or invented tokens are rejected. */
  tokenSecret: string;
}

export interface ApiRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  params: Record<string, string>;
  /** Parsed JSON body, or undefined when the request had none. */
  body: unknown;
  principal: Principal;
  requestId: string;
}

export interface ApiResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Surface = 'control' | 'metrics';

export type Handler = (req: ApiRequest, ctx: Context) => ApiResponse;

export interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Path with `:name` placeholders for single segments. */
  pattern: string;
  surface: Surface;
  handler: Handler;
}

export function nowRfc3339(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}
