import * as vscode from 'vscode';
import type { OrgConnection } from '../auth/orgConnection';
import type { ApiKey } from '../cloud/schemas/apiKey';
import { ExplorerNode } from '../explorer/nodes/explorerNode';
import type { RotationHooks, SecretPanel } from '../secretPanel/secretPanel';
import { findCreatedKey, withoutSecret } from './apiKeyNames';
import {
  type ApiKeyPreselection, CLOUD_RESOURCE, loadCluster, loadOwner, preselectionFromNode, type ResourceChoice, resourceLabel,
} from './apiKeyTargets';
import { CANCELLED, type Outcome } from './commandOutcome';
import { connectionFor, pickerContext, type ResourceCommandDeps, withRequestProgress } from './commandTargets';
import { formState } from './forms/formRules';
import type { ChoiceOption, FormSpec } from './forms/formSpec';
import { type ApiKeyTextInputs, KEY_DESCRIPTION, KEY_NAME } from './kinds/apiKeyKind';
import { type OwnerChoice, ownerId, ownerLabel, pickCluster, type PickerContext, pickOwner } from './pickers/resourcePickers';
import { offerGrantAccess } from './grantAccessOffer';
import { runSubmit } from './submitFlow';

/** Automation input of Create API Key; see {@link ApiKeyPreselection} for owner and resource. */
export interface ApiKeyInputs extends ApiKeyPreselection, ApiKeyTextInputs {}

/** The answers of the Create API Key form. */
interface CreateKeyAnswers extends ApiKeyTextInputs {
  readonly ownerKind?: string;
  readonly owner?: OwnerChoice;
  readonly resource?: ResourceChoice;
}

// Built per form, so the labels are read in the display language of the moment.
function ownerKinds(): readonly ChoiceOption[] {
  return [
    { label: vscode.l10n.t('$(hubot) Service account'), value: 'serviceAccount', detail: vscode.l10n.t('Recommended for applications') },
    { label: vscode.l10n.t('$(person) User'), value: 'user', detail: vscode.l10n.t("The key acts with the user's permissions") },
  ];
}

/**
 * Owner kind → owner (a paged picker of that kind: the second field depends on the first) →
 * resource (Cloud API key or any environment's cluster) → optional name and description.
 */
function createKeyForm(ctx: PickerContext): FormSpec<CreateKeyAnswers> {
  const kinds = ownerKinds();
  return {
    fields: [
      {
        type: 'choice', name: 'ownerKind', defaultValue: 'serviceAccount', placeholder: vscode.l10n.t('Who will own the key?'), options: () => kinds,
        unknownOption: (value) => vscode.l10n.t("Unknown owner kind '{0}'; use serviceAccount or user.", value),
      },
      {
        type: 'picker', name: 'owner', pick: (at, answers) => pickOwner(ctx, at, answers.ownerKind),
      },
      {
        type: 'picker', name: 'resource',
        pick: (at) => pickCluster<ResourceChoice>(ctx, at, (choice) => ({ kind: 'cluster', ...choice }), {
          item: {
            label: vscode.l10n.t('$(cloud) Cloud API key (organization-wide)'),
            detail: vscode.l10n.t('For the Confluent Cloud APIs (management, metrics), not for producing or consuming'),
          },
          value: CLOUD_RESOURCE,
        }, vscode.l10n.t('Select what the key is for: the Cloud APIs or a Kafka cluster')),
      },
      KEY_NAME,
      KEY_DESCRIPTION,
    ],
  };
}

/**
 * Create API Key…: owner (service account or user) → resource (Cloud API key or a Kafka cluster
 * in any environment) → optional name and description → the secret, shown once. Whatever the
 * tree node fixes (owner from an account or user, resource from a cluster) is not asked.
 */
