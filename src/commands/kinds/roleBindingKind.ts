import * as l10n from '@vscode/l10n';
import type { OrgConnection } from '../../auth/orgConnection';
import { buildCrnPattern, type CrnPattern } from '../../cloud/crn';
import { CloudApiError } from '../../cloud/errors';
import { rolesAt, ROLE_CATALOGUE, roleInfo } from '../../cloud/roleCatalogue';
import type { RoleBinding } from '../../cloud/schemas/roleBinding';
import { parsePrincipal, patternText, principalFor, principalText, scopeText } from '../../explorer/accessText';
import { RoleBindingNode } from '../../explorer/nodes/roleBindingNode';
import { ROLE_BINDING_TREE } from '../../explorer/roleBindingTree';
import { dialogsOf } from '../../ui/dialogs';
import { inertMessage, pickText } from '../../ui/inertText';
import { grantPreset, organizationIdOf } from '../accessTargets';
import { loadCluster } from '../apiKeyTargets';
import type { ChoiceOption, FormSpec, TextField } from '../forms/formSpec';
import { grantLevel, grantPattern, type ScopeAnswers, scopeKindOf, validateGrantPattern, validateResourceName } from '../grantScope';
import { pickRoleBinding } from '../pickers/roleBindingPicker';
import { pickCluster, pickEnvironment, type PickerContext, pickServiceAccount, pickUser } from '../pickers/resourcePickers';
import { AccessCommand } from '../accessCommandIds';
import { pickerContext } from '../commandTargets';
import type { ResourceKindDescriptor } from './resourceKind';

/**
 * Answers of Grant Role…, which are also its automation input: `{ principal, role_name,
 * crn_pattern }`, or `principal`, `role_name` and scope parts (`environment`, `cluster`, `topic`,
 * `topic_prefix`, `consumer_group`, `transactional_id`). Names are kept for the confirmation.
 */
export interface GrantInputs extends ScopeAnswers {
  readonly principal_kind?: string;
  /** `User:sa-…`, `User:u-…`, `User:pool-…` or `Group:group-…`; a bare `sa-…` is accepted. */
  readonly principal?: string;
  readonly role_name?: string;
  readonly confirm?: string;
  // Filled by pickers and presets, for the sentences; never sent.
  readonly principal_name?: string;
  readonly environment_name?: string;
  readonly cluster_name?: string;
  /** Set by a preset from a cluster: only the cluster and what is inside it can be chosen. */
  readonly within_cluster?: string;
  /** The Confluent organization ID, preset before the form runs. */
  readonly org?: string;
}

/** A granted binding; `existing` when the principal already had it (nothing was created). */
export type GrantResult = RoleBinding & { readonly existing?: true };

const PRINCIPAL_KINDS: readonly ChoiceOption[] = [
  { label: l10n.t('Service account'), value: 'serviceAccount', detail: l10n.t('An application or service') },
  { label: l10n.t({ message: 'User', comment: ['a kind of principal a role is granted to'] }), value: 'user', detail: l10n.t('A person in the organization') },
];

const SCOPE_KINDS: readonly (ChoiceOption & { readonly inCluster: boolean })[] = [
  { label: l10n.t('Organization'), value: 'organization', detail: l10n.t('Everything in the organization'), inCluster: false },
  { label: l10n.t('Environment…'), value: 'environment', detail: l10n.t('One environment and everything in it'), inCluster: false },
  { label: l10n.t('Kafka cluster…'), value: 'cluster', detail: l10n.t('One cluster and its topics, groups and transactional IDs'), inCluster: true },
  { label: l10n.t('Topic…'), value: 'topic', detail: l10n.t('One topic, by exact name'), inCluster: true },
  { label: l10n.t('Topics starting with…'), value: 'topicPrefix', detail: l10n.t('Every topic whose name starts with a prefix, present and future'), inCluster: true },
  { label: l10n.t('Consumer group…'), value: 'group', detail: l10n.t('One consumer group'), inCluster: true },
  { label: l10n.t('Transactional ID…'), value: 'transactionalId', detail: l10n.t('One transactional ID'), inCluster: true },
  // The detail shows the CRN syntax itself, which is not translated.
  { label: l10n.t('Type a CRN pattern…'), value: 'crn', detail: 'crn://confluent.cloud/organization=…/…', inCluster: false },
];

/** The names the sentences use, from what pickers and presets stored in the answers. */
function answerNames(a: Partial<GrantInputs>): Parameters<typeof scopeText>[1] {
  return {
    environment: (id) => (id === a.environment ? a.environment_name : undefined),
    cluster: (id) => (id === a.cluster ? a.cluster_name : undefined),
    principal: (ref) => (principalFor(ref.id) === a.principal ? a.principal_name : undefined),
  };
}

