// Confluent Resource Name patterns as role bindings use them:
//   crn://confluent.cloud/organization=<org>[/environment=env-…[/cloud-cluster=lkc-…[/kafka=lkc-…/<resource>=<name>]]
//                                                           [/schema-registry=lsrc-…[/subject=<name>]]][/*]
// A resource name ending in `*` is a prefix (`topic=*` is every topic); a trailing `/*` segment asks a list
// for nested scopes too (the CLI's --inclusive). Names are kept verbatim: topic names returned by the API
// are shown as data, so nothing here rejects characters other than the `/` that separates segments.

import * as l10n from '@vscode/l10n';

const ROOT = 'crn://confluent.cloud';

/** Resource kinds inside a Kafka cluster. */
export type KafkaResourceKind = 'topic' | 'group' | 'transactional-id';
/** Every resource kind a binding can name below a cluster. */
export type ResourceKind = KafkaResourceKind | 'subject';

/** Where a pattern sits in the hierarchy; resource kinds are levels of their own. */
export type ScopeLevel = 'organization' | 'environment' | 'cloud-cluster' | 'schema-registry' | ResourceKind;

/** The kinds, in the order the UI lists them. */
export const KAFKA_RESOURCE_KINDS: readonly KafkaResourceKind[] = ['topic', 'group', 'transactional-id'];

export interface CrnResource {
  kind: ResourceKind;
  /** The name without the trailing `*` of a prefix; `''` with `prefix` means "all of this kind". */
  name: string;
  prefix: boolean;
}

/** A parsed pattern. Fields below a missing parent are always absent. */
export interface CrnPattern {
  organization: string;
  environment?: string;
  cloudCluster?: string;
  schemaRegistry?: string;
  resource?: CrnResource;
  /** Ends in `/*`: a list query that includes every nested scope. */
  nested: boolean;
}

export type CrnParseResult = { ok: true; pattern: CrnPattern } | { ok: false; message: string };

const KEY_ORDER = ['organization', 'environment', 'cloud-cluster', 'kafka', 'schema-registry', 'topic', 'group', 'transactional-id', 'subject'] as const;
type SegmentKey = (typeof KEY_ORDER)[number];

function isSegmentKey(key: string): key is SegmentKey {
  return (KEY_ORDER as readonly string[]).includes(key);
}

/** What each key must follow; the first key has no parent. */
const PARENT: Record<SegmentKey, SegmentKey | undefined> = {
  organization: undefined,
  environment: 'organization',
  'cloud-cluster': 'environment',
  kafka: 'cloud-cluster',
  'schema-registry': 'environment',
  topic: 'kafka',
  group: 'kafka',
  'transactional-id': 'kafka',
  subject: 'schema-registry',
};

const ID_SHAPES: Partial<Record<SegmentKey, RegExp>> = {
  environment: /^env-[A-Za-z0-9]+$/,
  'cloud-cluster': /^lkc-[A-Za-z0-9]+$/,
  kafka: /^lkc-[A-Za-z0-9]+$/,
  'schema-registry': /^lsrc-[A-Za-z0-9]+$/,
};

const ID_EXAMPLES: Partial<Record<SegmentKey, string>> = {
  environment: 'env-…', 'cloud-cluster': 'lkc-…', kafka: 'lkc-…', 'schema-registry': 'lsrc-…',
};

/** What a resource kind is called in messages; scope keys are CRN syntax and stay as they are. */
function nameOf(key: SegmentKey): string {
  switch (key) {
    case 'transactional-id': return l10n.t('transactional ID');
    case 'group': return l10n.t('consumer group');
    case 'topic': return l10n.t({ message: 'topic', comment: ['a Kafka topic'] });
    case 'subject': return l10n.t({ message: 'subject', comment: ['a Schema Registry subject'] });
    default: return key;
  }
}

/**
 * Parses a pattern and says exactly what is wrong when it is not one, e.g. "topic name is empty" or
 * "cloud-cluster must come after environment". Surrounding whitespace is ignored.
 */
