import * as vscode from 'vscode';
import type { OrgConnection } from '../auth/orgConnection';
import type { Environment } from '../cloud/schemas/environment';
import { EnvironmentNode } from '../explorer/nodes/environmentNode';
import { CANCELLED, type Outcome } from './commandOutcome';
import { connectionFor, isResourceRef, pickerPageSize, registerResourceAction, type ResourceCommandDeps, withRequestProgress } from './commandTargets';
import { environmentImpact, environmentImpactSummary, environmentPreviewLines } from './deletePreview';
import { type DeleteInputs, existsById, runDelete } from './deleteFlow';
import { choiceStep, definedStrings, firstInvalid, type FormValues, pickerStep, runWizard, type TextFieldSpec, textStep } from './multiStepWizard';
import { pickEnvironment } from './pickers/resourcePickers';
import { ResourceCommand } from './resourceCommandIds';
import { runSubmit } from './submitFlow';
import { quoteForPrompt, validateRequiredName } from './validation';

/**
 * Automation input of Create Environment. `stream_governance_config` is the package name
 * (`ESSENTIALS`, `ADVANCED`) or `none`.
 */
export interface EnvironmentInputs {
  readonly display_name?: string;
  readonly stream_governance_config?: string;
}

const NAME: TextFieldSpec = {
  field: 'display_name',
  prompt: 'Environment name (unique in the organization)',
  placeholder: 'e.g. staging',
  validate: (v) => validateRequiredName(v, 'environment name'),
};

const PACKAGES = [
  { label: 'No Stream Governance package', description: 'none', value: 'none', detail: 'Choose a package later in Confluent Cloud' },
  { label: 'Essentials', description: 'ESSENTIALS', value: 'ESSENTIALS', detail: 'Schema Registry and basic governance' },
  { label: 'Advanced', description: 'ADVANCED', value: 'ADVANCED', detail: 'Adds stream catalog, lineage and higher limits' },
];

const CONFLICT_HELP = 'Confluent Cloud refuses while the environment still holds resources it cannot delete on its own (for example clusters still being provisioned, or networks and connectors in use). Delete those first, then try again.';

