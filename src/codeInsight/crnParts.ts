/**
 * Structural checks on CRNs found in files. Scope CRNs (organization → environment → cluster →
 * topic …) are checked by the role-binding pattern parser in `src/cloud/crn.ts`; CRNs of
 * identities and keys (`…/service-account=sa-…`, `…/user=u-…/api-key=…`) are checked here, since
 * that parser does not cover them. Pure: no vscode import.
 */
import * as l10n from '@vscode/l10n';
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
  if (!segments) return l10n.t('not a Confluent Cloud CRN');
  const identity = segments.findIndex((s) => s.key in IDENTITY_SHAPES || s.key === 'api-key');
  if (identity < 0) {
    const parsed = parseCrnPattern(crn);
    return parsed.ok ? undefined : parsed.message;
  }
  // Identity CRNs: organization=<org>/<identity>=<id>[/api-key=<key>], or the short
  // metadata form without the organization (`crn://confluent.cloud/service-account=sa-1`).
  const [first] = segments;
  if (identity > 1 || (identity === 1 && first?.key !== 'organization')) {
    const key = segments[identity]?.key;
    return key !== undefined
      ? l10n.t({ message: '{0} must follow {1} directly', args: [key, 'organization=<ID>'], comment: ['{0} is a CRN segment name such as "service-account"'] })
      : l10n.t('the identity must follow {0} directly', 'organization=<ID>');
  }
  if (identity === 1 && !first?.value) return l10n.t('organization ID is empty');
  const rest = segments.slice(identity);
  const [owner, key, ...extra] = rest;
  if (!owner) return undefined;
  if (owner.key === 'api-key') return extra.length || key ? l10n.t('nothing may follow the api-key segment') : undefined;
  const shape = IDENTITY_SHAPES[owner.key];
  if (shape && !shape.test(owner.value)) {
    const example = IDENTITY_EXAMPLES[owner.key];
    return example !== undefined
      ? l10n.t({ message: '{0} ID \'{1}\' does not look like {2}', args: [owner.key, owner.value, example], comment: ['{0} is a CRN segment name, {2} an ID shape such as "sa-…"'] })
      : l10n.t({ message: '{0} ID \'{1}\' does not look like an ID', args: [owner.key, owner.value], comment: ['{0} is a CRN segment name'] });
  }
  if (key && key.key !== 'api-key') return l10n.t({ message: '\'{0}\' cannot follow {1}', args: [key.key, owner.key], comment: ['{0} and {1} are CRN segment names'] });
  if (key && !key.value) return l10n.t('api-key ID is empty');
  if (extra.length) return l10n.t('nothing may follow the api-key segment');
  return undefined;
}
