import * as l10n from '@vscode/l10n';
import type * as vscode from 'vscode';
import { type CheckedOrganization, checkCredentials } from '../auth/credentialCheck';
import { CONFLUENT_CLOUD_ENDPOINT, CONFLUENT_CLOUD_METRICS_ENDPOINT, normalizeEndpoint, validateEndpoint } from '../auth/endpoints';
import { inputStep, pickStep, type StepResult } from '../ui/multiStepInput';
import type { ClientSettings, CloudClientFactory, OrgConnection } from '../auth/orgConnection';
import type { NewOrgProfile } from '../auth/orgRegistry';

/** What the organization flows need: how to build a throwaway client for the key check. */
export interface OrgInputDeps {
  readonly createClient: CloudClientFactory;
  readonly clientSettings: ClientSettings;
}

/** A validated organization, ready to be stored. */
export interface OrgInputResult {
  readonly profile: NewOrgProfile;
  readonly secret: string;
}

type Where = vscode.QuickPickItem & { readonly custom: boolean };

// Built per run, so the rows are read in the display language of the moment.
function whereItems(): readonly Where[] {
  return [
    { label: 'Confluent Cloud', description: 'api.confluent.cloud', detail: l10n.t('The public Confluent Cloud service'), custom: false },
    { label: l10n.t('Custom endpoint…'), detail: l10n.t('A local sandbox such as http://127.0.0.1:8787, or a gateway in front of Confluent Cloud'), custom: true },
  ];
}

/** Inline check for an API key ID: required, no spaces. */
export function validateApiKeyId(value: string): string | undefined {
  const key = value.trim();
  if (!key) return l10n.t('Enter the Cloud API key (the ID, not the secret).');
  if (/\s/.test(key)) return l10n.t('An API key contains no spaces.');
  return undefined;
}

/**
 * Add Organization: where (Confluent Cloud or a custom endpoint), API key, secret, name. The key
 * is checked with a real request before anything is stored; if it is rejected the secret step
 * stays open with the values kept, so the user can retry or go Back and fix the key.
 */
export async function askNewOrganization(
  deps: OrgInputDeps,
  existing: (endpoint: string, apiKey: string) => OrgConnection | undefined = () => undefined,
): Promise<OrgInputResult | { readonly existing: OrgConnection } | undefined> {
  const title = l10n.t('Add Confluent Cloud Organization');
  const where = whereItems();
  const state = { custom: false, endpoint: '', apiKey: '', secret: '', label: '', organization: {} as CheckedOrganization };
  let index = 0;
  for (;;) {
    const steps = state.custom ? ['where', 'endpoint', 'key', 'secret', 'label'] as const : ['where', 'key', 'secret', 'label'] as const;
    const name = steps[index];
    // The custom endpoint is part of step 1 ("where"), so the counter reads 1/4 … 4/4 on both
    // paths instead of jumping from 1/4 to 2/5 once the custom endpoint is chosen.
    const step = state.custom && index >= 1 ? index : index + 1;
    const position = { title, step, totalSteps: 4, back: index > 0 };
    const endpoint = state.custom ? normalizeEndpoint(state.endpoint) : CONFLUENT_CLOUD_ENDPOINT;
    let result: StepResult<unknown>;
    switch (name) {
      case 'where': {
        const picked = await pickStep({ ...position, items: where, placeholder: l10n.t('Where is the organization?'), activeItem: where[state.custom ? 1 : 0] });
        if (picked?.kind === 'value') state.custom = picked.value.custom;
        result = picked;
        break;
      }
      case 'endpoint': {
        const text = await inputStep({
          ...position, value: state.endpoint || 'http://127.0.0.1:8787',
          prompt: l10n.t('Endpoint URL (https://, or http:// for this machine only). The Metrics API is expected at the same address.'),
          validate: validateEndpoint,
        });
        if (text?.kind === 'value') state.endpoint = text.value.trim();
        result = text;
        break;
      }
      case 'key': {
        const text = await inputStep({ ...position, value: state.apiKey, prompt: l10n.t('Cloud API key'), placeholder: l10n.t('e.g. ABCDEFGH12345678'), validate: validateApiKeyId });
        if (text?.kind === 'value') {
          state.apiKey = text.value.trim();
          // Checked before the secret is asked: the same endpoint and key would only duplicate
          // the organization already in the explorer.
          const same = existing(endpoint, state.apiKey);
          if (same) return { existing: same };
        }
        result = text;
        break;
      }
      case 'secret': {
        const text = await inputStep({
          ...position, value: state.secret, password: true, prompt: l10n.t("Secret of API key {0}; it is kept in VS Code's secret storage only", state.apiKey),
          validate: (v) => (v.trim() ? undefined : l10n.t('Enter the API secret.')),
          onAccept: async (secret) => {
            const check = await checkCredentials(deps.createClient, deps.clientSettings, {
              endpoint, metricsEndpoint: metricsEndpointFor(state.custom, endpoint), apiKey: state.apiKey, secret: secret.trim(),
            });
            if (!check.ok) return check.message;
            state.organization = check.organization;
            return undefined;
          },
        });
        if (text?.kind === 'value') state.secret = text.value.trim();
        result = text;
        break;
      }
      case 'label': {
        const text = await inputStep({
          ...position, value: state.label || state.organization.name || 'Confluent Cloud',
          prompt: state.organization.orgId ? l10n.t('Name shown in the explorer for organization {0}', state.organization.orgId) : l10n.t('Name shown in the explorer'),
          validate: (v) => (v.trim() ? undefined : l10n.t('Enter a name.')),
        });
        if (text?.kind === 'value') state.label = text.value.trim();
        result = text;
        break;
      }
      default:
        return undefined;
    }
    if (result === undefined) return undefined;
    if (result.kind === 'back') {
      index = Math.max(0, index - 1);
      continue;
    }
    if (index === steps.length - 1) {
      return {
        profile: {
          label: state.label, orgId: state.organization.orgId, endpoint,
          metricsEndpoint: metricsEndpointFor(state.custom, endpoint), apiKey: state.apiKey,
        },
        secret: state.secret,
      };
    }
    index += 1;
  }
}

