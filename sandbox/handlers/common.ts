// Small helpers every resource handler uses.

import type { ApiRequest } from '../api';
import { notFound } from '../failure';

export function param(req: ApiRequest, name: string): string {
  return req.params[name] ?? '';
}

export function findOr404<T>(map: ReadonlyMap<string, T>, id: string, what: string): T {
  const found = map.get(id);
  if (found === undefined) throw notFound(`The ${what} '${id}' was not found`);
  return found;
}

export function created(body: unknown, location: string, status = 201): { status: number; body: unknown; headers: Record<string, string> } {
  return { status, body, headers: { Location: location } };
}

export const NO_CONTENT = { status: 204 } as const;
