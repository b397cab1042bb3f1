// Matches method + path against the route table. Path segments are decoded after splitting, so an id
// containing an encoded slash stays one segment; undecodable segments are a client error, not a crash.

import type { Route, Surface } from './api';
import { badRequest, methodNotAllowed, notFound, type ApiError } from './failure';

export type RouteMatch =
  | { kind: 'route'; route: Route; params: Record<string, string> }
  | { kind: 'error'; surface: Surface; error: ApiError };

export function surfaceOf(path: string): Surface {
  return path.startsWith('/v2/metrics/') ? 'metrics' : 'control';
}

export function matchRoute(routes: readonly Route[], method: string, path: string): RouteMatch {
  const segments = path.split('/');
  const allowed: string[] = [];
  for (const route of routes) {
    const parts = route.pattern.split('/');
    if (parts.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < parts.length && ok; i++) {
      const part = parts[i] ?? '';
      const segment = segments[i] ?? '';
      if (part.startsWith(':')) {
        if (segment === '') ok = false;
        else params[part.slice(1)] = segment;
      } else if (part !== segment) {
        ok = false;
      }
    }
    if (!ok) continue;
    if (route.method !== method) {
      allowed.push(route.method);
      continue;
    }
    const decoded: Record<string, string> = {};
    for (const [name, raw] of Object.entries(params)) {
      try {
        decoded[name] = decodeURIComponent(raw);
      } catch {
        return { kind: 'error', surface: route.surface, error: badRequest(`The path segment '${raw}' is not valid percent-encoding`, undefined, 'bad_request') };
      }
    }
    return { kind: 'route', route, params: decoded };
  }
  const surface = surfaceOf(path);
  if (allowed.length > 0) return { kind: 'error', surface, error: methodNotAllowed(allowed) };
  return { kind: 'error', surface, error: notFound(`No resource at ${path}`) };
}
