import * as l10n from '@vscode/l10n';
import type { OrgConnection } from '../auth/orgConnection';
import { buildCrnPattern, clusterScope, type CrnPattern, kafkaResourceScope } from '../cloud/crn';
import { CloudApiError } from '../cloud/errors';
import type { ApiKey } from '../cloud/schemas/apiKey';
import type { RoleBinding } from '../cloud/schemas/roleBinding';
import type { ServiceAccount } from '../cloud/schemas/serviceAccount';
import { scopeText } from '../explorer/accessText';
import { EnvironmentNode } from '../explorer/nodes/environmentNode';
import type { ExplorerNode } from '../explorer/nodes/explorerNode';
import { KafkaClusterNode } from '../explorer/nodes/kafkaClusterNode';
import { dialogsOf } from '../ui/dialogs';
import { inertDetail, inertMessage, pickText } from '../ui/inertText';
import { withoutSecret } from './apiKeyNames';
import { loadCluster } from './apiKeyTargets';
import { showSecret } from './apiKeyCreate';
import { CANCELLED, done, failedOutcome, type Outcome } from './commandOutcome';
import { connectionFor, pickerContext, type ResourceCommandDeps, withRequestProgress } from './commandTargets';
import { describeFailure } from './errorMessages';
import { runForm } from './forms/formEngine';
import { formState, invalidAnswer } from './forms/formRules';
import type { FormSpec } from './forms/formSpec';
import { validateResourceName } from './grantScope';
import { type ClusterChoice, pickCluster, type PickerContext } from './pickers/resourcePickers';
import { validateRequiredName } from './validation';
import { organizationIdOf } from './accessTargets';
import { nounText } from './resourceWords';

/** Answers of Onboard an Application…, also its automation input. */
export interface OnboardInputs {
  readonly display_name?: string;
  /** Cluster ID (automation); the picker stores the choice in `cluster_choice`. */
  readonly cluster?: string;
  readonly environment?: string;
  /** `read`, `write` or `readWrite`. */
  readonly access?: string;
  /** `exact` (default) or `prefix`. */
  readonly topic_match?: string;
  readonly topic?: string;
  readonly consumer_group?: string;
  readonly confirm?: string;
  /** Automation: what to do when a step fails part-way; 'stop' (default) reports and leaves it. */
  readonly on_failure?: 'stop' | 'finish' | 'delete';
  readonly cluster_choice?: ClusterChoice;
}

/** What onboarding made; `apiKey` never carries the secret. */
export interface Onboarded {
  readonly serviceAccount: ServiceAccount;
  readonly bindings: readonly RoleBinding[];
  readonly apiKey?: ApiKey | undefined;
}

// Built per form, so the rows are read in the display language of the moment.
function accessOptions(): { label: string; value: string; detail: string }[] {
  return [
    { label: l10n.t('Read'), value: 'read', detail: l10n.t('Consume from the topics (DeveloperRead on them and on the consumer group)') },
    { label: l10n.t('Write'), value: 'write', detail: l10n.t('Produce to the topics (DeveloperWrite on them)') },
    { label: l10n.t('Read and write'), value: 'readWrite', detail: l10n.t('Both') },
  ];
}

function matchOptions(): { label: string; value: string; detail: string }[] {
  return [
    { label: l10n.t('One topic'), value: 'exact', detail: l10n.t('By exact name') },
    { label: l10n.t('Topics starting with a prefix'), value: 'prefix', detail: l10n.t('Every topic whose name starts with it, present and future') },
  ];
}

const reads = (a: Partial<OnboardInputs>): boolean => a.access === 'read' || a.access === 'readWrite';
const writes = (a: Partial<OnboardInputs>): boolean => a.access === 'write' || a.access === 'readWrite';

