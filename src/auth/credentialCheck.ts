import * as l10n from '@vscode/l10n';
import { isCloudApiError } from '../cloud/errors';
import { networkCause } from './networkWording';
import type { ClientSettings, CloudClientFactory } from './orgConnection';

/** The organization a validated key belongs to (fields are missing when the key may not read it). */
export interface CheckedOrganization {
  readonly orgId?: string | undefined;
  readonly name?: string | undefined;
}

/** Outcome of a credential check: the organization, or a message for the user. */
export type CredentialCheck = { readonly ok: true; readonly organization: CheckedOrganization } | { readonly ok: false; readonly message: string };

/**
 * Validates a key and secret with one real request (`GET /org/v2/organizations`) on a throwaway
 * client, before anything is stored. A 403 still proves the key authenticates; it only lacks the
 * permission to read the organization, so it is accepted without a name.
 */
export async function checkCredentials(
  createClient: CloudClientFactory,
  settings: ClientSettings,
  target: { endpoint: string; metricsEndpoint: string; apiKey: string; secret: string },
  signal?: AbortSignal,
): Promise<CredentialCheck> {
  const client = createClient({
    endpoint: target.endpoint,
    metricsEndpoint: target.metricsEndpoint,
    getCredentials: async () => ({ key: target.apiKey, secret: target.secret }),
    timeoutMs: settings.timeoutMs,
    proxyUrl: settings.proxyUrl,
    onRequest: settings.onRequest,
    // A wrong key should fail fast rather than sit through backoff.
    retry: { maxAttempts: 1 },
  });
  try {
    const page = await client.organizations.listPage({ pageSize: 10, signal });
    const first = page.items[0];
    return { ok: true, organization: { orgId: first?.id, name: first?.display_name ?? undefined } };
  } catch (error) {
    if (!isCloudApiError(error)) return { ok: false, message: error instanceof Error ? error.message : String(error) };
    if (error.status === 403) return { ok: true, organization: {} };
    if (error.status === 401) {
      const status = [401, error.code].filter(Boolean).join(' ');
      return {
        ok: false,
        message: error.requestId
          ? l10n.t({
            message: 'The API key or secret was rejected ({0}, request {1}). Check both; it must be a Cloud API key, not a Kafka cluster key.',
            args: [status, error.requestId], comment: ['{0} is the HTTP status and error code, e.g. 401 unauthorized; {1} is a request ID'],
          })
          : l10n.t({
            message: 'The API key or secret was rejected ({0}). Check both; it must be a Cloud API key, not a Kafka cluster key.',
            args: [status], comment: ['{0} is the HTTP status and error code, e.g. 401 unauthorized'],
          }),
      };
    }
    // Worded here once: the client's message would repeat "couldn't reach" and the action.
    if (error.reason === 'network') {
      return {
        ok: false,
        message: l10n.t({
          message: "Couldn't reach {0}: {1}.", args: [target.endpoint, networkCause(error.networkCode)],
          comment: ['{0} is an endpoint URL; {1} says why, e.g. the connection was refused'],
        }),
      };
    }
    if (error.reason === 'timeout') {
      return { ok: false, message: l10n.t("Couldn't reach {0}: it did not answer in time. Check the network or proxy settings.", target.endpoint) };
    }
    return { ok: false, message: error.message };
  } finally {
    client.dispose();
  }
}
