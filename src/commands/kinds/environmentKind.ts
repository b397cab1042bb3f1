import * as l10n from '@vscode/l10n';
import type { Environment } from '../../cloud/schemas/environment';
import { EnvironmentNode } from '../../explorer/nodes/environmentNode';
import { ENVIRONMENT_TREE } from '../../explorer/treeKinds';
import { environmentImpact, environmentImpactSummary, environmentPreviewLines } from '../deletePreview';
import type { ChoiceOption, FormSpec } from '../forms/formSpec';
import { pickEnvironment } from '../pickers/resourcePickers';
import { ResourceCommand } from '../resourceCommandIds';
import { quoted } from '../../ui/inertText';
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

// The descriptions are the values automation passes, so they stay as the API spells them.
const PACKAGES: readonly ChoiceOption[] = [
  { label: l10n.t('No Stream Governance package'), description: 'none', value: 'none', detail: l10n.t('Choose a package later in Confluent Cloud') },
  { label: l10n.t({ message: 'Essentials', comment: ['a Stream Governance package'] }), description: 'ESSENTIALS', value: 'ESSENTIALS', detail: l10n.t('Schema Registry and basic governance') },
  { label: l10n.t({ message: 'Advanced', comment: ['a Stream Governance package'] }), description: 'ADVANCED', value: 'ADVANCED', detail: l10n.t('Adds stream catalog, lineage and higher limits') },
];

const NAME = nameField<EnvironmentInputs>(
  l10n.t({ message: 'environment name', comment: ['names the field in validation messages such as "Enter a …"'] }),
  l10n.t('Environment name (unique in the organization)'),
  l10n.t('e.g. staging'),
);

const CREATE_FORM: FormSpec<EnvironmentInputs> = {
  fields: [
    NAME,
    {
      type: 'choice', name: 'stream_governance_config', optional: true, defaultValue: 'none',
      placeholder: l10n.t('Stream Governance package (optional)'), options: () => PACKAGES,
      unknownOption: (value) => l10n.t({
        message: "Unknown Stream Governance package '{0}'; use {1}, {2} or {3}.", args: [value, 'none', 'ESSENTIALS', 'ADVANCED'],
        comment: ['{1} to {3} are the values to pass, as written'],
      }),
    },
  ],
};

const RENAME_FORM: FormSpec<Pick<EnvironmentInputs, 'display_name'>> = {
  fields: [{ ...NAME, prompt: l10n.t('New name of the environment') }],
};

const CONFLICT_HELP = l10n.t('Confluent Cloud refuses while the environment still holds resources it cannot delete on its own (for example clusters still being provisioned, or networks and connectors in use). Delete those first, then try again.');

/** Environments: create (with an optional Stream Governance package), rename, delete. */
export const ENVIRONMENT_KIND: ResourceKindDescriptor<Environment, EnvironmentInputs, Pick<EnvironmentInputs, 'display_name'>> = {
  id: 'environment',
  noun: 'environment',
  title: l10n.t('Environment'),
  loading: (id) => l10n.t('Loading environment {0}…', id),
  tree: ENVIRONMENT_TREE,
  node: EnvironmentNode,
  api: (connection) => connection.client.environments,
  pick: (ctx, at, placeholder) => pickEnvironment(ctx, at, placeholder),
  nameOf: (env) => env.display_name,
  create: {
    command: ResourceCommand.createEnvironment,
    verb: 'create',
    organizationPrompt: l10n.t('Create the environment in which organization?'),
    title: (connection) => l10n.t({ message: 'Create Environment in {0}', args: [connection.label], comment: ['{0} is the organization'] }),
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
      announceCreated(ctx, 'environment', env.id, recovered, recovered
        ? l10n.t('The environment {0} was created despite the error ({1}).', quoted(env.display_name), env.id)
        : l10n.t('Created environment {0} ({1}).', quoted(env.display_name), env.id));
    },
  },
  edit: {
    command: ResourceCommand.renameEnvironment,
    verb: 'rename',
    organizationPrompt: l10n.t('Rename an environment in which organization?'),
    title: l10n.t('Rename Environment'),
    pickPlaceholder: l10n.t('Select the environment to rename'),
    form: RENAME_FORM,
    current: (env) => ({ display_name: env.display_name }),
    submit: (connection, env, answers) => connection.client.environments.update(env.id, { display_name: answers.display_name ?? '' }),
    saved: (env) => l10n.t('Renamed environment to {0}', quoted(env.display_name)),
  },
  remove: {
    command: ResourceCommand.deleteEnvironment,
    organizationPrompt: l10n.t('Delete an environment in which organization?'),
    pickTitle: l10n.t('Delete Environment'),
    pickPlaceholder: l10n.t('Select the environment to delete'),
    confirmBy: 'name',
    preview: async (ctx, env, signal) => {
      const impact = await environmentImpact(ctx.connection.client, env.id, signal);
      return { lines: environmentPreviewLines(impact), impact: environmentImpactSummary(impact) };
    },
    consequence: () => l10n.t('Connectors, Schema Registry data and everything else in the environment go too.'),
    explainConflict: CONFLICT_HELP,
  },
};
