// HTTP Basic authentication with a Cloud API key (key id as user name, secret as password).
// Accepted: the configured pair (always, even if its key record is deleted through the API, so a test
// can never lock itself out), the documented read-only pair, and Cloud keys created through the API.
// Keys scoped to a cluster are refused, as on the real control plane and Metrics API.

import type { Principal } from './api';
import { READ_ONLY_API_KEY, READ_ONLY_API_SECRET } from './fixtures';
import type { Store } from './state';

export interface Credentials {
  apiKey: string;
  apiSecret: string;
}

export function parseBasic(header: string | undefined): Credentials | undefined {
  if (header === undefined) return undefined;
  const match = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header);
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return undefined;
  return { apiKey: decoded.slice(0, colon), apiSecret: decoded.slice(colon + 1) };
}

export function authenticate(header: string | undefined, store: Store, configured: Credentials, wellKnownKeys = true): Principal | undefined {
  const presented = parseBasic(header);
  if (presented === undefined) return undefined;
  const { apiKey, apiSecret } = presented;
  if (apiKey === configured.apiKey && apiSecret === configured.apiSecret) return { keyId: apiKey, readOnly: false };
  if (wellKnownKeys && apiKey === READ_ONLY_API_KEY && apiSecret === READ_ONLY_API_SECRET) return { keyId: apiKey, readOnly: true };
  const stored = store.apiKeys.get(apiKey);
  if (stored?.secret !== undefined && stored.secret === apiSecret && stored.resourceId === null) {
    return { keyId: apiKey, readOnly: false };
  }
  return undefined;
}