function onboardForm(ctx: PickerContext): FormSpec<OnboardInputs> {
  const access = accessOptions();
  const match = matchOptions();
  return {
    fields: [
      {
        type: 'text', name: 'display_name', prompt: l10n.t('Name of the application (becomes the service account name)'), placeholder: l10n.t('e.g. orders-service'),
        validate: (v) => validateRequiredName(v, l10n.t('application name')),
      },
      {
        type: 'picker', name: 'cluster_choice', when: (a) => a.cluster === undefined,
        pick: (at) => pickCluster(ctx, at, (choice) => choice, undefined, l10n.t('Select the Kafka cluster the application uses')),
      },
      {
        type: 'choice', name: 'access', placeholder: l10n.t('What does the application do with the topics?'), options: () => access,
        unknownOption: (v) => l10n.t("Unknown access '{0}'; use read, write or readWrite.", pickText(v)),
      },
      {
        type: 'choice', name: 'topic_match', optional: true, defaultValue: 'exact', placeholder: l10n.t('Which topics?'), options: () => match,
        unknownOption: (v) => l10n.t("Unknown topic match '{0}'; use exact or prefix.", pickText(v)),
      },
      {
        type: 'text', name: 'topic', prompt: l10n.t('Topic name, or the prefix when you chose topics starting with one'), placeholder: l10n.t('e.g. orders or orders-'),
        validate: (v) => validateResourceName('topic', v, false) ?? undefined,
      },
      {
        type: 'text', name: 'consumer_group', when: reads, prompt: l10n.t('Consumer group the application joins (end it in * for every group starting with it)'), placeholder: l10n.t('e.g. orders-service'),
        validate: (v) => validateResourceName('group', v.replace(/\*$/, ''), false),
      },
      {
        type: 'choice', name: 'confirm', optional: true, placeholder: l10n.t('Check what will be created, then confirm'),
        options: (a) => [{
          label: l10n.t('Create'), value: 'create',
          detail: pickText(a.cluster_choice ? planLines(planOf(a, '', a.cluster_choice)).join(' · ') : l10n.t('A service account, its role bindings and an API key on the cluster'), 300),
        }],
        unknownOption: () => l10n.t('confirm takes no automation value.'),
      },
    ],
  };
}

interface Plan {
  readonly name: string;
  readonly choice: ClusterChoice;
  readonly bindings: readonly { role: string; pattern: CrnPattern }[];
}

function planOf(a: Partial<OnboardInputs>, org: string, choice: ClusterChoice): Plan {
  const env = choice.environment.id;
  const cluster = choice.cluster.id;
  const topicName = (a.topic ?? '').trim();
  const topic = kafkaResourceScope(org, env, cluster, 'topic', a.topic_match === 'prefix' ? `${topicName}*` : topicName);
  const bindings: { role: string; pattern: CrnPattern }[] = [];
  if (reads(a)) bindings.push({ role: 'DeveloperRead', pattern: topic });
  if (writes(a)) bindings.push({ role: 'DeveloperWrite', pattern: topic });
  if (reads(a)) bindings.push({ role: 'DeveloperRead', pattern: kafkaResourceScope(org, env, cluster, 'group', (a.consumer_group ?? '').trim()) });
  return { name: (a.display_name ?? '').trim(), choice, bindings };
}

function planLines(plan: Plan): string[] {
  const names = {
    environment: (id: string) => (id === plan.choice.environment.id ? plan.choice.environment.display_name : undefined),
    cluster: (id: string) => (id === plan.choice.cluster.id ? plan.choice.cluster.spec.display_name : undefined),
    principal: () => undefined,
  };
  return [
    l10n.t("Service account '{0}'", plan.name),
    ...plan.bindings.map((b) => l10n.t({ message: '{0} on {1}', args: [b.role, scopeText(b.pattern, names)], comment: ['{0} is a role, {1} the scope it is granted on'] })),
    l10n.t('API key on {0}', scopeText(clusterScope('', plan.choice.environment.id, plan.choice.cluster.id), names)),
  ];
}

/** What has been made so far; each step is skipped once done, so nothing is created twice. */
interface Progress {
  serviceAccount?: ServiceAccount;
  bindings: RoleBinding[];
  apiKey?: ApiKey;
  secret?: string;
}

/**
 * Onboard an Application…: name → cluster → access (read / write / both on a topic or prefix, and
 * the consumer group) → a confirmation listing everything → creates the service account, its
 * bindings and an API key on the cluster, then shows the secret once. A failure part-way reports
 * what exists and offers to finish (the remaining steps only) or to delete what was created.
 */
