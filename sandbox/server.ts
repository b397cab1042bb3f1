// The sandbox HTTP server: one origin serving the control plane (org, cmk, iam), the Metrics API and
// the /_sandbox/ test endpoints. Pipeline per request: request id → fault injection → latency →
// route → auth → rate limit → JSON body → handler → (after-commit fault) → response + log entry.

import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import type { ApiRequest, Context, Route, Surface } from './api';
import { authenticate } from './auth';
import { handleControl } from './control';
import { ApiError, failureBody, forbidden, invalidBody, serverError, unauthenticated } from './failure';
import { FaultInjector, type FaultEffect, type FaultRule } from './faults';
import { DEFAULT_API_KEY, DEFAULT_API_SECRET, DEFAULT_SEED } from './fixtures';
import { apiKeyRoutes } from './handlers/apiKeys';
import { clusterRoutes } from './handlers/clusters';
import { environmentRoutes } from './handlers/environments';
import { invitationRoutes } from './handlers/invitations';
import { organizationRoutes } from './handlers/organizations';
import { roleBindingRoutes } from './handlers/roleBindings';
import { serviceAccountRoutes } from './handlers/serviceAccounts';
import { userRoutes } from './handlers/users';
import { descriptorRoutes } from './metrics/descriptors';
import { queryRoutes } from './metrics/query';
import { FixedWindowLimiter } from './rateLimit';
import { RequestLog, queryRecord, type RequestRecord } from './requestLog';
import { sendError, sendHtml, sendJson, sendRaw } from './respond';
import { matchRoute, surfaceOf } from './router';
import { seedOrganization } from './seed';

export type { FaultRule } from './faults';
export type { RequestRecord } from './requestLog';

export interface SandboxOptions {
  /** 0 (the default here) picks a free port. */
  port?: number;
  apiKey?: string;
  apiSecret?: string;
  seed?: number;
  /** Added before every Confluent-facing response. */
  latencyMs?: number;
  faults?: string | FaultRule[];
  /** Control-plane requests per minute per API key (default 3000). */
  rateLimitPerMinute?: number;
  /** Metrics API requests per minute per API key (default 3000). */
  metricsRateLimitPerMinute?: number;
  drift?: boolean;
  /**
   * Inside the extension (the demo organization): no `/_sandbox/` endpoints and no well-known
   * read-only key, so another local program that finds the port can neither reset it, inject
   * faults nor read it without the per-session key. Reset goes through the returned object.
   */
  embedded?: boolean;
}

export interface Sandbox {
  url: string;
  apiKey: string;
  apiSecret: string;
  seed: number;
  close(): Promise<void>;
  setFaults(spec: string | FaultRule[]): void;
  /** State back to the seed; faults and rate-limit windows cleared. The request log is kept. */
  reset(): void;
  requests(): RequestRecord[];
  clearRequests(): void;
}

const ROUTES: readonly Route[] = [
  ...organizationRoutes, ...environmentRoutes, ...clusterRoutes, ...serviceAccountRoutes,
  ...userRoutes, ...invitationRoutes, ...apiKeyRoutes, ...roleBindingRoutes, ...descriptorRoutes, ...queryRoutes,
];
const MAX_BODY_BYTES = 1024 * 1024;
/** Node's default (16 KB): a longer header block is refused with 431. */
const MAX_HEADER_BYTES = 16 * 1024;
const DEFAULT_RATE_LIMIT = 3000;