/** Create, rename and delete environments. */
export function registerEnvironmentCommands(deps: ResourceCommandDeps): vscode.Disposable[] {
  const pageSize = (): number => pickerPageSize(deps.explorer);

  const create = async (arg?: unknown, inputs?: EnvironmentInputs): Promise<Outcome<Environment>> => {
    const connection = await connectionFor(deps.registry, arg, 'Create the environment in which organization?');
    if (!connection) return CANCELLED;
    const given = definedStrings(inputs);
    const values: FormValues = { stream_governance_config: 'none', ...given };
    const title = `Create Environment in ${connection.label}`;
    return runSubmit(deps, {
      verb: 'create', noun: 'environment', nameOf: (v) => v.display_name, values, automated: inputs !== undefined,
      invalid: () => firstInvalid([NAME], values) ?? invalidPackage(values.stream_governance_config),
      ask: (errors, start) => runWizard(title, [
        textStep(NAME, values, errors, given.display_name !== undefined && !errors.display_name),
        choiceStep({ field: 'stream_governance_config', placeholder: 'Stream Governance package (optional)', options: PACKAGES }, values, errors,
          // Optional: automation that leaves it out gets no package rather than a prompt.
          (given.stream_governance_config !== undefined || inputs !== undefined) && !errors.stream_governance_config),
      ], start),
      submit: (v) => connection.client.environments.create({
        display_name: v.display_name ?? '',
        ...(v.stream_governance_config && v.stream_governance_config !== 'none' ? { stream_governance_config: { package: v.stream_governance_config } } : {}),
      }),
      lookup: (v, signal) => findEnvironment(connection, v.display_name ?? '', signal),
      succeeded: (env, recovered) => {
        deps.updates.itemCreated(connection, 'environment', env);
        deps.log.info(`Created environment ${env.id}${recovered ? ' (found after an error)' : ''}`);
        const text = recovered
          ? `The environment ${quoteForPrompt(env.display_name)} was created despite the error (${env.id}).`
          : `Created environment ${quoteForPrompt(env.display_name)} (${env.id}).`;
        void vscode.window.showInformationMessage(text);
      },
    });
  };

  const rename = async (arg?: unknown, inputs?: Pick<EnvironmentInputs, 'display_name'>): Promise<Outcome<Environment>> => {
    const connection = await connectionFor(deps.registry, arg, 'Rename an environment in which organization?');
    if (!connection) return CANCELLED;
    let env = await targetEnvironment(connection, arg);
    const given = definedStrings(inputs);
    const values: FormValues = { display_name: env?.display_name, ...given };
    const fromPalette = env === undefined;
    return runSubmit(deps, {
      verb: 'rename', noun: 'environment', nameOf: () => env?.display_name, values, automated: inputs !== undefined,
      invalid: () => firstInvalid([NAME], values),
      ask: (errors, start) => runWizard('Rename Environment', [
        pickerStep((at) => pickEnvironment({ connection, pageSize: pageSize() }, at, 'Select the environment to rename'), (picked) => {
          if (picked.id !== env?.id && given.display_name === undefined) values.display_name = picked.display_name;
          env = picked;
        }, !fromPalette),
        textStep({ ...NAME, prompt: 'New name of the environment' }, values, errors, given.display_name !== undefined && !errors.display_name),
      ], start),
      submit: (v) => connection.client.environments.update(env!.id, { display_name: v.display_name ?? '' }),
      succeeded: (updated) => {
        deps.updates.itemUpdated(connection, 'environment', updated);
        vscode.window.setStatusBarMessage(`$(check) Renamed environment to ${quoteForPrompt(updated.display_name)}`, 5000);
      },
    });
  };

  const remove = async (arg?: unknown, inputs?: DeleteInputs): Promise<Outcome<{ id: string }>> => {
    const connection = await connectionFor(deps.registry, arg, 'Delete an environment in which organization?');
    if (!connection) return CANCELLED;
    let env = await targetEnvironment(connection, arg);
    if (!env) {
      const picked = await pickEnvironment({ connection, pageSize: pageSize() }, { title: 'Delete Environment' }, 'Select the environment to delete');
      if (picked?.kind !== 'value') return CANCELLED;
      env = picked.value;
    }
    const target = env;
    return runDelete(deps, {
      noun: 'environment', id: target.id, name: target.display_name, confirmBy: 'name', inputs,
      preview: async (signal) => {
        const impact = await environmentImpact(connection.client, target.id, signal);
        return { lines: environmentPreviewLines(impact), impact: environmentImpactSummary(impact) };
      },
      consequence: 'Connectors, Schema Registry data and everything else in the environment go too.',
      remove: () => connection.client.environments.delete(target.id),
      stillExists: () => existsById(() => connection.client.environments.get(target.id)),
      explainConflict: CONFLICT_HELP,
      deleted: () => deps.updates.itemDeleted(connection, 'environment', target.id),
    });
  };

  return [
    registerResourceAction(deps, ResourceCommand.createEnvironment, create),
    registerResourceAction(deps, ResourceCommand.renameEnvironment, rename),
    registerResourceAction(deps, ResourceCommand.deleteEnvironment, remove),
  ];
}

/** The environment a command was invoked on (node or `{ id }`), or undefined from the palette. */
async function targetEnvironment(connection: OrgConnection, arg: unknown): Promise<Environment | undefined> {
  if (arg instanceof EnvironmentNode) return arg.environment;
  if (isResourceRef(arg)) {
    return withRequestProgress(`Loading environment ${arg.id}…`, (signal) => connection.client.environments.get(arg.id, { signal }), true);
  }
  return undefined;
}

/** After an uncertain create: an environment with exactly this name (names are unique). */
async function findEnvironment(connection: OrgConnection, name: string, signal: AbortSignal | undefined): Promise<Environment | undefined> {
  for await (const page of connection.client.environments.pages({ pageSize: 100, signal })) {
    const found = page.items.find((env) => env.display_name === name);
    if (found) return found;
  }
  return undefined;
}

function invalidPackage(value: string | undefined): { field: string; message: string } | undefined {
  if (value === undefined || PACKAGES.some((p) => p.value === value)) return undefined;
  return { field: 'stream_governance_config', message: `Unknown Stream Governance package '${value}'; use none, ESSENTIALS or ADVANCED.` };
}