/** "Grant DeveloperRead to payments-service on topics starting with 'orders-' · orders-prod (Production)". */
export function grantSentence(a: Partial<GrantInputs>, pattern: CrnPattern): string {
  const names = answerNames(a);
  const who = principalText(parsePrincipal(principalFor(a.principal ?? '')), names);
  return l10n.t({
    message: 'Grant {0} to {1} on {2}', args: [a.role_name ?? '?', who, scopeText(pattern, names)],
    comment: ['{0} is a role name, {1} the principal, {2} the scope'],
  });
}

function resourceField(name: 'topic' | 'topic_prefix' | 'consumer_group' | 'transactional_id', kind: string, prompt: string, placeholder: string, check: (v: string) => string | undefined): TextField<GrantInputs> {
  return { type: 'text', name, prompt, placeholder, when: (a) => scopeKindOf(a) === kind, validate: check };
}

/** Grant Role…: principal → scope → role (only those valid there) → a confirmation naming all three. */
function grantForm(ctx: PickerContext): FormSpec<GrantInputs> {
  return {
    fields: [
      {
        type: 'choice', name: 'principal_kind', optional: true, placeholder: l10n.t('Grant a role to whom?'), options: () => PRINCIPAL_KINDS,
        when: (a) => a.principal === undefined || a.principal_kind !== undefined,
        unknownOption: (v) => l10n.t({
          message: "Unknown principal kind '{0}'; use {1} or {2}.", args: [v, 'serviceAccount', 'user'], comment: ['{1} and {2} are the values to pass, as written'],
        }),
      },
      {
        type: 'picker', name: 'principal',
        pick: async (at, a) => {
          const result = a.principal_kind === 'user'
            ? await pickUser(ctx, at, l10n.t('Select the user to grant a role to'))
            : await pickServiceAccount(ctx, at, l10n.t('Select the service account to grant a role to (type an exact name to search the server)'));
          if (result?.kind !== 'value') return result;
          const value = result.value;
          (a as { principal_name?: string }).principal_name = 'email' in value ? (value.full_name?.trim() || value.email) : value.display_name;
          return { kind: 'value', value: `User:${value.id}` };
        },
      },
      {
        type: 'choice', name: 'scope_kind', optional: true, placeholder: l10n.t('Where does the role apply?'),
        when: (a) => a.crn_pattern === undefined || a.scope_kind !== undefined,
        options: (a) => SCOPE_KINDS.filter((k) => !a.within_cluster || k.inCluster),
        unknownOption: (v, options) => l10n.t({
          message: "Unknown scope '{0}'; use one of {1}.", args: [v, options.map((o) => o.value).join(', ')], comment: ['{1} lists the values to pass, as written'],
        }),
      },
      {
        type: 'picker', name: 'environment', when: (a) => scopeKindOf(a) === 'environment',
        pick: async (at, a) => {
          const result = await pickEnvironment(ctx, at, l10n.t('Select the environment'));
          if (result?.kind !== 'value') return result;
          (a as { environment_name?: string }).environment_name = result.value.display_name;
          return { kind: 'value', value: result.value.id };
        },
      },
      {
        type: 'picker', name: 'cluster', when: (a) => !['organization', 'environment', 'crn'].includes(scopeKindOf(a)),
        pick: async (at, a) => {
          const result = await pickCluster(ctx, at, (choice) => choice, undefined, l10n.t('Select the Kafka cluster'));
          if (result?.kind !== 'value') return result;
          const { cluster, environment } = result.value;
          Object.assign(a, { environment: environment.id, environment_name: environment.display_name, cluster_name: cluster.spec.display_name });
          return { kind: 'value', value: cluster.id };
        },
      },
      resourceField('topic', 'topic', l10n.t('Topic name (exact)'), l10n.t('e.g. orders'), (v) => validateResourceName('topic', v, false)),
      resourceField(
        'topic_prefix', 'topicPrefix', l10n.t('Topic prefix: the role applies to every topic whose name starts with it'), l10n.t('e.g. orders-'),
        (v) => validateResourceName('topic', v, true),
      ),
      resourceField('consumer_group', 'group', l10n.t('Consumer group name'), l10n.t('e.g. orders-consumer'), (v) => validateResourceName('group', v, false)),
      resourceField('transactional_id', 'transactionalId', l10n.t('Transactional ID'), l10n.t('e.g. orders-producer-1'), (v) => validateResourceName('transactional-id', v, false)),
      {
        type: 'text', name: 'crn_pattern', when: (a) => scopeKindOf(a) === 'crn',
        prompt: l10n.t('CRN pattern of the scope (checked before anything is sent)'),
        placeholder: 'crn://confluent.cloud/organization=…/environment=env-…/cloud-cluster=lkc-…/kafka=lkc-…/topic=orders-*',
        validate: validateGrantPattern,
      },
      {
        type: 'choice', name: 'role_name', placeholder: l10n.t('Select the role (only roles that can be granted at this scope are listed)'),
        options: (a) => {
          const level = grantLevel(a);
          return (level ? rolesAt(level) : ROLE_CATALOGUE).map((r) => ({ label: r.name, value: r.name, detail: r.description }));
        },
        unknownOption: (v, options) => {
          const here = options.map((o) => o.value).join(', ');
          const info = roleInfo(v);
          return info
            ? l10n.t({
              message: "{0} can't be granted at this scope; it binds at {1}. Roles here: {2}.", args: [pickText(v), info.levels.join(', '), here],
              comment: ['{0} is a role name, {1} lists scope levels ("organization, environment"), {2} lists role names'],
            })
            : l10n.t({ message: "Unknown role '{0}'. Roles here: {1}.", args: [pickText(v), here], comment: ['{1} lists role names'] });
        },
      },
      {
        // Asked interactively only: automation has confirmed with its own caller.
        type: 'choice', name: 'confirm', optional: true, placeholder: l10n.t('Check the grant, then confirm'),
        options: (a) => [{
          label: l10n.t({ message: 'Grant', comment: ['the button that grants the role'] }), value: 'grant',
          detail: pickText(grantSentenceOrPattern(a), 200),
        }],
        unknownOption: () => l10n.t({ message: '{0} takes no automation value.', args: ['confirm'], comment: ['{0} is the input name, as written'] }),
      },
    ],
  };
}

