import type { Environment } from '../../cloud/schemas/environment';
import { EnvironmentNode } from '../../explorer/nodes/environmentNode';
import { ENVIRONMENT_TREE } from '../../explorer/treeKinds';
import { environmentImpact, environmentImpactSummary, environmentPreviewLines } from '../deletePreview';
import type { ChoiceOption, FormSpec } from '../forms/formSpec';
import { pickEnvironment } from '../pickers/resourcePickers';
import { ResourceCommand } from '../resourceCommandIds';
import { quoteForPrompt } from '../validation';
import { announceCreated } from './announce';
import { nameField } from './fields';
import type { ResourceKindDescriptor } from './resourceKind';

/**
 * Automation input of Create Environment. `stream_governance_config` is the package name
 * (`ESSENTIALS`, `ADVANCED`) or `none`.
 */
export interface EnvironmentInputs {
  readonly display_name?: string;
  readonly stream_governance_config?: string;
}

const PACKAGES: readonly ChoiceOption[] = [
  { label: 'No Stream Governance package', description: 'none', value: 'none', detail: 'Choose a package later in Confluent Cloud' },
  { label: 'Essentials', description: 'ESSENTIALS', value: 'ESSENTIALS', detail: 'Schema Registry and basic governance' },
  { label: 'Advanced', description: 'ADVANCED', value: 'ADVANCED', detail: 'Adds stream catalog, lineage and higher limits' },
];

const NAME = nameField<EnvironmentInputs>('environment name', 'Environment name (unique in the organization)', 'e.g. staging');

const CREATE_FORM: FormSpec<EnvironmentInputs> = {
  fields: [
    NAME,
    {
      type: 'choice', name: 'stream_governance_config', optional: true, defaultValue: 'none',
      placeholder: 'Stream Governance package (optional)', options: () => PACKAGES,
      unknownOption: (value) => `Unknown Stream Governance package '${value}'; use none, ESSENTIALS or ADVANCED.`,
    },
  ],
};

const RENAME_FORM: FormSpec<Pick<EnvironmentInputs, 'display_name'>> = {
  fields: [{ ...NAME, prompt: 'New name of the environment' }],
};

const CONFLICT_HELP = 'Confluent Cloud refuses while the environment still holds resources it cannot delete on its own (for example clusters still being provisioned, or networks and connectors in use). Delete those first, then try again.';

/** Environments: create (with an optional Stream Governance package), rename, delete. */
export const ENVIRONMENT_KIND: ResourceKindDescriptor<Environment, EnvironmentInputs, Pick<EnvironmentInputs, 'display_name'>> = {
  id: 'environment',
  noun: 'environment',
  title: 'Environment',
  tree: ENVIRONMENT_TREE,
  node: EnvironmentNode,
  api: (connection) => connection.client.environments,
  pick: (ctx, at, placeholder) => pickEnvironment(ctx, at, placeholder),
  nameOf: (env) => env.display_name,
  create: {
    command: ResourceCommand.createEnvironment,
    verb: 'create',
    organizationPrompt: 'Create the environment in which organization?',
    title: (connection) => `Create Environment in ${connection.label}`,
    form: CREATE_FORM,
    nameOf: (answers) => answers.display_name,
    submit: (connection, answers) => connection.client.environments.create({
      display_name: answers.display_name ?? '',
      ...(answers.stream_governance_config && answers.stream_governance_config !== 'none'
        ? { stream_governance_config: { package: answers.stream_governance_config } } : {}),
    }),
    // Names are unique: an environment with exactly this name is the one.
    lookup: async (connection, answers, signal) => {
      for await (const page of connection.client.environments.pages({ pageSize: 100, signal })) {
        const found = page.items.find((env) => env.display_name === answers.display_name);
        if (found) return found;
      }
      return undefined;
    },
    succeeded: (ctx, env, recovered) => {
      ctx.deps.updates.itemCreated(ctx.connection, 'environment', env);
      announceCreated(ctx, 'environment', { id: env.id, name: env.display_name }, recovered);
    },
  },
  edit: {
    command: ResourceCommand.renameEnvironment,
    verb: 'rename',
    organizationPrompt: 'Rename an environment in which organization?',
    title: 'Rename Environment',
    pickPlaceholder: 'Select the environment to rename',
    form: RENAME_FORM,
    current: (env) => ({ display_name: env.display_name }),
    submit: (connection, env, answers) => connection.client.environments.update(env.id, { display_name: answers.display_name ?? '' }),
    saved: (env) => `Renamed environment to ${quoteForPrompt(env.display_name)}`,
  },
  remove: {
    command: ResourceCommand.deleteEnvironment,
    organizationPrompt: 'Delete an environment in which organization?',
    pickPlaceholder: 'Select the environment to delete',
    confirmBy: 'name',
    preview: async (ctx, env, signal) => {
      const impact = await environmentImpact(ctx.connection.client, env.id, signal);
      return { lines: environmentPreviewLines(impact), impact: environmentImpactSummary(impact) };
    },
    consequence: () => 'Connectors, Schema Registry data and everything else in the environment go too.',
    explainConflict: CONFLICT_HELP,
  },
};
