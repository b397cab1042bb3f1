/**
 * Finds Confluent Cloud IDs and CRNs in arbitrary text (Terraform, YAML, properties, JSON, code).
 * Pure: no vscode import, so the patterns are unit tested in plain Node against a corpus.
 *
 * Precision over recall. Real IDs are a prefix plus 5–10 random lowercase letters and digits
 * (`env-abc123`, `sa-pay0001`, `lkc-c29js0`, `u-a83k9b`). Words such as `u-turn`, `env-var`,
 * `sa-ve` or `env-staging` share the shape but contain no digit, so a bare match needs at least one
 * digit. Inside a CRN segment (`service-account=sa-…`) or a principal (`User:sa-…`) the context
 * already says it is an ID, and the digit rule is dropped there. An all-letter ID in free text is
 * therefore missed on purpose.
 */
import * as l10n from '@vscode/l10n';

/** What a recognised token stands for. */
export type ReferenceKind =
  | 'environment' | 'kafkaCluster' | 'serviceAccount' | 'user'
  | 'identityPool' | 'groupMapping' | 'roleBinding' | 'apiKey' | 'crn';

/** One occurrence in the text; offsets are UTF-16 code units, `end` exclusive. */
export interface Reference {
  readonly kind: ReferenceKind;
  /** The ID (or the whole CRN for `crn`). */
  readonly id: string;
  readonly start: number;
  readonly end: number;
}

/** Prefix → kind for the resource IDs this extension understands. */
export const ID_PREFIXES: ReadonlyArray<readonly [string, Exclude<ReferenceKind, 'apiKey' | 'crn'>]> = [
  ['env-', 'environment'],
  ['lkc-', 'kafkaCluster'],
  ['sa-', 'serviceAccount'],
  ['u-', 'user'],
  ['pool-', 'identityPool'],
  ['group-', 'groupMapping'],
  ['rb-', 'roleBinding'],
];

export const CRN_ROOT = 'crn://confluent.cloud/';

// A token may not continue a longer word: `my-env-abc123`, `xsa-1234a`, `lkc-abc123x-y`, `a.u-12345`.
const BEFORE = String.raw`(?<![A-Za-z0-9_.\-])`;
const AFTER = String.raw`(?![A-Za-z0-9_\-])`;
const BARE_ID = new RegExp(`${BEFORE}(env|lkc|sa|u|pool|group|rb)-([a-z0-9]{5,10})${AFTER}`, 'g');
const PRINCIPAL_ID = /(?<=\b(?:User|Group):)(sa|u|pool|group)-([a-z0-9]{3,10})(?![A-Za-z0-9_-])/g;

