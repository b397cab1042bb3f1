import * as vscode from 'vscode';
import type { OrgConnection } from '../auth/orgConnection';
import type { ServiceAccount } from '../cloud/schemas/serviceAccount';
import { ServiceAccountNode } from '../explorer/nodes/serviceAccountNode';
import { ownerActivity } from './activityHints';
import { CANCELLED, type Outcome } from './commandOutcome';
import { connectionFor, isResourceRef, pickerPageSize, registerResourceAction, type ResourceCommandDeps, withRequestProgress } from './commandTargets';
import { keysOwnedBy, ownerPreviewLines } from './deletePreview';
import { type DeleteInputs, existsById, runDelete } from './deleteFlow';
import { definedStrings, firstInvalid, type FormValues, pickerStep, runWizard, type TextFieldSpec, textStep } from './multiStepWizard';
import { pickServiceAccount } from './pickers/resourcePickers';
import { ResourceCommand } from './resourceCommandIds';
import { runSubmit } from './submitFlow';
import { quoteForPrompt, validateOptionalText, validateRequiredName } from './validation';

/** Automation input of Create/Edit Service Account. */
export interface ServiceAccountInputs {
  readonly display_name?: string;
  readonly description?: string;
}

const NAME: TextFieldSpec = {
  field: 'display_name',
  prompt: 'Service account name (unique in the organization)',
  placeholder: 'e.g. orders-producer',
  validate: (v) => validateRequiredName(v, 'service account name'),
};

const DESCRIPTION: TextFieldSpec = {
  field: 'description',
  prompt: 'Description (optional): what uses this account',
  placeholder: 'e.g. Publishes order events from the checkout service',
  validate: (v) => validateOptionalText(v, 'description'),
};