export async function onboardApplication(deps: ResourceCommandDeps, arg: unknown, inputs: OnboardInputs | undefined): Promise<Outcome<Onboarded>> {
  const connection = await connectionFor(deps.registry, arg, l10n.t('Onboard the application in which organization?'));
  if (!connection) return CANCELLED;
  const form = onboardForm(pickerContext(deps, connection));
  // Run on a cluster: that cluster, not asked.
  const preset = arg instanceof KafkaClusterNode ? clusterPreset(arg) : undefined;
  const state = formState(form, preset ? { cluster_choice: preset } : {}, inputs, preset ? ['cluster_choice'] : []);
  const problem = invalidAnswer(form, state);
  if (problem && state.automated) return { status: 'invalid', message: problem.message, field: problem.field };
  if (!(await runForm(l10n.t('Onboard an Application in {0}', connection.label), form, state, {}, undefined, deps.quickInputs))) return CANCELLED;
  const a = state.answers;
  let choice = a.cluster_choice;
  if (!choice && a.cluster) {
    const found = await withRequestProgress(l10n.t('Loading Kafka cluster {0}…', a.cluster), (s) => loadCluster(connection, a.cluster!, a.environment, s), true);
    if (found?.kind !== 'cluster') return { status: 'invalid', message: l10n.t('No Kafka cluster {0} was found in {1}.', a.cluster, connection.label), field: 'cluster' };
    choice = found;
  }
  if (!choice) return CANCELLED;
  const org = await organizationIdOf(connection);
  const plan = planOf(a, org, choice);
  const progress: Progress = { bindings: [] };
  for (;;) {
    const failure = await runSteps(deps, connection, plan, progress);
    if (!failure) break;
    const made = madeLines(progress);
    const message = l10n.t({ message: 'Onboarding {0} stopped: {1}', args: [inertMessage(`'${plan.name}'`, 80), failure.message], comment: ['{0} is the quoted application name, {1} what failed'] });
    deps.log.warn(`${message} Created so far: ${made.join('; ') || 'nothing'}`);
    const choiceMade = state.automated ? inputs?.on_failure ?? 'stop' : await askAfterFailure(deps, message, made);
    if (choiceMade === 'finish') continue;
    if (choiceMade === 'delete') await deleteCreated(deps, connection, progress);
    return failedOutcome(stoppedSummary(message, made, choiceMade === 'delete'), failure.error);
  }
  const sa = progress.serviceAccount!;
  const key = progress.apiKey!;
  if (progress.secret !== undefined) {
    showSecret(deps, key, progress.secret, l10n.t('service account {0} ({1})', sa.display_name, sa.id), { kind: 'cluster', ...choice });
    progress.secret = undefined;
  }
  void dialogsOf(deps).notify('info', l10n.t({
    message: 'Onboarded {0}: service account {1}, {2} role bindings and API key {3}.',
    args: [inertMessage(`'${sa.display_name}'`, 80), sa.id, progress.bindings.length, key.id], comment: ['{0} is the quoted application name'],
  }));
  return done({ serviceAccount: sa, bindings: [...progress.bindings], apiKey: key });
}

function clusterPreset(node: KafkaClusterNode): ClusterChoice {
  let env: ExplorerNode | undefined = node.parent;
  while (env && !(env instanceof EnvironmentNode)) env = env.parent;
  return { cluster: node.cluster, environment: env instanceof EnvironmentNode ? env.environment : { id: node.environmentId, display_name: node.environmentId } };
}

// What a stopped onboarding returns: the failure, what exists, and whether it was deleted again.
function stoppedSummary(message: string, made: readonly string[], deletedAgain: boolean): string {
  if (!made.length) return l10n.t({ message: '{0} Nothing was created.', args: [message], comment: ['{0} says why onboarding stopped'] });
  return deletedAgain
    ? l10n.t({ message: '{0} Created: {1}. It was deleted again.', args: [message, made.join('; ')], comment: ['{0} says why onboarding stopped, {1} lists what was made'] })
    : l10n.t({ message: '{0} Created: {1}.', args: [message, made.join('; ')], comment: ['{0} says why onboarding stopped, {1} lists what was made'] });
}

async function askAfterFailure(deps: ResourceCommandDeps, message: string, made: readonly string[]): Promise<'finish' | 'delete' | 'stop'> {
  const detail = inertDetail(made.length ? l10n.t('Created so far:\n{0}', made.join('\n')) : l10n.t('Nothing was created.'));
  const finish = l10n.t('Finish Onboarding');
  const deleteMade = l10n.t('Delete What Was Created');
  const tryAgain = l10n.t('Try Again');
  const buttons = made.length ? [finish, deleteMade] : [tryAgain];
  const answer = await dialogsOf(deps).confirm('error', message, detail, ...buttons);
  if (answer === finish || answer === tryAgain) return 'finish';
  if (answer === deleteMade) return 'delete';
  return 'stop';
}

function madeLines(p: Progress): string[] {
  return [
    ...(p.serviceAccount ? [l10n.t("service account '{0}' ({1})", p.serviceAccount.display_name, p.serviceAccount.id)] : []),
    ...p.bindings.map((b) => l10n.t({ message: '{0} binding {1}', args: [b.role_name, b.id], comment: ['{0} is a role, {1} the role binding ID'] })),
    ...(p.apiKey ? [l10n.t('API key {0}', p.apiKey.id)] : []),
  ];
}