// The organization ID is in the answers: the preset puts it there before the form runs.
function grantSentenceOrPattern(a: Partial<GrantInputs>): string {
  const scope = grantPattern(a, a.org ?? '');
  return scope.ok
    ? l10n.t({ message: '{0}. CRN pattern: {1}', args: [grantSentence(a, scope.pattern), buildCrnPattern(scope.pattern)], comment: ['{0} is a sentence such as "Grant DeveloperRead to payments on …"'] })
    : scope.message;
}

/** Finds the binding if the principal already has this role on exactly this scope (one request). */
async function existingBinding(connection: OrgConnection, principal: string, role: string, pattern: string, signal?: AbortSignal): Promise<RoleBinding | undefined> {
  const page = await connection.client.roleBindings.listPage({ crnPattern: pattern, principal, roleName: role, pageSize: 10, signal });
  return page.items.find((b) => b.principal === principal && b.role_name === role && b.crn_pattern === pattern);
}

/** The principal, scope and role of the answers, checked; throws a message for the user. */
async function grantBody(connection: OrgConnection, a: Partial<GrantInputs>): Promise<{ principal: string; role_name: string; crn_pattern: string }> {
  const scope = grantPattern(await withEnvironment(connection, a), a.org ?? '');
  if (!scope.ok) throw new Error(scope.message);
  return { principal: principalFor(a.principal ?? ''), role_name: a.role_name ?? '', crn_pattern: buildCrnPattern(scope.pattern) };
}

// Automation may name a cluster without its environment; it is found by walking environments.
async function withEnvironment(connection: OrgConnection, a: Partial<GrantInputs>): Promise<Partial<GrantInputs>> {
  if (!a.cluster || a.environment || scopeKindOf(a) === 'crn') return a;
  const found = await loadCluster(connection, a.cluster, undefined);
  if (!found || found.kind !== 'cluster') {
    throw new Error(l10n.t({ message: 'No Kafka cluster {0} was found in any environment of {1}.', args: [a.cluster, connection.label], comment: ['{1} is the organization'] }));
  }
  return { ...a, environment: found.environment.id };
}

/**
 * Role bindings: Grant Role… (create) and Revoke Role… (delete). A grant sends exactly one POST
 * after the user saw principal, role and scope; a binding that already exists is reported, not
 * made again. A revoke names all three before its one DELETE.
 */