/** Create, edit and delete service accounts. */
export function registerServiceAccountCommands(deps: ResourceCommandDeps): vscode.Disposable[] {
  const pageSize = (): number => pickerPageSize(deps.explorer);

  const create = async (arg?: unknown, inputs?: ServiceAccountInputs): Promise<Outcome<ServiceAccount>> => {
    const connection = await connectionFor(deps.registry, arg, 'Create the service account in which organization?');
    if (!connection) return CANCELLED;
    const given = definedStrings(inputs);
    const values: FormValues = { ...given };
    const fixed = (field: string, errors: Record<string, string | undefined>): boolean => given[field] !== undefined && !errors[field];
    return runSubmit(deps, {
      verb: 'create', noun: 'service account', nameOf: (v) => v.display_name, values, automated: inputs !== undefined,
      invalid: () => firstInvalid([NAME, DESCRIPTION], values),
      ask: (errors, start) => runWizard(`Create Service Account in ${connection.label}`, [
        textStep(NAME, values, errors, fixed('display_name', errors)),
        // Optional: automation that leaves it out is not asked.
        textStep(DESCRIPTION, values, errors, (given.description !== undefined || inputs !== undefined) && !errors.description),
      ], start),
      submit: (v) => connection.client.serviceAccounts.create({ display_name: v.display_name ?? '', description: v.description ?? '' }),
      lookup: (v, signal) => findByName(connection, v.display_name ?? '', signal),
      succeeded: (sa, recovered) => {
        deps.updates.itemCreated(connection, 'serviceAccount', sa);
        deps.log.info(`Created service account ${sa.id}${recovered ? ' (found after an error)' : ''}`);
        const text = recovered
          ? `The service account ${quoteForPrompt(sa.display_name)} was created despite the error (${sa.id}).`
          : `Created service account ${quoteForPrompt(sa.display_name)} (${sa.id}).`;
        void vscode.window.showInformationMessage(text, 'Create API Key…').then((choice) => {
          if (choice) void vscode.commands.executeCommand(ResourceCommand.createApiKey, { organization: connection.id, owner: sa.id });
        });
      },
    });
  };

  const edit = async (arg?: unknown, inputs?: ServiceAccountInputs): Promise<Outcome<ServiceAccount>> => {
    const connection = await connectionFor(deps.registry, arg, 'Edit a service account in which organization?');
    if (!connection) return CANCELLED;
    let sa = await target(connection, arg);
    const given = definedStrings(inputs);
    const values: FormValues = { display_name: sa?.display_name, description: sa?.description ?? '', ...given };
    // Automation changes only the fields it passes; the others keep their current values unasked.
    const fixed = (field: string, errors: Record<string, string | undefined>): boolean =>
      (given[field] !== undefined || inputs !== undefined) && !errors[field];
    return runSubmit(deps, {
      verb: 'edit', noun: 'service account', nameOf: () => sa?.display_name, values, automated: inputs !== undefined,
      invalid: () => firstInvalid([NAME, DESCRIPTION], values),
      ask: (errors, start) => runWizard('Edit Service Account', [
        pickerStep((at) => pickServiceAccount({ connection, pageSize: pageSize() }, at), (picked) => {
          if (picked.id !== sa?.id) {
            values.display_name = given.display_name ?? picked.display_name;
            values.description = given.description ?? picked.description ?? '';
          }
          sa = picked;
        }, sa !== undefined),
        textStep(NAME, values, errors, fixed('display_name', errors)),
        textStep(DESCRIPTION, values, errors, fixed('description', errors)),
      ], start),
      submit: (v) => connection.client.serviceAccounts.update(sa!.id, {
        ...(v.display_name !== sa!.display_name ? { display_name: v.display_name ?? '' } : {}),
        ...(v.description !== (sa!.description ?? '') ? { description: v.description ?? '' } : {}),
      }),
      succeeded: (updated) => {
        deps.updates.itemUpdated(connection, 'serviceAccount', updated);
        vscode.window.setStatusBarMessage(`$(check) Saved service account ${quoteForPrompt(updated.display_name)}`, 5000);
      },
    });
  };

  const remove = async (arg?: unknown, inputs?: DeleteInputs): Promise<Outcome<{ id: string }>> => {
    const connection = await connectionFor(deps.registry, arg, 'Delete a service account in which organization?');
    if (!connection) return CANCELLED;
    let sa = await target(connection, arg);
    if (!sa) {
      const picked = await pickServiceAccount({ connection, pageSize: pageSize() }, { title: 'Delete Service Account' });
      if (picked?.kind !== 'value') return CANCELLED;
      sa = picked.value;
    }
    const account = sa;
    return runDelete(deps, {
      noun: 'service account', id: account.id, name: account.display_name, confirmBy: 'name', inputs,
      preview: async (signal) => {
        const keys = await keysOwnedBy(connection.client, account.id, signal);
        const activity = await ownerActivity(connection.id, account.id, keys.sample);
        const lines = [...ownerPreviewLines(keys, activity.staleClusters), ...(activity.summary ? [`Activity: ${activity.summary}`] : [])];
        return { lines, impact: { apiKeys: keys.total } };
      },
      remove: () => connection.client.serviceAccounts.delete(account.id),
      stillExists: () => existsById(() => connection.client.serviceAccounts.get(account.id)),
      deleted: () => deps.updates.itemDeleted(connection, 'serviceAccount', account.id),
    });
  };

  return [
    registerResourceAction(deps, ResourceCommand.createServiceAccount, create),
    registerResourceAction(deps, ResourceCommand.editServiceAccount, edit),
    registerResourceAction(deps, ResourceCommand.deleteServiceAccount, remove),
  ];
}

async function target(connection: OrgConnection, arg: unknown): Promise<ServiceAccount | undefined> {
  if (arg instanceof ServiceAccountNode) return arg.serviceAccount;
  if (isResourceRef(arg)) {
    return withRequestProgress(`Loading service account ${arg.id}…`, (signal) => connection.client.serviceAccounts.get(arg.id, { signal }), true);
  }
  return undefined;
}

/** After an uncertain create: the account with exactly this name (the API filters by it). */
async function findByName(connection: OrgConnection, name: string, signal: AbortSignal | undefined): Promise<ServiceAccount | undefined> {
  const page = await connection.client.serviceAccounts.listPage({ displayName: name, pageSize: 10, signal });
  return page.items.find((sa) => sa.display_name === name);
}
