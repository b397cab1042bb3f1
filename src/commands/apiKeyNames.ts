/**
 * Names for API keys made by rotation and the text that describes a key's scope. Pure (no
 * vscode), unit tested.
 */
import * as l10n from '@vscode/l10n';
import type { ApiKey } from '../cloud/schemas/apiKey';
import { MAX_FIELD_LENGTH } from './validation';

const ROTATED_SUFFIX = / \(rotated \d{4}-\d{2}-\d{2}\)$/;

/**
 * The display name of a key that replaces `name`: "payments (rotated 2024-05-01)". A previous
 * rotation suffix is replaced rather than stacked; an unnamed key is named after its ID. Kept
 * within the API's 255 characters. The name is data sent to the API and matched again on the
 * next rotation, so it is not translated.
 */
export function rotatedKeyName(name: string | null | undefined, keyId: string, now: Date): string {
  const base = (name?.trim() ? name.trim() : keyId).replace(ROTATED_SUFFIX, '');
  const suffix = ` (rotated ${now.toISOString().slice(0, 10)})`;
  const room = MAX_FIELD_LENGTH - suffix.length;
  const chars = [...base];
  return `${chars.length > room ? chars.slice(0, room).join('') : base}${suffix}`;
}

/** The key without `spec.secret`: what goes into the tree, logs and command results. */
export function withoutSecret(key: ApiKey): ApiKey {
  const { secret: _secret, ...spec } = key.spec;
  return { ...key, spec: { ...spec } };
}

/** "Cloud API key (organization-wide)" or the resource ID, for messages. */
export function keyScope(key: ApiKey): string {
  return key.spec.resource ? `${key.spec.resource.id}` : l10n.t('Cloud API key (organization-wide)');
}

/**
 * After an uncertain create: the key this attempt made, if listed — same owner, resource, name
 * and description, created no earlier than the attempt (less clock skew). The newest wins.
 */
export function findCreatedKey(
  keys: readonly ApiKey[],
  wanted: { owner: string; resource: string | undefined; displayName: string; description: string },
  startedAt: Date,
  skewMs = 120_000,
): ApiKey | undefined {
  const since = startedAt.getTime() - skewMs;
  const matches = keys.filter((key) => {
    const created = Date.parse(key.metadata?.created_at ?? '');
    return key.spec.owner.id === wanted.owner
      && (key.spec.resource?.id ?? undefined) === wanted.resource
      && (key.spec.display_name ?? '') === wanted.displayName
      && (key.spec.description ?? '') === wanted.description
      && Number.isFinite(created) && created >= since;
  });
  return matches.sort((a, b) => Date.parse(b.metadata?.created_at ?? '') - Date.parse(a.metadata?.created_at ?? ''))[0];
}
