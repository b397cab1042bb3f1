/**
 * The scope of a grant, from the answers of Grant Role… (a choice and the parts it asks for, or a
 * typed CRN pattern) to one validated `CrnPattern`. Checked with `crn.ts` before any request.
 * Pure: no vscode.
 */
import * as l10n from '@vscode/l10n';
import {
  buildCrnPattern, clusterScope, type CrnPattern, environmentScope, kafkaResourceScope, organizationScope, parseCrnPattern,
  type ScopeLevel, scopeLevel, validateCrnPattern,
} from '../cloud/crn';

/** What the user binds at. */
export type ScopeKind = 'organization' | 'environment' | 'cluster' | 'topic' | 'topicPrefix' | 'group' | 'transactionalId' | 'crn';

/** The scope part of Grant Role…'s answers (also its automation input). */
export interface ScopeAnswers {
  readonly scope_kind?: string;
  readonly environment?: string;
  readonly cluster?: string;
  readonly topic?: string;
  readonly topic_prefix?: string;
  readonly consumer_group?: string;
  readonly transactional_id?: string;
  /** A full pattern, instead of the parts. */
  readonly crn_pattern?: string;
}

/** The scope kind the answers name: chosen, or read from which parts were given. */
export function scopeKindOf(a: ScopeAnswers): ScopeKind {
  if (a.scope_kind) return a.scope_kind as ScopeKind;
  if (a.crn_pattern !== undefined) return 'crn';
  if (a.topic !== undefined) return 'topic';
  if (a.topic_prefix !== undefined) return 'topicPrefix';
  if (a.consumer_group !== undefined) return 'group';
  if (a.transactional_id !== undefined) return 'transactionalId';
  if (a.cluster !== undefined) return 'cluster';
  if (a.environment !== undefined) return 'environment';
  return 'organization';
}

/** The level a grant of this kind binds at; undefined for a typed pattern that does not parse. */
export function grantLevel(a: ScopeAnswers): ScopeLevel | undefined {
  switch (scopeKindOf(a)) {
    case 'organization': return 'organization';
    case 'environment': return 'environment';
    case 'cluster': return 'cloud-cluster';
    case 'topic':
    case 'topicPrefix': return 'topic';
    case 'group': return 'group';
    case 'transactionalId': return 'transactional-id';
    case 'crn': {
      const parsed = parseCrnPattern(a.crn_pattern ?? '');
      return parsed.ok ? scopeLevel(parsed.pattern) : undefined;
    }
  }
}

/** A typed CRN pattern: a message naming what is wrong, or undefined. */
export function validateGrantPattern(text: string): string | undefined {
  const problem = validateCrnPattern(text);
  if (problem) return l10n.t({ message: 'Not a valid CRN pattern: {0}.', args: [problem], comment: ['{0} says what is wrong with the pattern'] });
  const parsed = parseCrnPattern(text);
  if (parsed.ok && parsed.pattern.nested) return l10n.t('Not a valid CRN pattern: a binding names one scope; remove the trailing /* (it is only for listing).');
  return undefined;
}

const PLACEHOLDER = { org: 'x', env: 'env-x', cluster: 'lkc-x' };

/** A topic, group or transactional ID name typed by the user, checked by the CRN rules. */
export function validateResourceName(kind: 'topic' | 'group' | 'transactional-id', value: string, prefix: boolean): string | undefined {
  const what = kind === 'topic' ? (prefix ? l10n.t('topic prefix') : l10n.t('topic name')) : kind === 'group' ? l10n.t('consumer group name') : l10n.t('transactional ID');
  const name = value.trim();
  if (name === '') return l10n.t({ message: 'Enter a {0}.', args: [what], comment: ['{0} names the field ("service account name")'] });
  if (name.includes('/')) return l10n.t({ message: "The {0} may not contain '/'.", args: [what], comment: ['{0} names the field ("topic name")'] });
  if (!prefix && name.endsWith('*')) {
    return kind === 'topic'
      ? l10n.t('To grant on every topic starting with it, choose the prefix option; a name may not end in *.')
      : l10n.t('To grant on every name starting with it, choose the prefix option; a name may not end in *.');
  }
  const pattern = buildCrnPattern(kafkaResourceScope(PLACEHOLDER.org, PLACEHOLDER.env, PLACEHOLDER.cluster, kind, prefix ? `${name}*` : name));
  const problem = validateCrnPattern(pattern);
  return problem ? l10n.t({ message: 'Not a valid {0}: {1}.', args: [what, problem], comment: ['{0} names the field ("topic name"), {1} says what is wrong'] }) : undefined;
}

/** The grant's scope, or a message saying which answer is missing or wrong. */
export function grantPattern(a: ScopeAnswers, organization: string): { ok: true; pattern: CrnPattern } | { ok: false; field: string; message: string } {
  const need = (field: keyof ScopeAnswers, message: string) => ({ ok: false as const, field, message });
  const kind = scopeKindOf(a);
  if (kind === 'crn') {
    const problem = validateGrantPattern(a.crn_pattern ?? '');
    if (problem) return { ok: false, field: 'crn_pattern', message: problem };
    const parsed = parseCrnPattern(a.crn_pattern ?? '');
    if (!parsed.ok) return { ok: false, field: 'crn_pattern', message: parsed.message };
    if (parsed.pattern.organization !== organization) {
      return { ok: false, field: 'crn_pattern', message: l10n.t('The pattern names organization {0}, not this one ({1}).', parsed.pattern.organization, organization) };
    }
    return { ok: true, pattern: parsed.pattern };
  }
  if (kind === 'organization') return { ok: true, pattern: organizationScope(organization) };
  if (!a.environment) return kind === 'environment' ? need('environment', l10n.t('Choose an environment.')) : need('cluster', l10n.t('Choose a Kafka cluster.'));
  if (kind === 'environment') return { ok: true, pattern: environmentScope(organization, a.environment) };
  if (!a.cluster) return need('cluster', l10n.t('Choose a Kafka cluster.'));
  if (kind === 'cluster') return { ok: true, pattern: clusterScope(organization, a.environment, a.cluster) };
  const parts = {
    topic: ['topic', 'topic', a.topic, false],
    topicPrefix: ['topic_prefix', 'topic', a.topic_prefix, true],
    group: ['consumer_group', 'group', a.consumer_group, false],
    transactionalId: ['transactional_id', 'transactional-id', a.transactional_id, false],
  } as const;
  const [field, resource, name, prefix] = parts[kind];
  const problem = validateResourceName(resource, name ?? '', prefix);
  if (problem) return { ok: false, field, message: problem };
  const trimmed = (name ?? '').trim();
  return { ok: true, pattern: kafkaResourceScope(organization, a.environment, a.cluster, resource, prefix ? `${trimmed}*` : trimmed) };
}
