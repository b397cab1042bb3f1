import * as vscode from 'vscode';
import type { OrgConnection } from '../auth/orgConnection';
import type { ApiKey } from '../cloud/schemas/apiKey';
import { ExplorerNode } from '../explorer/nodes/explorerNode';
import { SecretPanel } from '../secretPanel/secretPanel';
import { findCreatedKey, withoutSecret } from './apiKeyNames';
import {
  type ApiKeyPreselection, CLOUD_RESOURCE, loadCluster, loadOwner, preselectionFromNode, type ResourceChoice, resourceLabel,
} from './apiKeyTargets';
import { CANCELLED, type Outcome } from './commandOutcome';
import { connectionFor, pickerPageSize, type ResourceCommandDeps, withRequestProgress } from './commandTargets';
import { choiceStep, definedStrings, firstInvalid, type FormValues, pickerStep, runWizard, type TextFieldSpec, textStep } from './multiStepWizard';
import { type OwnerChoice, ownerId, ownerLabel, pickCluster, pickOwner } from './pickers/resourcePickers';
import { runSubmit } from './submitFlow';
import { validateOptionalText } from './validation';

/** Automation input of Create API Key; see {@link ApiKeyPreselection} for owner and resource. */
export interface ApiKeyInputs extends ApiKeyPreselection {
  readonly display_name?: string;
  readonly description?: string;
}

export const KEY_NAME: TextFieldSpec = {
  field: 'display_name',
  prompt: 'Name of the key (optional): where it is used, so it can be found when rotating',
  placeholder: 'e.g. checkout-service production',
  validate: (v) => validateOptionalText(v, 'name'),
};

export const KEY_DESCRIPTION: TextFieldSpec = {
  field: 'description',
  prompt: 'Description (optional)',
  validate: (v) => validateOptionalText(v, 'description'),
};

const OWNER_KINDS = [
  { label: '$(hubot) Service account', value: 'serviceAccount', detail: 'Recommended for applications' },
  { label: '$(person) User', value: 'user', detail: 'The key acts with the user\'s permissions' },
];

/**
 * Create API Key…: owner (service account or user) → resource (Cloud API key or a Kafka cluster
 * in any environment) → optional name and description → the secret, shown once. Whatever the
 * tree node fixes (owner from an account or user, resource from a cluster) is not asked.
 */