/** Runs the steps not yet done; returns the first failure. */
async function runSteps(deps: ResourceCommandDeps, connection: OrgConnection, plan: Plan, progress: Progress): Promise<{ message: string; error: unknown } | undefined> {
  const { client } = connection;
  const step = async <T>(what: string, work: () => Promise<T>): Promise<T | { failed: { message: string; error: unknown } }> => {
    try {
      return await withRequestProgress(l10n.t({ message: 'Onboarding: {0}…', args: [nounText(what)], comment: ['{0} is what is being created ("service account")'] }), work);
    } catch (error) {
      return { failed: { message: describeFailure(error, { verb: 'create', noun: what }).message, error } };
    }
  };
  const failedOf = (v: unknown): { message: string; error: unknown } | undefined =>
    typeof v === 'object' && v !== null && 'failed' in v ? (v as { failed: { message: string; error: unknown } }).failed : undefined;

  if (!progress.serviceAccount) {
    const sa = await step('service account', async () => {
      try {
        return await client.serviceAccounts.create({ display_name: plan.name, description: `Onboarded for cluster ${plan.choice.cluster.id}` });
      } catch (error) {
        // Unclear whether it was made: look before anything else is tried.
        if (error instanceof CloudApiError && (error.reason === 'timeout' || error.reason === 'network' || (error.status ?? 0) >= 500)) {
          const found = (await client.serviceAccounts.listPage({ displayName: plan.name, pageSize: 10 })).items.find((s) => s.display_name === plan.name);
          if (found) return found;
        }
        throw error;
      }
    });
    const failed = failedOf(sa);
    if (failed) return failed;
    progress.serviceAccount = sa as ServiceAccount;
    deps.updates.itemCreated(connection, 'serviceAccount', progress.serviceAccount);
  }
  const principal = `User:${progress.serviceAccount.id}`;
  for (const planned of plan.bindings) {
    const pattern = buildCrnPattern(planned.pattern);
    if (progress.bindings.some((b) => b.role_name === planned.role && b.crn_pattern === pattern)) continue;
    const rb = await step(`${planned.role} binding`, async () => {
      const find = async (): Promise<RoleBinding | undefined> => (await client.roleBindings.listPage({ crnPattern: pattern, principal, roleName: planned.role, pageSize: 10 }))
        .items.find((b) => b.crn_pattern === pattern && b.role_name === planned.role);
      try {
        return await client.roleBindings.create({ principal, role_name: planned.role, crn_pattern: pattern });
      } catch (error) {
        const found = error instanceof CloudApiError && (error.status === 409 || error.reason !== 'http' || (error.status ?? 0) >= 500) ? await find().catch(() => undefined) : undefined;
        if (found) return found;
        throw error;
      }
    });
    const failed = failedOf(rb);
    if (failed) return failed;
    progress.bindings.push(rb as RoleBinding);
    deps.updates.itemCreated(connection, 'roleBinding', rb as RoleBinding);
  }
  if (!progress.apiKey) {
    const key = await step('API key', () => client.apiKeys.create({
      owner: { id: progress.serviceAccount!.id },
      resource: { id: plan.choice.cluster.id, environment: plan.choice.environment.id },
      display_name: `${plan.name} on ${plan.choice.cluster.spec.display_name}`.slice(0, 255),
      description: 'Created by Onboard an Application',
    }));
    const failed = failedOf(key);
    if (failed) return failed;
    progress.secret = (key as ApiKey).spec.secret ?? undefined;
    progress.apiKey = withoutSecret(key as ApiKey);
    deps.updates.itemCreated(connection, 'apiKey', progress.apiKey);
  }
  return undefined;
}

/** Deletes what onboarding made, newest first; what cannot be deleted is reported. */
async function deleteCreated(deps: ResourceCommandDeps, connection: OrgConnection, progress: Progress): Promise<void> {
  const { client } = connection;
  const left: string[] = [];
  const attempt = async (what: string, work: () => Promise<unknown>, after: () => void): Promise<void> => {
    try {
      await work();
      after();
    } catch (error) {
      if (error instanceof CloudApiError && error.status === 404) return after();
      left.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  await withRequestProgress(l10n.t('Deleting what onboarding created…'), async () => {
    if (progress.apiKey) await attempt(l10n.t('API key {0}', progress.apiKey.id), () => client.apiKeys.delete(progress.apiKey!.id), () => deps.updates.itemDeleted(connection, 'apiKey', progress.apiKey!.id));
    for (const rb of [...progress.bindings].reverse()) {
      await attempt(l10n.t('role binding {0}', rb.id), () => client.roleBindings.delete(rb.id), () => deps.updates.itemDeleted(connection, 'roleBinding', rb.id));
    }
    if (progress.serviceAccount) {
      const sa = progress.serviceAccount;
      await attempt(l10n.t('service account {0}', sa.id), () => client.serviceAccounts.delete(sa.id), () => deps.updates.itemDeleted(connection, 'serviceAccount', sa.id));
    }
  });
  progress.secret = undefined;
  if (left.length) void dialogsOf(deps).notify('error', inertMessage(l10n.t("Couldn't delete everything onboarding created: {0}", left.join('; '))));
}
