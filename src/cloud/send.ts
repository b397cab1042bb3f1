import * as l10n from '@vscode/l10n';
import { CloudApiError } from './errors';
import type { Dispatcher } from 'undici';
import { type Dispatchers } from './dispatchers';
import { type HeaderBag } from './rateLimit';
import { checkUrlAllowed } from './urlPolicy';

/** At most this many redirects are followed; one more is an error. */
export const MAX_REDIRECTS = 5;

/** One HTTP exchange as seen after redirects: status, headers, the whole body as text, final URL. */
export interface RawResponse {
  status: number;
  headers: HeaderBag;
  text: string;
  url: URL;
}

/** Input for a single attempt. */
export interface SendInput {
  method: string;
  url: URL;
  headers: Record<string, string>;
  /** Sent only to the origin of the first URL; dropped once a redirect leaves it. */
  authorization?: string;
  body?: string;
  signal: AbortSignal;
  action: string;
  /** Bodies longer than this are not read: the connection is dropped and a `too-large` error thrown. */
  maxBytes: number;
}

/** The largest body accepted when nothing else is configured (32 MB). */
export const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * Performs one request, following redirects by hand so we can enforce our rules on each hop:
 * the loopback-only http: policy, no https→http downgrade, and no credentials to another origin.
 */
export async function sendFollowingRedirects(dispatchers: Dispatchers, input: SendInput): Promise<RawResponse> {
  let { url, method, body, authorization } = input;
  const startOrigin = input.url.origin;
  for (let hops = 0; ; hops++) {
    checkUrlAllowed(url, input.action);
    const headers: Record<string, string> = { ...input.headers };
    if (authorization && url.origin === startOrigin) headers.authorization = authorization;
    if (body === undefined) delete headers['content-type'];
    const path = url.search ? `${url.pathname}${url.search}` : url.pathname;
    const res = await dispatchers.for(url, input.action).request({ origin: url.origin, path, method, headers, body, signal: input.signal });
    const location = res.headers.location;
    if (REDIRECTS.has(res.statusCode) && typeof location === 'string') {
      await res.body.dump();
      if (hops >= MAX_REDIRECTS) {
        throw new CloudApiError({ reason: 'policy', action: input.action, status: res.statusCode, summary: l10n.t('too many redirects (more than {0})', MAX_REDIRECTS) });
      }
      const next = new URL(location, url);
      if (url.protocol === 'https:' && next.protocol !== 'https:') {
        throw new CloudApiError({ reason: 'policy', action: input.action, status: res.statusCode, summary: l10n.t({ message: 'refusing a redirect from https: to {0}', args: [next.protocol], comment: ['{0} is a URL scheme such as http:'] }) });
      }
      // Once the credentials have been withheld from a foreign origin they stay withheld.
      if (next.origin !== url.origin) authorization = undefined;
      if (res.statusCode === 303 || (method === 'POST' && (res.statusCode === 301 || res.statusCode === 302))) {
        method = 'GET';
        body = undefined;
      }
      url = next;
      continue;
    }
    const text = method === 'HEAD' ? '' : await readCapped(res, input.maxBytes, input.action);
    return { status: res.statusCode, headers: res.headers, text, url };
  }
}

type UndiciResponse = Dispatcher.ResponseData;

/**
 * Reads the body as UTF-8 but never more than `maxBytes`: a hostile or broken server streaming an
 * endless list must not take the host's memory with it. Content-Length is checked before reading;
 * bodies without one are counted as they arrive. Destroying the body closes the connection, so the
 * rest is never downloaded.
 */
async function readCapped(res: UndiciResponse, maxBytes: number, action: string): Promise<string> {
  const tooLarge = (): CloudApiError => {
    // Destroying an unfinished body emits an abort error; nobody else is listening for it.
    res.body.on('error', () => undefined);
    res.body.destroy();
    return new CloudApiError({ reason: 'too-large', action, status: res.statusCode, summary: l10n.t({ message: 'response too large (over {0})', args: [formatMegabytes(maxBytes)], comment: ['{0} is a size such as 32 MB'] }) });
  };
  const declared = Number(res.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of res.body as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > maxBytes) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total).toString('utf8');
}

/** 33554432 → "32 MB", 1024 → "1 KB"; fractions keep one decimal. */
export function formatMegabytes(bytes: number): string {
  const amount = (size: number): string => (Number.isInteger(size) ? String(size) : size.toFixed(1));
  if (bytes >= 1024 * 1024) return l10n.t({ message: '{0} MB', args: [amount(bytes / (1024 * 1024))], comment: ['megabytes'] });
  if (bytes >= 1024) return l10n.t({ message: '{0} KB', args: [amount(bytes / 1024)], comment: ['kilobytes'] });
  return l10n.t('{0} bytes', amount(bytes));
}
