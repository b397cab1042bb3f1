/**
 * Guessing a resource kind from an ID typed into "Go to ID…". Prefixes are not guaranteed by the
 * API, so this is only a guess: anything unrecognised is treated as an API key (whose ID is the
 * key string itself). Pure; unit tested in plain Node.
 */

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

/** Human name of a kind, for messages ("service account sa-123"). */
export function kindLabel(kind: ResourceKind): string {
  switch (kind) {
    case 'environment': return 'environment';
    case 'kafkaCluster': return 'Kafka cluster';
    case 'serviceAccount': return 'service account';
    case 'user': return 'user';
    case 'apiKey': return 'API key';
    case 'roleBinding': return 'role binding';
  }
}

/** Validates a "Go to ID" input: a single token of at most 255 characters. */
export function validateResourceId(id: string): string | undefined {
  const trimmed = id.trim();
  if (!trimmed) return 'Enter an ID such as env-…, lkc-…, sa-…, u-… or an API key.';
  if (trimmed.length > 255) return 'IDs are at most 255 characters long.';
  if (/\s/.test(trimmed)) return 'An ID contains no spaces.';
  return undefined;
}
