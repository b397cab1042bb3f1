// CRN patterns as the sandbox's role-binding handler reads them. Kept apart from the extension's own
// parser on purpose: the contract tests then check two independent readings of the same format.
//
// Matching a list's `crn_pattern` query (documented in sandbox/README.md):
//   - without a trailing `/*`: bindings whose pattern is exactly the query (string equality);
//   - with `/*`: the scope itself and every binding nested below it, i.e. equal to the part before `/*`
//     or starting with it followed by `/`.

import type { BindingLevel } from './roleBindingRoles';

const ROOT = 'crn://confluent.cloud/';

/** Parent key each key must follow. */
const AFTER: Record<string, string | undefined> = {
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

export interface ParsedCrn {
  segments: [string, string][];
  nested: boolean;
  level: BindingLevel;
  /** The pattern without a trailing `/*`. */
  base: string;
}

/** Returns the parsed pattern, or a message naming what is wrong. */
export function readCrnPattern(text: string): ParsedCrn | string {
  if (!text.startsWith(ROOT)) return `crn_pattern must start with ${ROOT}`;
  const nested = text.endsWith('/*');
  const base = nested ? text.slice(0, -2) : text;
  const segments: [string, string][] = [];
  let previous: string | undefined;
  for (const part of base.slice(ROOT.length).split('/')) {
    const eq = part.indexOf('=');
    if (eq <= 0) return `crn_pattern segment '${part}' is not of the form key=value`;
    const key = part.slice(0, eq);
    const value = part.slice(eq + 1);
    if (!(key in AFTER)) return `crn_pattern names an unknown segment '${key}'`;
    if (AFTER[key] !== previous) return `crn_pattern segment '${key}' may not follow '${previous ?? 'the root'}'`;
    if (value === '') return `crn_pattern segment '${key}' has an empty value`;
    const starAt = value.indexOf('*');
    const isResource = AFTER[key] === 'kafka' || key === 'subject';
    if (starAt >= 0 && (!isResource || starAt !== value.length - 1)) {
      return isResource ? `crn_pattern segment '${key}' may only end in *` : `crn_pattern segment '${key}' may not contain *`;
    }
    segments.push([key, value]);
    previous = key;
  }
  if (previous === 'kafka') return "crn_pattern segment 'kafka' must be followed by topic, group or transactional-id";
  const kafka = segments.find(([k]) => k === 'kafka')?.[1];
  const cluster = segments.find(([k]) => k === 'cloud-cluster')?.[1];
  if (kafka !== undefined && kafka !== cluster) return "crn_pattern segment 'kafka' must repeat the cloud-cluster id";
  const last = segments[segments.length - 1]?.[0] ?? 'organization';
  return { segments, nested, level: last as BindingLevel, base };
}

/** Value of a segment, if present. */
export function segment(parsed: ParsedCrn, key: string): string | undefined {
  return parsed.segments.find(([k]) => k === key)?.[1];
}

/** Whether a stored binding pattern answers the list query. */
export function matchesQuery(bindingPattern: string, query: ParsedCrn): boolean {
  if (!query.nested) return bindingPattern === query.base;
  return bindingPattern === query.base || bindingPattern.startsWith(`${query.base}/`);
}

/** The binding's own resource name, as in the spec's `…/role-binding=rb-12345` example. */
export function roleBindingResourceName(orgId: string, id: string): string {
  return `${ROOT}organization=${orgId}/role-binding=${id}`;
}
