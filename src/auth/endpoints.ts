import * as l10n from '@vscode/l10n';
import { isLoopbackHost } from '../cloud/urlPolicy';

/**
 * Endpoint defaults and validation for organization profiles. Pure (no vscode) so it is unit tested.
 */

/** The public Confluent Cloud control plane. */
export const CONFLUENT_CLOUD_ENDPOINT = 'https://api.confluent.cloud';
/** The public Confluent Cloud Metrics API. */
export const CONFLUENT_CLOUD_METRICS_ENDPOINT = 'https://api.telemetry.confluent.cloud';

/** True for the public Confluent Cloud control plane (so the web console links make sense). */
export function isConfluentCloudEndpoint(endpoint: string): boolean {
  return normalizeEndpoint(endpoint) === CONFLUENT_CLOUD_ENDPOINT;
}

/** Drops a trailing slash so profiles compare equal however the URL was typed. */
export function normalizeEndpoint(endpoint: string): string {
  return endpoint.trim().replace(/\/+$/, '');
}

// One definition of "this machine" for the whole extension: the cloud client's URL policy.
export { isLoopbackHost } from '../cloud/urlPolicy';

/**
 * Returns an error message for an endpoint URL, or undefined when it is acceptable. Plain `http:`
 * is only allowed for loopback hosts (the local sandbox): anywhere else it would send the API key
 * in clear text.
 */
export function validateEndpoint(value: string): string | undefined {
  const text = value.trim();
  if (!text) return l10n.t('Enter the endpoint URL, for example http://127.0.0.1:8787.');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return l10n.t('That is not a valid URL.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return l10n.t('Use an https:// URL.');
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return l10n.t('http:// is only allowed for this machine (localhost, 127.0.0.1); use https:// elsewhere.');
  }
  if (url.username || url.password) return l10n.t('Put credentials in the API key step, not in the URL.');
  if (url.search || url.hash) return l10n.t('The endpoint has no query or fragment.');
  return undefined;
}