export function parseCrnPattern(text: string): CrnParseResult {
  const fail = (message: string): CrnParseResult => ({ ok: false, message });
  const input = text.trim();
  if (input === '') return fail(l10n.t('the pattern is empty'));
  if (!input.startsWith(`${ROOT}/`)) return fail(l10n.t('a pattern must start with {0}', `${ROOT}/`));
  let rest = input.slice(ROOT.length + 1);
  let nested = false;
  if (rest.endsWith('/*')) {
    nested = true;
    rest = rest.slice(0, -2);
  }
  const parts = rest.split('/');
  const pattern: Partial<CrnPattern> & { nested: boolean } = { nested };
  let previous: SegmentKey | undefined;
  for (const part of parts) {
    if (part === '') return fail(l10n.t('the pattern has an empty segment (two slashes in a row or a trailing slash)'));
    const eq = part.indexOf('=');
    if (eq < 0) return fail(part === '*' ? l10n.t('only the last segment may be *') : l10n.t("the segment '{0}' is not of the form key=value", part));
    const key = part.slice(0, eq);
    const value = part.slice(eq + 1);
    if (!isSegmentKey(key)) return fail(l10n.t("'{0}' is not a scope or resource this pattern can name", key));
    const parent = PARENT[key];
    if (parent !== previous) {
      if (previous === undefined) return fail(l10n.t('the first segment must be organization=<ID>'));
      if (resourceKey(previous)) {
        return fail(l10n.t({ message: 'nothing may follow the {0} segment', args: [nameOf(previous)], comment: ['{0} is a resource kind such as topic or consumer group'] }));
      }
      return fail(parent === undefined
        ? l10n.t('organization may appear only once, first')
        : l10n.t({ message: '{0} must come after {1}', args: [key, parent], comment: ['{0} and {1} are pattern keys such as cloud-cluster and environment'] }));
    }
    if (resourceKey(key)) {
      const prefix = value.endsWith('*');
      const name = prefix ? value.slice(0, -1) : value;
      if (value === '') return fail(l10n.t({ message: '{0} name is empty', args: [nameOf(key)], comment: ['{0} is a resource kind such as topic or consumer group'] }));
      pattern.resource = { kind: key, name, prefix };
    } else {
      if (value === '') return fail(l10n.t({ message: '{0} ID is empty', args: [key], comment: ['{0} is a pattern key such as environment'] }));
      const shape = ID_SHAPES[key];
      if (shape && !shape.test(value)) {
        return fail(l10n.t({
          message: "{0} ID '{1}' does not look like {2}", args: [key, value, ID_EXAMPLES[key] ?? l10n.t('an ID')],
          comment: ['{0} is a pattern key such as environment; {1} is the ID as typed; {2} is an example such as env-…'],
        }));
      }
      if (key === 'organization') pattern.organization = value;
      else if (key === 'environment') pattern.environment = value;
      else if (key === 'cloud-cluster') pattern.cloudCluster = value;
      else if (key === 'schema-registry') pattern.schemaRegistry = value;
      else if (value !== pattern.cloudCluster) {
        return fail(l10n.t({
          message: 'kafka={0} must name the same cluster as cloud-cluster={1}', args: [value, pattern.cloudCluster ?? ''],
          comment: ['{0} and {1} are Kafka cluster IDs'],
        }));
      }
    }
    previous = key;
  }
  if (previous === 'kafka') return fail(l10n.t('kafka must be followed by a topic, consumer group or transactional ID'));
  return { ok: true, pattern: pattern as CrnPattern };
}

function resourceKey(key: SegmentKey): key is ResourceKind {
  return key === 'topic' || key === 'group' || key === 'transactional-id' || key === 'subject';
}

const TOPIC_NAME = /^[A-Za-z0-9._-]+$/;
const MAX_TOPIC_NAME = 249;

/**
 * The message for a pattern a user typed, or undefined when it is fine. Stricter than `parseCrnPattern`,
 * which reads whatever the API returns: a `*` may only end a name, and topic names follow Kafka's rules.
 */
export function validateCrnPattern(text: string): string | undefined {
  const result = parseCrnPattern(text);
  if (!result.ok) return result.message;
  const resource = result.pattern.resource;
  if (!resource) return undefined;
  const what = nameOf(resource.kind);
  if (resource.name.includes('*')) {
    return l10n.t({ message: '{0} name may only end in *, not contain it', args: [what], comment: ['{0} is a resource kind such as topic or consumer group'] });
  }
  if (resource.kind === 'topic' && resource.name !== '') {
    if (!TOPIC_NAME.test(resource.name)) return l10n.t("topic name may only contain letters, digits, '.', '_' and '-'");
    if (resource.name.length > MAX_TOPIC_NAME) return l10n.t('topic name is longer than {0} characters', MAX_TOPIC_NAME);
  }
  return undefined;
}

