/**
 * Guessing a resource kind from an ID typed into "Go to ID…". Prefixes are not guaranteed by the
 * API, so this is only a guess: anything unrecognised is treated as an API key (whose ID is the
 * key string itself). Pure; unit tested in plain Node; wording goes through `@vscode/l10n`.
 */
import * as l10n from '@vscode/l10n';

/** Kinds of resource that appear as nodes in the explorer. */
export type ResourceKind = 'environment' | 'kafkaCluster' | 'serviceAccount' | 'user' | 'apiKey' | 'roleBinding';

/** Detects the resource kind from an ID's prefix. */
export function detectResourceKind(id: string): ResourceKind {
  const trimmed = id.trim();
  if (trimmed.startsWith('env-')) return 'environment';
  if (trimmed.startsWith('lkc-')) return 'kafkaCluster';
  if (trimmed.startsWith('sa-')) return 'serviceAccount';
  if (trimmed.startsWith('u-')) return 'user';
  if (trimmed.startsWith('rb-')) return 'roleBinding';
  return 'apiKey';
}

const KIND_COMMENT = ['Singular resource noun used inside messages, e.g. "No service account sa-123 in Production."'];

/** Human name of a kind, for messages ("service account sa-123"), in the user's language. */
export function kindLabel(kind: ResourceKind): string {
  switch (kind) {
    case 'environment': return l10n.t({ message: 'environment', comment: KIND_COMMENT });
    case 'kafkaCluster': return l10n.t({ message: 'Kafka cluster', comment: KIND_COMMENT });
    case 'serviceAccount': return l10n.t({ message: 'service account', comment: KIND_COMMENT });
    case 'user': return l10n.t({ message: 'user', comment: KIND_COMMENT });
    case 'apiKey': return l10n.t({ message: 'API key', comment: KIND_COMMENT });
    case 'roleBinding': return l10n.t({ message: 'role binding', comment: KIND_COMMENT });
  }
}

/** Validates a "Go to ID" input: a single token of at most 255 characters. */
export function validateResourceId(id: string): string | undefined {
  const trimmed = id.trim();
  if (!trimmed) return l10n.t('Enter an ID such as env-…, lkc-…, sa-…, u-… or an API key.');
  if (trimmed.length > 255) return l10n.t('IDs are at most 255 characters long.');
  if (/\s/.test(trimmed)) return l10n.t('An ID contains no spaces.');
  return undefined;
}
