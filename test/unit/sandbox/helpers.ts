// Shared by the sandbox contract tests: start an in-process sandbox and make authenticated calls.

import { startSandbox, type Sandbox, type SandboxOptions } from '../../../sandbox/server';

// Response bodies are inspected field by field; their shape is what these tests check.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed body, or undefined when it is empty or not JSON. */
  json: Json;
}

export async function launch(options: SandboxOptions = {}): Promise<Sandbox> {
  return startSandbox({ port: 0, ...options });
}

export function basic(key: string, secret: string): string {
  return `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`;
}

export interface CallOptions {
  body?: unknown;
  /** Sent verbatim instead of JSON.stringify(body). */
  rawBody?: string;
  auth?: string | null;
  headers?: Record<string, string>;
}

export async function call(sandbox: Sandbox, method: string, path: string, options: CallOptions = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...options.headers };
  const auth = options.auth === undefined ? basic(sandbox.apiKey, sandbox.apiSecret) : options.auth;
  if (auth !== null) headers.Authorization = auth;
  let body: string | undefined = options.rawBody;
  if (body === undefined && options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const url = path.startsWith('http') ? path : `${sandbox.url}${path}`;
  const response = await fetch(url, { method, headers, ...(body === undefined ? {} : { body }) });
  const text = await response.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

export const get = (sandbox: Sandbox, path: string, options?: CallOptions) => call(sandbox, 'GET', path, options);

/** Follows metadata.next until the end; returns every page. */
export async function allPages(sandbox: Sandbox, path: string): Promise<Json[]> {
  const pages: Json[] = [];
  let next: string | undefined = path;
  while (next !== undefined) {
    const reply = await get(sandbox, next);
    if (reply.status !== 200) throw new Error(`${next} answered ${reply.status}: ${reply.text}`);
    pages.push(reply.json);
    next = reply.json.metadata?.next;
    if (pages.length > 1000) throw new Error('paging does not terminate');
  }
  return pages;
}

export const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
