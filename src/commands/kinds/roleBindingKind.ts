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
  { label: 'Service account', value: 'serviceAccount', detail: 'An application or service' },
  { label: 'User', value: 'user', detail: 'A person in the organization' },
];

const SCOPE_KINDS: readonly (ChoiceOption & { readonly inCluster: boolean })[] = [
  { label: 'Organization', value: 'organization', detail: 'Everything in the organization', inCluster: false },
  { label: 'Environment…', value: 'environment', detail: 'One environment and everything in it', inCluster: false },
  { label: 'Kafka cluster…', value: 'cluster', detail: 'One cluster and its topics, groups and transactional IDs', inCluster: true },
  { label: 'Topic…', value: 'topic', detail: 'One topic, by exact name', inCluster: true },
  { label: 'Topics starting with…', value: 'topicPrefix', detail: 'Every topic whose name starts with a prefix, present and future', inCluster: true },
  { label: 'Consumer group…', value: 'group', detail: 'One consumer group', inCluster: true },
  { label: 'Transactional ID…', value: 'transactionalId', detail: 'One transactional ID', inCluster: true },
  { label: 'Type a CRN pattern…', value: 'crn', detail: 'crn://confluent.cloud/organization=…/…', inCluster: false },
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
  return `Grant ${a.role_name ?? '?'} to ${who} on ${scopeText(pattern, names)}`;
}

function resourceField(name: 'topic' | 'topic_prefix' | 'consumer_group' | 'transactional_id', kind: string, prompt: string, placeholder: string, check: (v: string) => string | undefined): TextField<GrantInputs> {
  return { type: 'text', name, prompt, placeholder, when: (a) => scopeKindOf(a) === kind, validate: check };
}

/** Grant Role…: principal → scope → role (only those valid there) → a confirmation naming all three. */
function grantForm(ctx: PickerContext): FormSpec<GrantInputs> {
  return {
    fields: [
      {
        type: 'choice', name: 'principal_kind', optional: true, placeholder: 'Grant a role to whom?', options: () => PRINCIPAL_KINDS,
        when: (a) => a.principal === undefined || a.principal_kind !== undefined,
        unknownOption: (v) => `Unknown principal kind '${v}'; use serviceAccount or user.`,
      },
      {
        type: 'picker', name: 'principal',
        pick: async (at, a) => {
          const result = a.principal_kind === 'user'
            ? await pickUser(ctx, at, 'Select the user to grant a role to')
            : await pickServiceAccount(ctx, at, 'Select the service account to grant a role to (type an exact name to search the server)');
          if (result?.kind !== 'value') return result;
          const value = result.value;
          (a as { principal_name?: string }).principal_name = 'email' in value ? (value.full_name?.trim() || value.email) : value.display_name;
          return { kind: 'value', value: `User:${value.id}` };
        },
      },
      {
        type: 'choice', name: 'scope_kind', optional: true, placeholder: 'Where does the role apply?',
        when: (a) => a.crn_pattern === undefined || a.scope_kind !== undefined,
        options: (a) => SCOPE_KINDS.filter((k) => !a.within_cluster || k.inCluster),
        unknownOption: (v, options) => `Unknown scope '${v}'; use one of ${options.map((o) => o.value).join(', ')}.`,
      },
      {
        type: 'picker', name: 'environment', when: (a) => scopeKindOf(a) === 'environment',
        pick: async (at, a) => {
          const result = await pickEnvironment(ctx, at, 'Select the environment');
          if (result?.kind !== 'value') return result;
          (a as { environment_name?: string }).environment_name = result.value.display_name;
          return { kind: 'value', value: result.value.id };
        },
      },
      {
        type: 'picker', name: 'cluster', when: (a) => !['organization', 'environment', 'crn'].includes(scopeKindOf(a)),
        pick: async (at, a) => {
          const result = await pickCluster(ctx, at, (choice) => choice, undefined, 'Select the Kafka cluster');
          if (result?.kind !== 'value') return result;
          const { cluster, environment } = result.value;
          Object.assign(a, { environment: environment.id, environment_name: environment.display_name, cluster_name: cluster.spec.display_name });
          return { kind: 'value', value: cluster.id };
        },
      },
      resourceField('topic', 'topic', 'Topic name (exact)', 'e.g. orders', (v) => validateResourceName('topic', v, false)),
      resourceField('topic_prefix', 'topicPrefix', 'Topic prefix: the role applies to every topic whose name starts with it', 'e.g. orders-', (v) => validateResourceName('topic', v, true)),
      resourceField('consumer_group', 'group', 'Consumer group name', 'e.g. orders-consumer', (v) => validateResourceName('group', v, false)),
      resourceField('transactional_id', 'transactionalId', 'Transactional ID', 'e.g. orders-producer-1', (v) => validateResourceName('transactional-id', v, false)),
      {
        type: 'text', name: 'crn_pattern', when: (a) => scopeKindOf(a) === 'crn',
        prompt: 'CRN pattern of the scope (checked before anything is sent)',
        placeholder: 'crn://confluent.cloud/organization=…/environment=env-…/cloud-cluster=lkc-…/kafka=lkc-…/topic=orders-*',
        validate: validateGrantPattern,
      },
      {
        type: 'choice', name: 'role_name', placeholder: 'Select the role (only roles that can be granted at this scope are listed)',
        options: (a) => {
          const level = grantLevel(a);
          return (level ? rolesAt(level) : ROLE_CATALOGUE).map((r) => ({ label: r.name, value: r.name, detail: r.description }));
        },
        unknownOption: (v, options) => roleInfo(v)
          ? `${pickText(v)} can't be granted at this scope; it binds at ${roleInfo(v)!.levels.join(', ')}. Roles here: ${options.map((o) => o.value).join(', ')}.`
          : `Unknown role '${pickText(v)}'. Roles here: ${options.map((o) => o.value).join(', ')}.`,
      },
      {
        // Asked interactively only: automation has confirmed with its own caller.
        type: 'choice', name: 'confirm', optional: true, placeholder: 'Check the grant, then confirm',
        options: (a) => [{
          label: 'Grant', value: 'grant',
          detail: pickText(grantSentenceOrPattern(a), 200),
        }],
        unknownOption: () => 'confirm takes no automation value.',
      },
    ],
  };
}