/** `crn://confluent.cloud/` and everything up to whitespace, quotes or closing brackets. */
const CRN = /crn:\/\/confluent\.cloud\/[^\s"'`<>()[\]{},;\\]*/g;

/** A Confluent Cloud API key ID: 16 upper-case letters and digits, with at least one of each. */
export const API_KEY_ID = /^(?=[A-Z0-9]*[A-Z])(?=[A-Z0-9]*[0-9])[A-Z0-9]{16}$/;

/**
 * Contexts that name an API key ID: `username=`, `username="…"` (inside `sasl.jaas.config`),
 * `*_API_KEY=`, `api_key =`, `apiKey:`, `api.key`, `key:`/`key=`/`"key":`.
 */
const KEY_CONTEXT = /(?:\busername|api[_.-]?key(?:[_.-]?id)?|\bkey)["']?\s*[:=]\s*["']?\\?["']?([A-Z0-9]{16})(?![A-Za-z0-9+/])/gi;

function kindOfPrefix(prefix: string): Exclude<ReferenceKind, 'apiKey' | 'crn'> | undefined {
  return ID_PREFIXES.find(([p]) => p === `${prefix}-`)?.[1];
}

/** The CRN with trailing sentence punctuation removed (`…/topic=orders.` at the end of a comment). */
function trimCrn(raw: string): string {
  return raw.replace(/[.:]+$/, '');
}

/** CRNs in the text. */
export function findCrns(text: string): Reference[] {
  const out: Reference[] = [];
  for (const m of text.matchAll(CRN)) {
    const id = trimCrn(m[0]);
    if (id.length <= CRN_ROOT.length) continue;
    out.push({ kind: 'crn', id, start: m.index, end: m.index + id.length });
  }
  return out;
}

/** IDs in the segments of one CRN found at `offset` (`service-account=sa-abc` etc.). */
function idsInCrn(crn: string, offset: number): Reference[] {
  const out: Reference[] = [];
  let position = CRN_ROOT.length;
  for (const segment of crn.slice(CRN_ROOT.length).split('/')) {
    const eq = segment.indexOf('=');
    const value = eq >= 0 ? segment.slice(eq + 1) : '';
    const m = /^(env|lkc|sa|u|pool|group|rb)-([a-z0-9]{3,20})$/.exec(value);
    const kind = m?.[1] ? kindOfPrefix(m[1]) : undefined;
    const key = segment.slice(0, eq);
    if (kind) {
      const start = offset + position + eq + 1;
      out.push({ kind, id: value, start, end: start + value.length });
    } else if (key === 'api-key' && API_KEY_ID.test(value)) {
      const start = offset + position + eq + 1;
      out.push({ kind: 'apiKey', id: value, start, end: start + value.length });
    }
    position += segment.length + 1;
  }
  return out;
}

/** API key IDs named by their context (`username=…`, `*_API_KEY=…`, a CRN's `api-key=`). */
export function findApiKeyIds(text: string): Reference[] {
  const out: Reference[] = [];
  for (const m of text.matchAll(KEY_CONTEXT)) {
    const id = m[1];
    if (!id || !API_KEY_ID.test(id)) continue;
    const start = m.index + m[0].length - id.length;
    out.push({ kind: 'apiKey', id, start, end: start + id.length });
  }
  return out;
}

/**
 * Every reference in the text, sorted by position, without overlaps: a CRN is reported once as a
 * whole and once per ID inside it (the inner ones are what hovers resolve), never twice for the
 * same range.
 */
export function findReferences(text: string): Reference[] {
  const found: Reference[] = [];
  const crns = findCrns(text);
  found.push(...crns);
  for (const crn of crns) found.push(...idsInCrn(crn.id, crn.start));
  const insideCrn = (start: number): boolean => crnContaining(crns, start) !== undefined;
  const starts = new Set(found.map((r) => r.start));
  const add = (r: Reference): void => {
    if (starts.has(r.start)) return;
    starts.add(r.start);
    found.push(r);
  };
  for (const m of text.matchAll(BARE_ID)) {
    const [whole, prefix = '', suffix = ''] = m;
    if (insideCrn(m.index) || !/[0-9]/.test(suffix)) continue;
    const kind = kindOfPrefix(prefix);
    if (kind) add({ kind, id: whole, start: m.index, end: m.index + whole.length });
  }
  for (const m of text.matchAll(PRINCIPAL_ID)) {
    const [whole, prefix = ''] = m;
    const kind = kindOfPrefix(prefix);
    if (kind) add({ kind, id: whole, start: m.index, end: m.index + whole.length });
  }
  for (const key of findApiKeyIds(text)) add(key);
  return found.sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * The CRN (from a text-ordered, non-overlapping list such as {@link findCrns} returns) whose range
 * holds `offset`; a binary search, so scanning a large file stays linear.
 */
export function crnContaining(crns: readonly Reference[], offset: number): Reference | undefined {
  let lo = 0;
  let hi = crns.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = crns[mid];
    if (!c) break;
    if (offset < c.start) hi = mid - 1;
    else if (offset >= c.end) lo = mid + 1;
    else return c;
  }
  return undefined;
}

/** The innermost reference covering `offset` (an ID inside a CRN wins over the CRN). */
export function referenceAt(references: readonly Reference[], offset: number): Reference | undefined {
  let best: Reference | undefined;
  for (const r of references) {
    if (offset < r.start || offset > r.end) continue;
    if (!best || r.end - r.start < best.end - best.start) best = r;
  }
  return best;
}

/** Human name of a kind, for hovers and messages ("service account sa-123"), translated. */
export function referenceKindLabel(kind: ReferenceKind): string {
  switch (kind) {
    case 'environment': return l10n.t('environment');
    case 'kafkaCluster': return l10n.t('Kafka cluster');
    case 'serviceAccount': return l10n.t('service account');
    case 'user': return l10n.t('user');
    case 'identityPool': return l10n.t('identity pool');
    case 'groupMapping': return l10n.t('group mapping');
    case 'roleBinding': return l10n.t('role binding');
    case 'apiKey': return l10n.t('API key');
    case 'crn': return 'CRN';
  }
}

/** The plural of {@link referenceKindLabel} ("service accounts"), its own message so a translator can inflect it. */
export function referenceKindPlural(kind: ReferenceKind): string {
  switch (kind) {
    case 'environment': return l10n.t('environments');
    case 'kafkaCluster': return l10n.t('Kafka clusters');
    case 'serviceAccount': return l10n.t('service accounts');
    case 'user': return l10n.t('users');
    case 'identityPool': return l10n.t('identity pools');
    case 'groupMapping': return l10n.t('group mappings');
    case 'roleBinding': return l10n.t('role bindings');
    case 'apiKey': return l10n.t('API keys');
    case 'crn': return 'CRNs';
  }
}
