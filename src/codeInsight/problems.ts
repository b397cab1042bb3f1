/**
 * What the Problems panel shows for one document: plain-text API secrets, IDs no connected
 * organization knows, and CRNs whose parts do not belong together. Host-free (no vscode), so the
 * rules and the request budget are unit tested against the sandbox.
 *
 * Budget: at most `maxLookups` IDs not yet in the lookup cache are fetched per pass (secrets'
 * keys first, then IDs in order of appearance); the rest wait for a later pass, when the cache
 * has the first ones. Cached answers are free.
 */
import * as l10n from '@vscode/l10n';
import { crnStructureProblem, crnSegments, crnValue } from './crnParts';
import { crnContaining, type Reference, referenceKindLabel } from './idPatterns';
import type { LookupKind, LookupResult, ResourceLookup } from './resourceLookup';
import { displayNameOf } from './resourceLookup';
import type { SecretFinding } from './secretScan';

export type ProblemCode = 'plaintextSecret' | 'unknownId' | 'crnMismatch';

export interface Problem {
  readonly start: number;
  readonly end: number;
  readonly severity: 'warning' | 'information';
  readonly code: ProblemCode;
  readonly message: string;
}

export interface ProblemInput {
  readonly references: readonly Reference[];
  readonly secrets: readonly SecretFinding[];
}

export const DEFAULT_MAX_LOOKUPS = 8;
const LOOKUP_KINDS = new Set<string>(['environment', 'kafkaCluster', 'serviceAccount', 'user', 'apiKey']);

/** "A, B or C" for the organizations an ID was looked for in. */
function joinOr(labels: readonly string[]): string {
  if (labels.length <= 1) return labels[0] ?? '';
  return l10n.t({ message: '{0} or {1}', args: [labels.slice(0, -1).join(', '), labels[labels.length - 1]!], comment: ['{0} is a comma-separated list of organizations, {1} the last one'] });
}

/** One structural CRN problem as a diagnostic. */
function notTogether(detail: string): string {
  return l10n.t({ message: 'CRN parts do not belong together: {0}.', args: [detail], comment: ['{0} says which parts disagree'] });
}

/** Lookups with a per-pass budget for uncached IDs. */
class BudgetedLookup {
  private remaining: number;
  private readonly done = new Map<string, Promise<LookupResult | undefined>>();

  constructor(private readonly lookup: ResourceLookup, max: number) {
    this.remaining = max;
  }

  get(kind: LookupKind, id: string, hint: { environmentId?: string | undefined } = {}): Promise<LookupResult | undefined> {
    const key = `${kind}\u0000${id}`;
    let result = this.done.get(key);
    if (!result) {
      if (this.lookup.isCached(kind, id)) result = this.lookup.lookup(kind, id, hint);
      else if (this.remaining > 0) {
        this.remaining--;
        result = this.lookup.lookup(kind, id, hint);
      } else {
        result = Promise.resolve(undefined);
      }
      this.done.set(key, result);
    }
    return result;
  }
}

async function secretProblem(finding: SecretFinding, lookup: BudgetedLookup, base: ResourceLookup): Promise<Problem> {
  const problem = (message: string): Problem => ({ start: finding.start, end: finding.end, severity: 'warning', code: 'plaintextSecret', message });
  if (!finding.keyId) return problem(l10n.t('Confluent Cloud API secret in plain text. Rotate the key and read the secret from the environment or a secret store.'));
  const result = await lookup.get('apiKey', finding.keyId);
  if (result?.status === 'missing') return problem(l10n.t('API secret in plain text for key {0} (no connected organization knows this key).', finding.keyId));
  const match = result?.status === 'found' ? result.matches[0] : undefined;
  if (match?.kind !== 'apiKey') return problem(l10n.t('API secret in plain text for key {0}.', finding.keyId));
  const ownerId = match.resource.spec.owner.id;
  const owner = await base.lookupIn(match.connection, ownerId.startsWith('sa-') ? 'serviceAccount' : 'user', ownerId);
  const ownerMatch = owner.status === 'found' ? owner.matches[0] : undefined;
  const ownerName = (ownerMatch && displayNameOf(ownerMatch)) || ownerId;
  return problem(l10n.t({
    message: 'API secret in plain text for key {0} owned by {1} ({2}).',
    args: [finding.keyId, ownerName, match.connection.label],
    comment: ['{1} is the owner\'s name, {2} the organization'],
  }));
}