export const ROLE_BINDING_KIND: ResourceKindDescriptor<RoleBinding, GrantInputs, object, GrantResult> = {
  id: 'roleBinding',
  noun: 'role binding',
  title: l10n.t('Role Binding'),
  loading: (id) => l10n.t('Loading role binding {0}…', id),
  tree: ROLE_BINDING_TREE,
  node: RoleBindingNode,
  // The API answers a delete with the binding; the generic delete only needs it to settle.
  api: (connection) => ({
    get: (id, options) => connection.client.roleBindings.get(id, options),
    delete: async (id) => void (await connection.client.roleBindings.delete(id)),
  }),
  pick: async (ctx, at, placeholder) => pickRoleBinding(ctx, at, await organizationIdOf(ctx.connection), placeholder),
  nameOf: (rb) => l10n.t({ message: '{0} for {1}', args: [rb.role_name, parsePrincipal(rb.principal).id], comment: ['{0} is a role name, {1} a principal ID: names a role binding'] }),
  create: {
    command: AccessCommand.grantRole,
    verb: 'grant',
    noun: 'role',
    organizationPrompt: l10n.t('Grant a role in which organization?'),
    title: (connection) => l10n.t({ message: 'Grant Role in {0}', args: [connection.label], comment: ['{0} is the organization'] }),
    form: { fields: [] },
    formFor: (ctx) => grantForm(pickerContext(ctx.deps, ctx.connection)),
    preset: async (ctx, arg) => ({
      org: await ctx.deps.explorer.organizationNode(ctx.connection).names.organizationId(),
      ...grantPreset(ctx.connection, arg),
    }),
    nameOf: (a) => a.role_name,
    submit: async (connection, a) => {
      const body = await grantBody(connection, a);
      // Found first: one list request instead of a POST that would fail with 409.
      const already = await existingBinding(connection, body.principal, body.role_name, body.crn_pattern);
      if (already) return { ...already, existing: true };
      try {
        return await connection.client.roleBindings.create(body);
      } catch (error) {
        if (error instanceof CloudApiError && error.status === 409) {
          const found = await existingBinding(connection, body.principal, body.role_name, body.crn_pattern).catch(() => undefined);
          if (found) return { ...found, existing: true };
        }
        throw error;
      }
    },
    lookup: async (connection, a, signal) => {
      const body = await grantBody(connection, a);
      return existingBinding(connection, body.principal, body.role_name, body.crn_pattern, signal);
    },
    succeeded: (ctx, rb, recovered) => {
      const names = ctx.deps.explorer.organizationNode(ctx.connection).names;
      const who = principalText(parsePrincipal(rb.principal), names);
      const where = patternText(rb.crn_pattern, names);
      if (rb.existing) {
        ctx.deps.log.info(`Role binding ${rb.id} already existed; nothing was granted`);
        void dialogsOf(ctx.deps).notify('info', inertMessage(l10n.t({
          message: '{0} already has {1} on {2} ({3}). Nothing was changed.', args: [who, rb.role_name, where, rb.id],
          comment: ['{0} is the principal, {1} a role name, {2} the scope, {3} the role binding ID'],
        })));
        return;
      }
      ctx.deps.updates.itemCreated(ctx.connection, 'roleBinding', rb);
      ctx.deps.log.info(`Granted role binding ${rb.id}${recovered ? ' (found after an error)' : ''}`);
      const args = [rb.role_name, who, where, rb.id];
      const text = recovered
        ? l10n.t({
          message: 'Despite the error, granted {0} to {1} on {2} ({3}). A new binding can take a little while to take effect.', args,
          comment: ['{0} is a role name, {1} the principal, {2} the scope, {3} the role binding ID'],
        })
        : l10n.t({
          message: 'Granted {0} to {1} on {2} ({3}). A new binding can take a little while to take effect.', args,
          comment: ['{0} is a role name, {1} the principal, {2} the scope, {3} the role binding ID'],
        });
      void dialogsOf(ctx.deps).notify('info', inertMessage(text));
    },
  },
  remove: {
    command: AccessCommand.revokeRole,
    organizationPrompt: l10n.t('Revoke a role in which organization?'),
    pickTitle: l10n.t('Delete Role Binding'),
    pickPlaceholder: l10n.t('Select the role binding to revoke'),
    confirmBy: 'modal',
    // The first is also the confirmation button; the flow compares the answer with this same value.
    verbs: [
      l10n.t({ message: 'Revoke', comment: ['the button that revokes a role binding'] }),
      l10n.t({ message: 'Revoking', comment: ['starts a progress title: "Revoking role binding …"'] }),
      l10n.t({ message: 'Revoked', comment: ['starts a status bar message: "Revoked role binding …"'] }),
    ],
    preview: async (ctx, rb, signal) => {
      const names = ctx.deps.explorer.organizationNode(ctx.connection).names;
      await names.resolve([rb], signal).catch(() => undefined);
      const ref = parsePrincipal(rb.principal);
      return {
        lines: [
          l10n.t('Principal: {0} ({1})', principalText(ref, names), rb.principal),
          l10n.t('Role: {0}', rb.role_name),
          l10n.t('Scope: {0}', patternText(rb.crn_pattern, names)),
          l10n.t('CRN pattern: {0}', rb.crn_pattern),
        ],
        impact: {},
      };
    },
    consequence: () => l10n.t('The principal loses what this binding granted; applications using it may start failing.'),
  },
};