class BodyTooLarge extends Error {}
/** The client went away before sending its whole body: nothing to answer, nothing to worry about. */
class ClientGone extends Error {}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let complete = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new BodyTooLarge());
      else chunks.push(chunk);
    });
    req.on('end', () => {
      complete = true;
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', () => reject(new ClientGone()));
    req.on('close', () => {
      if (!complete) reject(new ClientGone());
    });
  });
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const apiKey = options.apiKey ?? DEFAULT_API_KEY;
  const apiSecret = options.apiSecret ?? DEFAULT_API_SECRET;
  const seed = options.seed ?? DEFAULT_SEED;
  const drift = options.drift ?? false;
  const log = new RequestLog();
  const faults = new FaultInjector(seed);
  if (options.faults !== undefined) faults.set(options.faults);
  const limiters: Record<Surface, FixedWindowLimiter> = {
    control: new FixedWindowLimiter(options.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT),
    metrics: new FixedWindowLimiter(options.metricsRateLimitPerMinute ?? DEFAULT_RATE_LIMIT),
  };
  const ctx: Context = { store: seedOrganization(seed), baseUrl: '', drift, tokenSecret: `sandbox-page-tokens-${seed}` };

  const sandboxControl = {
    requests: () => log.list(),
    clearRequests: () => log.clear(),
    setFaults: (spec: string | FaultRule[]) => faults.set(spec),
    faults: () => faults.rules(),
    reset: () => {
      ctx.store = seedOrganization(seed);
      faults.set('');
      limiters.control.clear();
      limiters.metrics.clear();
    },
    info: () => ({ url: ctx.baseUrl, apiKey, seed, drift }),
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomUUID();
    res.setHeader('X-Request-Id', requestId);
    const method = req.method ?? 'GET';
    const url = requestUrl(req.url ?? '/');
    if (url === undefined) {
      sendError(res, 'control', new ApiError(400, 'bad_request', 'Bad Request', 'The request target is not a valid URL'), requestId);
      return;
    }
    const path = url.pathname;
    const surface = surfaceOf(path);
    let rawBody: string;
    try {
      rawBody = await readBody(req);
    } catch (error) {
      if (error instanceof ClientGone) {
        console.info(`sandbox: client closed the connection during ${method} ${path}`);
        return;
      }
      if (!(error instanceof BodyTooLarge)) throw error;
      sendError(res, surface, new ApiError(413, 'request_entity_too_large', 'Payload Too Large', 'The request body is too large'), requestId, { Connection: 'close' });
      return;
    }
    if (!options.embedded && (path === '/_sandbox' || path.startsWith('/_sandbox/'))) {
      handleControl(sandboxControl, req, res, path, rawBody, requestId);
      return;
    }
    const record = (status: number, fault?: string): void => {
      log.add({ method, path, query: queryRecord(url.searchParams), status, at: new Date().toISOString(), requestId, ...(fault ? { fault } : {}) });
    };

    const fault = faults.pick(method, path);
    if (fault && (await applyPreFault(fault, res, surface, requestId))) {
      record(res.destroyed && !res.headersSent ? 0 : res.statusCode, faultName(fault));
      return;
    }
    if (options.latencyMs) await delay(options.latencyMs);

    let status: number;
    const headers: Record<string, string> = {};
    try {
      const result = process(method, path, url.searchParams, rawBody, req.headers.authorization, requestId, headers);
      if (fault?.kind === 'after-commit') {
        // The change is committed; the client just never learns it succeeded.
        if (fault.then === 'drop') {
          res.destroy();
          record(0, faultName(fault));
          return;
        }
        throw serverError();
      }
      status = result.status;
      sendJson(res, result.status, result.body, { ...headers, ...result.headers });
    } catch (error) {
      const apiError = error instanceof ApiError ? error : internalError(error);
      status = apiError.status;
      sendError(res, surface, apiError, requestId, headers);
    }
    record(status, fault ? faultName(fault) : undefined);
  }

  function process(method: string, path: string, query: URLSearchParams, rawBody: string, authorization: string | undefined,
    requestId: string, headers: Record<string, string>) {
    const match = matchRoute(ROUTES, method, path);
    if (match.kind === 'error') throw match.error;
    const { route, params } = match;
    const principal = authenticate(authorization, ctx.store, { apiKey, apiSecret }, !options.embedded);
    if (principal === undefined) throw unauthenticated();
    if (principal.readOnly && route.surface === 'control' && method !== 'GET') {
      throw forbidden(`The API key '${principal.keyId}' is not allowed to ${method} ${path}`);
    }
    const decision = limiters[route.surface].take(principal.keyId);
    const prefix = route.surface === 'control' ? 'X-RateLimit' : 'rateLimit';
    headers[`${prefix}-Limit`] = String(decision.limit);
    headers[`${prefix}-Remaining`] = String(decision.remaining);
    headers[`${prefix}-Reset`] = String(decision.resetSeconds);
    if (!decision.allowed) {
      const detail = route.surface === 'control'
        ? 'Too many requests: the rate limit for this API key has been exceeded'
        : `Too many requests have been made for the following resources: principal:${principal.keyId}. Please try again later.`;
      throw new ApiError(429, 'too_many_requests', 'Too Many Requests', detail, undefined, { 'Retry-After': String(decision.resetSeconds) });
    }
    let body: unknown;
    if (rawBody.trim() !== '') {
      try {
        body = JSON.parse(rawBody);
      } catch {
        throw invalidBody('The request body is not valid JSON');
      }
    }
    const apiRequest: ApiRequest = { method, path, query, params, body, principal, requestId };
    return route.handler(apiRequest, ctx);
  }

  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (req, res) => {
    handle(req, res).catch((error: unknown) => {
      // Last line of defence: a bug must still produce a well-formed 500, never a hung request.
      console.error('sandbox: unexpected error', error);
      sendError(res, surfaceOf(req.url ?? '/'), serverError(), String(res.getHeader('X-Request-Id') ?? ''));
    });
  });
  // Node rejects unparsable requests itself (bad request target, oversized headers); answer those in
  // the API's error envelope too, instead of a bare socket close the client can't explain.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => answerClientError(error, socket));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  ctx.baseUrl = `http://127.0.0.1:${port}`;

  return {
    url: ctx.baseUrl,
    apiKey,
    apiSecret,
    seed,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
    setFaults: (spec) => faults.set(spec),
    reset: sandboxControl.reset,
    requests: sandboxControl.requests,
    clearRequests: sandboxControl.clearRequests,
  };
}

