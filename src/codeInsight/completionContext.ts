/**
 * What the user is typing at the cursor, for ID and CRN completion. Pure: no vscode import.
 */

export type IdPrefix = 'env-' | 'lkc-' | 'sa-' | 'u-';

export type CompletionContext =
  /** An ID being typed: `prefix` is `sa-` etc., `start` the column where the ID begins. */
  | { readonly type: 'id'; readonly prefix: IdPrefix; readonly start: number; readonly typed: string }
  /**
   * Inside a CRN: the complete `key=value` segments before the cursor, and the column where the
   * segment being typed begins (it is replaced by the completion).
   */
  | { readonly type: 'crn'; readonly segments: readonly { key: string; value: string }[]; readonly start: number; readonly typed: string };

const CRN_START = 'crn://confluent.cloud/';

/** The context for the text of the line before the cursor, or undefined when nothing applies. */
export function completionContext(linePrefix: string): CompletionContext | undefined {
  const crnAt = linePrefix.lastIndexOf(CRN_START);
  if (crnAt >= 0) {
    const path = linePrefix.slice(crnAt + CRN_START.length);
    if (!/[\s"'`]/.test(path)) {
      const parts = path.split('/');
      const typed = parts.pop() ?? '';
      const segments = parts.map((p) => {
        const eq = p.indexOf('=');
        return eq < 0 ? { key: p, value: '' } : { key: p.slice(0, eq), value: p.slice(eq + 1) };
      });
      return { type: 'crn', segments, start: linePrefix.length - typed.length, typed };
    }
  }
  const m = /(?<![A-Za-z0-9_.-])(env-|lkc-|sa-|u-)([a-z0-9]*)$/.exec(linePrefix);
  if (!m) return undefined;
  return { type: 'id', prefix: m[1] as IdPrefix, start: m.index, typed: m[0] };
}

/** What the next CRN segment may be, given the segments before it. */
export function nextCrnSegments(segments: readonly { key: string; value: string }[]): readonly string[] {
  const last = segments[segments.length - 1];
  if (!last) return ['organization'];
  switch (last.key) {
    case 'organization': return ['environment', 'service-account', 'user'];
    case 'environment': return ['cloud-cluster'];
    case 'cloud-cluster': return ['kafka'];
    case 'kafka': return ['topic', 'group', 'transactional-id'];
    case 'service-account':
    case 'user': return ['api-key'];
    default: return [];
  }
}
