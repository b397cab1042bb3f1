/**
 * Structural checks on CRNs found in files. Scope CRNs (organization → environment → cluster →
 * topic …) are checked by the role-binding pattern parser in `src/cloud/crn.ts`; CRNs of
 * identities and keys (`…/service-account=sa-…`, `…/user=u-…/api-key=…`) are checked here, since
 * that parser does not cover them. Pure: no vscode import.
 */
import { parseCrnPattern } from '../cloud/crn';
import { CRN_ROOT } from './idPatterns';

export interface CrnSegment {
  readonly key: string;
  readonly value: string;
}

/** `key=value` segments after `crn://confluent.cloud/`; undefined when the text is not a CRN. */
export function crnSegments(crn: string): CrnSegment[] | undefined {
  if (!crn.startsWith(CRN_ROOT)) return undefined;
  return crn.slice(CRN_ROOT.length).split('/').map((part) => {
    const eq = part.indexOf('=');
    return eq < 0 ? { key: part, value: '' } : { key: part.slice(0, eq), value: part.slice(eq + 1) };
  });
}

/** The value of the first segment with this key. */
export function crnValue(crn: string, key: string): string | undefined {
  return crnSegments(crn)?.find((s) => s.key === key)?.value;
}

const IDENTITY_SHAPES: Readonly<Record<string, RegExp>> = {
  'service-account': /^sa-[A-Za-z0-9]+$/,
  user: /^u-[A-Za-z0-9]+$/,
  'identity-pool': /^pool-[A-Za-z0-9]+$/,
  'group-mapping': /^group-[A-Za-z0-9]+$/,
};
const IDENTITY_EXAMPLES: Readonly<Record<string, string>> = {
  'service-account': 'sa-…', user: 'u-…', 'identity-pool': 'pool-…', 'group-mapping': 'group-…',
};

/**
 * What is wrong with the shape of a CRN, or undefined when its parts fit together: e.g.
 * "kafka=lkc-b must name the same cluster as cloud-cluster=lkc-a" or "service-account ID 'u-1'
 * does not look like sa-…". Says nothing about whether the resources exist.
 */
export function crnStructureProblem(crn: string): string | undefined {
  const segments = crnSegments(crn);
  if (!segments) return 'not a Confluent Cloud CRN';
  const identity = segments.findIndex((s) => s.key in IDENTITY_SHAPES || s.key === 'api-key');
  if (identity < 0) {
    const parsed = parseCrnPattern(crn);
    return parsed.ok ? undefined : parsed.message;
  }
  // Identity CRNs: organization=<org>/<identity>=<id>[/api-key=<key>], or the short
  // metadata form without the organization (`crn://confluent.cloud/service-account=sa-1`).
  const [first] = segments;
  if (identity > 1 || (identity === 1 && first?.key !== 'organization')) {
    return `${segments[identity]?.key ?? 'the identity'} must follow organization=<ID> directly`;
  }
  if (identity === 1 && !first?.value) return 'organization ID is empty';
  const rest = segments.slice(identity);
  const [owner, key, ...extra] = rest;
  if (!owner) return undefined;
  if (owner.key === 'api-key') return extra.length || key ? 'nothing may follow the api-key segment' : undefined;
  const shape = IDENTITY_SHAPES[owner.key];
  if (shape && !shape.test(owner.value)) return `${owner.key} ID '${owner.value}' does not look like ${IDENTITY_EXAMPLES[owner.key] ?? 'an ID'}`;
  if (key && key.key !== 'api-key') return `'${key.key}' cannot follow ${owner.key}`;
  if (key && !key.value) return 'api-key ID is empty';
  if (extra.length) return 'nothing may follow the api-key segment';
  return undefined;
}