/** Origin-form targets are appended to a dummy origin so `//x` stays a path; absolute-form is parsed as is. */
function requestUrl(target: string): URL | undefined {
  try {
    return target.startsWith('/') ? new URL(`http://sandbox.invalid${target}`) : new URL(target);
  } catch {
    return undefined;
  }
}

/** Writes a 400/431 in the control-plane envelope onto a socket Node could not parse a request from. */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const apiError = tooLarge
    ? new ApiError(431, 'request_header_fields_too_large', 'Request Header Fields Too Large', `The request headers exceed ${MAX_HEADER_BYTES / 1024} KB`)
    : new ApiError(400, 'bad_request', 'Bad Request', 'The request could not be parsed as HTTP');
  const requestId = randomUUID();
  const text = JSON.stringify(failureBody(apiError, requestId));
  socket.end([
    `HTTP/1.1 ${apiError.status} ${apiError.title}`, 'Content-Type: application/json', `Content-Length: ${Buffer.byteLength(text)}`,
    `X-Request-Id: ${requestId}`, 'Connection: close', '', text,
  ].join('\r\n'));
}

function internalError(error: unknown): ApiError {
  console.error('sandbox: handler failed', error);
  return serverError();
}

function faultName(fault: FaultEffect): string {
  switch (fault.kind) {
    case 'status': return fault.retryAfterSeconds === undefined ? String(fault.status) : `${fault.status}=${fault.retryAfterSeconds}`;
    case 'slow': return `slow=${fault.ms}`;
    case 'html': case 'empty': return `${fault.kind}=${fault.status}`;
    case 'after-commit': return fault.then === 'drop' ? 'drop-after-commit' : '500-after-commit';
    default: return fault.kind;
  }
}

/** Applies a fault that replaces the response. Returns false when the request should go on. */
async function applyPreFault(fault: FaultEffect, res: ServerResponse, surface: Surface, requestId: string): Promise<boolean> {
  switch (fault.kind) {
    case 'slow':
      await delay(fault.ms);
      return false;
    case 'after-commit':
      return false;
    case 'drop':
      res.destroy();
      return true;
    case 'malformed':
      sendRaw(res, 200, 'application/json', '{"api_version":"iam/v2","kind":"ServiceAccountList","data":[{"id":"sa-');
      return true;
    case 'html':
      sendHtml(res, fault.status);
      return true;
    case 'empty':
      sendRaw(res, fault.status, 'application/json', '');
      return true;
    case 'status': {
      const headers: Record<string, string> = fault.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(fault.retryAfterSeconds) };
      const code = fault.status === 429 ? 'too_many_requests' : fault.status >= 500 ? 'internal_server_error' : 'bad_request';
      const detail = fault.status === 429 ? 'Too many requests' : `Injected ${fault.status} fault`;
      sendError(res, surface, new ApiError(fault.status, code, fault.status === 429 ? 'Too Many Requests' : 'Error', detail), requestId, headers);
      return true;
    }
  }
}
