// Test-only endpoints under /_sandbox/. No authentication, never part of the Confluent Cloud surface;
// used by tests that run in another process (the VS Code extension host, Playwright).

import type { IncomingMessage, ServerResponse } from 'node:http';
import { badRequest, forbidden, notFound } from './failure';
import { FaultSpecError, type FaultRule } from './faults';
import { FIXTURES } from './fixtures';
import type { RequestRecord } from './requestLog';
import { sendError, sendJson } from './respond';

export interface ControlTarget {
  requests(): RequestRecord[];
  clearRequests(): void;
  setFaults(spec: string | FaultRule[]): void;
  faults(): FaultRule[];
  reset(): void;
  info(): Record<string, unknown>;
}

/** `Host` values that name this machine: 127.0.0.1, localhost or [::1], with or without a port. */
const LOOPBACK_HOST = /^(127\.0\.0\.1|localhost|\[::1\])(:\d{1,5})?$/i;

/**
 * Why a control request is refused, or undefined when it may go on. The endpoints need no auth, so
 * a web page must not reach them: a browser always sends `Origin` on cross-site POSTs, and a
 * DNS-rebinding attack arrives with the attacker's host name in `Host`.
 */
export function controlRefusal(headers: IncomingMessage['headers']): string | undefined {
  if (headers.origin !== undefined) return 'The sandbox control endpoints do not accept browser requests (Origin header present)';
  const host = headers.host ?? '';
  if (!LOOPBACK_HOST.test(host)) return 'The sandbox control endpoints only answer requests addressed to 127.0.0.1, localhost or [::1]';
  return undefined;
}

export function handleControl(target: ControlTarget, req: IncomingMessage, res: ServerResponse, path: string, rawBody: string, requestId: string): void {
  const refusal = controlRefusal(req.headers);
  if (refusal !== undefined) return sendError(res, 'control', forbidden(refusal), requestId);
  const route = `${req.method ?? ''} ${path.replace(/\/+$/, '')}`;
  try {
    switch (route) {
      case 'GET /_sandbox/requests': return sendJson(res, 200, target.requests());
      case 'DELETE /_sandbox/requests': target.clearRequests(); return sendJson(res, 204, undefined);
      case 'GET /_sandbox/faults': return sendJson(res, 200, { rules: target.faults() });
      case 'POST /_sandbox/faults': {
        target.setFaults(faultsFromBody(rawBody));
        return sendJson(res, 200, { rules: target.faults() });
      }
      case 'POST /_sandbox/reset': target.reset(); return sendJson(res, 204, undefined);
      case 'GET /_sandbox/info': return sendJson(res, 200, { ...target.info(), fixtures: FIXTURES });
      default: return sendError(res, 'control', notFound(`No sandbox control endpoint ${route}`), requestId);
    }
  } catch (error) {
    if (error instanceof FaultSpecError) return sendError(res, 'control', badRequest(error.message, undefined, 'bad_request'), requestId);
    throw error;
  }
}

/** Accepts `[rules]`, `{rules: [...]}`, `{spec: "..."}` or an empty body (clears all faults). */
function faultsFromBody(rawBody: string): string | FaultRule[] {
  if (rawBody.trim() === '') return '';
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    throw new FaultSpecError('The body must be JSON: an array of rules, {"rules": [...]} or {"spec": "..."}');
  }
  if (Array.isArray(body)) return body as FaultRule[];
  if (typeof body === 'object' && body !== null) {
    const { spec, rules } = body as { spec?: unknown; rules?: unknown };
    if (typeof spec === 'string') return spec;
    if (Array.isArray(rules)) return rules as FaultRule[];
  }
  throw new FaultSpecError('The body must be an array of rules, {"rules": [...]} or {"spec": "..."}');
}
