/**
 * How a role binding reads in the tree: "DeveloperRead · topics starting with 'orders-' ·
 * orders-prod (Production)". Pure (no vscode) so the wording is unit tested in plain Node. Every
 * name here comes from the API or the user and is made one plain line by `plainLine`; the tree's
 * last-word sanitiser and the escaped tooltips do the rest. Wording goes through `@vscode/l10n`.
 */
import * as l10n from '@vscode/l10n';
import { type CrnPattern, parseCrnPattern, type ScopeLevel, scopeLevel } from '../cloud/crn';
import { plainLine } from '../ui/inertText';

/** Who a binding is for, from its `principal` string. */
export type PrincipalRef =
  | { readonly kind: 'serviceAccount' | 'user' | 'identityPool' | 'group'; readonly id: string; readonly principal: string }
  | { readonly kind: 'unknown'; readonly id: string; readonly principal: string };

/**
 * `User:sa-1` → a service account, `User:u-1` → a user, `User:pool-1` → an identity pool,
 * `Group:group-1` → a group. Anything else is kept as it is, as an unknown principal.
 */
export function parsePrincipal(principal: string): PrincipalRef {
  const colon = principal.indexOf(':');
  const type = colon < 0 ? '' : principal.slice(0, colon);
  const id = colon < 0 ? principal : principal.slice(colon + 1);
  if (type === 'User' && /^sa-[A-Za-z0-9]+$/.test(id)) return { kind: 'serviceAccount', id, principal };
  if (type === 'User' && /^u-[A-Za-z0-9]+$/.test(id)) return { kind: 'user', id, principal };
  if (type === 'User' && /^pool-[A-Za-z0-9]+$/.test(id)) return { kind: 'identityPool', id, principal };
  if (type === 'Group' && id !== '') return { kind: 'group', id, principal };
  return { kind: 'unknown', id, principal };
}

/** `sa-1` / `u-1` / `pool-1` → `User:…`, `group-1` → `Group:…`; a typed `User:`/`Group:` principal is kept. */
export function principalFor(id: string): string {
  const trimmed = id.trim();
  if (/^(User|Group):/.test(trimmed)) return trimmed;
  return trimmed.startsWith('group-') ? `Group:${trimmed}` : `User:${trimmed}`;
}

/** Names the tree already knows or has fetched; undefined while unknown (the row shows the ID). */
export interface NameSource {
  environment(id: string): string | undefined;
  cluster(id: string): string | undefined;
  principal(ref: PrincipalRef): string | undefined;
}

const NO_NAMES: NameSource = { environment: () => undefined, cluster: () => undefined, principal: () => undefined };

const NAME_MAX = 40;

function named(name: string | undefined, id: string): string {
  return name ? plainLine(name, NAME_MAX) : plainLine(id, NAME_MAX);
}

/** "payments-service", "Ada Lovelace", "identity pool pool-1", "group group-1". */
export function principalText(ref: PrincipalRef, names: NameSource = NO_NAMES): string {
  switch (ref.kind) {
    case 'serviceAccount':
    case 'user':
      return named(names.principal(ref), ref.id);
    case 'identityPool':
      return l10n.t({ message: 'identity pool {0}', args: [plainLine(ref.id, NAME_MAX)], comment: ['{0} is an identity pool ID'] });
    case 'group':
      return l10n.t({ message: 'group {0}', args: [plainLine(ref.id, NAME_MAX)], comment: ['{0} is a group ID'] });
    case 'unknown': return plainLine(ref.principal, NAME_MAX);
  }
}

/** "service account", "user", … for tooltips. */
export function principalKindText(ref: PrincipalRef): string {
  switch (ref.kind) {
    case 'serviceAccount': return l10n.t('Service account');
    case 'user': return l10n.t('User');
    case 'identityPool': return l10n.t('Identity pool');
    case 'group': return l10n.t('Group');
    case 'unknown': return l10n.t('Principal');
  }
}

const NAME_COMMENT = ['{0} is a resource name or prefix, shown in quotes'];

/** "topic 'payments'", "topics starting with 'orders-'", "all topics". */
export function resourcePhrase(resource: NonNullable<CrnPattern['resource']>): string {
  const name = plainLine(resource.name, NAME_MAX);
  const all = resource.prefix && resource.name === '';
  // One whole phrase per kind and form, so a translator can inflect each noun as it needs.
  switch (resource.kind) {
    case 'topic':
      if (all) return l10n.t('all topics');
      return resource.prefix
        ? l10n.t({ message: "topics starting with '{0}'", args: [name], comment: NAME_COMMENT })
        : l10n.t({ message: "topic '{0}'", args: [name], comment: NAME_COMMENT });
    case 'group':
      if (all) return l10n.t('all consumer groups');
      return resource.prefix
        ? l10n.t({ message: "consumer groups starting with '{0}'", args: [name], comment: NAME_COMMENT })
        : l10n.t({ message: "consumer group '{0}'", args: [name], comment: NAME_COMMENT });
    case 'transactional-id':
      if (all) return l10n.t('all transactional IDs');
      return resource.prefix
        ? l10n.t({ message: "transactional IDs starting with '{0}'", args: [name], comment: NAME_COMMENT })
        : l10n.t({ message: "transactional ID '{0}'", args: [name], comment: NAME_COMMENT });
    case 'subject':
      if (all) return l10n.t('all subjects');
      return resource.prefix
        ? l10n.t({ message: "subjects starting with '{0}'", args: [name], comment: NAME_COMMENT })
        : l10n.t({ message: "subject '{0}'", args: [name], comment: NAME_COMMENT });
  }
}

