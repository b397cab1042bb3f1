/**
 * A CRN scope in words, twice: in English for tool results (text for the language model, which
 * stays English whatever the display language) and translated for the confirmations a person
 * reads. Both read the same pattern fields, so they name the same scope.
 */
import * as l10n from '@vscode/l10n';
import { type CrnPattern, type ResourceKind, scopeLevel } from '../cloud/crn';
import { inert } from './chatText';

/** "cluster `lkc-1` in environment `env-1`", "topic `orders-*` (prefix) in cluster `lkc-1`", … (English, for results). */
export function describeScope(pattern: CrnPattern): string {
  const level = scopeLevel(pattern);
  const env = pattern.environment !== undefined ? ` in environment ${inert(pattern.environment)}` : '';
  switch (level) {
    case 'organization': return 'the organization';
    case 'environment': return `environment ${inert(pattern.environment)}`;
    case 'cloud-cluster': return `cluster ${inert(pattern.cloudCluster)}${env}`;
    case 'schema-registry': return `Schema Registry ${inert(pattern.schemaRegistry)}${env}`;
    default: {
      const r = pattern.resource!;
      const noun = r.kind === 'transactional-id' ? 'transactional ID' : r.kind === 'group' ? 'consumer group' : r.kind;
      const name = r.prefix ? (r.name === '' ? `every ${noun}` : `${noun}s starting with ${inert(r.name)}`) : `${noun} ${inert(r.name)}`;
      const parent = pattern.cloudCluster !== undefined ? `cluster ${inert(pattern.cloudCluster)}` : `Schema Registry ${inert(pattern.schemaRegistry)}`;
      return `${name} in ${parent}${env}`;
    }
  }
}

/** The resource part of a scope ("topic `orders`", "every consumer group", …), translated. */
function resourceWords(kind: ResourceKind, name: string, prefix: boolean): string {
  const id = inert(name);
  switch (kind) {
    case 'topic':
      return prefix ? (name === '' ? l10n.t('every topic') : l10n.t('topics starting with {0}', id)) : l10n.t('topic {0}', id);
    case 'group':
      return prefix ? (name === '' ? l10n.t('every consumer group') : l10n.t('consumer groups starting with {0}', id)) : l10n.t('consumer group {0}', id);
    case 'transactional-id':
      return prefix ? (name === '' ? l10n.t('every transactional ID') : l10n.t('transactional IDs starting with {0}', id)) : l10n.t('transactional ID {0}', id);
    case 'subject':
      return prefix ? (name === '' ? l10n.t('every subject') : l10n.t('subjects starting with {0}', id)) : l10n.t('subject {0}', id);
  }
}

/** The same scope in the display language, for confirmations. */
export function describeScopeForPerson(pattern: CrnPattern): string {
  const level = scopeLevel(pattern);
  const env = pattern.environment !== undefined ? inert(pattern.environment) : undefined;
  switch (level) {
    case 'organization': return l10n.t('the organization');
    case 'environment': return l10n.t('environment {0}', inert(pattern.environment));
    case 'cloud-cluster': {
      const cluster = inert(pattern.cloudCluster);
      return env !== undefined ? l10n.t('cluster {0} in environment {1}', cluster, env) : l10n.t('cluster {0}', cluster);
    }
    case 'schema-registry': {
      const registry = inert(pattern.schemaRegistry);
      return env !== undefined ? l10n.t('Schema Registry {0} in environment {1}', registry, env) : l10n.t('Schema Registry {0}', registry);
    }
    default: {
      const r = pattern.resource!;
      const what = resourceWords(r.kind, r.name, r.prefix);
      if (pattern.cloudCluster !== undefined) {
        const cluster = inert(pattern.cloudCluster);
        return env !== undefined
          ? l10n.t({ message: '{0} in cluster {1} in environment {2}', args: [what, cluster, env], comment: ['{0} is a resource such as "topic `orders`"'] })
          : l10n.t({ message: '{0} in cluster {1}', args: [what, cluster], comment: ['{0} is a resource such as "topic `orders`"'] });
      }
      const registry = inert(pattern.schemaRegistry);
      return env !== undefined
        ? l10n.t({ message: '{0} in Schema Registry {1} in environment {2}', args: [what, registry, env], comment: ['{0} is a resource such as "subject `orders-value`"'] })
        : l10n.t({ message: '{0} in Schema Registry {1}', args: [what, registry], comment: ['{0} is a resource such as "subject `orders-value`"'] });
    }
  }
}