/** Builds the canonical string; `parseCrnPattern(buildCrnPattern(p))` gives back `p`. */
export function buildCrnPattern(pattern: CrnPattern): string {
  let out = `${ROOT}/organization=${pattern.organization}`;
  if (pattern.environment !== undefined) {
    out += `/environment=${pattern.environment}`;
    if (pattern.cloudCluster !== undefined) {
      out += `/cloud-cluster=${pattern.cloudCluster}`;
      const r = pattern.resource;
      if (r && r.kind !== 'subject') out += `/kafka=${pattern.cloudCluster}/${r.kind}=${r.name}${r.prefix ? '*' : ''}`;
    } else if (pattern.schemaRegistry !== undefined) {
      out += `/schema-registry=${pattern.schemaRegistry}`;
      const r = pattern.resource;
      if (r && r.kind === 'subject') out += `/subject=${r.name}${r.prefix ? '*' : ''}`;
    }
  }
  return pattern.nested ? `${out}/*` : out;
}

/** Convenience builders for the scopes the tree shows. */
export function organizationScope(organization: string): CrnPattern {
  return { organization, nested: false };
}

export function environmentScope(organization: string, environment: string): CrnPattern {
  return { organization, environment, nested: false };
}

export function clusterScope(organization: string, environment: string, cloudCluster: string): CrnPattern {
  return { organization, environment, cloudCluster, nested: false };
}

/** A topic, consumer group or transactional ID; a name ending in `*` becomes a prefix. */
export function kafkaResourceScope(organization: string, environment: string, cloudCluster: string, kind: KafkaResourceKind, name: string): CrnPattern {
  const prefix = name.endsWith('*');
  return { organization, environment, cloudCluster, resource: { kind, name: prefix ? name.slice(0, -1) : name, prefix }, nested: false };
}

/** The same scope with `/*` (list queries that include nested scopes) or without it. */
export function withNested(pattern: CrnPattern, nested = true): CrnPattern {
  return { ...pattern, nested };
}

/** The level a pattern binds at. */
export function scopeLevel(pattern: CrnPattern): ScopeLevel {
  if (pattern.resource) return pattern.resource.kind;
  if (pattern.cloudCluster !== undefined) return 'cloud-cluster';
  if (pattern.schemaRegistry !== undefined) return 'schema-registry';
  if (pattern.environment !== undefined) return 'environment';
  return 'organization';
}

/** True for `topic=orders-*` and `topic=*`, false for literal names and for scopes without a resource. */
export function isPrefixPattern(pattern: CrnPattern): boolean {
  return pattern.resource?.prefix === true;
}

/** Every enclosing scope, outermost first, not including the pattern itself (for "inherited from …"). */
export function parentScopes(pattern: CrnPattern): CrnPattern[] {
  const base = (p: Omit<CrnPattern, 'nested'>): CrnPattern => ({ ...p, nested: false });
  const out: CrnPattern[] = [];
  const level = scopeLevel(pattern);
  if (level === 'organization') return out;
  out.push(base({ organization: pattern.organization }));
  const env = pattern.environment;
  if (env === undefined || level === 'environment') return out;
  out.push(base({ organization: pattern.organization, environment: env }));
  if (pattern.cloudCluster !== undefined && level !== 'cloud-cluster') {
    out.push(base({ organization: pattern.organization, environment: env, cloudCluster: pattern.cloudCluster }));
  }
  if (pattern.schemaRegistry !== undefined && level !== 'schema-registry') {
    out.push(base({ organization: pattern.organization, environment: env, schemaRegistry: pattern.schemaRegistry }));
  }
  return out;
}

/**
 * Whether a binding made at `binding` applies to `scope`: the same scope, or any scope nested in it.
 * A prefix covers resources of the same kind whose name starts with it (a prefix scope is covered only
 * by a shorter or equal prefix); a literal covers only that exact name. `nested` is ignored: it shapes
 * list queries, not what a binding grants.
 */
export function covers(binding: CrnPattern, scope: CrnPattern): boolean {
  if (binding.organization !== scope.organization) return false;
  if (binding.environment === undefined) return true;
  if (binding.environment !== scope.environment) return false;
  if (binding.cloudCluster !== undefined && binding.cloudCluster !== scope.cloudCluster) return false;
  if (binding.schemaRegistry !== undefined && binding.schemaRegistry !== scope.schemaRegistry) return false;
  if (binding.cloudCluster === undefined && binding.schemaRegistry === undefined) return true;
  const granted = binding.resource;
  if (!granted) return true;
  const wanted = scope.resource;
  if (!wanted || wanted.kind !== granted.kind) return false;
  if (!granted.prefix) return !wanted.prefix && wanted.name === granted.name;
  return wanted.name.startsWith(granted.name);
}

/** `covers` on raw strings; a pattern that does not parse covers nothing. */
export function patternCovers(bindingPattern: string, scope: CrnPattern): boolean {
  const parsed = parseCrnPattern(bindingPattern);
  return parsed.ok && covers(parsed.pattern, scope);
}