export async function createApiKey(deps: ResourceCommandDeps, arg: unknown, inputs: ApiKeyInputs | undefined): Promise<Outcome<ApiKey>> {
  const connection = await connectionFor(deps.registry, arg, vscode.l10n.t('Create the API key in which organization?'));
  if (!connection) return CANCELLED;
  const fromNode = arg instanceof ExplorerNode ? preselectionFromNode(arg) : {};
  const ref: ApiKeyPreselection = { ...(arg instanceof ExplorerNode ? {} : (arg as ApiKeyPreselection | undefined)), ...inputs };
  let owner: OwnerChoice | undefined = fromNode.owner;
  let resource: ResourceChoice | undefined = fromNode.resource;
  if (!owner && ref.owner) owner = await withRequestProgress(vscode.l10n.t('Loading {0}…', ref.owner), (s) => loadOwner(connection, ref.owner!, s), true);
  if (!resource && ref.resource !== undefined) {
    if (ref.resource === null || ref.resource === 'cloud') resource = CLOUD_RESOURCE;
    else {
      const id = ref.resource;
      resource = await withRequestProgress(vscode.l10n.t('Loading Kafka cluster {0}…', id), (s) => loadCluster(connection, id, ref.environment, s), true);
      if (!resource) throw new Error(vscode.l10n.t('No Kafka cluster {0} was found in any environment of {1}.', id, connection.label));
    }
  }
  const ctx = pickerContext(deps, connection);
  const form = createKeyForm(ctx);
  // What the node or the automation fixed is neither asked nor counted in the steps.
  const fixed = [...(owner ? ['ownerKind', 'owner'] : []), ...(resource ? ['resource'] : [])];
  const given = inputs && { display_name: inputs.display_name, description: inputs.description };
  const state = formState<CreateKeyAnswers>(form, { ...(owner ? { owner, ownerKind: owner.kind } : {}), ...(resource ? { resource } : {}) }, given, fixed);
  let secret: string | undefined;
  let startedAt = new Date();
  const scopeOf = (answers: Partial<CreateKeyAnswers>): { owner: string; resource?: string } => ({
    owner: ownerId(chosenOwner(answers)),
    ...(answers.resource?.kind === 'cluster' ? { resource: answers.resource.cluster.id } : {}),
  });

  return runSubmit<CreateKeyAnswers, ApiKey>(deps, {
    verb: 'create', noun: 'API key', nameOf: (v) => v.display_name || undefined,
    title: vscode.l10n.t('Create API Key in {0}', connection.label), form, state, factory: deps.quickInputs,
    submit: async (v) => {
      startedAt = new Date();
      const resourceChoice = v.resource;
      const created = await connection.client.apiKeys.create({
        owner: { id: ownerId(chosenOwner(v)) },
        ...(resourceChoice?.kind === 'cluster' ? { resource: { id: resourceChoice.cluster.id, environment: resourceChoice.environment.id } } : {}),
        display_name: v.display_name ?? '',
        description: v.description ?? '',
      });
      secret = created.spec.secret ?? undefined;
      return withoutSecret(created);
    },
    lookup: async (v, signal) => {
      const keys: ApiKey[] = [];
      const filter = scopeOf(v);
      for await (const page of connection.client.apiKeys.pages({ ...filter, pageSize: 100, signal })) keys.push(...page.items);
      return findCreatedKey(keys, {
        owner: filter.owner, resource: filter.resource,
        displayName: v.display_name ?? '', description: v.description ?? '',
      }, startedAt);
    },
    succeeded: (key, recovered) => {
      const answers = state.answers;
      deps.updates.itemCreated(connection, 'apiKey', key);
      deps.log.info(`Created API key ${key.id} for ${ownerId(chosenOwner(answers))} on ${scopeOf(answers).resource ?? 'the Cloud APIs'}${recovered ? ' (found after an error)' : ''}`);
      if (recovered || secret === undefined) {
        offerDeleteOfKeyWithoutSecret(deps, connection, key, recovered);
        return;
      }
      showSecret(deps, key, secret, chosenOwner(answers), answers.resource ?? CLOUD_RESOURCE);
      // A key on a cluster whose owner has no role there can do nothing yet: offer Grant Access….
      if (answers.resource?.kind === 'cluster') {
        const owner = chosenOwner(answers);
        void offerGrantAccess(deps, connection, { id: ownerId(owner), name: owner.kind === 'serviceAccount' ? owner.serviceAccount.display_name : owner.user.full_name?.trim() || owner.user.email }, {
          id: answers.resource.cluster.id, name: answers.resource.cluster.spec.display_name, environment: answers.resource.environment,
        });
      }
      // The panel holds the only copy from here on.
      secret = undefined;
    },
  });
}

// The owner field is required, so the form never finishes without one; this guards the types.
function chosenOwner(answers: Partial<CreateKeyAnswers>): OwnerChoice {
  if (!answers.owner) throw new Error(vscode.l10n.t('No owner was chosen for the API key.'));
  return answers.owner;
}

/** Opens the view that shows the secret once. */
export function showSecret(
  deps: ResourceCommandDeps, key: ApiKey, secret: string, owner: OwnerChoice | string, resource: ResourceChoice,
  rotation?: RotationHooks,
): SecretPanel {
  return deps.secretPanels.show({
    apiKey: key.id,
    displayName: key.spec.display_name || undefined,
    owner: typeof owner === 'string' ? owner : ownerLabel(owner),
    resource: resourceLabel(resource),
    bootstrapEndpoint: resource.kind === 'cluster' ? resource.cluster.spec.kafka_bootstrap_endpoint ?? undefined : undefined,
  }, secret, rotation);
}

/** A key whose secret never arrived is useless; offer to delete it right away. */
function offerDeleteOfKeyWithoutSecret(deps: ResourceCommandDeps, connection: OrgConnection, key: ApiKey, recovered: boolean): void {
  const message = recovered
    ? vscode.l10n.t('The API key {0} was created despite the error, but its secret never arrived and cannot be retrieved. Delete it and create another.', key.id)
    : vscode.l10n.t('The API key {0} was created, but the response carried no secret and cannot be retrieved. Delete it and create another.', key.id);
  const deleteIt = vscode.l10n.t('Delete It');
  void vscode.window.showWarningMessage(message, deleteIt).then(async (choice) => {
    if (choice !== deleteIt) return;
    try {
      await withRequestProgress(vscode.l10n.t('Deleting API key {0}…', key.id), () => connection.client.apiKeys.delete(key.id));
      deps.updates.itemDeleted(connection, 'apiKey', key.id);
      vscode.window.setStatusBarMessage(vscode.l10n.t('$(trash) Deleted API key {0}', key.id), 5000);
    } catch (error) {
      void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
    }
  });
}
