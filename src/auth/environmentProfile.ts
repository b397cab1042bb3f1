/**
 * The organization that comes from the extension host's environment variables (how `npm start`
 * connects to the sandbox, and how CI can run without touching SecretStorage). Pure; no vscode.
 */
import * as l10n from '@vscode/l10n';
import { CONFLUENT_CLOUD_ENDPOINT, CONFLUENT_CLOUD_METRICS_ENDPOINT, normalizeEndpoint } from './endpoints';
import type { OrgProfile } from './orgProfile';

/** Local ID of the environment organization; never used for a stored profile. */
export const ENVIRONMENT_PROFILE_ID = 'environment';

/**
 * Reads `CONFLUENT_CLOUD_API_KEY` / `CONFLUENT_CLOUD_API_SECRET` (both required) and the optional
 * `CONFLUENT_CLOUD_ENDPOINT` / `CONFLUENT_CLOUD_METRICS_ENDPOINT` overrides. When only the control
 * plane endpoint is overridden, metrics go to the same place: a custom endpoint is almost always
 * the sandbox (or a proxy), which serves both.
 */
export function readEnvironmentProfile(env: Readonly<Record<string, string | undefined>>): { profile: OrgProfile; secret: string } | undefined {
  const apiKey = env.CONFLUENT_CLOUD_API_KEY?.trim();
  const secret = env.CONFLUENT_CLOUD_API_SECRET?.trim();
  if (!apiKey || !secret) return undefined;
  const endpointOverride = env.CONFLUENT_CLOUD_ENDPOINT?.trim();
  const endpoint = normalizeEndpoint(endpointOverride || CONFLUENT_CLOUD_ENDPOINT);
  const metricsEndpoint = normalizeEndpoint(
    env.CONFLUENT_CLOUD_METRICS_ENDPOINT?.trim() || (endpointOverride ? endpoint : CONFLUENT_CLOUD_METRICS_ENDPOINT),
  );
  return {
    // A placeholder until the registry has read the organization's real name from the API.
    profile: { id: ENVIRONMENT_PROFILE_ID, label: placeholderLabel(endpoint), endpoint, metricsEndpoint, apiKey },
    secret,
  };
}

/** "Organization at api.confluent.cloud": says where it connects, unlike a generic name. */
function placeholderLabel(endpoint: string): string {
  try {
    return l10n.t({ message: 'Organization at {0}', args: [new URL(endpoint).host], comment: ['{0} is a host name such as api.confluent.cloud'] });
  } catch {
    return l10n.t('Organization from environment variables');
  }
}
