import * as l10n from '@vscode/l10n';
import { CloudApiError } from './errors';

/** 127.0.0.0/8, ::1 and localhost: the only hosts plain http: may reach (the local sandbox). */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/**
 * Refuses anything but https:, except http: to loopback. Credentials must never cross the
 * network in clear text, so this runs before every request and every redirect hop.
 */
export function checkUrlAllowed(url: URL, action: string): void {
  if (url.protocol === 'https:') return;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return;
  throw new CloudApiError({
    reason: 'policy', action,
    summary: l10n.t({
      message: 'refusing to send credentials to {0}; only https: (or http: to localhost) is allowed',
      args: [`${url.protocol}//${url.host}`], comment: ['{0} is a URL origin such as http://example.com'],
    }),
  });
}

/** Parses an endpoint setting, turning junk into a `policy` error rather than a TypeError. */
export function parseEndpoint(raw: string, action: string): URL {
  try {
    return new URL(raw);
  } catch {
    throw new CloudApiError({ reason: 'policy', action, summary: l10n.t("'{0}' is not a valid endpoint URL", raw) });
  }
}