/** "orders-prod (Production)": a cluster with the environment it lives in. */
function clusterPhrase(pattern: CrnPattern, names: NameSource): string {
  const cluster = named(names.cluster(pattern.cloudCluster ?? ''), pattern.cloudCluster ?? '');
  const environment = named(names.environment(pattern.environment ?? ''), pattern.environment ?? '');
  return l10n.t({ message: '{0} ({1})', args: [cluster, environment], comment: ['{0} is a Kafka cluster name, {1} the name of its environment'] });
}

/** "Schema Registry lsrc-1 (Production)". */
function registryPhrase(pattern: CrnPattern, environment: string): string {
  return l10n.t({
    message: 'Schema Registry {0} ({1})',
    args: [plainLine(pattern.schemaRegistry ?? '', NAME_MAX), environment],
    comment: ['{0} is a Schema Registry ID, {1} the name of its environment'],
  });
}

/**
 * Where a binding applies, as words: "the organization", "environment Production",
 * "cluster orders-prod (Production)", "topics starting with 'orders-' · orders-prod (Production)".
 */
export function scopeText(pattern: CrnPattern, names: NameSource = NO_NAMES): string {
  const env = (): string => named(names.environment(pattern.environment ?? ''), pattern.environment ?? '');
  switch (scopeLevel(pattern)) {
    case 'organization': return l10n.t('the organization');
    case 'environment': return l10n.t({ message: 'environment {0}', args: [env()], comment: ['{0} is an environment name'] });
    case 'cloud-cluster':
      return l10n.t({ message: 'cluster {0}', args: [clusterPhrase(pattern, names)], comment: ['{0} is a Kafka cluster with its environment, e.g. "orders-prod (Production)"'] });
    case 'schema-registry': return registryPhrase(pattern, env());
    default: {
      const where = pattern.cloudCluster !== undefined ? clusterPhrase(pattern, names) : registryPhrase(pattern, env());
      return l10n.t({
        message: '{0} · {1}',
        args: [resourcePhrase(pattern.resource!), where],
        comment: ["{0} is what inside a cluster, e.g. \"topics starting with 'orders-'\"; {1} the cluster or Schema Registry"],
      });
    }
  }
}

/** The scope of a raw pattern in words, or the pattern itself (one line) when it does not parse. */
export function patternText(crnPattern: string, names: NameSource = NO_NAMES): string {
  const parsed = parseCrnPattern(crnPattern);
  return parsed.ok
    ? scopeText(parsed.pattern, names)
    : l10n.t({ message: 'scope {0}', args: [plainLine(crnPattern, 60)], comment: ['{0} is a CRN pattern that could not be read'] });
}

/** The level of a raw pattern, or undefined when it does not parse. */
export function patternLevel(crnPattern: string): ScopeLevel | undefined {
  const parsed = parseCrnPattern(crnPattern);
  return parsed.ok ? scopeLevel(parsed.pattern) : undefined;
}

/** One row's sentence, in two parts (the tree's label and description). */
export interface BindingSentence {
  readonly label: string;
  readonly description: string;
}

/** A binding as a principal's Access folder shows it: role, then where. */
export function principalRow(binding: { role_name: string; crn_pattern: string }, names: NameSource = NO_NAMES): BindingSentence {
  return { label: plainLine(binding.role_name, NAME_MAX), description: patternText(binding.crn_pattern, names) };
}

/**
 * A binding as a scope's Access folder shows it: who, then role and where; "inherited from …"
 * when the binding was made on an enclosing scope.
 */
export function scopeRow(
  binding: { principal: string; role_name: string; crn_pattern: string },
  names: NameSource = NO_NAMES,
  inheritedFrom?: string,
): BindingSentence {
  const parts = [plainLine(binding.role_name, NAME_MAX), patternText(binding.crn_pattern, names)];
  if (inheritedFrom) parts.push(l10n.t({ message: 'inherited from {0}', args: [inheritedFrom], comment: ['{0} is an enclosing scope, e.g. "environment Production"'] }));
  return { label: principalText(parsePrincipal(binding.principal), names), description: parts.join(' · ') };
}

/** The codicon of a scope level, so a glance tells organization-wide roles from topic grants. */
export function levelIcon(level: ScopeLevel | undefined): string {
  switch (level) {
    case 'organization': return 'cloud';
    case 'environment': return 'symbol-namespace';
    case 'cloud-cluster': return 'server';
    case 'schema-registry': return 'symbol-structure';
    case 'topic': return 'symbol-event';
    case 'group': return 'organization';
    case 'transactional-id': return 'arrow-swap';
    case 'subject': return 'symbol-structure';
    case undefined: return 'question';
  }
}

/** What a 403 on listing role bindings means, in one line and a tooltip. */
export function accessForbidden(): { readonly label: string; readonly hint: string } {
  return {
    label: l10n.t("Can't list role bindings: this API key's account lacks the role to see them"),
    // One literal: the extractor reads no concatenation.
    hint: l10n.t('Listing role bindings needs OrganizationAdmin or AccountAdmin on the organization (EnvironmentAdmin or CloudClusterAdmin show the bindings of their own scope). Ask an administrator, or use an API key of an account that holds one of these roles.'),
  };
}