// The organization ID is in the answers: the preset puts it there before the form runs.
function grantSentenceOrPattern(a: Partial<GrantInputs>): string {
  const scope = grantPattern(a, a.org ?? '');
  return scope.ok ? `${grantSentence(a, scope.pattern)}. CRN pattern: ${buildCrnPattern(scope.pattern)}` : scope.message;
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
  if (!found || found.kind !== 'cluster') throw new Error(`No Kafka cluster ${a.cluster} was found in any environment of ${connection.label}.`);
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
  title: 'Role Binding',
  tree: ROLE_BINDING_TREE,
  node: RoleBindingNode,
  // The API answers a delete with the binding; the generic delete only needs it to settle.
  api: (connection) => ({
    get: (id, options) => connection.client.roleBindings.get(id, options),
    delete: async (id) => void (await connection.client.roleBindings.delete(id)),
  }),
  pick: async (ctx, at, placeholder) => pickRoleBinding(ctx, at, await organizationIdOf(ctx.connection), placeholder),
  nameOf: (rb) => `${rb.role_name} for ${parsePrincipal(rb.principal).id}`,
  create: {
    command: AccessCommand.grantRole,
    verb: 'grant',
    noun: 'role',
    organizationPrompt: 'Grant a role in which organization?',
    title: (connection) => `Grant Role in ${connection.label}`,
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
        void dialogsOf(ctx.deps).notify('info', inertMessage(`${who} already has ${rb.role_name} on ${where} (${rb.id}). Nothing was changed.`));
        return;
      }
      ctx.deps.updates.itemCreated(ctx.connection, 'roleBinding', rb);
      ctx.deps.log.info(`Granted role binding ${rb.id}${recovered ? ' (found after an error)' : ''}`);
      void dialogsOf(ctx.deps).notify('info', inertMessage(
        `${recovered ? 'Despite the error, granted' : 'Granted'} ${rb.role_name} to ${who} on ${where} (${rb.id}). A new binding can take a little while to take effect.`,
      ));
    },
  },
  remove: {
    command: AccessCommand.revokeRole,
    organizationPrompt: 'Revoke a role in which organization?',
    pickPlaceholder: 'Select the role binding to revoke',
    confirmBy: 'modal',
    verbs: ['Revoke', 'Revoking', 'Revoked'],
    preview: async (ctx, rb, signal) => {
      const names = ctx.deps.explorer.organizationNode(ctx.connection).names;
      await names.resolve([rb], signal).catch(() => undefined);
      const ref = parsePrincipal(rb.principal);
      return {
        lines: [
          `Principal: ${principalText(ref, names)} (${rb.principal})`,
          `Role: ${rb.role_name}`,
          `Scope: ${patternText(rb.crn_pattern, names)}`,
          `CRN pattern: ${rb.crn_pattern}`,
        ],
        impact: {},
      };
    },
    consequence: () => 'The principal loses what this binding granted; applications using it may start failing.',
  },
};
