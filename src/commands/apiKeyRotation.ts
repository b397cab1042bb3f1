import * as vscode from 'vscode';
import type { OrgConnection } from '../auth/orgConnection';
import type { ApiKey } from '../cloud/schemas/apiKey';
import type { RotationHooks } from '../secretPanel/secretPanel';
import { keyScope, rotatedKeyName, withoutSecret } from './apiKeyNames';
import { CLOUD_RESOURCE, loadCluster, type ResourceChoice } from './apiKeyTargets';
import { showSecret } from './apiKeyCreate';
import { done, type Outcome } from './commandOutcome';
import type { ResourceCommandDeps } from './commandTargets';
import { withRequestProgress } from './commandTargets';
import { describeFailure } from './errorMessages';
import { formState } from './forms/formRules';
import type { FormSpec } from './forms/formSpec';
import { runSubmit } from './submitFlow';

// Rotation asks nothing but one confirmation; the new key's fields come from the old one.
const NO_FIELDS: FormSpec<object> = { fields: [] };

/** Automation input of Rotate API Key. */
export interface RotateInputs {
  /**
   * `true`: the caller confirms the new key is deployed, so the old one is deleted right away.
   * `false`: keep both. Omitted: the secret view asks.
   */
  readonly deleteOld?: boolean;
}

/** What a rotation did; never includes the secret. */
export interface RotationResult {
  readonly newKey: ApiKey;
  readonly oldKey: string;
  /** Known only when automation decided; interactive rotations finish in the secret view. */
  readonly oldKeyDeleted?: boolean | undefined;
}

/**
 * Rotate API Key…: a new key for the same owner and resource (same description, name marked
 * "rotated" with the date), its secret shown once, and the old key deleted only after the user
 * confirms that the new one is deployed. Closing the view without confirming keeps both.
 */
export async function rotateApiKey(deps: ResourceCommandDeps, connection: OrgConnection, old: ApiKey, inputs: RotateInputs | undefined): Promise<Outcome<RotationResult>> {
  const automated = inputs !== undefined;
  const oldResource = old.spec.resource;
  const name = rotatedKeyName(old.spec.display_name, old.id, new Date());
  let secret: string | undefined;
  let resource: ResourceChoice = CLOUD_RESOURCE;
  let panel: ReturnType<typeof showSecret> | undefined;

  const created = await runSubmit<object, ApiKey>(deps, {
    verb: 'rotate', noun: 'API key', nameOf: () => old.spec.display_name || old.id,
    title: vscode.l10n.t('Rotate API Key'), form: NO_FIELDS, state: formState(NO_FIELDS, {}, automated ? {} : undefined),
    ask: async () => {
      if (automated) return true;
      const createNew = vscode.l10n.t('Create New Key');
      const answer = await vscode.window.showWarningMessage(vscode.l10n.t('Rotate API key {0}?', old.id), {
        modal: true,
        detail: vscode.l10n.t({
          message: 'A new key for the same owner ({0}) and resource ({1}) is created as "{2}" and its secret is shown once. The old key keeps working until you confirm the new one is deployed.',
          args: [old.spec.owner.id, keyScope(old), name], comment: ['{0} is an account ID, {1} a cluster ID or "Cloud API key", {2} the new key\'s name'],
        }),
      }, createNew);
      return answer === createNew;
    },
    submit: async () => {
      if (oldResource) {
        // The cluster's bootstrap endpoint goes into the snippets; not finding it only loses that line.
        resource = await loadCluster(connection, oldResource.id, oldResource.environment ?? undefined).catch(() => undefined)
          ?? { kind: 'other', id: oldResource.id, environment: oldResource.environment ?? undefined };
      }
      const key = await connection.client.apiKeys.create({
        owner: { id: old.spec.owner.id },
        ...(oldResource ? { resource: { id: oldResource.id, ...(oldResource.environment ? { environment: oldResource.environment } : {}) } } : {}),
        display_name: name,
        description: old.spec.description ?? '',
      });
      secret = key.spec.secret ?? undefined;
      return withoutSecret(key);
    },
    succeeded: (key, recovered) => {
      deps.updates.itemCreated(connection, 'apiKey', key);
      deps.log.info(`Rotation of API key ${old.id}: created ${key.id}${recovered ? ' (found after an error)' : ''}`);
      if (secret === undefined) {
        void vscode.window.showWarningMessage(vscode.l10n.t('The new API key {0} arrived without its secret; delete it and rotate again. The old key {1} is unchanged.', key.id, old.id));
        return;
      }
      const ownerText = old.spec.owner.id.startsWith('u-') ? vscode.l10n.t('user {0}', old.spec.owner.id) : vscode.l10n.t('service account {0}', old.spec.owner.id);
      panel = showSecret(deps, key, secret, ownerText, resource, rotationHooks(deps, connection, old, key, inputs?.deleteOld === true));
      secret = undefined;
    },
  });
  if (created.status !== 'done') return created;
  if (!panel) return done({ newKey: created.value, oldKey: old.id, oldKeyDeleted: false });
  if (inputs?.deleteOld !== undefined) {
    await panel.decideRotation(inputs.deleteOld ? 'deleteOld' : 'keepBoth');
    return done({ newKey: created.value, oldKey: old.id, oldKeyDeleted: panel.rotationStatus === 'deleted' });
  }
  return done({ newKey: created.value, oldKey: old.id });
}

function rotationHooks(deps: ResourceCommandDeps, connection: OrgConnection, old: ApiKey, fresh: ApiKey, preconfirmed: boolean): RotationHooks {
  return {
    oldKey: old.id,
    deleteOld: async () => {
      if (!preconfirmed) {
        const deleteOld = vscode.l10n.t('Delete Old Key');
        const answer = await vscode.window.showWarningMessage(vscode.l10n.t('Delete the old API key {0} now?', old.id), {
          modal: true,
          detail: vscode.l10n.t('Only if every application now uses the new key {0}: anything still using {1} stops working immediately. This cannot be undone.', fresh.id, old.id),
        }, deleteOld);
        if (answer !== deleteOld) return false;
      }
      try {
        await withRequestProgress(vscode.l10n.t('Deleting the old API key {0}…', old.id), () => connection.client.apiKeys.delete(old.id));
      } catch (error) {
        const failure = describeFailure(error, { verb: 'delete', noun: 'API key', name: old.id });
        if (!failure.notFound) {
          deps.log.warn(failure.message);
          void vscode.window.showErrorMessage(failure.message);
          return false;
        }
      }
      deps.updates.itemDeleted(connection, 'apiKey', old.id);
      deps.log.info(`Rotation of API key ${old.id} complete: deleted it, ${fresh.id} replaces it`);
      vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Rotation complete: {0} deleted', old.id), 5000);
      return true;
    },
    keptBoth: (reason) => {
      void vscode.window.showInformationMessage(reason === 'closed'
        ? vscode.l10n.t('The secret view was closed before the old key was deleted, so both keys are kept: {0} (old) and {1} (new). Delete {0} with "Delete API Key…" once nothing uses it.', old.id, fresh.id)
        : vscode.l10n.t('Both keys are kept: {0} (old) and {1} (new). Delete {0} with "Delete API Key…" once nothing uses it.', old.id, fresh.id));
    },
  };
}