async function crnProblems(crn: Reference, lookup: BudgetedLookup): Promise<string | undefined> {
  const shape = crnStructureProblem(crn.id);
  if (shape) return notTogether(shape);
  const segments = crnSegments(crn.id) ?? [];
  const org = crnValue(crn.id, 'organization');
  const env = crnValue(crn.id, 'environment');
  const cluster = crnValue(crn.id, 'cloud-cluster');
  if (cluster && env) {
    const result = await lookup.get('kafkaCluster', cluster, { environmentId: env });
    const match = result?.status === 'found' ? result.matches[0] : undefined;
    if (match?.kind === 'kafkaCluster' && match.resource.spec.environment.id !== env) {
      return notTogether(l10n.t('Kafka cluster {0} is in environment {1}, not {2}', cluster, match.resource.spec.environment.id, env));
    }
  }
  const keyIndex = segments.findIndex((s) => s.key === 'api-key');
  const ownerSegment = keyIndex > 0 ? segments[keyIndex - 1] : undefined;
  const keyId = keyIndex >= 0 ? segments[keyIndex]?.value : undefined;
  if (keyId && ownerSegment && (ownerSegment.key === 'service-account' || ownerSegment.key === 'user')) {
    const result = await lookup.get('apiKey', keyId);
    const match = result?.status === 'found' ? result.matches[0] : undefined;
    if (match?.kind === 'apiKey' && match.resource.spec.owner.id !== ownerSegment.value) {
      return notTogether(l10n.t('API key {0} belongs to {1}, not {2}', keyId, match.resource.spec.owner.id, ownerSegment.value));
    }
  }
  // The resource exists, but in an organization other than the one the CRN names.
  const last = [...segments].reverse().find((s) => /^(?:env|lkc|sa|u)-/.test(s.value));
  if (org && last) {
    const kind: LookupKind | undefined = last.value.startsWith('env-') ? 'environment' : last.value.startsWith('lkc-') ? 'kafkaCluster'
      : last.value.startsWith('sa-') ? 'serviceAccount' : 'user';
    const result = await lookup.get(kind, last.value, { environmentId: env });
    if (result?.status === 'found' && result.matches.every((m) => m.connection.orgId && m.connection.orgId !== org)) {
      const where = result.matches.map((m) => `${m.connection.label} (${m.connection.orgId})`).join(', ');
      return notTogether(l10n.t('{0} is in {1}, not organization {2}', last.value, where, org));
    }
  }
  return undefined;
}

/** Computes the problems of one document scan. */
export async function computeProblems(input: ProblemInput, lookup: ResourceLookup, maxLookups = DEFAULT_MAX_LOOKUPS): Promise<Problem[]> {
  const budget = new BudgetedLookup(lookup, maxLookups);
  const problems: Problem[] = [];
  // Secrets first: they matter most, and their keys' lookups share the budget.
  for (const finding of input.secrets) problems.push(await secretProblem(finding, budget, lookup));
  const crnReferences = input.references.filter((r) => r.kind === 'crn');
  const idReferences = input.references.filter((r) => LOOKUP_KINDS.has(r.kind));
  const results = await Promise.all(idReferences.map(async (ref) => {
    const crn = crnContaining(crnReferences, ref.start);
    return { ref, result: await budget.get(ref.kind as LookupKind, ref.id, { environmentId: crn ? crnValue(crn.id, 'environment') : undefined }) };
  }));
  for (const { ref, result } of results) {
    if (result?.status !== 'missing') continue;
    const where = joinOr(result.checked.map((c) => c.label));
    problems.push({
      start: ref.start, end: ref.end, severity: 'warning', code: 'unknownId',
      message: l10n.t({
        message: '{0} {1} does not exist in {2} — deleted?',
        args: [referenceKindLabel(ref.kind), ref.id, where],
        comment: ['{0} is a kind such as "service account", {1} its ID, {2} the organizations checked'],
      }),
    });
  }
  for (const crn of crnReferences) {
    const message = await crnProblems(crn, budget);
    if (message) problems.push({ start: crn.start, end: crn.end, severity: 'warning', code: 'crnMismatch', message });
  }
  return problems.sort((a, b) => a.start - b.start);
}