/**
 * Update API Key: key, then secret, checked against the organization's endpoint before the old
 * key is replaced. A key of a different organization is refused.
 */
export async function askNewApiKey(deps: OrgInputDeps, connection: OrgConnection): Promise<{ apiKey: string; secret: string; orgId?: string | undefined } | undefined> {
  const title = l10n.t('Update API Key of {0}', connection.label);
  const state = { apiKey: connection.apiKey, secret: '', orgId: connection.orgId };
  let index = 0;
  for (;;) {
    const position = { title, step: index + 1, totalSteps: 2 };
    let result: StepResult<string>;
    if (index === 0) {
      result = await inputStep({ ...position, value: state.apiKey, prompt: l10n.t('New Cloud API key'), validate: validateApiKeyId });
      if (result?.kind === 'value') state.apiKey = result.value.trim();
    } else {
      result = await inputStep({
        ...position, value: state.secret, password: true, prompt: l10n.t('Secret of API key {0}', state.apiKey),
        validate: (v) => (v.trim() ? undefined : l10n.t('Enter the API secret.')),
        onAccept: async (secret) => {
          const check = await checkCredentials(deps.createClient, deps.clientSettings, {
            endpoint: connection.endpoint, metricsEndpoint: connection.metricsEndpoint, apiKey: state.apiKey, secret: secret.trim(),
          });
          if (!check.ok) return check.message;
          const orgId = check.organization.orgId;
          if (orgId && connection.orgId && orgId !== connection.orgId) {
            return l10n.t('This key belongs to organization {0}, not {1}. Use Add Organization for it instead.', orgId, connection.orgId);
          }
          state.orgId = orgId ?? connection.orgId;
          return undefined;
        },
      });
      if (result?.kind === 'value') state.secret = result.value.trim();
    }
    if (result === undefined) return undefined;
    if (result.kind === 'back') {
      index = 0;
      continue;
    }
    if (index === 1) return { apiKey: state.apiKey, secret: state.secret, orgId: state.orgId };
    index = 1;
  }
}

// A custom endpoint (the sandbox, a gateway) serves the Metrics API too; Confluent Cloud does not.
function metricsEndpointFor(custom: boolean, endpoint: string): string {
  return custom ? endpoint : CONFLUENT_CLOUD_METRICS_ENDPOINT;
}