export async function createApiKey(deps: ResourceCommandDeps, arg: unknown, inputs: ApiKeyInputs | undefined): Promise<Outcome<ApiKey>> {
  const connection = await connectionFor(deps.registry, arg, 'Create the API key in which organization?');
  if (!connection) return CANCELLED;
  const fromNode = arg instanceof ExplorerNode ? preselectionFromNode(arg) : {};
  const ref: ApiKeyPreselection = { ...(arg instanceof ExplorerNode ? {} : (arg as ApiKeyPreselection | undefined)), ...inputs };
  let owner: OwnerChoice | undefined = fromNode.owner;
  let resource: ResourceChoice | undefined = fromNode.resource;
  if (!owner && ref.owner) owner = await withRequestProgress(`Loading ${ref.owner}…`, (s) => loadOwner(connection, ref.owner!, s), true);
  if (!resource && ref.resource !== undefined) {
    if (ref.resource === null || ref.resource === 'cloud') resource = CLOUD_RESOURCE;
    else {
      const id = ref.resource;
      resource = await withRequestProgress(`Loading Kafka cluster ${id}…`, (s) => loadCluster(connection, id, ref.environment, s), true);
      if (!resource) throw new Error(`No Kafka cluster ${id} was found in any environment of ${connection.label}.`);
    }
  }
  const given = definedStrings({ display_name: inputs?.display_name, description: inputs?.description });
  const values: FormValues = { ownerKind: owner?.kind ?? 'serviceAccount', ...given };
  const fixedOwner = owner !== undefined;
  const fixedResource = resource !== undefined;
  const ctx = { connection, pageSize: pickerPageSize(deps.explorer) };
  let secret: string | undefined;
  let startedAt = new Date();

  return runSubmit<ApiKey>(deps, {
    verb: 'create', noun: 'API key', nameOf: (v) => v.display_name || undefined, values, automated: inputs !== undefined,
    invalid: () => firstInvalid([KEY_NAME, KEY_DESCRIPTION], values),
    ask: (errors, start) => runWizard(`Create API Key in ${connection.label}`, [
      choiceStep({ field: 'ownerKind', placeholder: 'Who will own the key?', options: OWNER_KINDS }, values, errors, fixedOwner),
      pickerStep((at) => pickOwner(ctx, at, values.ownerKind), (picked) => { owner = picked; }, fixedOwner, 'owner'),
      pickerStep((at) => pickCluster<ResourceChoice>(ctx, at, (choice) => ({ kind: 'cluster', ...choice }), {
        item: { label: '$(cloud) Cloud API key (organization-wide)', detail: 'For the Confluent Cloud APIs (management, metrics), not for producing or consuming' },
        value: CLOUD_RESOURCE,
      }, 'Select what the key is for: the Cloud APIs or a Kafka cluster'), (picked) => { resource = picked; }, fixedResource, 'resource'),
      // Both optional: automation that leaves them out is not asked.
      textStep(KEY_NAME, values, errors, (given.display_name !== undefined || inputs !== undefined) && !errors.display_name),
      textStep(KEY_DESCRIPTION, values, errors, (given.description !== undefined || inputs !== undefined) && !errors.description),
    ], start),
    submit: async (v) => {
      startedAt = new Date();
      const created = await connection.client.apiKeys.create({
        owner: { id: ownerId(owner!) },
        ...(resource?.kind === 'cluster' ? { resource: { id: resource.cluster.id, environment: resource.environment.id } } : {}),
        display_name: v.display_name ?? '',
        description: v.description ?? '',
      });
      secret = created.spec.secret ?? undefined;
      return withoutSecret(created);
    },
    lookup: async (v, signal) => {
      const keys: ApiKey[] = [];
      const filter = { owner: ownerId(owner!), ...(resource?.kind === 'cluster' ? { resource: resource.cluster.id } : {}) };
      for await (const page of connection.client.apiKeys.pages({ ...filter, pageSize: 100, signal })) keys.push(...page.items);
      return findCreatedKey(keys, {
        owner: filter.owner, resource: resource?.kind === 'cluster' ? resource.cluster.id : undefined,
        displayName: v.display_name ?? '', description: v.description ?? '',
      }, startedAt);
    },
    succeeded: (key, recovered) => {
      deps.updates.itemCreated(connection, 'apiKey', key);
      deps.log.info(`Created API key ${key.id} for ${ownerId(owner!)} on ${resource?.kind === 'cluster' ? resource.cluster.id : 'the Cloud APIs'}${recovered ? ' (found after an error)' : ''}`);
      if (recovered || secret === undefined) {
        offerDeleteOfKeyWithoutSecret(deps, connection, key, recovered);
        return;
      }
      showSecret(deps, key, secret, owner!, resource ?? CLOUD_RESOURCE);
      // The panel holds the only copy from here on.
      secret = undefined;
    },
  });
}

/** Opens the view that shows the secret once. */
export function showSecret(
  deps: ResourceCommandDeps, key: ApiKey, secret: string, owner: OwnerChoice | string, resource: ResourceChoice,
  rotation?: ConstructorParameters<typeof SecretPanel>[3],
): SecretPanel {
  return new SecretPanel(deps, {
    apiKey: key.id,
    displayName: key.spec.display_name || undefined,
    owner: typeof owner === 'string' ? owner : ownerLabel(owner),
    resource: resourceLabel(resource),
    bootstrapEndpoint: resource.kind === 'cluster' ? resource.cluster.spec.kafka_bootstrap_endpoint ?? undefined : undefined,
  }, secret, rotation);
}

/** A key whose secret never arrived is useless; offer to delete it right away. */
function offerDeleteOfKeyWithoutSecret(deps: ResourceCommandDeps, connection: OrgConnection, key: ApiKey, recovered: boolean): void {
  const why = recovered ? 'was created despite the error, but its secret never arrived' : 'was created, but the response carried no secret';
  void vscode.window.showWarningMessage(`The API key ${key.id} ${why} and cannot be retrieved. Delete it and create another.`, 'Delete It').then(async (choice) => {
    if (choice !== 'Delete It') return;
    try {
      await withRequestProgress(`Deleting API key ${key.id}…`, () => connection.client.apiKeys.delete(key.id));
      deps.updates.itemDeleted(connection, 'apiKey', key.id);
      vscode.window.setStatusBarMessage(`$(trash) Deleted API key ${key.id}`, 5000);
    } catch (error) {
      void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
    }
  });
}
