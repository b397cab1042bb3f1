// Signed, opaque page tokens for the Metrics API. The payload is JSON; the signature stops clients
// from editing tokens and lets the server reject tokens issued for a different request body.

import { createHmac } from 'node:crypto';
import type { Context } from '../api';

export function signToken(ctx: Context, payload: unknown): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${createHmac('sha256', ctx.tokenSecret).update(`metrics:${body}`).digest('base64url').slice(0, 22)}`;
}

/** The decoded payload, or undefined if the token is not one this server signed. */
export function readToken(ctx: Context, token: string): unknown {
  if (token.length > 1024) return undefined;
  const [body, signature, ...rest] = token.split('.');
  if (body === undefined || signature === undefined || rest.length > 0) return undefined;
  const expected = createHmac('sha256', ctx.tokenSecret).update(`metrics:${body}`).digest('base64url').slice(0, 22);
  if (expected !== signature) return undefined;
  try {
    return JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}
